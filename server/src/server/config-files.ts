/**
 * `.nianbao.json` / `nianbao.json` found upward from a document's folder (file: URIs only), as the CLI finds
 * them. Each lookup walks the folders again (a few stat calls), so a config file created, changed or removed
 * on disk is seen at the next analysis; parsed contents are cached by path, modification time and size.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfig, type ConfigError } from '../core/config';
import type { AnalyzeOptions } from '../core/options';
import { decodeReport } from '../cli/decode';

/** Looked for in this order in each folder, nearest folder first (the same names as the CLI's). */
export const CONFIG_NAMES: readonly string[] = ['.nianbao.json', 'nianbao.json'];

export interface FileConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly options: AnalyzeOptions;
  /** Invalid keys and values (key '' for the file as a whole: unreadable, not JSON, not an object). */
  readonly errors: readonly ConfigError[];
}

/** The file system path of a file: URI, or null for any other scheme (untitled:, vscode-notebook-cell:, …). */
export function fsPathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly config: FileConfig;
}

export class ConfigFiles {
  private readonly parsed = new Map<string, Cached>();

  /** The nearest config file above the document, or null (also for non-file URIs). */
  forDocument(uri: string): FileConfig | null {
    const file = fsPathOf(uri);
    if (!file) return null;
    let dir = path.dirname(file);
    for (;;) {
      for (const name of CONFIG_NAMES) {
        const p = path.join(dir, name);
        let stat: fs.Stats | undefined;
        try {
          stat = fs.statSync(p, { throwIfNoEntry: false });
        } catch {
          stat = undefined;
        }
        if (stat && stat.isFile()) return this.load(p, stat);
      }
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }

  clear(): void {
    this.parsed.clear();
  }

  private load(file: string, stat: fs.Stats): FileConfig {
    const hit = this.parsed.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.config;
    const config = readConfig(file);
    this.parsed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, config });
    return config;
  }
}

function whole(file: string, zh: string, en: string): FileConfig {
  return { file, options: {}, errors: [{ key: '', message: { zh, en } }] };
}

/** Reads and validates one config file; never throws. */
export function readConfig(file: string): FileConfig {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return whole(file, `无法读取：${detail}`, `cannot be read: ${detail}`);
  }
  // Decoded like a report, so a BOM or a UTF-16 file saved by Notepad is fine (as in the CLI).
  const decoded = decodeReport(bytes, file);
  if (!decoded.ok) return { file, options: {}, errors: [{ key: '', message: decoded.message }] };
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return whole(file, `不是有效的 JSON：${detail}`, `invalid JSON: ${detail}`);
  }
  const { options, errors } = validateConfig(raw);
  return { file, options, errors };
}
