/**
 * Text utilities shared by the parser and the rules: line index (offset ↔ position), label normalisation,
 * number reading. Pure and linear-time.
 */

import type { Position, Range } from './model';

/** Maps UTF-16 offsets to LSP positions and back. Line breaks: \n, \r\n, \r. */
export class LineIndex {
  /** Offsets at which each line starts. */
  readonly starts: number[];
  /** Offset of each line's end (before its line break). */
  readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    if (!text.includes('\r')) {
      // Line feeds only (nearly every file): jump from one to the next.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        ends.push(i);
        starts.push(i + 1);
      }
      ends.push(text.length);
      this.starts = starts;
      this.ends = ends;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** The line of the last position asked for: the parser asks in document order, mostly on the same line. */
  private lastLine = 0;

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const last = starts.length - 1;
    let lo = this.lastLine;
    if (starts[lo] <= o && (lo === last || starts[lo + 1] > o)) {
      // on the line asked about last time
    } else if (lo < last && starts[lo + 1] <= o && (lo + 1 === last || starts[lo + 2] > o)) {
      this.lastLine = ++lo;
    } else {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      this.lastLine = lo;
    }
    // An offset inside a \r\n pair belongs to the end of the line.
    return { line: lo, character: Math.min(o, this.ends[lo]) - starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.ends[pos.line]);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** White space as it appears in pasted Chinese text: ASCII, NBSP, full-width, zero-width, BOM. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** [start, end) of `text.slice(start, end)` with white space trimmed off both ends. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

const FULLWIDTH_MAP: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '．': '.',
  '／': '/',
  '＋': '+',
  '－': '-',
  '％': '%',
  '〔': '[',
  '〕': ']',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '﹝': '[',
  '﹞': ']',
  '“': '"',
  '”': '"',
  '＂': '"',
  '‘': "'",
  '’': "'",
  '；': ';',
};

/**
 * What each UTF-16 code unit folds to: itself, another unit, or nothing (white space). Built once; folding is
 * then one table look-up per character.
 */
const FOLD = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const [from, to] of Object.entries(FULLWIDTH_MAP)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let c = 0; c < 0x10000; c++) if (isSpace(c)) t[c] = 0;
  return t;
})();

/**
 * Folds a label for comparison: drops all white space, maps full-width ASCII (digits, letters, brackets and
 * punctuation) to half-width, curly quotes to straight ones. `（三） 1.属于国家秘密` → `(三)1.属于国家秘密`.
 */
export function foldLabel(s: string): string {
  const n = s.length;
  let i = 0;
  // Most text needs no change: find the first unit that does.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (FOLD[c] !== c) break;
    i++;
  }
  if (i === n) return s;
  const out: number[] = [];
  for (let k = 0; k < i; k++) out.push(s.charCodeAt(k));
  for (; i < n; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f !== 0) out.push(f);
  }
  let r = '';
  for (let k = 0; k < out.length; k += 4096) r += String.fromCharCode.apply(null, out.slice(k, k + 4096));
  return r;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads a Chinese numeral up to 99 (`十二`, `二十`, `九`) or arabic digits; null if it is neither. */
export function numeralValue(s: string): number | null {
  const f = foldLabel(s);
  if (/^[0-9]{1,4}$/.test(f)) return Number(f);
  if (!f || f.length > 3) return null;
  if (f === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(f);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  if (f.length === 1 && f in CN_DIGITS) return CN_DIGITS[f];
  return null;
}

/** Chinese numeral for 1…99. */
export function chineseNumeral(n: number): string {
  const d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n === 10) return '十';
  if (n < 20) return '十' + d[n - 10];
  return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
}

export interface ReadNumber {
  readonly value: number | null;
  readonly kind: 'number' | 'blank' | 'placeholder' | 'text';
  readonly unit?: string;
  readonly signed?: boolean;
}

const PLACEHOLDERS = new Set(['/', '-', '--', '—', '——', '–', '无', '空', '\\', '×', 'x', 'X', '*', '\u2014\u2014', '／', '－']);
const UNIT_RE = /^(万元|亿元|千元|元|件|个|项|条|次|人次|%|％)$/;

/**
 * Reads a table cell's text as a number: `0`, `12`, `+505`, `-7`, `１２`, `1,234`, `0.2`, `251000元`, `12.5万元`.
 * Blank and placeholders (`/`, `-`, `无`) are told apart from text that is not a number.
 */
export function readCellNumber(raw: string): ReadNumber {
  // A cell of more than a few dozen characters is not a number, whatever it holds.
  if (raw.length > 64) return reading(null, raw.trim() ? 'text' : 'blank');
  return readFoldedNumber(foldLabel(raw), raw);
}

/** Readings of plain numbers below this are shared (most cells of a report are small counts). */
const SHARED_READS = 1000;
const SMALL_READS: readonly ReadNumber[] = Array.from({ length: SHARED_READS }, (_, v) => reading(v, 'number'));

/**
 * Every reading has the same properties in the same order (absent ones undefined): the parser's hot paths
 * then see one object shape, and V8 does not have to recompile them when a rarer kind of cell turns up.
 */
function reading(value: number | null, kind: ReadNumber['kind'], unit?: string, signed?: boolean): ReadNumber {
  return { value, kind, unit, signed };
}

/** `f` read as a plain run of ASCII digits (no sign, separator or unit), or -1. */
function plainDigits(f: string): number {
  const n = f.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = f.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** readCellNumber for text already folded (`raw` is the text before folding). */
export function readFoldedNumber(f: string, raw: string): ReadNumber {
  // The common case first: digits only.
  const plain = plainDigits(f);
  if (plain >= 0) return plain < SHARED_READS ? SMALL_READS[plain] : reading(plain, 'number');
  if (f.length > 64) return reading(null, 'text');
  if (f === '') return reading(null, 'blank');
  if (PLACEHOLDERS.has(f) || PLACEHOLDERS.has(raw.trim())) return reading(null, 'placeholder');
  const m = /^([+-])?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(.*)$/.exec(f);
  if (!m) {
    return reading(null, 'text');
  }
  const unit = m[4];
  if (unit && !UNIT_RE.test(unit)) return reading(null, 'text');
  const digits = m[2].replace(/,/g, '') + (m[3] ?? '');
  let value = Number(digits);
  if (!Number.isFinite(value)) return reading(null, 'text');
  if (m[1] === '-') value = -value;
  return reading(value, 'number', unit || undefined, m[1] ? true : undefined);
}

/** Whether the text of a cell reads as a number, a blank or a placeholder (i.e. is not a label). */
export function isValueLike(raw: string): boolean {
  const r = readCellNumber(raw);
  return r.kind !== 'text' || /^[元万]+元?$/.test(foldLabel(raw));
}
