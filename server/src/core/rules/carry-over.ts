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
    messages: {
      mismatch: {
        zh: '表三「二、上年结转」「{col}」为 {now}，而 {year} 年报告（{file}）「四、结转下年度继续办理」「{col}」为 {before}',
        en: '表三 二、上年结转, 「{col}」: {now}, but the {year} report ({file}) carried {before} forward (四、结转下年度继续办理)',
      },
    },
    example: '2021 report: 二、上年结转 自然人 3; 2020 report of the same agency: 四、结转下年度继续办理 自然人 2',
    reads: ['t3'],
  },
  // Needs two reports: run by checkAcross (core/across.ts) over the CLI's inputs, not per document.
  check() {},
};

export default rule;
