import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'report-title',
    category: 'structure',
    severity: 'info',
    fixable: false,
    description: {
      zh: '报告标题缺少机关名称、年份或“政府信息公开工作年度报告”字样。',
      en: 'The title lacks the agency, the year, or the words 政府信息公开工作年度报告.',
    },
    messages: {},
    reads: ['meta'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
