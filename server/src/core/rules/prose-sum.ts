import type { Rule } from './types';
import { addsUp, decimalsOf, enumerations, formatValue, sumOf } from './prose-util';

/**
 * `共N…其中 a…b…c` whose parts do not add up to the whole.
 *
 * The whole: a number in a counting unit (条, 件, 项 …) with a total word before it in its clause (共, 共计, 合计,
 * 总计, 累计, 总共, 一共), right before 其中 / 包括 / 分别 (or closing the previous sentence of the same paragraph
 * when the next one opens with the marker). The parts: the numbers in the same unit after the marker, in the same
 * paragraph (same line), until a figure in another unit, a new total word, a nested 其中, or the end of the
 * paragraph. Percentages after a part are skipped. Nothing is said when a part is approximate (80余条, 约30条)
 * or in brackets, when the list's end is unclear, when there are fewer than two parts, or when the list is open
 * (`…等`) and its parts fall short of the whole.
 */
const rule: Rule = {
  meta: {
    id: 'prose-sum',
    category: 'prose',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '正文中“共N……其中a……b……c”的各部分之和与总数不符。',
      en: '共N…其中 a…b…c in the prose: the parts do not add up.',
    },
    messages: {
      less: {
        zh: '{keyword} {whole} {unit} ≠ {parts} = {sum}：“{marker}”后所列各部分之和比总数少 {diff} {unit}',
        en: '{keyword} {whole} {unit} ≠ {parts} = {sum}: the parts listed after {marker} fall {diff} {unit} short of the total',
      },
      more: {
        zh: '{keyword} {whole} {unit} ≠ {parts} = {sum}：“{marker}”后所列各部分之和比总数多 {diff} {unit}',
        en: '{keyword} {whole} {unit} ≠ {parts} = {sum}: the parts listed after {marker} exceed the total by {diff} {unit}',
      },
    },
    reads: ['prose'],
    example: '主动公开信息共 960 条。其中：通过政府网站发布 420 条，通过政务微博发布 310 条，通过微信公众号发布 180 条。',
  },
  check(ctx) {
    for (const e of enumerations(ctx.model)) {
      if (!e.summable || e.parts.length < 2 || addsUp(e)) continue;
      const { sum, decimals } = sumOf(e.parts);
      const d = Math.max(decimals, decimalsOf(e.whole.raw));
      const less = sum < e.whole.value;
      if (less && e.open) continue;
      ctx.report({
        message: less ? 'less' : 'more',
        args: {
          keyword: e.keyword,
          whole: formatValue(e.whole.value, d),
          unit: e.whole.unit,
          parts: e.parts.map((p) => formatValue(p.value, d)).join(' + '),
          sum: formatValue(sum, d),
          diff: formatValue(Math.abs(sum - e.whole.value), d),
          marker: e.marker,
        },
        range: e.whole.range,
        related: e.parts.map((p, i) => ({
          range: p.range,
          message: { zh: `第 ${i + 1} 部分：${formatValue(p.value, d)} ${p.unit}`, en: `part ${i + 1}: ${formatValue(p.value, d)} ${p.unit}` },
        })),
      });
    }
  },
};

export default rule;
