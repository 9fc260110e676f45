/**
 * Prose: the sentences outside the tables, and the numbers stated in them (for the prose rules).
 */

import type { ProseNumber, Range, Sentence } from '../model';
import type { SectionId } from '../schema';
import { foldLabel, isSpace, type LineIndex } from '../text';

const NUMBER_RE = /[+-]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/g;
const UNIT_RE = /[\s\u3000]*(个工作日|工作日|人次|万元|亿元|余条|余件|余篇|余次|余份|多条|多件|条|件|个|项|次|篇|份|%|％|年|月|日|家|人|天|小时|分钟|元|期|场|批|户|起)/y;

export function readProse(
  index: LineIndex,
  consumed: Uint8Array,
  skip: Uint8Array,
  sectionOfLine: (line: number) => SectionId | null,
): { sentences: Sentence[]; numbers: ProseNumber[] } {
  const text = index.text;
  const sentences: Sentence[] = [];
  const numbers: ProseNumber[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    if (consumed[line] || skip[line]) continue;
    const ls = index.starts[line];
    const le = index.ends[line];
    if (isCommentLine(text, ls, le)) continue;
    const section = sectionOfLine(line);
    let s = ls;
    for (let i = ls; i <= le; i++) {
      const c = i < le ? text.charCodeAt(i) : -1;
      if (i === le || c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 33 /* ! */ || c === 63 /* ? */) {
        let a = s;
        let b = i < le ? i + 1 : le;
        while (a < b && isSpace(text.charCodeAt(a))) a++;
        while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
        if (b > a) {
          const sentence = sentences.length;
          // A sentence never spans lines: its positions are known without searching the line index.
          sentences.push({ text: text.slice(a, b), range: lineRange(line, a - ls, b - ls), section });
          readNumbers(text, line, ls, a, b, sentence, numbers);
        }
        s = i + 1;
      }
    }
  }
  return { sentences, numbers };
}

const WS_RE = /^\s$/;

function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** Whether `[ls, le)` is an HTML comment on a line of its own. */
function isCommentLine(text: string, ls: number, le: number): boolean {
  // Cheap test first: the first character that is not white space (as the regex's \s has it) must be `<`.
  let i = ls;
  while (i < le && WS_RE.test(text[i])) i++;
  if (text.charCodeAt(i) !== 60 /* < */) return false;
  return /^\s*<!--.*-->\s*$/.test(text.slice(ls, le));
}

function isAsciiLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 97 && l <= 122;
}

function isDigitOrLetter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || isAsciiLetter(c);
}

/** The numbers in the sentence `[a, b)` of line `line` (starting at `ls`). */
function readNumbers(text: string, line: number, ls: number, a: number, b: number, sentence: number, out: ProseNumber[]): void {
  const chunk = text.slice(a, b);
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(chunk))) {
    let raw = m[0];
    // A sign only counts where it cannot be a dash between words or a range (1-12月).
    const first = raw.charCodeAt(0);
    if ((first === 45 /* - */ || first === 43) /* + */ && m.index > 0 && isDigitOrLetter(chunk.charCodeAt(m.index - 1))) {
      raw = raw.slice(1);
    }
    const start = a + m.index + (m[0].length - raw.length);
    // Digits glued to Latin letters (S321, 0A, ICP) are names, not figures.
    if ((start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) || isAsciiLetter(text.charCodeAt(start + raw.length))) continue;
    const folded = foldLabel(raw);
    const value = Number(folded.includes(',') ? folded.replace(/,/g, '') : folded);
    if (!Number.isFinite(value)) continue;
    UNIT_RE.lastIndex = start - a + raw.length;
    const u = UNIT_RE.exec(chunk);
    out.push({
      value,
      raw,
      unit: u ? (u[1] === '％' ? '%' : u[1]) : '',
      range: lineRange(line, start - ls, start - ls + raw.length),
      sentence,
    });
  }
}
