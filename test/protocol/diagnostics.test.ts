/**
 * The language server's diagnostics over a real pipe: the bundled `node dist/server.js --stdio`, spoken to with
 * vscode-jsonrpc (test/protocol/client.ts). What the rules find is pinned by the core's own `analyze` on the same
 * text, so these tests pin the translation (positions, codes, links, locale, scheduling, settings), not the rules.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/core/index';
import { startServer, type ServerHandle, type StartOptions } from './client';
import { exampleCulprit, exampleReport, fileUri, memoryUri, seed004, tmpFolder } from './fixtures';

const TIMEOUT = 5000;
const HREF = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md#';
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === code);
const has = (code: string) => (p: PublishDiagnosticsParams) => byCode(p, code).length > 0;
const lacks = (code: string) => (p: PublishDiagnosticsParams) => byCode(p, code).length === 0;
const atVersion = (v: number, and: (p: PublishDiagnosticsParams) => boolean = () => true) => (p: PublishDiagnosticsParams) =>
  p.version === v && and(p);

const NOT_A_REPORT = '# Meeting notes\n\nWe discussed the budget and the schedule.\n\n- item one\n- item two\n';
/** One section heading, no title, no table: not enough for 'auto', though the rules have much to say about it. */
const ONE_SECTION = '一、总体情况\n\n今年工作平稳有序。\n';

/** A diagnostic's message as text (LSP 3.18 also allows MarkupContent). */
const msgOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe('language server: diagnostics', function () {
  this.timeout(20000);
  let server: ServerHandle | undefined;
  const start = async (options: StartOptions = {}): Promise<ServerHandle> => {
    server = await startServer(options);
    return server;
  };
  afterEach(() => {
    server?.kill();
    server = undefined;
  });

  it('publishes what the core finds in seed 004 opened as plaintext, at the same ranges', async () => {
    const s = await start();
    const text = seed004();
    const uri = memoryUri('004.txt');
    s.open(uri, 'plaintext', text);
    const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);

    const expected = analyze(text).diagnostics;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity]),
      expected.map((d) => [d.rule, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, SEVERITY[d.severity]]),
    );
    assert.ok(has('t2-decisions-vs-items')(p), 't2-decisions-vs-items');
    // 共 1823 条 ≠ 182 + 1131 + 310, on line 11 (1-based).
    const sum = byCode(p, 'prose-sum');
    assert.ok(sum.some((d) => d.range.start.line === 10), `prose-sum on line 11: ${JSON.stringify(sum.map((d) => d.range))}`);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'nianbao');
      assert.equal(d.codeDescription?.href, HREF + String(d.code));
    }
  });

  it('publishes t3-row-total on the 21 of the example report (markdown) with code, link, related locations and fix data', async () => {
    const s = await start();
    const text = exampleReport();
    const uri = memoryUri('example-report.md');
    s.open(uri, 'markdown', text);
    const p = await s.waitForDiagnostics(uri, has('t3-row-total'), TIMEOUT);
    assert.equal(p.version, 1);
    const [d] = byCode(p, 't3-row-total');
    const culprit = exampleCulprit(text);
    assert.equal(culprit.start.line, 64, 'line 65 in 1-based editors');
    assert.deepEqual(d.range, culprit);
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'nianbao');
    assert.equal(d.codeDescription?.href, `${HREF}t3-row-total`);
    assert.match(msgOf(d), /21/);
    assert.ok(d.relatedInformation && d.relatedInformation.length >= 2, 'related information');
    for (const r of d.relatedInformation) {
      assert.equal(r.location.uri, uri);
      assert.ok(r.message.length > 0);
    }
    // The row's other cells are among the related locations.
    assert.ok(d.relatedInformation.some((r) => r.location.range.start.line === 64 && r.location.range.start.character < culprit.start.character));
    const data = d.data as { rule: string; version: number; fix?: { edits: { range: unknown; newText: string }[]; safe: boolean } };
    assert.equal(data.rule, 't3-row-total');
    assert.equal(data.version, 1);
    assert.deepEqual(data.fix?.edits, [{ range: culprit, newText: '20' }]);
    assert.equal(data.fix?.safe, true);
  });

  it('speaks Chinese by default and for zh locales, English for en locales', async () => {
    const text = exampleReport();
    const [core] = analyze(text).diagnostics.filter((d) => d.rule === 't3-row-total');
    for (const [locale, lang] of [
      ['zh-cn', 'zh'],
      ['zh-tw', 'zh'],
      ['fr', 'zh'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-gb', 'en'],
    ] as const) {
      const s = await start({ locale });
      const uri = memoryUri('example.md');
      s.open(uri, 'markdown', text);
      const p = await s.waitForDiagnostics(uri, has('t3-row-total'), TIMEOUT);
      const [d] = byCode(p, 't3-row-total');
      assert.equal(msgOf(d), core.message[lang], `locale ${locale}`);
      assert.equal(d.relatedInformation?.[0].message, core.related?.[0].message[lang], `related, locale ${locale}`);
      await s.stop();
    }
  });

  it('takes incremental edits: replacing 21 by 20 clears the finding within 500 ms', async () => {
    const s = await start();
    const text = exampleReport();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', text);
    await s.waitForDiagnostics(uri, has('t3-row-total'), TIMEOUT);
    const started = Date.now();
    s.change(uri, 2, [{ range: exampleCulprit(text), text: '20' }]);
    const p = await s.nextDiagnostics(uri, atVersion(2), 500);
    assert.ok(lacks('t3-row-total')(p), `still reported: ${JSON.stringify(p.diagnostics.map((d) => d.code))}`);
    assert.ok(Date.now() - started <= 500);
    // And back: the incremental document is the text the client has.
    s.change(uri, 3, [{ range: exampleCulprit(text), text: '21' }]);
    const back = await s.nextDiagnostics(uri, atVersion(3), TIMEOUT);
    assert.deepEqual(byCode(back, 't3-row-total')[0].range, exampleCulprit(text));
  });

  it('publishes only the last version when edits come quickly', async () => {
    const s = await start({ settings: { debounce: 150 } });
    const text = exampleReport();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', text);
    await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
    const culprit = exampleCulprit(text);
    s.change(uri, 2, [{ range: culprit, text: '20' }]);
    s.change(uri, 3, [{ range: culprit, text: '21' }]);
    const p = await s.nextDiagnostics(uri, atVersion(3), TIMEOUT);
    assert.ok(has('t3-row-total')(p), 'version 3 has 21 again');
    // One more round trip, so anything still queued for version 2 would have arrived.
    await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      s.published.filter((x) => x.uri === uri).map((x) => x.version),
      [1, 3],
    );
  });

  it('with debounce 0 analyses at once, and never publishes a version the document has left', async () => {
    const s = await start({ settings: { debounce: 0 } });
    const text = exampleReport();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', text);
    await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
    const culprit = exampleCulprit(text);
    for (let v = 2; v <= 20; v++) s.change(uri, v, [{ range: culprit, text: v % 2 ? '21' : '20' }]);
    const last = await s.nextDiagnostics(uri, atVersion(20), TIMEOUT);
    assert.ok(lacks('t3-row-total')(last));
    const versions = s.published.filter((x) => x.uri === uri).map((x) => x.version ?? 0);
    // Increasing, each publication matching its own version's text.
    assert.deepEqual([...versions].sort((a, b) => a - b), versions);
    for (const p of s.published.filter((x) => x.uri === uri)) {
      assert.equal(has('t3-row-total')(p), (p.version ?? 0) % 2 === 1, `version ${p.version}`);
    }
  });

  it('re-reads the settings on didChangeConfiguration: a rule turned off goes, a severity changes', async () => {
    const s = await start();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', exampleReport());
    const first = await s.waitForDiagnostics(uri, has('t3-row-total'), TIMEOUT);
    assert.equal(byCode(first, 't3-row-total')[0].severity, 1);

    s.settings = { rules: { 't3-row-total': 'warning' } };
    s.changeConfiguration({});
    const warned = await s.nextDiagnostics(uri, has('t3-row-total'), TIMEOUT);
    assert.equal(byCode(warned, 't3-row-total')[0].severity, 2);

    s.settings = { rules: { 't3-row-total': 'off' } };
    s.changeConfiguration({});
    const off = await s.nextDiagnostics(uri, () => true, TIMEOUT);
    assert.ok(lacks('t3-row-total')(off));
    // The refresh requests for inlay hints and code lenses go out too.
    assert.ok(s.serverRequests.includes('workspace/inlayHint/refresh'));
    assert.ok(s.serverRequests.includes('workspace/codeLens/refresh'));
  });

  it('nianbao.validate: never and auto skip markdown that is not a report; the nianbao language is always checked', async () => {
    const s = await start({ settings: { validate: 'never' } });
    const md = memoryUri('report.md');
    const nb = memoryUri('report.nianbao');
    s.open(md, 'markdown', exampleReport());
    s.open(nb, 'nianbao', exampleReport());
    assert.deepEqual((await s.waitForDiagnostics(md, atVersion(1), TIMEOUT)).diagnostics, []);
    assert.ok(has('t3-row-total')(await s.waitForDiagnostics(nb, atVersion(1), TIMEOUT)));

    s.settings = { validate: 'auto' };
    s.changeConfiguration({});
    assert.ok(has('t3-row-total')(await s.nextDiagnostics(md, () => true, TIMEOUT)), 'auto: the report is checked');
    const notes = memoryUri('notes.md');
    s.open(notes, 'markdown', NOT_A_REPORT);
    assert.deepEqual((await s.waitForDiagnostics(notes, atVersion(1), TIMEOUT)).diagnostics, [], 'auto: not a report');
    const draft = memoryUri('draft.md');
    s.open(draft, 'markdown', ONE_SECTION);
    assert.deepEqual((await s.waitForDiagnostics(draft, atVersion(1), TIMEOUT)).diagnostics, [], 'auto: one section is not enough');
    const plain = memoryUri('draft.txt');
    s.open(plain, 'plaintext', ONE_SECTION);
    assert.deepEqual((await s.waitForDiagnostics(plain, atVersion(1), TIMEOUT)).diagnostics, [], 'auto: plaintext alike');
    const nbDraft = memoryUri('draft.nianbao');
    s.open(nbDraft, 'nianbao', ONE_SECTION);
    assert.ok(has('section-missing')(await s.waitForDiagnostics(nbDraft, atVersion(1), TIMEOUT)), 'nianbao language: always');

    s.settings = { validate: 'always' };
    s.changeConfiguration({});
    assert.ok(has('section-missing')(await s.nextDiagnostics(draft, () => true, TIMEOUT)), 'always: every markdown file');
    await s.waitForDiagnostics(plain, has('section-missing'), TIMEOUT);

    s.settings = { validate: 'never' };
    s.changeConfiguration({});
    const [cleared, still] = await Promise.all([s.nextDiagnostics(draft, () => true, TIMEOUT), s.nextDiagnostics(nbDraft, () => true, TIMEOUT)]);
    assert.deepEqual(cleared.diagnostics, [], 'never: cleared');
    assert.ok(has('section-missing')(still), 'never: the nianbao language still');
  });

  it('does not analyse a document over nianbao.maxFileSize: one Information diagnostic at line 0, in the locale', async () => {
    const s = await start({ locale: 'en', settings: { maxFileSize: 1000 } });
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', exampleReport());
    const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
    assert.equal(p.diagnostics.length, 1);
    const [d] = p.diagnostics;
    assert.equal(d.severity, 3);
    assert.equal(d.range.start.line, 0);
    assert.equal(d.range.start.character, 0);
    assert.equal(d.source, 'nianbao');
    assert.equal(d.code, 'file-too-large');
    assert.match(msgOf(d), /too large/);
    assert.match(msgOf(d), /maxFileSize/);
    // Raising the limit brings the analysis back.
    s.settings = { maxFileSize: 10_000_000 };
    s.changeConfiguration({});
    assert.ok(has('t3-row-total')(await s.nextDiagnostics(uri, () => true, TIMEOUT)));
  });

  it('applies the default size cap of 2 MB (bytes of UTF-8), in Chinese by default', async () => {
    const s = await start();
    const uri = memoryUri('big.nianbao');
    // 700 000 three-byte characters: 2.1 MB of UTF-8, though only 0.7 M UTF-16 units.
    const text = exampleReport() + '\n' + '年'.repeat(700_000) + '\n';
    s.open(uri, 'nianbao', text);
    const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, 'file-too-large');
    assert.equal(p.diagnostics[0].severity, 3);
    assert.match(msgOf(p.diagnostics[0]), /文件过大/);
  });

  it('merges .nianbao.json under the editor settings and names an invalid key', async () => {
    const dir = tmpFolder({
      '.nianbao.json': JSON.stringify({ rules: { 't3-row-total': 'warning', 'no-such-rule': 'off' }, year: 2022 }),
      'sub/report.md': exampleReport(),
    });
    try {
      const s = await start();
      const uri = fileUri(path.join(dir, 'sub', 'report.md'));
      s.open(uri, 'markdown', exampleReport());
      const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
      assert.equal(byCode(p, 't3-row-total')[0]?.severity, 2, 'the config file sets warning');
      const notices = byCode(p, 'config');
      assert.equal(notices.length, 1);
      assert.equal(notices[0].severity, 3);
      assert.equal(notices[0].range.start.line, 0);
      assert.ok(msgOf(notices[0]).includes(path.join(dir, '.nianbao.json')), msgOf(notices[0]));
      assert.match(msgOf(notices[0]), /rules\.no-such-rule/);

      // The editor setting wins over the file.
      s.settings = { rules: { 't3-row-total': 'hint' } };
      s.changeConfiguration({});
      const edited = await s.nextDiagnostics(uri, () => true, TIMEOUT);
      assert.equal(byCode(edited, 't3-row-total')[0]?.severity, 4);

      // The file changes on disk; a watched-files notification re-reads it.
      fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ rules: { 'cell-blank': 'off' } }));
      await s.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(path.join(dir, '.nianbao.json')), type: 2 }],
      });
      const reread = await s.nextDiagnostics(uri, () => true, TIMEOUT);
      assert.deepEqual(byCode(reread, 'config'), [], 'no invalid key any more');
      assert.equal(byCode(reread, 't3-row-total')[0]?.severity, 4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports invalid JSON in a config file and an invalid editor setting, and keeps the defaults working', async () => {
    const dir = tmpFolder({ 'nianbao.json': '{ "rules": ', 'report.md': '' });
    try {
      const s = await start({ locale: 'en', settings: { year: 1999 } });
      const uri = fileUri(path.join(dir, 'report.md'));
      s.open(uri, 'markdown', exampleReport());
      const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
      assert.ok(has('t3-row-total')(p), 'the defaults keep working');
      const [n] = byCode(p, 'config');
      assert.ok(msgOf(n).includes(path.join(dir, 'nianbao.json')), msgOf(n));
      assert.match(msgOf(n), /invalid JSON/);
      assert.match(msgOf(n), /nianbao\.year/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a client without workspace/configuration the defaults', async () => {
    const s = await start({ capabilities: {} });
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', exampleReport());
    const p = await s.waitForDiagnostics(uri, atVersion(1), TIMEOUT);
    assert.ok(has('t3-row-total')(p));
    assert.ok(!s.serverRequests.includes('workspace/configuration'));
    // Default debounce (200 ms) on change, still well within a second.
    s.change(uri, 2, [{ range: exampleCulprit(exampleReport()), text: '20' }]);
    assert.ok(lacks('t3-row-total')(await s.nextDiagnostics(uri, atVersion(2), 1000)));
  });

  it("nianbao.run 'onSave': changes are not analysed until the document is saved", async () => {
    const s = await start({ settings: { run: 'onSave', debounce: 0 } });
    const text = exampleReport();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', text);
    await s.waitForDiagnostics(uri, atVersion(1, has('t3-row-total')), TIMEOUT);
    s.change(uri, 2, [{ range: exampleCulprit(text), text: '20' }]);
    // A round trip after the change: with run 'onType' and debounce 0 a publication would have come first.
    await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(s.published.filter((x) => x.uri === uri).map((x) => x.version), [1]);
    s.save(uri);
    const saved = await s.nextDiagnostics(uri, atVersion(2), TIMEOUT);
    assert.ok(lacks('t3-row-total')(saved));
  });

  it('clears the diagnostics of a closed document', async () => {
    const s = await start();
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', exampleReport());
    await s.waitForDiagnostics(uri, has('t3-row-total'), TIMEOUT);
    s.close(uri);
    const p = await s.nextDiagnostics(uri, () => true, TIMEOUT);
    assert.deepEqual(p.diagnostics, []);
  });
});
