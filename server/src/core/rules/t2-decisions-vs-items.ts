import type { Rule } from './types';
import type { Cell, Table } from '../model';
import { tableDef } from '../schema';
import { rowName } from './names';

function cellOf(table: Table, row: string, col: string): Cell | undefined {
  return table.rows.find((r) => r.key === row)?.cells.find((c) => c.col === col);
}

const rule: Rule = {
  meta: {
    id: 't2-decisions-vs-items',
    category: 'arithmetic',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '2019 年版第二十条第（五）（六）项：每一行的“处理决定数量”都等于“上一年项目数量 + 本年增/减”。前两列统计的是事项数，处理决定数量统计的是办件数，二者相等说明多半把事项数填进了办件数。',
      en: '2019 template, 第二十条第（五）（六）项: every 处理决定数量 equals 上一年项目数量 + 本年增/减. The first two count items (事项), the last counts decisions (办件): equal figures in every row mean item counts were probably entered as decisions.',
    },
    messages: {
      same: {
        zh: '{table}：每一行的处理决定数量都等于上一年项目数量 + 本年增/减（{rows}），处理决定数量应填本年作出的决定件数，而非事项数',
        en: '{table}: in every row 处理决定数量 equals 上一年项目数量 + 本年增/减 ({rows}); 处理决定数量 counts this year’s decisions, not items',
      },
    },
    reads: ['t2-5', 't2-6'],
    example: '| 行政许可 | 278 | -7 | 271 |',
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      if (table.id !== 't2-5' && table.id !== 't2-6') continue;
      const rows: { key: string; prev: Cell; change: Cell; decisions: Cell }[] = [];
      let all = true;
      for (const r of table.rows) {
        const prev = cellOf(table, r.key, 'prev-items');
        const change = cellOf(table, r.key, 'change');
        const decisions = cellOf(table, r.key, 'decisions');
        if (!prev || !change || !decisions || prev.value === null || change.value === null || decisions.value === null) continue;
        if (prev.value === 0 && change.value === 0 && decisions.value === 0) continue;
        if (prev.value + change.value !== decisions.value) all = false;
        rows.push({ key: r.key, prev, change, decisions });
      }
      if (!all || !rows.length) continue;
      const sign = (n: number): string => (n < 0 ? `− ${-n}` : `+ ${n}`);
      ctx.report({
        message: 'same',
        args: {
          table: tableDef(table.id).name,
          rows: {
            zh: rows.map((x) => `${rowName(table.id, x.key).zh} ${x.prev.value} ${sign(x.change.value!)} = ${x.decisions.value}`).join('；'),
            en: rows.map((x) => `${rowName(table.id, x.key).en} ${x.prev.value} ${sign(x.change.value!)} = ${x.decisions.value}`).join('; '),
          },
        },
        range: rows[0].decisions.range,
        related: rows.map((x) => ({
          range: x.decisions.range,
          message: {
            zh: `${rowName(table.id, x.key).zh}：${x.prev.value} ${sign(x.change.value!)} = ${x.decisions.value}`,
            en: `${rowName(table.id, x.key).en}: ${x.prev.value} ${sign(x.change.value!)} = ${x.decisions.value}`,
          },
        })),
      });
    }
  },
};

export default rule;
