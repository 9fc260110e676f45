/**
 * The JSON format: `{"version":1,"files":[...]}`, one entry per file, with the model's metadata, sections,
 * cells and the diagnostics. Every line and column is 1-based (column = UTF-16 character + 1, end exclusive).
 */

import { localize, type Diagnostic, type Locale } from '../core/diagnostics';
import type { Cell, ReportModel } from '../core/model';
import { ByteWriter } from './bytes';
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

/** The model's summary fields; the cells are written separately (writeCells). */
function modelJson(model: ReportModel): Record<string, unknown> {
  return {
    year: model.year?.value ?? null,
    template: model.template,
    kind: model.kind,
    sections: model.sections.map((s) => ({ id: s.id, title: s.heading.raw, line: s.heading.range.start.line + 1 })),
  };
}

/**
 * The cells, written as bytes: they are most of the output (hundreds per report). The same bytes as
 * JSON.stringify of `{table, row, col, value, raw, kind, range}` encoded as UTF-8: table, row and column keys
 * and kinds are schema identifiers (ASCII, nothing to escape; a test checks), the raw text goes through
 * jsonString, values are finite numbers or null.
 */
function writeCells(w: ByteWriter, cells: readonly Cell[]): void {
  w.ascii('[');
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const r = c.range;
    if (i) w.bytes(COMMA);
    w.bytes(cellHead(c));
    if (c.value === null) w.bytes(NULL);
    else w.number(c.value);
    w.bytes(RAW);
    w.jsonString(c.raw);
    w.bytes(KIND_THEN_LINE[c.kind]);
    w.number(r.start.line + 1);
    w.bytes(COLUMN);
    w.number(r.start.character + 1);
    w.bytes(END_LINE);
    w.number(r.end.line + 1);
    w.bytes(END_COLUMN);
    w.number(r.end.character + 1);
    w.bytes(CLOSE);
  }
  w.ascii(']');
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const COMMA = ascii(',');
const NULL = ascii('null');
const RAW = ascii(',"raw":');
const KIND_THEN_LINE: Readonly<Record<Cell['kind'], Uint8Array>> = {
  number: ascii(',"kind":"number","range":{"line":'),
  blank: ascii(',"kind":"blank","range":{"line":'),
  placeholder: ascii(',"kind":"placeholder","range":{"line":'),
  text: ascii(',"kind":"text","range":{"line":'),
};
const COLUMN = ascii(',"column":');
const END_LINE = ascii(',"endLine":');
const END_COLUMN = ascii(',"endColumn":');
const CLOSE = ascii('}}');

/** `{"table":"t3","row":"new","col":"natural","value":` for each cell position, made once. */
const heads = new Map<string, Map<string, Map<string, Uint8Array>>>();

function cellHead(c: Cell): Uint8Array {
  let byRow = heads.get(c.table);
  if (!byRow) heads.set(c.table, (byRow = new Map()));
  let byCol = byRow.get(c.row);
  if (!byCol) byRow.set(c.row, (byCol = new Map()));
  let head = byCol.get(c.col);
  if (!head) byCol.set(c.col, (head = ascii(`{"table":"${c.table}","row":"${c.row}","col":"${c.col}","value":`)));
  return head;
}

function writeFile(w: ByteWriter, r: CheckedFile, locale: Locale): void {
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
  w.utf8(head.slice(0, -1));
  w.ascii(',"cells":');
  writeCells(w, r.model.cells);
  w.ascii(',');
  w.utf8(tail.slice(1));
}

/**
 * One file's entry as UTF-8, written with `w` (so a file's model can be dropped as soon as it is rendered);
 * `separated` puts the comma that goes before every entry but the first in front of it, so that the entries
 * of a run lie end to end in the writer's slabs and go out without being copied again (jsonFrame).
 */
export function jsonFragmentBytes(r: FileResult, locale: Locale, w: ByteWriter, separated = false): Uint8Array {
  if (separated) w.ascii(',');
  if (r.kind === 'checked') writeFile(w, r, locale);
  else w.utf8(JSON.stringify({ file: r.file, error: localize(r.message, locale) }));
  return w.take();
}

const OPEN = '{"version":1,"files":[';
const CLOSE_DOCUMENT = ']}\n';

/** The whole document as pieces to write in order: the files' entries, each but the first `separated`. */
export function jsonFrame(fragments: readonly Uint8Array[]): (string | Uint8Array)[] {
  return [OPEN, ...fragments, CLOSE_DOCUMENT];
}
