/**
 * Headings: a line's numeral (`一、`, `1、`, `（一）`, `1)`, `第一部分`), its title, and whether that title names
 * one of the six sections. Choosing which candidate *is* the section is done in report.ts, over the whole
 * document.
 */

import type { Heading, NumeralStyle } from '../model';
import { SECTIONS, type SectionId } from '../schema';
import { foldLabel, isSpace, numeralValue, type LineIndex } from '../text';

interface NumeralMatch {
  readonly style: NumeralStyle;
  readonly numeral: string;
  /** Offsets (relative to the title start) of the numeral text and of the title after it. */
  readonly numStart: number;
  readonly numEnd: number;
  readonly titleStart: number;
}

const CN = '一二三四五六七八九十';
const PART_RE = new RegExp(`^第([${CN}]{1,3})(部分|章|节)[、.．:：\\s　]*`);
const DUN_RE = new RegExp(`^([${CN}]{1,3})\\s*[、.．，,]\\s*`);
const PAREN_RE = new RegExp(`^[（(]\\s*([${CN}]{1,3}|[0-9０-９]{1,2})\\s*[）)]\\s*`);

/** Recognises the numeral at the start of `s` (already stripped of leading space and `#`). */
function readNumeral(s: string): NumeralMatch | null {
  let m: RegExpExecArray | null;
  // 第一部分 / 第一章 / 第一节
  if ((m = PART_RE.exec(s))) {
    return { style: 'cn-part', numeral: m[1], numStart: 0, numEnd: m[0].length, titleStart: m[0].length };
  }
  // 一、 一. 一．
  if ((m = DUN_RE.exec(s))) {
    return { style: 'cn-dun', numeral: m[1], numStart: 0, numEnd: m[1].length, titleStart: m[0].length };
  }
  // （一） (一) （1） (1)
  if ((m = PAREN_RE.exec(s))) {
    const cn = CN.includes(m[1][0]);
    return { style: cn ? 'cn-paren' : 'arabic-paren', numeral: m[1], numStart: 0, numEnd: m[0].trimEnd().length, titleStart: m[0].length };
  }
  // 1) 1）
  if ((m = /^([0-9０-９]{1,2})\s*[)）]\s*/.exec(s))) {
    return { style: 'arabic-paren', numeral: m[1], numStart: 0, numEnd: m[1].length, titleStart: m[0].length };
  }
  // 1、 1. 1． (not 1.5 or 2020.)
  if ((m = /^([0-9０-９]{1,2})\s*(?:[、，,]|[.．](?![0-9０-９]))\s*/.exec(s))) {
    return { style: 'arabic', numeral: m[1], numStart: 0, numEnd: m[1].length, titleStart: m[0].length };
  }
  return null;
}

/** Characters trimmed off the end of a heading's title (a backward scan: no regex can backtrack here). */
const TRAILING_CHARS = new Set(['。', '：', ':', '；', ';', '，', ',', '、', ' ', '\t', '　', '\u00a0']);

/**
 * Reads line `line` as a heading (numbered or not). `maxTitle` bounds the title's length: longer lines are
 * sentences, not headings. For sub-headings written as `（一）加强领导。我局…` the title ends at the first
 * full stop or colon when `cutAtStop` is set. `accept` is asked before the heading is built (most lines are
 * asked about and few are headings).
 */
export function readHeading(
  index: LineIndex,
  line: number,
  maxTitle: number,
  cutAtStop: boolean,
  accept?: (title: string, style: NumeralStyle) => boolean,
): Heading | null {
  const text = index.text;
  const ls = index.starts[line];
  const le = index.ends[line];
  // A line much longer than a heading can be is prose, unless its heading ends at a full stop (sub-headings).
  if (!cutAtStop && le - ls > maxTitle + 40) return null;
  let s = ls;
  while (s < le && isSpace(text.charCodeAt(s))) s++;
  let level = 0;
  while (s < le && text.charCodeAt(s) === 35 /* # */ && level < 7) {
    s++;
    level++;
  }
  if (level > 0 && !(s < le && isSpace(text.charCodeAt(s)))) {
    if (level > 0) return null;
  }
  while (s < le && isSpace(text.charCodeAt(s))) s++;
  // Bold markers around a heading: **一、总体情况**
  let e = le;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  let body = text.slice(s, e);
  let boldOffset = 0;
  const bold = /^(\*\*|__)(.*)\1$/.exec(body);
  if (bold) {
    boldOffset = 2;
    body = bold[2];
  }
  if (!body) return null;
  const num = readNumeral(body);
  let titleStart = num ? num.titleStart : 0;
  let title = body.slice(titleStart);
  if (cutAtStop) {
    const stop = title.search(/[。：:]/);
    if (stop >= 0) title = title.slice(0, stop);
  }
  // A title far longer than a heading's is a sentence: stop before any further work on it.
  if (title.length > maxTitle + 20) return null;
  let t = title.length;
  while (t > 0 && TRAILING_CHARS.has(title[t - 1])) t--;
  const trimmed = title.slice(0, t);
  if (!trimmed || trimmed.length > maxTitle) return null;
  // A heading's title has no TAB or table pipe: those are table cells.
  if (/[\t|]/.test(trimmed)) return null;
  if (accept && !accept(trimmed, num ? num.style : 'none')) return null;
  const base = s + boldOffset;
  const tStart = base + titleStart;
  const tEnd = tStart + trimmed.length;
  const numeral = num ? num.numeral : null;
  const whole = text.slice(ls, le);
  return {
    raw: whole.trim(),
    range: index.range(ls + (whole.length - whole.trimStart().length), e),
    numeral,
    number: numeral ? numeralValue(numeral) : null,
    style: num ? num.style : 'none',
    numeralRange: num ? index.range(base + num.numStart, base + num.numEnd) : null,
    title: trimmed,
    titleRange: index.range(tStart, tEnd),
    markdownLevel: level,
  };
}

export interface SectionMatch {
  readonly id: SectionId;
  readonly match: 'exact' | 'tolerated' | 'similar';
}

const FOLDED_SECTIONS = SECTIONS.map((s) => ({
  id: s.id,
  title: foldLabel(s.title),
  tolerated: s.tolerated.map(foldLabel),
  keys: s.keys.map(foldLabel),
}));

/** Which section a heading title names, if any. */
export function sectionOfTitle(title: string): SectionMatch | null {
  const f = foldLabel(title);
  if (!f || f.length > 40) return null;
  for (const s of FOLDED_SECTIONS) {
    if (f === s.title) return { id: s.id, match: 'exact' };
    if (s.tolerated.includes(f)) return { id: s.id, match: 'tolerated' };
  }
  for (const s of FOLDED_SECTIONS) {
    for (const fk of s.keys) {
      // The key phrase must make up most of the title, so a sentence that mentions it is not a heading.
      if (f.includes(fk) && f.length <= fk.length + 14) return { id: s.id, match: 'similar' };
    }
  }
  return null;
}

/** How strongly a numbering style says "top-level heading". */
export function styleWeight(style: NumeralStyle, markdownLevel: number): number {
  // Markdown headings count as top-level here; report.ts drops those deeper than the level sections use.
  if (markdownLevel > 0 && markdownLevel <= 3) return 3;
  switch (style) {
    case 'cn-dun':
    case 'cn-part':
      return 3;
    case 'arabic':
      return 2.5;
    case 'none':
      return 2;
    case 'cn-paren':
      return 1;
    case 'arabic-paren':
      return 0.5;
  }
}

export function isTopStyle(style: NumeralStyle, markdownLevel: number): boolean {
  return styleWeight(style, markdownLevel) >= 2;
}
