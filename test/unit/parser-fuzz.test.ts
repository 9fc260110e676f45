/**
 * Property-based tests of the parser (fast-check): on any input it returns a model without throwing, every
 * range lies in the document, every cell's and label's raw text is the source at its range, and its work grows
 * linearly with the input. Inputs: random text, random table-like text built from the report's own
 * vocabulary, random edits of synthetic reports, and the same values rendered in every shape.
 */

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport, type ReportModel } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text';
import type { Range } from '../../server/src/core/model';
import { TABLES } from '../../server/src/core/schema';
import { renderReport, SYNTH_SHAPES, type SynthShape } from '../support/synth';

/** Checks every invariant the model promises; returns the model for further checks. */
function checkModel(text: string): ReportModel {
  let model: ReportModel;
  try {
    model = parseReport(text);
  } catch (err) {
    throw new Error(`parseReport threw on ${JSON.stringify(text.slice(0, 200))}: ${String(err)}`);
  }
  const idx = new LineIndex(text);
  const inDoc = (r: Range, what: string): void => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < idx.lineCount, `${what}: line ${p.line} outside the document`);
      const len = idx.ends[p.line] - idx.starts[p.line];
      assert.ok(p.character >= 0 && p.character <= len, `${what}: character ${p.character} outside line ${p.line}`);
    }
    assert.ok(idx.offset(r.start) <= idx.offset(r.end), `${what}: range ends before it starts`);
  };
  const at = (r: Range): string => text.slice(idx.offset(r.start), idx.offset(r.end));
  // The internal error path of parseReport is a bug even though it keeps the caller alive.
  assert.ok(!model.unplaced.some((u) => u.text.startsWith('internal parser error')), 'parser hit its error path');
  for (const c of model.cells) {
    inDoc(c.range, `cell ${c.table}/${c.row}/${c.col}`);
    assert.equal(at(c.range), c.raw, `cell ${c.table}/${c.row}/${c.col}`);
    assert.equal(c.value === null, c.kind !== 'number');
  }
  for (const t of model.tables) {
    inDoc(t.range, `table ${t.id}`);
    if (t.caption) assert.equal(at(t.caption.range), t.caption.raw);
    for (const h of t.headers) assert.equal(at(h.label.range), h.label.raw);
    for (const r of t.rows) if (r.label) assert.equal(at(r.label.range), r.label.raw);
  }
  for (const s of model.sections) {
    inDoc(s.range, `section ${s.id}`);
    inDoc(s.heading.titleRange, `section title ${s.id}`);
  }
  for (const u of model.unplaced) inDoc(u.range, `unplaced ${u.reason}`);
  for (const n of model.numbers) assert.equal(at(n.range), n.raw);
  for (const s of model.sentences) assert.equal(at(s.range), s.text);
  return model;
}

/** Pieces real reports are made of, so random text hits the parser's interesting paths. */
const VOCAB: string[] = [
  ...TABLES.flatMap((t) => [...t.rows.map((r) => (r.ordinal ?? '') + r.label), ...t.cols.map((c) => c.label)]),
  '第二十条第（一）项', '第二十条第(五)项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '法人或其他组织', '信息内容',
  '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '三、本年度办理结果', '（三）不予公开', '（四）无法提供',
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '1、 总体情况', '## 三、收到和处理政府信息公开申请情况',
  '0', '1', '23', '+505', '-7', '１２', '　36', '251000元', '元', '/', '-', '无', '0.2', '\u00a0', '',
  '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td colspan="3">', '&nbsp;', '&amp', '<p>', '</p>',
  '统计期限为2020年1月1日至2020年12月31日', '2021年1月19日', '二〇二一年一月十九日', '共357条。其中，', '占11.48%',
];
const SEPS = ['\t', ' | ', '|', '   ', '\n', '\n\n', '\r\n', ' ', '\t\t', ' ||||'];

const tableish = fc
  .array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...SEPS)), { maxLength: 120 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

function edit(text: string, ops: { at: number; del: number; ins: string }[]): string {
  let t = text;
  for (const op of ops) {
    const at = Math.floor(op.at * t.length);
    t = t.slice(0, at) + op.ins + t.slice(Math.min(t.length, at + op.del));
  }
  return t;
}

const editOps = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    del: fc.integer({ min: 0, max: 40 }),
    ins: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...VOCAB), fc.constantFrom(...SEPS)),
  }),
  { maxLength: 12 },
);

describe('parser properties (fast-check)', function () {
  this.timeout(120000);

  it('never throws and keeps its invariants on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => {
        checkModel(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws and keeps its invariants on random table-like text', () => {
    fc.assert(
      fc.property(tableish, (s) => {
        checkModel(s);
      }),
      { numRuns: 600 },
    );
  });

  it('never throws on random edits of synthetic reports in every shape', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'2019' | '2021'>('2019', '2021'),
        fc.constantFrom(...SYNTH_SHAPES),
        fc.integer({ min: 1, max: 1000 }),
        editOps,
        (template, shape, seed, ops) => {
          checkModel(edit(renderReport({ template, shape, seed }).text, ops));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same values whatever the shape (and the exact ranges the renderer recorded)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'2019' | '2021'>('2019', '2021'),
        fc.integer({ min: 1, max: 100000 }),
        fc.boolean(),
        (template, seed, variants) => {
          let reference: Map<string, number | null> | null = null;
          for (const shape of SYNTH_SHAPES) {
            const r = renderReport({ template, shape, seed, variants });
            const model = checkModel(r.text);
            assert.equal(model.template, template, shape);
            const got = new Map(model.cells.map((c) => [`${c.table}/${c.row}/${c.col}`, c] as const));
            for (const e of r.expected) {
              const c = got.get(`${e.table}/${e.row}/${e.col}`);
              assert.ok(c, `${shape}: ${e.table}/${e.row}/${e.col} not read`);
              assert.equal(c.value, e.value, `${shape}: ${e.table}/${e.row}/${e.col}`);
              assert.deepEqual(c.range, e.range, `${shape}: range of ${e.table}/${e.row}/${e.col}`);
            }
            assert.equal(model.cells.length, r.expected.length, `${shape}: no extra cells`);
            const values = new Map(model.cells.map((c) => [`${c.table}/${c.row}/${c.col}`, c.value] as const));
            if (reference) assert.deepEqual(values, reference, `${shape} differs from ${SYNTH_SHAPES[0]}`);
            else reference = values;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads a file mixing shapes table by table', () => {
    const shapes: SynthShape[] = [...SYNTH_SHAPES];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.shuffledSubarray(shapes, { minLength: 6, maxLength: 6 }), (seed, order) => {
        const ids = ['t2-1', 't2-5', 't2-6', 't2-8', 't3', 't4'] as const;
        const shape: Partial<Record<(typeof ids)[number], SynthShape>> = {};
        ids.forEach((id, i) => (shape[id] = order[i]));
        const r = renderReport({ template: '2021', shape, seed });
        const model = checkModel(r.text);
        const got = new Map(model.cells.map((c) => [`${c.table}/${c.row}/${c.col}`, c.value] as const));
        for (const e of r.expected) assert.equal(got.get(`${e.table}/${e.row}/${e.col}`), e.value, `${e.table}/${e.row}/${e.col} in ${JSON.stringify(shape)}`);
      }),
      { numRuns: 30 },
    );
  });

  it('reads HTML tables at the right offsets whatever precedes them (lower-casing may change lengths)', () => {
    const text = 'İİİİ 示例\n<TABLE><tr><TD>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>12</td></tr></TABLE>\n';
    const model = checkModel(text);
    const c = model.cells.find((x) => x.table === 't2-5' && x.row === 'licensing');
    assert.equal(c?.raw, '12');
    assert.equal(c?.value, 12);
  });

  it('grows linearly with the input, adversarial inputs included', () => {
    const base = [
      renderReport({ template: '2021', shape: 'markdown', seed: 7 }).text,
      '|'.repeat(2000) + '\n',
      '\t0'.repeat(1000) + '\n',
      '1 '.repeat(1000) + '\n',
      '（'.repeat(500) + '一）'.repeat(500) + '\n',
      '<td>&&&&&&&&&&'.repeat(100) + '\n',
      '行政许可\t'.repeat(300) + '\n',
      '|\n0 |\n'.repeat(300),
      'x' + ' '.repeat(2000) + 'x\n',
      '一、' + '　'.repeat(2000) + '总体情况\n',
    ];
    for (const unit of base) {
      const time = (n: number): number => {
        const text = unit.repeat(n);
        // The fastest of several runs: other processes can only make a run slower, never faster.
        let best = Infinity;
        for (let i = 0; i < 7; i++) {
          const t0 = process.hrtime.bigint();
          parseReport(text);
          best = Math.min(best, Number(process.hrtime.bigint() - t0));
        }
        return best;
      };
      time(4); // warm up
      const small = time(8);
      const large = time(128);
      // 16× the input: linear work takes about 16× the time; quadratic would take 256×. Allow noise.
      const ratio = large / Math.max(small, 1);
      assert.ok(ratio < 64, `16× input took ${ratio.toFixed(1)}× the time for ${JSON.stringify(unit.slice(0, 30))}`);
    }
  });
});
