/**
 * Hovers (core/features/hover.ts) and the article crosswalk (core/features/articles.ts): article references in
 * captions and prose, table cells with their relations, row labels, headers, group labels, section headings.
 * Inputs: the bundled example, seed 004 (read from ../shared at run time), synthetic reports, and short texts
 * written here.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseReport, type ReportModel } from '../../server/src/core';
import { articleAt, COL_NOTES, colNote, hover, quoteArticle, regulationArticle, ROW_NOTES, GROUP_NOTES, SECTION_NOTES, TABLE_NOTES } from '../../server/src/core/features';
import type { Cell, Position, Range } from '../../server/src/core/model';
import { colsOf, rowsOf, tableDef, TABLES, TEMPLATES } from '../../server/src/core/schema';
import { LineIndex } from '../../server/src/core/text';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import { EXAMPLE, seedText } from '../support/seeds';


/** The position of the n-th occurrence of `needle`, `offset` characters in. */
function find(text: string, needle: string, n = 0, offset = 1): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} #${n} not found`);
  }
  return new LineIndex(text).position(at + offset);
}

function slice(text: string, r: Range): string {
  const idx = new LineIndex(text);
  return text.slice(idx.offset(r.start), idx.offset(r.end));
}

function cell(model: ReportModel, table: string, row: string, col: string): Cell {
  const c = model.cells.find((x) => x.table === table && x.row === row && x.col === col);
  assert.ok(c, `${table}/${row}/${col}`);
  return c;
}

const example = (): { text: string; model: ReportModel } => {
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  return { text, model: parseReport(text) };
};

describe('features: hover on 第二十条 items', () => {
  it('seed 004: the caption 第二十条第（五）项 quotes item (五) and the 2019 table’s three columns', function () {
    const text = seedText('004');
    if (!text) return this.skip();
    const model = parseReport(text);
    const pos = find(text, '第二十条第（五）项', 0, 5);
    const h = hover(text, model, pos);
    assert.ok(h);
    assert.equal(slice(text, h.range), '第二十条第（五）项');
    assert.match(h.markdown.zh, /办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/);
    assert.match(h.markdown.zh, /行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息/);
    assert.match(h.markdown.zh, /三列：上一年项目数量、本年增\/减、处理决定数量/);
    // The other template is named too, and the article's chapter and the regulation's title are in the foot.
    assert.match(h.markdown.zh, /2021 格式.*本年处理决定数量/);
    assert.match(h.markdown.zh, /第三章 主动公开/);
    assert.match(h.markdown.zh, /《中华人民共和国政府信息公开条例》/);
    // Other items are elided, not quoted.
    assert.ok(!h.markdown.zh.includes('财政预算、决算信息'));
    assert.match(h.markdown.en, /Article 20\(5\)/);
    assert.match(h.markdown.en, /3 columns: 上一年项目数量, 本年增\/减, 处理决定数量/);
  });

  it('the example (2021): one column, 本年处理决定数量; a configured template wins', () => {
    const { text, model } = example();
    const pos = find(text, '第二十条第（五）项', 0, 2);
    const h = hover(text, model, pos)!;
    assert.match(h.markdown.zh, /年报表格\*\* · 2021 格式.*一列：本年处理决定数量/);
    const h19 = hover(text, model, pos, { template: '2019' })!;
    assert.match(h19.markdown.zh, /年报表格\*\* · 2019 格式.*三列/);
  });

  it('第二十条第N项 and 第二十条第(N)项 in prose; an item the 2021 tables lack', () => {
    const text = '本机关依照第二十条第五项公开许可信息，依照第二十条第(九)项公开采购信息。\n';
    const model = parseReport(text);
    const a = hover(text, model, find(text, '第二十条第五项', 0, 3))!;
    assert.equal(slice(text, a.range), '第二十条第五项');
    assert.match(a.markdown.zh, /（五）办理行政许可/);
    const b = hover(text, model, find(text, '第二十条第(九)项', 0, 7), { template: '2021' })!;
    assert.equal(slice(text, b.range), '第二十条第(九)项');
    assert.match(b.markdown.zh, /政府集中采购项目的目录、标准及实施情况/);
    assert.match(b.markdown.zh, /2021 格式（国办公开办函〔2021〕30号）中没有此表/);
    assert.match(b.markdown.zh, /2019 格式.*采购项目数量、采购总金额/);
  });
});

describe('features: hover on other articles', () => {
  const text = [
    '根据《条例》第十六条第二款和第三十六条（一）（二），以及第十四条。',
    '依照《中华人民共和国行政许可法》第三十条办理。第九十九条不存在。第五十条。',
    '',
  ].join('\n');
  const model = parseReport(text);

  it('第X条 quotes the whole article, its chapter and the regulation title', () => {
    const h = hover(text, model, find(text, '第十四条', 0, 1))!;
    assert.equal(slice(text, h.range), '第十四条');
    assert.match(h.markdown.zh, /依法确定为国家秘密的政府信息/);
    assert.match(h.markdown.zh, /\*第二章 公开的主体和范围\*/);
    assert.match(h.markdown.zh, /国务院令第711号/);
    assert.match(h.markdown.en, /Article 14/);
  });

  it('第X条第Y款 quotes that paragraph only', () => {
    const h = hover(text, model, find(text, '第十六条第二款', 0, 6))!;
    assert.equal(slice(text, h.range), '第十六条第二款');
    assert.match(h.markdown.zh, /过程性信息/);
    assert.ok(!h.markdown.zh.includes('人事管理'));
  });

  it('第X条（Y）（Z） quotes the introducing paragraph and those items', () => {
    const h = hover(text, model, find(text, '第三十六条', 0, 2))!;
    assert.equal(slice(text, h.range), '第三十六条（一）（二）');
    assert.match(h.markdown.zh, /对政府信息公开申请，行政机关根据下列情况分别作出答复/);
    assert.match(h.markdown.zh, /（一）所申请公开信息已经主动公开的/);
    assert.match(h.markdown.zh, /（二）所申请公开信息可以公开的/);
    assert.ok(!h.markdown.zh.includes('（三）行政机关依据本条例'));
  });

  it('an article with items lists them after the paragraph that introduces them', () => {
    const h = hover(text, model, find(text, '第五十条', 0, 1))!;
    const z = h.markdown.zh;
    assert.ok(z.indexOf('应当包括下列内容') < z.indexOf('（一）行政机关主动公开'));
    assert.ok(z.indexOf('（五）其他需要报告的事项') < z.indexOf('全国政府信息公开工作主管部门应当公布'));
  });

  it('another law’s article and an article the regulation lacks: nothing', () => {
    assert.equal(hover(text, model, find(text, '第三十条', 0, 1)), null);
    assert.equal(hover(text, model, find(text, '第九十九条', 0, 1)), null);
    assert.equal(articleAt(text, find(text, '第三十条', 0, 1)), null);
  });

  it('plain prose, a blank line, a position past the end: nothing', () => {
    assert.equal(hover(text, model, find(text, '根据', 0, 1)), null);
    assert.equal(hover(text, model, { line: 2, character: 0 }), null);
    assert.equal(hover(text, model, { line: 99, character: 3 }), null);
  });
});

describe('features: hover on table cells', () => {
  it('the example’s wrong 21: its identity, its text, both broken relations with their figures, the fix', () => {
    const { text, model } = example();
    const c = cell(model, 't3', 'new', 'total');
    const h = hover(text, model, c.range.start)!;
    assert.deepEqual(h.range, c.range);
    const z = h.markdown.zh;
    assert.match(z, /\*\*表三 · 一、本年新收政府信息公开申请数量 · 总计\*\*/);
    assert.match(z, /原文 `21`，读作 21/);
    assert.match(z, /✗ 行合计[^\n]*\n\s*总计 \*\*21\*\* ≠ 17 \+ 2 \+ 0 \+ 1 \+ 0 \+ 0 = 20/);
    assert.match(z, /✗ 「总计」列：一 \+ 二 = （七） \+ 四[^\n]*\n\s*\*\*21\*\* \+ 0 = 21 ≠ 20 \+ 0 = 20/);
    assert.ok(!z.includes('✓'));
    assert.match(z, /改为 20 可使 2 处勾稽关系全部成立/);
    assert.match(h.markdown.en, /Likely fix/);
  });

  it('a cell on the broken row and on sound columns: ✗ for the row, ✓ for its column', () => {
    const { text, model } = example();
    const c = cell(model, 't3', 'new', 'natural');
    const z = hover(text, model, c.range.end)!.markdown.zh;
    assert.match(z, /表三 · 一、本年新收政府信息公开申请数量 · 自然人/);
    assert.match(z, /✗ 行合计/);
    assert.match(z, /✓ 「自然人」列：一 \+ 二 = （七） \+ 四[^\n]*\n\s*\*\*17\*\* \+ 0 = 17 \+ 0 = 17/);
    assert.ok(!z.includes('可能的修正'));
  });

  it('a cell whose relations all hold: ✓ only, 表三 result rows named with their group', () => {
    const { text, model } = example();
    const c = cell(model, 't3', 'deny-3', 'natural');
    const z = hover(text, model, c.range.start)!.markdown.zh;
    assert.match(z, /表三 · （三）3\.危及“三安全一稳定” · 自然人/);
    assert.match(z, /✓ 行合计/);
    assert.match(z, /✓ 「自然人」列：（七）总计 = （一）至（六）各项之和[^\n]*\n\s*（七）总计 17 = 3 \+ 4 \+ 0 \+ 0 \+ \*\*1\*\*/);
    assert.ok(!z.includes('✗'));
  });

  it('表四 cells list their group’s total', () => {
    const { text, model } = example();
    const c = cell(model, 't4', 'review', 'total');
    const z = hover(text, model, c.range.start)!.markdown.zh;
    assert.match(z, /表四 · 行政复议 · 总计/);
    assert.match(z, /✓ 「行政复议」：总计 = 结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结[^\n]*\n\s*总计 \*\*3\*\* = 2 \+ 1 \+ 0 \+ 0/);
  });

  it('表二 cells (no relations): the row’s and the column’s meaning', () => {
    const { text, model } = example();
    const c = cell(model, 't2-8', 'fees', 'amount');
    const h = hover(text, model, c.range.start)!;
    assert.match(h.markdown.zh, /第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）/);
    assert.match(h.markdown.zh, /原文 `30\.12`，读作 30\.12/);
    assert.match(h.markdown.zh, /单位为万元/);
    assert.match(h.markdown.en, /万元/);
  });

  it('signed and blank cells say how they read; a relation with a blank cell cannot be checked', function () {
    const text = seedText('004');
    if (!text) return this.skip();
    const model = parseReport(text);
    const signed = cell(model, 't2-5', 'other-services', 'change');
    const zs = hover(text, model, signed.range.start)!.markdown.zh;
    assert.match(zs, /原文 `\+505`，读作 505，带正负号/);
    assert.match(zs, /列「本年增\/减」/);
    // A label written with its group's ordinal is not a variant.
    const deny1 = model.tables.find((t) => t.id === 't3')!.rows.find((r) => r.key === 'deny-1')!;
    assert.match(deny1.label!.raw, /^（三）\s*1\./);
    assert.ok(!hover(text, model, deny1.label!.range.end)!.markdown.zh.includes('原文写作'));
    const blank = cell(model, 't3', 'new', 'natural');
    assert.equal(blank.kind, 'blank');
    const zb = hover(text, model, blank.range.start)!.markdown.zh;
    assert.match(zb, /空白：应填写数字/);
    assert.match(zb, /暂无法核对/);
  });
});

describe('features: hover on labels and headings', () => {
  it('a 表三 row label: its meaning and the articles behind it, quoted from the regulation', () => {
    const { text, model } = example();
    const row = model.tables.find((t) => t.id === 't3')!.rows.find((r) => r.key === 'deny-4')!;
    const h = hover(text, model, row.label!.range.start)!;
    assert.deepEqual(h.range, row.label!.range);
    assert.match(h.markdown.zh, /表三 · （三）4\.保护第三方合法权益/);
    assert.match(h.markdown.zh, /依据\*\*：第十五条、第三十二条/);
    assert.match(h.markdown.zh, /涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息/);
    assert.match(h.markdown.zh, /应当书面征求第三方的意见/);
    assert.match(h.markdown.en, /Articles\*\*: Article 15, Article 32/);
    // The written ordinal is not a variant.
    assert.ok(!h.markdown.zh.includes('原文写作'));
  });

  it('row labels of 第三十六条 items and 第十六条 paragraphs quote just those', () => {
    const { text, model } = example();
    const t3 = model.tables.find((t) => t.id === 't3')!;
    const deny5 = t3.rows.find((r) => r.key === 'deny-5')!;
    const z5 = hover(text, model, deny5.label!.range.end)!.markdown.zh;
    assert.match(z5, /第十六条第一款/);
    assert.match(z5, /人事管理、后勤管理、内部工作流程/);
    assert.ok(!z5.includes('过程稿'));
    const ignore2 = t3.rows.find((r) => r.key === 'ignore-2')!;
    const z2 = hover(text, model, ignore2.label!.range.start)!.markdown.zh;
    assert.match(z2, /第三十六条第（六）项/);
    assert.match(z2, /申请人重复申请公开相同政府信息/);
  });

  it('a 表三 group label', () => {
    const { text, model } = example();
    const g = model.tables.find((t) => t.id === 't3')!.groups.find((x) => x.key === 'unable');
    assert.ok(g);
    const z = hover(text, model, g.label.range.start)!.markdown.zh;
    assert.match(z, /表三 · （四）无法提供/);
    assert.match(z, /第三十八条/);
  });

  it('column headers: 自然人, 商业企业 written as 商业机构, 万元, 表四’s result columns', function () {
    const { text, model } = example();
    const t3 = model.tables.find((t) => t.id === 't3')!;
    const natural = t3.headers.find((x) => x.col === 'natural')!;
    const h = hover(text, model, natural.label.range.start)!;
    assert.deepEqual(h.range, natural.label.range);
    assert.match(h.markdown.zh, /列「自然人」\*\*/);
    assert.match(h.markdown.zh, /以公民个人名义/);
    const fee = model.tables.find((t) => t.id === 't2-8')!.headers[0];
    assert.match(hover(text, model, fee.label.range.start)!.markdown.zh, /单位为万元/);
    const t4 = model.tables.find((t) => t.id === 't4')!;
    const corrected = t4.headers.find((x) => x.col === 'corrected')!;
    const zc = hover(text, model, corrected.label.range.start)!.markdown.zh;
    assert.match(zc, /撤销、变更、确认违法或责令重新答复/);
    assert.match(zc, /没有官方定义/);

    const seed = seedText('002');
    if (!seed) return;
    const m2 = parseReport(seed);
    const business = m2.tables.find((t) => t.id === 't3')!.headers.find((x) => x.col === 'business')!;
    assert.equal(business.label.raw, '商业机构');
    const zb = hover(seed, m2, business.label.range.start)!.markdown.zh;
    assert.match(zb, /原文写作 `商业机构`，格式文本为「商业企业」/);
  });

  it('section headings: 第五十条’s item, the tables, what 一 covers, 人民政府 extras', () => {
    const { text, model } = example();
    const s3 = model.sections.find((s) => s.id === 's3')!;
    const h3 = hover(text, model, s3.heading.range.start)!;
    assert.deepEqual(h3.range, s3.heading.range);
    assert.match(h3.markdown.zh, /对应第五十条第（二）项/);
    assert.match(h3.markdown.zh, /行政机关收到和处理政府信息公开申请的情况/);
    assert.match(h3.markdown.zh, /应含表格 · 2021 格式.*表三 收到和处理政府信息公开申请情况/);
    const s1 = model.sections.find((s) => s.id === 's1')!;
    const h1 = hover(text, model, s1.heading.range.end)!;
    assert.match(h1.markdown.zh, /主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障/);
    assert.match(h1.markdown.zh, /本报告按部门年报处理/);
    const g1 = hover(text, model, s1.heading.range.end, { kind: 'government' })!;
    assert.match(g1.markdown.zh, /工作考核、社会评议和责任追究结果情况/);
    assert.ok(!g1.markdown.zh.includes('按部门年报处理'));
    const s6 = model.sections.find((s) => s.id === 's6')!;
    assert.match(hover(text, model, s6.heading.range.start)!.markdown.zh, /信息处理费/);
    const s2 = model.sections.find((s) => s.id === 's2')!;
    const z2 = hover(text, model, s2.heading.range.start, { template: '2019' })!.markdown.zh;
    assert.match(z2, /表二 第二十条第（九）项/);
  });

  it('a heading with a non-standard numeral names the standard heading', function () {
    const text = seedText('001');
    if (!text) return this.skip();
    const model = parseReport(text);
    const s1 = model.sections.find((s) => s.id === 's1')!;
    assert.match(hover(text, model, s1.heading.range.start)!.markdown.zh, /原文写作 `1、 总体情况`，格式标题为「一、总体情况」/);
  });
});

describe('features: hover everywhere', () => {
  function sweep(text: string, label: string): number {
    const model = parseReport(text);
    const idx = new LineIndex(text);
    let found = 0;
    for (let line = 0; line < idx.lineCount; line++) {
      const len = idx.ends[line] - idx.starts[line];
      for (let ch = 0; ch <= len; ch++) {
        const pos = { line, character: ch };
        const h = hover(text, model, pos);
        if (!h) continue;
        found++;
        const { start, end } = h.range;
        assert.ok(start.line <= pos.line && pos.line <= end.line, `${label} ${line}:${ch}`);
        for (const p of [start, end]) {
          assert.ok(p.line >= 0 && p.line < idx.lineCount, `${label} ${line}:${ch}`);
          assert.ok(p.character >= 0 && p.character <= idx.ends[p.line] - idx.starts[p.line], `${label} ${line}:${ch}`);
        }
        assert.ok(h.markdown.zh.length > 0 && h.markdown.en.length > 0);
      }
    }
    return found;
  }

  it('every hover on the example, seed 004 and synthetic reports lies inside the document and on the position', function () {
    this.timeout(60000);
    assert.ok(sweep(fs.readFileSync(EXAMPLE, 'utf8'), 'example') > 500);
    const s4 = seedText('004');
    if (s4) assert.ok(sweep(s4, 'seed 004') > 100);
    for (const shape of SYNTH_SHAPES) sweep(renderReport({ template: '2019', shape, seed: 3, eol: '\r\n' }).text, `2019 ${shape}`);
  });
});

describe('features: the article crosswalk', () => {
  it('every row, group and column of every template has a note; every article cited exists and quotes', () => {
    for (const t of TABLES) {
      for (const template of TEMPLATES) {
        if (!t.templates.includes(template)) continue;
        for (const r of rowsOf(t.id, template)) assert.ok(ROW_NOTES[`${t.id}/${r.key}`], `${t.id}/${r.key}`);
        for (const c of colsOf(t.id, template)) assert.ok(colNote(t.id, c.key), `${t.id}/${c.key}`);
      }
      for (const g of tableDef(t.id).groups ?? []) assert.ok(GROUP_NOTES[`${t.id}/${g.key}`], `${t.id}/${g.key}`);
    }
    const notes = [...Object.values(ROW_NOTES), ...Object.values(GROUP_NOTES), ...Object.values(COL_NOTES), ...Object.values(TABLE_NOTES), ...Object.values(SECTION_NOTES)];
    for (const n of notes) {
      assert.ok(n.meaning.zh && n.meaning.en);
      for (const ref of n.refs) {
        assert.ok(regulationArticle(ref.article), `article ${ref.article}`);
        assert.ok(quoteArticle(ref), `quote of ${JSON.stringify(ref)}`);
      }
    }
  });

  it('follows report-format.md §8 for the rows it lists', () => {
    const arts = (k: string): number[] => ROW_NOTES[`t3/${k}`].refs.map((r) => r.article);
    assert.deepEqual(arts('open'), [36]);
    assert.deepEqual(arts('partial'), [37]);
    assert.deepEqual(arts('deny-1'), [14]);
    assert.deepEqual(arts('deny-4'), [15, 32]);
    assert.deepEqual(ROW_NOTES['t3/deny-6'].refs, [{ article: 16, paragraph: 2 }]);
    assert.deepEqual(ROW_NOTES['t3/deny-8'].refs, [{ article: 36, items: [7] }]);
    assert.deepEqual(arts('unable-2'), [38]);
    assert.deepEqual(arts('unable-3'), [30, 29]);
    assert.deepEqual(arts('ignore-4'), [35]);
    assert.deepEqual(arts('other-2'), [42]);
    assert.deepEqual(ROW_NOTES['t4/review'].refs.map((r) => r.article), [50, 51]);
  });
});
