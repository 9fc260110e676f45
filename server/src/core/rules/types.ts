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

/**
 * A message filled in when first read, per language (each consumer reads one). A class, not an object literal
 * with getters: V8 gives every such literal a map of its own, in old space, which keeps the closures and
 * through them the whole report model alive across young-generation collections.
 */
class LazyMessage implements Localized {
  private zhText: string | undefined;
  private enText: string | undefined;
  constructor(
    private readonly tpl: Localized,
    private readonly args: Readonly<Record<string, Arg>> | undefined,
  ) {}
  get zh(): string {
    return (this.zhText ??= fill(this.tpl.zh, this.args, 'zh'));
  }
  get en(): string {
    return (this.enText ??= fill(this.tpl.en, this.args, 'en'));
  }
  toJSON(): Localized {
    return { zh: this.zh, en: this.en };
  }
}

export function toDiagnostic(meta: RuleMeta, severity: Severity, f: Finding): Diagnostic {
  const tpl = meta.messages[f.message];
  if (!tpl) throw new Error(`rule ${meta.id} has no message '${f.message}'`);
  const message = new LazyMessage(tpl, f.args);
  return {
    rule: meta.id,
    severity,
    message,
    range: f.range,
    ...(f.related && f.related.length ? { related: f.related } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}
