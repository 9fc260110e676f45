/**
 * The extension's commands. Each works from the command palette (with a quick pick) and, for scripts,
 * keybindings and tests, with its choice passed as an argument.
 */

import * as vscode from 'vscode';
import { RULES } from '../../server/src/core/rules/registry';
import { tableDef, type TableId, type TemplateId } from '../../server/src/core/schema';
import { renderTable } from '../../server/src/core/templates';
import { ruleDocUrl } from './links';
import type { ReportInfo } from './protocol';
import { isSelected } from './selector';
import { allTables, padBlock, skeletonSnippet, tableShortName, tableSummary, TEMPLATE_CIRCULAR } from './snippets';

export interface CommandDeps {
  readonly api: { reportInfo(uri: vscode.Uri): Promise<ReportInfo | null> };
  restart(): Promise<void>;
}

/** Arguments of `nianbao.insertTable`: both given → no quick pick. */
export interface InsertTableArgs {
  readonly table?: TableId;
  readonly template?: TemplateId;
}

/** Arguments of `nianbao.insertReportSkeleton`. */
export interface InsertSkeletonArgs {
  readonly template?: TemplateId;
  readonly year?: number;
  readonly agency?: string;
}

const TEMPLATE_IDS: readonly TemplateId[] = ['2021', '2019'];

function chinese(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

function templateTitle(template: TemplateId): string {
  return vscode.l10n.t('{0} template ({1})', template, TEMPLATE_CIRCULAR[template]);
}

async function activeTemplate(deps: CommandDeps, editor: vscode.TextEditor | undefined): Promise<TemplateId | undefined> {
  if (!editor || !isSelected(editor.document)) return undefined;
  try {
    return (await deps.api.reportInfo(editor.document.uri))?.template;
  } catch {
    return undefined;
  }
}

interface TableItem extends vscode.QuickPickItem {
  readonly table?: TableId;
  readonly template?: TemplateId;
}

async function pickTable(deps: CommandDeps, editor: vscode.TextEditor): Promise<{ table: TableId; template: TemplateId } | undefined> {
  const current = await activeTemplate(deps, editor);
  const order = current ? [current, ...TEMPLATE_IDS.filter((t) => t !== current)] : TEMPLATE_IDS;
  const items: TableItem[] = [];
  for (const template of order) {
    const label = current === template ? vscode.l10n.t('{0} — this report’s template', templateTitle(template)) : templateTitle(template);
    items.push({ label, kind: vscode.QuickPickItemKind.Separator });
    for (const t of allTables().filter((x) => x.template === template)) {
      items.push({
        label: tableShortName(t.id),
        description: vscode.l10n.t('{0} template', template),
        detail: tableSummary(t.id, template),
        table: t.id,
        template,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert a standard table'),
    placeHolder: vscode.l10n.t('Table to insert at the cursor (every cell 0)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.table && picked.template ? { table: picked.table, template: picked.template } : undefined;
}

/** Inserts one standard table at the cursor, on lines of its own. Returns whether it inserted. */
async function insertTable(deps: CommandDeps, args?: InsertTableArgs): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the report to insert the table into first.'));
    return false;
  }
  let choice: { table: TableId; template: TemplateId } | undefined;
  if (args?.table && args.template && tableDef(args.table).templates.includes(args.template)) {
    choice = { table: args.table, template: args.template };
  } else {
    choice = await pickTable(deps, editor);
  }
  if (!choice) return false;
  const doc = editor.document;
  const at = editor.selection.start;
  const end = editor.selection.end;
  const before = doc.getText(new vscode.Range(new vscode.Position(Math.max(0, at.line - 2), 0), at));
  const after = doc.getText(new vscode.Range(end, doc.lineAt(Math.min(doc.lineCount - 1, end.line + 1)).range.end));
  const text = padBlock(before, after, renderTable(choice.table, choice.template));
  return editor.edit((b) => b.replace(editor.selection, text));
}

/** Inserts a whole report skeleton as a snippet (agency and year are placeholders). */
async function insertSkeleton(args?: InsertSkeletonArgs): Promise<boolean> {
  let template = args?.template && TEMPLATE_IDS.includes(args.template) ? args.template : undefined;
  if (!template) {
    const lastYear = new Date().getFullYear() - 1;
    const items = TEMPLATE_IDS.map((t) => ({
      label: templateTitle(t),
      detail: t === '2021' ? vscode.l10n.t('For reports on 2021 and later years') : vscode.l10n.t('For reports on 2019 and 2020'),
      picked: t === '2021',
      template: t,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Insert a report skeleton'),
      placeHolder: vscode.l10n.t('Template of the report (a report on {0} uses the 2021 template)', String(lastYear)),
    });
    if (!picked) return false;
    template = picked.template;
  }
  let editor = vscode.window.activeTextEditor;
  if (!editor) {
    const doc = await vscode.workspace.openTextDocument({ language: 'nianbao' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const thisYear = new Date().getFullYear();
  const year = args?.year ?? (template === '2021' ? Math.max(2021, thisYear - 1) : 2020);
  const agency = args?.agency ?? '机关名称';
  return editor.insertSnippet(new vscode.SnippetString(skeletonSnippet(template, { agency, year })));
}

interface RuleItem extends vscode.QuickPickItem {
  readonly id: string;
}

/** Opens the documentation of a rule: the bundled docs/rules.md in the Markdown preview, else the web page. */
async function showRuleDocs(context: vscode.ExtensionContext, id?: unknown): Promise<boolean> {
  let rule = typeof id === 'string' && RULES.some((r) => r.meta.id === id) ? id : undefined;
  if (!rule) {
    const zh = chinese();
    const items: RuleItem[] = RULES.map((r) => ({
      id: r.meta.id,
      label: r.meta.id,
      description: r.meta.severity + (r.meta.fixable ? ' · ' + vscode.l10n.t('quick fix') : ''),
      detail: zh ? r.meta.description.zh : r.meta.description.en,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('nianbao rules'),
      placeHolder: vscode.l10n.t('Rule to read about'),
      matchOnDetail: true,
    });
    if (!picked) return false;
    rule = picked.id;
  }
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page.with({ fragment: rule }));
    return true;
  } catch {
    // No Markdown preview (or no bundled page): the published page, at the rule's anchor.
    return vscode.env.openExternal(vscode.Uri.parse(ruleDocUrl(rule)));
  }
}

interface RangeLike {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function isRangeLike(x: unknown): x is RangeLike {
  const r = x as RangeLike | undefined;
  return !!r && typeof r.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

/**
 * Opens the Problems panel. From a table's code lens (arguments: the document URI and the table's range, as the
 * server sends them), it shows that document with the cursor at the table first.
 */
async function showProblems(uri?: unknown, range?: unknown): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
  if (target) {
    const selection = isRangeLike(range)
      ? new vscode.Range(range.start.line, range.start.character, range.start.line, range.start.character)
      : undefined;
    await vscode.window.showTextDocument(target, { preserveFocus: false, ...(selection ? { selection } : {}) });
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.insertTable', (args?: InsertTableArgs) => insertTable(deps, args)),
    vscode.commands.registerCommand('nianbao.insertReportSkeleton', (args?: InsertSkeletonArgs) => insertSkeleton(args)),
    vscode.commands.registerCommand('nianbao.showRuleDocs', (id?: unknown) => showRuleDocs(context, id)),
    vscode.commands.registerCommand('nianbao.restartServer', () => deps.restart()),
    vscode.commands.registerCommand('nianbao.showProblems', (uri?: unknown, range?: unknown) => showProblems(uri, range)),
  );
}
