import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'section-order',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '六个章节的顺序不对。',
      en: 'The six sections are out of order.',
    },
    messages: {},
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
