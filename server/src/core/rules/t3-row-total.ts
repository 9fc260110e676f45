import type { Rule } from './types';
import { ARITHMETIC_MESSAGES, reportArithmetic } from './arithmetic-report';

const rule: Rule = {
  meta: {
    id: 't3-row-total',
    category: 'arithmetic',
    severity: 'error',
    fixable: true,
    description: {
      zh: '表三：某一行的总计不等于自然人与五类法人或其他组织之和。',
      en: '表三: a row’s 总计 differs from 自然人 plus the five 法人或其他组织 columns.',
    },
    messages: ARITHMETIC_MESSAGES,
    reads: ['t3'],
    example: '| 一、本年新收政府信息公开申请数量 | 18 | 3 | 0 | 0 | 1 | 0 | 23 |',
  },
  check(ctx) {
    reportArithmetic(ctx, 't3-row-total');
  },
};

export default rule;
