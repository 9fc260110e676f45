/**
 * The document outline (title, the six sections, their sub-headings and tables) and folding ranges.
 * Pure: model in, plain data out; the server turns it into DocumentSymbol / FoldingRange.
 */

import type { Localized } from '../diagnostics';
import type { Heading, Position, Range, ReportModel, Table } from '../model';
import { perModel } from '../memo';
import { SECTIONS } from '../schema';
import { comparePos, containsRange, tableTitle } from './util';

export type OutlineKind = 'title' | 'section' | 'subheading' | 'table';

export interface OutlineNode {
  /** As written in the document (a heading without its `#`s), or a table's standard name (`表三 …`). */
  readonly name: string;
  /** Extra information: the standard title when a heading's wording differs, a table's template and row count. */
  readonly detail: Localized;
  readonly kind: OutlineKind;
  /** The whole extent: a section from its heading to the line before the next section. */
  readonly range: Range;
  /** What to select when the node is picked: the heading line, a table's caption. Always inside `range`. */
  readonly selectionRange: Range;
  readonly children: OutlineNode[];
}

export interface FoldRange {
  readonly startLine: number;
  readonly endLine: number;
}

const EMPTY: Localized = { zh: '', en: '' };

interface MutableNode {
  name: string;
  detail: Localized;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: MutableNode[];
}

/**
 * The ends of everything the model placed, sorted: the end of a heading's content is the end of the last thing
 * before the next heading, known without the text (every non-blank prose line is part of some sentence).
 */
const endsOf = perModel((model: ReportModel): Position[] => {
  const ends: Position[] = [];
  if (model.title) ends.push(model.title.range.end);
  for (const s of model.sentences) ends.push(s.range.end);
  for (const t of model.tables) ends.push(t.range.end);
  for (const s of model.sections) ends.push(s.heading.range.end);
  for (const s of model.subheadings) ends.push(s.heading.range.end);
  ends.sort(comparePos);
  return ends;
});

/** The last end on a line before `line`, or null. */
function lastEndBefore(ends: readonly Position[], line: number): Position | null {
  let lo = 0;
  let hi = ends.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid].line < line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? ends[found] : null;
}

function maxPos(a: Position, b: Position): Position {
  return comparePos(a, b) >= 0 ? a : b;
}

function minPos(a: Position, b: Position): Position {
  return comparePos(a, b) <= 0 ? a : b;
}

/** A heading's text without Markdown `#`s. */
export function headingText(h: Heading): string {
  return h.raw.replace(/^#+[ \t]*/, '').trim();
}

/** A sub-heading's name: up to its first full stop or colon, at most 40 characters. */
function subheadingName(h: Heading): string {
  const text = headingText(h).replace(/\[bookmark:[^\]]*\]/g, '').replace(/[ \t\u3000]+/g, ' ');
  const stop = text.search(/[。：:；;]/);
  let name = stop >= 2 ? text.slice(0, stop) : text;
  if (name.length > 40) name = name.slice(0, 40) + '…';
  return name;
}

/** What makes two sub-headings siblings: their numbering style (（一） vs 1. vs （1） vs 1)) or Markdown level. */
function nestingKey(h: Heading): string {
  if (h.markdownLevel > 0) return `md:${h.markdownLevel}`;
  if (h.style === 'arabic-paren') {
    return /^[（(]/.test(headingText(h)) ? 'arabic-paren' : 'arabic-close';
  }
  return h.style;
}

function tableDetail(table: Table, model: ReportModel): Localized {
  // 表四 is the same in both templates: named only when the table itself says.
  const template = table.template ?? (table.id !== 't4' && model.template !== 'unknown' ? model.template : null);
  const zh: string[] = [];
  const en: string[] = [];
  if (template) {
    zh.push(`${template} 格式`);
    en.push(`${template} template`);
  }
  zh.push(`${table.rows.length} 行`);
  en.push(`${table.rows.length} row${table.rows.length === 1 ? '' : 's'}`);
  if (table.missingRows.length) {
    zh.push(`${table.missingRows.length} 行未读出`);
    en.push(`${table.missingRows.length} row${table.missingRows.length === 1 ? '' : 's'} not read`);
  }
  return { zh: zh.join(' · '), en: en.join(' · ') };
}

function tableSelection(table: Table): Range {
  const candidates: Range[] = [];
  if (table.caption) candidates.push(table.caption.range);
  if (table.headers.length) candidates.push(table.headers[0].label.range);
  for (const r of table.rows) if (r.label) candidates.push(r.label.range);
  for (const c of candidates) if (containsRange(table.range, c)) return c;
  return table.range;
}

function tableNode(table: Table, model: ReportModel): MutableNode {
  return {
    name: tableTitle(table.id),
    detail: tableDetail(table, model),
    kind: 'table',
    range: table.range,
    selectionRange: tableSelection(table),
    children: [],
  };
}

/** Nests sub-headings by numbering style; each one's range runs to the line before the next one not inside it. */
function nest(
  subs: readonly Heading[],
  parentEnd: Position,
  boundaryLine: number,
  ends: readonly Position[],
): MutableNode[] {
  const roots: MutableNode[] = [];
  const stack: { key: string; md: number; node: MutableNode }[] = [];
  const flat: { node: MutableNode; depth: number; heading: Heading }[] = [];
  for (const h of subs) {
    const key = nestingKey(h);
    const at = stack.findIndex((s) => s.key === key);
    if (at >= 0) stack.length = at;
    else if (h.markdownLevel > 0) {
      while (stack.length && stack[stack.length - 1].md >= h.markdownLevel) stack.pop();
    }
    const node: MutableNode = {
      name: subheadingName(h),
      detail: EMPTY,
      kind: 'subheading',
      range: h.range,
      selectionRange: h.range,
      children: [],
    };
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    flat.push({ node, depth: stack.length, heading: h });
    stack.push({ key, md: h.markdownLevel, node });
  }
  for (let i = 0; i < flat.length; i++) {
    const { node, depth, heading } = flat[i];
    let line = boundaryLine;
    for (let j = i + 1; j < flat.length; j++) {
      if (flat[j].depth <= depth) {
        line = flat[j].heading.range.start.line;
        break;
      }
    }
    const last = lastEndBefore(ends, line);
    let end = last ? maxPos(last, heading.range.end) : heading.range.end;
    end = minPos(end, maxPos(parentEnd, heading.range.end));
    node.range = { start: heading.range.start, end };
  }
  return roots;
}

/** Puts a table into the innermost node whose range holds it; false if none does. */
function place(nodes: MutableNode[], table: MutableNode): boolean {
  for (const n of nodes) {
    if (n.kind === 'table' || !containsRange(n.range, table.range)) continue;
    if (!place(n.children, table)) n.children.push(table);
    return true;
  }
  return false;
}

function sortTree(nodes: MutableNode[]): void {
  nodes.sort((a, b) => comparePos(a.range.start, b.range.start));
  for (const n of nodes) sortTree(n.children);
}

/**
 * The outline: the title (if any) and the sections as written at the top level; inside each section its
 * sub-headings, nested by numbering style, and its tables (inside the sub-heading they stand under). Anything
 * before the first section (a table, a sub-heading) stays at the top level.
 */
export const outline: (model: ReportModel) => OutlineNode[] = perModel((model: ReportModel): OutlineNode[] => {
  const ends = endsOf(model);
  const top: MutableNode[] = [];
  if (model.title) {
    const zh: string[] = [];
    const en: string[] = [];
    if (model.year) {
      zh.push(`${model.year.value} 年度`);
      en.push(`year ${model.year.value}`);
    }
    if (model.kind) {
      zh.push(model.kind === 'government' ? '人民政府年报' : '部门年报');
      en.push(model.kind === 'government' ? "people's government" : 'department');
    }
    top.push({
      name: model.title.text,
      detail: { zh: zh.join(' · '), en: en.join(' · ') },
      kind: 'title',
      range: model.title.range,
      selectionRange: model.title.range,
      children: [],
    });
  }

  const sections = [...model.sections].sort((a, b) => comparePos(a.range.start, b.range.start));
  const used = new Set<Heading>();
  for (const s of sections) {
    const def = SECTIONS.find((d) => d.id === s.id)!;
    const standard = `${def.numeral}、${def.title}`;
    const h = s.heading;
    const asStandard = h.style === 'cn-dun' && h.numeral === def.numeral && h.title === def.title;
    const range = containsRange(s.range, h.range) ? s.range : { start: h.range.start, end: maxPos(s.range.end, h.range.end) };
    const subs = model.subheadings
      .map((x) => x.heading)
      .sort((a, b) => comparePos(a.range.start, b.range.start))
      .filter((x) => !used.has(x) && comparePos(x.range.start, h.range.end) >= 0 && containsRange(range, x.range));
    for (const x of subs) used.add(x);
    top.push({
      name: headingText(h),
      detail: asStandard ? EMPTY : { zh: standard, en: standard },
      kind: 'section',
      range,
      selectionRange: h.range,
      children: nest(subs, range.end, range.end.line + 1, ends),
    });
  }

  // Sub-headings outside every section (before the first one) stay at the top level.
  const loose = model.subheadings.map((x) => x.heading).filter((x) => !used.has(x));
  if (loose.length) {
    const firstSection = sections.length ? sections[0].range.start.line : Number.MAX_SAFE_INTEGER;
    const before = loose.filter((x) => x.range.start.line < firstSection);
    const last = lastEndBefore(ends, firstSection);
    const end = last ?? before[before.length - 1]?.range.end ?? { line: 0, character: 0 };
    top.push(...nest(before, end, firstSection, ends));
    for (const x of loose) {
      if (x.range.start.line < firstSection) continue;
      top.push({ name: subheadingName(x), detail: EMPTY, kind: 'subheading', range: x.range, selectionRange: x.range, children: [] });
    }
  }

  for (const t of model.tables) {
    const node = tableNode(t, model);
    if (!place(top, node)) top.push(node);
  }
  sortTree(top);
  return top;
});

/** Folding ranges: each section (heading to the line before the next section) and each multi-line table. */
export function folds(model: ReportModel): FoldRange[] {
  const out: FoldRange[] = [];
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number): void => {
    if (endLine <= startLine) return;
    const k = `${startLine}:${endLine}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ startLine, endLine });
  };
  for (const s of model.sections) add(s.heading.range.start.line, Math.max(s.range.end.line, s.heading.range.end.line));
  for (const t of model.tables) add(t.range.start.line, t.range.end.line);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
