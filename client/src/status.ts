/**
 * The status bar item of the active report: `2021 版 · 2022 年 · 1 个问题` (click → Problems panel).
 * It asks the server (`nianbao/reportInfo`) whenever the active editor, the server's state or the active
 * document's diagnostics change, and hides itself for documents the server does not check.
 */

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ReportInfo } from './protocol';
import { isSelected } from './selector';
import { TEMPLATE_CIRCULAR } from './snippets';

interface InfoSource {
  reportInfo(uri: vscode.Uri): Promise<ReportInfo | null>;
}


export function templateLabel(template: ReportInfo['template']): string {
  return vscode.l10n.t('{0} template', template);
}

export function problemsLabel(n: number): string {
  if (n === 0) return vscode.l10n.t('no problems');
  if (n === 1) return vscode.l10n.t('1 problem');
  return vscode.l10n.t('{0} problems', n);
}

/** `2021 版 · 2022 年 · 1 个问题` / `2021 template · year 2022 · 1 problem`. */
export function statusText(info: ReportInfo): string {
  const year = info.year === null ? vscode.l10n.t('year unknown') : vscode.l10n.t('year {0}', String(info.year));
  return [templateLabel(info.template), year, problemsLabel(info.problems)].join(' · ');
}

function kindLabel(kind: ReportInfo['kind']): string {
  if (kind === 'department') return vscode.l10n.t('department of a people’s government');
  if (kind === 'government') return vscode.l10n.t('people’s government');
  return vscode.l10n.t('unknown');
}

function tooltip(info: ReportInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${vscode.l10n.t('nianbao: annual report on government information disclosure')}**\n\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Template: {0}', `${templateLabel(info.template)}（${TEMPLATE_CIRCULAR[info.template]}）`)}\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Report year: {0}', info.year === null ? vscode.l10n.t('unknown') : String(info.year))}\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Kind: {0}', kindLabel(info.kind))}\n`);
  md.appendMarkdown(`- ${problemsLabel(info.problems)}\n\n`);
  md.appendMarkdown(vscode.l10n.t('Click to show the problems.'));
  return md;
}

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every request, so a late answer for an earlier editor is dropped. */
  private seq = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly source: InfoSource,
  ) {
    this.item = vscode.window.createStatusBarItem('nianbao.report', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('nianbao report');
    this.item.command = 'nianbao.showProblems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(50);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('nianbao')) this.schedule(300);
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.schedule(0);
        else this.item.hide();
      }),
    );
    this.schedule(0);
  }

  /** Asks the server again now. */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  private async update(): Promise<void> {
    const seq = ++this.seq;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isSelected(doc) || this.client.state !== State.Running) {
      this.item.hide();
      return;
    }
    let info: ReportInfo | null = null;
    try {
      info = await this.source.reportInfo(doc.uri);
    } catch {
      info = null; // a server without the request, or one that is restarting: no item
    }
    if (seq !== this.seq) return;
    if (!info) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(info);
    this.item.tooltip = tooltip(info);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
