/**
 * Building one standard table from the physical rows fed to it.
 *
 * Rows are found by their labels, not by their position: real copies split, merge and scramble rows, but a
 * row's label text is unique within its table (`属于四类过程性信息` is deny-6 wherever it lands). The numbers
 * after a label, up to the next label, are that row's values. They are given to columns only when the count
 * tells which is which (see `align`); otherwise the row is reported as ambiguous and no value is guessed.
 */

import type { Cell, Header, Label, Table, TableRow, TableShape, TemplateEvidence, Unplaced } from '../model';
import { colsOf, rowsOf, tableDef, type TableDef, type TableId, type TemplateId } from '../schema';
import type { LineIndex } from '../text';
import { foldedOf, infoOf, readOf, valueLike, type PhysRow, type RawCell } from './cells';
import { matchCaption, matchGroup, matchHeader, matchRow, t4HeaderWord, type HeaderHit, type RowHit } from './labels';

interface LogicalRow {
  /** Row key, or null for a label that matches no row. */
  readonly key: string | null;
  readonly hit: RowHit | null;
  readonly label: RawCell;
  readonly values: RawCell[];
  /** The physical row the label is in, and the label's index there (for header-grid alignment). */
  readonly phys: PhysRow;
  readonly labelIndex: number;
}

interface HeaderRec {
  readonly cell: RawCell;
  readonly hit: HeaderHit;
  /** Index of the cell in its physical row, and that row's width. */
  readonly index: number;
  readonly width: number;
}

interface Evidence {
  readonly template: TemplateId;
  readonly marker: string;
  readonly cell: RawCell;
}

export interface FinishedTable {
  readonly table: Table;
  readonly cells: Cell[];
  readonly unplaced: Unplaced[];
}

/** Drops blank cells from the end, then from the start, while there are more than `n` (linear). */
function trimBlanksTo(vals: readonly RawCell[], n: number): RawCell[] {
  let a = 0;
  let b = vals.length;
  while (b - a > n && vals[b - 1].blank) b--;
  while (b - a > n && vals[a].blank) a++;
  return vals.slice(a, b);
}

function preferExact(hits: RowHit[]): RowHit | null {
  if (!hits.length) return null;
  return hits.find((h) => !h.variant) ?? hits[0];
}

/** Column index of each column key in 表三's header rows, and their common width. */
interface Grid {
  readonly width: number;
  readonly at: Map<string, number>;
}

function keysOf(defs: readonly { readonly key: string }[]): string[] {
  const out: string[] = [];
  for (const d of defs) out.push(d.key);
  return out;
}

function isColumnOf(def: TableDef, key: string): boolean {
  for (const c of def.cols) if (c.key === key) return true;
  return false;
}

/** The span covering some cells. */
function spanOf(cs: readonly RawCell[]): { s: number; e: number } {
  let s = Infinity;
  let e = -1;
  for (const c of cs) {
    if (c.start < s) s = c.start;
    if (c.end > e) e = c.end;
  }
  return { s, e };
}

/** The cells' texts joined for a message (` | ` between the non-blank ones). */
function joined(cs: readonly RawCell[]): string {
  const parts: string[] = [];
  for (const c of cs) if (!c.blank) parts.push(c.text);
  return parts.join(' | ');
}

/** What finishing one table produces: its rows and cells in the model's form, and what could not be placed. */
class Finisher {
  readonly rows: TableRow[] = [];
  readonly cells: Cell[] = [];
  readonly unplaced: Unplaced[] = [];
  readonly found = new Set<string>();
  readonly ambiguous = new Set<string>();
  grid: Grid | null = null;
  private readonly text: string;

  constructor(
    private readonly id: TableId,
    private readonly index: LineIndex,
    private readonly template: TemplateId,
  ) {
    this.text = index.text;
  }

  label(c: RawCell, canonical: string, variant: boolean): Label {
    return { raw: this.text.slice(c.start, c.end), canonical, variant, range: this.index.range(c.start, c.end) };
  }

  private cell(row: string, col: string, c: RawCell): Cell {
    const read = readOf(c);
    // One shape for every cell (unit and signed undefined when absent; see Cell).
    return {
      table: this.id,
      row,
      col,
      value: read.value,
      raw: this.text.slice(c.start, c.end),
      kind: read.kind,
      unit: read.unit,
      signed: read.signed,
      range: this.index.range(c.start, c.end),
    };
  }

  unplace(reason: 'unknown-row' | 'stray-values' | 'duplicate-row', cs: readonly RawCell[], row?: string): void {
    const sp = spanOf(cs);
    const range = this.index.range(sp.s, sp.e);
    if (row === undefined) this.unplaced.push({ reason, table: this.id, text: joined(cs), range });
    else this.unplaced.push({ reason, table: this.id, row, text: joined(cs), range });
  }

  /** The values to put in the columns, when the count (or 表三's header grid) tells which is which; else null. */
  private choose(vals: readonly RawCell[], phys: PhysRow | null, colKeys: readonly (string | null)[], strays: RawCell[][]): (RawCell | undefined)[] | null {
    const n = colKeys.length;
    if (vals.length === n) return vals.slice();
    const g = this.grid;
    if (g && phys && phys.cells.length === g.width) {
      const picked: (RawCell | undefined)[] = [];
      let ok = true;
      for (const c of colKeys) {
        const cell = c ? phys.cells[g.at.get(c)!] : undefined;
        if (!cell || !(cell.blank || valueLike(cell))) ok = false;
        picked.push(cell);
      }
      if (ok) return picked;
    }
    const v = trimBlanksTo(vals, n);
    if (v.length === n) return v;
    if (v.length > n) {
      // Text past the last column (a unit typed into a spare cell: `0 | 0 | 元`) belongs to no column.
      for (let i = n; i < v.length; i++) if (!v[i].blank && readOf(v[i]).kind === 'number') return null;
      const extra = v.slice(n);
      if (extra.some((c) => !c.blank)) strays.push(extra);
      return v.slice(0, n);
    }
    return null;
  }

  /** Places a row's values in their columns; false when it cannot tell which value is which. */
  place(key: string, lbl: Label | null, vals: readonly RawCell[], phys: PhysRow | null, colKeys: readonly (string | null)[], strays: RawCell[][]): boolean {
    const chosen = this.choose(vals, phys, colKeys, strays);
    if (!chosen) return false;
    const rowCells: Cell[] = [];
    for (let i = 0; i < chosen.length; i++) {
      const c = chosen[i];
      const col = colKeys[i];
      if (c && col) rowCells.push(this.cell(key, col, c));
    }
    this.rows.push({ key, label: lbl, cells: rowCells });
    for (const c of rowCells) this.cells.push(c);
    return true;
  }

  /** A row found by its label (the first of its key; later ones are duplicates). */
  labelledRow(key: string, r: LogicalRow, rowCols: readonly (string | null)[], t4: boolean, strays: RawCell[][]): void {
    if (this.found.has(key) || this.ambiguous.has(key)) {
      this.unplace('duplicate-row', [r.label, ...r.values], key);
      return;
    }
    const lbl = this.label(r.label, r.hit!.canonical, r.hit!.variant);
    if (this.place(key, lbl, r.values, t4 ? null : r.phys, rowCols, strays)) {
      this.found.add(key);
      return;
    }
    this.ambiguous.add(key);
    const all = [r.label, ...r.values];
    const sp = spanOf(all);
    let found = 0;
    for (const v of r.values) if (!v.blank) found++;
    this.unplaced.push({
      reason: 'ambiguous-values',
      table: this.id,
      row: key,
      text: joined(all),
      range: this.index.range(sp.s, sp.e),
      found,
      expected: rowCols.length,
    });
  }

  /** 表四 as the official form: no row labels, 15 numbers after the header. */
  officialT4(values: readonly RawCell[], rowCols: readonly (string | null)[], strays: RawCell[][]): void {
    const rowKeys = keysOf(rowsOf('t4', this.template));
    const want = rowKeys.length * rowCols.length;
    const all = trimBlanksTo(values, want);
    if (all.length === want) {
      rowKeys.forEach((rk, ri) => {
        this.place(rk, null, all.slice(ri * rowCols.length, (ri + 1) * rowCols.length), null, rowCols, strays);
        this.found.add(rk);
      });
    } else if (all.some((c) => !c.blank)) {
      const sp = spanOf(all);
      for (const rk of rowKeys) this.ambiguous.add(rk);
      this.unplaced.push({
        reason: 'ambiguous-values',
        table: this.id,
        text: joined(all),
        range: this.index.range(sp.s, sp.e),
        found: all.length,
        expected: want,
      });
    }
  }
}

export class TableBuilder {
  caption: RawCell | null = null;
  readonly shapes = new Set<TableShape>();
  start = -1;
  end = -1;
  /** Set when this table was found a second time: it is reported, not used. */
  duplicate = false;

  private readonly headerRows: HeaderRec[][] = [];
  private readonly rows: LogicalRow[] = [];
  private readonly groups: { key: string; cell: RawCell }[] = [];
  private readonly evidence: Evidence[] = [];
  private readonly strays: RawCell[][] = [];
  private readonly unknown: LogicalRow[] = [];
  /** 表四 written as the official form: headers, then 15 numbers with no row label. */
  private readonly t4Values: RawCell[] = [];
  /** Values seen before any label (a label may follow them: PDF copies put labels below their numbers). */
  private orphans: RawCell[] = [];
  /** A label whose values have not come yet (they may be on the next line). */
  private pending: LogicalRow | null = null;

  constructor(readonly id: TableId) {}

  get rowCount(): number {
    return this.rows.length + this.t4Values.length;
  }

  get evidenceList(): readonly Evidence[] {
    return this.evidence;
  }

  private extend(s: number, e: number): void {
    if (this.start < 0 || s < this.start) this.start = s;
    if (e > this.end) this.end = e;
  }

  /** Feeds one physical row. */
  feed(row: PhysRow): void {
    this.shapes.add(row.shape);
    if (row.cells.some((c) => !c.blank)) this.extend(row.start, row.end);
    if (this.isHeaderRow(row)) return;
    const cells = row.cells;
    let cur = this.pending;
    this.pending = null;
    const close = (): void => {
      if (cur) this.closeRow(cur);
      cur = null;
    };
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell.blank) {
        if (cur) cur.values.push(cell);
        else if (this.id === 't4') this.t4Values.push(cell);
        continue;
      }
      if (valueLike(cell)) {
        if (cur) cur.values.push(cell);
        else if (this.id === 't4') this.t4Values.push(cell);
        else this.orphans.push(cell);
        continue;
      }
      const cap = matchCaption(foldedOf(cell));
      if (cap) {
        if (cap === this.id && !this.caption) this.caption = cell;
        continue;
      }
      const info = infoOf(cell);
      const group = this.id === 't3' ? matchGroup(info) : null;
      const hit = preferExact(matchRow(this.id, info));
      if (group && (!hit || hit.key !== 'other')) {
        close();
        this.groups.push({ key: group.key, cell });
        if (group.template) this.evidence.push({ template: group.template, marker: group.canonical, cell });
        continue;
      }
      // Text that names no row, after a row's label on the same line, is that row's (unreadable) value:
      // `| 政府集中采购 | 3 | 见附件 |`.
      if (!hit && cur && (cur as LogicalRow).key !== null && (cur as LogicalRow).phys === row) {
        (cur as LogicalRow).values.push(cell);
        continue;
      }
      close();
      cur = { key: hit ? hit.key : null, hit, label: cell, values: [], phys: row, labelIndex: i };
    }
    // A label with nothing after it on this line waits for the next line's numbers.
    if (cur && !(cur as LogicalRow).values.some((v) => !v.blank) && (cur as LogicalRow).key !== null) {
      this.pending = cur;
      return;
    }
    close();
  }

  /** Header rows: column labels and structural header words, and no numbers. */
  private isHeaderRow(row: PhysRow): boolean {
    const recs: HeaderRec[] = [];
    let unambiguous = 0;
    let t4Words = 0;
    let numbers = 0;
    row.cells.forEach((cell, index) => {
      if (cell.blank) return;
      if (valueLike(cell)) {
        if (readOf(cell).kind === 'number') numbers++;
        return;
      }
      const info = infoOf(cell);
      const hits = matchHeader(this.id, info);
      if (!hits.length) return;
      const hit = hits.find((h) => !h.variant) ?? hits[0];
      recs.push({ cell, hit, index, width: row.cells.length });
      if (this.id === 't4' && t4HeaderWord(foldedOf(cell))) t4Words++;
      else if (!matchRow(this.id, info).length && !matchCaption(foldedOf(cell))) unambiguous++;
    });
    const header = this.id === 't4' ? numbers === 0 && (t4Words >= 2 || unambiguous >= 1) : numbers === 0 && unambiguous >= 1;
    if (!header) return false;
    this.headerRows.push(recs);
    for (const r of recs) {
      if (r.hit.template) this.evidence.push({ template: r.hit.template, marker: r.hit.canonical, cell: r.cell });
    }
    // A caption in a header row (`第二十条第（一）项 | 信息内容 …`).
    for (const cell of row.cells) {
      if (!cell.blank && matchCaption(foldedOf(cell)) === this.id && !this.caption) this.caption = cell;
    }
    return true;
  }

  private closeRow(row: LogicalRow): void {
    const hasValues = row.values.some((v) => !v.blank);
    if (row.key === null) {
      if (hasValues) this.unknown.push(row);
      return;
    }
    if (!hasValues && this.orphans.length) {
      row.values.splice(0, row.values.length, ...this.orphans);
      this.orphans = [];
    } else if (this.orphans.length) {
      this.flushOrphans();
    }
    // 表三 （六）其他处理 is a row in 2019 and a group in 2021; only its numbers make it 2019 evidence.
    const groupLike = this.id === 't3' && row.key === 'other' && !row.values.some((v) => !v.blank);
    if (row.hit?.template && !groupLike) this.evidence.push({ template: row.hit.template, marker: row.hit.canonical, cell: row.label });
    this.rows.push(row);
  }

  private flushOrphans(): void {
    if (this.orphans.some((c) => !c.blank)) this.strays.push(this.orphans);
    this.orphans = [];
  }

  /** Ends the table: whatever is still waiting is closed. */
  end_(): void {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      this.closeRow(p);
    }
    this.flushOrphans();
  }

  /** The template this table's own labels indicate, or null. */
  ownTemplate(): TemplateId | null {
    let a = 0;
    let b = 0;
    for (const e of this.evidence) {
      if (e.template === '2019') a++;
      else b++;
    }
    if (a > b) return '2019';
    if (b > a) return '2021';
    return null;
  }

  finish(index: LineIndex, docTemplate: TemplateId): FinishedTable {
    this.end_();
    const def = tableDef(this.id);
    if (this.id === 't3' && this.rows.some((r) => r.key !== null && /^other-[123]$/.test(r.key))) {
      // 2021: （六）其他处理 is the group of other-1…3; a copy of it without numbers is its label.
      for (let i = this.rows.length - 1; i >= 0; i--) {
        const r = this.rows[i];
        if (r.key === 'other' && !r.values.some((v) => !v.blank)) {
          this.groups.push({ key: 'other', cell: r.label });
          this.rows.splice(i, 1);
        }
      }
    }
    const own = this.ownTemplate();
    const template: TemplateId = own ?? (def.templates.length === 1 ? def.templates[0] : docTemplate);
    const out = new Finisher(this.id, index, template);

    // Columns: 表二 tables follow their own header when it names the columns; otherwise the template's.
    const headers: Header[] = [];
    for (const hr of this.headerRows) {
      for (const r of hr) {
        if (isColumnOf(def, r.hit.col)) headers.push({ col: r.hit.col, label: out.label(r.cell, r.hit.canonical, r.hit.variant) });
      }
    }
    const cols = this.id.startsWith('t2-') ? (this.t2Columns(def) ?? keysOf(colsOf(this.id, template))) : keysOf(colsOf(this.id, template));
    if (this.id === 't3') out.grid = this.headerGrid(cols);

    // Labelled rows, in every table (表四 written as three labelled rows too).
    const t4 = this.id === 't4';
    const rowCols: (string | null)[] = t4 ? keysOf(colsOf('t4', template)) : cols;
    for (const r of this.rows) {
      if (r.key !== null) out.labelledRow(r.key, r, rowCols, t4, this.strays);
    }
    // 表四 as the official form: no row labels, 15 numbers after the header.
    if (t4 && this.t4Values.length && out.found.size === 0) out.officialT4(this.t4Values, rowCols, this.strays);
    else if (t4 && this.t4Values.some((c) => !c.blank)) this.strays.push(this.t4Values);

    for (const r of this.unknown) out.unplace('unknown-row', [r.label, ...r.values]);
    for (const st of this.strays) out.unplace('stray-values', st);

    const missingRows: string[] = [];
    for (const r of rowsOf(this.id, template)) if (!out.found.has(r.key) && !out.ambiguous.has(r.key)) missingRows.push(r.key);
    const missingCols: string[] = [];
    if (out.rows.length) {
      const seen = new Set<string>();
      for (const c of out.cells) seen.add(c.col);
      for (const c of colsOf(this.id, template)) if (!seen.has(c.key)) missingCols.push(c.key);
    }
    if (!out.rows.length && !out.ambiguous.size) {
      const c = this.caption;
      out.unplaced.push({
        reason: 'empty-table',
        table: this.id,
        text: c ? c.text : def.name,
        range: index.range(c ? c.start : Math.max(0, this.start), c ? c.end : Math.max(0, this.end)),
      });
    }

    const start = this.start < 0 ? 0 : this.start;
    const end = this.end < 0 ? start : this.end;
    const groups: { key: string; label: Label }[] = [];
    for (const g of this.groups) {
      const gd = def.groups?.find((x) => x.key === g.key);
      groups.push({ key: g.key, label: out.label(g.cell, gd ? gd.label : g.cell.text, false) });
    }
    const table: Table = {
      id: this.id,
      template: own,
      caption: this.caption ? out.label(this.caption, def.caption, false) : null,
      range: index.range(start, end),
      shapes: [...this.shapes],
      headers,
      rows: out.rows,
      missingRows,
      missingCols,
      groups,
    };
    return { table, cells: out.cells, unplaced: out.unplaced };
  }

  /** 表二: the columns after 信息内容 as this table's own header names them (gaps for unknown headers), or null. */
  private t2Columns(def: TableDef): (string | null)[] | null {
    const info = this.headerRows.find((hr) => hr.some((r) => r.hit.col === 'info'));
    if (!info) return null;
    const infoRec = info.find((r) => r.hit.col === 'info')!;
    const after = info.filter((r) => r.index > infoRec.index && isColumnOf(def, r.hit.col));
    if (!after.length) return null;
    // Column i of the values is the i-th header after 信息内容.
    const byIndex = new Map(after.map((r) => [r.index, r.hit.col] as const));
    const last = Math.max(...after.map((r) => r.index));
    const cols: (string | null)[] = [];
    for (let i = infoRec.index + 1; i <= last; i++) cols.push(byIndex.get(i) ?? null);
    return cols;
  }

  /** 表三's header grid: column index of each applicant column, when every header row has the same width. */
  private headerGrid(cols: readonly (string | null)[]): Grid | null {
    if (!this.headerRows.length) return null;
    let width = -1;
    for (const hr of this.headerRows) {
      if (!hr.length) continue;
      if (width < 0) width = hr[0].width;
      else if (hr[0].width !== width) return null;
    }
    if (width <= 0) return null;
    const at = new Map<string, number>();
    for (const hr of this.headerRows) for (const r of hr) if (!at.has(r.hit.col)) at.set(r.hit.col, r.index);
    for (const c of cols) if (c === null || !at.has(c)) return null;
    return { width, at };
  }

  templateEvidence(index: LineIndex): TemplateEvidence[] {
    return this.evidence.map((e) => ({ template: e.template, table: this.id, marker: e.marker, range: index.range(e.cell.start, e.cell.end) }));
  }
}
