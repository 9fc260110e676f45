/**
 * The language server proper: document sync, scheduling of analyses, publication of diagnostics, and the
 * feature requests, each translating the core's results (via ./features) into LSP. No analysis logic here.
 */

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/diagnostics';
import { effectiveTemplate } from '../core/rules/registry';
import { REPORT_INFO_METHOD, type ReportInfoParams, type ReportInfoResult } from '../../../client/src/protocol';
import { Analyses, type DocAnalysis } from './analyses';
import { ConfigFiles, CONFIG_NAMES } from './config-files';
import { localeOf } from './convert';
import * as features from './features';
import { FIX_ALL_KIND } from './features';
import { SettingsStore } from './settings-store';
import { VERSION } from '../cli/version';

export const SERVER_NAME = 'nianbao';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    },
    documentSymbolProvider: { label: 'nianbao' },
    foldingRangeProvider: true,
    hoverProvider: true,
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
      resolveProvider: false,
    },
    inlayHintProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
  };
}

interface HasDocument {
  readonly textDocument: { readonly uri: string };
}

function isPosition(v: unknown): boolean {
  const p = v as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function isRange(v: unknown): boolean {
  const r = v as { start?: unknown; end?: unknown } | null;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** Throws InvalidParams unless the request names a document (and, when asked, a position or range). */
function checkParams(method: string, params: unknown, extra?: 'position' | 'range'): asserts params is HasDocument {
  const p = params as { textDocument?: { uri?: unknown }; position?: unknown; range?: unknown } | null | undefined;
  const ok =
    typeof p === 'object' &&
    p !== null &&
    typeof p.textDocument === 'object' &&
    p.textDocument !== null &&
    typeof p.textDocument.uri === 'string' &&
    (extra !== 'position' || isPosition(p.position)) &&
    (extra !== 'range' || isRange(p.range));
  if (!ok) {
    const what = extra ? `textDocument.uri and ${extra}` : 'textDocument.uri';
    throw new ResponseError(ErrorCodes.InvalidParams, `${method}: invalid params (expected ${what})`);
  }
}

export class Session {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly configFiles = new ConfigFiles();
  private settings!: SettingsStore;
  private analyses!: Analyses;
  private locale: Locale = 'zh';
  private capabilities: ClientCapabilities = {};
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents whose open event is being handled (TextDocuments fires a content change right after it). */
  private readonly opening = new Set<string>();
  /** The analysis last published per document, so one analysis is published once. */
  private readonly published = new Map<string, DocAnalysis>();
  private shuttingDown = false;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    c.onShutdown(() => {
      this.shuttingDown = true;
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
    });

    this.documents.onDidOpen((e) => this.guardEvent('didOpen', () => this.didOpen(e.document)));
    this.documents.onDidChangeContent((e) => this.guardEvent('didChange', () => this.didChange(e.document)));
    this.documents.onDidSave((e) => this.guardEvent('didSave', () => this.didSave(e.document)));
    this.documents.onDidClose((e) => this.guardEvent('didClose', () => this.didClose(e.document)));
    this.documents.listen(c);

    c.onDidChangeConfiguration((p) => this.guardEvent('didChangeConfiguration', () => this.configurationChanged(p?.settings)));
    c.onDidChangeWatchedFiles(() => this.guardEvent('didChangeWatchedFiles', () => this.configFilesChanged()));

    c.onDocumentSymbol(
      this.request('textDocument/documentSymbol', undefined, [], (a) => features.documentSymbols(a, this.capabilities)),
    );
    c.onFoldingRanges(this.request('textDocument/foldingRange', undefined, [], (a) => features.foldingRanges(a)));
    c.onHover(this.request('textDocument/hover', 'position', null, (a, p) => features.hover(a, p.position)));
    c.onCodeAction(this.request('textDocument/codeAction', 'range', [], (a, p) => features.codeActions(a, p.range, p.context, this.capabilities)));
    c.languages.inlayHint.on(
      this.request('textDocument/inlayHint', 'range', [], (a, p) => (a.settings.inlayHints.enabled ? features.inlayHints(a, p.range) : [])),
    );
    c.onCodeLens(this.request('textDocument/codeLens', undefined, [], (a) => (a.settings.codeLens.enabled ? features.codeLenses(a) : [])));
    c.onRequest(REPORT_INFO_METHOD, (params: ReportInfoParams, token: CancellationToken) => this.reportInfo(params, token));

    c.listen();
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────────────

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params?.capabilities ?? {};
    // InitializeParams.locale; the client's initializationOptions.locale when a client leaves that out.
    const fallback = (params?.initializationOptions as { locale?: unknown } | undefined)?.locale;
    this.locale = localeOf(params?.locale ?? (typeof fallback === 'string' ? fallback : undefined));
    const canAsk = this.capabilities.workspace?.configuration === true;
    this.settings = new SettingsStore(this.connection, canAsk, (m) => this.connection.console.warn(m));
    this.analyses = new Analyses({
      document: (uri) => this.documents.get(uri),
      settings: (uri) => this.settings.get(uri),
      configFiles: this.configFiles,
      locale: this.locale,
      generation: () => this.settings.generation,
    });
    return { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version: VERSION } };
  }

  private initialized(): void {
    // Documents opened before the handshake finished (a client that does not wait) are checked now.
    for (const doc of this.documents.all()) void this.publish(doc.uri);
    const ws = this.capabilities.workspace;
    if (ws?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'nianbao' })
        .catch((err: unknown) => this.logError('register didChangeConfiguration', err));
    }
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` })),
        })
        .catch((err: unknown) => this.logError('register didChangeWatchedFiles', err));
    }
  }

  // ── documents ──────────────────────────────────────────────────────────────────────────────────────────────

  private didOpen(doc: TextDocument): void {
    this.opening.add(doc.uri);
    void this.publish(doc.uri);
  }

  private didChange(doc: TextDocument): void {
    if (this.opening.delete(doc.uri)) return;
    void this.settings
      .get(doc.uri)
      .then((s) => {
        if (s.run === 'onType') this.schedule(doc.uri, s.debounce);
      })
      .catch((err: unknown) => this.logError('didChange', err));
  }

  private didSave(doc: TextDocument): void {
    void this.settings
      .get(doc.uri)
      .then((s) => {
        if (s.run === 'onSave') this.schedule(doc.uri, 0);
      })
      .catch((err: unknown) => this.logError('didSave', err));
  }

  private didClose(doc: TextDocument): void {
    const uri = doc.uri;
    this.opening.delete(uri);
    this.cancel(uri);
    this.analyses.drop(uri);
    this.settings.forget(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch((err: unknown) => this.logError('didClose', err));
  }

  private configurationChanged(payload: unknown): void {
    this.settings.changed(payload);
    this.analyses.clear();
    this.republishAll();
  }

  private configFilesChanged(): void {
    this.configFiles.clear();
    this.settings.touch();
    this.analyses.clear();
    this.republishAll();
  }

  private republishAll(): void {
    for (const doc of this.documents.all()) {
      this.cancel(doc.uri);
      void this.publish(doc.uri);
    }
    const ws = this.capabilities.workspace;
    if (ws?.inlayHint?.refreshSupport) {
      void this.connection.languages.inlayHint.refresh().catch((err: unknown) => this.logError('inlayHint/refresh', err));
    }
    if (ws?.codeLens?.refreshSupport) {
      void this.connection.sendRequest('workspace/codeLens/refresh').catch((err: unknown) => this.logError('codeLens/refresh', err));
    }
  }

  // ── scheduling and publication ─────────────────────────────────────────────────────────────────────────────

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    if (this.shuttingDown) return;
    if (delay <= 0) {
      void this.publish(uri);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay);
    this.timers.set(uri, timer);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) {
      clearTimeout(t);
      this.timers.delete(uri);
    }
  }

  /** Analyses the current version (or reuses its analysis) and publishes it, unless the document moved on. */
  private async publish(uri: string): Promise<void> {
    if (!this.analyses) return; // before initialize: published once initialized
    try {
      const a = await this.analyses.get(uri);
      if (!a || this.shuttingDown) return;
      const doc = this.documents.get(uri);
      // Computed for a version the document is no longer at: a newer analysis will be published instead.
      if (!doc || doc.version !== a.version) return;
      if (this.published.get(uri) === a) return;
      this.published.set(uri, a);
      await this.connection.sendDiagnostics({ uri, version: a.version, diagnostics: [...a.diagnostics] });
    } catch (err) {
      this.logError(`publish ${uri}`, err);
    }
  }

  // ── requests ───────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * A request handler: checks the params (InvalidParams otherwise), finds the current analysis (the cached one
   * when the diagnostics already computed it) and answers `empty` for documents that are closed, not validated
   * or too large. An exception becomes an error response; the server carries on.
   */
  private request<P extends HasDocument, R>(
    method: string,
    extra: 'position' | 'range' | undefined,
    empty: R,
    answer: (a: DocAnalysis & { state: { kind: 'analysed' } }, params: P) => R,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params: P, token: CancellationToken) => {
      checkParams(method, params, extra);
      if (!this.analyses) throw new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized`);
      try {
        const a = await this.analyses.get(params.textDocument.uri);
        if (!a || a.state.kind !== 'analysed' || token?.isCancellationRequested) return empty;
        return answer(a as DocAnalysis & { state: { kind: 'analysed' } }, params);
      } catch (err) {
        this.logError(method, err);
        if (err instanceof ResponseError) throw err;
        throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }

  /** `nianbao/reportInfo` (client/src/protocol.ts): the status bar's template, year, kind and problem count. */
  private async reportInfo(params: ReportInfoParams, token: CancellationToken): Promise<ReportInfoResult> {
    const uri = (params as { uri?: unknown } | null | undefined)?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${REPORT_INFO_METHOD}: invalid params (expected uri)`);
    if (!this.analyses) throw new ResponseError(ErrorCodes.ServerNotInitialized, `${REPORT_INFO_METHOD}: the server is not initialized`);
    try {
      const a = await this.analyses.get(uri);
      if (!a || a.state.kind !== 'analysed' || token?.isCancellationRequested) return null;
      const { model } = a.state.result;
      const { options } = a.state;
      return {
        template: effectiveTemplate(model, options),
        year: options.year ?? model.year?.value ?? null,
        kind: options.kind ?? model.kind,
        problems: a.diagnostics.length,
      };
    } catch (err) {
      this.logError(REPORT_INFO_METHOD, err);
      throw new ResponseError(ErrorCodes.InternalError, `${REPORT_INFO_METHOD} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private guardEvent(name: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.logError(name, err);
    }
  }

  private logError(where: string, err: unknown): void {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    try {
      this.connection.console.error(`nianbao: ${where}: ${text}`);
    } catch {
      // the connection is gone
    }
  }
}
