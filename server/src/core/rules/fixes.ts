/**
 * Fix builders. A fix edits only inside the range it names: a cell's own text, or an insertion point.
 */

import type { Fix, Localized, TextEdit } from '../diagnostics';
import type { Cell, Position } from '../model';

/** The edit writing `value` into a cell (and nothing around it). A blank Markdown cell keeps its padding. */
export function cellEdit(cell: Cell, value: number | string): TextEdit {
  const text = String(value);
  let newText = text;
  if (cell.kind === 'blank' && cell.raw.length >= 2 && /^ +$/.test(cell.raw)) {
    // `|  |` → `| 0 |`: keep one space each side, as the table was written.
    newText = ' ' + text + ' '.repeat(cell.raw.length - 1);
  }
  return { range: cell.range, newText };
}

/** Replaces a cell's text (and nothing around it). */
export function setCell(cell: Cell, value: number | string, title: Localized, safe = true): Fix {
  return { title, edits: [cellEdit(cell, value)], safe };
}

/** Inserts text at a position. */
export function insertAt(position: Position, text: string, title: Localized, safe = true): Fix {
  return { title, edits: [{ range: { start: position, end: position }, newText: text }], safe };
}
