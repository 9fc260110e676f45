/**
 * The extension in a real VS Code (run by test/integration/index.ts): activation, diagnostics on open, a quick
 * fix, a setting, snippets, hover, the commands. Every wait is on an editor event (diagnostics changing) with a
 * time limit — never a fixed sleep.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderTable } from '../../../server/src/core/templates';
import type { NianbaoApi } from '../../../client/src/extension';

const EXTENSION_ID = 'nianbao.nianbao';
const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(ROOT, 'test/integration/fixtures/defect-report.md');
/** The fixture's one defect: 表三「（七）总计」行「总计」列 reads 2 where the row adds up to 1. */
const DEFECT = { rule: 't3-row-total', line: 70, text: '2', fixed: '1' };
const LIMIT = 20000;

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
}

/**
 * Resolves with the document's nianbao diagnostics as soon as they satisfy `ok`: now, or at a later
 * diagnostics change. Rejects after `limit` ms, listing what was there.
 */
function diagnosticsWhen(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, limit = LIMIT): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!ok(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const now = ours(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.toString()}; diagnostics: ${JSON.stringify(now)}`));
    }, limit);
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

const hasRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule);
const lacksRule = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === rule);

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/**
 * The quick fix that rewrites the diagnostic's own text (the other actions insert a suppression comment, or ask a
 * chat). VS Code fills the request's context.diagnostics from its markers, which can reach the workbench a moment
 * after the extension host saw the diagnostics: the request is repeated, briefly, until the fix is offered.
 */
async function quickFixFor(doc: vscode.TextDocument, d: vscode.Diagnostic, limit = 5000): Promise<vscode.CodeAction> {
  const deadline = Date.now() + limit;
  let titles: string[] = [];
  for (;;) {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    titles = actions.map((a) => a.title);
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        a instanceof vscode.CodeAction && a.edit !== undefined && a.edit.get(doc.uri).some((e) => e.range.isEqual(d.range) && e.newText === DEFECT.fixed),
    );
    if (fix) return fix;
    if (Date.now() > deadline) throw new Error(`no quick fix for ${ruleOf(d)} within ${limit} ms: ${JSON.stringify(titles)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let untitledCount = 0;

/**
 * A new unsaved document with this text, shown in an editor (closed again without a save prompt by revert).
 * Each gets a name of its own (`untitled:nianbao-test-3.md`), so no test sees a document another test closed.
 */
async function untitled(language: 'markdown' | 'nianbao', content: string): Promise<vscode.TextEditor> {
  const name = `nianbao-test-${++untitledCount}.${language === 'markdown' ? 'md' : 'nianbao'}`;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  assert.equal(doc.languageId, language);
  const editor = await vscode.window.showTextDocument(doc);
  if (content) assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), content)));
  return editor;
}

async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('nianbao extension', function () {
  this.timeout(60000);
  let api: NianbaoApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<NianbaoApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    api = await ext.activate();
    await api.ready();
  });

  after(closeAll);

  it('activates, starts the server and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['nianbao.insertTable', 'nianbao.insertReportSkeleton', 'nianbao.showRuleDocs', 'nianbao.restartServer', 'nianbao.showProblems']) {
      assert.ok(commands.includes(c), c);
    }
  });

  describe('the fixture report (a Markdown file with one defect)', () => {
    let doc: vscode.TextDocument;

    before(async () => {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.file(FIXTURE));
      await vscode.window.showTextDocument(doc);
    });

    it('gets exactly its one diagnostic, on the wrong cell, when opened', async () => {
      const ds = await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), DEFECT.rule);
      assert.equal(ds.length, 1, JSON.stringify(ds.map(ruleOf)));
      const d = ds[0];
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.range.start.line, DEFECT.line);
      assert.equal(doc.getText(d.range), DEFECT.text);
      assert.match(d.message, /2/);
    });

    it('answers nianbao/reportInfo for the status bar', async () => {
      await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), DEFECT.rule);
      const info = await api.reportInfo(doc.uri);
      assert.deepEqual(info, { template: '2021', year: 2022, kind: 'department', problems: 1 });
    });

    it('explains the cell on hover', async () => {
      const [d] = await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), DEFECT.rule);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start);
      const text = hoverText(hovers);
      assert.ok(text.includes('表三') || text.includes('总计'), text);
    });

    it('turns a rule off through the nianbao.rules setting, and on again', async () => {
      const config = vscode.workspace.getConfiguration('nianbao');
      try {
        await config.update('rules', { [DEFECT.rule]: 'off' }, vscode.ConfigurationTarget.Global);
        await diagnosticsWhen(doc.uri, lacksRule(DEFECT.rule), `${DEFECT.rule} to go`);
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
      }
      await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), `${DEFECT.rule} to come back`);
    });

    it('restarts the server and checks the open report again', async () => {
      await vscode.commands.executeCommand('nianbao.restartServer');
      await api.ready();
      await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), `${DEFECT.rule} after the restart`);
      const info = await api.reportInfo(doc.uri);
      assert.equal(info?.problems, 1);
    });
  });

  it('applies the quick fix offered through vscode.executeCodeActionProvider', async () => {
    const editor = await untitled('markdown', fs.readFileSync(FIXTURE, 'utf8'));
    const doc = editor.document;
    try {
      const [d] = (await diagnosticsWhen(doc.uri, hasRule(DEFECT.rule), DEFECT.rule)).filter((x) => ruleOf(x) === DEFECT.rule);
      const fix = await quickFixFor(doc, d);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), fix.kind?.value);
      assert.ok(fix.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.getText(d.range), DEFECT.fixed);
      await diagnosticsWhen(doc.uri, (ds) => ds.length === 0, 'no diagnostics after the fix');
    } finally {
      await revertAndClose(editor);
    }
  });

  it('inserts the report skeleton snippet; the result has no error or warning', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const contributed = (ext.packageJSON.contributes.snippets as { language: string; path: string }[]).find((s) => s.language === 'nianbao');
    assert.ok(contributed);
    const snippets = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, contributed.path), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const report = Object.values(snippets).find((s) => s.prefix.includes('nianbao-report'));
    assert.ok(report, 'no nianbao-report snippet');

    // A title and one section: the server reports the missing tables, which proves it checks this document.
    const editor = await untitled('nianbao', '# 示例县测试局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n');
    const doc = editor.document;
    try {
      await diagnosticsWhen(doc.uri, hasRule('table-missing'), 'table-missing before the snippet');
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(report.body.join('\n')), all));
      await vscode.commands.executeCommand('leaveSnippet');
      assert.ok(doc.getText().startsWith('# 机关名称2023年政府信息公开工作年度报告\n'), doc.getText().slice(0, 60));
      assert.ok(doc.getText().includes('| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
      const ds = await diagnosticsWhen(
        doc.uri,
        (x) => x.every((d) => d.severity !== vscode.DiagnosticSeverity.Error && d.severity !== vscode.DiagnosticSeverity.Warning),
        'no error or warning in the inserted skeleton',
      );
      assert.ok(!ds.some((d) => ruleOf(d) === 'table-missing'));
      const info = await api.reportInfo(doc.uri);
      assert.equal(info?.template, '2021');
      assert.equal(info?.year, 2023);
    } finally {
      await revertAndClose(editor);
    }
  });

  it('nianbao.insertTable with arguments inserts the table on lines of its own', async () => {
    const editor = await untitled('nianbao', '前文。');
    try {
      const end = editor.document.positionAt(editor.document.getText().length);
      editor.selection = new vscode.Selection(end, end);
      assert.equal(await vscode.commands.executeCommand('nianbao.insertTable', { table: 't4', template: '2021' }), true);
      assert.equal(editor.document.getText(), `前文。\n\n${renderTable('t4', '2021')}\n`);
    } finally {
      await revertAndClose(editor);
    }
  });

  it('nianbao.insertReportSkeleton with a template inserts a whole report', async () => {
    const editor = await untitled('nianbao', '');
    try {
      assert.equal(await vscode.commands.executeCommand('nianbao.insertReportSkeleton', { template: '2019', year: 2020, agency: '示例县测试局' }), true);
      await vscode.commands.executeCommand('leaveSnippet');
      const text = editor.document.getText();
      assert.ok(text.startsWith('# 示例县测试局2020年政府信息公开工作年度报告'), text.slice(0, 60));
      assert.ok(text.includes('| 政府集中采购 | 0 | 0 |'), '2019 template: 第二十条第（九）项');
    } finally {
      await revertAndClose(editor);
    }
  });

  it('nianbao.showRuleDocs with a rule id opens its documentation', async () => {
    const opened = await vscode.commands.executeCommand('nianbao.showRuleDocs', 't3-balance');
    // In the Markdown preview when VS Code's Markdown extension is there; else the browser, which a test
    // machine may refuse (false) — but the command must not fail.
    if (vscode.extensions.getExtension('vscode.markdown-language-features')) assert.equal(opened, true);
    else assert.equal(typeof opened, 'boolean');
  });
});
