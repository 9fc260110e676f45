import type { Rule } from './types';

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
    messages: {},
    reads: ['meta'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
