import type { ProseNumber, Sentence } from '../model';
import type { Rule } from './types';
import { localStart, numbersBySentence, skipSpace, unitEnd } from './prose-util';
import { isSpace } from '../text';

/**
 * A year before the report year in a present-tense phrase: text copied from last year's report.
 *
 * Triggers (white space ignored):
 * - after the year: `YYYY年[度][，,]` followed by 截至目前 / 截止目前 / 截至今日 / 截止今日 / 截至当前 / 截止当前 /
 *   截至现在 / 截止现在 / 目前 / 今年 / 本年度 / 本年 / 当前 (`2019 年截至目前，我局共发布…`);
 * - before the year: 今年 / 本年度 / 本年 right before `[（(]YYYY年` (`今年（2019年）`, `本年度2019年`).
 * Not triggers: narrative years (`2019年修订的条例`, `自2008年以来`, `2019年至今`, `截至2019年底`).
 * Only four-digit years from 1949 up to the year before the report year.
 */
const AFTER = [
  '截至目前',
  '截止目前',
  '截至今日',
  '截止今日',
  '截至当前',
  '截止当前',
  '截至现在',
  '截止现在',
  '目前',
  '今年',
  '本年度',
  '本年',
  '当前',
];
const BEFORE = ['今年', '本年度', '本年'];

const rule: Rule = {
  meta: {
    id: 'stale-year',
    category: 'prose',
    severity: 'info',
    fixable: false,
    description: {
      zh: '现在时表述中出现早于报告年度的年份（如 2020 年报告中的“2019 年截至目前”），多为沿用上年文字。',
      en: 'A year before the report year in a present-tense phrase (2019 年截至目前 in a 2020 report): text copied from last year.',
    },
    messages: {
      stale: {
        zh: '“{phrase}”中的 {year} 年早于报告年度 {reportYear} 年，可能沿用了上年报告的文字',
        en: '{year} in “{phrase}” is before the report year {reportYear}: probably text copied from last year’s report',
      },
    },
    reads: ['prose'],
    example: '2021年政府信息公开工作年度报告 … 2020 年截至目前，共发布政务微博 86 条。',
  },
  check(ctx) {
    const year = ctx.year;
    if (year === null) return;
    const by = numbersBySentence(ctx.model);
    ctx.model.sentences.forEach((s, si) => {
      for (const n of by[si]) {
        if (n.unit !== '年' || !/^[0-9０-９]{4}$/.test(n.raw) || n.value < 1949 || n.value >= year) continue;
        const phrase = trigger(s, n);
        if (!phrase) continue;
        ctx.report({ message: 'stale', args: { year: n.value, reportYear: year, phrase }, range: n.range });
      }
    });
  },
};

/** The present-tense phrase around a year, as written (trimmed), or ''. */
function trigger(s: Sentence, n: ProseNumber): string {
  const t = s.text;
  const start = localStart(s, n);
  // After: `2019 年[度][，] 截至目前`
  let i = unitEnd(s, n);
  if (t[i] === '度') i++;
  i = skipSpace(t, i);
  if (t[i] === '，' || t[i] === ',') i = skipSpace(t, i + 1);
  for (const w of AFTER) {
    if (t.startsWith(w, i)) return t.slice(start, i + w.length);
  }
  // Before: `今年（2019年）`, `本年度 2019 年`
  let b = start;
  while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
  const bracket = b > 0 && (t[b - 1] === '（' || t[b - 1] === '(');
  if (bracket) b--;
  while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
  for (const w of BEFORE) {
    if (b >= w.length && t.slice(b - w.length, b) === w) {
      // The phrase as written, with its closing bracket: `今年（2019年）`.
      let e = unitEnd(s, n);
      if (bracket) {
        const c = skipSpace(t, e);
        if (t[c] === '）' || t[c] === ')') e = c + 1;
      }
      return t.slice(b - w.length, e);
    }
  }
  return '';
}

export default rule;
