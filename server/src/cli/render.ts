/**
 * Checking one file and rendering its share of the output at once, so that nothing but a compact summary is
 * kept per file (thousands of files: the models would otherwise fill the heap and keep the collector busy).
 * Runs in worker threads as well as in the main thread.
 */

import { analyze, compareDiagnostics, type AnalyzeOptions, type Diagnostic, type Locale, type Localized } from '../core/index';
import { carryInfo, type CarryInfo } from '../core/across';
import { applySuppressions } from '../core/suppress';
import { checkFile } from './check';
import type { InputFile } from './files';
import { ByteWriter } from './bytes';
import { jsonFragmentBytes } from './output-json';
import { sarifPart, type SarifPart } from './output-sarif';
import { textFragment } from './output-text';
import type { FileResult, SeverityCounts } from './results';

export type Format = 'text' | 'json' | 'sarif';

export interface RenderFlags {
  readonly format: Format;
  readonly locale: Locale;
  readonly fix: boolean;
  readonly cwd: string;
}

export interface RenderTask {
  readonly index: number;
  readonly input: InputFile;
  readonly options: AnalyzeOptions;
}

export interface Rendered {
  readonly index: number;
  readonly file: string;
  readonly abs: string;
  /** Why the file could not be read (then nothing else is set). */
  readonly unreadable: Localized | null;
  readonly fixError: Localized | null;
  readonly fixed: number | null;
  readonly counts: SeverityCounts;
  /**
   * The file's text or JSON output as UTF-8 (empty for SARIF). Bytes rather than a string: thousands of JSON
   * fragments held as strings until the end would be copied by every young-generation collection on the way
   * to the old one, and fill the JavaScript heap; bytes live outside it and are written as they are.
   */
  readonly fragment: Uint8Array;
  readonly sarif: SarifPart | null;
  readonly carry: CarryInfo | null;
}

/** JSON fragments of a thread's files are written into shared slabs. */
const writer = new ByteWriter();

function counts(ds: readonly Diagnostic[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

/** Renders a checked (or unreadable) file. `extra` findings (carry-over) join the file's own. */
export function renderResult(index: number, r: FileResult, flags: RenderFlags, extra: readonly Diagnostic[] = []): Rendered {
  let result = r;
  if (extra.length && r.kind === 'checked') {
    const { kept, suppressed } = applySuppressions(r.text, extra);
    result = { ...r, diagnostics: [...r.diagnostics, ...kept].sort(compareDiagnostics), suppressed: [...r.suppressed, ...suppressed] };
  }
  const fragment =
    flags.format === 'json'
      ? jsonFragmentBytes(result, flags.locale, writer, index > 0)
      : Buffer.from(flags.format === 'text' ? textFragment(result, flags.locale) : '', 'utf8');
  const sarif = flags.format === 'sarif' ? sarifPart(result, flags) : null;
  if (result.kind === 'unreadable') {
    return {
      index,
      file: result.file,
      abs: result.abs,
      unreadable: result.message,
      fixError: null,
      fixed: null,
      counts: counts([]),
      fragment,
      sarif,
      carry: null,
    };
  }
  return {
    index,
    file: result.file,
    abs: result.abs,
    unreadable: null,
    fixError: result.fixError,
    fixed: result.fixed,
    counts: counts(result.diagnostics),
    fragment,
    sarif,
    carry: null,
  };
}

export function renderTask(task: RenderTask, flags: RenderFlags): Rendered {
  const r = checkFile(task.input, task.options, flags.fix, analyze);
  const rendered = renderResult(task.index, r, flags);
  if (r.kind !== 'checked') return rendered;
  return { ...rendered, carry: carryInfo({ name: r.file, model: r.model, options: task.options }) };
}
