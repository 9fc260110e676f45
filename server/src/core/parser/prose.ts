/**
 * Prose: the sentences outside the tables, and the numbers stated in them (for the prose rules).
 */

import type { ProseNumber, Sentence } from '../model';
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
    if (/^\s*<!--.*-->\s*$/.test(text.slice(ls, le))) continue;
    const section = sectionOfLine(line);
    let s = ls;
    for (let i = ls; i <= le; i++) {
      const c = i < le ? text[i] : '';
      if (i === le || c === '。' || c === '！' || c === '？' || c === '!' || c === '?') {
        let a = s;
        let b = i < le ? i + 1 : le;
        while (a < b && isSpace(text.charCodeAt(a))) a++;
        while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
        if (b > a) {
          const sentence = sentences.length;
          sentences.push({ text: text.slice(a, b), range: index.range(a, b), section });
          readNumbers(index, a, b, sentence, numbers);
        }
        s = i + 1;
      }
    }
  }
  return { sentences, numbers };
}

function readNumbers(index: LineIndex, a: number, b: number, sentence: number, out: ProseNumber[]): void {
  const text = index.text;
  const chunk = text.slice(a, b);
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(chunk))) {
    const rawStart = a + m.index;
    let raw = m[0];
    // A sign only counts where it cannot be a dash between words or a range (1-12月).
    if ((raw[0] === '-' || raw[0] === '+') && m.index > 0 && /[0-9０-９a-zA-Z]/.test(chunk[m.index - 1])) {
      raw = raw.slice(1);
    }
    const start = rawStart + (m[0].length - raw.length);
    // Digits glued to Latin letters (S321, 0A, ICP) are names, not figures.
    const before = start > 0 ? text[start - 1] : '';
    const after = text[start + raw.length] ?? '';
    if (/[a-zA-Z]/.test(before) || /[a-zA-Z]/.test(after)) continue;
    const folded = foldLabel(raw).replace(/,/g, '');
    const value = Number(folded);
    if (!Number.isFinite(value)) continue;
    UNIT_RE.lastIndex = start - a + raw.length;
    const u = UNIT_RE.exec(chunk);
    out.push({
      value,
      raw,
      unit: u ? u[1].replace('％', '%') : '',
      range: index.range(start, start + raw.length),
      sentence,
    });
  }
}
