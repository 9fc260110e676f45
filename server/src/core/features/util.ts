/**
 * Small helpers shared by the editor features: range arithmetic, names of tables, rows and columns as the
 * template prints them, and a cached line index of the current text.
 */

import type { Position, Range, ReportModel, Table } from '../model';
import { tableDef, type TableId, type TemplateId } from '../schema';
import { LineIndex } from '../text';

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `pos` lies in `range`, both ends included (a hover at the end of a token still finds it). */
export function containsPos(range: Range, pos: Position): boolean {
  return comparePos(range.start, pos) <= 0 && comparePos(pos, range.end) <= 0;
}

/** Whether `inner` lies within `outer`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

/** Whether two ranges share a point (touching counts: a cursor at the end of a cell is on it). */
export function overlaps(a: Range, b: Range): boolean {
  return comparePos(a.start, b.end) <= 0 && comparePos(b.start, a.end) <= 0;
}

let cachedText: string | null = null;
let cachedIndex: LineIndex | null = null;

/** The line index of a text, kept for the last text seen (hovers come many times per version). */
export function lineIndexOf(text: string): LineIndex {
  if (cachedIndex && cachedText === text) return cachedIndex;
  cachedIndex = new LineIndex(text);
  cachedText = text;
  return cachedIndex;
}

/** `表二 第二十条第（五）项`, `表三 收到和处理政府信息公开申请情况`, `表四 行政复议、行政诉讼情况`. */
export function tableTitle(id: TableId): string {
  if (id === 't3') return '表三 收到和处理政府信息公开申请情况';
  if (id === 't4') return '表四 行政复议、行政诉讼情况';
  return `表二 ${tableDef(id).caption}`;
}

/** The short name used in messages: `第二十条第（五）项`, `表三`, `表四`. */
export function tableShort(id: TableId): string {
  return tableDef(id).name;
}

/** The template a table is read in: its own, else the report's, else the given fallback. */
export function tableTemplate(table: Table, model: ReportModel, fallback: TemplateId): TemplateId {
  return table.template ?? (model.template !== 'unknown' ? model.template : fallback);
}

/** A row's full label as the template prints it, with its group's ordinal: `（三）1.属于国家秘密`. */
export function fullRowLabel(id: TableId, key: string, template: TemplateId): string {
  const def = tableDef(id);
  const row = def.rows.find((r) => r.key === key && r.templates.includes(template)) ?? def.rows.find((r) => r.key === key);
  if (!row) return key;
  const group = row.group && row.group !== 'results' ? def.groups?.find((g) => g.key === row.group) : undefined;
  return `${group ? group.ordinal : ''}${row.ordinal ?? ''}${row.label}`;
}

/** A column's label as the template prints it. */
export function colLabel(id: TableId, key: string, template: TemplateId): string {
  const def = tableDef(id);
  const col = def.cols.find((c) => c.key === key && c.templates.includes(template)) ?? def.cols.find((c) => c.key === key);
  return col ? col.label : key;
}

/** Text safe inside Markdown inline code. */
export function code(s: string): string {
  const t = s.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' ');
  return t.length ? `\`${t}\`` : '` `';
}

/** Escapes Markdown punctuation in text taken from the document. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => '\\' + c);
}
