/**
 * Turning lines of text into cells, for each shape tables arrive in (report-format.md §7). A cell keeps the
 * exact span of its text in the document: trimmed of white space when it has content, the white space between
 * its delimiters when it is blank (zero-width when there is none).
 */

import type { TableShape } from '../model';
import { foldLabel, isSpace, readFoldedNumber, trimSpan, type ReadNumber } from '../text';
import { labelInfoFolded, type LabelInfo } from './labels';

/**
 * A cell as read from a line: its span in the document and its text, with memos filled in as the parser asks.
 * A class, so that every cell has one shape whichever memos are filled (objects given properties one by one
 * in different orders would make the parser's hot paths polymorphic).
 */
export class RawCell {
  /** Memo: the folded text (see foldedOf). */
  fold: string | undefined = undefined;
  /** Memo: the text read as a number (see readOf). */
  read: ReadNumber | undefined = undefined;
  /** Memo: the folded text as a label (see infoOf). */
  info: LabelInfo | undefined = undefined;
  constructor(
    /** Span of the cell in the document (see above). */
    readonly start: number,
    readonly end: number,
    /** The cell's text for matching: tags stripped and entities decoded (html), wrapped lines joined. */
    readonly text: string,
    readonly blank: boolean,
  ) {}
}

/** The cell's folded text, computed once. */
export function foldedOf(cell: RawCell): string {
  return (cell.fold ??= foldLabel(cell.text));
}

/** The cell's text read as a number, computed once. */
export function readOf(cell: RawCell): ReadNumber {
  return (cell.read ??= readFoldedNumber(foldedOf(cell), cell.text));
}

/** The cell's text as a label (folded, ordinals split off), computed once. */
export function infoOf(cell: RawCell): LabelInfo {
  return (cell.info ??= labelInfoFolded(foldedOf(cell)));
}

/** Whether the cell holds a value (a number, a blank, a placeholder, a bare unit), not a label. */
export function valueLike(cell: RawCell): boolean {
  const r = readOf(cell);
  return r.kind !== 'text' || /^[元万]+元?$/.test(foldedOf(cell));
}

export interface PhysRow {
  readonly cells: RawCell[];
  readonly shape: TableShape;
  readonly start: number;
  readonly end: number;
}

/** A cell over `[s, e)` of `text`. */
export function spanCell(text: string, s: number, e: number): RawCell {
  const [ts, te] = trimSpan(text, s, e);
  if (ts === te) return new RawCell(s, e, '', true);
  return new RawCell(ts, te, text.slice(ts, te), false);
}

/** Cells of a TAB-separated row on `[s, e)`. */
export function splitTabs(text: string, s: number, e: number): RawCell[] {
  const cells: RawCell[] = [];
  let from = s;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) === 9) {
      cells.push(spanCell(text, from, i));
      from = i + 1;
    }
  }
  cells.push(spanCell(text, from, e));
  return cells;
}

/** Positions of unescaped `|` in `[s, e)`. */
function pipes(text: string, s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) === 124 /* | */ && (i === s || text.charCodeAt(i - 1) !== 92 /* \ */)) out.push(i);
  }
  return out;
}

/** Cells of a Markdown pipe-table row: `| a | b |` (outer pipes optional). */
export function splitMarkdownRow(text: string, s: number, e: number): RawCell[] {
  const [ts, te] = trimSpan(text, s, e);
  const ps = pipes(text, ts, te);
  const bounds = [ts - 1, ...ps, te];
  const cells: RawCell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] + 1;
    const b = bounds[i + 1];
    // The empty pieces outside a leading or trailing pipe are not cells.
    if (i === 0 && ps[0] === ts) continue;
    if (i + 2 === bounds.length && ps[ps.length - 1] === te - 1) continue;
    cells.push(spanCell(text, a, b));
  }
  return cells;
}

/** Cells of a `|`-fragment line (web copy): every `|` ends a cell; text after the last `|` is a cell too. */
export function splitFragmentLine(text: string, s: number, e: number): RawCell[] {
  const ps = pipes(text, s, e);
  const cells: RawCell[] = [];
  let from = s;
  for (const p of ps) {
    cells.push(spanCell(text, from, p));
    from = p + 1;
  }
  const tail = spanCell(text, from, e);
  if (!tail.blank) cells.push(tail);
  return cells;
}

/** Whether a line is a Markdown table separator (`| --- | :-: |`). */
export function isMarkdownSeparator(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

/** Cells of a line copied out of a PDF: cells separated by TABs or runs of two or more spaces. */
export function splitSpaced(text: string, s: number, e: number): RawCell[] {
  const cells: RawCell[] = [];
  let i = s;
  while (i < e) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (i >= e) break;
    const from = i;
    let last = i;
    while (i < e) {
      const c = text.charCodeAt(i);
      if (c === 9) break;
      if (isSpace(c)) {
        let j = i;
        while (j < e && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 9) j++;
        if (j - i >= 2 || j >= e || text.charCodeAt(j) === 9) break;
        i = j;
        continue;
      }
      i++;
      last = i;
    }
    cells.push(new RawCell(from, last, text.slice(from, last), false));
  }
  return cells;
}

/** Whether a line has a run of two or more spaces between two non-space characters. */
export function hasSpacedCells(line: string): boolean {
  return /\S(?:[ \u3000\u00a0]{2,})\S/.test(line);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ' };

function decodeEntity(name: string): string | null {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const n = parseInt(name.slice(2), 16);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : null;
  }
  if (name.startsWith('#')) {
    const n = parseInt(name.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : null;
  }
  return ENTITIES[name.toLowerCase()] ?? null;
}

export interface HtmlTable {
  readonly start: number;
  /** End of `</table>` (or of the document, when it is never closed). */
  readonly end: number;
  readonly rows: PhysRow[];
}

/**
 * Finds `<table>…</table>` blocks and reads their rows and cells. Tags inside a cell are skipped; the cell's
 * span covers its text from the first to the last visible character (entities count as text, `&nbsp;` as
 * space).
 */
export function htmlTables(text: string): HtmlTable[] {
  const out: HtmlTable[] = [];
  if (!text.includes('<')) return out;
  // Case-insensitive searches on the text itself: a lower-cased copy can differ in length (İ → i̇), and its
  // offsets would then point elsewhere.
  const open = /<table\b/gi;
  const close = /<\/table\s*>/gi;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text))) {
    const ts = m.index;
    close.lastIndex = ts;
    const c = close.exec(text);
    const te = c ? c.index + c[0].length : text.length;
    out.push({ start: ts, end: te, rows: readHtmlRows(text, ts, te) });
    open.lastIndex = Math.max(te, ts + 6);
    if (!c) break;
  }
  return out;
}

/** The lower-case name of the tag starting at `lt` (`<td`, `</TR` → `td`, `tr`), or ''. */
function tagName(text: string, lt: number): string {
  let i = lt + 1;
  if (text.charCodeAt(i) === 47 /* / */) i++;
  const from = i;
  while (i < text.length && i - from < 10) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 97 && c <= 122) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)) i++;
    else break;
  }
  return text.slice(from, i).toLowerCase();
}

function readHtmlRows(text: string, s: number, e: number): PhysRow[] {
  const rows: PhysRow[] = [];
  let cells: RawCell[] = [];
  let rowStart = -1;
  let i = s;
  const flushRow = (end: number): void => {
    if (cells.length) rows.push({ cells, shape: 'html', start: rowStart < 0 ? cells[0].start : rowStart, end });
    cells = [];
    rowStart = -1;
  };
  while (i < e) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= e) break;
    const gt = text.indexOf('>', lt);
    if (gt < 0 || gt >= e) break;
    const name = tagName(text, lt);
    const closing = text.charCodeAt(lt + 1) === 47;
    if (name === 'tr' && !closing) {
      flushRow(lt);
      rowStart = lt;
      i = gt + 1;
    } else if (name === 'tr' && closing) {
      flushRow(gt + 1);
      i = gt + 1;
    } else if ((name === 'td' || name === 'th') && !closing) {
      if (rowStart < 0) rowStart = lt;
      const contentStart = gt + 1;
      const endTag = findCellEnd(text, contentStart, e);
      cells.push(htmlCell(text, contentStart, endTag));
      i = endTag;
    } else {
      i = gt + 1;
    }
  }
  flushRow(e);
  return rows;
}

/** The start of `</td>`, `</th>`, or of the next `<td`, `<th`, `<tr`, `</tr` (unclosed cells). */
function findCellEnd(text: string, from: number, e: number): number {
  let i = from;
  while (i < e) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= e) return e;
    const name = tagName(text, lt);
    if (name === 'td' || name === 'th' || name === 'tr') return lt;
    i = lt + 1;
  }
  return e;
}

function htmlCell(text: string, s: number, e: number): RawCell {
  let visible = '';
  let first = -1;
  let last = -1;
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const gt = text.indexOf('>', i);
      if (gt < 0 || gt >= e) break;
      // A tag separates words as a space would.
      visible += ' ';
      i = gt + 1;
      continue;
    }
    if (c === 38 /* & */) {
      // Entities are short: look for the `;` within 10 characters only (keeps the scan linear).
      let semi = -1;
      for (let k = i + 1; k < e && k <= i + 10; k++) {
        if (text.charCodeAt(k) === 59) {
          semi = k;
          break;
        }
      }
      if (semi > i) {
        const decoded = decodeEntity(text.slice(i + 1, semi));
        if (decoded !== null) {
          visible += decoded;
          if (!isSpace(decoded.charCodeAt(0))) {
            if (first < 0) first = i;
            last = semi + 1;
          }
          i = semi + 1;
          continue;
        }
      }
    }
    visible += text[i];
    if (!isSpace(c)) {
      if (first < 0) first = i;
      last = i + 1;
    }
    i++;
  }
  if (first < 0) return new RawCell(s, e, '', true);
  return new RawCell(first, last, visible.trim(), false);
}
