/**
 * The editor features over a real pipe: document symbols, folding, hover, code actions (quick fix and fix all),
 * inlay hints, code lenses, and the client's `nianbao/reportInfo` request. The server only translates the core's
 * features (server/src/core/features); these tests pin that translation.
 */

import * as assert from 'node:assert/strict';
import type {
  CodeAction,
  CodeLens,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  MarkupContent,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver/node';
import { startServer, type ServerHandle, type StartOptions } from './client';
import { exampleCulprit, exampleReport, memoryUri, positionOf, seed004 } from './fixtures';

const TIMEOUT = 5000;
const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

interface Opened {
  readonly server: ServerHandle;
  readonly uri: string;
  readonly text: string;
}

describe('language server: features', function () {
  this.timeout(20000);
  let server: ServerHandle | undefined;
  afterEach(() => {
    server?.kill();
    server = undefined;
  });

  /** Starts a server and opens a document, waiting for its first diagnostics (so the analysis is cached). */
  async function open(which: 'seed' | 'example', options: StartOptions = {}): Promise<Opened> {
    server = await startServer(options);
    const text = which === 'seed' ? seed004() : exampleReport();
    const uri = memoryUri(which === 'seed' ? '004.txt' : 'example.md');
    server.open(uri, which === 'seed' ? 'plaintext' : 'markdown', text);
    await server.waitForDiagnostics(uri, (p) => p.version === 1, TIMEOUT);
    return { server, uri, text };
  }

  const request = <R>(o: Opened, method: string, params: object = {}): Promise<R> =>
    o.server.connection.sendRequest<R>(method, { textDocument: { uri: o.uri }, ...params });

  const wholeDocument = (text: string) => ({ start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } });

  it('documentSymbol: a hierarchy whose top level has the six sections of seed 004', async () => {
    const o = await open('seed');
    const symbols = await request<DocumentSymbol[]>(o, 'textDocument/documentSymbol');
    const sections = symbols.filter((s) => SECTION_TITLES.includes(s.name));
    assert.deepEqual(
      sections.map((s) => s.name),
      SECTION_TITLES,
    );
    for (const s of symbols) {
      assert.ok(s.name.length > 0);
      assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line);
    }
    // Section 二 holds the 表二 tables; 三 holds 表三.
    const s2 = symbols.find((s) => s.name === SECTION_TITLES[1]);
    assert.ok(s2?.children?.some((c) => c.name.includes('第二十条第（五）项')));
    const s3 = symbols.find((s) => s.name === SECTION_TITLES[2]);
    assert.ok(s3?.children?.some((c) => c.name.startsWith('表三')));
  });

  it('documentSymbol: flat SymbolInformation for a client without hierarchical support', async () => {
    const o = await open('seed', { capabilities: { workspace: { configuration: true } } });
    const symbols = await request<SymbolInformation[]>(o, 'textDocument/documentSymbol');
    assert.ok(symbols.every((s) => s.location?.uri === o.uri));
    assert.deepEqual(
      symbols.filter((s) => SECTION_TITLES.includes(s.name)).map((s) => s.name),
      SECTION_TITLES,
    );
    assert.ok(symbols.some((s) => s.name.startsWith('表三') && s.containerName === SECTION_TITLES[2]));
  });

  it('foldingRange: one region per section, table and sub-heading of seed 004', async () => {
    const o = await open('seed');
    const ranges = await request<FoldingRange[]>(o, 'textDocument/foldingRange');
    assert.ok(ranges.length >= 6);
    for (const r of ranges) assert.ok(r.endLine > r.startLine, JSON.stringify(r));
    const s1 = positionOf(o.text, '一、总体情况').line;
    assert.ok(ranges.some((r) => r.startLine === s1), `a fold from section 一 (line ${s1})`);
    const t3 = positionOf(o.text, '二、主动公开政府信息情况').line;
    assert.ok(ranges.some((r) => r.startLine === t3));
  });

  it('hover on 第二十条第（五）项: Markdown quoting the regulation, in the locale', async () => {
    for (const [locale, expected] of [
      ['zh-cn', /《条例》第二十条第（五）项/],
      ['en', /Regulation on the Disclosure of Government Information, Article 20\(5\)/],
    ] as const) {
      const o = await open('seed', { locale });
      const at = positionOf(o.text, '第二十条第（五）项', 3);
      const h = await request<Hover | null>(o, 'textDocument/hover', { position: at });
      assert.ok(h, 'a hover');
      const contents = h.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      assert.match(contents.value, expected);
      assert.match(contents.value, /办理行政许可和其他对外管理服务事项/);
      assert.equal(h.range?.start.line, at.line);
      assert.ok((h.range?.start.character ?? 99) <= at.character && (h.range?.end.character ?? 0) >= at.character);
      await o.server.stop();
    }
  });

  it('codeAction: the preferred quick fix replaces exactly 21 with 20, with its diagnostic', async () => {
    const o = await open('example');
    const culprit = exampleCulprit(o.text);
    const published = await o.server.waitForDiagnostics(o.uri, () => true, TIMEOUT);
    const diagnostic = published.diagnostics.find((d) => d.code === 't3-row-total');
    assert.ok(diagnostic);
    const actions = await request<CodeAction[]>(o, 'textDocument/codeAction', {
      range: culprit,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    const [fix] = preferred;
    assert.equal(fix.kind, 'quickfix');
    assert.match(fix.title, /20/);
    assert.deepEqual(fix.diagnostics, [diagnostic], 'the client’s own diagnostic comes back');
    // The test client supports no documentChanges: a plain `changes` map of this document.
    assert.deepEqual(fix.edit?.changes, { [o.uri]: [{ range: culprit, newText: '20' }] });
    assert.ok(actions.every((a) => a.kind === 'quickfix'), 'only quick fixes when only quickfix is asked for');
    // Not offered away from the finding.
    const elsewhere = await request<CodeAction[]>(o, 'textDocument/codeAction', {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.ok(!elsewhere.some((a) => a.isPreferred));
  });

  it('codeAction: source.fixAll.nianbao, served for source.fixAll and for its own kind', async () => {
    const o = await open('example');
    const culprit = exampleCulprit(o.text);
    for (const only of [['source.fixAll'], ['source.fixAll.nianbao'], ['source']]) {
      const actions = await request<CodeAction[]>(o, 'textDocument/codeAction', {
        range: wholeDocument(o.text),
        context: { diagnostics: [], only, triggerKind: 2 },
      });
      assert.equal(actions.length, 1, `only ${only.join()}: ${JSON.stringify(actions.map((a) => a.kind))}`);
      const [all] = actions;
      assert.equal(all.kind, 'source.fixAll.nianbao');
      assert.deepEqual(all.edit?.changes?.[o.uri], [{ range: culprit, newText: '20' }]);
    }
    // Another tool's fix-all kind is not ours.
    const other = await request<CodeAction[]>(o, 'textDocument/codeAction', {
      range: wholeDocument(o.text),
      context: { diagnostics: [], only: ['source.fixAll.eslint'] },
    });
    assert.deepEqual(other, []);
  });

  it('codeAction: versioned edits for clients that support documentChanges', async () => {
    const o = await open('example', {
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: { codeAction: { isPreferredSupport: true } },
      },
    });
    const culprit = exampleCulprit(o.text);
    const actions = await request<CodeAction[]>(o, 'textDocument/codeAction', { range: culprit, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.deepEqual(fix?.edit?.documentChanges, [{ textDocument: { uri: o.uri, version: 1 }, edits: [{ range: culprit, newText: '20' }] }]);
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.nianbao'), 'fix all too when no kind is asked for');
  });

  it('inlayHint: “= 20” after the wrong figure; none when nianbao.inlayHints.enabled is false', async () => {
    const o = await open('example');
    const culprit = exampleCulprit(o.text);
    const hints = await request<InlayHint[]>(o, 'textDocument/inlayHint', { range: wholeDocument(o.text) });
    assert.equal(hints.length, 1);
    assert.deepEqual(hints[0].position, culprit.end);
    assert.equal(hints[0].label, '= 20');
    assert.equal((hints[0].tooltip as MarkupContent).kind, 'markdown');
    assert.match((hints[0].tooltip as MarkupContent).value, /20/);
    // Outside the requested range: nothing.
    const none = await request<InlayHint[]>(o, 'textDocument/inlayHint', {
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    });
    assert.deepEqual(none, []);

    o.server.settings = { inlayHints: { enabled: false } };
    o.server.changeConfiguration({});
    await o.server.nextDiagnostics(o.uri, () => true, TIMEOUT);
    assert.deepEqual(await request<InlayHint[]>(o, 'textDocument/inlayHint', { range: wholeDocument(o.text) }), []);
  });

  it('codeLens: one per table, running nianbao.showProblems with the document and the table range; none when disabled', async () => {
    const o = await open('example');
    const lenses = await request<CodeLens[]>(o, 'textDocument/codeLens');
    assert.ok(lenses.length >= 2);
    const t3 = lenses.find((l) => l.command?.title.startsWith('表三'));
    assert.ok(t3, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.equal(t3.command?.command, 'nianbao.showProblems');
    const [uri, range] = t3.command?.arguments ?? [];
    assert.equal(uri, o.uri);
    assert.equal(range.start.line, t3.range.start.line);
    assert.ok(range.end.line > range.start.line, 'the whole table');
    const culprit = exampleCulprit(o.text);
    assert.ok(range.start.line <= culprit.start.line && culprit.start.line <= range.end.line);

    o.server.settings = { codeLens: { enabled: false } };
    o.server.changeConfiguration({});
    await o.server.nextDiagnostics(o.uri, () => true, TIMEOUT);
    assert.deepEqual(await request<CodeLens[]>(o, 'textDocument/codeLens'), []);
  });

  it('codeLens titles follow the locale', async () => {
    const o = await open('example', { locale: 'en' });
    const lenses = await request<CodeLens[]>(o, 'textDocument/codeLens');
    const t3 = lenses.find((l) => l.command?.title.startsWith('表三'));
    assert.match(t3?.command?.title ?? '', /inconsistenc/);
  });

  it('features answer nothing for a document that is not checked', async () => {
    const o = await open('example', { settings: { validate: 'never' } });
    assert.deepEqual(await request<DocumentSymbol[]>(o, 'textDocument/documentSymbol'), []);
    assert.deepEqual(await request<FoldingRange[]>(o, 'textDocument/foldingRange'), []);
    assert.equal(await request<Hover | null>(o, 'textDocument/hover', { position: exampleCulprit(o.text).start }), null);
    assert.deepEqual(await request<CodeAction[]>(o, 'textDocument/codeAction', { range: exampleCulprit(o.text), context: { diagnostics: [] } }), []);
    assert.deepEqual(await request<CodeLens[]>(o, 'textDocument/codeLens'), []);
    assert.equal(await o.server.connection.sendRequest('nianbao/reportInfo', { uri: o.uri }), null);
  });

  it('nianbao/reportInfo: template, year, kind and the number of problems published', async () => {
    const o = await open('example', { settings: { kind: 'government' } });
    const info = await o.server.connection.sendRequest<{ template: string; year: number | null; kind: string | null; problems: number }>(
      'nianbao/reportInfo',
      { uri: o.uri },
    );
    const published = await o.server.waitForDiagnostics(o.uri, () => true, TIMEOUT);
    assert.equal(info.template, '2021');
    assert.equal(info.year, 2022);
    assert.equal(info.kind, 'government');
    assert.equal(info.problems, published.diagnostics.length);
  });

  it('quick fix edits applied by the client clear the finding', async () => {
    const o = await open('example', { settings: { debounce: 0 } });
    const culprit = exampleCulprit(o.text);
    const actions = await request<CodeAction[]>(o, 'textDocument/codeAction', { range: culprit, context: { diagnostics: [] } });
    const edits = actions.find((a) => a.isPreferred)?.edit?.changes?.[o.uri] as TextEdit[];
    o.server.change(o.uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const p = await o.server.nextDiagnostics(o.uri, (x) => x.version === 2, TIMEOUT);
    assert.ok(!p.diagnostics.some((d) => d.code === 't3-row-total'));
  });
});
