/**
 * Synthetic annual reports for the tests, the fuzzer and the benchmark: a deterministic renderer of complete
 * 政府信息公开工作年度报告 in every table shape of report-format.md §7, with the exact source range of every table
 * cell it writes (the test oracle).
 *
 * Everything here is invented (agency names, prose, figures); nothing is copied from real reports.
 *
 * Conventions (details at each shape renderer below):
 * - Positions are LSP-style: 0-based line, 0-based UTF-16 character. Lines end with `\n` (or `eol`).
 * - A non-blank cell's range covers its text trimmed of white space; a blank cell's range covers the white space
 *   between its delimiters (zero-width if there is none) and its raw is that white space. In html a cell's range
 *   covers its inner text (inside any `<p>`/`<span>`), not the tags. In `spaced` a blank cell is a zero-width
 *   range at the end of its column slot (a PDF copy has no delimiters).
 * - Values are arithmetically consistent unless `values` overrides say otherwise.
 */

import * as fs from 'fs';
import * as path from 'path';
import {
  colsOf,
  rowsOf,
  SECTIONS,
  tableDef,
  tablesOf,
  type ColDef,
  type SectionId,
  type TableId,
  type TemplateId,
} from '../../server/src/core/schema';

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

export type SynthShape = 'markdown' | 'tab-rows' | 'cell-lines' | 'pipe-fragments' | 'html' | 'spaced';

export const SYNTH_SHAPES: readonly SynthShape[] = ['markdown', 'tab-rows', 'cell-lines', 'pipe-fragments', 'html', 'spaced'];

/** table → row key → column key → raw cell text. */
export type RawValues = Record<string, Record<string, string>>;
/** table → row key → column key → value (null: blank or not a number). */
export type CellValues = Record<string, Record<string, number | null>>;

export interface SynthOptions {
  template: TemplateId;
  /** Report year; default 2020 for the 2019 template, 2022 for the 2021 template. */
  year?: number;
  /** Default 示例县交通运输局. */
  agency?: string;
  /** One shape for all tables, or one per table (tables not listed: markdown). */
  shape: SynthShape | Partial<Record<TableId, SynthShape>>;
  /** Drives the values and the small layout variations; default 1. The values depend on the seed only (not the shape). */
  seed?: number;
  /**
   * Raw overrides: table → row → col → raw text ('' = blank cell, '/', '251000元', '+3', '１２', '　36' …).
   * Must not contain line breaks. Unknown tables, rows or columns throw.
   */
  values?: Partial<Record<TableId, RawValues>>;
  /** Rows left out entirely (damage). For t4 a "row" is one of the three groups (its 5 columns go). */
  omitRows?: Partial<Record<TableId, string[]>>;
  omitTables?: TableId[];
  /** Override a heading line ('1、 总体情况', '三、其他需要报告的事项'); '' drops the heading line but keeps the content. */
  sectionHeadings?: Partial<Record<SectionId, string>>;
  /** Sections left out entirely: heading, prose and tables. */
  omitSections?: SectionId[];
  /** '# title', '## 一、总体情况', '### （一）…' (applied to overridden headings too unless they start with '#'). */
  markdownHeadings?: boolean;
  /** Use label variants (合计, 商业机构, 社会组织, 结果维护, 信访投诉举报类申请, 只记…不记, spaced labels). */
  variants?: boolean;
  /** Signature date as written; default `<year+1>年1月15日`. */
  date?: string;
  /** Line ending; default '\n'. */
  eol?: '\n' | '\r\n';
  /** Agency on its own line above `<year>年政府信息公开工作年度报告`; default: decided by the seed. */
  splitTitle?: boolean;
}

export interface SynthPosition {
  line: number;
  character: number;
}

export interface SynthRange {
  start: SynthPosition;
  end: SynthPosition;
}

export interface ExpectedCell {
  table: TableId;
  row: string;
  col: string;
  /** Exactly the text at `range`. */
  raw: string;
  value: number | null;
  range: SynthRange;
}

export interface SynthTableInfo {
  id: TableId;
  shape: SynthShape;
  /** First and last line of the table (caption included). */
  startLine: number;
  endLine: number;
}

export interface SynthReport {
  text: string;
  /** Every cell of every rendered table, in document order. */
  expected: ExpectedCell[];
  /** Rendered section headings, in document order. */
  sections: { id: SectionId; line: number }[];
  /** The numbers used, after overrides (null where the raw text is blank or not a number), for every table of the template. */
  values: Partial<Record<TableId, CellValues>>;
  /** The raw cell texts used, after overrides (before trimming). */
  raws: Partial<Record<TableId, RawValues>>;
  tables: SynthTableInfo[];
  template: TemplateId;
  year: number;
  agency: string;
  date: string;
  /** Lines of the title, the statistics-period sentence and the signature date. */
  lines: { title: number; period: number; date: number };
  /** Figures quoted in the prose (all consistent with the tables). */
  prose: {
    publishedTotal: number;
    publishedParts: number[];
    licensing: number;
    penalty: number;
    applicationsNew: number;
    applicationsCarried: number;
    applicationsDone: number;
    applicationsCarryOut: number;
    reviews: number;
    suits: number;
  };
}

/** The number a raw cell text means: `+505` → 505, `-7` → -7, `１２` → 12, `251000元` → 251000, `/` or '' → null. */
export function synthValue(raw: string): number | null {
  let s = '';
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (isWs(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) s += String.fromCharCode(c - 0xfee0);
    else s += ch;
  }
  s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^([+-])?(\d+(?:\.\d+)?)(万元|元|件|条|个|项|次|%)?$/.exec(s);
  if (!m) return null;
  const v = Number(m[2]);
  if (v === 0) return 0;
  return m[1] === '-' ? -v : v;
}

/** White space trimmed off cells (ASCII space, TAB, NBSP, full-width space, and the other Unicode spaces). */
export function isWs(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** Whether a cell text is empty or only white space. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWs(text.charCodeAt(i))) return false;
  return true;
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly f: () => number;
  constructor(seed: number) {
    this.f = mulberry32(seed);
  }
  next(): number {
    return this.f();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.f() * (hi - lo + 1));
  }
  bool(p = 0.5): boolean {
    return this.f() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.f() * items.length)];
  }
}

/** Splits a text into lines the way LSP does (\n, \r\n, \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The text at a range (single-line ranges only, which is all the renderer produces). */
export function textAt(text: string, range: SynthRange, lines = splitLines(text)): string {
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

interface NumValues {
  [table: string]: Record<string, Record<string, number>>;
}

const T3_APPLICANTS = ['natural', 'business', 'research', 'public-interest', 'legal', 'other-org'] as const;
const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** Leaf rows of 表三's results (everything summed into （七）总计). */
export function t3ResultLeaves(template: TemplateId): string[] {
  return rowsOf('t3', template)
    .filter((r) => r.group !== undefined && r.key !== 'total')
    .map((r) => r.key);
}

function generateNumbers(template: TemplateId, rng: Rng): NumValues {
  const v: NumValues = {};
  // 第二十条第（一）项
  if (template === '2019') {
    v['t2-1'] = {};
    for (const row of ['rules', 'normative']) {
      const made = row === 'rules' ? rng.int(0, 1) : rng.int(0, 6);
      const published = rng.int(0, made);
      v['t2-1'][row] = { made, published, 'public-total': published + rng.int(0, 30) };
    }
  } else {
    v['t2-1'] = {};
    for (const row of ['rules', 'normative']) {
      const issued = row === 'rules' ? rng.int(0, 1) : rng.int(0, 6);
      const repealed = rng.int(0, 2);
      v['t2-1'][row] = { issued, repealed, 'in-force': issued + rng.int(0, 25) };
    }
  }
  // 第二十条第（五）（六）项
  const itemRows: Record<string, string[]> = {
    't2-5': template === '2019' ? ['licensing', 'other-services'] : ['licensing'],
    't2-6': ['penalty', 'enforcement'],
  };
  for (const id of ['t2-5', 't2-6']) {
    v[id] = {};
    for (const row of itemRows[id]) {
      const big = row === 'licensing' || row === 'penalty';
      if (template === '2019') {
        const prev = big ? rng.int(5, 80) : rng.int(0, 12);
        const change = rng.int(-Math.min(prev, 4), 5);
        let decisions = big ? rng.int(0, 400) : rng.int(0, 20);
        // a clean report never fills 处理决定数量 with 上一年项目数量 + 本年增/减
        if (decisions === prev + change) decisions += 1;
        v[id][row] = { 'prev-items': prev, change, decisions };
      } else {
        v[id][row] = { decisions: big ? rng.int(0, 400) : rng.int(0, 15) };
      }
    }
  }
  // 第二十条第（八）项
  if (template === '2019') {
    const prev = rng.int(0, 4);
    v['t2-8'] = { fees: { 'prev-items': prev, change: rng.int(-Math.min(prev, 1), 1) } };
  } else {
    v['t2-8'] = { fees: { amount: rng.bool(0.4) ? 0 : rng.int(1, 4000) / 100 } };
  }
  // 第二十条第（九）项
  if (template === '2019') {
    const items = rng.int(0, 12);
    v['t2-9'] = { procurement: { items, amount: items === 0 ? 0 : rng.int(20, 900) * 1000 + rng.int(0, 999) } };
  }
  // 表三
  const leaves = t3ResultLeaves(template);
  const weight = (key: string): number =>
    key === 'open'
      ? 10
      : key === 'partial'
        ? 3
        : key === 'unable-1'
          ? 4
          : key === 'ignore-2' || key === 'unable-3' || key.startsWith('other')
            ? 1
            : 0.35;
  const weights = leaves.map(weight);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const t3: Record<string, Record<string, number>> = {};
  for (const r of rowsOf('t3', template)) t3[r.key] = {};
  const scale: Record<string, [number, number]> = {
    natural: [2, 24],
    business: [0, 7],
    research: [0, 1],
    'public-interest': [0, 1],
    legal: [0, 3],
    'other-org': [0, 2],
  };
  for (const c of T3_APPLICANTS) {
    const [lo, hi] = scale[c];
    const fresh = rng.bool(c === 'natural' || c === 'business' ? 0.95 : 0.4) ? rng.int(lo, hi) : 0;
    const carried = rng.bool(c === 'natural' ? 0.6 : 0.15) ? rng.int(0, 2) : 0;
    const avail = fresh + carried;
    const carryOut = avail > 0 && rng.bool(0.5) ? rng.int(0, Math.min(2, avail)) : 0;
    const done = avail - carryOut;
    for (const k of leaves) t3[k][c] = 0;
    for (let i = 0; i < done; i++) {
      let x = rng.next() * wsum;
      let j = 0;
      while (j < leaves.length - 1 && x >= weights[j]) {
        x -= weights[j];
        j++;
      }
      t3[leaves[j]][c] += 1;
    }
    t3.new[c] = fresh;
    t3.carried[c] = carried;
    t3.total[c] = done;
    t3['carry-out'][c] = carryOut;
  }
  for (const r of Object.keys(t3)) t3[r].total = T3_APPLICANTS.reduce((s, c) => s + t3[r][c], 0);
  v.t3 = t3;
  // 表四
  const t4: Record<string, Record<string, number>> = {};
  for (const g of ['review', 'suit-direct', 'suit-after-review']) {
    // 复议 is the common remedy; lawsuits are rarer, and a lawsuit after 复议 needs a 复议 first
    const busy =
      g === 'review' ? rng.bool(0.5) : g === 'suit-direct' ? rng.bool(0.25) : t4.review.total > 0 && rng.bool(0.3);
    const parts = T4_PARTS.map((p) =>
      !busy ? 0 : p === 'upheld' ? rng.int(g === 'review' ? 0 : 1, g === 'review' ? 3 : 1) : rng.bool(0.35) ? 1 : 0,
    );
    t4[g] = {};
    T4_PARTS.forEach((p, i) => (t4[g][p] = parts[i]));
    t4[g].total = parts.reduce((a, b) => a + b, 0);
  }
  v.t4 = t4;
  return v;
}

function formatNumber(n: number, col: ColDef): string {
  if (col.kind === 'signed') return n > 0 ? `+${n}` : String(n);
  if (col.kind === 'amount') return String(Number(n.toFixed(2)));
  return String(n);
}

// ---------------------------------------------------------------------------------------------------------------
// Layout variations
// ---------------------------------------------------------------------------------------------------------------

interface Layout {
  titleSplit: boolean;
  blankLines: boolean;
  indent: boolean;
  percent: boolean;
  tocSentence: boolean;
  problemSubheadings: boolean;
  t3TwoCols: boolean;
  t4ThreeRows: boolean;
  t2Narrow: boolean;
  ordinalSpace: boolean;
  mdCompact: boolean;
  mdAlign: boolean;
  mdCaptionRow: boolean;
  wrapLabels: boolean;
  htmlMode: 'row' | 'cell' | 'table';
  htmlInner: 'none' | 'p' | 'p-span';
  htmlTh: boolean;
  htmlAttrs: boolean;
  htmlTbody: boolean;
  spacedSep: number;
  phrasing: number;
}

function makeLayout(rng: Rng): Layout {
  return {
    titleSplit: rng.bool(0.4),
    blankLines: rng.bool(0.5),
    indent: rng.bool(0.5),
    percent: rng.bool(0.5),
    tocSentence: rng.bool(0.5),
    problemSubheadings: rng.bool(0.6),
    t3TwoCols: rng.bool(0.5),
    t4ThreeRows: rng.bool(0.6),
    t2Narrow: rng.bool(0.4),
    ordinalSpace: rng.bool(0.3),
    mdCompact: rng.bool(0.3),
    mdAlign: rng.bool(0.3),
    mdCaptionRow: rng.bool(0.35),
    wrapLabels: rng.bool(0.6),
    htmlMode: rng.pick(['row', 'cell', 'table'] as const),
    htmlInner: rng.pick(['none', 'p', 'p-span'] as const),
    htmlTh: rng.bool(0.3),
    htmlAttrs: rng.bool(0.6),
    htmlTbody: rng.bool(0.5),
    spacedSep: rng.int(2, 4),
    phrasing: rng.int(0, 1),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output with position tracking
// ---------------------------------------------------------------------------------------------------------------

interface CellKey {
  table: TableId;
  row: string;
  col: string;
}

class Writer {
  readonly lines: string[] = [''];
  readonly cells: ExpectedCell[] = [];

  get line(): number {
    return this.lines.length - 1;
  }

  get col(): number {
    return this.lines[this.lines.length - 1].length;
  }

  text(s: string): void {
    if (/[\r\n]/.test(s)) throw new Error(`synth: line break inside a segment: ${JSON.stringify(s)}`);
    this.lines[this.lines.length - 1] += s;
  }

  nl(): void {
    this.lines.push('');
  }

  /** Finishes the current line if it has content. */
  endLine(): void {
    if (this.lines[this.lines.length - 1] !== '') this.nl();
  }

  /** Makes sure the next text starts after an empty line (not at the very start of the document). */
  blankLine(): void {
    this.endLine();
    const n = this.lines.length;
    if (n >= 2 && this.lines[n - 2] !== '') this.nl();
  }

  /** Writes a cell segment (everything between its delimiters) and records its range if it is a value cell. */
  cell(seg: string, key?: CellKey): void {
    if (key) {
      let s = 0;
      let e = seg.length;
      while (s < e && isWs(seg.charCodeAt(s))) s++;
      while (e > s && isWs(seg.charCodeAt(e - 1))) e--;
      if (s === e) {
        s = 0;
        e = seg.length;
      }
      this.record(key, this.col + s, this.col + e, seg.slice(s, e));
    }
    this.text(seg);
  }

  /** Records a zero-width blank cell at the current position. */
  mark(key: CellKey): void {
    this.record(key, this.col, this.col, '');
  }

  private record(key: CellKey, start: number, end: number, raw: string): void {
    const line = this.line;
    this.cells.push({
      table: key.table,
      row: key.row,
      col: key.col,
      raw,
      value: synthValue(raw),
      range: { start: { line, character: start }, end: { line, character: end } },
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Table grids (shape-independent)
// ---------------------------------------------------------------------------------------------------------------

interface GCell {
  /** Label text, or the raw value of a value cell. */
  text: string;
  key?: CellKey;
  /** colspan */
  span?: number;
  rowspan?: number;
  /** Covered by a rowspan from above (absent from html and pipe-fragments, empty elsewhere). */
  covered?: boolean;
  /** cell-lines: wrap the label after this many characters. */
  wrapAt?: number;
  /** A label in a label column (left-aligned in spaced). */
  label?: boolean;
}

interface GRow {
  kind: 'caption' | 'header' | 'data' | 'group';
  cells: GCell[];
}

interface Grid {
  id: TableId;
  width: number;
  /** Number of label columns on the left (left-aligned in spaced). */
  labelCols: number;
  rows: GRow[];
}

interface Ctx {
  template: TemplateId;
  layout: Layout;
  variants: boolean;
  raws: Record<string, RawValues>;
  omitRows: Partial<Record<TableId, string[]>>;
}

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function colLabel(id: TableId, col: ColDef, ctx: Ctx, group?: string): string {
  if (!ctx.variants) return col.label;
  if (id === 't3') {
    if (col.key === 'total') return '合计';
    if (col.key === 'business') return '商业机构';
    if (col.key === 'public-interest') return '社会组织';
    if (col.key === 'legal') return '法律服务 机构';
  }
  if (id === 't4') {
    if (col.key === 'upheld') return group === 'review' ? '结果维护' : group === 'suit-direct' ? '结 果 维 持' : col.label;
    if (col.key === 'total' && group === 'review') return '合计';
  }
  if (id === 't2-5' && col.key === 'change') return '本年增（减）';
  if (id === 't2-8' && col.key === 'amount') return '本年收费金额（万元）';
  return col.label;
}

function t3RowLabel(key: string, ctx: Ctx): string {
  const def = rowsOf('t3', ctx.template).find((r) => r.key === key);
  if (!def) throw new Error(`t3 row ${key}`);
  let label = def.label;
  if (ctx.variants) {
    if (key === 'total') label = '合计';
    if (key === 'partial') label = '部分公开（区分处理的，只记这一情形，不记其他情形）';
    if (key === 'ignore-1') label = '信访投诉举报类申请';
  }
  const ord = def.ordinal ?? '';
  return ord + (ctx.layout.ordinalSpace && /^\d/.test(ord) ? ' ' : '') + label;
}

function t3GroupLabel(key: string): string {
  const g = tableDef('t3').groups?.find((x) => x.key === key);
  if (!g) throw new Error(`t3 group ${key}`);
  return g.ordinal + g.label;
}

function present(id: TableId, ctx: Ctx): string[] {
  const omit = new Set(ctx.omitRows[id] ?? []);
  return rowsOf(id, ctx.template)
    .map((r) => r.key)
    .filter((k) => !omit.has(k));
}

function valueCell(id: TableId, row: string, col: string, ctx: Ctx, span?: number): GCell {
  return { text: ctx.raws[id][row][col], key: { table: id, row, col }, ...(span && span > 1 ? { span } : {}) };
}

function t2Grid(id: TableId, ctx: Ctx, narrowOk: boolean): Grid {
  const def = tableDef(id);
  const cols = colsOf(id, ctx.template);
  const single = cols.length === 1;
  const narrow = single && narrowOk && ctx.layout.t2Narrow;
  const width = narrow ? 2 : 4;
  const rows: GRow[] = [];
  rows.push({ kind: 'caption', cells: [{ text: def.caption, span: width }] });
  const header: GCell[] = [{ text: '信息内容', label: true }];
  cols.forEach((c) => {
    const text = colLabel(id, c, ctx);
    const wrapAt =
      ctx.layout.wrapLabels && (c.key === 'made' || c.key === 'published')
        ? 3
        : ctx.layout.wrapLabels && c.key === 'amount' && ctx.template === '2021'
          ? 6
          : undefined;
    header.push({ text, ...(single && !narrow ? { span: 3 } : {}), ...(wrapAt ? { wrapAt } : {}) });
  });
  if (!single && cols.length < 3) header.push({ text: '' });
  rows.push({ kind: 'header', cells: header });
  const rowDefs = rowsOf(id, ctx.template);
  for (const key of present(id, ctx)) {
    const rd = rowDefs.find((r) => r.key === key);
    if (!rd) continue;
    const cells: GCell[] = [{ text: rd.label, label: true }];
    for (const c of cols) cells.push(valueCell(id, key, c.key, ctx, single && !narrow ? 3 : 1));
    if (!single && cols.length < 3) cells.push({ text: '' });
    rows.push({ kind: 'data', cells });
  }
  return { id, width, labelCols: 1, rows };
}

function t3Grid(ctx: Ctx): Grid {
  const two = ctx.layout.t3TwoCols;
  const lc = two ? 2 : 1;
  const cols = colsOf('t3', ctx.template);
  const label = (k: string): string => colLabel('t3', cols.find((c) => c.key === k)!, ctx);
  const covered = (n: number): GCell[] => Array.from({ length: n }, () => ({ text: '', covered: true }));
  const empties = (n: number): GCell[] => Array.from({ length: n }, () => ({ text: '' }));
  const rows: GRow[] = [];
  rows.push({
    kind: 'header',
    cells: [
      { text: T3_NOTE, span: lc, rowspan: 3, label: true },
      { text: '申请人情况', span: 7 },
    ],
  });
  rows.push({
    kind: 'header',
    cells: [
      ...covered(lc),
      { text: label('natural'), rowspan: 2 },
      { text: '法人或其他组织', span: 5 },
      { text: label('total'), rowspan: 2 },
    ],
  });
  rows.push({
    kind: 'header',
    cells: [
      ...covered(lc + 1),
      ...['business', 'research', 'public-interest', 'legal', 'other-org'].map((k) => ({
        text: label(k),
        ...(ctx.layout.wrapLabels && k === 'legal' && !ctx.variants ? { wrapAt: 4 } : {}),
      })),
      ...covered(1),
    ],
  });
  const values = (row: string): GCell[] => cols.map((c) => valueCell('t3', row, c.key, ctx));
  const rowDefs = rowsOf('t3', ctx.template);
  const keys = present('t3', ctx);
  const groupOf = (k: string): string | undefined => rowDefs.find((r) => r.key === k)?.group;
  const subgroupKeys = ['deny', 'unable', 'ignore', 'other'];
  if (!two) {
    // One label column: group labels on rows of their own, with empty cells.
    const seen = new Set<string>();
    const groupRow = (g: string): void => {
      if (seen.has(g)) return;
      seen.add(g);
      rows.push({ kind: 'group', cells: [{ text: t3GroupLabel(g), label: true }, ...empties(7)] });
    };
    for (const r of rowDefs) {
      const g = r.group;
      if (g) {
        groupRow('results');
        if (subgroupKeys.includes(g)) groupRow(g);
      }
      if (!keys.includes(r.key)) continue;
      rows.push({ kind: 'data', cells: [{ text: t3RowLabel(r.key, ctx), label: true }, ...values(r.key)] });
    }
  } else {
    // Two label columns: group label in the first column of the group's first row, leaf label in the second.
    let resultsPending = true;
    const subPending = new Set(subgroupKeys);
    for (const key of keys) {
      const g = groupOf(key);
      if (!g) {
        rows.push({ kind: 'data', cells: [{ text: t3RowLabel(key, ctx), span: 2, label: true }, ...values(key)] });
        continue;
      }
      let first = '';
      if (subgroupKeys.includes(g)) {
        if (resultsPending) {
          rows.push({ kind: 'group', cells: [{ text: t3GroupLabel('results'), label: true }, ...empties(8)] });
          resultsPending = false;
        }
        if (subPending.has(g)) {
          first = t3GroupLabel(g);
          subPending.delete(g);
        }
      } else if (resultsPending) {
        first = t3GroupLabel('results');
        resultsPending = false;
      }
      rows.push({
        kind: 'data',
        cells: [{ text: first, label: true }, { text: t3RowLabel(key, ctx), label: true }, ...values(key)],
      });
    }
  }
  return { id: 't3', width: lc + 7, labelCols: lc, rows };
}

function t4Grid(ctx: Ctx, threeRows: boolean): Grid {
  const groups = present('t4', ctx);
  const cols = colsOf('t4', ctx.template);
  const groupLabel: Record<string, string> = {
    review: '行政复议',
    'suit-direct': '未经复议直接起诉',
    'suit-after-review': '复议后起诉',
  };
  const labelsOf = (g: string, extra: Partial<GCell> = {}): GCell[] =>
    cols.map((c) => ({ text: colLabel('t4', c, ctx, g), ...extra }));
  const rows: GRow[] = [];
  const hasReview = groups.includes('review');
  const suits = groups.filter((g) => g !== 'review');
  if (threeRows) {
    const r1: GCell[] = [];
    if (hasReview) r1.push({ text: '行政复议', span: 5 });
    if (suits.length) r1.push({ text: '行政诉讼', span: 5 * suits.length });
    const r2: GCell[] = [];
    if (hasReview) r2.push(...labelsOf('review', { rowspan: 2 }));
    for (const g of suits) r2.push({ text: groupLabel[g], span: 5 });
    const r3: GCell[] = [];
    if (hasReview) r3.push(...Array.from({ length: 5 }, () => ({ text: '', covered: true })));
    for (const g of suits) r3.push(...labelsOf(g));
    rows.push({ kind: 'header', cells: r1 }, { kind: 'header', cells: r2 }, { kind: 'header', cells: r3 });
  } else {
    rows.push({ kind: 'header', cells: groups.map((g) => ({ text: groupLabel[g], span: 5 })) });
    rows.push({ kind: 'header', cells: groups.flatMap((g) => labelsOf(g)) });
  }
  rows.push({ kind: 'data', cells: groups.flatMap((g) => cols.map((c) => valueCell('t4', g, c.key, ctx))) });
  return { id: 't4', width: 5 * groups.length, labelCols: 0, rows };
}

function buildGrid(id: TableId, shape: SynthShape, ctx: Ctx): Grid {
  if (id === 't3') return t3Grid(ctx);
  if (id === 't4') return t4Grid(ctx, shape === 'spaced' || ctx.layout.t4ThreeRows);
  return t2Grid(id, ctx, shape === 'markdown' || shape === 'spaced');
}

/** Spans expanded into empty cells; covered cells kept as empty cells or dropped. */
function expand(cells: GCell[], dropCovered: boolean): GCell[] {
  const out: GCell[] = [];
  for (const c of cells) {
    if (c.covered) {
      if (!dropCovered) out.push({ text: '' });
      continue;
    }
    out.push(c);
    for (let i = 1; i < (c.span ?? 1); i++) out.push({ text: '' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Shape renderers
// ---------------------------------------------------------------------------------------------------------------

/**
 * markdown: GFM pipe tables. `| a | b |` (or compact `|a|b|`), a `| --- |` separator after the first row.
 * 表二: caption line `第二十条第（N）项` + blank line before a table whose header starts with 信息内容, or the caption as
 * the table's first (GFM header) row. Merged cells: text in the first cell, the others empty.
 */
function renderMarkdown(w: Writer, g: Grid, ctx: Ctx): void {
  const L = ctx.layout;
  let rows = g.rows;
  if (rows[0].kind === 'caption' && !L.mdCaptionRow) {
    w.text(rows[0].cells[0].text);
    w.nl();
    w.blankLine();
    rows = rows.slice(1);
  }
  const row = (cells: GCell[]): void => {
    for (const c of expand(cells, false)) {
      w.text('|');
      w.cell(L.mdCompact ? c.text : ` ${c.text} `, c.key);
    }
    w.text('|');
    w.nl();
  };
  row(rows[0].cells);
  const dash = L.mdAlign ? ':---:' : '---';
  w.text('|' + Array.from({ length: g.width }, () => (L.mdCompact ? dash : ` ${dash} `)).join('|') + '|');
  w.nl();
  for (const r of rows.slice(1)) row(r.cells);
}

/** tab-rows: one row per line, cells joined by TAB, merged and empty cells keep their TABs. */
function renderTabRows(w: Writer, g: Grid): void {
  for (const r of g.rows) {
    expand(r.cells, false).forEach((c, i) => {
      if (i > 0) w.text('\t');
      w.cell(c.text, c.key);
    });
    w.nl();
  }
}

/**
 * cell-lines: one cell per line, each line `\t<text>`, an empty line after every row. A merged cell appears once,
 * a covered cell as an empty `\t` line. Some header labels wrap: `\t本年新` + `制作数量` (no TAB on the continuation).
 */
function renderCellLines(w: Writer, g: Grid): void {
  for (const r of g.rows) {
    for (const c of r.cells) {
      w.text('\t');
      if (c.covered) {
        w.nl();
        continue;
      }
      if (c.wrapAt && !c.key && c.text.length > c.wrapAt) {
        w.text(c.text.slice(0, c.wrapAt));
        w.nl();
        w.text(c.text.slice(c.wrapAt));
      } else {
        w.cell(c.text, c.key);
      }
      w.nl();
    }
    w.nl();
  }
}

/**
 * pipe-fragments (a web page's table copied as text): a row begins with a line `|`; every non-empty cell is a line
 * `text |`; a run of empty cells (blank values, merged or empty cells) is written as ` ` + one `|` per cell, on the
 * line of the preceding cell (or on a line of its own at the start of a row). The first blank cell of a run is the
 * space before its `|`; the following ones are zero-width before their `|`. Covered cells do not appear.
 */
function renderPipeFragments(w: Writer, g: Grid): void {
  for (const r of g.rows) {
    w.text('|');
    w.nl();
    let onLine = false;
    let inRun = false;
    for (const c of expand(r.cells, true)) {
      if (!isBlank(c.text)) {
        if (onLine) w.nl();
        w.cell(`${c.text} `, c.key);
        w.text('|');
        onLine = true;
        inRun = false;
      } else {
        const seg = !inRun && c.text === '' ? ' ' : c.text;
        w.cell(seg, c.key);
        w.text('|');
        onLine = true;
        inRun = true;
      }
    }
    w.nl();
  }
}

/**
 * html: `<table>` markup pasted as is: a row per line, a cell per line, or the whole table on one line; cells may
 * carry attributes (colspan, rowspan, width, style) and wrap their text in `<p>` / `<span>`.
 */
function renderHtml(w: Writer, g: Grid, ctx: Ctx): void {
  const L = ctx.layout;
  const lineBreak = (): void => {
    if (L.htmlMode !== 'table') w.nl();
  };
  w.text(L.htmlAttrs ? '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;">' : '<table>');
  lineBreak();
  if (L.htmlTbody) {
    w.text('<tbody>');
    lineBreak();
  }
  for (const r of g.rows) {
    const tag = L.htmlTh && r.kind === 'header' ? 'th' : 'td';
    w.text('<tr>');
    if (L.htmlMode === 'cell') w.nl();
    for (const c of r.cells) {
      if (c.covered) continue;
      let attrs = '';
      if ((c.span ?? 1) > 1) attrs += ` colspan="${c.span}"`;
      if ((c.rowspan ?? 1) > 1) attrs += ` rowspan="${c.rowspan}"`;
      if (L.htmlAttrs) attrs += c.label ? ' width="180" valign="middle"' : ' style="text-align:center;vertical-align:middle;"';
      if (L.htmlMode === 'cell') w.text('  ');
      w.text(`<${tag}${attrs}>`);
      const [open, close] =
        L.htmlInner === 'p'
          ? ['<p>', '</p>']
          : L.htmlInner === 'p-span'
            ? ['<p style="text-align:center;"><span style="font-size:14px;">', '</span></p>']
            : ['', ''];
      w.text(open);
      w.cell(c.text, c.key);
      w.text(`${close}</${tag}>`);
      if (L.htmlMode === 'cell') w.nl();
    }
    w.text('</tr>');
    lineBreak();
  }
  if (L.htmlTbody) {
    w.text('</tbody>');
    lineBreak();
  }
  w.text('</table>');
  w.nl();
}

/**
 * spaced (text copied out of a PDF): one row per line, cells in fixed column slots separated by runs of 2–4 spaces;
 * labels left-aligned and padded, values right-aligned in their slot; a merged cell spans its columns' slots.
 * Nothing after a row's last non-empty cell. A blank value is a zero-width range at the end of its slot.
 */
function renderSpaced(w: Writer, g: Grid, ctx: Ctx): void {
  const sep = ' '.repeat(ctx.layout.spacedSep);
  const widths = new Array<number>(g.width).fill(1);
  for (const r of g.rows) {
    let j = 0;
    for (const c of r.cells) {
      const span = c.span ?? 1;
      if (span === 1 && r.kind !== 'caption') widths[j] = Math.max(widths[j], c.text.length);
      j += span;
    }
  }
  for (const r of g.rows) {
    if (r.kind === 'caption') continue;
    let j = 0;
    for (const c of r.cells) {
      const span = c.span ?? 1;
      if (span > 1) {
        const have = widths.slice(j, j + span).reduce((a, b) => a + b, 0) + sep.length * (span - 1);
        if (c.text.length > have) widths[j + span - 1] += c.text.length - have;
      }
      j += span;
    }
  }
  for (const r of g.rows) {
    if (r.kind === 'caption') {
      w.text(r.cells[0].text);
      w.nl();
      continue;
    }
    const slots: { c: GCell; width: number; left: boolean }[] = [];
    let j = 0;
    for (const c of r.cells) {
      const span = c.span ?? 1;
      const width = widths.slice(j, j + span).reduce((a, b) => a + b, 0) + sep.length * (span - 1);
      slots.push({ c, width, left: !c.key });
      j += span;
    }
    let last = -1;
    slots.forEach((s, i) => {
      if (s.c.key || s.c.text.trim() !== '') last = i;
    });
    for (let i = 0; i <= last; i++) {
      const { c, width, left } = slots[i];
      if (i > 0) w.text(sep);
      if (c.key && isBlank(c.text)) {
        w.text(' '.repeat(width));
        w.mark(c.key);
      } else if (c.key) {
        w.text(' '.repeat(Math.max(0, width - c.text.length)));
        w.cell(c.text, c.key);
      } else if (left) {
        w.text(c.text);
        if (i < last) w.text(' '.repeat(Math.max(0, width - c.text.length)));
      }
    }
    w.nl();
  }
}

function renderTable(w: Writer, g: Grid, shape: SynthShape, ctx: Ctx): void {
  switch (shape) {
    case 'markdown':
      return renderMarkdown(w, g, ctx);
    case 'tab-rows':
      return renderTabRows(w, g);
    case 'cell-lines':
      return renderCellLines(w, g);
    case 'pipe-fragments':
      return renderPipeFragments(w, g);
    case 'html':
      return renderHtml(w, g, ctx);
    case 'spaced':
      return renderSpaced(w, g, ctx);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------------------

function percent(part: number, whole: number): string {
  return (Math.round((part / whole) * 10000) / 100).toFixed(2);
}

export function renderReport(o: SynthOptions): SynthReport {
  const template = o.template;
  const year = o.year ?? (template === '2019' ? 2020 : 2022);
  const agency = o.agency ?? '示例县交通运输局';
  const date = o.date ?? `${year + 1}年1月15日`;
  const seed = o.seed ?? 1;
  const eol = o.eol ?? '\n';
  const valueRng = new Rng(Math.imul(seed, 0x9e3779b1) ^ 0x11);
  const layout = makeLayout(new Rng(Math.imul(seed, 0x85ebca6b) ^ 0x1f3d));
  const proseRng = new Rng(Math.imul(seed, 0xc2b2ae35) ^ 0x3c6e);

  // Values: generated numbers → raw texts → overrides → final values.
  const nums = generateNumbers(template, valueRng);
  const tables = tablesOf(template);
  const raws: Record<string, RawValues> = {};
  for (const t of tables) {
    raws[t.id] = {};
    for (const r of rowsOf(t.id, template)) {
      raws[t.id][r.key] = {};
      for (const c of colsOf(t.id, template)) raws[t.id][r.key][c.key] = formatNumber(nums[t.id][r.key][c.key], c);
    }
  }
  for (const [tid, rows] of Object.entries(o.values ?? {})) {
    if (!raws[tid]) throw new Error(`synth: table ${tid} is not in the ${template} template`);
    for (const [row, cols] of Object.entries(rows ?? {})) {
      if (!raws[tid][row]) throw new Error(`synth: ${tid} has no row ${row} in the ${template} template`);
      for (const [col, raw] of Object.entries(cols)) {
        if (!(col in raws[tid][row])) throw new Error(`synth: ${tid} has no column ${col}`);
        if (/[\r\n]/.test(raw)) throw new Error('synth: line break in an override');
        raws[tid][row][col] = raw;
      }
    }
  }
  const values: Partial<Record<TableId, CellValues>> = {};
  for (const t of tables) {
    const tv: CellValues = {};
    for (const [row, cols] of Object.entries(raws[t.id])) {
      tv[row] = {};
      for (const [col, raw] of Object.entries(cols)) tv[row][col] = synthValue(raw);
    }
    values[t.id] = tv;
  }
  /** A figure for the prose: the table's final value when it is a number, else the generated one. */
  const fig = (t: TableId, row: string, col: string): number => values[t]?.[row]?.[col] ?? nums[t][row][col];

  const ctx: Ctx = { template, layout, variants: !!o.variants, raws, omitRows: o.omitRows ?? {} };
  const shapeOf = (id: TableId): SynthShape => (typeof o.shape === 'string' ? o.shape : (o.shape[id] ?? 'markdown'));
  const omitTables = new Set(o.omitTables ?? []);
  const omitSections = new Set(o.omitSections ?? []);
  const md = !!o.markdownHeadings;
  const allMarkdown = tables.every((t) => shapeOf(t.id) === 'markdown');
  const indent = layout.indent && !allMarkdown ? '　　' : '';
  const blankLines = layout.blankLines || allMarkdown;

  const w = new Writer();
  const sections: { id: SectionId; line: number }[] = [];
  const tableInfo: SynthTableInfo[] = [];
  const gap = (): void => (blankLines ? w.blankLine() : w.endLine());
  const para = (text: string): void => {
    gap();
    w.text(indent + text);
    w.nl();
  };
  const subheading = (text: string): void => {
    gap();
    w.text((md ? '### ' : indent) + text);
    w.nl();
  };

  // Title
  let titleLine: number;
  if (o.splitTitle ?? layout.titleSplit) {
    w.text(agency);
    w.nl();
    titleLine = w.line;
    w.text((md ? '# ' : '') + `${year}年政府信息公开工作年度报告`);
  } else {
    titleLine = w.line;
    w.text((md ? '# ' : '') + `${agency}${year}年政府信息公开工作年度报告`);
  }
  w.nl();

  // Intro
  para(
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级机关关于做好政府信息公开工作年度报告编制工作的要求，${agency}编制本报告。`,
  );
  const periodSentence = `本年度报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const toc = layout.tocSentence
    ? '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。'
    : '';
  para(`${toc}${periodSentence}本报告电子版可在${agency}门户网站“政府信息公开”专栏查阅，如对本报告有疑问，请与${agency}办公室联系。`);
  const periodLine = w.line - 1;

  // Prose figures
  const parts = [proseRng.int(20, 160), proseRng.int(5, 90), proseRng.int(1, 30), proseRng.int(0, 12)];
  const publishedTotal = parts.reduce((a, b) => a + b, 0);
  const prose: SynthReport['prose'] = {
    publishedTotal,
    publishedParts: parts,
    licensing: fig('t2-5', 'licensing', 'decisions'),
    penalty: fig('t2-6', 'penalty', 'decisions'),
    applicationsNew: fig('t3', 'new', 'total'),
    applicationsCarried: fig('t3', 'carried', 'total'),
    applicationsDone: fig('t3', 'total', 'total'),
    applicationsCarryOut: fig('t3', 'carry-out', 'total'),
    reviews: fig('t4', 'review', 'total'),
    suits: fig('t4', 'suit-direct', 'total') + fig('t4', 'suit-after-review', 'total'),
  };
  const trainings = proseRng.int(1, 6);
  const normative = template === '2019' ? '规范性文件' : '行政规范性文件';
  const partNames = ['工作动态', '通知公告', '政策文件及解读', '人事信息'];
  const partsText = parts
    .map((n, i) => `${partNames[i]}${n}条` + (layout.percent ? `，占${percent(n, publishedTotal)}%` : ''))
    .join(layout.percent ? '；' : '，');

  const section = (id: SectionId, body: () => void): void => {
    if (omitSections.has(id)) return;
    const def = SECTIONS.find((s) => s.id === id)!;
    const override = o.sectionHeadings?.[id];
    const heading = override ?? `${def.numeral}、${def.title}`;
    if (heading !== '') {
      gap();
      sections.push({ id, line: w.line });
      w.text((md && !heading.startsWith('#') ? '## ' : '') + heading);
      w.nl();
    }
    body();
  };
  const table = (id: TableId): void => {
    if (omitTables.has(id) || !tables.some((t) => t.id === id)) return;
    const shape = shapeOf(id);
    if (shape === 'markdown' || shape === 'html' || blankLines) w.blankLine();
    else w.endLine();
    const start = w.line;
    renderTable(w, buildGrid(id, shape, ctx), shape, ctx);
    // the last line written is the current (empty) line minus one, or minus two after cell-lines' empty row separator
    let end = w.line - 1;
    while (end > start && w.lines[end] === '') end--;
    tableInfo.push({ id, shape, startLine: start, endLine: end });
    if (shape === 'markdown' || shape === 'html') w.blankLine();
  };

  section('s1', () => {
    subheading('（一）主动公开');
    para(
      [
        `${agency}坚持以公开为常态、不公开为例外，围绕交通建设、行政执法和民生服务做好政府信息主动公开。`,
        `${agency}把主动公开作为政务公开的基础工作，按照公开目录及时发布本机关职责范围内的政府信息。`,
      ][layout.phrasing] + `本年度主动公开政府信息共${publishedTotal}条，其中${partsText}。`,
    );
    para(`全年办理行政许可${prose.licensing}件，作出行政处罚决定${prose.penalty}件，相关结果均按规定在门户网站公示。`);
    subheading('（二）依申请公开');
    para(
      `严格按照《条例》规定的程序和时限办理政府信息公开申请。本年度新收政府信息公开申请${prose.applicationsNew}件，` +
        `上年结转${prose.applicationsCarried}件，办结${prose.applicationsDone}件，结转下年度继续办理${prose.applicationsCarryOut}件。` +
        `因政府信息公开引发行政复议${prose.reviews}件、行政诉讼${prose.suits}件。`,
    );
    subheading('（三）政府信息管理');
    para(
      `落实政府信息公开保密审查机制，信息发布前由承办科室初审、办公室复核、分管负责人审签。对本机关制发的公文逐件确定公开属性，对照法律法规的变化及时清理已公开的${normative}。`,
    );
    subheading('（四）政府信息公开平台建设');
    para(
      [
        '以门户网站为公开第一平台，统筹用好政务新媒体和办事大厅公示栏，优化公开目录栏目设置，保持信息更新的及时性和准确性。',
        '持续完善门户网站政府信息公开专栏，规范栏目名称和内容分类，政务新媒体与网站信息同步发布。',
      ][layout.phrasing],
    );
    subheading('（五）监督保障');
    para(
      `调整充实政务公开工作领导小组，明确专人负责日常工作。全年组织政务公开业务培训${trainings}次，将政务公开工作纳入科室年度考核内容。`,
    );
  });
  section('s2', () => {
    for (const id of ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9'] as TableId[]) table(id);
  });
  section('s3', () => table('t3'));
  section('s4', () => table('t4'));
  section('s5', () => {
    const problems =
      '一是部分栏目信息更新不够及时，个别信息发布后未同步维护索引；二是政策解读形式较为单一，图解、问答等解读材料偏少；三是工作人员业务能力有待提升，对公开属性的把握还不够精准。';
    const fixes =
      '一是建立栏目更新台账，定期开展自查，确保信息发布及时准确；二是丰富政策解读形式，提高解读材料的可读性；三是加强业务培训，增强工作人员依法公开的意识和能力。';
    if (layout.problemSubheadings) {
      subheading('（一）存在的主要问题');
      para(problems);
      subheading('（二）改进情况');
      para(fixes);
    } else {
      para(`存在的主要问题：${problems}`);
      para(`改进情况：${fixes}`);
    }
  });
  section('s6', () => {
    para(`本年度${agency}未收取政府信息公开信息处理费。无其他需要报告的事项。`);
  });

  // Signature
  gap();
  w.text(agency);
  w.nl();
  const dateLine = w.line;
  w.text(date);
  w.nl();

  return {
    text: w.lines.join(eol),
    expected: w.cells,
    sections,
    values,
    raws: raws as Partial<Record<TableId, RawValues>>,
    tables: tableInfo,
    template,
    year,
    agency,
    date,
    lines: { title: titleLine, period: periodLine, date: dateLine },
    prose,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture files and the bundled example
// ---------------------------------------------------------------------------------------------------------------

/** The per-table shapes of the mixed-shape fixture. */
export const MIXED_SHAPES: Partial<Record<TableId, SynthShape>> = {
  't2-1': 'tab-rows',
  't2-5': 'markdown',
  't2-6': 'cell-lines',
  't2-8': 'pipe-fragments',
  't2-9': 'html',
  t3: 'spaced',
  t4: 'html',
};

export interface FixtureFile {
  file: string;
  options: SynthOptions;
  report: SynthReport;
}

/**
 * Writes one clean report per shape × template (`<template>-<shape>.md|.txt`) and one mixed-shape report per
 * template (`<template>-mixed.md`); with `expected`, also `<name>.expected.json` (the expected cells).
 */
export function writeFixtureSet(dir: string, opts: { seed?: number; expected?: boolean } = {}): FixtureFile[] {
  fs.mkdirSync(dir, { recursive: true });
  const out: FixtureFile[] = [];
  const seed = opts.seed ?? 1;
  for (const template of ['2019', '2021'] as TemplateId[]) {
    const variants: { name: string; options: SynthOptions }[] = SYNTH_SHAPES.map((shape) => ({
      name: `${template}-${shape}${shape === 'markdown' ? '.md' : '.txt'}`,
      options: { template, shape, seed, markdownHeadings: shape === 'markdown' },
    }));
    variants.push({ name: `${template}-mixed.md`, options: { template, shape: MIXED_SHAPES, seed } });
    for (const v of variants) {
      const report = renderReport(v.options);
      const file = path.join(dir, v.name);
      fs.writeFileSync(file, report.text, 'utf8');
      if (opts.expected) {
        fs.writeFileSync(file.replace(/\.(md|txt)$/, '.expected.json'), JSON.stringify(report.expected, null, 1) + '\n', 'utf8');
      }
      out.push({ file, options: v.options, report });
    }
  }
  return out;
}

/** The options of examples/example-report.md before its deliberate defect. */
export const EXAMPLE_BASE_OPTIONS: SynthOptions = {
  template: '2021',
  year: 2022,
  agency: '示例市南湖区交通运输局',
  shape: 'markdown',
  seed: 64,
  markdownHeadings: true,
  date: '2023年1月16日',
  splitTitle: false,
};

/**
 * examples/example-report.md: a clean 2021-template draft except one defect a user would plausibly make —
 * in 表三 row 一、本年新收 the 总计 is one more than the sum of its parts.
 */
export function renderExampleReport(): SynthReport {
  const base = renderReport(EXAMPLE_BASE_OPTIONS);
  const t3 = base.values.t3!;
  const sum = T3_APPLICANTS.reduce((s, c) => s + (t3.new[c] ?? 0), 0);
  return renderReport({ ...EXAMPLE_BASE_OPTIONS, values: { t3: { new: { total: String(sum + 1) } } } });
}
