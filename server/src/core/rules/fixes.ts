/**
 * Fix builders. A fix edits only inside the range it names: a cell's own text, or an insertion point.
 */

import type { Fix, Localized } from '../diagnostics';
import type { Cell, Position } from '../model';

/** Replaces a cell's text (and nothing around it). A blank Markdown cell keeps its padding. */
export function setCell(cell: Cell, value: number | string, title: Localized, safe = true): Fix {
  const text = String(value);
  let newText = text;
  if (cell.kind === 'blank' && cell.raw.length >= 2 && /^ +$/.test(cell.raw)) {
    // `|  |` → `| 0 |`: keep one space each side, as the table was written.
    newText = ' ' + text + ' '.repeat(cell.raw.length - 1);
  }
  return { title, edits: [{ range: cell.range, newText }], safe };
}

/** Inserts text at a position. */
export function insertAt(position: Position, text: string, title: Localized, safe = true): Fix {
  return { title, edits: [{ range: { start: position, end: position }, newText: text }], safe };
}
