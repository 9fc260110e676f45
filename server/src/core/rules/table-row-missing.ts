import { tableDef } from '../schema';
import { readCellNumber } from '../text';
import type { Rule } from './types';

function rowLabel(tableId: Parameters<typeof tableDef>[0], key: string): string {
  const row = tableDef(tableId).rows.find((r) => r.key === key);
  return row ? (row.ordinal ?? '') + row.label : key;
}

const rule: Rule = {
  meta: {
    id: 'table-row-missing',
    category: 'tables',
    severity: 'error',
    fixable: false,
    description: {
      zh: '标准表格的某一行缺失或无法识别（行标签不认识、数值个数与列数不符、数值不属于任何行）。',
      en: 'A row of a standard table is absent or cannot be read (unknown label, wrong number of values, values outside any row).',
    },
    messages: {
      missing: {
        zh: '{table}缺少「{row}」行',
        en: '{table}: the row 「{row}」 is missing',
      },
      missingMany: {
        zh: '{table}缺少 {count} 行：{rows}',
        en: '{table}: {count} rows are missing: {rows}',
      },
      unknownRow: {
        zh: '{table}中无法识别的行：「{text}」',
        en: '{table}: unrecognised row 「{text}」',
      },
      ambiguous: {
        zh: '{table}「{row}」行有 {found} 个数值，应为 {expected} 个，无法确定各数值所属的列',
        en: '{table}, row 「{row}」: {found} values where {expected} are expected; which value belongs to which column cannot be told',
      },
      stray: {
        zh: '{table}中有无法归入任何行或列的内容：「{text}」',
        en: '{table}: content that fits no row or column: 「{text}」',
      },
      duplicate: {
        zh: '{table}「{row}」行重复出现，后一行未采用',
        en: '{table}: the row 「{row}」 appears twice; the later one is not used',
      },
      emptyTable: {
        zh: '{table}只有表头，没有读到任何数据行',
        en: '{table}: only a caption or header was found, no data row',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '表三 without the row 四、结转下年度继续办理',
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      const name = tableDef(table.id).name;
      const at = table.caption?.range ?? table.range;
      // A table with no row read at all is reported once (emptyTable), not row by row.
      if (!table.rows.length && ctx.model.unplaced.some((u) => u.table === table.id && u.reason === 'empty-table')) continue;
      if (table.missingRows.length > 3) {
        ctx.report({
          message: 'missingMany',
          args: {
            table: name,
            count: table.missingRows.length,
            rows: table.missingRows.map((k) => rowLabel(table.id, k)).join('、'),
          },
          range: at,
        });
        continue;
      }
      for (const key of table.missingRows) {
        ctx.report({ message: 'missing', args: { table: name, row: rowLabel(table.id, key) }, range: at });
      }
    }
    for (const u of ctx.model.unplaced) {
      if (!u.table) continue;
      const name = tableDef(u.table).name;
      const text = u.text.length > 40 ? u.text.slice(0, 40) + '…' : u.text;
      switch (u.reason) {
        case 'unknown-row':
          ctx.report({ message: 'unknownRow', args: { table: name, text }, range: u.range });
          break;
        case 'ambiguous-values':
          ctx.report({
            message: 'ambiguous',
            args: {
              table: name,
              row: u.row ? rowLabel(u.table, u.row) : text,
              found: u.found ?? 0,
              expected: u.expected ?? 0,
            },
            range: u.range,
          });
          break;
        case 'stray-values':
          // Text alone (a unit typed into a spare cell) is cell-invalid's; numbers without a row are ours.
          if (u.text.split(' | ').every((t) => readCellNumber(t).kind !== 'number')) break;
          ctx.report({ message: 'stray', args: { table: name, text }, range: u.range });
          break;
        case 'duplicate-row':
          ctx.report({
            message: 'duplicate',
            args: { table: name, row: u.row ? rowLabel(u.table, u.row) : text },
            range: u.range,
          });
          break;
        case 'empty-table':
          ctx.report({ message: 'emptyTable', args: { table: name }, range: u.range });
          break;
        case 'duplicate-table':
          break;
      }
    }
  },
};

export default rule;
