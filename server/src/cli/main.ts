/**
 * `nianbao check [files | folders | globs] [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en]
 * [-o FILE]`: checks annual report drafts and prints the findings.
 *
 * Exit codes: 0 no finding at error severity; 1 at least one; 2 usage error, unusable config file, or a file
 * that could not be read or fixed (2 wins over 1). Nothing ever ends in a stack trace.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyze, localize, type AnalyzeOptions, type Locale, type Localized } from '../core/index';
import { checkCarry } from '../core/across';
import { validateConfig, type ConfigError } from '../core/config';
import { parseArgs, localeFromEnv, type CheckCommand } from './args';
import { checkFile, ioReason } from './check';
import { decodeReport } from './decode';
import { resolveInputs } from './files';
import { jsonFrame } from './output-json';
import { sarifDocument } from './output-sarif';
import { textChunks, type TextTotals } from './output-text';
import { renderAll, workerLoop, WORKER_MARK, type WorkerInit } from './pool';
import { renderResult, type RenderFlags, type RenderTask } from './render';
import { usage } from './usage';
import { VERSION } from './version';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;

/** Collects what goes to standard error, written once at the end (in order with nothing else). */
class Stderr {
  private readonly lines: string[] = [];
  constructor(readonly locale: Locale) {}
  error(subject: string, message: Localized | string): void {
    this.lines.push(`${subject}: error: ${typeof message === 'string' ? message : localize(message, this.locale)}`);
  }
  flush(): void {
    if (this.lines.length) process.stderr.write(this.lines.join('\n') + '\n');
  }
}

interface LoadedConfig {
  readonly options: AnalyzeOptions;
  readonly errors: readonly ConfigError[];
  /** False when the file could not be read or is not JSON: the run stops. */
  readonly usable: boolean;
}

function loadConfig(file: string, stderr: Stderr): LoadedConfig {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    stderr.error(file, ioReason(err));
    return { options: {}, errors: [], usable: false };
  }
  // Decoded like a report, so a BOM or a UTF-16 file saved by Notepad is fine.
  const decoded = decodeReport(bytes, file);
  if (!decoded.ok) {
    stderr.error(file, decoded.message);
    return { options: {}, errors: [], usable: false };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    stderr.error(file, { zh: `不是有效的 JSON：${detail}`, en: `invalid JSON: ${detail}` });
    return { options: {}, errors: [], usable: false };
  }
  const { options, errors } = validateConfig(raw);
  for (const e of errors) {
    stderr.error(file, e.key ? `${e.key}: ${localize(e.message, stderr.locale)}` : localize(e.message, stderr.locale));
  }
  return { options, errors, usable: true };
}

/** Names of the config file looked for in a report's folder and the folders above it (nearest wins). */
export const CONFIG_NAMES: readonly string[] = ['.nianbao.json', 'nianbao.json'];

/** The nearest config file for a folder, or null. Cached per folder. */
function makeConfigFinder(): (dir: string) => string | null {
  const cache = new Map<string, string | null>();
  const find = (dir: string): string | null => {
    const hit = cache.get(dir);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      try {
        if (fs.statSync(p).isFile()) {
          found = p;
          break;
        }
      } catch {
        // not there
      }
    }
    if (!found) {
      const up = path.dirname(dir);
      found = up !== dir ? find(up) : null;
    }
    cache.set(dir, found);
    return found;
  };
  return find;
}

async function runCheck(cmd: CheckCommand, stderr: Stderr): Promise<number> {
  const cwd = process.cwd();
  const explicit = cmd.config ? loadConfig(cmd.config, stderr) : null;
  if (explicit && !explicit.usable) return EXIT_TROUBLE;

  const inputs = resolveInputs(cmd.paths, cwd);
  if (inputs.errors.length) {
    for (const e of inputs.errors) stderr.error('nianbao', e);
    return EXIT_TROUBLE;
  }

  // Without --config, each report uses the nearest .nianbao.json / nianbao.json above it.
  const findConfig = makeConfigFinder();
  const loaded = new Map<string, LoadedConfig>();
  let configTrouble = false;
  const optionsFor = (abs: string): AnalyzeOptions => {
    if (explicit) return explicit.options;
    const file = findConfig(path.dirname(abs));
    if (!file) return {};
    let cfg = loaded.get(file);
    if (!cfg) {
      cfg = loadConfig(file, stderr);
      loaded.set(file, cfg);
      // An unusable config is reported and the defaults apply; the run still ends in exit 2.
      if (!cfg.usable) configTrouble = true;
    }
    return cfg.options;
  };
  const tasks: RenderTask[] = inputs.files.map((input, index) => ({ index, input, options: optionsFor(input.abs) }));
  const flags: RenderFlags = { format: cmd.format, locale: cmd.locale, fix: cmd.fix, cwd };
  const rendered = await renderAll(tasks, flags, workerScript());

  // carry-over: reports of one agency in consecutive years among the inputs. The few files it adds findings
  // to are checked again (without fixing: any fix is already written) and rendered with them.
  const carries = rendered.flatMap((r) => (r.carry ? [r.carry] : []));
  const owners = rendered.flatMap((r) => (r.carry ? [r.index] : []));
  for (const [k, extra] of checkCarry(carries)) {
    const i = owners[k];
    const again = checkFile(tasks[i].input, tasks[i].options, false, analyze);
    const redone = renderResult(i, again, flags, extra);
    rendered[i] = { ...redone, fixed: rendered[i].fixed, fixError: rendered[i].fixError };
  }

  let exit = configTrouble ? EXIT_TROUBLE : EXIT_OK;
  for (const r of rendered) {
    if (r.unreadable) {
      stderr.error(r.file, r.unreadable);
      exit = EXIT_TROUBLE;
      continue;
    }
    if (r.fixError) {
      stderr.error(r.file, r.fixError);
      exit = EXIT_TROUBLE;
    }
    if (exit === EXIT_OK && r.counts.error > 0) exit = EXIT_FINDINGS;
  }

  let chunks: (string | Uint8Array)[];
  switch (cmd.format) {
    case 'json':
      chunks = jsonFrame(rendered.map((r) => r.fragment));
      break;
    case 'sarif':
      chunks = [
        sarifDocument(
          rendered.map((r) => r.sarif ?? { results: [], notifications: [] }),
          {
            locale: cmd.locale,
            version: VERSION,
            cwd,
            configErrors: explicit
              ? explicit.errors.map((e) => ({ ...e, file: cmd.config ?? '' }))
              : [...loaded].flatMap(([file, cfg]) => cfg.errors.map((e) => ({ ...e, file }))),
          },
        ),
      ];
      break;
    case 'text': {
      const counts = { error: 0, warning: 0, info: 0, hint: 0 };
      let checked = 0;
      let unreadable = 0;
      let fixedFiles = 0;
      let fixes = 0;
      for (const r of rendered) {
        if (r.unreadable) {
          unreadable++;
          continue;
        }
        checked++;
        if (r.fixed) {
          fixedFiles++;
          fixes += r.fixed;
        }
        for (const k of ['error', 'warning', 'info', 'hint'] as const) counts[k] += r.counts[k];
      }
      const totals: TextTotals = { counts, checked, unreadable, fixedFiles, fixes };
      chunks = textChunks(
        rendered.map((r) => r.fragment),
        totals,
        cmd.locale,
        cmd.fix,
      );
      break;
    }
  }
  if (cmd.output) {
    try {
      writeChunks(path.resolve(cwd, cmd.output), chunks);
    } catch (err) {
      stderr.error(cmd.output, ioReason(err));
      return EXIT_TROUBLE;
    }
  } else {
    // Pieces joined into blocks of about 1 MB: one write per piece would be thousands of system calls, one
    // write of everything a copy of the whole output.
    for (const block of blocks(chunks)) process.stdout.write(block);
  }
  return exit;
}

const BLOCK = 1 << 20;

/**
 * The pieces as UTF-8, gathered into blocks of about BLOCK bytes (a larger piece is a block of its own).
 * Pieces that lie end to end in one buffer (the files' output, written one after another into the same slab)
 * are joined without copying.
 */
function* blocks(chunks: readonly (string | Uint8Array)[]): Generator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let size = 0;
  for (const c of chunks) {
    const bytes = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    const last = pending.length ? pending[pending.length - 1] : null;
    if (last && last.buffer === bytes.buffer && last.byteOffset + last.byteLength === bytes.byteOffset) {
      pending[pending.length - 1] = new Uint8Array(bytes.buffer, last.byteOffset, last.byteLength + bytes.byteLength);
    } else {
      pending.push(bytes);
    }
    size += bytes.length;
    if (size >= BLOCK) {
      yield pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
}

/** Writes the pieces to a file (replacing it), block by block. */
function writeChunks(file: string, chunks: readonly (string | Uint8Array)[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const block of blocks(chunks)) {
      let done = 0;
      while (done < block.length) done += fs.writeSync(fd, block, done, block.length - done);
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, process.env);
  const stderr = new Stderr(parsed.locale);
  try {
    switch (parsed.command) {
      case 'help':
        process.stdout.write(usage(parsed.locale));
        return EXIT_OK;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return EXIT_OK;
      case 'usage-error':
        stderr.error('nianbao', parsed.message);
        stderr.error('nianbao', parsed.locale === 'en' ? 'run nianbao --help for usage' : '运行 nianbao --help 查看用法');
        return EXIT_TROUBLE;
      case 'check':
        return await runCheck(parsed, stderr);
    }
  } finally {
    stderr.flush();
  }
}

/** The script worker threads run: this CLI bundle itself (null when not run as the bundle). */
function workerScript(): string | null {
  const main = require.main?.filename;
  return main && /cli\.js$/.test(main) ? main : null;
}

async function main(): Promise<void> {
  // A reader that goes away (`nianbao check . | head`) is not an error worth a trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`nianbao: error: ${err.message}\n`);
    process.exit(EXIT_TROUBLE);
  });
  try {
    // exitCode rather than exit(): standard output to a pipe is written asynchronously and must be let drain.
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    const locale = localeFromEnv(process.env);
    const text = err instanceof Error ? err.message : String(err);
    process.stderr.write(`nianbao: error: ${locale === 'en' ? 'internal error' : '内部错误'}: ${text}\n`);
    process.exitCode = EXIT_TROUBLE;
  }
}

const init = workerData as WorkerInit | null;
if (!isMainThread && parentPort && init && init.mark === WORKER_MARK) {
  workerLoop(parentPort, init);
} else {
  void main();
}
