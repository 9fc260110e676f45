import type { Rule } from './types';
import { foldLabel, readCellNumber } from '../text';
import { tableDef } from '../schema';
import { cellName, colKind } from './cell-util';

const rule: Rule = {
  meta: {
    id: 'cell-invalid',
    category: 'tables',
    severity: 'error',
    fixable: false,
    description: {
      zh: '单元格中不是可读的数字（如“元”“-”“无”“/”），或表三、表四的计数为负数或小数。（第二十条各表中的负数见 t2-plausibility。）',
      en: 'A cell holds no readable number (元, -, 无, /), or a count in 表三 or 表四 is negative or a fraction. (Negative counts in the 第二十条 tables: t2-plausibility.)',
    },
    messages: {
      notNumber: {
        zh: '{cell}为「{raw}」，不是数字',
        en: '{cell} holds 「{raw}」, which is not a number',
      },
      placeholder: {
        zh: '{cell}为「{raw}」：没有数据时应填 0，而不是占位符',
        en: '{cell} holds 「{raw}」: write 0 when there is nothing to count, not a placeholder',
      },
      negative: {
        zh: '{cell}为 {raw}：申请和案件的数量不能为负数',
        en: '{cell} is {raw}: a count of applications or cases cannot be negative',
      },
      fraction: {
        zh: '{cell}为 {raw}：此处应为件数（整数）',
        en: '{cell} is {raw}: a count (a whole number) is meant here',
      },
      stray: {
        zh: '{table}中的「{raw}」不是数字，也不属于任何一列',
        en: '{table}: 「{raw}」 is not a number and belongs to no column',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '| 行政事业性收费 | 0 | 元 |',
  },
  check(ctx) {
    for (const cell of ctx.model.cells) {
      if (cell.kind === 'text') {
        ctx.report({ message: 'notNumber', args: { cell: cellName(cell), raw: cell.raw }, range: cell.range });
      } else if (cell.kind === 'placeholder') {
        ctx.report({ message: 'placeholder', args: { cell: cellName(cell), raw: cell.raw }, range: cell.range });
      } else if (cell.value !== null && (cell.table === 't3' || cell.table === 't4')) {
        if (cell.value < 0) ctx.report({ message: 'negative', args: { cell: cellName(cell), raw: cell.raw }, range: cell.range });
        else if (!Number.isInteger(cell.value)) ctx.report({ message: 'fraction', args: { cell: cellName(cell), raw: cell.raw }, range: cell.range });
      } else if (cell.value !== null && colKind(cell) === 'count' && !Number.isInteger(cell.value)) {
        ctx.report({ message: 'fraction', args: { cell: cellName(cell), raw: cell.raw }, range: cell.range });
      }
    }
    // Text typed into a spare cell past a table's last column (seed 003: `0 | 0 | 元`).
    for (const u of ctx.model.unplaced) {
      if (u.reason !== 'stray-values' || !u.table) continue;
      if (u.text.split(' | ').every((t) => readCellNumber(t).kind !== 'number' && foldLabel(t) !== '')) {
        ctx.report({ message: 'stray', args: { table: tableDef(u.table).name, raw: u.text }, range: u.range });
      }
    }
  },
};

export default rule;
