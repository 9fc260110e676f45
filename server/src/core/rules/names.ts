/**
 * Short, readable names of rows and columns for messages: `一、本年新收`, `（三）1.属于国家秘密`, `自然人`.
 * The report's own Chinese terms are kept in English messages too (users search the report for them).
 */

import type { Localized } from '../diagnostics';
import { tableDef, type TableId } from '../schema';

/** Labels shortened for messages (the full text stays in hovers and docs). */
const SHORT: Readonly<Record<string, string>> = {
  't3/new': '一、本年新收',
  't3/carried': '二、上年结转',
  't3/partial': '（二）部分公开',
  't3/carry-out': '四、结转下年度继续办理',
  't3/other-1': '（六）1.逾期不补正',
  't3/other-2': '（六）2.逾期未缴费',
  't3/other-3': '（六）3.其他',
};

function same(s: string): Localized {
  return { zh: s, en: s };
}

const rowNames = new Map<string, Localized>();
const colNames = new Map<string, Localized>();

/** A row's name; for 表三 result rows, with their group's ordinal (`（三）1.属于国家秘密`). Memoized. */
export function rowName(table: TableId, key: string, compact = false): Localized {
  const k = `${table}/${key}/${compact ? 1 : 0}`;
  let v = rowNames.get(k);
  if (!v) {
    v = computeRowName(table, key, compact);
    rowNames.set(k, v);
  }
  return v;
}

function computeRowName(table: TableId, key: string, compact: boolean): Localized {
  const short = SHORT[`${table}/${key}`];
  if (short) return same(short);
  const def = tableDef(table);
  const row = def.rows.find((r) => r.key === key);
  if (!row) return same(key);
  const group = row.group ? def.groups?.find((g) => g.key === row.group) : undefined;
  const prefix = group && group.key !== 'results' ? group.ordinal : '';
  if (compact && prefix) return same(`${prefix}${row.ordinal ?? ''}`);
  return same(`${prefix}${row.ordinal ?? ''}${row.label}`);
}

export function colName(table: TableId, key: string): Localized {
  const k = `${table}/${key}`;
  let v = colNames.get(k);
  if (!v) {
    const col = tableDef(table).cols.find((c) => c.key === key);
    v = same(col ? col.label : key);
    colNames.set(k, v);
  }
  return v;
}
