/**
 * The JSON format: `{"version":1,"files":[...]}`, one entry per file, with the model's metadata, sections,
 * cells and the diagnostics. Every line and column is 1-based (column = UTF-16 character + 1, end exclusive).
 */

import { localize, type Diagnostic, type Locale } from '../core/diagnostics';
import type { Cell, Range, ReportModel } from '../core/model';
import { oneBased, type CheckedFile, type FileResult } from './results';

function diagnosticJson(d: Diagnostic, locale: Locale): Record<string, unknown> {
  return {
    rule: d.rule,
    severity: d.severity,
    message: localize(d.message, locale),
    ...oneBased(d.range),
    fix: d.fix
      ? {
          title: localize(d.fix.title, locale),
          safe: d.fix.safe,
          edits: d.fix.edits.map((e) => ({ ...oneBased(e.range), newText: e.newText })),
        }
      : null,
    related: (d.related ?? []).map((r) => ({ message: localize(r.message, locale), ...oneBased(r.range) })),
  };
}

/** The model's summary fields; the cells are written separately (cellsJson). */
function modelJson(model: ReportModel): Record<string, unknown> {
  return {
    year: model.year?.value ?? null,
    template: model.template,
    kind: model.kind,
    sections: model.sections.map((s) => ({ id: s.id, title: s.heading.raw, line: s.heading.range.start.line + 1 })),
  };
}

function rangeJson(r: Range): string {
  return `{"line":${r.start.line + 1},"column":${r.start.character + 1},"endLine":${r.end.line + 1},"endColumn":${r.end.character + 1}}`;
}

/**
 * The cells, serialised by hand: they are most of the output (hundreds per report), and building an object for
 * each only to stringify it doubled the cost of `--format json`. The same text JSON.stringify would give for
 * `{table, row, col, value, raw, kind, range}`: table, row, column keys and kinds are fixed identifiers; the
 * raw text is escaped by JSON.stringify; values are finite numbers or null.
 */
function cellsJson(cells: readonly Cell[]): string {
  let s = '[';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    s +=
      (i ? ',{"table":"' : '{"table":"') +
      c.table +
      '","row":"' +
      c.row +
      '","col":"' +
      c.col +
      '","value":' +
      (c.value === null ? 'null' : String(c.value)) +
      ',"raw":' +
      JSON.stringify(c.raw) +
      ',"kind":"' +
      c.kind +
      '","range":' +
      rangeJson(c.range) +
      '}';
  }
  return s + ']';
}

function fileJson(r: CheckedFile, locale: Locale): string {
  const head = JSON.stringify({ file: r.file, encoding: r.encoding, ...modelJson(r.model) });
  const tail = JSON.stringify({
    diagnostics: r.diagnostics.map((d) => diagnosticJson(d, locale)),
    unplaced: r.model.unplaced.map((u) => ({
      reason: u.reason,
      table: u.table ?? null,
      row: u.row ?? null,
      text: u.text,
      range: oneBased(u.range),
    })),
    suppressed: r.suppressed.map((s) => ({
      ...diagnosticJson(s.diagnostic, locale),
      reason: s.reason,
      commentLine: s.commentLine + 1,
    })),
    ...(r.fixed !== null ? { fixed: r.fixed } : {}),
    ...(r.fixError ? { fixError: localize(r.fixError, locale) } : {}),
  });
  // `{…head…,"cells":[…],…tail…}`: both parts are objects with keys, so neither is `{}`.
  return `${head.slice(0, -1)},"cells":${cellsJson(r.model.cells)},${tail.slice(1)}`;
}

/** One file's entry, serialised (so a file's model can be dropped as soon as it is rendered). */
export function jsonFragment(r: FileResult, locale: Locale): string {
  return r.kind === 'checked' ? fileJson(r, locale) : JSON.stringify({ file: r.file, error: localize(r.message, locale) });
}

/** The whole document as pieces to write in order: the files' fragments (text or UTF-8 bytes) in their frame. */
export function jsonChunks<T extends string | Uint8Array>(fragments: readonly T[]): (T | string)[] {
  const out: (T | string)[] = ['{"version":1,"files":['];
  fragments.forEach((f, i) => {
    if (i) out.push(',');
    out.push(f);
  });
  out.push(']}\n');
  return out;
}

/** The whole document from the files' fragments, in order. */
export function jsonDocument(fragments: readonly string[]): string {
  return jsonChunks(fragments).join('');
}

export function formatJson(results: readonly FileResult[], locale: Locale): string {
  return jsonDocument(results.map((r) => jsonFragment(r, locale)));
}
