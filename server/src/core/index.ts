/**
 * The analysis core's public entry: text in, report model and diagnostics out. Pure: no I/O, no LSP.
 */

import { parseReport } from './parser/report';
import type { ReportModel } from './model';
import type { Diagnostic } from './diagnostics';
import { runRules } from './rules/registry';
import type { AnalyzeOptions } from './options';
import { applySuppressions, type Suppressed } from './suppress';
import { LineIndex } from './text';

export type { AnalyzeOptions } from './options';

export interface AnalysisResult {
  readonly model: ReportModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Findings silenced by `<!-- nianbao-disable… -->` comments, with the reason written there. */
  readonly suppressed: readonly Suppressed[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const index = new LineIndex(text);
  const model = parseReport(text, index);
  const all = runRules(model, text, options, index);
  const { kept, suppressed } = applySuppressions(text, all);
  return { model, diagnostics: kept, suppressed };
}

export { parseReport };
export type { ReportModel } from './model';
export * from './diagnostics';
