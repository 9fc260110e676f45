import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'section-missing',
    category: 'structure',
    severity: 'error',
    fixable: true,
    description: {
      zh: '缺少六个必备章节之一。',
      en: 'One of the six required sections is absent.',
    },
    messages: {},
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
