/**
 * What a rule is: metadata (id, default severity, fixability, messages, description) and a check over the
 * report model. One rule per file; `registry.ts` lists them. Docs and settings schemas are generated from the
 * metadata, so a rule's metadata is its single source of truth.
 */

import type { ReportKind, ReportModel, Range } from '../model';
import type { AnalyzeOptions } from '../options';
import type { TemplateId } from '../schema';
import type { LineIndex } from '../text';
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

/** A message argument: a figure, a text, or a text in both languages. */
export type Arg = string | number | Localized;

export interface Finding {
  readonly message: string;
  readonly args?: Readonly<Record<string, Arg>>;
  readonly range: Range;
  readonly related?: readonly RelatedInfo[];
  readonly fix?: Fix;
}

export interface RuleContext {
  readonly model: ReportModel;
  readonly text: string;
  /** Line index of `text`, built once per analysis and shared by the rules. */
  readonly index: LineIndex;
  readonly options: AnalyzeOptions;
  /** The template the report is held to: the configured one, else the one its tables show, else by year. */
  readonly template: TemplateId;
  /** The report year: configured, else from the document; null when neither says. */
  readonly year: number | null;
  /** Department or people's government: configured, else from the agency name; null when unknown. */
  readonly kind: ReportKind | null;
  report(finding: Finding): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function fill(template: string, args: Readonly<Record<string, Arg>> | undefined, locale: 'zh' | 'en' = 'zh'): string {
  if (!args) return template;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (m, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(args, name)) return m;
    const v = args[name];
    return typeof v === 'object' ? v[locale] : String(v);
  });
}

export function toDiagnostic(meta: RuleMeta, severity: Severity, f: Finding): Diagnostic {
  const tpl = meta.messages[f.message];
  if (!tpl) throw new Error(`rule ${meta.id} has no message '${f.message}'`);
  // Each consumer reads one language: each text is filled in when first read.
  let zh: string | undefined;
  let en: string | undefined;
  const args = f.args;
  const message: Localized = {
    get zh(): string {
      return (zh ??= fill(tpl.zh, args, 'zh'));
    },
    get en(): string {
      return (en ??= fill(tpl.en, args, 'en'));
    },
  };
  return {
    rule: meta.id,
    severity,
    message,
    range: f.range,
    ...(f.related && f.related.length ? { related: f.related } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}
