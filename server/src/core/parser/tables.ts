/**
 * Building one standard table from the physical rows fed to it.
 *
 * Rows are found by their labels, not by their position: real copies split, merge and scramble rows, but a
 * row's label text is unique within its table (`属于四类过程性信息` is deny-6 wherever it lands). The numbers
 * after a label, up to the next label, are that row's values. They are given to columns only when the count
 * tells which is which (see `align`); otherwise the row is reported as ambiguous and no value is guessed.
 */

import type { Cell, Header, Label, Table, TableRow, TableShape, TemplateEvidence, Unplaced } from '../model';
import { colsOf, rowsOf, tableDef, type TableId, type TemplateId } from '../schema';
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
    const text = index.text;
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
    const unplaced: Unplaced[] = [];
    const cells: Cell[] = [];
    const rowsOut: TableRow[] = [];
    const found = new Set<string>();
    const ambiguous = new Set<string>();

    const label = (c: RawCell, canonical: string, variant: boolean): Label => ({
      raw: text.slice(c.start, c.end),
      canonical,
      variant,
      range: index.range(c.start, c.end),
    });
    const makeCell = (row: string, col: string, c: RawCell): Cell => {
      const read = readOf(c);
      // One shape for every cell (unit and signed undefined when absent; see Cell).
      return {
        table: this.id,
        row,
        col,
        value: read.value,
        raw: text.slice(c.start, c.end),
        kind: read.kind,
        unit: read.unit,
        signed: read.signed,
        range: index.range(c.start, c.end),
      };
    };
    const spanOf = (cs: readonly RawCell[]): { s: number; e: number } => {
      let s = Infinity;
      let e = -1;
      for (const c of cs) {
        if (c.start < s) s = c.start;
        if (c.end > e) e = c.end;
      }
      return { s, e };
    };
    const joined = (cs: readonly RawCell[]): string =>
      cs
        .filter((c) => !c.blank)
        .map((c) => c.text)
        .join(' | ');

    // Columns: 表二 tables follow their own header when it names the columns; otherwise the template's.
    const headers: Header[] = [];
    for (const hr of this.headerRows) {
      for (const r of hr) {
        if (def.cols.some((c) => c.key === r.hit.col)) {
          headers.push({ col: r.hit.col, label: label(r.cell, r.hit.canonical, r.hit.variant) });
        }
      }
    }
    let cols: (string | null)[] = colsOf(this.id, template).map((c) => c.key);
    if (this.id.startsWith('t2-')) {
      const info = this.headerRows.find((hr) => hr.some((r) => r.hit.col === 'info'));
      if (info) {
        const infoRec = info.find((r) => r.hit.col === 'info')!;
        const after = info.filter((r) => r.index > infoRec.index && def.cols.some((c) => c.key === r.hit.col));
        if (after.length) {
          // Column i of the values is the i-th header after 信息内容 (gaps for unrecognised headers).
          const byIndex = new Map(after.map((r) => [r.index, r.hit.col] as const));
          const last = Math.max(...after.map((r) => r.index));
          cols = [];
          for (let i = infoRec.index + 1; i <= last; i++) cols.push(byIndex.get(i) ?? null);
        }
      }
    }

    // 表三's header grid: column index of each applicant column, when every header row has the same width.
    let grid: { width: number; at: Map<string, number> } | null = null;
    if (this.id === 't3' && this.headerRows.length) {
      const widths = new Set(this.headerRows.map((hr) => (hr.length ? hr[0].width : -1)).filter((w) => w > 0));
      if (widths.size === 1) {
        const at = new Map<string, number>();
        for (const hr of this.headerRows) for (const r of hr) if (!at.has(r.hit.col)) at.set(r.hit.col, r.index);
        if (cols.every((c) => c !== null && at.has(c))) grid = { width: [...widths][0], at };
      }
    }

    const place = (key: string, lbl: Label | null, vals: RawCell[], phys: PhysRow | null, colKeys: (string | null)[]): boolean => {
      const n = colKeys.length;
      let chosen: (RawCell | undefined)[] | null = null;
      if (vals.length === n) chosen = vals;
      else if (grid && phys && phys.cells.length === grid.width) {
        const g = grid;
        const picked = colKeys.map((c) => (c ? phys.cells[g.at.get(c)!] : undefined));
        if (picked.every((c) => c && (c.blank || valueLike(c)))) chosen = picked;
      }
      if (!chosen) {
        const v = trimBlanksTo(vals, n);
        if (v.length === n) chosen = v;
        else if (v.length > n && v.slice(n).every((c) => c.blank || readOf(c).kind !== 'number')) {
          // Text past the last column (a unit typed into a spare cell: `0 | 0 | 元`) belongs to no column.
          chosen = v.slice(0, n);
          const extra = v.slice(n);
          if (extra.some((c) => !c.blank)) this.strays.push(extra);
        }
      }
      if (!chosen) return false;
      const rowCells: Cell[] = [];
      chosen.forEach((c, i) => {
        const col = colKeys[i];
        if (c && col) rowCells.push(makeCell(key, col, c));
      });
      rowsOut.push({ key, label: lbl, cells: rowCells });
      cells.push(...rowCells);
      return true;
    };

    // Labelled rows, in every table (表四 written as three labelled rows too).
    const t4 = this.id === 't4';
    const rowCols: (string | null)[] = t4 ? colsOf('t4', template).map((c) => c.key) : cols;
    for (const r of this.rows) {
      if (!r.key) continue;
      if (found.has(r.key) || ambiguous.has(r.key)) {
        const all = [r.label, ...r.values];
        const sp = spanOf(all);
        unplaced.push({ reason: 'duplicate-row', table: this.id, row: r.key, text: joined(all), range: index.range(sp.s, sp.e) });
        continue;
      }
      const lbl = label(r.label, r.hit!.canonical, r.hit!.variant);
      if (place(r.key, lbl, r.values, t4 ? null : r.phys, rowCols)) found.add(r.key);
      else {
        ambiguous.add(r.key);
        const all = [r.label, ...r.values];
        const sp = spanOf(all);
        unplaced.push({
          reason: 'ambiguous-values',
          table: this.id,
          row: r.key,
          text: joined(all),
          range: index.range(sp.s, sp.e),
          found: r.values.filter((v) => !v.blank).length,
          expected: rowCols.length,
        });
      }
    }
    // 表四 as the official form: no row labels, 15 numbers after the header.
    if (t4 && this.t4Values.length && found.size === 0) {
      const rowKeys = rowsOf('t4', template).map((r) => r.key);
      const want = rowKeys.length * rowCols.length;
      const all = trimBlanksTo(this.t4Values, want);
      if (all.length === want) {
        rowKeys.forEach((rk, ri) => {
          place(rk, null, all.slice(ri * rowCols.length, (ri + 1) * rowCols.length), null, rowCols);
          found.add(rk);
        });
      } else if (all.some((c) => !c.blank)) {
        const sp = spanOf(all);
        for (const rk of rowKeys) ambiguous.add(rk);
        unplaced.push({
          reason: 'ambiguous-values',
          table: this.id,
          text: joined(all),
          range: index.range(sp.s, sp.e),
          found: all.length,
          expected: want,
        });
      }
    } else if (t4 && this.t4Values.some((c) => !c.blank)) {
      this.strays.push(this.t4Values);
    }

    for (const r of this.unknown) {
      const sp = spanOf([r.label, ...r.values]);
      unplaced.push({ reason: 'unknown-row', table: this.id, text: joined([r.label, ...r.values]), range: index.range(sp.s, sp.e) });
    }
    for (const s of this.strays) {
      const sp = spanOf(s);
      unplaced.push({ reason: 'stray-values', table: this.id, text: joined(s), range: index.range(sp.s, sp.e) });
    }

    const expectedRows = rowsOf(this.id, template).map((r) => r.key);
    const missingRows = expectedRows.filter((k) => !found.has(k) && !ambiguous.has(k));
    const expectedCols = colsOf(this.id, template).map((c) => c.key);
    const missingCols = rowsOut.length ? expectedCols.filter((c) => !cells.some((cell) => cell.col === c)) : [];
    if (!rowsOut.length && !ambiguous.size) {
      const s = this.caption ?? null;
      unplaced.push({
        reason: 'empty-table',
        table: this.id,
        text: s ? s.text : def.name,
        range: index.range(s ? s.start : Math.max(0, this.start), s ? s.end : Math.max(0, this.end)),
      });
    }

    const captionLabel = this.caption ? label(this.caption, def.caption, false) : null;
    const start = this.start < 0 ? 0 : this.start;
    const end = this.end < 0 ? start : this.end;
    const table: Table = {
      id: this.id,
      template: own,
      caption: captionLabel,
      range: index.range(start, end),
      shapes: [...this.shapes],
      headers,
      rows: rowsOut,
      missingRows,
      missingCols,
      groups: this.groups.map((g) => {
        const gd = def.groups?.find((x) => x.key === g.key);
        return { key: g.key, label: label(g.cell, gd ? gd.label : g.cell.text, false) };
      }),
    };
    return { table, cells, unplaced };
  }

  templateEvidence(index: LineIndex): TemplateEvidence[] {
    return this.evidence.map((e) => ({ template: e.template, table: this.id, marker: e.marker, range: index.range(e.cell.start, e.cell.end) }));
  }
}
