/**
 * The parser on the five real 2020 reports of shared/corpus/seeds (read from ../shared, never copied here).
 * Every figure asserted below was read off the seed by eye.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport, type ReportModel } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text';
import type { Cell } from '../../server/src/core/model';
import { SEEDS_DIR, seedFiles } from '../support/seeds';

export { SEEDS_DIR, seedFiles };

function seed(prefix: string): { text: string; model: ReportModel } {
  const file = seedFiles().find((f) => path.basename(f).startsWith(prefix));
  assert.ok(file, `seed ${prefix} not found in ${SEEDS_DIR}`);
  const text = fs.readFileSync(file, 'utf8');
  return { text, model: parseReport(text) };
}

function cell(model: ReportModel, table: string, row: string, col: string): Cell {
  const c = model.cells.find((x) => x.table === table && x.row === row && x.col === col);
  assert.ok(c, `no cell ${table}/${row}/${col}`);
  return c;
}

function sliceAt(text: string, c: { range: Cell['range'] }): string {
  const idx = new LineIndex(text);
  return text.slice(idx.offset(c.range.start), idx.offset(c.range.end));
}

describe('seeds (real reports)', function () {
  before(function () {
    if (!seedFiles().length) {
      // CI always has ../shared; a developer checkout without it skips rather than fails.
      if (process.env.CI) throw new Error(`seeds missing at ${SEEDS_DIR}`);
      this.skip();
    }
  });

  it('all five are 2019-template reports for 2020, by departments, with six sections', () => {
    const files = seedFiles();
    assert.equal(files.length, 5);
    for (const f of files) {
      const model = parseReport(fs.readFileSync(f, 'utf8'));
      assert.equal(model.template, '2019', path.basename(f));
      assert.equal(model.year?.value, 2020, path.basename(f));
      assert.equal(model.kind, 'department', path.basename(f));
      assert.deepEqual(
        model.sections.map((s) => s.id),
        ['s1', 's2', 's3', 's4', 's5', 's6'],
        path.basename(f),
      );
    }
  });

  it("every cell's raw text is the source text at its range, and its value is read from it", () => {
    for (const f of seedFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const model = parseReport(text);
      assert.ok(model.cells.length > 20, path.basename(f));
      for (const c of model.cells) {
        assert.equal(sliceAt(text, c), c.raw, `${path.basename(f)} ${c.table}/${c.row}/${c.col}`);
        assert.equal(c.range.start.line, c.range.end.line, 'a value cell stays on one line');
        if (c.kind === 'number') assert.equal(typeof c.value, 'number');
        else assert.equal(c.value, null);
      }
    }
  });

  it('004: TAB rows, signed changes, 表三 with only 总计 filled, empty 表四', () => {
    const { text, model } = seed('004');
    const lic = cell(model, 't2-5', 'licensing', 'decisions');
    assert.equal(lic.value, 271);
    assert.equal(lic.range.start.line, 62);
    const change = cell(model, 't2-5', 'licensing', 'change');
    assert.equal(change.value, -7);
    assert.equal(change.raw, '-7');
    assert.equal(change.signed, true);
    const plus = cell(model, 't2-5', 'other-services', 'change');
    assert.equal(plus.value, 505);
    assert.equal(plus.raw, '+505');
    assert.equal(cell(model, 't2-6', 'penalty', 'change').value, -198);
    assert.equal(cell(model, 't2-6', 'enforcement', 'decisions').value, 26);
    // 表三: every row has 总计 0 and six blank applicant cells.
    const t3 = model.tables.find((t) => t.id === 't3');
    assert.ok(t3);
    assert.equal(t3.rows.length, 23);
    assert.deepEqual(t3.missingRows, []);
    for (const r of t3.rows) {
      const total = r.cells.find((c) => c.col === 'total');
      assert.equal(total?.value, 0, r.key);
      assert.equal(r.cells.filter((c) => c.kind === 'blank').length, 6, r.key);
    }
    // The scrambled group label `（三） 1.属于国家秘密` / `不予公开` still finds deny-1 and deny-2.
    assert.equal(cell(model, 't3', 'deny-1', 'total').range.start.line, 86);
    assert.equal(cell(model, 't3', 'deny-2', 'total').range.start.line, 88);
    // 表四: the header is there, no number is.
    const t4 = model.tables.find((t) => t.id === 't4');
    assert.ok(t4);
    assert.equal(t4.rows.length, 0);
    assert.ok(model.unplaced.some((u) => u.table === 't4' && u.reason === 'empty-table'));
    // 表四's spaced-out headers are read: 结 果 维 持.
    assert.ok(t4.headers.some((h) => h.col === 'upheld' && h.label.raw === '结 果 维 持'));
    // Prose: 共 1823 条 … 182 条 … 1131 条 … 310 条 on line 11.
    const line11 = model.numbers.filter((n) => n.range.start.line === 10).map((n) => `${n.value}${n.unit}`);
    for (const want of ['1823条', '182条', '1131条', '310条']) assert.ok(line11.includes(want), want);
    // Statistics period and signature.
    assert.equal(model.statisticsPeriod?.from.month, 1);
    assert.equal(model.statisticsPeriod?.to.day, 31);
    assert.deepEqual(
      model.signatureDate && [model.signatureDate.year, model.signatureDate.month, model.signatureDate.day],
      [2021, 1, 19],
    );
    assert.equal(model.agency?.name, '贺兰县交通运输局');
    assert.equal(sliceAt(text, change), '-7');
  });

  it('001: one cell per line, arabic section numbers, full-width space, blank NBSP cells', () => {
    const { text, model } = seed('001');
    const items = cell(model, 't2-9', 'procurement', 'items');
    assert.equal(items.value, 36);
    assert.equal(items.raw, '36');
    assert.equal(items.range.start.line, 91);
    assert.equal(items.range.start.character, 2, 'after the TAB and the full-width space');
    assert.equal(cell(model, 't2-9', 'procurement', 'amount').value, 360688);
    assert.equal(cell(model, 't2-5', 'licensing', 'change').raw, '+3');
    const s2 = model.sections.find((s) => s.id === 's2');
    assert.equal(s2?.heading.range.start.line, 20);
    assert.equal(s2?.heading.style, 'arabic');
    assert.equal(s2?.heading.number, 2);
    // `1) 主动公开政府信息情况` on line 4 is a sub-heading of 一, not section 二.
    assert.ok(model.subheadings.some((h) => h.heading.range.start.line === 3 && h.section === 's1'));
    // 表三: 总计 filled, the six applicant cells hold a no-break space: blank, kept distinct in raw.
    const natural = cell(model, 't3', 'new', 'natural');
    assert.equal(natural.kind, 'blank');
    assert.equal(natural.value, null);
    assert.equal(natural.raw, '\u00a0');
    assert.equal(cell(model, 't3', 'carry-out', 'total').value, 0);
    assert.equal(model.tables.find((t) => t.id === 't3')?.rows.length, 23);
    // 表四: 15 cells, 总计 0 and the rest empty.
    assert.equal(cell(model, 't4', 'suit-after-review', 'total').value, 0);
    assert.equal(cell(model, 't4', 'review', 'upheld').kind, 'blank');
    assert.equal(model.agency?.name, '定海区交通运输局');
    assert.equal(model.agency?.source, 'signature');
    assert.equal(model.signatureDate?.year, 2021);
    // 共357条 … 41条 … 11.48% are read from the prose.
    assert.ok(model.numbers.some((n) => n.value === 357 && n.unit === '条'));
    assert.ok(model.numbers.some((n) => n.value === 11.48 && n.unit === '%'));
    // A wrapped header label (本年新 / 制作数量) is one label across two lines.
    const made = model.tables.find((t) => t.id === 't2-1')?.headers.find((h) => h.col === 'made');
    assert.ok(made);
    assert.equal(made.label.range.start.line, 24);
    assert.equal(made.label.range.end.line, 25);
    assert.equal(sliceAt(text, made.label), made.label.raw);
  });

  it('000: 表三 lost its result rows: partial table, stray numbers, nothing invented', () => {
    const { model } = seed('000');
    const t3 = model.tables.find((t) => t.id === 't3');
    assert.ok(t3);
    assert.deepEqual(
      t3.rows.map((r) => r.key),
      ['new', 'carried', 'carry-out'],
    );
    assert.ok(t3.missingRows.includes('open'));
    assert.ok(t3.missingRows.includes('total'));
    assert.ok(!model.cells.some((c) => c.table === 't3' && c.row === 'total'), 'no 总计 invented');
    const stray = model.unplaced.find((u) => u.table === 't3' && u.reason === 'stray-values');
    assert.ok(stray);
    assert.equal(stray.range.start.line, 121);
    assert.equal(cell(model, 't2-5', 'licensing', 'decisions').value, 58);
    assert.equal(cell(model, 't2-6', 'penalty', 'prev-items').value, 100);
    assert.equal(model.tables.find((t) => t.id === 't4')?.rows.length, 3);
    assert.ok(model.cells.filter((c) => c.table === 't4').every((c) => c.value === 0));
    // Section 六 is indented with full-width spaces.
    assert.equal(model.sections.find((s) => s.id === 's6')?.heading.range.start.line, 182);
    assert.equal(model.agency?.name, '绥滨县交通运输局');
  });

  it('002: scrambled 表三 rows are read where they can be and reported where they cannot', () => {
    const { model } = seed('002');
    // `(四) 主动公开政府信息情况。` (line 25) is inside 一; section 二 is line 37.
    assert.equal(model.sections.find((s) => s.id === 's2')?.heading.range.start.line, 36);
    assert.equal(cell(model, 't2-1', 'normative', 'made').value, 15);
    // Rows with six numbers for seven columns are ambiguous: reported, not guessed.
    const amb = model.unplaced.filter((u) => u.table === 't3' && u.reason === 'ambiguous-values');
    assert.deepEqual(
      amb.map((u) => u.row),
      ['open', 'partial', 'deny-1', 'deny-2', 'deny-3', 'deny-4', 'deny-5'],
    );
    assert.ok(amb.every((u) => u.found === 6 && u.expected === 7));
    assert.ok(!model.cells.some((c) => c.table === 't3' && c.row === 'open'));
    // deny-6 sits after a misplaced `(四) 无法提供` label yet is still deny-6, with seven zeros.
    const deny6 = model.cells.filter((c) => c.table === 't3' && c.row === 'deny-6');
    assert.equal(deny6.length, 7);
    assert.ok(deny6.every((c) => c.value === 0));
    assert.equal(cell(model, 't3', 'ignore-1', 'total').value, 0);
    // 商业机构 is a known variant of 商业企业.
    const business = model.tables.find((t) => t.id === 't3')?.headers.find((h) => h.col === 'business');
    assert.equal(business?.label.variant, true);
    assert.equal(business?.label.canonical, '商业企业');
    assert.ok(model.unplaced.some((u) => u.table === 't4' && u.reason === 'empty-table'));
  });

  it('003: web fragments, 三、 as the last section, 元 in a cell, label variants', () => {
    const { model } = seed('003');
    const s6 = model.sections.find((s) => s.id === 's6');
    assert.equal(s6?.heading.numeral, '三');
    assert.equal(s6?.heading.range.start.line, 231);
    assert.equal(cell(model, 't2-5', 'licensing', 'prev-items').value, 1448);
    assert.equal(cell(model, 't2-6', 'enforcement', 'change').value, 6);
    assert.equal(cell(model, 't2-1', 'rules', 'made').value, 0, '规 章 with a space is 规章');
    // The 元 typed past the last column of 第二十条第（八）项 is kept, with its position, as unplaced.
    const yuan = model.unplaced.find((u) => u.table === 't2-8');
    assert.equal(yuan?.text, '元');
    assert.equal(yuan?.range.start.line, 104);
    // 只记…不记 and 信访投诉举报类申请 are variants; so is 结果维护 in 表四's header.
    const t3 = model.tables.find((t) => t.id === 't3');
    assert.equal(t3?.rows.find((r) => r.key === 'partial')?.label?.variant, true);
    assert.equal(t3?.rows.find((r) => r.key === 'ignore-1')?.label?.variant, true);
    assert.equal(t3?.rows.length, 23);
    const t4 = model.tables.find((t) => t.id === 't4');
    assert.ok(t4?.headers.some((h) => h.col === 'upheld' && h.label.variant && h.label.raw === '结果维护'));
    assert.equal(cell(model, 't4', 'review', 'upheld').value, 0);
    // The stale year in `2019 年截至目前` is among the prose numbers.
    assert.ok(model.numbers.some((n) => n.value === 2019 && n.unit === '年' && n.range.start.line === 28));
    assert.equal(model.title?.text, '庐山市交通运输局2020年政府信息公开工作年度报告');
  });
});
