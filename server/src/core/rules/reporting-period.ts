import type { DateValue } from '../model';
import type { Rule } from './types';

/** A date as the report would write it: `2020年1月1日`. */
export function dateText(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

function is(d: DateValue, year: number, month: number, day: number): boolean {
  return d.year === year && d.month === month && d.day === day;
}

/**
 * The statistics period (`统计期限为2020年1月1日至2020年12月31日`, as the parser reads it) is not the whole report
 * year. The year is the configured or document year; when neither is known, the period must still be one
 * calendar year (1月1日 to 12月31日 of the same year). No period in the document: nothing to say.
 */
const rule: Rule = {
  meta: {
    id: 'reporting-period',
    category: 'prose',
    severity: 'error',
    fixable: false,
    description: {
      zh: '统计期限不是报告年度的 1 月 1 日至 12 月 31 日。',
      en: 'The statistics period is not 1月1日–12月31日 of the report year.',
    },
    messages: {
      period: {
        zh: '统计期限为 {from} 至 {to}，应为报告年度的 {wantFrom} 至 {wantTo}',
        en: 'The statistics period is {from} to {to}; for the report year it should be {wantFrom} to {wantTo}',
      },
    },
    reads: ['meta'],
    example: '2020年政府信息公开工作年度报告……统计期限为2019年1月1日至2019年12月31日。',
  },
  check(ctx) {
    const p = ctx.model.statisticsPeriod;
    if (!p) return;
    const year = ctx.year ?? p.to.year;
    if (is(p.from, year, 1, 1) && is(p.to, year, 12, 31)) return;
    ctx.report({
      message: 'period',
      args: {
        from: dateText(p.from),
        to: dateText(p.to),
        wantFrom: dateText({ year, month: 1, day: 1 }),
        wantTo: dateText({ year, month: 12, day: 31 }),
      },
      range: p.range,
      related: [
        { range: p.from.range, message: { zh: `起始日期：${p.from.raw}`, en: `start: ${p.from.raw}` } },
        { range: p.to.range, message: { zh: `截止日期：${p.to.raw}`, en: `end: ${p.to.raw}` } },
      ],
    });
  },
};

export default rule;
