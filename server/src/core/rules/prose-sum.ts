import type { Rule } from './types';

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
    messages: {},
    reads: ['prose'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
