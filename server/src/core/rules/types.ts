/**
 * What a rule is: metadata (id, default severity, fixability, messages, description) and a check over the
 * report model. One rule per file; `registry.ts` lists them. Docs and settings schemas are generated from the
 * metadata, so a rule's metadata is its single source of truth.
 */

import type { ReportModel, Range } from '../model';
import type { Diagnostic, Fix, Localized, RelatedInfo, Severity } from '../diagnostics';

export type RuleCategory = 'structure' | 'tables' | 'arithmetic' | 'prose' | 'across';

export interface RuleMeta {
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly fixable: boolean;
  /** What the rule reports, one sentence. */
  readonly description: Localized;
  /** Message templates; `{name}` placeholders are filled from the arguments of `report`. */
  readonly messages: Readonly<Record<string, Localized>>;
  /** Tables or sections the rule reads (`t3`, `s2`, `prose`, `meta`). */
  readonly reads: readonly string[];
  /** A short example of text that triggers the rule. */
  readonly example?: string;
}

export interface Finding {
  readonly message: string;
  readonly args?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly related?: readonly RelatedInfo[];
  readonly fix?: Fix;
}

export interface RuleContext {
  readonly model: ReportModel;
  readonly text: string;
  report(finding: Finding): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function fill(template: string, args: Readonly<Record<string, string | number>> | undefined): string {
  if (!args) return template;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : m,
  );
}

export function toDiagnostic(meta: RuleMeta, severity: Severity, f: Finding): Diagnostic {
  const tpl = meta.messages[f.message];
  if (!tpl) throw new Error(`rule ${meta.id} has no message '${f.message}'`);
  const message: Localized = { zh: fill(tpl.zh, f.args), en: fill(tpl.en, f.args) };
  return {
    rule: meta.id,
    severity,
    message,
    range: f.range,
    ...(f.related && f.related.length ? { related: f.related } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}
