import type { Rule } from './types';
import type { Cell, Table } from '../model';
import type { Fix } from '../diagnostics';
import { tableDef } from '../schema';
import { colName, rowName } from './names';
import { cellName } from './cell-util';
import { cellEdit, setCell } from './fixes';

/** A fix that writes 0 into every blank cell given (each edit stays inside its cell). */
export function fillZeros(cells: readonly Cell[], title: Fix['title']): Fix {
  return { title, edits: cells.map((c) => cellEdit(c, 0)), safe: true };
}

/** "Fill every blank cell of this table with 0" (offered by the editor on any blank cell). */
export function fillTableFix(table: Table): Fix | null {
  const blanks = table.rows.flatMap((r) => r.cells.filter((c) => c.kind === 'blank'));
  if (!blanks.length) return null;
  const name = tableDef(table.id).name;
  return fillZeros(blanks, {
    zh: `将${name}的 ${blanks.length} 个空单元格全部填为 0`,
    en: `Fill all ${blanks.length} blank cells of ${name} with 0`,
  });
}

const rule: Rule = {
  meta: {
    id: 'cell-blank',
    category: 'tables',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '应填数字的单元格为空（没有数据时应填 0）。同一行的空单元格合并为一条提示。',
      en: 'A cell that should hold a number is empty (0 is written when there is nothing to count). Blank cells of one row are reported together.',
    },
    messages: {
      one: {
        zh: '{cell}为空，应填写数字（没有则填 0）',
        en: '{cell} is blank; write a number (0 when there is none)',
      },
      row: {
        zh: '{table}「{row}」行有 {count} 个空单元格（{cols}），应填写数字（没有则填 0）',
        en: '{table}, row 「{row}」: {count} blank cells ({cols}); write numbers (0 when there are none)',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '| 行政许可 |  | 0 | 12 |',
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        const blanks = row.cells.filter((c) => c.kind === 'blank');
        if (!blanks.length) continue;
        const related = blanks.map((c) => ({ range: c.range, message: cellName(c) }));
        if (blanks.length === 1) {
          const c = blanks[0];
          ctx.report({
            message: 'one',
            args: { cell: cellName(c) },
            range: c.range,
            fix: setCell(c, 0, { zh: '填写 0', en: 'Write 0' }),
          });
          continue;
        }
        const rn = rowName(table.id, row.key);
        ctx.report({
          message: 'row',
          args: {
            table: tableDef(table.id).name,
            row: rn,
            count: blanks.length,
            cols: {
              zh: blanks.map((c) => colName(table.id, c.col).zh).join('、'),
              en: blanks.map((c) => colName(table.id, c.col).en).join(', '),
            },
          },
          range: blanks[0].range,
          related,
          fix: fillZeros(blanks, {
            zh: `本行 ${blanks.length} 个空单元格填为 0`,
            en: `Write 0 in the ${blanks.length} blank cells of this row`,
          }),
        });
      }
    }
  },
};

export default rule;
