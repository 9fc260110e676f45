/**
 * The analysis core's public entry: text in, report model and diagnostics out. Pure: no I/O, no LSP.
 */

import { parseReport } from './parser/report';
import type { ReportModel } from './model';
import type { Diagnostic } from './diagnostics';
import { runRules, type RuleOptions } from './rules/registry';

export interface AnalyzeOptions extends RuleOptions {}

export interface AnalysisResult {
  readonly model: ReportModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const model = parseReport(text);
  const diagnostics = runRules(model, text, options);
  return { model, diagnostics };
}

export { parseReport };
export type { ReportModel } from './model';
export * from './diagnostics';
