/**
 * Reporting of the arithmetic plan (arithmetic.ts) for one relation kind: each rule calls this with its own id.
 */

import type { RuleContext } from './types';
import { arithmetic, operandInfo, type RelationKind } from './arithmetic';
import { setCell } from './fixes';
import { colName, rowName } from './names';

export const ARITHMETIC_MESSAGES = {
  broken: { zh: '{relation}', en: '{relation}' },
  culprit: {
    zh: '{cell}的 {value} 可能有误：改为 {fixed} 可使 {count} 处勾稽关系全部成立（{relations}）',
    en: '{cell}: {value} is probably wrong; {fixed} makes all {count} totals agree ({relations})',
  },
} as const;

export function reportArithmetic(ctx: RuleContext, kind: RelationKind): void {
  const plan = arithmetic(ctx.model);
  for (const c of plan.culprits) {
    if (c.kind !== kind) continue;
    const rn = rowName(c.cell.table, c.cell.row);
    const cn = colName(c.cell.table, c.cell.col);
    const table = c.cell.table === 't3' ? '表三' : '表四';
    const related = [];
    const seen = new Set<string>();
    for (const r of c.relations) {
      related.push({ range: r.target.range, message: r.text });
      for (const info of operandInfo(r, c.cell)) {
        const key = `${info.range.start.line}:${info.range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        related.push(info);
      }
    }
    ctx.report({
      message: 'culprit',
      args: {
        cell: { zh: `${table}「${rn.zh}」行「${cn.zh}」列`, en: `${table}, row 「${rn.en}」, column 「${cn.en}」` },
        value: c.cell.raw,
        fixed: c.value,
        count: c.relations.length,
        relations: { zh: c.relations.map((r) => r.text.zh).join('；'), en: c.relations.map((r) => r.text.en).join('; ') },
      },
      range: c.cell.range,
      related,
      fix: setCell(c.cell, c.value, {
        zh: `将${rn.zh} · ${cn.zh}改为 ${c.value}（使 ${c.relations.length} 处合计一致）`,
        en: `Change ${rn.en} · ${cn.en} to ${c.value} (makes ${c.relations.length} totals agree)`,
      }),
    });
  }
  for (const r of plan.lone) {
    if (r.kind !== kind) continue;
    const fixable = r.targetValue >= 0 && Number.isInteger(r.targetValue) && !plan.deferred.has(r);
    const rn = rowName(r.target.table, r.target.row);
    const cn = colName(r.target.table, r.target.col);
    ctx.report({
      message: 'broken',
      args: { relation: r.text },
      range: r.target.range,
      related: operandInfo(r, r.target),
      ...(fixable
        ? {
            fix: setCell(r.target, r.targetValue, {
              zh: `将${rn.zh} · ${cn.zh}改为 ${r.targetValue}`,
              en: `Change ${rn.en} · ${cn.en} to ${r.targetValue}`,
            }),
          }
        : {}),
    });
  }
}
