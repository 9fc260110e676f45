/**
 * Helpers shared by the structure rules (section-*, subheading-sequence, label-variant): section names for
 * messages, the numbering of a heading as written, line spans.
 */

import type { Localized } from '../diagnostics';
import type { Heading, Position, Range } from '../model';
import { SECTIONS, sectionDef, type SectionId, type TemplateId } from '../schema';
import { isSpace, type LineIndex } from '../text';

/** 1 … 6 for s1 … s6. */
export function sectionOrdinal(id: SectionId): number {
  return SECTIONS.findIndex((s) => s.id === id) + 1;
}

/** `第三部分「收到和处理政府信息公开申请情况」` / `section 三 「收到和处理政府信息公开申请情况」`. */
export function sectionName(id: SectionId): Localized {
  const def = sectionDef(id);
  return { zh: `第${def.numeral}部分「${def.title}」`, en: `section ${def.numeral} 「${def.title}」` };
}

/** The official document that sets out a template. */
export function templateDoc(template: TemplateId): Localized {
  return template === '2019'
    ? { zh: '国办公开办函〔2019〕60号', en: '国办公开办函〔2019〕60号' }
    : { zh: '国办公开办函〔2021〕30号', en: '国办公开办函〔2021〕30号' };
}

/** Characters that may follow a numeral as its separator (`一、`, `1.`, `1)`, `一，`). */
const SEPARATOR = /[、.．，,)）:：]/;

export interface Numbering {
  /** Offsets of the numbering as written: the numeral and its separator, if any. */
  readonly start: number;
  readonly end: number;
  /** The separator character, or '' when the numeral has none after it (`（一）`, `第一部分`). */
  readonly separator: string;
  /** The numbering as written, trimmed (`1、`, `（一）`, `三、`). */
  readonly text: string;
}

/** The numbering of a heading as written, from its numeral to the end of its separator; null without one. */
export function numberingOf(index: LineIndex, h: Heading): Numbering | null {
  if (!h.numeralRange) return null;
  const text = index.text;
  const start = index.offset(h.numeralRange.start);
  const numEnd = index.offset(h.numeralRange.end);
  const lineEnd = index.ends[h.numeralRange.end.line];
  let p = numEnd;
  while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
  let end = numEnd;
  let separator = '';
  // (A separator the parser left at the head of the title, as in `（三）、收到…`, is taken too.)
  if (p < lineEnd && SEPARATOR.test(text[p])) {
    separator = text[p];
    end = p + 1;
  }
  return { start, end, separator, text: text.slice(start, end).trim() };
}

/** The numbering of a sub-heading as written (`（四）`, `6.`, `1)`), for messages. */
export function ordinalText(index: LineIndex, h: Heading): string {
  if (!h.numeralRange) return '';
  const s = index.offset(h.numeralRange.start);
  const e = Math.max(index.offset(h.titleRange.start), index.offset(h.numeralRange.end));
  return index.text.slice(s, e).trim();
}

/** A range from `start` to the end of a heading's title: the heading without the rest of its line. */
export function headingSpan(h: Heading): Range {
  const start: Position = h.numeralRange ? h.numeralRange.start : h.titleRange.start;
  return { start, end: h.titleRange.end };
}

/** The range of a whole line's text, trimmed of white space at both ends. */
export function lineSpan(index: LineIndex, line: number): Range {
  const text = index.text;
  let a = index.starts[line];
  let b = index.ends[line];
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return index.range(a, b);
}

/** Whether a line holds nothing but white space. */
export function isBlankLine(index: LineIndex, line: number): boolean {
  if (line < 0 || line >= index.lineCount) return true;
  const text = index.text;
  for (let i = index.starts[line]; i < index.ends[line]; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Joins names for a message: `一、三、二`. */
export function joinZh(items: readonly string[]): string {
  return items.join('、');
}
