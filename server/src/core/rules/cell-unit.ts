import type { Rule } from './types';
import { cellName } from './cell-util';

/** A 2021 收费金额 in 万元 above this is almost certainly written in 元 (1亿元 of fees for one agency). */
const YUAN_THRESHOLD = 10000;

const rule: Rule = {
  meta: {
    id: 'cell-unit',
    category: 'tables',
    severity: 'info',
    fixable: false,
    description: {
      zh: '单元格中写了单位（如“251000元”）；2021 年版第二十条第（八）项的收费金额看起来以元而非万元填写。',
      en: 'A unit is written in a cell (251000元); a 2021 第二十条第（八）项 amount that looks like 元 rather than 万元.',
    },
    messages: {
      unit: {
        zh: '{cell}写作「{raw}」：表格中只填数字，不写单位「{unit}」',
        en: '{cell} reads 「{raw}」: tables hold bare numbers, without the unit 「{unit}」',
      },
      yuan: {
        zh: '{cell}为 {raw}：本列单位是万元，{raw} 看起来是以元计（{raw} 元 = {wan} 万元）',
        en: '{cell} is {raw}: the column is in 万元 and {raw} looks like 元 ({raw} 元 = {wan} 万元)',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '| 政府集中采购 | 3 | 251000元 |',
  },
  check(ctx) {
    for (const cell of ctx.model.cells) {
      if (cell.kind !== 'number') continue;
      if (cell.unit) {
        ctx.report({ message: 'unit', args: { cell: cellName(cell), raw: cell.raw, unit: cell.unit }, range: cell.range });
        continue;
      }
      if (cell.table === 't2-8' && cell.col === 'amount' && cell.value !== null && cell.value >= YUAN_THRESHOLD) {
        ctx.report({
          message: 'yuan',
          args: { cell: cellName(cell), raw: cell.raw, wan: String(Math.round(cell.value) / 10000) },
          range: cell.range,
        });
      }
    }
  },
};

export default rule;
