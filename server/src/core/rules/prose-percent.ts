import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'prose-percent',
    category: 'prose',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '正文中的百分比与“部分 ÷ 总数”不符（超出四舍五入误差）。',
      en: 'A stated percentage differs from part ÷ whole beyond rounding.',
    },
    messages: {},
    reads: ['prose'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
