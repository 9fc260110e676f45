/**
 * The TextMate grammars, tokenized the way VS Code does it: vscode-textmate with the Oniguruma regex engine
 * (vscode-oniguruma's WebAssembly build — the same two libraries VS Code uses, so a regex that Oniguruma
 * rejects, or a scope that lands on the wrong text, fails here rather than in the editor).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { renderSkeleton } from '../../server/src/core/templates';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes/nianbao.tmLanguage.json');
const INJECTION = path.join(ROOT, 'syntaxes/nianbao.markdown-injection.json');

/**
 * A stand-in for VS Code's Markdown grammar (which is not on npm): paragraphs, headings, fenced code and inline
 * code, with the scope names the real one uses — enough to check where the injection applies and where not.
 */
const FAKE_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```.*$', end: '^```\\s*$', name: 'markup.fenced_code.block.markdown' },
    // Like the real one, a heading is a begin/end rule whose text is open to inline rules (and injections).
    { begin: '^(#{1,6})\\s', end: '$', name: 'markup.heading.markdown', contentName: 'entity.name.section.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

let onigLoaded: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigLoaded ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLoaded;
}

function registry(): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.nianbao') return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
      if (scopeName === 'markdown.nianbao.injection') return vsctm.parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(JSON.stringify(FAKE_MARKDOWN), 'markdown.json');
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['markdown.nianbao.injection'] : undefined),
  });
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const grammar = await registry().loadGrammar(scopeName);
  assert.ok(grammar, scopeName);
  let stack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    out.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return out;
}

/** The scopes of every token inside the first occurrence of `part` in the line (asserts the part is found). */
function scopesOf(line: Token[], part: string): (readonly string[])[] {
  const text = line.map((t) => t.text).join('');
  const at = text.indexOf(part);
  assert.ok(at >= 0, `${part} not in ${text}`);
  const result: (readonly string[])[] = [];
  let pos = 0;
  for (const t of line) {
    const end = pos + t.text.length;
    if (end > at && pos < at + part.length) result.push(t.scopes);
    pos = end;
  }
  return result;
}

/** Asserts that all of `part` (and nothing around it cut in the middle) carries `scope`. */
function assertScope(line: Token[], part: string, scope: string): void {
  const scopes = scopesOf(line, part);
  for (const s of scopes) assert.ok(s.includes(scope), `${part}: ${JSON.stringify(s)} lacks ${scope}`);
  // The token boundaries match the part: it is one whole match, not a piece of a longer one.
  const text = line.map((t) => t.text).join('');
  const at = text.indexOf(part);
  let pos = 0;
  let starts = false;
  let ends = false;
  for (const t of line) {
    if (pos === at) starts = true;
    pos += t.text.length;
    if (pos === at + part.length) ends = true;
  }
  assert.ok(starts && ends, `${part} is not a whole token run in ${JSON.stringify(line.map((t) => t.text))}`);
}

function assertNoScope(line: Token[], part: string, scope: string): void {
  for (const s of scopesOf(line, part)) assert.ok(!s.some((x) => x.startsWith(scope)), `${part}: ${JSON.stringify(s)} has ${scope}`);
}

/** Every regex in a grammar (match, begin, end, while), with where it is. */
function regexes(node: unknown, where = '', out: { where: string; source: string }[] = []): { where: string; source: string }[] {
  if (Array.isArray(node)) node.forEach((n, i) => regexes(n, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') out.push({ where: `${where}.${k}`, source: v });
      else regexes(v, `${where}.${k}`, out);
    }
  }
  return out;
}

describe('grammars (vscode-textmate + vscode-oniguruma)', function () {
  this.timeout(20000);

  const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
  const injection = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));

  it('every regex compiles in Oniguruma', async () => {
    await onigLib();
    const all = [...regexes(grammar), ...regexes(injection)];
    assert.ok(all.length > 15);
    for (const r of all) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([r.source]), `${r.where}: ${r.source}`);
    }
  });

  it('the Markdown injection uses the same rules as the nianbao grammar', () => {
    for (const k of Object.keys(injection.repository)) assert.deepEqual(injection.repository[k], grammar.repository[k], k);
    assert.deepEqual(Object.keys(injection.repository).sort(), ['article-reference', 'document-number']);
    assert.match(injection.injectionSelector, /^L:text\.html\.markdown /);
  });

  it('section headings: 一、… with or without #, and 1、…', async () => {
    const [a, b, c, d] = await tokenize('text.nianbao', '## 一、总体情况\n三、收到和处理政府信息公开申请情况\n1、总体情况\n第二部分 主动公开政府信息情况');
    assertScope(a, '一、', 'punctuation.definition.heading.numeral.nianbao');
    assertScope(a, '总体情况', 'entity.name.section.nianbao');
    assertScope(a, '## ', 'punctuation.definition.heading.nianbao');
    for (const line of [a, b, c, d]) for (const t of line) assert.ok(t.scopes.includes('markup.heading.section.nianbao'), JSON.stringify(t));
    assertScope(c, '1、', 'punctuation.definition.heading.numeral.nianbao');
    assertScope(d, '第二部分 ', 'punctuation.definition.heading.numeral.nianbao');
  });

  it('sub-headings: （一）, (一), 1. and 1．, but not a decimal number', async () => {
    const [a, b, c, d, e] = await tokenize('text.nianbao', '### （一）主动公开\n(二)依申请公开\n1. 属于国家秘密\n2．重复申请\n1.5万元的收费');
    for (const line of [a, b, c, d]) assert.ok(line.every((t) => t.scopes.includes('markup.heading.subsection.nianbao')), JSON.stringify(line));
    assertScope(a, '（一）', 'punctuation.definition.heading.numeral.nianbao');
    assertScope(a, '主动公开', 'entity.name.section.nianbao');
    assertScope(c, '1.', 'punctuation.definition.heading.numeral.nianbao');
    assert.ok(e.every((t) => !t.scopes.includes('markup.heading.subsection.nianbao')));
    assertScope(e, '1.5', 'constant.numeric.nianbao');
  });

  it('the title line', async () => {
    const [a, b] = await tokenize('text.nianbao', '# 示例市交通运输局2022年政府信息公开工作年度报告\n示例县人民政府2021年政府信息公开工作年度报告');
    assertScope(a, '示例市交通运输局2022年政府信息公开工作年度报告', 'entity.name.section.title.nianbao');
    assertScope(b, '示例县人民政府2021年政府信息公开工作年度报告', 'markup.heading.title.nianbao');
    assertScope(a, '2022', 'constant.numeric.nianbao');
  });

  it('article references: 第二十条第（五）项, 第三十六条, 第五十条（四）', async () => {
    const [a] = await tokenize('text.nianbao', '依据第二十条第（五）项、第三十六条和第五十条（四）的规定，以及第十九条第一款。');
    for (const ref of ['第二十条第（五）项', '第三十六条', '第五十条（四）', '第十九条第一款']) assertScope(a, ref, 'entity.name.type.article-reference.nianbao');
    assertNoScope(a, '依据', 'entity.name.type');
    assertNoScope(a, '的规定', 'entity.name.type');
  });

  it('document numbers: 国办公开办函〔2021〕30号, 国办发〔2019〕12号, 苏政办发〔2020〕5号', async () => {
    const [a, b] = await tokenize('text.nianbao', '按照国办公开办函〔2021〕30号和国办公开办函〔2019〕60号的要求。\n根据国办发〔2019〕12号、苏政办发〔2020〕5号和某局〔2022〕3号。');
    assertScope(a, '国办公开办函〔2021〕30号', 'string.other.document-number.nianbao');
    assertScope(a, '国办公开办函〔2019〕60号', 'string.other.document-number.nianbao');
    assertNoScope(a, '按照', 'string.other');
    assertNoScope(a, '的要求', 'string.other');
    assertScope(b, '国办发〔2019〕12号', 'string.other.document-number.nianbao');
    assertScope(b, '苏政办发〔2020〕5号', 'string.other.document-number.nianbao');
    assertNoScope(b, '根据', 'string.other');
    // An unknown issuer code: only the part that is certainly the number.
    assertScope(b, '〔2022〕3号', 'string.other.document-number.nianbao');
  });

  it('numbers and percentages in prose, book titles', async () => {
    const [a] = await tokenize('text.nianbao', '根据《中华人民共和国政府信息公开条例》，本年度主动公开政府信息共220条，其中工作动态137条，占62.27%。');
    assertScope(a, '220', 'constant.numeric.nianbao');
    assertScope(a, '62.27%', 'constant.numeric.nianbao');
    assertScope(a, '%', 'keyword.other.unit.percent.nianbao');
    assertScope(a, '《中华人民共和国政府信息公开条例》', 'string.quoted.other.book-title.nianbao');
  });

  it('Markdown table rows: | separators, the alignment row, numbers in cells', async () => {
    const [head, sep, row] = await tokenize('text.nianbao', '| 信息内容 | 本年制发件数 |\n| --- | ---: |\n| 规章 | 17 |');
    for (const line of [head, sep, row]) assert.ok(line.every((t) => t.scopes.includes('markup.table.row.nianbao')));
    assertScope(row, '|', 'punctuation.separator.table.cell.nianbao');
    assertScope(row, '17', 'constant.numeric.nianbao');
    assertScope(sep, ' --- ', 'punctuation.separator.table.alignment.nianbao');
    assertScope(sep, ' ---: ', 'punctuation.separator.table.alignment.nianbao');
  });

  it('TAB-separated rows copied out of Word', async () => {
    const [a] = await tokenize('text.nianbao', '（一）予以公开\t3\t0\t0\t0\t0\t0\t3');
    assert.ok(a.every((t) => t.scopes.includes('markup.table.row.nianbao')), 'a TAB row is a table row, not a sub-heading');
    assertScope(a, '\t', 'punctuation.separator.table.tab.nianbao');
    assertScope(a, '3', 'constant.numeric.nianbao');
  });

  it('suppression comments: the directive and the rule ids', async () => {
    const [a] = await tokenize('text.nianbao', '<!-- nianbao-disable-next-line t3-balance, cell-blank: 理由 -->');
    assert.ok(a.every((t) => t.scopes.includes('comment.block.html.nianbao')));
    assertScope(a, 'nianbao-disable-next-line', 'keyword.control.directive.nianbao');
    assertScope(a, 't3-balance, cell-blank', 'variable.other.rule-id.nianbao');
  });

  it('the Markdown injection marks article references and document numbers in prose, not in code or comments', async () => {
    const lines = await tokenize(
      'text.html.markdown',
      [
        '依据第二十条第（五）项及国办公开办函〔2021〕30号。',
        '代码 `第三十六条` 不标。',
        '```',
        '第三十六条',
        '```',
        '<!-- 第三十六条 -->',
        '## 三、第三十六条',
      ].join('\n'),
    );
    assertScope(lines[0], '第二十条第（五）项', 'entity.name.type.article-reference.nianbao');
    assertScope(lines[0], '国办公开办函〔2021〕30号', 'string.other.document-number.nianbao');
    assertNoScope(lines[0], '依据', 'entity.name.type');
    assertNoScope(lines[1], '第三十六条', 'entity.name.type');
    assertNoScope(lines[3], '第三十六条', 'entity.name.type');
    assertNoScope(lines[5], '第三十六条', 'entity.name.type');
    assertScope(lines[6], '第三十六条', 'entity.name.type.article-reference.nianbao');
  });

  it('tokenizes a whole report skeleton and the example report, every line a table row, heading or prose', async () => {
    for (const text of [renderSkeleton('2021', 2023), renderSkeleton('2019', 2020), fs.readFileSync(path.join(ROOT, 'examples/example-report.md'), 'utf8')]) {
      const lines = await tokenize('text.nianbao', text);
      const src = text.split('\n');
      lines.forEach((line, i) => {
        assert.equal(line.map((t) => t.text).join(''), src[i]);
        if (src[i].startsWith('|')) assert.ok(line.every((t) => t.scopes.includes('markup.table.row.nianbao')), src[i]);
        if (/^## [一二三四五六]、/.test(src[i])) assert.ok(line.every((t) => t.scopes.includes('markup.heading.section.nianbao')), src[i]);
      });
    }
  });
});
