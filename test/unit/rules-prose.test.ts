/**
 * The prose rules (prose-sum, prose-percent, prose-table-mismatch, reporting-period, stale-year, publish-deadline,
 * fee-statement) on the real seeds of shared/corpus/seeds (read at run time, never copied here) and on clean
 * synthetic reports, plus targeted edits of synthetic reports.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalyzeOptions, type Diagnostic } from '../../server/src/core';
import { applySafeFixes } from '../../server/src/core/edits';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import type { TemplateId } from '../../server/src/core/schema';

const SEEDS = path.resolve(__dirname, '../../../../shared/corpus/seeds');

const PROSE_RULES = [
  'prose-sum',
  'prose-percent',
  'prose-table-mismatch',
  'reporting-period',
  'stale-year',
  'publish-deadline',
  'fee-statement',
];

function seedText(prefix: string): string {
  assert.ok(fs.existsSync(SEEDS), `seeds not found at ${SEEDS}`);
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(file, `seed ${prefix} not found in ${SEEDS}`);
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

function findings(text: string, rule: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return analyze(text, options).diagnostics.filter((d) => d.rule === rule);
}

function mine(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return analyze(text, options).diagnostics.filter((d) => PROSE_RULES.includes(d.rule));
}

/** Replaces exactly one occurrence (the test fails if the text is not there). */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `text lacks ${from}`);
  return text.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `text lacks ${needle}`);
  return text.slice(0, i).split('\n').length - 1;
}

describe('prose rules on the seeds', () => {
  it('seed 004: prose-sum on line 11, on the 1823, naming 1823 and 1623', () => {
    const text = seedText('004');
    const ds = findings(text, 'prose-sum');
    assert.equal(ds.length, 1, ds.map((d) => d.message.zh).join('\n'));
    const d = ds[0];
    assert.equal(d.range.start.line, 10);
    const lines = text.split(/\r\n|\r|\n/);
    assert.equal(lines[10].slice(d.range.start.character, d.range.end.character), '1823');
    assert.match(d.message.zh, /1823/);
    assert.match(d.message.zh, /182 \+ 1131 \+ 310 = 1623/);
    assert.match(d.message.en, /1623/);
    assert.equal(d.related?.length, 3);
  });

  it('seed 003: stale-year on line 29 (2019 年截至目前 in a 2020 report)', () => {
    const text = seedText('003');
    const ds = findings(text, 'stale-year');
    assert.equal(ds.length, 1, ds.map((d) => `${d.range.start.line + 1}: ${d.message.zh}`).join('\n'));
    assert.equal(ds[0].range.start.line, 28);
    assert.match(ds[0].message.zh, /2019/);
    assert.match(ds[0].message.zh, /2020/);
  });

  it('seed 001: no prose-sum and no prose-percent (its parts add up; one share is truncated, not rounded)', () => {
    const text = seedText('001');
    assert.deepEqual(findings(text, 'prose-sum'), []);
    assert.deepEqual(findings(text, 'prose-percent'), []);
  });

  it('no publish-deadline or reporting-period on any seed (004 is dated 2021年1月19日, its period is right)', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seedText(prefix);
      assert.deepEqual(findings(text, 'publish-deadline'), [], prefix);
      assert.deepEqual(findings(text, 'reporting-period'), [], prefix);
    }
  });

  it('seed 000 and 004: prose figures that agree with the tables give no prose-table-mismatch', () => {
    assert.deepEqual(findings(seedText('000'), 'prose-table-mismatch'), []);
    assert.deepEqual(findings(seedText('004'), 'prose-table-mismatch'), []);
  });

  it('seed 000 edited: 办理行政许可 59 件 against 处理决定数量 58 is found, pointing at the cell', () => {
    const text = edit(seedText('000'), '行政许可58件', '行政许可59件');
    const ds = findings(text, 'prose-table-mismatch');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /59/);
    assert.match(ds[0].message.zh, /58/);
    assert.equal(ds[0].related?.length, 1);
  });

  it('seed 004 edited: a later signature date is late for a department, in time for a people’s government', () => {
    const text = edit(seedText('004'), '2021年1月19日', '2021年2月19日');
    const ds = findings(text, 'publish-deadline');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /2021年2月19日/);
    assert.match(ds[0].message.zh, /2021年1月31日/);
    assert.match(ds[0].message.zh, /第四十九条/);
    assert.deepEqual(findings(text, 'publish-deadline', { kind: 'government' }), []);
    assert.deepEqual(findings(text, 'publish-deadline', { deadlines: { department: '02-28' } }), []);
  });
});

describe('prose rules on clean synthetic reports', () => {
  for (const template of ['2019', '2021'] as TemplateId[]) {
    it(`${template}: no prose-rule finding in any shape, seeds 1–12, with and without label variants`, () => {
      for (const shape of SYNTH_SHAPES) {
        for (let seed = 1; seed <= 12; seed++) {
          for (const variants of [false, true]) {
            const r = renderReport({ template, shape, seed, variants, markdownHeadings: shape === 'markdown' });
            const ds = mine(r.text);
            assert.deepEqual(
              ds.map((d) => `${d.rule}@${d.range.start.line + 1}: ${d.message.zh}`),
              [],
              `${template} ${shape} seed ${seed}${variants ? ' variants' : ''}`,
            );
          }
        }
      }
    });
  }
});

describe('prose rules on edited synthetic reports', () => {
  for (const template of ['2019', '2021'] as TemplateId[]) {
    it(`${template}: each restated figure changed in the prose is found by prose-table-mismatch`, () => {
      for (const seed of [2, 5, 9]) {
        const r = renderReport({ template, shape: 'tab-rows', seed });
        const p = r.prose;
        const edits: [string, string, RegExp][] = [
          [`新收政府信息公开申请${p.applicationsNew}件`, `新收政府信息公开申请${p.applicationsNew + 3}件`, /一、本年新收/],
          [`上年结转${p.applicationsCarried}件`, `上年结转${p.applicationsCarried + 1}件`, /二、上年结转/],
          [`行政复议${p.reviews}件`, `行政复议${p.reviews + 2}件`, /行政复议/],
          [`行政诉讼${p.suits}件`, `行政诉讼${p.suits + 1}件`, /复议后起诉/],
          [`行政许可${p.licensing}件`, `行政许可${p.licensing + 4}件`, /行政许可/],
          [`行政处罚决定${p.penalty}件`, `行政处罚决定${p.penalty + 1}件`, /行政处罚/],
        ];
        for (const [from, to, name] of edits) {
          const text = edit(r.text, from, to);
          const ds = findings(text, 'prose-table-mismatch');
          assert.equal(ds.length, 1, `${template} seed ${seed}: ${to}`);
          assert.equal(ds[0].range.start.line, lineOf(text, to));
          assert.match(ds[0].message.zh, name);
          assert.ok(ds[0].related && ds[0].related.length >= 1);
        }
      }
    });
  }

  it('prose-sum: a total one more than its parts is found on the total, naming every figure', () => {
    const r = renderReport({ template: '2021', shape: 'markdown', seed: 3, markdownHeadings: true });
    const total = r.prose.publishedTotal;
    const text = edit(r.text, `共${total}条`, `共${total + 1}条`);
    const ds = findings(text, 'prose-sum');
    assert.equal(ds.length, 1);
    const parts = r.prose.publishedParts.join(' + ');
    assert.ok(ds[0].message.zh.includes(`共 ${total + 1} 条 ≠ ${parts} = ${total}`), ds[0].message.zh);
  });

  it('prose-sum: the parts stop at a figure in another unit, at 余, at a new 共, and are not summed when open (等)', () => {
    const base = renderReport({ template: '2019', shape: 'cell-lines', seed: 4 }).text;
    const para = (s: string): string => edit(base, '无其他需要报告的事项。', `无其他需要报告的事项。${s}`);
    // Stops at 2021年 (another unit): 30 + 20 = 50 ≠ 60.
    assert.equal(findings(para('全年共发布信息60条。其中：网站30条，微博20条。2021年另向查阅点提供资料10条。'), 'prose-sum').length, 1);
    // An approximate part: nothing.
    assert.equal(findings(para('全年共发布信息60条，其中网站30条，微博20余条。'), 'prose-sum').length, 0);
    // A new total after the parts: the parts are 30 + 30.
    assert.equal(findings(para('全年共发布信息60条，其中网站30条，微博30条，合计发布图片解读12条。'), 'prose-sum').length, 0);
    // An open list falling short: nothing; exceeding: found.
    assert.equal(findings(para('全年共发布信息60条，其中网站30条，微博20条等。'), 'prose-sum').length, 0);
    assert.equal(findings(para('全年共发布信息60条，其中网站40条，微博30条等。'), 'prose-sum').length, 1);
    // The first parts make up the whole: a second breakdown follows, not more parts.
    assert.equal(findings(para('全年共受理来信5件，其中网上来信4件，信函1件；已办结3件，正在办理2件。'), 'prose-sum').length, 0);
    assert.equal(findings(para('全年共受理来信5件，其中网上来信5件；已办结3件，正在办理2件。'), 'prose-sum').length, 0);
    // Fewer than two parts: nothing.
    assert.equal(findings(para('全年共发布信息60条，其中网站30条。'), 'prose-sum').length, 0);
    // The 其中 belongs to a figure that is not a total.
    assert.equal(findings(para('全年共走访企业45次，解决问题17个，其中复工复产问题6个，融资问题3个。'), 'prose-sum').length, 0);
  });

  it('prose-percent: a wrong share is fixed to the rounded value at the same precision; truncation is accepted', () => {
    const base = renderReport({ template: '2019', shape: 'tab-rows', seed: 6 }).text;
    const wrong = edit(base, '无其他需要报告的事项。', '无其他需要报告的事项。本年度共答复咨询300件，其中电话咨询100件，占33.33%；网上咨询200件，占66.76%。');
    const ds = findings(wrong, 'prose-percent');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /66\.76%/);
    assert.match(ds[0].message.zh, /66\.67%/);
    assert.equal(ds[0].fix?.safe, true);
    const fixed = applySafeFixes(wrong, (t) => analyze(t)).text;
    assert.ok(fixed.includes('网上咨询200件，占66.67%'));
    // 100/300 = 33.333… written 33.3 (one decimal); 200/300 = 66.666… written 66.66 (truncated) or 66.67 (rounded).
    const ok = edit(base, '无其他需要报告的事项。', '无其他需要报告的事项。本年度共答复咨询300件，其中电话咨询100件，占33.3%；网上咨询200件，占66.66%。');
    assert.deepEqual(findings(ok, 'prose-percent'), []);
  });

  it('prose-percent: 办结率 against 办结 ÷ 受理, not 按期办结率', () => {
    const base = renderReport({ template: '2021', shape: 'spaced', seed: 8 }).text;
    const add = (s: string): string => edit(base, '无其他需要报告的事项。', `无其他需要报告的事项。${s}`);
    const ds = findings(add('全年受理群众来信40件，办结38件，办结率90%。'), 'prose-percent');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /办结率 90%/);
    assert.match(ds[0].message.zh, /95%/);
    assert.deepEqual(findings(add('全年受理群众来信40件，办结38件，办结率95%。'), 'prose-percent'), []);
    assert.deepEqual(findings(add('全年受理群众来信40件，办结40件，按期办结率90%。'), 'prose-percent'), []);
  });

  it('reporting-period: a period of the wrong year or not the whole year is an error naming both dates', () => {
    const r = renderReport({ template: '2021', shape: 'html', seed: 2, year: 2022 });
    const wrongYear = edit(r.text, '自2022年1月1日起至2022年12月31日止', '自2021年1月1日起至2021年12月31日止');
    const ds = findings(wrongYear, 'reporting-period');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'error');
    assert.equal(ds[0].range.start.line, r.lines.period);
    assert.match(ds[0].message.zh, /2021年1月1日 至 2021年12月31日/);
    assert.match(ds[0].message.zh, /2022年1月1日 至 2022年12月31日/);
    const partial = edit(r.text, '至2022年12月31日止', '至2022年11月30日止');
    assert.equal(findings(partial, 'reporting-period').length, 1);
    const none = edit(r.text, '本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。', '');
    assert.deepEqual(findings(none, 'reporting-period'), []);
  });

  it('stale-year: present-tense phrases only, not narrative years', () => {
    const base = renderReport({ template: '2021', shape: 'markdown', seed: 5, markdownHeadings: true, year: 2022 }).text;
    const add = (s: string): string => edit(base, '无其他需要报告的事项。', `无其他需要报告的事项。${s}`);
    assert.equal(findings(add('2021年截至目前，共发布政务微博80条。'), 'stale-year').length, 1);
    assert.equal(findings(add('今年（2021年）共发布政务微博80条。'), 'stale-year').length, 1);
    assert.equal(findings(add('2021 年度，目前已完成目录更新。'), 'stale-year').length, 1);
    for (const s of ['依照2019年修订的《条例》开展工作。', '自2008年以来持续推进政务公开。', '2021年至今未发生泄密事件。', '截至2021年底累计公开信息900条。', '2022年截至目前，共发布政务微博80条。']) {
      assert.deepEqual(findings(add(s), 'stale-year'), [], s);
    }
  });

  it('publish-deadline: people’s governments by 3月31日, configurable, unknown kind held to the department deadline', () => {
    const gov = renderReport({ template: '2021', shape: 'markdown', seed: 1, agency: '示例县人民政府', date: '2023年3月20日' });
    assert.deepEqual(findings(gov.text, 'publish-deadline'), []);
    assert.equal(findings(gov.text, 'publish-deadline', { kind: 'department' }).length, 1);
    const late = renderReport({ template: '2021', shape: 'markdown', seed: 1, agency: '示例县人民政府', date: '2023年4月1日' });
    const ds = findings(late.text, 'publish-deadline');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].range.start.line, late.lines.date);
    assert.match(ds[0].message.zh, /2023年3月31日/);
    assert.equal(findings(late.text, 'publish-deadline', { deadlines: { government: '04-30' } }).length, 0);
  });

  it('fee-statement: 2021+ section 六 without a word on fees; not before 2021; not without section 六', () => {
    const r = renderReport({ template: '2021', shape: 'tab-rows', seed: 7 });
    const silentOnFees = r.text.replace(/本年度.*?未收取政府信息公开信息处理费。/, '');
    assert.notEqual(silentOnFees, r.text);
    const ds = findings(silentOnFees, 'fee-statement');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'hint');
    assert.equal(ds[0].range.start.line, r.sections.find((s) => s.id === 's6')!.line);
    const old = renderReport({ template: '2019', shape: 'tab-rows', seed: 7 });
    assert.deepEqual(findings(old.text.replace(/本年度.*?未收取政府信息公开信息处理费。/, ''), 'fee-statement'), []);
    const no6 = renderReport({ template: '2021', shape: 'tab-rows', seed: 7, omitSections: ['s6'] });
    assert.deepEqual(findings(no6.text, 'fee-statement'), []);
  });
});
