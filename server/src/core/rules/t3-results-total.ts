import type { Rule } from './types';
import { ARITHMETIC_MESSAGES, reportArithmetic } from './arithmetic-report';

const rule: Rule = {
  meta: {
    id: 't3-results-total',
    category: 'arithmetic',
    severity: 'error',
    fixable: true,
    description: {
      zh: '表三：某一列的（七）总计不等于各项办理结果（（一）至（六））之和。',
      en: '表三: in a column, （七）总计 differs from the sum of all result rows （一）…（六）.',
    },
    messages: ARITHMETIC_MESSAGES,
    reads: ['t3'],
    example: '（七）总计 of 自然人 is 9 while the result rows add up to 8',
  },
  check(ctx) {
    reportArithmetic(ctx, 't3-results-total');
  },
};

export default rule;
