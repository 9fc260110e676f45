import type { Rule } from './types';
import { ARITHMETIC_MESSAGES, reportArithmetic } from './arithmetic-report';

const rule: Rule = {
  meta: {
    id: 't3-balance',
    category: 'arithmetic',
    severity: 'error',
    fixable: true,
    description: {
      zh: '表三：某一列中 一 + 二 ≠ （七）总计 + 四（表中注明的勾稽关系）。',
      en: '表三: in a column, 一 + 二 ≠ （七）总计 + 四 (the relation printed in the template).',
    },
    messages: ARITHMETIC_MESSAGES,
    reads: ['t3'],
    example: '一 20 + 二 2 while （七） 18 + 四 3',
  },
  check(ctx) {
    reportArithmetic(ctx, 't3-balance');
  },
};

export default rule;
