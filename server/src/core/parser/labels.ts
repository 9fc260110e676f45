/**
 * Recognising the labels of the standard tables in a cell's text: row labels, 表三 group labels, column
 * headers, 表二 captions. Built once from schema.ts. Matching works on folded text (no white space,
 * half-width brackets) with the row's ordinal (`（三）`, `1.`, `一、`) stripped, so `（三） 1.属于国家秘密`,
 * `1. 属于国家秘密` and `属 于 国 家 秘 密` all find `deny-1`.
 */

import { TABLES, type TableId, type TemplateId } from '../schema';
import { foldLabel } from '../text';

/** Longest folded text that is still looked at as a label; longer cells are prose. */
const MAX_LABEL = 80;

export interface LabelInfo {
  readonly folded: string;
  /** Folded text with leading ordinals removed. */
  readonly core: string;
  /** The ordinals removed, folded (`(三)`, `1.`). */
  readonly ordinals: readonly string[];
}

const ORDINAL_RE = /^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十0-9]{1,3}\)|[0-9]{1,2}(?:[.、,)](?![0-9])))/;

export function labelInfo(text: string): LabelInfo {
  // Long text is prose, never a label: skip the work.
  if (text.length > MAX_LABEL * 4) return { folded: text, core: '', ordinals: [] };
  return labelInfoFolded(foldLabel(text));
}

/** labelInfo for text already folded. */
export function labelInfoFolded(folded: string): LabelInfo {
  if (folded.length > MAX_LABEL * 4) return { folded, core: '', ordinals: [] };
  let core = folded;
  const ordinals: string[] = [];
  for (let i = 0; i < 3; i++) {
    const m = ORDINAL_RE.exec(core);
    if (!m) break;
    ordinals.push(m[0]);
    core = core.slice(m[0].length);
  }
  return { folded, core, ordinals };
}

export interface RowHit {
  readonly table: TableId;
  readonly key: string;
  /** The canonical label (template wording). */
  readonly canonical: string;
  readonly variant: boolean;
  /** Set when the label exists in one template only. */
  readonly template: TemplateId | null;
}

export interface HeaderHit {
  readonly table: TableId;
  /** Column key, or a structural header word (`info`, `applicant`, `org`, `note`, `litigation`, `row:<key>`). */
  readonly col: string;
  readonly canonical: string;
  readonly variant: boolean;
  readonly template: TemplateId | null;
}

interface Entry<T> {
  readonly text: string;
  readonly hit: T;
}

function onlyTemplate(templates: readonly TemplateId[]): TemplateId | null {
  return templates.length === 1 ? templates[0] : null;
}

function addEntries<T>(
  exact: Map<string, T[]>,
  list: Entry<T>[],
  texts: readonly string[],
  make: (variant: boolean) => T,
): void {
  texts.forEach((t, i) => {
    const f = foldLabel(t);
    const hit = make(i > 0);
    const arr = exact.get(f);
    if (arr) arr.push(hit);
    else exact.set(f, [hit]);
    list.push({ text: f, hit });
  });
}

/** The shared empty result (never modified). */
const NONE: never[] = [];

class Index<T> {
  readonly exact = new Map<string, T[]>();
  readonly list: Entry<T>[] = [];

  /** Exact match first; otherwise the longest entry (of at least `minLen` characters) the text contains. */
  find(core: string, minLen = 4): T[] {
    const e = this.exact.get(core);
    if (e) return e;
    if (core.length > MAX_LABEL) return [];
    let best: Entry<T>[] = [];
    let bestLen = 0;
    for (const entry of this.list) {
      if (entry.text.length < minLen || entry.text.length < bestLen) continue;
      if (core.includes(entry.text)) {
        if (entry.text.length > bestLen) {
          best = [entry];
          bestLen = entry.text.length;
        } else best.push(entry);
      }
    }
    return best.length ? best.map((b) => b.hit) : NONE;
  }
}

const rowIndex = new Map<TableId, Index<RowHit>>();
const groupIndex = new Index<{ key: string; canonical: string; template: TemplateId | null }>();
const headerIndex = new Map<TableId, Index<HeaderHit>>();
/** The row indexes in table order, for matching against every table. */
const ROW_INDEXES: Index<RowHit>[] = [];

for (const t of TABLES) {
  const ri = new Index<RowHit>();
  for (const r of t.rows) {
    addEntries(ri.exact, ri.list, [r.label, ...(r.variants ?? [])], (variant) => ({
      table: t.id,
      key: r.key,
      canonical: r.label,
      variant,
      template: onlyTemplate(r.templates),
    }));
  }
  rowIndex.set(t.id, ri);
  ROW_INDEXES.push(ri);
  const hi = new Index<HeaderHit>();
  for (const c of t.cols) {
    addEntries(hi.exact, hi.list, [c.label, ...(c.variants ?? [])], (variant) => ({
      table: t.id,
      col: c.key,
      canonical: c.label,
      variant,
      template: onlyTemplate(c.templates),
    }));
  }
  const structural: [string, string][] =
    t.id === 't3'
      ? [
          ['applicant', '申请人情况'],
          ['org', '法人或其他组织'],
        ]
      : t.id === 't4'
        ? [
            ['litigation', '行政诉讼'],
            ['row:review', '行政复议'],
            ['row:suit-direct', '未经复议直接起诉'],
            ['row:suit-after-review', '复议后起诉'],
          ]
        : [['info', '信息内容']];
  for (const [col, label] of structural) {
    addEntries(hi.exact, hi.list, [label], () => ({ table: t.id, col, canonical: label, variant: false, template: null }));
  }
  headerIndex.set(t.id, hi);
  for (const g of t.groups ?? []) {
    addEntries(groupIndex.exact, groupIndex.list, [g.label], () => ({
      key: g.key,
      canonical: g.label,
      template: onlyTemplate(g.templates),
    }));
  }
}

/** Row labels of `table` matching the cell. Labels of two characters (规章, 其他) must match exactly. */
export function matchRow(table: TableId, info: LabelInfo): RowHit[] {
  if (!info.core) return [];
  return rowIndex.get(table)!.find(info.core);
}

/** Row labels of `table` matching the cell as matchRowAnyTable matches (its share of that function's result). */
export function matchRowIn(table: TableId, info: LabelInfo): RowHit[] {
  if (!info.core) return [];
  return rowIndex.get(table)!.find(info.core, 5);
}

/** Row labels of any table matching the cell (used to find a table that has no caption). */
export function matchRowAnyTable(info: LabelInfo): RowHit[] {
  if (!info.core) return [];
  let out: RowHit[] | null = null;
  for (const idx of ROW_INDEXES) {
    const hits = idx.find(info.core, 5);
    if (!hits.length) continue;
    if (!out) out = hits.slice();
    else for (const h of hits) out.push(h);
  }
  return out ?? [];
}

/** A 表三 group label (`三、本年度办理结果`, `（三）不予公开`); only when that is all the cell says. */
export function matchGroup(info: LabelInfo): { key: string; canonical: string; template: TemplateId | null } | null {
  if (!info.core) return null;
  const e = groupIndex.exact.get(info.core);
  return e ? e[0] : null;
}

/** Column headers (and structural header words) of `table` matching the cell. */
export function matchHeader(table: TableId, info: LabelInfo): HeaderHit[] {
  if (!info.folded) return [];
  if (table === 't3' && /勾稽关系|本列数据/.test(info.folded)) {
    return [{ table, col: 'note', canonical: '本列数据的勾稽关系', variant: false, template: null }];
  }
  return headerIndex.get(table)!.find(info.core, 4);
}

const CAPTION_RE = /^(?:表[一二三四1-4]?[:.、]?)?第二十条第\(?([一二三四五六七八九十]{1,2})\)?项[:.]?$/;

/** The 第二十条 item of a 表二 caption cell (`第二十条第（五）项` → `t2-5`), or null. Takes folded text. */
export function matchCaption(f: string): TableId | null {
  if (f.length > 24 || !f.includes('第二十条')) return null;
  const m = CAPTION_RE.exec(f);
  if (!m) return null;
  switch (m[1]) {
    case '一':
      return 't2-1';
    case '五':
      return 't2-5';
    case '六':
      return 't2-6';
    case '八':
      return 't2-8';
    case '九':
      return 't2-9';
    default:
      return null;
  }
}

/** Cell text that marks the start of 表三 (its corner note or 申请人情况). Takes folded text. */
export function isT3Marker(f: string): boolean {
  if (f.length > 60) return false;
  return /本列数据的?勾稽关系|^申请人情况$/.test(f);
}

/** Cell text that is part of 表四's header. Takes folded text. */
export function t4HeaderWord(f: string): string | null {
  if (f.length > 12) return null;
  if (f === '行政复议' || f === '行政诉讼' || f === '未经复议直接起诉' || f === '复议后起诉') return f;
  return null;
}
