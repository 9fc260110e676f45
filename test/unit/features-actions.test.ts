/**
 * Code actions and fix-all (core/features/actions.ts): the diagnostics' fixes, "fill every blank cell of this
 * table with 0", suppression comments, fix-all as minimal edits. Inputs: the bundled example, seeds 001 and 004
 * (read from ../shared at run time), synthetic reports, short texts written here.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze, type Diagnostic } from '../../server/src/core';
import { applyEdits, applySafeFixes } from '../../server/src/core/edits';
import { codeActions, diffEdits, fixAll, type Action } from '../../server/src/core/features';
import type { Position, Range } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import { EXAMPLE, seedFiles, seedText } from '../support/seeds';


function at(p: Position): Range {
  return { start: p, end: p };
}

function assertInDocument(text: string, r: Range): void {
  const idx = new LineIndex(text);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < idx.lineCount, `line ${p.line}`);
    assert.ok(p.character >= 0 && p.character <= idx.ends[p.line] - idx.starts[p.line], `character ${p.character} on ${p.line}`);
  }
}

function slice(text: string, r: Range): string {
  const idx = new LineIndex(text);
  return text.slice(idx.offset(r.start), idx.offset(r.end));
}

const analyzeFn = (t: string): ReturnType<typeof analyze> => analyze(t);

function disableActions(actions: readonly Action[]): Action[] {
  return actions.filter((a) => a.title.en.startsWith('Disable '));
}

describe('features: code actions', () => {
  it('on the example’s wrong 21: its fix (preferred) and a disable comment', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model, diagnostics } = analyze(text);
    const c = model.cells.find((x) => x.table === 't3' && x.row === 'new' && x.col === 'total')!;
    const actions = codeActions(text, model, diagnostics, at(c.range.start));
    const fix = actions.find((a) => a.preferred);
    assert.ok(fix);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics!.map((d) => d.rule), ['t3-row-total']);
    assert.equal(fix.edits.length, 1);
    assert.equal(slice(text, fix.edits[0].range), '21');
    assert.equal(fix.edits[0].newText, '20');
    assert.equal(actions.filter((a) => a.preferred).length, 1);
    // No fix-all without an analysis function; none asked for.
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll'));
    for (const a of actions) for (const e of a.edits) assertInDocument(text, e.range);
  });

  it('the disable comment inserts exactly one line, indented like the line, and silences the finding', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model, diagnostics } = analyze(text);
    const d = diagnostics.find((x) => x.rule === 't3-row-total')!;
    const [dis] = disableActions(codeActions(text, model, diagnostics, d.range));
    assert.ok(dis);
    assert.equal(dis.title.zh, '在此行停用规则 t3-row-total（插入注释）');
    assert.equal(dis.edits.length, 1);
    const e = dis.edits[0];
    assert.deepEqual(e.range, at({ line: d.range.start.line, character: 0 }));
    assert.equal(e.newText, '<!-- nianbao-disable-next-line t3-row-total: 理由 -->\n');
    const after = applyEdits(text, dis.edits);
    assert.equal(after.split('\n').length, text.split('\n').length + 1);
    const again = analyze(after);
    assert.ok(!again.diagnostics.some((x) => x.rule === 't3-row-total'));
    assert.deepEqual(again.suppressed.map((s) => [s.diagnostic.rule, s.reason]), [['t3-row-total', '理由']]);
    // The table reads the same with the comment line inside it.
    assert.equal(again.model.cells.length, model.cells.length);
  });

  it('in a TAB-separated table (seed 004) the comment keeps the row’s leading TAB and the table still reads', function () {
    const text = seedText('004');
    if (!text) return this.skip();
    const { model, diagnostics } = analyze(text);
    const idx = new LineIndex(text);
    const d = diagnostics.find((x) => x.rule === 'cell-blank' && idx.lineText(x.range.start.line).startsWith('\t'));
    assert.ok(d, 'a cell-blank finding on a line starting with a TAB');
    const [dis] = disableActions(codeActions(text, model, diagnostics, d.range));
    assert.ok(dis.edits[0].newText.startsWith('\t<!-- nianbao-disable-next-line cell-blank: 理由 -->'));
    const after = applyEdits(text, dis.edits);
    const again = analyze(after);
    assert.equal(again.model.cells.length, model.cells.length);
    assert.equal(again.suppressed.length, 1);
    assert.equal(again.diagnostics.length, diagnostics.length - 1);
  });

  it('CRLF documents get a CRLF comment line', () => {
    const r = renderReport({ template: '2021', shape: 'markdown', seed: 4, eol: '\r\n', values: { t4: { review: { total: '99' } } } });
    const { model, diagnostics } = analyze(r.text);
    const d = diagnostics.find((x) => x.rule === 't4-total')!;
    const [dis] = disableActions(codeActions(r.text, model, diagnostics, d.range));
    assert.ok(dis.edits[0].newText.endsWith(' -->\r\n'));
    assert.ok(!analyze(applyEdits(r.text, dis.edits)).diagnostics.some((x) => x.rule === 't4-total'));
  });

  it('on a blank cell: fill every blank cell of the table with 0; applying it leaves no blank cell there', () => {
    // A PDF copy (spaced) has no delimiters: a row with blanks cannot be read at all, so it has no blank cells.
    for (const shape of SYNTH_SHAPES.filter((x) => x !== 'spaced')) {
      const r = renderReport({
        template: '2021',
        shape,
        seed: 6,
        values: { t3: { new: { natural: '', research: '' }, 'deny-2': { legal: '' } } },
      });
      const { model, diagnostics } = analyze(r.text);
      const blank = model.cells.find((x) => x.table === 't3' && x.row === 'deny-2' && x.col === 'legal')!;
      assert.equal(blank.kind, 'blank', shape);
      const actions = codeActions(r.text, model, diagnostics, at(blank.range.start));
      const fill = actions.find((a) => a.title.en.startsWith('Fill all'));
      assert.ok(fill, shape);
      assert.equal(fill.title.zh, '将表三的 3 个空单元格全部填为 0');
      assert.equal(fill.edits.length, 3);
      const after = analyze(applyEdits(r.text, fill.edits));
      assert.ok(!after.model.cells.some((x) => x.table === 't3' && x.kind === 'blank'), shape);
      // The row's own fix is still there, but no longer the preferred one: the table fill also resolves it.
      const own = actions.find((a) => a.diagnostics?.some((d) => d.rule === 'cell-blank') && a !== fill && !a.title.en.startsWith('Disable'));
      assert.ok(own, shape);
      assert.ok(!own.preferred);
    }
  });

  it('no table fill when it would do exactly what the finding’s own fix does', () => {
    const r = renderReport({ template: '2021', shape: 'markdown', seed: 6, values: { t3: { new: { natural: '' } } } });
    const { model, diagnostics } = analyze(r.text);
    const blank = model.cells.find((x) => x.table === 't3' && x.kind === 'blank')!;
    const actions = codeActions(r.text, model, diagnostics, at(blank.range.start));
    assert.ok(!actions.some((a) => a.title.en.startsWith('Fill all')));
    const own = actions.find((a) => a.diagnostics?.[0]?.rule === 'cell-blank' && !a.title.en.startsWith('Disable'))!;
    assert.ok(own.preferred);
  });

  it('nothing outside any finding or blank cell', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model, diagnostics } = analyze(text);
    assert.deepEqual(codeActions(text, model, diagnostics, at({ line: 2, character: 3 })), []);
  });

  it('`only` filters by kind; with an analysis function a fix-all action is offered', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { model, diagnostics } = analyze(text);
    const d = diagnostics[0];
    const all = codeActions(text, model, diagnostics, d.range, { analyze: analyzeFn });
    const fa = all.find((a) => a.kind === 'source.fixAll');
    assert.ok(fa);
    assert.deepEqual(fa.edits.map((e) => [slice(text, e.range), e.newText]), [['21', '20']]);
    const source = codeActions(text, model, diagnostics, d.range, { analyze: analyzeFn, only: ['source'] });
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll']);
    const quick = codeActions(text, model, diagnostics, d.range, { analyze: analyzeFn, only: ['quickfix'] });
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    assert.equal(disableActions(codeActions(text, model, diagnostics, d.range, { disableComments: false })).length, 0);
  });

  it('every edit of every action on every finding of the seeds lies inside the document', function () {
    if (!seedFiles().length) return this.skip();
    for (const f of seedFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const { model, diagnostics } = analyze(text);
      for (const d of diagnostics) {
        const actions = codeActions(text, model, diagnostics, d.range);
        assert.ok(disableActions(actions).length >= 1, `${f}: ${d.rule}`);
        for (const a of actions) {
          for (const e of a.edits) assertInDocument(text, e.range);
          for (const x of a.diagnostics ?? []) assert.ok(diagnostics.includes(x as Diagnostic));
        }
      }
    }
  });
});

describe('features: fix all', () => {
  it('the example: exactly one edit, 21 → 20', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const edits = fixAll(text, analyzeFn);
    assert.equal(edits.length, 1);
    assert.equal(slice(text, edits[0].range), '21');
    assert.equal(edits[0].newText, '20');
    // The table is consistent again (the prose still says 21: prose-table-mismatch has no fix).
    const after = analyze(applyEdits(text, edits));
    assert.deepEqual(after.diagnostics.map((d) => d.rule), ['prose-table-mismatch']);
  });

  it('nothing to fix: no edits', () => {
    const r = renderReport({ template: '2019', shape: 'tab-rows', seed: 3 });
    assert.deepEqual(fixAll(r.text, analyzeFn), []);
  });

  it('seeds: the edits give what --fix gives, and leave every unchanged line alone', function () {
    if (!seedFiles().length) return this.skip();
    for (const f of seedFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const expected = applySafeFixes(text, analyzeFn).text;
      const edits = fixAll(text, analyzeFn);
      assert.equal(applyEdits(text, edits), expected, f);
      const before = text.split('\n');
      const after = expected.split('\n');
      if (before.length === after.length) {
        // Same lines: an edit never spans a line that did not change.
        for (const e of edits) {
          for (let l = e.range.start.line; l <= e.range.end.line; l++) assert.notEqual(before[l], after[l], `${f}: line ${l} untouched`);
        }
      }
      for (const e of edits) assertInDocument(text, e.range);
    }
  });

  it('synthetic reports with blanks and a wrong total, in every shape and with CRLF', () => {
    for (const shape of SYNTH_SHAPES) {
      for (const eol of ['\n', '\r\n'] as const) {
        const r = renderReport({
          template: '2021',
          shape,
          seed: 8,
          eol,
          values: { t3: { 'deny-1': { natural: '' } }, t4: { 'suit-direct': { total: '7' } } },
        });
        const expected = applySafeFixes(r.text, analyzeFn).text;
        const edits = fixAll(r.text, analyzeFn);
        assert.equal(applyEdits(r.text, edits), expected, `${shape} ${JSON.stringify(eol)}`);
        assert.ok(edits.length >= 1);
        for (const e of edits) assertInDocument(r.text, e.range);
      }
    }
  });
});

describe('features: diffEdits', () => {
  it('one edit per changed line, trimmed to whole numbers', () => {
    const before = 'a\n| 1 | 21 |\nb\n| 3 | 4 |\nc\n';
    const after = 'a\n| 1 | 20 |\nb\n| 3 | 40 |\nc\n';
    const edits = diffEdits(before, after);
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, slice(before, e.range), e.newText]),
      [
        [1, '21', '20'],
        [3, '4', '40'],
      ],
    );
    assert.equal(applyEdits(before, edits), after);
  });

  it('inserted and removed lines, CRLF, text without a final line break, surrogate pairs', () => {
    const cases: [string, string][] = [
      ['a\nb\nc', 'a\nX\nY\nb\nc'],
      ['a\r\nb\r\nc\r\n', 'a\r\nc\r\n'],
      ['一、总体情况\n', '一、总体情况\n二、主动公开政府信息情况\n'],
      ['𠀀𠀁x\n', '𠀀𠀂x\n'],
      ['', 'new\n'],
      ['old\n', ''],
      ['same', 'same'],
    ];
    for (const [before, after] of cases) {
      const edits = diffEdits(before, after);
      assert.equal(applyEdits(before, edits), after, JSON.stringify([before, after]));
      for (const e of edits) {
        const s = new LineIndex(before);
        const a = s.offset(e.range.start);
        const b = s.offset(e.range.end);
        // Never a lone surrogate at either end of the replaced text.
        assert.ok(!/^[\udc00-\udfff]/.test(before.slice(a, b + 1)) || a === b);
        assert.ok(!/[\ud800-\udbff]$/.test(before.slice(a, b)));
      }
    }
    assert.deepEqual(diffEdits('same', 'same'), []);
    const ins = diffEdits('a\nb\nc', 'a\nX\nY\nb\nc');
    assert.equal(ins.length, 1);
    assert.deepEqual(ins[0].range, at({ line: 1, character: 0 }));
    assert.equal(ins[0].newText, 'X\nY\n');
  });

  it('a line removed here and another added there: two edits, the lines between untouched', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `第${i}行`);
    const before = lines.join('\n') + '\n';
    const after = [...lines.slice(0, 3), ...lines.slice(4, 9), '新增', ...lines.slice(9)].join('\n') + '\n';
    const edits = diffEdits(before, after);
    assert.equal(edits.length, 2);
    assert.deepEqual(edits.map((e) => e.range.start.line), [3, 9]);
    assert.equal(applyEdits(before, edits), after);
    // Repeated lines (blank cells of a one-cell-per-line table) are changed in place, not shuffled.
    const rep = ['表', '\t ', '\t ', '\t0', '', '表二', '\t ', '\t0', ''].join('\n');
    const fixed = rep.replace(/\t /g, '\t0');
    const e2 = diffEdits(rep, fixed);
    assert.deepEqual(e2.map((e) => [e.range.start.line, slice(rep, e.range), e.newText]), [
      [1, ' ', '0'],
      [2, ' ', '0'],
      [6, ' ', '0'],
    ]);
  });

  it('stays linear-ish on a long document with scattered changes', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `| 行 ${i} | ${i % 7} |`);
    const before = lines.join('\n');
    const changed = lines.map((l, i) => (i % 500 === 0 ? l.replace(/\| (\d) \|$/, '| 9$1 |') : l));
    const after = changed.join('\n');
    const t0 = Date.now();
    const edits = diffEdits(before, after);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(edits.length, 40);
    assert.equal(applyEdits(before, edits), after);
  });
});
