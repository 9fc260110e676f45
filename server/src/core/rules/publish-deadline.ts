import { DEFAULT_DEADLINES } from '../options';
import type { ReportKind } from '../model';
import type { Localized } from '../diagnostics';
import type { Rule } from './types';
import { dateText } from './reporting-period';

/** `MM-DD` → [month, day], or null when the text is not a valid month and day. */
function monthDay(s: string | undefined): [number, number] | null {
  if (typeof s !== 'string') return null;
  const m = /^\s*(\d{1,2})-(\d{1,2})\s*$/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return [month, day];
}

const WHO: Readonly<Record<ReportKind, Localized>> = {
  department: { zh: '县级以上人民政府部门', en: 'a department (县级以上人民政府部门)' },
  government: { zh: '县级以上地方人民政府', en: 'a people’s government (县级以上地方人民政府)' },
};

/**
 * The signature date is after the publication deadline of the year after the report year: departments
 * `deadlines.department` (default 01-31), people's governments `deadlines.government` (default 03-31);
 * an unknown kind is held to the department deadline. No date or no year: nothing to say.
 */
const rule: Rule = {
  meta: {
    id: 'publish-deadline',
    category: 'prose',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '报告落款日期晚于法定公布期限（部门为次年 1 月 31 日，人民政府为次年 3 月 31 日；可配置）。',
      en: 'The report’s date is after the legal deadline (departments 1月31日, people’s governments 3月31日 of the next year; configurable).',
    },
    messages: {
      late: {
        zh: '落款日期 {date} 晚于{who}{year}年度报告的公布期限 {deadline}（《政府信息公开条例》第四十九条）',
        en: 'The report is dated {date}, after the deadline {deadline} for {who} to publish its {year} report (条例 第四十九条)',
      },
    },
    reads: ['meta'],
    example: '2020年政府信息公开工作年度报告 … 某某县交通运输局 2021年2月20日',
  },
  check(ctx) {
    const d = ctx.model.signatureDate;
    if (!d || ctx.year === null) return;
    const kind: ReportKind = ctx.kind ?? 'department';
    const [month, day] = monthDay(ctx.options.deadlines?.[kind]) ?? monthDay(DEFAULT_DEADLINES[kind])!;
    const dy = ctx.year + 1;
    const late = d.year > dy || (d.year === dy && (d.month > month || (d.month === month && d.day > day)));
    if (!late) return;
    ctx.report({
      message: 'late',
      args: {
        date: dateText(d),
        deadline: dateText({ year: dy, month, day }),
        who: WHO[kind],
        year: ctx.year,
      },
      range: d.range,
    });
  },
};

export default rule;
