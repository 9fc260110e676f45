import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'carry-over',
    category: 'across',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '本年“二、上年结转”与上一年报告“四、结转下年度继续办理”逐列不一致（同一机关相邻年度的报告都在输入中时）。',
      en: 'This year’s 二、上年结转 ≠ last year’s 四、结转下年度继续办理, column by column, when last year’s report of the same agency is in the workspace or the CLI’s input.',
    },
    messages: {},
    reads: ['t3'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
