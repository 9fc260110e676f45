import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'template-version',
    category: 'tables',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '2021 年及以后的报告使用了 2019 年版表格（或两版混用）；2019、2020 年的报告使用了 2021 年版表格。',
      en: 'A report for 2021 or later uses the 2019 tables (or mixes the two); a 2019/2020 report uses the 2021 tables.',
    },
    messages: {},
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
