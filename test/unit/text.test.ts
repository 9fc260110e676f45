/**
 * The line index (core/text.ts): positions found from the last line asked about must be those a plain search
 * gives, whatever order offsets are asked in, with \n, \r\n and \r line breaks, and offsets out of range.
 */

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, readCellNumber } from '../../server/src/core/text';

/** The position of an offset, by walking the text from its start. */
function naivePosition(text: string, offset: number): { line: number; character: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let start = 0;
  for (let i = 0; i < o; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      // Inside a \r\n pair: the offset after \r still belongs to the end of the line.
      if (i + 1 === o) return { line, character: i - start };
      i++;
    } else if (c !== '\n' && c !== '\r') continue;
    line++;
    start = i + 1;
  }
  return { line, character: o - start };
}

describe('core: line index', () => {
  it('gives the same positions as a walk from the start, in any order of asking', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '表'), fc.string({ maxLength: 6 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 80 }), { maxLength: 40 }), (t, offsets) => {
        const index = new LineIndex(t);
        for (const o of offsets) assert.deepEqual(index.position(o), naivePosition(t, o), `offset ${o} of ${JSON.stringify(t)}`);
        // And in document order, as the parser asks.
        for (let o = 0; o <= t.length; o++) assert.deepEqual(index.position(o), naivePosition(t, o));
      }),
      { numRuns: 400 },
    );
  });

  it('reads numbers into readings of one shape, plain digits (the fast path) as the general reader would', () => {
    const cases: [string, number | null, string, string | undefined, boolean | undefined][] = [
      ['0', 0, 'number', undefined, undefined],
      ['007', 7, 'number', undefined, undefined],
      ['999', 999, 'number', undefined, undefined],
      ['1000', 1000, 'number', undefined, undefined],
      ['123456789012345', 123456789012345, 'number', undefined, undefined],
      // 16 digits: past the fast path, read by the general reader.
      ['1234567890123456', 1234567890123456, 'number', undefined, undefined],
      ['１２', 12, 'number', undefined, undefined],
      [' 12 ', 12, 'number', undefined, undefined],
      ['+3', 3, 'number', undefined, true],
      ['-7', -7, 'number', undefined, true],
      ['1,234', 1234, 'number', undefined, undefined],
      ['0.5', 0.5, 'number', undefined, undefined],
      ['12元', 12, 'number', '元', undefined],
      ['', null, 'blank', undefined, undefined],
      ['/', null, 'placeholder', undefined, undefined],
      ['见附件', null, 'text', undefined, undefined],
    ];
    for (const [raw, value, kind, unit, signed] of cases) {
      const r = readCellNumber(raw);
      assert.deepEqual(Object.keys(r), ['value', 'kind', 'unit', 'signed'], raw);
      assert.deepEqual([r.value, r.kind, r.unit, r.signed], [value, kind, unit, signed], raw);
    }
  });
});
