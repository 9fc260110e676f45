import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'section-number',
    category: 'structure',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '章节标题的序号错误或不规范（如“1、总体情况”，或把“其他需要报告的事项”编为“三、”）。',
      en: 'A section heading has a wrong or non-standard numeral (1、总体情况; 三、其他需要报告的事项 as the sixth).',
    },
    messages: {},
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
