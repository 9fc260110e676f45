import type { Cell, ProseNumber, ReportModel, Sentence } from '../model';
import type { Localized } from '../diagnostics';
import type { Rule, RuleContext } from './types';
import { colName, rowName } from './names';
import { formatValue, isApproximate, isClauseBreak, localStart, numbersBySentence, unitEnd } from './prose-util';
import { isSpace } from '../text';

/**
 * A figure restated in the prose that differs from the table.
 *
 * A prose number is read as a restated table figure only when the words right before it (in its clause, white
 * space removed) end with one of the phrases below and its unit is 件 / 起 / 个:
 * - `受理|收到|新收|接收|接到 [了] [各类|有关] [依申请公开] [政府]信息公开申请 [数量] [共|共计|合计|总计] [为|达]` → 表三
 *   一、本年新收 · 总计 (not when a 受理 / 收到 sentence speaks of 结转: the figure may include carried-over ones);
 * - `上[一]年[度]结转 [的] [政府信息公开] [申请] [数量] [共…] [为]` → 表三 二、上年结转 · 总计;
 * - `行政复议 [案件|申请] [共…] [为]` → 表四 行政复议 · 总计, and `行政诉讼 [案件] [共…] [为]` → 表四 未经复议直接起诉 ·
 *   总计 + 复议后起诉 · 总计 — only when 信息公开 is said earlier in the sentence (or the sentence is in section 四),
 *   and not when the clause speaks of the agency as 复议机关 or of 审理 (the agency deciding cases, not a party);
 * - `[办理|受理|办结|作出|实施|完成|审批] 行政许可 [决定|案件] [共…] [为]` → 第二十条第（五）项 行政许可 · 处理决定数量,
 *   and the same with 行政处罚 → 第二十条第（六）项 行政处罚 · 处理决定数量; the word before 行政许可 / 行政处罚 must be one
 *   of those verbs, a total word or the clause start (`办理普通货物运输行政许可` is a subset; `行政许可事项` counts
 *   items, not decisions).
 * Skipped: approximate figures, a sentence naming another year than the report year, a part of the year
 * (`截至11月底`, `1-11月`, 上半年, 季度), comparisons with last year (上年 / 去年 / 同比 in the clause), and table
 * cells not read as numbers.
 */

type Target = 'new' | 'carried' | 'review' | 'suit' | 'licensing' | 'penalty';

const FILL = '(?:共计|合计|总计|共有|共|计)?(?:为|达)?$';
const VERB = '(?:办理|受理|办结|作出|做出|实施|完成|审批|共计|合计|总计|共)';

const PATTERNS: readonly { target: Target; re: RegExp }[] = [
  {
    target: 'new',
    re: new RegExp(`(?:受理|收到|新收|接收|接到)了?(?:各类|有关)?的?(?:依申请公开)?(?:政府)?信息公开申请(?:数量|数)?${FILL}`),
  },
  { target: 'carried', re: new RegExp(`上一?年度?结转的?(?:政府信息公开)?(?:申请)?(?:数量|数)?${FILL}`) },
  { target: 'review', re: new RegExp(`行政复议(?:案件|申请)?${FILL}`) },
  { target: 'suit', re: new RegExp(`行政诉讼(?:案件)?${FILL}`) },
  { target: 'licensing', re: new RegExp(`(?:^|${VERB})行政许可(?:决定|案件)?${FILL}`) },
  { target: 'penalty', re: new RegExp(`(?:^|${VERB})行政处罚(?:决定|案件)?${FILL}`) },
];

const UNITS = new Set(['件', '起', '个']);

/** A sentence without any of these words restates no table figure (a cheap filter before the patterns). */
const KEYWORDS = /申请|结转|复议|诉讼|许可|处罚/;

interface Source {
  readonly cells: readonly Cell[];
  readonly name: Localized;
  /** The table's figure: the cell's value, or the sum of the cells. */
  readonly value: number;
  /** How the figure is shown: `275`, or `0 + 1 = 1` for a sum. */
  readonly shown: string;
}

const rule: Rule = {
  meta: {
    id: 'prose-table-mismatch',
    category: 'prose',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '正文中重述的数字（收到申请数、行政复议/诉讼案件数、行政许可/处罚决定数等）与表格不一致。',
      en: 'A figure restated in the prose (申请 received, 行政复议 / 行政诉讼 cases, 行政许可 / 行政处罚 decisions …) differs from the table.',
    },
    messages: {
      mismatch: {
        zh: '正文称{what} {prose} {unit}，而{table}为 {value}',
        en: 'The prose states {what}: {prose} {unit}, but {table} says {value}',
      },
    },
    reads: ['prose', 't2-5', 't2-6', 't3', 't4'],
    example: '本年度新收政府信息公开申请 12 件（表三“一、本年新收”总计为 10）',
  },
  check(ctx) {
    const { model } = ctx;
    const by = numbersBySentence(model);
    model.sentences.forEach((s, si) => {
      const nums = by[si];
      if (!KEYWORDS.test(s.text) || !nums.some((n) => UNITS.has(n.unit))) return;
      if (!aboutReportYear(s, nums, ctx.year)) return;
      let prevEnd = 0;
      for (const n of nums) {
        const at = localStart(s, n);
        const floor = prevEnd;
        prevEnd = unitEnd(s, n);
        if (!UNITS.has(n.unit) || isApproximate(s, n)) continue;
        const clause = clauseText(s.text, floor, at);
        const target = PATTERNS.find((p) => p.re.test(clause))?.target;
        if (!target) continue;
        if (/上年|去年|上一年|同比|较|比上/.test(clause) && target !== 'carried') continue;
        if (target === 'new' && /受理|收到|接收|接到/.test(clause) && s.text.includes('结转')) continue;
        if (target === 'review' || target === 'suit') {
          // Cases about information disclosure: 信息公开 said before the figure (or the sentence is in section 四),
          // and not the agency acting as the review body or court (作为复议机关办理行政复议案件150件).
          if (s.section !== 's4' && !s.text.slice(0, at).includes('信息公开')) continue;
          if (/复议机关|审理/.test(clause)) continue;
        }
        // `行政复议和行政诉讼案件2件`, `复议后提起行政诉讼1件`: a combination or a subset of the table's figure.
        if (target === 'review' && clause.includes('诉讼')) continue;
        if (target === 'suit' && clause.includes('复议')) continue;
        const src = source(model, target);
        if (!src) continue;
        if (Math.abs(src.value - n.value) < 1e-9) continue;
        report(ctx, n, target, src);
      }
    });
  },
};

/** The words before index `at` back to the clause start or `floor`, white space removed (at most 40 characters). */
function clauseText(t: string, floor: number, at: number): string {
  let k = at;
  const lo = Math.max(floor, at - 40);
  while (k > lo && !isClauseBreak(t[k - 1]) && t[k - 1] !== '：' && t[k - 1] !== ':' && t[k - 1] !== '、') k--;
  let out = '';
  for (let i = k; i < at; i++) if (!isSpace(t.charCodeAt(i))) out += t[i];
  return out;
}

/** Whether a sentence states figures of the whole report year: no other year, no part of the year. */
function aboutReportYear(s: Sentence, nums: readonly ProseNumber[], year: number | null): boolean {
  const t = s.text;
  const upTo = /截至|截止|以来|至今/.test(t);
  for (const n of nums) {
    if (n.unit === '年' && n.value >= 1900 && n.value <= 2100 && Number.isInteger(n.value)) {
      if (year === null || n.value !== year) return false;
    }
    if (n.unit === '月' && n.value >= 1 && n.value <= 11) {
      // `截至11月底`, `1-11月`, `1至11月`
      if (upTo) return false;
      let b = localStart(s, n);
      while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
      if (b > 0 && /[-—–~～至到]/.test(t[b - 1])) return false;
    }
  }
  return !/半年|季度/.test(t);
}

function numberCell(model: ReportModel, table: string, row: string, col: string): Cell | null {
  const c = model.cells.find((x) => x.table === table && x.row === row && x.col === col);
  return c && c.kind === 'number' && c.value !== null ? c : null;
}

function source(model: ReportModel, target: Target): Source | null {
  const one = (table: 't3' | 't4' | 't2-5' | 't2-6', row: string, col: string, zhTable: string, enTable: string): Source | null => {
    const c = numberCell(model, table, row, col);
    if (!c) return null;
    const rn = rowName(table, row);
    const cn = colName(table, col);
    const value = c.value as number;
    return {
      cells: [c],
      value,
      shown: formatValue(value),
      name: { zh: `${zhTable}「${rn.zh}」行「${cn.zh}」列`, en: `${enTable}, row 「${rn.en}」, column 「${cn.en}」` },
    };
  };
  switch (target) {
    case 'new':
      return one('t3', 'new', 'total', '表三', '表三');
    case 'carried':
      return one('t3', 'carried', 'total', '表三', '表三');
    case 'review':
      return one('t4', 'review', 'total', '表四', '表四');
    case 'licensing':
      return one('t2-5', 'licensing', 'decisions', '第二十条第（五）项', '第二十条第（五）项');
    case 'penalty':
      return one('t2-6', 'penalty', 'decisions', '第二十条第（六）项', '第二十条第（六）项');
    case 'suit': {
      const a = numberCell(model, 't4', 'suit-direct', 'total');
      const b = numberCell(model, 't4', 'suit-after-review', 'total');
      if (!a || !b) return null;
      const va = a.value as number;
      const vb = b.value as number;
      return {
        cells: [a, b],
        value: va + vb,
        shown: `${formatValue(va)} + ${formatValue(vb)} = ${formatValue(va + vb)}`,
        name: {
          zh: '表四「未经复议直接起诉」与「复议后起诉」的总计之和',
          en: '表四 (总计 of 未经复议直接起诉 + 总计 of 复议后起诉)',
        },
      };
    }
  }
}

const WHAT: Readonly<Record<Target, Localized>> = {
  new: { zh: '收到政府信息公开申请', en: 'applications received' },
  carried: { zh: '上年结转申请', en: 'applications carried over (上年结转)' },
  review: { zh: '政府信息公开行政复议案件', en: '行政复议 cases' },
  suit: { zh: '政府信息公开行政诉讼案件', en: '行政诉讼 cases' },
  licensing: { zh: '行政许可', en: '行政许可 decisions' },
  penalty: { zh: '行政处罚', en: '行政处罚 decisions' },
};

function report(ctx: RuleContext, n: ProseNumber, target: Target, src: Source): void {
  ctx.report({
    message: 'mismatch',
    args: { what: WHAT[target], prose: formatValue(n.value), unit: n.unit, table: src.name, value: src.shown },
    range: n.range,
    related: src.cells.map((c) => ({
      range: c.range,
      message: { zh: `表格中的数字：${c.raw}`, en: `the table's figure: ${c.raw}` },
    })),
  });
}

export default rule;
