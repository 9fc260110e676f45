/**
 * The rule registry: every rule, in catalogue order, and the runner.
 */

import type { ReportKind, ReportModel } from '../model';
import type { AnalyzeOptions } from '../options';
import type { TemplateId } from '../schema';
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { LineIndex } from '../text';
import { toDiagnostic, type Finding, type Rule, type RuleContext } from './types';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionNumber from './section-number';
import sectionTitle from './section-title';
import subheadingSequence from './subheading-sequence';
import reportTitle from './report-title';
import templateVersion from './template-version';
import tableMissing from './table-missing';
import tableRowMissing from './table-row-missing';
import labelVariant from './label-variant';
import cellBlank from './cell-blank';
import cellInvalid from './cell-invalid';
import cellUnit from './cell-unit';
import t3RowTotal from './t3-row-total';
import t3ResultsTotal from './t3-results-total';
import t3Balance from './t3-balance';
import t4Total from './t4-total';
import t2DecisionsVsItems from './t2-decisions-vs-items';
import t2Plausibility from './t2-plausibility';
import proseSum from './prose-sum';
import prosePercent from './prose-percent';
import proseTableMismatch from './prose-table-mismatch';
import reportingPeriod from './reporting-period';
import staleYear from './stale-year';
import publishDeadline from './publish-deadline';
import feeStatement from './fee-statement';
import carryOver from './carry-over';

/** Every rule, in the catalogue's order (rules.md). */
export const RULES: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionNumber,
  sectionTitle,
  subheadingSequence,
  reportTitle,
  templateVersion,
  tableMissing,
  tableRowMissing,
  labelVariant,
  cellBlank,
  cellInvalid,
  cellUnit,
  t3RowTotal,
  t3ResultsTotal,
  t3Balance,
  t4Total,
  t2DecisionsVsItems,
  t2Plausibility,
  proseSum,
  prosePercent,
  proseTableMismatch,
  reportingPeriod,
  staleYear,
  publishDeadline,
  feeStatement,
  carryOver,
];

/** The template a report is held to: configured, else shown by its tables, else the one its year calls for. */
export function effectiveTemplate(model: ReportModel, options: AnalyzeOptions = {}): TemplateId {
  if (options.template) return options.template;
  if (model.template !== 'unknown') return model.template;
  const year = options.year ?? model.year?.value;
  if (year !== undefined) return year >= 2021 ? '2021' : '2019';
  return '2021';
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** The line index of the text: the parser's when given, else built when a rule first asks for it. */
class SharedIndex {
  constructor(
    private readonly text: string,
    private index: LineIndex | null,
  ) {}
  get(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

/** A rule's context. A class (a getter in an object literal would give each context a V8 map of its own). */
class Context implements RuleContext {
  constructor(
    readonly model: ReportModel,
    readonly text: string,
    private readonly shared: SharedIndex,
    readonly options: AnalyzeOptions,
    readonly template: TemplateId,
    readonly year: number | null,
    readonly kind: ReportKind | null,
    readonly report: (f: Finding) => void,
  ) {}
  get index(): LineIndex {
    return this.shared.get();
  }
}

/**
 * Runs every enabled rule. A rule that throws is a bug; it must not take the others down, so its failure is
 * reported as a diagnostic of its own instead.
 */
export function runRules(model: ReportModel, text: string, options: AnalyzeOptions = {}, index: LineIndex | null = null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const template = effectiveTemplate(model, options);
  const year = options.year ?? model.year?.value ?? null;
  const kind = options.kind ?? model.kind;
  const shared = new SharedIndex(text, index);
  for (const rule of RULES) {
    const severity = options.rules?.[rule.meta.id] ?? rule.meta.severity;
    if (severity === 'off') continue;
    const report = (f: Finding): void => {
      out.push(toDiagnostic(rule.meta, severity, f));
    };
    try {
      rule.check(new Context(model, text, shared, options, template, year, kind, report));
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
