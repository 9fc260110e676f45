import type { ProseNumber, Sentence } from '../model';
import type { RuleContext, Rule } from './types';
import {
  addsUp,
  COUNT_UNITS,
  decimalsOf,
  enumerations,
  formatValue,
  isApproximate,
  isClauseBreak,
  localStart,
  numbersBySentence,
  unitEnd,
} from './prose-util';
import { isSpace } from '../text';

/**
 * A percentage that differs from part ÷ whole beyond rounding at the precision it is written with.
 *
 * Two shapes:
 * - a share of a stated whole: `共200条。其中，A类41条，占总体比例的20.50%；…` (the enumerations of prose-sum; the
 *   percentage must follow its part, after 占 and only words like 总体比例的 / 比 / 比重);
 * - a rate: `受理30件，办结28件，办结率93.33%` — the rate word (办结率, 答复率, 回复率, 处理率) opens its clause and
 *   repeats the word right before the numerator, whose clause follows the denominator's. 按期办结率 and the like
 *   are not 办结 ÷ 受理 and are left alone.
 *
 * Accepted: the value rounded or truncated to the decimals written (reports do both: 200/300 = 66.666… is often
 * written 66.66%). The fix writes the rounded value with the same number of decimals; it is safe for rates and
 * for shares of a whole its parts add up to, and offered (not applied by --fix) otherwise.
 */
const RATE_WORDS = ['办结', '答复', '回复', '处理'];

const rule: Rule = {
  meta: {
    id: 'prose-percent',
    category: 'prose',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '正文中的百分比与“部分 ÷ 总数”不符（超出四舍五入误差）。',
      en: 'A stated percentage differs from part ÷ whole beyond rounding.',
    },
    messages: {
      share: {
        zh: '占比 {stated}% 与 {part} {unit} ÷ {whole} {unit} = {exact}% 不符，按所写精度应为 {fixed}%',
        en: 'share {stated}% does not match {part} {unit} ÷ {whole} {unit} = {exact}%; at the precision written it is {fixed}%',
      },
      rate: {
        zh: '{word}率 {stated}% 与{word} {part} {unit} ÷ {whole} {unit} = {exact}% 不符，按所写精度应为 {fixed}%',
        en: '{word}率 {stated}% does not match {word} {part} {unit} ÷ {whole} {unit} = {exact}%; at the precision written it is {fixed}%',
      },
    },
    reads: ['prose'],
    example: '主动公开信息共200条，其中工作动态50条，占25.50%；通知公告150条，占75.00%。',
  },
  check(ctx) {
    for (const e of enumerations(ctx.model)) {
      if (e.whole.value <= 0 || e.shares.length === 0) continue;
      const checked = e.summable && e.parts.length >= 2;
      // When the parts do not add up, prose-sum reports it; the percentages may follow either figure.
      if (checked && !addsUp(e)) continue;
      for (const sh of e.shares) {
        checkPercent(ctx, 'share', sh.percent, sh.part, e.whole, '', checked);
      }
    }
    const by = numbersBySentence(ctx.model);
    ctx.model.sentences.forEach((s, si) => {
      const nums = by[si];
      for (let k = 2; k < nums.length; k++) {
        const p = nums[k];
        if (p.unit !== '%') continue;
        const rate = rateOf(s, nums[k - 2], nums[k - 1], p);
        if (rate) checkPercent(ctx, 'rate', p, nums[k - 1], nums[k - 2], rate, true);
      }
    });
  },
};

/** Text between two indices of a sentence, white space removed. */
function squeeze(t: string, a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) if (!isSpace(t.charCodeAt(i))) out += t[i];
  return out;
}

/** Drops leading clause punctuation. */
function dropBreaks(s: string): string {
  let i = 0;
  while (i < s.length && isClauseBreak(s[i])) i++;
  return s.slice(i);
}

/** The rate word when `y …，W x …，W率 p%` reads as the rate x ÷ y; else ''. */
function rateOf(s: Sentence, y: ProseNumber, x: ProseNumber, p: ProseNumber): string {
  const t = s.text;
  if (!COUNT_UNITS.has(x.unit) || x.unit !== y.unit) return '';
  if (isApproximate(s, x) || isApproximate(s, y) || isApproximate(s, p)) return '';
  if (y.value <= 0 || x.value < 0 || x.value > y.value) return '';
  // `，办结率100%`, `，办结率为100%`, `，办结率达到100%`
  const pre = dropBreaks(squeeze(t, unitEnd(s, x), localStart(s, p)));
  const word = RATE_WORDS.find((w) => pre === `${w}率` || pre === `${w}率为` || pre === `${w}率达` || pre === `${w}率达到`);
  if (!word) return '';
  // `，办结 3878件`, `，办结了28件`, `，已办结28件`
  const mid = dropBreaks(squeeze(t, unitEnd(s, y), localStart(s, x)));
  if (mid !== word && mid !== `${word}了` && mid !== `已${word}` && mid !== `共${word}`) return '';
  // The numerator's clause must follow the denominator's right away (a clause break between them).
  const rawMid = t.slice(unitEnd(s, y), localStart(s, x));
  if (![...rawMid].some(isClauseBreak)) return '';
  return word;
}

function checkPercent(
  ctx: RuleContext,
  kind: 'share' | 'rate',
  p: ProseNumber,
  part: ProseNumber,
  whole: ProseNumber,
  word: string,
  safe: boolean,
): void {
  if (whole.value <= 0) return;
  const exact = (part.value / whole.value) * 100;
  const dp = decimalsOf(p.raw);
  const scale = 10 ** dp;
  const rounded = Math.round(exact * scale + 1e-9) / scale;
  const truncated = Math.floor(exact * scale + 1e-9) / scale;
  const stated = p.value;
  if (Math.abs(stated - rounded) < 1e-9 || Math.abs(stated - truncated) < 1e-9) return;
  const fixed = rounded.toFixed(dp);
  const d = Math.max(decimalsOf(part.raw), decimalsOf(whole.raw));
  ctx.report({
    message: kind,
    args: {
      stated: formatValue(stated, dp),
      part: formatValue(part.value, d),
      whole: formatValue(whole.value, d),
      unit: part.unit,
      exact: trimZeros(exact.toFixed(dp + 2)),
      fixed,
      word,
    },
    range: p.range,
    related: [
      { range: part.range, message: { zh: `部分：${formatValue(part.value, d)} ${part.unit}`, en: `part: ${formatValue(part.value, d)} ${part.unit}` } },
      { range: whole.range, message: { zh: `总数：${formatValue(whole.value, d)} ${whole.unit}`, en: `whole: ${formatValue(whole.value, d)} ${whole.unit}` } },
    ],
    fix: {
      title: { zh: `将 ${formatValue(stated, dp)}% 改为 ${fixed}%`, en: `Change ${formatValue(stated, dp)}% to ${fixed}%` },
      edits: [{ range: p.range, newText: fixed }],
      safe,
    },
  });
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export default rule;
