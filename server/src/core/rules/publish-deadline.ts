import type { Rule } from './types';

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
    messages: {},
    reads: ['meta'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
