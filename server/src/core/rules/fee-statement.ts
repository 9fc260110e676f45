import type { Rule } from './types';

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
    messages: {},
    reads: ['s6'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
