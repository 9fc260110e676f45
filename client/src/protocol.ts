/**
 * Custom requests between the VS Code client and the nianbao language server.
 *
 * Plain types only (no `vscode` and no `vscode-languageclient` import), so the server can import this file
 * as well and both sides agree on one shape.
 */

/** `nianbao/reportInfo`: what the status bar shows for one open document. Sent by the client. */
export const REPORT_INFO_METHOD = 'nianbao/reportInfo';

export interface ReportInfoParams {
  /** The document's URI as the client sent it in `textDocument/didOpen` (a string, as in LSP). */
  readonly uri: string;
}

export interface ReportInfo {
  /** The template the report is held to: configured, else shown by its tables, else by its year. */
  readonly template: '2019' | '2021';
  /** The report year: configured, else read from the document; null when neither says. */
  readonly year: number | null;
  /** Department or people's government: configured, else from the agency name; null when unknown. */
  readonly kind: 'department' | 'government' | null;
  /** How many diagnostics the server published for this version of the document (after the user's severities). */
  readonly problems: number;
}

/**
 * The result is null when the server does not check the document: not open, not a report under
 * `nianbao.validate: auto`, `nianbao.validate: never`, or larger than `nianbao.maxFileSize`.
 */
export type ReportInfoResult = ReportInfo | null;

/** What the client sends in `initialize` → `initializationOptions`. */
export interface InitializationOptions {
  /** VS Code's UI language (`vscode.env.language`: `zh-cn`, `en`, …). Messages are Chinese for `zh*`, else English. */
  readonly locale: string;
  /** The loaded l10n bundle's file path, for `@vscode/l10n`'s `config({ fsPath })` in the server; absent in English. */
  readonly l10nBundle?: string;
}
