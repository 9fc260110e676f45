import type { Rule } from './types';
import { cellName, colKind } from './cell-util';

const rule: Rule = {
  meta: {
    id: 't2-plausibility',
    category: 'arithmetic',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '2019 年版第二十条第（一）项：本年新公开数量大于对外公开总数量；第二十条各表中不应为负的数量为负数（“本年增/减”可以为负）。',
      en: '2019 template, 第二十条第（一）项: 本年新公开数量 exceeds 对外公开总数量; in the 第二十条 tables, a figure that cannot be negative is negative (本年增/减 may be).',
    },
    messages: {
      published: {
        zh: '{row}：本年新公开数量 {published} 大于对外公开总数量 {total}',
        en: '{row}: 本年新公开数量 {published} exceeds 对外公开总数量 {total}',
      },
      negative: {
        zh: '{cell}为 {raw}：这一数量不能为负数',
        en: '{cell} is {raw}: this figure cannot be negative',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9'],
    example: '| 规范性文件 | 3 | 9 | 5 |',
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      if (!table.id.startsWith('t2-')) continue;
      for (const row of table.rows) {
        for (const c of row.cells) {
          if (c.value !== null && c.value < 0 && colKind(c) !== 'signed') {
            ctx.report({ message: 'negative', args: { cell: cellName(c), raw: c.raw }, range: c.range });
          }
        }
        if (table.id !== 't2-1') continue;
        const published = row.cells.find((c) => c.col === 'published');
        const total = row.cells.find((c) => c.col === 'public-total');
        if (published?.value != null && total?.value != null && published.value > total.value) {
          ctx.report({
            message: 'published',
            args: { row: row.label?.canonical ?? row.key, published: published.raw, total: total.raw },
            range: published.range,
            related: [{ range: total.range, message: { zh: `对外公开总数量 ${total.raw}`, en: `对外公开总数量 ${total.raw}` } }],
          });
        }
      }
    }
  },
};

export default rule;
