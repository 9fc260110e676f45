/**
 * Plain analysis results: diagnostics with ranges, related locations and fixes as text edits.
 * No LSP or editor types: the server and the CLI translate these.
 */

import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A text in both languages the product speaks. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export type Locale = 'zh' | 'en';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: Localized;
  readonly edits: readonly TextEdit[];
  /** Safe fixes are applied by `nianbao check --fix` and "fix all"; others are offered in the editor only. */
  readonly safe: boolean;
}

export interface RelatedInfo {
  readonly range: Range;
  readonly message: Localized;
}

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: Localized;
  readonly range: Range;
  readonly related?: readonly RelatedInfo[];
  readonly fix?: Fix;
}

/** Picks the message in the requested language. */
export function localize(text: Localized, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Compares two diagnostics by position, then rule id (a stable order for output). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
