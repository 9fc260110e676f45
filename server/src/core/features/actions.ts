/**
 * Code actions: the diagnostics' own fixes, "fill every blank cell of this table with 0", "disable <rule> for
 * this line" (a suppression comment), and "fix all" (every safe fix, applied until none remains, returned as a
 * minimal set of edits so unchanged lines are not touched).
 */

import type { Diagnostic, Localized, TextEdit } from '../diagnostics';
import type { Range, ReportModel, Table } from '../model';
import { applySafeFixes, lineBreakOf } from '../edits';
import { fillTableFix } from '../rules/cell-blank';
import { LineIndex } from '../text';
import { containsRange, lineIndexOf, overlaps } from './util';

export type ActionKind = 'quickfix' | 'source.fixAll';

export interface Action {
  readonly title: Localized;
  readonly kind: ActionKind;
  readonly edits: TextEdit[];
  /** The diagnostics the action resolves. */
  readonly diagnostics?: Diagnostic[];
  readonly preferred?: boolean;
}

export interface AnalyzeLike {
  readonly diagnostics: readonly Diagnostic[];
}

export interface CodeActionOptions {
  /**
   * The kinds asked for (LSP `context.only`): an action is returned when its kind equals one of these or extends
   * it (`source` asks for `source.fixAll`). Default: all.
   */
  readonly only?: readonly string[];
  /** When given, a `source.fixAll` action applying every safe fix is included (it re-analyses the text). */
  readonly analyze?: (text: string) => AnalyzeLike;
  /** Offer "disable <rule> for this line" (default true). */
  readonly disableComments?: boolean;
}

/** The reason placeholder written into a suppression comment (the users write Chinese). */
export const REASON_PLACEHOLDER = '理由';

function wanted(kind: ActionKind, only: readonly string[] | undefined): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  if (a.length !== b.length) return false;
  const key = (e: TextEdit): string =>
    `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
  const sa = a.map(key).sort();
  const sb = b.map(key).sort();
  return sa.every((k, i) => k === sb[i]);
}

/** The edit inserting `<!-- nianbao-disable-next-line <rule>: 理由 -->` above a line, with its indentation. */
export function disableCommentEdit(text: string, line: number, rule: string): TextEdit {
  const index = lineIndexOf(text);
  const l = Math.max(0, Math.min(line, index.lineCount - 1));
  const indent = /^[ \t\u3000]*/.exec(index.lineText(l))?.[0] ?? '';
  const eol = lineBreakOf(text);
  const at = { line: l, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- nianbao-disable-next-line ${rule}: ${REASON_PLACEHOLDER} -->${eol}` };
}

/** The code actions for a range of the document. */
export function codeActions(
  text: string,
  model: ReportModel,
  diagnostics: readonly Diagnostic[],
  range: Range,
  options: CodeActionOptions = {},
): Action[] {
  const here = diagnostics.filter((d) => overlaps(d.range, range));
  const actions: Action[] = [];

  // Fill every blank cell of a table with 0: offered on a blank cell, or on a cell-blank finding.
  const fills: Action[] = [];
  const addressed = new Set<Diagnostic>();
  if (wanted('quickfix', options.only)) {
    const tables = new Set<Table>();
    for (const table of model.tables) {
      if (!overlaps(table.range, range)) continue;
      const onBlank = table.rows.some((r) => r.cells.some((c) => c.kind === 'blank' && overlaps(c.range, range)));
      const onFinding = here.some((d) => d.rule === 'cell-blank' && containsRange(table.range, d.range));
      if (onBlank || onFinding) tables.add(table);
    }
    for (const table of tables) {
      const fix = fillTableFix(table);
      if (!fix) continue;
      const related = here.filter((d) => d.rule === 'cell-blank' && containsRange(table.range, d.range));
      // Not worth a second entry when it does exactly what a finding's own fix does.
      if (related.some((d) => d.fix && sameEdits(d.fix.edits, fix.edits))) continue;
      for (const d of related) addressed.add(d);
      fills.push({
        title: fix.title,
        kind: 'quickfix',
        edits: [...fix.edits],
        ...(related.length ? { diagnostics: related } : {}),
      });
    }

    for (const d of here) {
      if (!d.fix || !d.fix.edits.length) continue;
      actions.push({
        title: d.fix.title,
        kind: 'quickfix',
        edits: [...d.fix.edits],
        diagnostics: [d],
        ...(d.fix.safe && !addressed.has(d) ? { preferred: true } : {}),
      });
    }
    actions.push(...fills);

    if (options.disableComments !== false) {
      const seen = new Set<string>();
      for (const d of here) {
        const line = d.range.start.line;
        const k = `${d.rule}@${line}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const same = here.filter((x) => x.rule === d.rule && x.range.start.line === line);
        actions.push({
          title: { zh: `在此行停用规则 ${d.rule}（插入注释）`, en: `Disable ${d.rule} for this line (insert a comment)` },
          kind: 'quickfix',
          edits: [disableCommentEdit(text, line, d.rule)],
          diagnostics: same,
        });
      }
    }
  }

  if (options.analyze && wanted('source.fixAll', options.only) && diagnostics.some((d) => d.fix?.safe && d.fix.edits.length)) {
    const edits = fixAll(text, options.analyze);
    if (edits.length) {
      actions.push({
        title: { zh: '修复全部可自动修复的问题', en: 'Fix all auto-fixable problems' },
        kind: 'source.fixAll',
        edits,
      });
    }
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------------------------
// Fix all: apply every safe fix, then express the result as minimal edits of the original text
// ---------------------------------------------------------------------------------------------------------------

/** Every safe fix, applied until none remains, as edits of `text` (empty when nothing changes). */
export function fixAll(text: string, analyzeFn: (text: string) => AnalyzeLike): TextEdit[] {
  const { text: fixed } = applySafeFixes(text, analyzeFn);
  return diffEdits(text, fixed);
}

/** Lines with their line breaks; the last line may lack one. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Beyond this many differing lines the diff gives up and replaces the differing block whole. */
const MAX_D = 2000;

/** A changed block: lines [a0, a1) of the original become lines [b0, b1) of the result. */
interface Hunk {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
}

/**
 * Shortest edit script (Myers) between a[a0, a1) and b[b0, b1), as hunks. Falls back to one hunk for the
 * whole block when the script would be long.
 */
function myers(a: readonly number[], b: readonly number[], a0: number, a1: number, b0: number, b1: number, out: Hunk[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, MAX_D);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    out.push({ a0, a1, b0, b1 });
    return;
  }
  const del = new Uint8Array(n);
  const ins = new Uint8Array(m);
  // trace[d] holds v as it was before step d, for k in [-d-1, d+1] (index k + d + 1).
  const at = (d: number, k: number): number => trace[d][k + d + 1];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const k = x - y;
    const down = k === -d || (k !== d && at(d, k - 1) < at(d, k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(d, pk);
    const py = px - pk;
    // (x, y) is reached from (px, py) by one edit and then a run of equal lines.
    if (down) ins[py] = 1;
    else del[px] = 1;
    x = px;
    y = py;
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !del[i] && !ins[j]) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while (i < n && del[i]) i++;
    while (j < m && ins[j]) j++;
    if (i === i0 && j === j0) break;
    out.push({ a0: a0 + i0, a1: a0 + i, b0: b0 + j0, b1: b0 + j });
  }
}

/**
 * Lines that occur exactly once in a[a0, a1) and once in b[b0, b1), paired, and of those the longest run in the
 * same order in both (patience diff): anchors that unchanged text cannot be mistaken for.
 */
function anchors(a: readonly number[], b: readonly number[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const seen = new Map<number, { ca: number; cb: number; ia: number; ib: number }>();
  for (let i = a0; i < a1; i++) {
    const e = seen.get(a[i]);
    if (e) e.ca++;
    else seen.set(a[i], { ca: 1, cb: 0, ia: i, ib: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const e = seen.get(b[j]);
    if (!e) continue;
    e.cb++;
    e.ib = j;
  }
  const pairs: [number, number][] = [];
  for (const e of seen.values()) if (e.ca === 1 && e.cb === 1) pairs.push([e.ia, e.ib]);
  if (!pairs.length) return [];
  pairs.sort((p, q) => p[0] - q[0]);
  // Longest increasing subsequence of the b indices (patience sorting).
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[i][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails[tails.length - 1]; i >= 0; i = prev[i]) out.push(pairs[i]);
  return out.reverse();
}

/**
 * The changed blocks between a[a0, a1) and b[b0, b1): common ends trimmed, then split at unique common lines;
 * a block with as many lines on both sides is a line-for-line change, any other goes to Myers.
 */
function diffLines(a: readonly number[], b: readonly number[], a0: number, a1: number, b0: number, b1: number, out: Hunk[], top: boolean): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    a0++;
    b0++;
  }
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
  }
  if (a0 === a1 && b0 === b1) return;
  if (a0 === a1 || b0 === b1) {
    out.push({ a0, a1, b0, b1 });
    return;
  }
  if (top) {
    const anchor = anchors(a, b, a0, a1, b0, b1);
    if (anchor.length) {
      let pa = a0;
      let pb = b0;
      for (const [ia, ib] of anchor) {
        diffLines(a, b, pa, ia, pb, ib, out, false);
        pa = ia + 1;
        pb = ib + 1;
      }
      diffLines(a, b, pa, a1, pb, b1, out, false);
      return;
    }
  }
  if (a1 - a0 === b1 - b0) {
    out.push({ a0, a1, b0, b1 });
    return;
  }
  myers(a, b, a0, a1, b0, b1, out);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** One edit replacing `oldStr` (at `base` in the original) by `newStr`, trimmed to what differs. */
function trimmedEdit(index: LineIndex, base: number, oldStr: string, newStr: string): TextEdit | null {
  if (oldStr === newStr) return null;
  const max = Math.min(oldStr.length, newStr.length);
  let p = 0;
  while (p < max && oldStr.charCodeAt(p) === newStr.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldStr.charCodeAt(oldStr.length - 1 - s) === newStr.charCodeAt(newStr.length - 1 - s)) s++;
  // Never split a surrogate pair or a \r\n.
  while (p > 0 && (isHigh(oldStr.charCodeAt(p - 1)) || (oldStr.charCodeAt(p - 1) === 13 && oldStr.charCodeAt(p) === 10))) p--;
  while (s > 0 && (isLow(oldStr.charCodeAt(oldStr.length - s)) || (oldStr.charCodeAt(oldStr.length - s) === 10 && oldStr.charCodeAt(oldStr.length - s - 1) === 13))) s--;
  // Whole numbers and words: `21` → `20`, not `1` → `0`.
  while (p > 0 && isWordChar(oldStr.charCodeAt(p - 1))) p--;
  while (s > 0 && isWordChar(oldStr.charCodeAt(oldStr.length - s))) s--;
  return {
    range: index.range(base + p, base + oldStr.length - s),
    newText: newStr.slice(p, newStr.length - s),
  };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Edits turning `before` into `after`: one per changed region of lines (a line-for-line change gives one edit
 * per line), each trimmed to the characters that differ, so unchanged lines are never touched.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const A = splitLines(before);
  const B = splitLines(after);
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const a = A.map(id);
  const b = B.map(id);
  const hunks: Hunk[] = [];
  diffLines(a, b, 0, a.length, 0, b.length, hunks, true);
  const starts: number[] = [];
  let off = 0;
  for (const l of A) {
    starts.push(off);
    off += l.length;
  }
  starts.push(off);
  const index = new LineIndex(before);
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    if (h.a1 - h.a0 === h.b1 - h.b0) {
      for (let k = 0; k < h.a1 - h.a0; k++) {
        const e = trimmedEdit(index, starts[h.a0 + k], A[h.a0 + k], B[h.b0 + k]);
        if (e) edits.push(e);
      }
    } else {
      const e = trimmedEdit(index, starts[h.a0], A.slice(h.a0, h.a1).join(''), B.slice(h.b0, h.b1).join(''));
      if (e) edits.push(e);
    }
  }
  return edits;
}
