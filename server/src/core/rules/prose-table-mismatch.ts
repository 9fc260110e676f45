import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'prose-table-mismatch',
    category: 'prose',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '正文中重述的数字（收到申请数、行政复议/诉讼案件数、行政许可/处罚决定数等）与表格不一致。',
      en: 'A figure restated in the prose (申请 received, 行政复议 / 行政诉讼 cases, 行政许可 / 行政处罚 decisions …) differs from the table.',
    },
    messages: {},
    reads: ['prose', 't2-5', 't2-6', 't3', 't4'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
