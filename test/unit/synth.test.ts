/**
 * The synthetic report renderer is the oracle of the parser tests, so it is tested on its own: every recorded
 * range holds exactly the recorded raw text, every expected cell is there, clean reports add up, and the options
 * show up in the text.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { colsOf, rowsOf, tablesOf, type TableId, type TemplateId } from '../../server/src/core/schema';
import {
  EXAMPLE_BASE_OPTIONS,
  MIXED_SHAPES,
  SYNTH_SHAPES,
  isBlank,
  renderExampleReport,
  renderReport,
  splitLines,
  synthValue,
  t3ResultLeaves,
  textAt,
  writeFixtureSet,
  type SynthOptions,
  type SynthReport,
} from '../support/synth';

const TEMPLATES: TemplateId[] = ['2019', '2021'];
const SEEDS = [1, 2, 3, 4, 5, 11, 42];
const APPLICANTS = ['natural', 'business', 'research', 'public-interest', 'legal', 'other-org'];

function checkRanges(r: SynthReport): void {
  const lines = splitLines(r.text);
  for (const c of r.expected) {
    const where = `${c.table}/${c.row}/${c.col} at ${c.range.start.line}:${c.range.start.character}`;
    assert.ok(c.range.start.line >= 0 && c.range.start.line < lines.length, where);
    assert.ok(c.range.start.character <= c.range.end.character, where);
    assert.ok(c.range.end.character <= lines[c.range.start.line].length, where);
    assert.equal(textAt(r.text, c.range, lines), c.raw, where);
    assert.equal(c.value, synthValue(c.raw), where);
    if (!isBlank(c.raw)) assert.equal(c.raw, c.raw.trim().replace(/^[\u3000\u00a0]+|[\u3000\u00a0]+$/g, ''), where);
  }
  // document order, no two cells at the same place
  const seen = new Set<string>();
  for (const c of r.expected) {
    const k = `${c.table}/${c.row}/${c.col}`;
    assert.ok(!seen.has(k), `duplicate cell ${k}`);
    seen.add(k);
  }
  for (let i = 1; i < r.expected.length; i++) {
    const a = r.expected[i - 1].range.start;
    const b = r.expected[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'cells in document order');
  }
  // every cell lies inside its table's recorded lines
  for (const c of r.expected) {
    const t = r.tables.find((x) => x.id === c.table);
    assert.ok(t, `table ${c.table} recorded`);
    assert.ok(c.range.start.line >= t.startLine && c.range.start.line <= t.endLine, `${c.table} cell inside table lines`);
  }
}

function expectedKeys(o: SynthOptions): string[] {
  const out: string[] = [];
  const omitTables = new Set(o.omitTables ?? []);
  const sectionOf: Record<string, string> = { t3: 's3', t4: 's4' };
  for (const t of tablesOf(o.template)) {
    if (omitTables.has(t.id)) continue;
    if ((o.omitSections ?? []).includes((sectionOf[t.id] ?? 's2') as never)) continue;
    const omit = new Set(o.omitRows?.[t.id] ?? []);
    for (const r of rowsOf(t.id, o.template)) {
      if (omit.has(r.key)) continue;
      for (const c of colsOf(t.id, o.template)) out.push(`${t.id}/${r.key}/${c.key}`);
    }
  }
  return out.sort();
}

function checkCoverage(r: SynthReport, o: SynthOptions): void {
  const got = r.expected.map((c) => `${c.table}/${c.row}/${c.col}`).sort();
  assert.deepEqual(got, expectedKeys(o));
}

type Get = (t: TableId, row: string, col: string) => number | null;

function getter(r: SynthReport): Get {
  const m = new Map(r.expected.map((c) => [`${c.table}/${c.row}/${c.col}`, c.value]));
  return (t, row, col) => {
    const k = `${t}/${row}/${col}`;
    if (!m.has(k)) throw new Error(`no cell ${k}`);
    return m.get(k) ?? null;
  };
}

/** The arithmetic relations that do not hold, as `rule:where` strings (all cells must be present and readable). */
function broken(r: SynthReport): string[] {
  const v = getter(r);
  const out: string[] = [];
  const T = r.template;
  const num = (t: TableId, row: string, col: string): number => {
    const x = v(t, row, col);
    assert.ok(typeof x === 'number', `${t}/${row}/${col} is a number`);
    return x;
  };
  for (const row of rowsOf('t3', T)) {
    const parts = APPLICANTS.reduce((s, c) => s + num('t3', row.key, c), 0);
    if (num('t3', row.key, 'total') !== parts) out.push(`t3-row-total:${row.key}`);
  }
  for (const c of colsOf('t3', T)) {
    const leaves = t3ResultLeaves(T).reduce((s, k) => s + num('t3', k, c.key), 0);
    if (num('t3', 'total', c.key) !== leaves) out.push(`t3-results-total:${c.key}`);
    if (num('t3', 'new', c.key) + num('t3', 'carried', c.key) !== num('t3', 'total', c.key) + num('t3', 'carry-out', c.key)) {
      out.push(`t3-balance:${c.key}`);
    }
  }
  for (const g of ['review', 'suit-direct', 'suit-after-review']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].reduce((s, c) => s + num('t4', g, c), 0);
    if (num('t4', g, 'total') !== parts) out.push(`t4-total:${g}`);
  }
  if (T === '2019') {
    for (const [t, rows] of [
      ['t2-5', ['licensing', 'other-services']],
      ['t2-6', ['penalty', 'enforcement']],
    ] as [TableId, string[]][]) {
      for (const row of rows) {
        if (num(t, row, 'decisions') === num(t, row, 'prev-items') + num(t, row, 'change')) {
          out.push(`t2-decisions-vs-items:${t}/${row}`);
        }
      }
    }
    for (const row of ['rules', 'normative']) {
      if (num('t2-1', row, 'published') > num('t2-1', row, 'public-total')) out.push(`t2-plausibility:${row}`);
    }
  }
  // counts are non-negative integers
  for (const c of r.expected) {
    const def = colsOf(c.table, T).find((x) => x.key === c.col)!;
    if (def.kind === 'count' && (c.value === null || c.value < 0 || !Number.isInteger(c.value))) {
      out.push(`count:${c.table}/${c.row}/${c.col}`);
    }
  }
  return out;
}

function checkDocument(r: SynthReport): void {
  const lines = splitLines(r.text);
  assert.ok(lines[r.lines.title].includes(`${r.year}年政府信息公开工作年度报告`));
  assert.ok(r.text.includes(r.agency));
  assert.ok(
    lines[r.lines.period].includes(`本年度报告中所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`),
  );
  assert.equal(lines[r.lines.date], r.date);
  // prose figures restate the tables
  const p = r.prose;
  assert.equal(p.publishedParts.reduce((a, b) => a + b, 0), p.publishedTotal);
  assert.ok(r.text.includes(`主动公开政府信息共${p.publishedTotal}条，其中`));
  assert.ok(r.text.includes(`新收政府信息公开申请${p.applicationsNew}件`));
  assert.ok(r.text.includes(`办理行政许可${p.licensing}件`));
  assert.ok(r.text.includes(`行政复议${p.reviews}件、行政诉讼${p.suits}件`));
  const v = getter(r);
  assert.equal(p.applicationsNew, v('t3', 'new', 'total'));
  assert.equal(p.applicationsDone, v('t3', 'total', 'total'));
  assert.equal(p.licensing, v('t2-5', 'licensing', 'decisions'));
  assert.equal(p.penalty, v('t2-6', 'penalty', 'decisions'));
  assert.equal(p.reviews, v('t4', 'review', 'total'));
  assert.equal(p.suits, (v('t4', 'suit-direct', 'total') ?? 0) + (v('t4', 'suit-after-review', 'total') ?? 0));
  for (const m of r.text.matchAll(/占(\d+\.\d\d)%/g)) assert.ok(Number(m[1]) <= 100);
  // no year other than the report year and the next one (the date)
  for (const m of r.text.matchAll(/(\d{4})年/g)) assert.ok([r.year, r.year + 1].includes(Number(m[1])), m[0]);
}

describe('synth: renderReport', () => {
  for (const template of TEMPLATES) {
    for (const shape of SYNTH_SHAPES) {
      it(`${template} ${shape}: exact ranges, full coverage, clean arithmetic (seeds ${SEEDS.join(',')})`, () => {
        for (const seed of SEEDS) {
          const o: SynthOptions = { template, shape, seed };
          const r = renderReport(o);
          checkRanges(r);
          checkCoverage(r, o);
          assert.deepEqual(broken(r), [], `seed ${seed}`);
          checkDocument(r);
          assert.deepEqual(
            r.sections.map((s) => s.id),
            ['s1', 's2', 's3', 's4', 's5', 's6'],
          );
          const lines = splitLines(r.text);
          for (const s of r.sections) assert.match(lines[s.line], /^(## )?[一二三四五六]、/);
          assert.deepEqual(
            r.tables.map((t) => t.shape),
            r.tables.map(() => shape),
          );
        }
      });
    }
  }

  it('is deterministic, and the values depend on the seed only', () => {
    for (const template of TEMPLATES) {
      const a = renderReport({ template, shape: 'tab-rows', seed: 9 });
      const b = renderReport({ template, shape: 'tab-rows', seed: 9 });
      assert.equal(a.text, b.text);
      for (const shape of SYNTH_SHAPES) assert.deepEqual(renderReport({ template, shape, seed: 9 }).values, a.values);
      assert.notDeepEqual(renderReport({ template, shape: 'tab-rows', seed: 10 }).values, a.values);
    }
  });

  it('renders each shape the way report-format.md §7 describes it', () => {
    for (const seed of SEEDS) {
      const md = renderReport({ template: '2019', shape: 'markdown', seed }).text;
      assert.match(md, /^\|[ ]?:?---:?[ ]?\|/m);
      assert.match(md, /^\| ?信息内容 ?\|/m);
      assert.ok(md.includes('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'));
      const tabs = renderReport({ template: '2019', shape: 'tab-rows', seed }).text;
      assert.match(tabs, /^第二十条第（一）项\t\t\t$/m);
      assert.match(tabs, /^行政许可\t\d+\t[+-]?\d+\t\d+$/m);
      const cells = renderReport({ template: '2019', shape: 'cell-lines', seed }).text;
      assert.match(cells, /^\t第二十条第（五）项\n\n\t信息内容\n/m);
      assert.match(cells, /^\t行政许可\n\t\d+\n\t[+-]?\d+\n\t\d+\n\n/m);
      const pipes = renderReport({ template: '2019', shape: 'pipe-fragments', seed }).text;
      assert.match(pipes, /^\|\n第二十条第（一）项 \| \|\|\|$/m);
      assert.match(pipes, /^\|\n行政许可 \|\n\d+ \|\n[+-]?\d+ \|\n\d+ \|$/m);
      const html = renderReport({ template: '2021', shape: 'html', seed }).text;
      assert.match(html, /<table[^>]*>/);
      assert.match(html, /colspan="3"/);
      const spaced = renderReport({ template: '2019', shape: 'spaced', seed }).text;
      assert.match(spaced, /^行政许可 {2,}\d+ {2,}[+-]?\d+ {2,}\d+$/m);
      assert.match(spaced, /^ *(\d+ {2,}){14}\d+$/m);
    }
    // the small layout variations all occur across seeds
    const all = Array.from({ length: 24 }, (_, i) => i + 1);
    const md = all.map((seed) => renderReport({ template: '2019', shape: 'markdown', seed }).text);
    assert.ok(md.some((t) => /^\| 第二十条第（一）项 \|/m.test(t) || /^\|第二十条第（一）项\|/m.test(t)), 'caption row');
    assert.ok(md.some((t) => /^第二十条第（一）项$/m.test(t)), 'caption line');
    assert.ok(md.some((t) => /^\| ?三、本年度办理结果 ?\|( *\|){7}$/m.test(t)), 'one label column');
    assert.ok(md.some((t) => /^\| ?三、本年度办理结果 ?\| ?（一）予以公开/m.test(t)), 'two label columns');
    assert.ok(md.some((t) => /^\| ?行政诉讼 ?\|/m.test(t) || /\| ?行政诉讼 ?\|/.test(t)), 'three-row 表四 header');
    const cells = all.map((seed) => renderReport({ template: '2019', shape: 'cell-lines', seed }).text);
    assert.ok(cells.some((t) => t.includes('\t本年新\n制作数量\n')), 'wrapped label');
    const html = all.map((seed) => renderReport({ template: '2021', shape: 'html', seed }).text);
    assert.ok(html.some((t) => t.includes('<p>')) && html.some((t) => t.includes('<span')), 'p and span');
    assert.ok(html.some((t) => /^<tr><t[dh]/m.test(t)) && html.some((t) => /^ {2}<td/m.test(t)), 'row and cell per line');
  });

  it('applies raw overrides in every shape', () => {
    for (const shape of SYNTH_SHAPES) {
      for (const seed of [1, 2, 3, 6]) {
        const o: SynthOptions = {
          template: '2019',
          shape,
          seed,
          values: {
            't2-5': { licensing: { change: '+3' } },
            't2-9': { procurement: { amount: '251000元' } },
            't3': { new: { natural: '１２', business: '' }, carried: { natural: '　36' }, open: { research: '/' } },
            't4': { review: { upheld: ' ' } },
          },
        };
        const r = renderReport(o);
        checkRanges(r);
        checkCoverage(r, o);
        const cell = (t: TableId, row: string, col: string) =>
          r.expected.find((c) => c.table === t && c.row === row && c.col === col)!;
        assert.equal(cell('t2-5', 'licensing', 'change').raw, '+3');
        assert.equal(cell('t2-5', 'licensing', 'change').value, 3);
        assert.equal(cell('t2-9', 'procurement', 'amount').raw, '251000元');
        assert.equal(cell('t2-9', 'procurement', 'amount').value, 251000);
        assert.equal(cell('t3', 'new', 'natural').raw, '１２');
        assert.equal(cell('t3', 'new', 'natural').value, 12);
        assert.ok(isBlank(cell('t3', 'new', 'business').raw), shape);
        assert.equal(cell('t3', 'new', 'business').value, null);
        assert.equal(cell('t3', 'carried', 'natural').raw, '36');
        assert.equal(cell('t3', 'carried', 'natural').value, 36);
        assert.ok(r.text.includes('　36'));
        assert.equal(cell('t3', 'open', 'research').raw, '/');
        assert.equal(cell('t3', 'open', 'research').value, null);
        assert.ok(isBlank(cell('t4', 'review', 'upheld').raw));
        assert.equal(r.values.t3!.new.natural, 12);
        assert.equal(r.values.t3!.open.research, null);
        assert.equal(r.prose.applicationsNew, r.values.t3!.new.total);
      }
    }
    assert.throws(() => renderReport({ template: '2021', shape: 'markdown', values: { 't2-9': {} } }));
    assert.throws(() => renderReport({ template: '2021', shape: 'markdown', values: { t3: { other: { total: '1' } } } }));
    assert.throws(() => renderReport({ template: '2019', shape: 'markdown', values: { t3: { new: { sum: '1' } } } }));
  });

  it('blank cells: range covers the white space between delimiters, zero-width if none', () => {
    const blankOf = (shape: SynthOptions['shape'], seed: number, raw: string) => {
      const r = renderReport({ template: '2021', shape, seed, values: { 't2-1': { rules: { issued: raw } } } });
      checkRanges(r);
      return r.expected.find((c) => c.table === 't2-1' && c.row === 'rules' && c.col === 'issued')!;
    };
    assert.equal(blankOf('tab-rows', 1, '').raw, '');
    assert.equal(blankOf('tab-rows', 1, '\u00a0').raw, '\u00a0');
    assert.equal(blankOf('cell-lines', 1, '').raw, '');
    assert.equal(blankOf('cell-lines', 1, '\u00a0').raw, '\u00a0');
    assert.equal(blankOf('pipe-fragments', 1, '').raw, ' ');
    assert.equal(blankOf('html', 1, '').raw, '');
    assert.equal(blankOf('spaced', 1, '').raw, '');
    const mdRaws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => blankOf('markdown', s, '').raw));
    assert.ok([...mdRaws].every((x) => x === '' || x === '  '));
  });

  it('omits rows, tables and sections', () => {
    for (const shape of SYNTH_SHAPES) {
      for (const seed of [1, 2, 3, 4]) {
        for (const template of TEMPLATES) {
          const o: SynthOptions = {
            template,
            shape,
            seed,
            omitRows: { t3: ['open', 'deny-1', 'deny-3'], 't2-6': ['enforcement'], t4: ['suit-after-review'] },
            omitTables: ['t2-8'],
            omitSections: ['s5'],
          };
          const r = renderReport(o);
          checkRanges(r);
          checkCoverage(r, o);
          assert.ok(!r.text.includes('危及“三安全一稳定”'));
          assert.ok(!r.text.includes('予以公开'));
          assert.ok(!r.text.includes('行政强制'));
          assert.ok(!r.text.includes('复议后起诉'));
          assert.ok(!r.text.includes('第二十条第（八）项'));
          assert.ok(!r.text.includes('五、存在的主要问题') && !r.text.includes('一是部分栏目信息更新不够及时'));
          assert.ok(r.text.includes('三、本年度办理结果'), 'the group label stays');
          assert.ok(r.text.includes('（三）不予公开'), 'the group label stays');
          assert.ok(r.text.includes('未经复议直接起诉'));
          assert.deepEqual(
            r.sections.map((s) => s.id),
            ['s1', 's2', 's3', 's4', 's6'],
          );
        }
      }
    }
    const r = renderReport({ template: '2019', shape: 'markdown', omitSections: ['s3', 's4'] });
    assert.ok(!r.expected.some((c) => c.table === 't3' || c.table === 't4'));
    assert.ok(!r.text.includes('申请人情况'));
  });

  it('overrides section headings and renders Markdown headings', () => {
    const o: SynthOptions = {
      template: '2021',
      shape: 'tab-rows',
      sectionHeadings: { s1: '1、 总体情况', s6: '三、其他需要报告的事项', s2: '' },
    };
    const r = renderReport(o);
    const lines = splitLines(r.text);
    const at = (id: string) => r.sections.find((s) => s.id === id);
    assert.equal(lines[at('s1')!.line], '1、 总体情况');
    assert.equal(lines[at('s6')!.line], '三、其他需要报告的事项');
    assert.equal(at('s2'), undefined);
    assert.ok(!r.text.includes('二、主动公开政府信息情况'));
    assert.ok(r.expected.some((c) => c.table === 't2-1'), 'the tables of a section without heading stay');
    checkRanges(r);
    checkCoverage(r, o);

    const m = renderReport({ template: '2019', shape: 'markdown', markdownHeadings: true, seed: 3 });
    const ml = splitLines(m.text);
    assert.ok(ml[m.lines.title].startsWith('# '));
    assert.equal(ml[m.sections[0].line], '## 一、总体情况');
    assert.ok(m.text.includes('\n### （一）主动公开\n'));
    checkRanges(m);
  });

  it('uses label variants when asked', () => {
    for (const shape of SYNTH_SHAPES) {
      for (const template of TEMPLATES) {
        const o: SynthOptions = { template, shape, seed: 5, variants: true };
        const r = renderReport(o);
        checkRanges(r);
        checkCoverage(r, o);
        assert.deepEqual(broken(r), []);
        for (const s of ['合计', '商业机构', '社会组织', '结果维护', '信访投诉举报类申请', '只记这一情形，不记其他情形', '结 果 维 持', '法律服务 机构']) {
          assert.ok(r.text.includes(s), `${shape} ${template}: ${s}`);
        }
        const plain = renderReport({ template, shape, seed: 5 }).text;
        for (const s of ['合计', '商业机构', '社会组织', '结果维护', '信访投诉举报类申请', '只记', '结 果 维 持']) {
          assert.ok(!plain.includes(s), `${shape} ${template} without variants: ${s}`);
        }
      }
    }
  });

  it('mixes shapes in one file', () => {
    for (const template of TEMPLATES) {
      for (const seed of SEEDS) {
        const o: SynthOptions = { template, shape: MIXED_SHAPES, seed };
        const r = renderReport(o);
        checkRanges(r);
        checkCoverage(r, o);
        assert.deepEqual(broken(r), []);
        for (const t of r.tables) assert.equal(t.shape, MIXED_SHAPES[t.id]);
      }
    }
    const partial = renderReport({ template: '2019', shape: { t3: 'html' } });
    assert.equal(partial.tables.find((t) => t.id === 't3')!.shape, 'html');
    assert.equal(partial.tables.find((t) => t.id === 't4')!.shape, 'markdown');
  });

  it('keeps ranges exact with CRLF line ends', () => {
    for (const shape of SYNTH_SHAPES) {
      const o: SynthOptions = { template: '2021', shape, seed: 7, eol: '\r\n' };
      const r = renderReport(o);
      assert.ok(r.text.includes('\r\n') && !/[^\r]\n/.test(r.text));
      checkRanges(r);
      assert.deepEqual(
        r.expected.map((c) => c.range),
        renderReport({ ...o, eol: '\n' }).expected.map((c) => c.range),
      );
    }
  });

  it('synthValue reads raw cell texts', () => {
    assert.equal(synthValue('+505'), 505);
    assert.equal(synthValue('-7'), -7);
    assert.equal(synthValue('－7'), -7);
    assert.equal(synthValue('１２'), 12);
    assert.equal(synthValue('251000元'), 251000);
    assert.equal(synthValue('　36'), 36);
    assert.equal(synthValue('12.5'), 12.5);
    assert.equal(synthValue('1,234'), 1234);
    assert.equal(synthValue('/'), null);
    assert.equal(synthValue(''), null);
    assert.equal(synthValue('-'), null);
    assert.equal(synthValue('元'), null);
    assert.ok(Object.is(synthValue('-0'), 0));
  });
});

describe('synth: fixture files and the bundled example', () => {
  it('writeFixtureSet writes one report per shape × template and a mixed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-synth-'));
    try {
      const files = writeFixtureSet(dir, { expected: true });
      assert.equal(files.length, 2 * (SYNTH_SHAPES.length + 1));
      for (const f of files) {
        assert.equal(fs.readFileSync(f.file, 'utf8'), f.report.text);
        assert.ok(/\.(md|txt)$/.test(f.file));
        const json = JSON.parse(fs.readFileSync(f.file.replace(/\.(md|txt)$/, '.expected.json'), 'utf8'));
        assert.equal(json.length, f.report.expected.length);
      }
      assert.ok(files.some((f) => f.file.endsWith('2021-mixed.md')));
      assert.ok(files.some((f) => f.file.endsWith('2019-markdown.md')));
      assert.ok(files.some((f) => f.file.endsWith('2019-html.txt')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('examples/example-report.md is the rendered example, with exactly one deliberate defect', () => {
    const r = renderExampleReport();
    const file = path.join(__dirname, '..', '..', '..', 'examples', 'example-report.md');
    assert.equal(fs.readFileSync(file, 'utf8'), r.text, 'regenerate examples/example-report.md from renderExampleReport()');
    assert.equal(r.template, '2021');
    assert.equal(r.year, 2022);
    assert.equal(r.date, '2023年1月16日');
    assert.equal(r.agency, EXAMPLE_BASE_OPTIONS.agency);
    checkRanges(r);
    checkCoverage(r, EXAMPLE_BASE_OPTIONS);
    checkDocument(r);
    // 一、本年新收: 总计 is one more than its parts, which also unbalances the 总计 column; nothing else.
    assert.deepEqual(broken(r), ['t3-row-total:new', 't3-balance:total']);
    const v = getter(r);
    const parts = APPLICANTS.reduce((s, c) => s + (v('t3', 'new', c) ?? 0), 0);
    assert.equal(v('t3', 'new', 'total'), parts + 1);
    assert.ok(parts >= 5, 'a plausible number of applications');
    assert.ok(!/nianbao|synth|<!--/i.test(r.text));
    assert.equal(r.sections.length, 6);
  });
});
