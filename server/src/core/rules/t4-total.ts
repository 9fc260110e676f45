import type { Rule } from './types';
import { ARITHMETIC_MESSAGES, reportArithmetic } from './arithmetic-report';

const rule: Rule = {
  meta: {
    id: 't4-total',
    category: 'arithmetic',
    severity: 'error',
    fixable: true,
    description: {
      zh: '表四：某一组（行政复议、未经复议直接起诉、复议后起诉）的总计不等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: '表四: in a group, 总计 differs from 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
    },
    messages: ARITHMETIC_MESSAGES,
    reads: ['t4'],
    example: '行政复议 总计 3 with 1 + 1 + 0 + 0',
  },
  check(ctx) {
    reportArithmetic(ctx, 't4-total');
  },
};

export default rule;
