/**
 * The arithmetic of 表三 and 表四 (report-format.md §4, §5) and the search for the cell to blame.
 *
 * Every relation is written as a signed sum that must be zero, with one "target" cell that a fix sets
 * (总计, （七）, 四). A relation is assessable only when all its cells were read as numbers; one that is not
 * is neither passed nor failed (the missing cells are reported by table-row-missing / cell-blank /
 * cell-invalid).
 *
 * One wrong cell usually breaks two or three relations at once. When the broken relations meet in a cell,
 * no satisfied relation runs through that cell, and one value of it satisfies them all, that cell is the
 * culprit: one finding on it, under the id of the first broken relation in catalogue order, with the others
 * as related information. Otherwise each broken relation is reported on its own.
 *
 * Computed once per model and shared by the four rules (t3-row-total, t3-results-total, t3-balance, t4-total).
 */

import type { Cell, ReportModel, Table } from '../model';
import type { Localized, RelatedInfo } from '../diagnostics';
import { colsOf, rowsOf, tableDef, type TemplateId } from '../schema';
import { rowName, colName } from './names';
import { perModel } from '../memo';

export type RelationKind = 't3-row-total' | 't3-results-total' | 't3-balance' | 't4-total';

/** Catalogue order: the id a culprit finding takes is the first of its relations' kinds in this order. */
export const RELATION_ORDER: readonly RelationKind[] = ['t3-row-total', 't3-results-total', 't3-balance', 't4-total'];

export interface Term {
  readonly cell: Cell;
  readonly sign: 1 | -1;
}

export interface Relation {
  readonly kind: RelationKind;
  /** Row key (t3-row-total), column key (t3-results-total, t3-balance) or group row key (t4-total). */
  readonly key: string;
  readonly terms: readonly Term[];
  /** The cell a fix sets. */
  readonly target: Cell;
  /** Σ sign·value; zero when the relation holds. */
  readonly residual: number;
  /** The relation spelled out with its figures, e.g. `总计 23 ≠ 自然人 18 + … = 22` (built on first use). */
  readonly text: Localized;
  /** The value that makes the relation hold when written into the target. */
  readonly targetValue: number;
}

export interface Culprit {
  readonly cell: Cell;
  readonly value: number;
  readonly relations: readonly Relation[];
  readonly kind: RelationKind;
}

export interface ArithmeticPlan {
  readonly relations: readonly Relation[];
  readonly broken: readonly Relation[];
  readonly culprits: readonly Culprit[];
  /** Broken relations not explained by a culprit: reported one by one. */
  readonly lone: readonly Relation[];
  /**
   * Lone relations whose fix must wait: one of their other operands takes part in another broken relation,
   * so the value the fix would write is computed from a figure that is itself wrong.
   */
  readonly deferred: ReadonlySet<Relation>;
}

/** The plan of a model, computed once and shared by the four rules and the editor features. */
export const arithmetic: (model: ReportModel) => ArithmeticPlan = perModel(compute);

/** Rounds away floating-point noise (amounts never appear here, but values may be decimals typed by mistake). */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function fmt(n: number): string {
  return String(clean(n));
}

/** The cells of a table by row and column key (the first row of a key, as the parser keeps only one). */
type CellGrid = (row: string, col: string) => Cell | undefined;

function gridOf(table: Table): CellGrid {
  const byRow = new Map<string, readonly Cell[]>();
  for (const r of table.rows) if (!byRow.has(r.key)) byRow.set(r.key, r.cells);
  return (row, col) => {
    const cells = byRow.get(row);
    if (cells) for (const c of cells) if (c.col === col) return c;
    return undefined;
  };
}

/** `total = part1 + part2 + …`, spelled with names and figures. */
function sumText(
  totalName: Localized,
  total: Cell,
  parts: readonly { name: Localized; cell: Cell }[],
  compact: boolean,
): Localized {
  const sum = clean(parts.reduce((a, p) => a + (p.cell.value ?? 0), 0));
  // Long sums (表三 columns have 20+ terms) list the non-zero terms and say the rest are 0.
  const shown = compact ? parts.filter((p) => p.cell.value !== 0) : parts;
  const zh = shown.map((p) => `${p.name.zh} ${fmt(p.cell.value ?? 0)}`).join(' + ') || '0';
  const en = shown.map((p) => `${p.name.en} ${fmt(p.cell.value ?? 0)}`).join(' + ') || '0';
  const restZh = compact && shown.length < parts.length ? '（其余各项为 0）' : '';
  const restEn = compact && shown.length < parts.length ? ' (all other rows 0)' : '';
  const v = fmt(total.value ?? 0);
  return {
    zh: `${totalName.zh} ${v} ≠ ${zh} = ${fmt(sum)}${restZh}`,
    en: `${totalName.en} ${v} ≠ ${en} = ${fmt(sum)}${restEn}`,
  };
}

/**
 * The cells at `keys` (rows of one column, or columns of one row), when every one was read as a number;
 * otherwise null (the relation cannot be assessed). Loops, not array callbacks: this runs for every relation
 * of every report.
 */
function readable(keys: readonly string[], at: (key: string) => Cell | undefined): Cell[] | null {
  const out: Cell[] = [];
  for (const k of keys) {
    const c = at(k);
    if (c === undefined || c.value === null) return null;
    out.push(c);
  }
  return out;
}

function sumOf(cells: readonly Cell[]): number {
  let sum = 0;
  for (const c of cells) sum += c.value ?? 0;
  return sum;
}

/** Column keys of 表三 for a template, and its parts (all but 总计). */
const T3_COLS = {
  '2019': t3Columns('2019'),
  '2021': t3Columns('2021'),
};

function t3Columns(template: TemplateId): { cols: string[]; parts: string[]; results: string[] } {
  const cols = colsOf('t3', template).map((c) => c.key);
  return {
    cols,
    parts: cols.filter((c) => c !== 'total'),
    // The result rows summed into （七）总计.
    results: rowsOf('t3', template)
      .filter((r) => r.group && r.key !== 'total')
      .map((r) => r.key),
  };
}

const T4_PARTS: readonly string[] = ['upheld', 'corrected', 'other', 'pending'];

function compute(model: ReportModel): ArithmeticPlan {
  const relations: Relation[] = [];
  for (const table of model.tables) {
    const rs = table.id === 't3' ? t3Relations(table, model) : table.id === 't4' ? t4Relations(table) : null;
    if (rs) for (const r of rs) relations.push(r);
  }
  const broken = relations.filter((r) => r.residual !== 0);
  const culprits = findCulprits(relations, broken);
  const explained = new Set<Relation>(culprits.flatMap((c) => c.relations));
  const lone = broken.filter((r) => !explained.has(r));
  const deferred = new Set<Relation>();
  for (const r of lone) {
    const others = r.terms.filter((t) => t.cell !== r.target).map((t) => t.cell);
    if (broken.some((o) => o !== r && o.terms.some((t) => others.includes(t.cell)))) deferred.add(r);
  }
  return { relations, broken, culprits, lone, deferred };
}

/**
 * A relation whose text is built when first asked for (most relations hold and are never shown). A class: an
 * object literal with a getter would get a V8 map of its own, in old space, keeping the model alive.
 */
class LazyRelation implements Relation {
  private builtText: Localized | null = null;
  private builtTerms: readonly Term[] | null = null;
  constructor(
    readonly kind: RelationKind,
    readonly key: string,
    /** The cells added (the first is the target's side for totals) and the cells subtracted. */
    private readonly plus: readonly Cell[],
    private readonly minus: readonly Cell[],
    readonly target: Cell,
    readonly residual: number,
    readonly targetValue: number,
    private readonly describe: () => Localized,
  ) {}
  /** The signed terms, built when first asked for (only broken relations and hovers need them). */
  get terms(): readonly Term[] {
    return (this.builtTerms ??= [
      ...this.plus.map((cell) => ({ cell, sign: 1 as const })),
      ...this.minus.map((cell) => ({ cell, sign: -1 as const })),
    ]);
  }
  get text(): Localized {
    return (this.builtText ??= this.describe());
  }
}

/** A relation `Σ plus − Σ minus = 0`; `target` is the cell a fix sets. */
function relation(
  kind: RelationKind,
  key: string,
  plus: readonly Cell[],
  minus: readonly Cell[],
  target: Cell,
  residual: number,
  targetValue: number,
  describe: () => Localized,
): Relation {
  return new LazyRelation(kind, key, plus, minus, target, residual, targetValue, describe);
}

function t3Template(table: Table, model: ReportModel): TemplateId {
  if (table.template) return table.template;
  if (model.template !== 'unknown') return model.template;
  return table.rows.some((r) => r.key.startsWith('other-')) ? '2021' : '2019';
}

function t3Relations(table: Table, model: ReportModel): Relation[] {
  const out: Relation[] = [];
  const cellAt = gridOf(table);
  const { cols, parts, results } = T3_COLS[t3Template(table, model)];
  const tName = tableDef('t3').name;

  // Each data row: 总计 = 自然人 + the five 法人或其他组织 columns.
  rowTotals(out, 't3-row-total', table, cellAt, parts, { zh: '行', en: 'row ' });

  for (const col of cols) {
    // Each column: （七）总计 = the sum of all result rows.
    const total = cellAt('total', col);
    const rs = total && total.value !== null ? readable(results, (r) => cellAt(r, col)) : null;
    if (total && total.value !== null && rs) {
      const sum = sumOf(rs);
      out.push(
        relation('t3-results-total', col, [total], rs, total, clean(total.value - sum), clean(sum), () => {
          const cn = colName('t3', col);
          const body = sumText(
            rowName('t3', 'total'),
            total,
            rs.map((cell) => ({ name: rowName('t3', cell.row, true), cell })),
            true,
          );
          return { zh: `${tName}「${cn.zh}」列：${body.zh}`, en: `${tName}, column 「${cn.en}」: ${body.en}` };
        }),
      );
    }
    // Each column: 一 + 二 = （七）总计 + 四 (printed in the template).
    const abcd = readable(BALANCE_ROWS, (r) => cellAt(r, col));
    if (abcd) {
      const [a, b, c, d] = abcd;
      const va = a.value ?? 0;
      const vb = b.value ?? 0;
      const vc = c.value ?? 0;
      const vd = d.value ?? 0;
      out.push(
        relation('t3-balance', col, [a, b], [c, d], d, clean(va + vb - vc - vd), clean(va + vb - vc), () => {
          const cn = colName('t3', col);
          return {
            zh: `${tName}「${cn.zh}」列：一 + 二 = ${fmt(va)} + ${fmt(vb)} = ${fmt(va + vb)} ≠ （七）+ 四 = ${fmt(vc)} + ${fmt(vd)} = ${fmt(vc + vd)}`,
            en: `${tName}, column 「${cn.en}」: 一 + 二 = ${fmt(va)} + ${fmt(vb)} = ${fmt(va + vb)} ≠ （七） + 四 = ${fmt(vc)} + ${fmt(vd)} = ${fmt(vc + vd)}`,
          };
        }),
      );
    }
  }
  return out;
}

/** The rows of 一 + 二 = （七）总计 + 四, in that order. */
const BALANCE_ROWS: readonly string[] = ['new', 'carried', 'total', 'carry-out'];

function t4Relations(table: Table): Relation[] {
  const out: Relation[] = [];
  rowTotals(out, 't4-total', table, gridOf(table), T4_PARTS, { zh: '', en: '' });
  return out;
}

/** Each row: its 总计 = the sum of `parts` (表三's data rows, 表四's three rows). */
function rowTotals(
  out: Relation[],
  kind: 't3-row-total' | 't4-total',
  table: Table,
  cellAt: CellGrid,
  parts: readonly string[],
  rowWord: Localized,
): void {
  const tName = tableDef(table.id).name;
  for (const row of table.rows) {
    const total = cellAt(row.key, 'total');
    if (!total || total.value === null) continue;
    const ps = readable(parts, (c) => cellAt(row.key, c));
    if (!ps) continue;
    const sum = sumOf(ps);
    out.push(
      relation(kind, row.key, [total], ps, total, clean(total.value - sum), clean(sum), () => {
        const rn = rowName(table.id, row.key);
        const body = sumText(
          colName(table.id, 'total'),
          total,
          ps.map((cell) => ({ name: colName(table.id, cell.col), cell })),
          false,
        );
        return { zh: `${tName}「${rn.zh}」${rowWord.zh}：${body.zh}`, en: `${tName}, ${rowWord.en}「${rn.en}」: ${body.en}` };
      }),
    );
  }
}

function findCulprits(relations: readonly Relation[], broken: readonly Relation[]): Culprit[] {
  if (broken.length < 2) return [];
  // Relations through each cell.
  const through = new Map<Cell, Relation[]>();
  for (const r of relations) {
    for (const t of r.terms) {
      const list = through.get(t.cell);
      if (list) list.push(r);
      else through.set(t.cell, [r]);
    }
  }
  const candidates: Culprit[] = [];
  for (const [cell, rels] of through) {
    if (rels.length < 2 || rels.some((r) => r.residual === 0)) continue;
    let value: number | null = null;
    let ok = true;
    for (const r of rels) {
      const sign = r.terms.find((t) => t.cell === cell)!.sign;
      const v = clean((cell.value ?? 0) - r.residual / sign);
      if (value === null) value = v;
      else if (value !== v) ok = false;
    }
    if (!ok || value === null || value < 0 || !Number.isInteger(value)) continue;
    const kind = RELATION_ORDER.find((k) => rels.some((r) => r.kind === k))!;
    candidates.push({ cell, value, relations: rels, kind });
  }
  // A relation explained by two different candidates leaves the blame undecided: report it plainly.
  const count = new Map<Relation, number>();
  for (const c of candidates) for (const r of c.relations) count.set(r, (count.get(r) ?? 0) + 1);
  return candidates.filter((c) => c.relations.every((r) => count.get(r) === 1));
}

/** Related information pointing at every operand of a relation. */
export function operandInfo(r: Relation, except?: Cell): RelatedInfo[] {
  return r.terms
    .filter((t) => t.cell !== except)
    .map((t) => {
      const rn = rowName(t.cell.table, t.cell.row);
      const cn = colName(t.cell.table, t.cell.col);
      return {
        range: t.cell.range,
        message: {
          zh: `${rn.zh} · ${cn.zh}：${t.cell.raw}`,
          en: `${rn.en} · ${cn.en}: ${t.cell.raw}`,
        },
      };
    });
}
