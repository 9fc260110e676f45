import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'stale-year',
    category: 'prose',
    severity: 'info',
    fixable: false,
    description: {
      zh: '现在时表述中出现早于报告年度的年份（如 2020 年报告中的“2019 年截至目前”），多为沿用上年文字。',
      en: 'A year before the report year in a present-tense phrase (2019 年截至目前 in a 2020 report): text copied from last year.',
    },
    messages: {},
    reads: ['prose'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
