import type { Rule } from './types';

/** Words that show section 六 speaks of fees (信息处理费, 收费, 费用 …). */
const FEE_WORDS = ['处理费', '收费', '费用', '缴费', '计费', '免费'];

/**
 * 2021+ (the 2021 template, or a report year of 2021 or later): section 六 says nothing about 信息处理费 (no
 * sentence of it holds 处理费, 收费, 费用, 缴费, 计费 or 免费). Reported on section 六's heading; no section 六:
 * nothing to say (section-missing reports it).
 */
const rule: Rule = {
  meta: {
    id: 'fee-statement',
    category: 'prose',
    severity: 'hint',
    fixable: false,
    description: {
      zh: '2021 年及以后：第六部分未说明信息处理费收取情况。',
      en: '2021+: section 六 says nothing about 信息处理费.',
    },
    messages: {
      missing: {
        zh: '“{heading}”未说明本年度收取信息处理费的情况（2021 年及以后的年度报告应予说明；未收取的可写明“本年度未收取信息处理费”）',
        en: '“{heading}” says nothing about 信息处理费 (fees for handling applications) this year (reports for 2021 and later should; if none were charged, say so: 本年度未收取信息处理费)',
      },
    },
    reads: ['s6'],
    example: '2022 年度报告的“六、其他需要报告的事项”只写了“无其他需要报告的事项。”',
  },
  check(ctx) {
    const later = ctx.template === '2021' || (ctx.year !== null && ctx.year >= 2021);
    if (!later) return;
    const s6 = ctx.model.sections.find((s) => s.id === 's6');
    if (!s6) return;
    for (const s of ctx.model.sentences) {
      if (s.section !== 's6') continue;
      if (FEE_WORDS.some((w) => s.text.includes(w))) return;
    }
    if (FEE_WORDS.some((w) => s6.heading.raw.includes(w))) return;
    ctx.report({
      message: 'missing',
      args: { heading: s6.heading.raw.replace(/^[#\s\u3000*]+/, '').replace(/[*\s\u3000]+$/, '') },
      range: s6.heading.range,
    });
  },
};

export default rule;
