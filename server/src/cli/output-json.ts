/**
 * The JSON format: `{"version":1,"files":[...]}`, one entry per file, with the model's metadata, sections,
 * cells and the diagnostics. Every line and column is 1-based (column = UTF-16 character + 1, end exclusive).
 */

import { localize, type Diagnostic, type Locale } from '../core/diagnostics';
import type { ReportModel } from '../core/model';
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

function modelJson(model: ReportModel): Record<string, unknown> {
  return {
    year: model.year?.value ?? null,
    template: model.template,
    kind: model.kind,
    sections: model.sections.map((s) => ({ id: s.id, title: s.heading.raw, line: s.heading.range.start.line + 1 })),
    cells: model.cells.map((c) => ({
      table: c.table,
      row: c.row,
      col: c.col,
      value: c.value,
      raw: c.raw,
      kind: c.kind,
      range: oneBased(c.range),
    })),
  };
}

function fileJson(r: CheckedFile, locale: Locale): unknown {
  return {
    file: r.file,
    encoding: r.encoding,
    ...modelJson(r.model),
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
  };
}

/** One file's entry, serialised (so a file's model can be dropped as soon as it is rendered). */
export function jsonFragment(r: FileResult, locale: Locale): string {
  return JSON.stringify(r.kind === 'checked' ? fileJson(r, locale) : { file: r.file, error: localize(r.message, locale) });
}

/** The whole document from the files' fragments, in order. */
export function jsonDocument(fragments: readonly string[]): string {
  return `{"version":1,"files":[${fragments.join(',')}]}\n`;
}

export function formatJson(results: readonly FileResult[], locale: Locale): string {
  return jsonDocument(results.map((r) => jsonFragment(r, locale)));
}
