/**
 * Shared reading of the prose for the prose rules: where a number sits in its sentence, its unit, whether it is
 * approximate, and the enumerations `共N…其中 a…b…c` (a whole and its parts, with the percentages stated next to
 * the parts).
 *
 * Everything works on `model.sentences` / `model.numbers`. A sentence never spans lines, so a number's place in
 * its sentence is its character minus the sentence's start character. The model has no paragraph boundaries:
 * consecutive sentences on the same source line stand for "the same paragraph" (conservative: a paragraph
 * wrapped over several lines ends the enumeration at the line break).
 *
 * Linear: every scan looks at a bounded window or moves forward through a sentence once; no backtracking regex.
 */

import type { ProseNumber, ReportModel, Sentence } from '../model';
import { isSpace } from '../text';
import { perModel } from '../memo';

/** Units that count things: a whole and its parts can be summed in them. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '条',
  '件',
  '项',
  '个',
  '次',
  '篇',
  '份',
  '家',
  '人',
  '人次',
  '户',
  '起',
  '场',
  '批',
  '期',
  '万元',
  '元',
  '亿元',
]);

/** Words that introduce the parts of a stated whole. */
export const PART_MARKERS: readonly string[] = ['其中', '包括', '分别'];

/** Words that mark a number as a total (checked in the clause right before the number). */
export const TOTAL_KEYWORDS: readonly string[] = ['共计', '合计', '总计', '累计', '总共', '一共', '共'];

/** Characters that end a clause for the purpose of "the words right before a number". */
export function isClauseBreak(ch: string): boolean {
  return ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?';
}

/** Index of the number's first character in its sentence's text. */
export function localStart(s: Sentence, n: ProseNumber): number {
  return n.range.start.character - s.range.start.character;
}

/** Index just after the number's digits in its sentence's text. */
export function localEnd(s: Sentence, n: ProseNumber): number {
  return n.range.end.character - s.range.start.character;
}

/** Index just after the number's unit (white space before the unit included); the digits' end if no unit. */
export function unitEnd(s: Sentence, n: ProseNumber): number {
  const t = s.text;
  let i = localEnd(s, n);
  if (!n.unit) return i;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  if (n.unit === '%' && (t[i] === '%' || t[i] === '％')) return i + 1;
  if (t.startsWith(n.unit, i)) return i + n.unit.length;
  return localEnd(s, n);
}

/** Skips white space forward from `i`. */
export function skipSpace(t: string, i: number): number {
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return i;
}

/** The text before index `i` of the sentence, back to the last clause break (exclusive) or `floor`, at most `max` characters, white space removed. */
export function clauseBefore(t: string, i: number, floor = 0, max = 24): string {
  const lo = Math.max(floor, i - max, 0);
  let k = i;
  while (k > lo && !isClauseBreak(t[k - 1])) k--;
  let out = '';
  for (let j = k; j < i; j++) if (!isSpace(t.charCodeAt(j))) out += t[j];
  return out;
}

const APPROX_BEFORE = ['大约', '将近', '超过', '不足', '不到', '约', '近', '逾', '超'];
const APPROX_AFTER = ['余', '多', '以上', '左右', '上下', '以下'];

/** Whether a number is stated as approximate: `80余条`, `10多件`, `约30条`, `2000人次以上`. */
export function isApproximate(s: Sentence, n: ProseNumber): boolean {
  const t = s.text;
  if (n.unit.startsWith('余') || n.unit.startsWith('多')) return true;
  // Before: the last non-space characters before the digits.
  let b = localStart(s, n);
  while (b > 0 && isSpace(t.charCodeAt(b - 1))) b--;
  const before = t.slice(Math.max(0, b - 2), b);
  for (const w of APPROX_BEFORE) if (before.endsWith(w)) return true;
  // After: right after the digits (`30余个`, where the unit list has no `余个`) and right after the unit.
  const afterDigits = skipSpace(t, localEnd(s, n));
  for (const w of APPROX_AFTER) if (t.startsWith(w, afterDigits)) return true;
  const afterUnit = skipSpace(t, unitEnd(s, n));
  for (const w of APPROX_AFTER) if (t.startsWith(w, afterUnit)) return true;
  return false;
}

/** `共` that is part of another word (公共, 共享, 共同, 共建 …) is not a total. */
const NOT_TOTAL_AFTER_GONG = new Set(['享', '同', '建', '产', '青', '性', '识', '治', '赢', '担', '商', '创', '融', '通', '用', '有']);

/** The total keyword (共, 合计, 共计 …) in `clause`, or null. */
export function totalKeyword(clause: string): string | null {
  for (const k of TOTAL_KEYWORDS) {
    let from = clause.length;
    while (from >= 0) {
      const i = clause.lastIndexOf(k, from);
      if (i < 0) break;
      if (k === '共') {
        const prev = i > 0 ? clause[i - 1] : '';
        const next = clause[i + 1] ?? '';
        // `共有` is a total (`共有12条`), unless it is `公共`; all other `共…` words are not.
        const ok = prev !== '公' && (next === '有' || next === '计' || !NOT_TOTAL_AFTER_GONG.has(next));
        if (ok) return k;
        from = i - 1;
        continue;
      }
      return k;
    }
  }
  return null;
}

/** The number of decimals written in a number's raw text (`11.48` → 2). */
export function decimalsOf(raw: string): number {
  const m = /[.．]([0-9０-９]+)$/.exec(raw);
  return m ? m[1].length : 0;
}

/** A value for messages: integers as they are, decimals with the given number of places. */
export function formatValue(v: number, decimals = 0): string {
  if (decimals <= 0) return String(Math.round(v));
  return v.toFixed(decimals);
}

/** Numbers grouped by sentence index (cached per model). */
export const numbersBySentence = perModel((model: ReportModel): ProseNumber[][] => {
  const out = model.sentences.map(() => [] as ProseNumber[]);
  for (const n of model.numbers) if (n.sentence >= 0 && n.sentence < out.length) out[n.sentence].push(n);
  return out;
});

/** Whether sentence `j` continues sentence `i` in the same paragraph (approximated by: on the same line). */
export function sameParagraph(model: ReportModel, i: number, j: number): boolean {
  const a = model.sentences[i];
  const b = model.sentences[j];
  return !!a && !!b && a.section === b.section && a.range.end.line === b.range.start.line;
}

// ---------------------------------------------------------------------------------------------------------------
// Enumerations: 共N…其中 a…b…c
// ---------------------------------------------------------------------------------------------------------------

export interface Share {
  /** The part the percentage is stated for. */
  readonly part: ProseNumber;
  readonly percent: ProseNumber;
}

export interface Enumeration {
  readonly whole: ProseNumber;
  /** The total keyword before the whole: 共, 合计, 共计 … */
  readonly keyword: string;
  /** The word that introduces the parts: 其中, 包括, 分别. */
  readonly marker: string;
  readonly parts: readonly ProseNumber[];
  /** Percentages stated right after a part (`41条，占总体比例的11.48%`). */
  readonly shares: readonly Share[];
  /**
   * Whether the parts can be summed against the whole: false when the list is ambiguous (an approximate part,
   * a part in brackets, the list broken off by another figure with more parts after it in the same sentence).
   */
  readonly summable: boolean;
  /** The list says it is not exhaustive (`…等`): a sum below the whole is expected. */
  readonly open: boolean;
}

/** Words allowed between 占 and a percentage for it to be a share of the stated whole (`占总体比例的`). */
const SHARE_FILLER = new Set(['总', '体', '数', '量', '比', '例', '重', '的', '为', '达', '全', '部', '约']);

/** Whether the text between a part and a percentage states the part's share of the whole. */
function isShareGap(gap: string): boolean {
  let g = '';
  for (let i = 0; i < gap.length; i++) if (!isSpace(gap.charCodeAt(i))) g += gap[i];
  // `，占总体比例的`, `（占`, `占比`, `，占比为`
  let i = 0;
  while (i < g.length && (g[i] === '，' || g[i] === ',' || g[i] === '（' || g[i] === '(' || g[i] === '、')) i++;
  if (g[i] !== '占') return false;
  for (i++; i < g.length; i++) if (!SHARE_FILLER.has(g[i])) return false;
  return g.length <= 12;
}

/** Whether `t.slice(a, b)` holds one of the part markers. */
function hasMarker(t: string, a: number, b: number): boolean {
  const seg = t.slice(a, b);
  return PART_MARKERS.some((m) => seg.includes(m));
}

/** Change in bracket depth over `t.slice(a, b)`. */
function bracketDelta(t: string, a: number, b: number): number {
  let d = 0;
  for (let i = a; i < b; i++) {
    const c = t[i];
    if (c === '（' || c === '(') d++;
    else if (c === '）' || c === ')') d--;
  }
  return d;
}

/** Whether the text right after a part says the list is open (`…等`, `等等`). */
function isOpenAfter(s: Sentence, n: ProseNumber): boolean {
  const t = s.text;
  const i = skipSpace(t, unitEnd(s, n));
  return t[i] === '等';
}

/** The whole a marker at `markerAt` of sentence `si` refers to, with its keyword, or null. */
function findWhole(model: ReportModel, by: ProseNumber[][], si: number, markerAt: number, floor: number): { whole: ProseNumber; keyword: string } | null {
  const s = model.sentences[si];
  const t = s.text;
  const nums = by[si];
  const last = firstAtOrAfter(s, nums, markerAt) - 1;
  let ws: Sentence;
  let whole: ProseNumber | undefined;
  if (last >= 0 && localStart(s, nums[last]) >= floor) {
    whole = nums[last];
    ws = s;
    const gapFrom = unitEnd(s, whole);
    const gap = t.slice(gapFrom, markerAt);
    // Only a few words between the whole and the marker (`共14件，其中`, `共发布100条信息，其中`).
    if (gap.length > 10 || /[0-9０-９;；。]/.test(gap)) return null;
  } else {
    // `共960条。其中：…` — the marker opens the sentence and the whole closes the previous one.
    for (let i = 0; i < markerAt; i++) {
      const c = t[i];
      if (!isSpace(t.charCodeAt(i)) && c !== '（' && c !== '(' && c !== '）' && c !== ')' && !/[0-9一二三四五六七八九十、.．]/.test(c)) return null;
    }
    const pi = si - 1;
    if (pi < 0 || !sameParagraph(model, pi, si)) return null;
    const prev = by[pi];
    if (prev.length === 0) return null;
    ws = model.sentences[pi];
    whole = prev[prev.length - 1];
    const tail = ws.text.slice(unitEnd(ws, whole));
    if (tail.replace(/[\s\u3000。！!？?）)]/g, '').length > 0) return null;
  }
  if (!COUNT_UNITS.has(whole.unit) || isApproximate(ws, whole)) return null;
  const keyword = totalKeyword(clauseBefore(ws.text, localStart(ws, whole), 0, 16));
  if (!keyword) return null;
  return { whole, keyword };
}

/** How many figures after the one that ends a list are looked at for more parts in the same sentence. */
const LOOKAHEAD = 24;

/** Index of the first number of the sentence at or after index `pos` of its text (numbers are in text order). */
function firstAtOrAfter(s: Sentence, nums: readonly ProseNumber[], pos: number): number {
  let lo = 0;
  let hi = nums.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (localStart(s, nums[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every enumeration `共N…其中 a…b…c` in the prose (cached per model). */
export const enumerations = perModel((model: ReportModel): Enumeration[] => {
  const out: Enumeration[] = [];
  const by = numbersBySentence(model);
  for (let si = 0; si < model.sentences.length; si++) {
    const t = model.sentences[si].text;
    let floor = 0;
    let searchFrom = 0;
    // Next occurrence of each marker at or after `searchFrom` (-1: none left); each is searched for again only
    // once passed, so the sentence is scanned once per marker word.
    const next = PART_MARKERS.map((m) => t.indexOf(m));
    for (;;) {
      // The next marker in this sentence.
      let markerAt = -1;
      let marker = '';
      PART_MARKERS.forEach((m, j) => {
        if (next[j] >= 0 && next[j] < searchFrom) next[j] = t.indexOf(m, searchFrom);
        const i = next[j];
        if (i >= 0 && (markerAt < 0 || i < markerAt)) {
          markerAt = i;
          marker = m;
        }
      });
      if (markerAt < 0) break;
      searchFrom = markerAt + marker.length;
      const w = findWhole(model, by, si, markerAt, floor);
      floor = searchFrom;
      if (!w) continue;
      out.push(collectParts(model, by, si, markerAt + marker.length, w.whole, w.keyword, marker));
    }
  }
  return out;
});

/** Collects the parts after a marker: same unit as the whole, within the paragraph, until the list ends. */
function collectParts(
  model: ReportModel,
  by: ProseNumber[][],
  si0: number,
  from0: number,
  whole: ProseNumber,
  keyword: string,
  marker: string,
): Enumeration {
  const parts: ProseNumber[] = [];
  const shares: Share[] = [];
  let summable = true;
  let open = false;
  let lastPart: { s: Sentence; n: ProseNumber } | null = null;
  let done = false;
  for (let si = si0; si < model.sentences.length && !done; si++) {
    if (si > si0 && !sameParagraph(model, si - 1, si)) break;
    const s = model.sentences[si];
    const t = s.text;
    const nums = by[si];
    const k0 = si === si0 ? firstAtOrAfter(s, nums, from0) : 0;
    if (k0 >= nums.length) break;
    let pos = si === si0 ? from0 : 0;
    let depth = 0;
    let partsInSentence = 0;
    for (let k = k0; k < nums.length; k++) {
      const n = nums[k];
      const at = localStart(s, n);
      depth += bracketDelta(t, pos, at);
      if (n.unit === '%') {
        // A share stated right after the last part: `41条，占总体比例的11.48%`.
        if (lastPart && lastPart.s === s && lastPart.n === parts[parts.length - 1] && isShareGap(t.slice(unitEnd(s, lastPart.n), at))) {
          shares.push({ part: lastPart.n, percent: n });
        }
        pos = unitEnd(s, n);
        continue;
      }
      if (n.unit !== whole.unit) {
        if (n.unit.endsWith(whole.unit) && /^[余多]/.test(n.unit)) {
          // `30余条` among exact 条: the sum cannot be checked.
          summable = false;
          done = true;
          break;
        }
        // Another kind of figure ends the list (a following sentence that opens with one is not part of it); if
        // more parts follow in the same sentence as earlier parts, it is unclear where the list ends.
        if (partsInSentence > 0 || si === si0) {
          // (Looking a bounded number of figures ahead keeps this linear on pathological text.)
          for (let r = k + 1; r < nums.length && r <= k + LOOKAHEAD; r++) {
            if (nums[r].unit === whole.unit && !isApproximate(s, nums[r])) summable = false;
          }
        }
        done = true;
        break;
      }
      // Same unit as the whole.
      if (hasMarker(t, pos, at)) {
        // A nested 其中 starts a breakdown of the last part, not more parts.
        done = true;
        break;
      }
      if (parts.length > 0 && totalKeyword(clauseBefore(t, at, pos, 16))) {
        // A new total (合计, 共…) after parts: another enumeration.
        done = true;
        break;
      }
      if (isApproximate(s, n) || depth > 0) {
        summable = false;
        done = true;
        break;
      }
      parts.push(n);
      partsInSentence++;
      lastPart = { s, n };
      if (isOpenAfter(s, n)) open = true;
      pos = unitEnd(s, n);
    }
  }
  // Where the first parts already make up the whole, the list ends there: what follows is another breakdown of
  // the same whole (`共5件，其中自然人4件，法人1件；予以公开3件，不予公开2件`), not more parts.
  if (summable && parts.length > 1) {
    const decimals = Math.max(decimalsOf(whole.raw), ...parts.map((n) => decimalsOf(n.raw)));
    const scale = 10 ** decimals;
    const target = Math.round(whole.value * scale);
    let acc = 0;
    for (let i = 0; i < parts.length - 1; i++) {
      acc += Math.round(parts[i].value * scale);
      if (acc === target) {
        const kept = parts.slice(0, i + 1);
        return { whole, keyword, marker, parts: kept, shares: shares.filter((x) => kept.includes(x.part)), summable, open: false };
      }
    }
  }
  return { whole, keyword, marker, parts, shares, summable, open };
}

/** The exact sum of the parts, at the largest number of decimals written, and that number of decimals. */
export function sumOf(nums: readonly ProseNumber[]): { sum: number; decimals: number } {
  const decimals = Math.max(0, ...nums.map((n) => decimalsOf(n.raw)));
  const scale = 10 ** decimals;
  let acc = 0;
  for (const n of nums) acc += Math.round(n.value * scale);
  return { sum: acc / scale, decimals };
}

/** Whether an enumeration's parts add up to its whole (only meaningful when summable with ≥ 2 parts). */
export function addsUp(e: Enumeration): boolean {
  const decimals = Math.max(decimalsOf(e.whole.raw), ...e.parts.map((n) => decimalsOf(n.raw)));
  const scale = 10 ** decimals;
  const parts = e.parts.reduce((a, n) => a + Math.round(n.value * scale), 0);
  return parts === Math.round(e.whole.value * scale);
}
