/**
 * The rule registry: every rule, in catalogue order, and the runner.
 */

import type { ReportModel } from '../model';
import { compareDiagnostics, type Diagnostic, type SeverityOrOff } from '../diagnostics';
import { toDiagnostic, type Finding, type Rule } from './types';
import tableMissing from './table-missing';
import tableRowMissing from './table-row-missing';

export const RULES: readonly Rule[] = [tableMissing, tableRowMissing];

export interface RuleOptions {
  /** Per-rule severity overrides (`off` disables a rule). */
  readonly rules?: Readonly<Record<string, SeverityOrOff>>;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/**
 * Runs every enabled rule. A rule that throws is a bug; it must not take the others down, so its failure is
 * reported as a diagnostic of its own instead.
 */
export function runRules(model: ReportModel, text: string, options: RuleOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = options.rules?.[rule.meta.id] ?? rule.meta.severity;
    if (severity === 'off') continue;
    const report = (f: Finding): void => {
      out.push(toDiagnostic(rule.meta, severity, f));
    };
    try {
      rule.check({ model, text, report });
    } catch (err) {
      out.push({
        rule: rule.meta.id,
        severity: 'error',
        message: {
          zh: `规则 ${rule.meta.id} 内部错误：${String(err)}`,
          en: `internal error in rule ${rule.meta.id}: ${String(err)}`,
        },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return out.sort(compareDiagnostics);
}
