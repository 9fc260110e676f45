/**
 * Inlay hints and table lenses (core/features/hints.ts) on the bundled example, seeds 000 and 004 (read from
 * ../shared at run time) and synthetic reports with defects put in on purpose.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze } from '../../server/src/core';
import { inlayHints, tableLenses } from '../../server/src/core/features';
import type { Range } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import { EXAMPLE, seedText } from '../support/seeds';


function assertInDocument(text: string, r: Range): void {
  const idx = new LineIndex(text);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < idx.lineCount);
    assert.ok(p.character >= 0 && p.character <= idx.ends[p.line] - idx.starts[p.line]);
  }
}

describe('features: inlay hints', () => {
  it('the example: `= 20` right after the wrong 21, the tooltip naming both relations', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model } = analyze(text);
    const hints = inlayHints(model);
    assert.equal(hints.length, 1);
    const [h] = hints;
    assert.deepEqual(h.label, { zh: '= 20', en: '= 20' });
    const idx = new LineIndex(text);
    const at = idx.offset(h.position);
    assert.equal(text.slice(at - 2, at), '21');
    assert.equal(text.slice(at, at + 2), ' |');
    const c = model.cells.find((x) => x.table === 't3' && x.row === 'new' && x.col === 'total')!;
    assert.deepEqual(h.position, c.range.end);
    assert.match(h.tooltip.zh, /改为 20 可使 2 处勾稽关系全部成立/);
    assert.match(h.tooltip.zh, /表三「一、本年新收」行：总计 21 ≠/);
    assert.match(h.tooltip.zh, /表三「总计」列：一 \+ 二/);
    assert.match(h.tooltip.en, /20 here makes all 2 relations hold/);
  });

  it('a lone broken relation: the hint goes after its target with the value that makes it hold', () => {
    for (const shape of SYNTH_SHAPES) {
      const r = renderReport({ template: '2021', shape, seed: 5, values: { t4: { review: { total: '99' } } } });
      const { model } = analyze(r.text);
      const hints = inlayHints(model);
      assert.equal(hints.length, 1, shape);
      const c = model.cells.find((x) => x.table === 't4' && x.row === 'review' && x.col === 'total')!;
      const sum = ['upheld', 'corrected', 'other', 'pending'].reduce(
        (s, k) => s + (model.cells.find((x) => x.table === 't4' && x.row === 'review' && x.col === k)!.value ?? 0),
        0,
      );
      assert.deepEqual(hints[0].position, c.range.end, shape);
      assert.equal(hints[0].label.zh, `= ${sum}`);
      assert.match(hints[0].tooltip.zh, /表四「行政复议」：总计 99 ≠/);
      assertInDocument(r.text, { start: hints[0].position, end: hints[0].position });
    }
  });

  it('clean reports and reports with unreadable relations: no hints', function () {
    for (const shape of SYNTH_SHAPES) {
      const r = renderReport({ template: '2019', shape, seed: 9 });
      assert.deepEqual(inlayHints(analyze(r.text).model), [], shape);
    }
    const s4 = seedText('004');
    if (s4) assert.deepEqual(inlayHints(analyze(s4).model), []);
  });
});

describe('features: table lenses', () => {
  it('the example: 表三：1 处不一致, 表四 all agree, 表二 tables without problems', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model, diagnostics } = analyze(text);
    const lenses = tableLenses(model, diagnostics);
    assert.equal(lenses.length, model.tables.length);
    const t3 = lenses.find((l) => l.table === 't3')!;
    assert.equal(t3.title.zh, '表三：1 处不一致');
    assert.equal(t3.title.en, '表三: 1 inconsistency');
    assert.equal(t3.problems, 1);
    const t4 = lenses.find((l) => l.table === 't4')!;
    assert.equal(t4.title.zh, '表四：勾稽关系全部一致');
    assert.equal(t4.title.en, '表四: all totals agree');
    assert.equal(t4.problems, 0);
    assert.equal(lenses.find((l) => l.table === 't2-5')!.title.zh, '第二十条第（五）项：未发现问题');
    for (const l of lenses) {
      const table = model.tables.find((t) => t.id === l.table)!;
      assert.equal(l.range.start.line, table.range.start.line);
      assert.equal(l.range.end.line, table.range.start.line);
      assertInDocument(text, l.range);
    }
  });

  it('counts only the diagnostics inside the table', () => {
    const r = renderReport({
      template: '2021',
      shape: 'markdown',
      seed: 2,
      values: { t3: { carried: { natural: '' } }, t4: { review: { total: '99' } } },
    });
    const { model, diagnostics } = analyze(r.text);
    const lenses = tableLenses(model, diagnostics);
    assert.equal(lenses.find((l) => l.table === 't4')!.title.zh, '表四：1 处不一致');
    const t3 = lenses.find((l) => l.table === 't3')!;
    assert.equal(t3.problems, 1);
    assert.equal(t3.title.zh, '表三：1 处问题');
    assert.equal(t3.title.en, '表三: 1 problem');
    // Without diagnostics (all rules off), only what the model says: relations that hold, rows not read.
    assert.equal(tableLenses(model, []).find((l) => l.table === 't4')!.problems, 0);
  });

  it('seeds: rows not read are counted (表三 of 000, 表四 of 004)', function () {
    const s0 = seedText('000');
    const s4 = seedText('004');
    if (!s0 || !s4) return this.skip();
    const a0 = analyze(s0);
    assert.match(tableLenses(a0.model, a0.diagnostics).find((l) => l.table === 't3')!.title.zh, /^表三：20 行未读出/);
    const a4 = analyze(s4);
    const t4 = tableLenses(a4.model, a4.diagnostics).find((l) => l.table === 't4')!;
    assert.match(t4.title.zh, /^表四：3 行未读出/);
    assert.match(t4.title.en, /^表四: 3 rows not read/);
    for (const l of tableLenses(a4.model, a4.diagnostics)) assertInDocument(s4, l.range);
  });
});
