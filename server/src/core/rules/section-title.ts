import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'section-title',
    category: 'structure',
    severity: 'info',
    fixable: true,
    description: {
      zh: '章节标题的措辞与标准标题不同（容许的变体除外）。',
      en: 'A section heading’s wording differs from the standard title (beyond tolerated variants).',
    },
    messages: {},
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
