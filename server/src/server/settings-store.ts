/**
 * Per-document settings from workspace/configuration (section `nianbao`, scoped to the document's URI), asked
 * once and kept until didChangeConfiguration. A client without workspace/configuration gets the defaults, or
 * whatever it pushes in didChangeConfiguration's `settings.nianbao`.
 */

import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

export const SECTION = 'nianbao';

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed by a client that cannot be asked (didChangeConfiguration's payload). */
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  private gen = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    private readonly log: (message: string) => void,
  ) {}

  /** Increases on every change; an analysis made under an older generation is out of date. */
  get generation(): number {
    return this.gen;
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.ask(uri);
      this.perDocument.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: forget every answer (and keep the payload for clients that cannot be asked). */
  changed(payload: unknown): void {
    this.gen++;
    this.perDocument.clear();
    if (!this.canAsk) {
      const section = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[SECTION] : undefined;
      this.pushed = readSettings(section);
    }
  }

  /** Something other than the settings changed (a config file): analyses made so far are out of date. */
  touch(): void {
    this.gen++;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async ask(uri: string): Promise<ServerSettings> {
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION });
      return readSettings(value);
    } catch (err) {
      this.log(`workspace/configuration failed, using the defaults: ${err instanceof Error ? err.message : String(err)}`);
      return DEFAULT_SETTINGS;
    }
  }
}
