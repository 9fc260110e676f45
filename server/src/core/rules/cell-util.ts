/**
 * Helpers for the cell rules: a cell's readable name, and column kinds from the schema.
 */

import type { Localized } from '../diagnostics';
import type { Cell } from '../model';
import { tableDef } from '../schema';
import { colName, rowName } from './names';

/** `表三「一、本年新收」行「自然人」列` / `表三, row 「一、本年新收」, column 「自然人」`. */
const cellNames = new Map<string, Localized>();

export function cellName(cell: Pick<Cell, 'table' | 'row' | 'col'>): Localized {
  const k = `${cell.table}/${cell.row}/${cell.col}`;
  let v = cellNames.get(k);
  if (!v) {
    v = computeCellName(cell);
    cellNames.set(k, v);
  }
  return v;
}

function computeCellName(cell: Pick<Cell, 'table' | 'row' | 'col'>): Localized {
  const t = tableDef(cell.table).name;
  const r = rowName(cell.table, cell.row);
  const c = colName(cell.table, cell.col);
  return { zh: `${t}「${r.zh}」行「${c.zh}」列`, en: `${t}, row 「${r.en}」, column 「${c.en}」` };
}

/** The kind of a column: counts, signed changes or amounts. */
export function colKind(cell: Pick<Cell, 'table' | 'col'>): 'count' | 'signed' | 'amount' {
  const col = tableDef(cell.table).cols.find((c) => c.key === cell.col);
  return col ? col.kind : 'count';
}
