import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'label-variant',
    category: 'tables',
    severity: 'info',
    fixable: true,
    description: {
      zh: '行或列的标签与格式文本的措辞不同（合计、结果维护、商业机构、社会组织、信访投诉举报类申请、只记…不记）。',
      en: 'A row or column label differs from the template’s wording (合计, 结果维护, 商业机构, 社会组织, 信访投诉举报类申请, 只记…不记).',
    },
    messages: {},
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
