/**
 * Outline and folding ranges (core/features/outline.ts) on the bundled example, the five seeds (read from
 * ../shared at run time, never copied here) and synthetic reports in every table shape.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseReport, type ReportModel } from '../../server/src/core';
import { folds, outline, type OutlineNode } from '../../server/src/core/features';
import type { Range } from '../../server/src/core/model';
import { renderTable } from '../../server/src/core/templates';
import { LineIndex } from '../../server/src/core/text';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import { EXAMPLE, seedFiles, seedText } from '../support/seeds';


function cmp(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

function inside(outer: Range, inner: Range): boolean {
  return cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
}

/** A range lies inside the document: positions exist and the start is not after the end. */
function assertInDocument(text: string, r: Range, what: string): void {
  const idx = new LineIndex(text);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < idx.lineCount, `${what}: line ${p.line} outside the document`);
    const len = idx.ends[p.line] - idx.starts[p.line];
    assert.ok(p.character >= 0 && p.character <= len, `${what}: character ${p.character} beyond line ${p.line}`);
  }
  assert.ok(cmp(r.start, r.end) <= 0, `${what}: inverted range`);
}

function walk(nodes: readonly OutlineNode[], f: (n: OutlineNode, parent: OutlineNode | null) => void, parent: OutlineNode | null = null): void {
  for (const n of nodes) {
    f(n, parent);
    walk(n.children, f, n);
  }
}

/** Structural invariants of any outline. */
function checkOutline(text: string, model: ReportModel): OutlineNode[] {
  const nodes = outline(model);
  walk(nodes, (n, parent) => {
    assertInDocument(text, n.range, n.name);
    assertInDocument(text, n.selectionRange, n.name);
    assert.ok(inside(n.range, n.selectionRange), `${n.name}: selectionRange outside range`);
    if (parent) assert.ok(inside(parent.range, n.range), `${n.name} not inside ${parent.name}`);
    assert.ok(n.name.length > 0);
    for (let i = 1; i < n.children.length; i++) {
      assert.ok(cmp(n.children[i - 1].range.start, n.children[i].range.start) <= 0, `${n.name}: children out of order`);
    }
  });
  for (let i = 1; i < nodes.length; i++) assert.ok(cmp(nodes[i - 1].range.start, nodes[i].range.start) <= 0);
  return nodes;
}

describe('features: outline', () => {
  it('the example: title, six sections, sub-headings of 一 and 五, every table in its section', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const nodes = checkOutline(text, parseReport(text));
    assert.deepEqual(
      nodes.map((n) => `${n.kind}:${n.name}`),
      [
        'title:示例市南湖区交通运输局2022年政府信息公开工作年度报告',
        'section:一、总体情况',
        'section:二、主动公开政府信息情况',
        'section:三、收到和处理政府信息公开申请情况',
        'section:四、政府信息公开行政复议、行政诉讼情况',
        'section:五、存在的主要问题及改进情况',
        'section:六、其他需要报告的事项',
      ],
    );
    // Headings as written are standard: no detail.
    for (const s of nodes.filter((n) => n.kind === 'section')) assert.equal(s.detail.zh, '');
    assert.deepEqual(
      nodes[1].children.map((n) => n.name),
      ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'],
    );
    assert.deepEqual(
      nodes[2].children.map((n) => `${n.kind}:${n.name}`),
      ['table:表二 第二十条第（一）项', 'table:表二 第二十条第（五）项', 'table:表二 第二十条第（六）项', 'table:表二 第二十条第（八）项'],
    );
    const t3 = nodes[3].children[0];
    assert.equal(t3.name, '表三 收到和处理政府信息公开申请情况');
    assert.equal(t3.detail.zh, '2021 格式 · 25 行');
    assert.equal(t3.detail.en, '2021 template · 25 rows');
    assert.equal(nodes[4].children[0].name, '表四 行政复议、行政诉讼情况');
    // The caption is what a table's entry selects.
    assert.equal(nodes[2].children[1].selectionRange.start.line, nodes[2].children[1].range.start.line);
  });

  it('seed 004: title + six sections at the top; （一）… contain 1. …; 表四 with no rows says so', function () {
    const text = seedText('004');
    if (!text) return this.skip();
    const nodes = checkOutline(text, parseReport(text));
    assert.deepEqual(
      nodes.map((n) => n.kind),
      ['title', 'section', 'section', 'section', 'section', 'section', 'section'],
    );
    assert.deepEqual(
      nodes.slice(1).map((n) => n.name),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    const s1 = nodes[1];
    assert.deepEqual(
      s1.children.map((n) => n.name.slice(0, 3)),
      ['(一)', '(二)', '（三）', '（四）', '（五）', '（六）'],
    );
    // （三） holds its 1. 2. 3.; （六） holds 1. … 5.
    assert.equal(s1.children[2].children.length, 3);
    assert.ok(s1.children[2].children.every((n) => n.kind === 'subheading' && /^\d\./.test(n.name)));
    assert.equal(s1.children[5].children.length, 5);
    // A long paragraph heading is named up to its first full stop.
    assert.equal(s1.children[2].children[0].name, '1. 政府网站是政务公开最根本的载体');
    const s2 = nodes[2];
    assert.equal(s2.children.length, 5);
    assert.ok(s2.children.every((n) => n.kind === 'table' && n.detail.zh.startsWith('2019 格式')));
    const t4 = nodes[4].children[0];
    assert.equal(t4.kind, 'table');
    assert.match(t4.detail.zh, /3 行未读出/);
    assert.match(t4.detail.en, /3 rows not read/);
  });

  it('seed 001: arabic-numbered headings get the standard title as detail; 1) contains （1）…（7）', function () {
    const text = seedText('001');
    if (!text) return this.skip();
    const nodes = checkOutline(text, parseReport(text));
    const s1 = nodes.find((n) => n.kind === 'section')!;
    assert.equal(s1.name, '1、 总体情况');
    assert.equal(s1.detail.zh, '一、总体情况');
    assert.equal(s1.children.length, 3);
    assert.equal(s1.children[0].children.length, 7);
    assert.equal(nodes.find((n) => n.name.startsWith('四'))!.detail.zh, '');
  });

  it('all five seeds: the invariants hold', function () {
    if (!seedFiles().length) return this.skip();
    for (const f of seedFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const model = parseReport(text);
      const nodes = checkOutline(text, model);
      let tables = 0;
      walk(nodes, (n) => {
        if (n.kind === 'table') tables++;
      });
      assert.equal(tables, model.tables.length, f);
    }
  });

  it('synthetic reports in every shape: every table appears once, inside its section', () => {
    for (const template of ['2019', '2021'] as const) {
      for (const shape of SYNTH_SHAPES) {
        const r = renderReport({ template, shape, seed: 7 });
        const model = parseReport(r.text);
        const nodes = checkOutline(r.text, model);
        const names: string[] = [];
        for (const s of nodes.filter((n) => n.kind === 'section')) {
          walk(s.children, (n) => {
            if (n.kind === 'table') names.push(n.name);
          });
        }
        assert.equal(names.length, model.tables.length, `${template} ${shape}`);
        assert.equal(new Set(names).size, names.length, `${template} ${shape}: a table twice`);
      }
    }
  });

  it('a table before any section stays at the top level', () => {
    const text = [
      '# 示例县交通运输局2022年政府信息公开工作年度报告',
      '',
      renderTable('t4', '2021'),
      '',
      '## 一、总体情况',
      '',
      '正文。',
      '',
      '## 二、主动公开政府信息情况',
      '',
      '正文。',
      '',
    ].join('\n');
    const model = parseReport(text);
    const nodes = checkOutline(text, model);
    assert.deepEqual(
      nodes.map((n) => n.kind),
      ['title', 'table', 'section', 'section'],
    );
    assert.equal(nodes[1].name, '表四 行政复议、行政诉讼情况');
  });

  it('is computed once per model', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const model = parseReport(text);
    assert.equal(outline(model), outline(model));
  });
});

describe('features: folds', () => {
  it('the example: each section from its heading to the line before the next, each table', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const model = parseReport(text);
    const f = folds(model);
    const lines = text.split('\n');
    for (const s of model.sections) {
      const fold = f.find((x) => x.startLine === s.heading.range.start.line);
      assert.ok(fold, s.heading.raw);
      const next = model.sections.find((x) => x.heading.range.start.line > s.heading.range.start.line);
      if (next) assert.equal(fold.endLine, next.heading.range.start.line - 1);
    }
    for (const t of model.tables) assert.ok(f.some((x) => x.startLine === t.range.start.line && x.endLine === t.range.end.line), t.id);
    for (const x of f) {
      assert.ok(x.endLine > x.startLine);
      assert.ok(x.endLine < lines.length);
    }
  });

  it('a one-line table gets no fold', () => {
    const text = ['## 二、主动公开政府信息情况', '', '| 行政许可 | 5 |', '', '## 三、收到和处理政府信息公开申请情况', ''].join('\n');
    const model = parseReport(text);
    const t = model.tables.find((x) => x.id === 't2-5');
    assert.ok(t);
    assert.equal(t.range.start.line, t.range.end.line);
    assert.deepEqual(folds(model), [
      { startLine: 0, endLine: 3 },
      { startLine: 4, endLine: 5 },
    ]);
  });
});
