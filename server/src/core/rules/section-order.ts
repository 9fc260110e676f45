import type { Rule } from './types';
import type { Section } from '../model';
import type { RelatedInfo } from '../diagnostics';
import { sectionDef } from '../schema';
import { headingSpan, joinZh, sectionName, sectionOrdinal } from './structure-util';

/**
 * The sections to keep where they are: the longest run in standard order (ties: the one keeping the earliest
 * headings). There are at most six sections, so every subset is tried.
 */
function keptInOrder(order: readonly number[]): Set<number> {
  const n = order.length;
  let best: number[] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) picked.push(i);
    if (!picked.every((p, k) => k === 0 || order[picked[k - 1]] < order[p])) continue;
    if (picked.length > best.length || (picked.length === best.length && earlier(picked, best))) best = picked;
  }
  return new Set(best);
}

/** Whether index list `a` is lexicographically before `b` (it keeps earlier headings). */
function earlier(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** The heading the misplaced one should come before (or after), as related information. */
function neighbour(sections: readonly Section[], i: number): RelatedInfo[] {
  const s = sections[i];
  const own = sectionOrdinal(s.id);
  const name = sectionName(s.id);
  const later = sections.find((x, k) => k < i && sectionOrdinal(x.id) > own);
  if (later) {
    return [{ range: headingSpan(later.heading), message: { zh: `${name.zh}应在此之前`, en: `${name.en} belongs before this` } }];
  }
  const earlierOne = [...sections].reverse().find((x) => sections.indexOf(x) > i && sectionOrdinal(x.id) < own);
  if (earlierOne) {
    return [{ range: headingSpan(earlierOne.heading), message: { zh: `${name.zh}应在此之后`, en: `${name.en} belongs after this` } }];
  }
  return [];
}

const rule: Rule = {
  meta: {
    id: 'section-order',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '六个章节的顺序不对。',
      en: 'The six sections are out of order.',
    },
    messages: {
      order: {
        zh: '{section}的位置不对：各部分的顺序为 {found}，应为 {want}',
        en: '{section} is out of place: the sections come in the order {found}; they should come as {want}',
      },
    },
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
    example: '三、收到和处理政府信息公开申请情况 before 二、主动公开政府信息情况',
  },
  check(ctx) {
    const sections: readonly Section[] = [...ctx.model.sections].sort((a, b) => a.range.start.line - b.range.start.line);
    const order = sections.map((s) => sectionOrdinal(s.id));
    if (order.every((o, i) => i === 0 || order[i - 1] < o)) return;
    const kept = keptInOrder(order);
    const first = sections.findIndex((_, i) => !kept.has(i));
    if (first < 0) return;
    const s = sections[first];
    const found = joinZh(sections.map((x) => sectionDef(x.id).numeral));
    const want = joinZh([...sections].sort((a, b) => sectionOrdinal(a.id) - sectionOrdinal(b.id)).map((x) => sectionDef(x.id).numeral));
    ctx.report({
      message: 'order',
      args: { section: sectionName(s.id), found, want },
      range: headingSpan(s.heading),
      related: neighbour(sections, first),
    });
  },
};

export default rule;
