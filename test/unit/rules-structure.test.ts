/**
 * The structure rules (section-*, subheading-sequence, report-title, template-version, label-variant) on what
 * fixtures cannot say: the real findings in the five seeds (read from ../shared at run time, never copied here),
 * that every fix edits only inside the ranges it names, and the unsafe section-missing fix.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Diagnostic } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/edits';
import { LineIndex } from '../../server/src/core/text';
import { renderReport } from '../support/synth';

const SEEDS = path.resolve(__dirname, '../../../../shared/corpus/seeds');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/rules');

const STRUCTURE_RULES = [
  'section-missing',
  'section-order',
  'section-number',
  'section-title',
  'subheading-sequence',
  'report-title',
  'template-version',
  'label-variant',
];

function seedFiles(): string[] {
  if (!fs.existsSync(SEEDS)) return [];
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(SEEDS, f));
}

function seed(prefix: string): { text: string; diagnostics: readonly Diagnostic[] } {
  const file = seedFiles().find((f) => path.basename(f).startsWith(prefix));
  assert.ok(file, `seed ${prefix} not found in ${SEEDS}`);
  const text = fs.readFileSync(file, 'utf8');
  return { text, diagnostics: analyze(text).diagnostics };
}

function of(ds: readonly Diagnostic[], rule: string): Diagnostic[] {
  return ds.filter((d) => d.rule === rule);
}

/** 1-based start lines, for comparing with what one reads in an editor. */
function lines1(ds: readonly Diagnostic[]): number[] {
  return ds.map((d) => d.range.start.line + 1);
}

/** Every fixture file of the structure rules (fixed files included). */
function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const rule of STRUCTURE_RULES) {
    const dir = path.join(FIXTURES, rule);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (/\.(md|txt)$/.test(f)) out.push({ name: `${rule}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

describe('structure rules on the seeds (real reports)', function () {
  before(function () {
    if (!seedFiles().length) {
      if (process.env.CI) throw new Error(`seeds missing at ${SEEDS}`);
      this.skip();
    }
  });

  it('seed 003: the sixth section numbered 三 (line 232)', () => {
    const { diagnostics } = seed('003');
    const found = of(diagnostics, 'section-number');
    assert.deepEqual(lines1(found), [232]);
    assert.match(found[0].message.zh, /应为「六」，实为「三」/);
    assert.match(found[0].message.en, /section 六/);
    assert.equal(found[0].fix?.safe, true);
    assert.equal(found[0].fix?.edits[0].newText, '六、');
  });

  it('seed 003: section 一 skips 5., repeats （四） and skips （五）', () => {
    const { diagnostics } = seed('003');
    const found = of(diagnostics, 'subheading-sequence');
    // 4. → 6. (line 15); (四) twice (lines 16, 18); (四) → (六) (line 23)
    assert.deepEqual(lines1(found), [15, 18, 23]);
    assert.match(found[0].message.zh, /「4\.」之后是「6\.」，缺少「5\.」/);
    assert.match(found[1].message.zh, /「\(四\)」重复出现/);
    assert.match(found[2].message.zh, /「\(四\)」之后是「\(六\)」，缺少「\(五\)」/);
    for (const d of found) assert.match(d.message.zh, /第一部分/);
  });

  it('seed 001: the arabic headings 1、 2、 3、 (lines 2, 21, 97)', () => {
    const { text, diagnostics } = seed('001');
    const found = of(diagnostics, 'section-number');
    assert.deepEqual(lines1(found), [2, 21, 97]);
    const fixed = applyEdits(text, found.flatMap((d) => d.fix!.edits));
    const ls = fixed.split(/\r\n|\r|\n/);
    assert.equal(ls[1], '一、 总体情况');
    assert.match(ls[20], /^二、 主动公开政府信息情况/);
    assert.match(ls[96], /^三、 收到和处理政府信息公开申请情况/);
    assert.deepEqual(of(analyze(fixed).diagnostics, 'section-number'), []);
  });

  it('seed 001 seeds no sub-heading finding: 1) and （1） are two levels', () => {
    assert.deepEqual(of(seed('001').diagnostics, 'subheading-sequence'), []);
  });

  it('report titles: 002 lacks 工作, 001 lacks the agency; 000 (agency on the line above), 003, 004 are fine', () => {
    const t2 = of(seed('002').diagnostics, 'report-title');
    assert.equal(t2.length, 1);
    assert.match(t2[0].message.zh, /「2020年政府信息公开年度报告」缺少「政府信息公开工作年度报告」字样/);
    assert.doesNotMatch(t2[0].message.zh.split('（标准写法')[0], /机关名称|年份/);
    const t1 = of(seed('001').diagnostics, 'report-title');
    assert.equal(t1.length, 1);
    assert.match(t1[0].message.zh, /缺少机关名称（/);
    for (const p of ['000', '003', '004']) assert.deepEqual(of(seed(p).diagnostics, 'report-title'), [], p);
  });

  it('the five seeds (2020 reports in the 2019 template) have all six sections, in order, in one template', () => {
    for (const f of seedFiles()) {
      const ds = analyze(fs.readFileSync(f, 'utf8')).diagnostics;
      for (const rule of ['section-missing', 'section-order', 'template-version', 'section-title']) {
        assert.deepEqual(of(ds, rule), [], `${path.basename(f)}: ${rule}`);
      }
    }
  });

  it('seed label variants: 合计, 商业机构, 社会组织, 结果维护, 信访投诉举报类申请, 只记…不记, spaced labels', () => {
    const msgs = (p: string): string => of(seed(p).diagnostics, 'label-variant').map((d) => d.message.zh).join('\n');
    const m3 = msgs('003');
    for (const w of ['「合计」', '「结果维护」', '「信访投诉举报类申请」', '只记这一情形', '「规 章」']) assert.ok(m3.includes(w), w);
    assert.ok(msgs('002').includes('「商业机构」'));
    assert.ok(msgs('004').includes('「社会组织」'));
    // 表四's header typed with spaces (seed 004): one finding for the whole table, one edit per label.
    const t4 = of(seed('004').diagnostics, 'label-variant').filter((d) => d.message.zh.startsWith('表四'));
    assert.equal(t4.length, 1);
    assert.equal(t4[0].fix?.edits.length, 15);
    // Labels wrapped over two lines in the one-cell-per-line copies (000, 001) are how the copy looks, not a wording.
    assert.deepEqual(of(seed('000').diagnostics, 'label-variant'), []);
    assert.deepEqual(of(seed('001').diagnostics, 'label-variant'), []);
  });
});

describe('structure rules: fixes edit only inside the ranges they name', () => {
  const texts = [
    ...fixtureTexts(),
    ...seedFiles().map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') })),
  ];

  it('every fix of a structure rule leaves the text outside its edits as it was', () => {
    let checked = 0;
    for (const { name, text } of texts) {
      const index = new LineIndex(text);
      for (const d of analyze(text).diagnostics) {
        if (!STRUCTURE_RULES.includes(d.rule) || !d.fix) continue;
        // Each edit alone: what is outside its range is untouched.
        for (const e of d.fix.edits) {
          const s = index.offset(e.range.start);
          const t = index.offset(e.range.end);
          const out = applyEdits(text, [e]);
          assert.equal(out.slice(0, s), text.slice(0, s), `${name} ${d.rule}`);
          assert.equal(out.slice(s + e.newText.length), text.slice(t), `${name} ${d.rule}`);
          checked++;
        }
        // The edits lie where the finding says.
        const within = (r: Diagnostic['range'], outer: Diagnostic['range']): boolean =>
          index.offset(r.start) >= index.offset(outer.start) && index.offset(r.end) <= index.offset(outer.end);
        if (d.rule === 'section-title') {
          assert.deepEqual(d.fix.edits.map((e) => e.range), [d.range], name);
        }
        if (d.rule === 'section-number') {
          for (const e of d.fix.edits) {
            assert.equal(e.range.start.line, d.range.start.line, name);
            assert.equal(e.range.end.line, d.range.start.line, name);
            assert.match(e.newText, /^[一二三四五六]、$/);
          }
        }
        if (d.rule === 'label-variant') {
          const spans = [d.range, ...(d.related ?? []).map((r) => r.range)];
          for (const e of d.fix.edits) {
            assert.ok(spans.some((sp) => within(e.range, sp)), `${name}: label-variant edit outside its label`);
            assert.equal(e.range.start.line, e.range.end.line);
          }
        }
        if (d.rule === 'section-missing') {
          assert.equal(d.fix.safe, false, 'section-missing inserts content: not a safe fix');
          for (const e of d.fix.edits) assert.deepEqual(e.range.start, e.range.end, 'section-missing only inserts');
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} edits checked`);
  });
});

describe('section-missing: the inserted section', () => {
  function fixMissing(text: string): { text: string; inserted: string[] } {
    const inserted: string[] = [];
    let t = text;
    for (let i = 0; i < 6; i++) {
      const d = analyze(t).diagnostics.find((x) => x.rule === 'section-missing');
      if (!d) break;
      inserted.push(d.fix!.edits[0].newText);
      t = applyEdits(t, d.fix!.edits);
    }
    return { text: t, inserted };
  }

  function fixture(rule: string, name: string): string {
    return fs.readFileSync(path.join(FIXTURES, rule, name), 'utf8');
  }

  it('Markdown: inserts ## 二、 and the 2019 表二 tables before 三; the result is complete and in order', () => {
    const { text, inserted } = fixMissing(fixture('section-missing', 'no-section-2.md'));
    assert.equal(inserted.length, 1);
    assert.match(inserted[0], /^\n?## 二、主动公开政府信息情况\n\n第二十条第（一）项\n\n\| 信息内容 \| 本年新制作数量/);
    assert.ok(inserted[0].includes('第二十条第（九）项'), '2019 template: 第二十条第（九）项 included');
    assert.ok(inserted[0].endsWith('\n\n'));
    const r = analyze(text);
    assert.deepEqual(r.model.sections.map((s) => s.id), ['s1', 's2', 's3', 's4', 's5', 's6']);
    for (const rule of ['section-missing', 'section-order', 'table-missing', 'section-number', 'section-title']) {
      assert.deepEqual(of(r.diagnostics, rule), [], rule);
    }
    const t21 = r.model.tables.find((t) => t.id === 't2-1');
    assert.ok(t21 && t21.missingRows.length === 0 && t21.template === '2019');
  });

  it('TAB rows: 三 inserted before 四 with 表三; no Markdown heading marks in a plain-text report', () => {
    const { text, inserted } = fixMissing(fixture('section-missing', 'no-section-3.txt'));
    assert.equal(inserted.length, 1);
    assert.match(inserted[0], /^\n?三、收到和处理政府信息公开申请情况\n\n\| （本列数据的勾稽关系为/);
    const r = analyze(text);
    assert.deepEqual(r.model.sections.map((s) => s.id), ['s1', 's2', 's3', 's4', 's5', 's6']);
    assert.deepEqual(of(r.diagnostics, 'table-missing'), []);
    assert.equal(r.model.tables.find((t) => t.id === 't3')?.missingRows.length, 0);
  });

  it('六 goes before the signature (agency name and date), not after it', () => {
    const { text, inserted } = fixMissing(fixture('section-missing', 'no-section-6.txt'));
    assert.deepEqual(inserted.length, 1);
    assert.match(inserted[0], /^\n?六、其他需要报告的事项\n\n$/);
    const ls = text.split('\n');
    const h = ls.indexOf('六、其他需要报告的事项');
    assert.ok(h > 0);
    assert.deepEqual(ls.slice(h + 1).filter((l) => l.trim() && !l.startsWith('<!--')), ['北川区市场监督管理局', '2023年1月15日']);
  });

  it('a lost heading whose table is still there: only the heading is inserted, before the table', () => {
    const before = fixture('section-missing', 'heading-lost.txt');
    const { text, inserted } = fixMissing(before);
    assert.equal(inserted.length, 1);
    assert.match(inserted[0], /^\n?三、收到和处理政府信息公开申请情况\n\n$/);
    const r = analyze(text);
    assert.deepEqual(r.model.sections.map((s) => s.id), ['s1', 's2', 's3', 's4', 's5', 's6']);
    assert.equal(r.model.tables.filter((t) => t.id === 't3').length, 1);
    assert.ok(!r.model.unplaced.some((u) => u.reason === 'duplicate-table'));
  });

  it('two missing sections at one place are inserted in order', () => {
    const { text, inserted } = fixMissing(fixture('section-missing', 'no-sections-4-5.md'));
    assert.equal(inserted.length, 2);
    const r = analyze(text);
    assert.deepEqual(r.model.sections.map((s) => s.id), ['s1', 's2', 's3', 's4', 's5', 's6']);
    assert.deepEqual(of(r.diagnostics, 'table-missing'), []);
  });

  it('keeps the document’s CRLF line breaks, and inserts at the end of a document without a signature', () => {
    const base = renderReport({ template: '2021', shape: 'markdown', seed: 91, markdownHeadings: true, omitSections: ['s6'] }).text;
    // Drop the signature (last two lines) and use CRLF.
    const body = base.replace(/\n+[^\n]+\n[^\n]+\n?$/, '\n').replace(/\n/g, '\r\n');
    const d = analyze(body).diagnostics.find((x) => x.rule === 'section-missing');
    assert.ok(d);
    const e = d.fix!.edits[0];
    assert.ok(!/(^|[^\r])\n/.test(e.newText), 'no bare LF in the inserted text');
    assert.equal(new LineIndex(body).offset(e.range.start), body.length);
    const after = applyEdits(body, [e]);
    assert.ok(after.endsWith('\r\n\r\n## 六、其他需要报告的事项\r\n'), JSON.stringify(after.slice(-60)));
    assert.deepEqual(of(analyze(after).diagnostics, 'section-missing'), []);
  });

  it('says nothing about a text that is not a report (no section, no table)', () => {
    const ds = analyze('会议纪要\n\n今天讨论了下一步工作安排。\n').diagnostics;
    for (const rule of ['section-missing', 'report-title']) assert.deepEqual(of(ds, rule), [], rule);
  });
});

describe('structure rules: cases the fixture markers cannot express', () => {
  it('report-title: a report without a title is reported at line 0', () => {
    const base = renderReport({ template: '2019', shape: 'markdown', seed: 92, markdownHeadings: true, splitTitle: false }).text;
    const text = base.split('\n').slice(1).join('\n');
    const found = of(analyze(text).diagnostics, 'report-title');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 0);
    assert.match(found[0].message.zh, /未找到报告标题/);
  });

  it('template-version: with no year anywhere, the tables in the minority template are the odd ones out', () => {
    let text = renderReport({ template: '2021', shape: 'markdown', seed: 93, markdownHeadings: true, splitTitle: false }).text;
    text = text.replace('本年制发件数', '本年新制作数量').replace('本年废止件数', '本年新公开数量').replace('现行有效件数', '对外公开总数量');
    // No year: no title, no statistics period, no signature date.
    text = text
      .split('\n')
      .filter((l) => !/年度报告$|统计期限|^\d{4}年\d+月\d+日$/.test(l))
      .join('\n');
    const r = analyze(text);
    assert.equal(r.model.year, null);
    const found = of(r.diagnostics, 'template-version');
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /^第二十条第（一）项使用了2019年版格式.*「本年新制作数量」「本年新公开数量」「对外公开总数量」.*两版格式混用/);
    // With no year and one template throughout, nothing to say.
    const clean = renderReport({ template: '2019', shape: 'markdown', seed: 93, markdownHeadings: true, splitTitle: false })
      .text.split('\n')
      .filter((l) => !/年度报告$|统计期限|^\d{4}年\d+月\d+日$/.test(l))
      .join('\n');
    assert.deepEqual(of(analyze(clean).diagnostics, 'template-version'), []);
  });

  it('template-version: a configured template is what the tables are held to', () => {
    const text = renderReport({ template: '2019', shape: 'markdown', seed: 94, markdownHeadings: true }).text;
    const found = of(analyze(text, { template: '2021' }).diagnostics, 'template-version');
    assert.ok(found.length >= 5);
    assert.match(found[0].message.zh, /与设定的2021年版格式/);
  });

  it('section-order: the heading moved is the one reported (六 put first, not 一 … 五)', () => {
    const base = renderReport({ template: '2019', shape: 'tab-rows', seed: 95, splitTitle: false }).text;
    const ls = base.split('\n');
    const six = ls.findIndex((l) => l.startsWith('六、'));
    const one = ls.findIndex((l) => l.startsWith('一、总体情况'));
    const moved = [...ls.slice(0, one), ls[six], ...ls.slice(one, six), ...ls.slice(six + 1)];
    const found = of(analyze(moved.join('\n')).diagnostics, 'section-order');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, one);
    assert.match(found[0].message.zh, /^第六部分「其他需要报告的事项」的位置不对：各部分的顺序为 六、一、二、三、四、五/);
  });

  it('section-number: 第一部分 style and a missing numeral are rewritten to 一、 …', () => {
    const text = renderReport({
      template: '2021',
      shape: 'tab-rows',
      seed: 96,
      sectionHeadings: { s1: '第一部分 总体情况', s2: '主动公开政府信息情况' },
    }).text;
    const found = of(analyze(text).diagnostics, 'section-number');
    assert.equal(found.length, 2);
    const fixed = applyEdits(text, found.flatMap((d) => d.fix!.edits));
    assert.ok(fixed.includes('\n一、总体情况\n'));
    assert.ok(fixed.includes('\n二、主动公开政府信息情况\n'));
  });

  it('subheading-sequence: a list that starts over at 1 after an enclosing sub-heading is fine; 1. twice is not', () => {
    const base = renderReport({ template: '2019', shape: 'tab-rows', seed: 97, splitTitle: false }).text;
    const ls = base.split('\n');
    const at = ls.findIndex((l) => /（二）依申请公开/.test(l));
    ls.splice(at + 1, 0, '　　1.规范受理。', '　　1.规范答复。');
    const found = of(analyze(ls.join('\n')).diagnostics, 'subheading-sequence');
    assert.deepEqual(found.map((d) => d.range.start.line), [at + 2]);
    assert.match(found[0].message.zh, /「1\.」重复出现/);
  });
});
