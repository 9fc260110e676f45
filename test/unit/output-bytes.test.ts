/**
 * The JSON output written as bytes (cli/bytes.ts, output-json.ts): the same bytes JSON.stringify and
 * Buffer.from would give, for any string and number, and for whole reports in every shape.
 */

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ByteWriter } from '../../server/src/cli/bytes';
import { jsonFragmentBytes } from '../../server/src/cli/output-json';
import type { CheckedFile } from '../../server/src/cli/results';
import { analyze } from '../../server/src/core/index';
import { perModel } from '../../server/src/core/memo';
import { TABLES } from '../../server/src/core/schema';
import { renderReport, SYNTH_SHAPES } from '../support/synth';

const written = (f: (w: ByteWriter) => void): Buffer => {
  const w = new ByteWriter();
  f(w);
  return Buffer.from(w.take());
};

/** Strings with what JSON and UTF-8 must handle: quotes, backslashes, controls, CJK, astral and lone surrogates. */
const tricky = fc.array(
  fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u2028', '表', '（', '𠀀', '😀'),
    fc.constantFrom('\ud800', '\udc00', '\udbff\udfff', '\udfff\ud800'),
    fc.string({ maxLength: 8, unit: 'binary' }),
    fc.string({ maxLength: 8 }),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

describe('cli: JSON written as bytes', () => {
  it('writes any string as JSON.stringify would, encoded as UTF-8', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        assert.deepEqual(written((w) => w.jsonString(s)), Buffer.from(JSON.stringify(s), 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes any text as Buffer.from does (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        assert.deepEqual(written((w) => w.utf8(s)), Buffer.from(s, 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers as JSON does, integers or not, large or negative', () => {
    const samples = [0, -0, 1, 9, 10, 99, 100, 12345, 999999999999999, 1e15, 1e21, 2 ** 53, -7, 0.5, 12.25, -0.001, 1e-7];
    for (const v of samples) assert.equal(written((w) => w.number(v)).toString(), JSON.stringify(v), String(v));
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (v) => {
        assert.equal(written((w) => w.number(v)).toString(), JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each piece it hands out intact while later pieces fill and outgrow its slab', () => {
    const w = new ByteWriter();
    const pieces: { bytes: Uint8Array; want: string }[] = [];
    for (let i = 0; i < 300; i++) {
      const want = `${i}:` + '表'.repeat(i * 97);
      w.utf8(want);
      pieces.push({ bytes: w.take(), want });
    }
    const big = 'x'.repeat(5 << 20);
    w.ascii(big);
    assert.equal(Buffer.from(w.take()).toString(), big);
    for (const p of pieces) assert.equal(Buffer.from(p.bytes).toString('utf8'), p.want);
  });

  it('gives every report, in every shape and template, exactly the JSON a plain JSON.stringify gave', () => {
    for (const template of ['2019', '2021'] as const) {
      for (const shape of SYNTH_SHAPES) {
        const text = renderReport({ template, shape, seed: 3, variants: true, values: { t3: { new: { total: '1"2\\' } } } }).text;
        const { model, diagnostics, suppressed } = analyze(text);
        const file: CheckedFile = { kind: 'checked', file: `a/"${shape}".md`, abs: '/a', encoding: 'utf-8', text, model, diagnostics, suppressed, fixed: null, fixError: null };
        const bytes = Buffer.from(jsonFragmentBytes(file, 'zh', new ByteWriter()));
        const parsed = JSON.parse(bytes.toString('utf8')) as { cells: unknown[] };
        // The reference: the cells as objects, stringified.
        const cells = model.cells.map((c) => ({
          table: c.table,
          row: c.row,
          col: c.col,
          value: c.value,
          raw: c.raw,
          kind: c.kind,
          range: { line: c.range.start.line + 1, column: c.range.start.character + 1, endLine: c.range.end.line + 1, endColumn: c.range.end.character + 1 },
        }));
        assert.equal(JSON.stringify(parsed.cells), JSON.stringify(cells), `${template} ${shape}`);
        assert.ok(cells.length > 50, `${template} ${shape}: ${cells.length} cells`);
      }
    }
  });

  it('relies on table, row and column keys that need no escaping (they are written as they are)', () => {
    for (const t of TABLES) {
      assert.match(t.id, /^[a-z0-9-]+$/);
      for (const r of t.rows) assert.match(r.key, /^[a-z0-9-]+$/, `${t.id} row ${r.key}`);
      for (const c of t.cols) assert.match(c.key, /^[a-z0-9-]+$/, `${t.id} col ${c.key}`);
    }
  });
});

describe('core: per-model results', () => {
  it('computes once per model, and keeps the result where JSON, spreads and deep comparisons do not see it', () => {
    let calls = 0;
    const memo = perModel((m: { n: number }) => {
      calls++;
      return { twice: m.n * 2 };
    });
    const a = { n: 1 };
    const b = { n: 1 };
    assert.equal(memo(a), memo(a));
    assert.equal(calls, 1);
    assert.deepEqual(memo(b), { twice: 2 });
    assert.equal(calls, 2);
    assert.equal(JSON.stringify(a), '{"n":1}');
    assert.deepStrictEqual({ ...a }, { n: 1 });
    assert.deepStrictEqual(a, { n: 1 });
    // A frozen key cannot carry the result: it is computed each time, still correctly.
    const frozen = Object.freeze({ n: 3 });
    assert.deepEqual(memo(frozen), { twice: 6 });
    assert.deepEqual(memo(frozen), { twice: 6 });
    assert.equal(calls, 4);
  });
});
