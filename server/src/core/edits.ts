/**
 * Applying text edits and safe fixes to a document. Pure: text in, text out.
 *
 * Positions are LSP-style (0-based line, UTF-16 character); line breaks \n, \r\n and \r are all honoured
 * through `LineIndex`. Only the text inside edit ranges is replaced: everything outside them is copied as is.
 */

import type { Diagnostic, Fix, TextEdit } from './diagnostics';
import { LineIndex } from './text';

/** An edit resolved to UTF-16 offsets. */
interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** Position in the caller's list, to keep equal starts in the caller's order. */
  readonly order: number;
}

export interface EditOutcome {
  readonly text: string;
  /** Indices (into the given list) of the edits that were applied. */
  readonly applied: readonly number[];
  /** Indices of the edits that were skipped because they overlap an earlier one or have an inverted range. */
  readonly skipped: readonly number[];
}

function toOffsets(index: LineIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits.map((e, order) => ({
    start: index.offset(e.range.start),
    end: index.offset(e.range.end),
    newText: e.newText,
    order,
  }));
}

function byStart(a: OffsetEdit, b: OffsetEdit): number {
  return a.start - b.start || a.order - b.order;
}

/**
 * Applies edits and says which were applied. Edits are taken in order of their start (equal starts in the
 * given order); an edit whose range begins before the end of an edit already taken is skipped, as is an edit
 * whose end lies before its start. Two insertions at the same place are both applied, in the given order.
 */
export function applyEditsDetailed(text: string, edits: readonly TextEdit[]): EditOutcome {
  if (edits.length === 0) return { text, applied: [], skipped: [] };
  const sorted = toOffsets(new LineIndex(text), edits).sort(byStart);
  const parts: string[] = [];
  const applied: number[] = [];
  const skipped: number[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.end < e.start || e.start < cursor) {
      skipped.push(e.order);
      continue;
    }
    parts.push(text.slice(cursor, e.start), e.newText);
    cursor = e.end;
    applied.push(e.order);
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied: applied.sort((a, b) => a - b), skipped: skipped.sort((a, b) => a - b) };
}

/** Applies edits; overlapping or inverted edits are skipped (see `applyEditsDetailed`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEditsDetailed(text, edits).text;
}

/** The document's line break: the first one it contains, or \n if it has none. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/** Rewrites the line breaks inside inserted text to the document's own, so a fix never mixes them. */
function withLineBreaks(fix: Fix, eol: string): readonly TextEdit[] {
  return fix.edits.map((e) =>
    /[\r\n]/.test(e.newText) ? { range: e.range, newText: e.newText.replace(/\r\n|\r|\n/g, eol) } : e,
  );
}

/**
 * Whether a later edit `e` clashes with an edit `t` taken before it. Ranges that share text clash; so does an
 * insertion at the very start of a replaced range (applyEdits would apply the replacement first and then have
 * to skip the insertion). Touching ranges and insertions at the same place do not clash.
 */
function clashes(e: OffsetEdit, t: OffsetEdit): boolean {
  if (e.start < t.end && t.start < e.end) return true;
  return e.start === e.end && e.start === t.start && t.end > t.start;
}

/**
 * Chooses the fixes to apply in one pass: each fix is all or nothing, so a fix whose edits clash with an edit of
 * a fix already chosen (or with each other) waits for the next pass, when it is recomputed on the new text.
 * Every edit chosen here is then applied by applyEdits: none is skipped.
 */
function chooseFixes(index: LineIndex, fixes: readonly (readonly TextEdit[])[]): TextEdit[][] {
  const chosen: TextEdit[][] = [];
  const taken: OffsetEdit[] = [];
  for (const edits of fixes) {
    const offs = toOffsets(index, edits).sort(byStart);
    const selfConsistent = offs.every((e, i) => e.end >= e.start && (i === 0 || e.start >= offs[i - 1].end));
    if (!selfConsistent || offs.some((e) => taken.some((t) => clashes(e, t)))) continue;
    chosen.push([...edits]);
    taken.push(...offs);
  }
  return chosen;
}

export interface FixOutcome<R> {
  readonly text: string;
  /** How many fixes were applied over all passes. */
  readonly fixes: number;
  /** The analysis of the final text. */
  readonly result: R;
}

/** At most this many analyse → fix rounds; a rule that keeps offering fixes cannot loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix: analyses, applies the safe fixes that do not overlap, and analyses again, until no
 * safe fix remains (or the text stops changing, or MAX_FIX_PASSES is reached). Returns the analysis of the
 * final text too, so the caller need not analyse it once more.
 */
export function applySafeFixes<R extends { readonly diagnostics: readonly Diagnostic[] }>(
  text: string,
  analyzeFn: (text: string) => R,
): FixOutcome<R> {
  let current = text;
  let result = analyzeFn(current);
  let fixes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const safe = result.diagnostics.filter((d) => d.fix?.safe && d.fix.edits.length > 0).map((d) => d.fix as Fix);
    if (safe.length === 0) break;
    const eol = lineBreakOf(current);
    const chosen = chooseFixes(new LineIndex(current), safe.map((f) => withLineBreaks(f, eol)));
    const next = applyEdits(current, chosen.flat());
    // A fix that changes nothing would be offered again and again.
    if (next === current) break;
    fixes += chosen.length;
    current = next;
    result = analyzeFn(current);
  }
  return { text: current, fixes, result };
}
