/**
 * The VS Code extension: starts the nianbao language server (dist/server.js) for nianbao, Markdown and
 * plain-text documents, and adds what only the editor can do: the status bar item, the insert commands, the
 * rule documentation picker.
 *
 * Activation does nothing but create the client, register the commands and start the server without waiting
 * for it: everything else happens when the server answers or a command runs.
 */

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { REPORT_INFO_METHOD, type InitializationOptions, type ReportInfoParams, type ReportInfoResult } from './protocol';
import { DOCUMENT_SELECTOR } from './selector';
import { ReportStatus } from './status';


/** What `activate` returns: used by the integration tests and by other extensions. */
export interface NianbaoApi {
  /** Resolves once the language server is running (after the latest start or restart). */
  ready(): Promise<void>;
  /** The server's view of a document: template, year, kind and number of problems; null when it is not checked. */
  reportInfo(uri: vscode.Uri): Promise<ReportInfoResult>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): NianbaoApi {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const initializationOptions: InitializationOptions = {
    locale: vscode.env.language,
    ...(vscode.l10n.uri ? { l10nBundle: vscode.l10n.uri.fsPath } : {}),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map((f) => ({ ...f })),
    // Settings are pushed on change (the server also pulls them per document); the server registers its own
    // watchers for `.nianbao.json` / `nianbao.json` (dynamic registration), so none is created here.
    synchronize: { configurationSection: 'nianbao' },
    initializationOptions,
    diagnosticCollectionName: 'nianbao',
    outputChannelName: 'nianbao',
    markdown: { isTrusted: { enabledCommands: ['nianbao.showRuleDocs', 'nianbao.showProblems'] }, supportHtml: false },
  };
  const lc = new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
  client = lc;

  let running = start(lc);
  const api: NianbaoApi = {
    ready: () => running,
    reportInfo: async (uri) => {
      await running;
      const params: ReportInfoParams = { uri: lc.code2ProtocolConverter.asUri(uri) };
      return lc.sendRequest<ReportInfoResult>(REPORT_INFO_METHOD, params);
    },
  };

  const status = new ReportStatus(lc, api);
  context.subscriptions.push(status);
  registerCommands(context, {
    api,
    restart: async () => {
      running = lc.needsStart() ? start(lc) : logged(lc, lc.restart());
      await running.catch(() => undefined);
      status.refresh();
    },
  });
  return api;
}

function start(lc: LanguageClient): Promise<void> {
  return logged(lc, lc.start());
}

/** The same promise, with its failure shown in the output channel (so it is never an unhandled rejection). */
function logged(lc: LanguageClient, p: Promise<void>): Promise<void> {
  p.catch((err: unknown) => report(lc, err));
  return p;
}

function report(lc: LanguageClient, err: unknown): void {
  lc.error(vscode.l10n.t('The nianbao language server could not start: {0}', String(err)), err, 'force');
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc && lc.isRunning()) await lc.stop();
}
