/**
 * The editor settings (section `nianbao` of workspace/configuration) and how they combine with a config file.
 *
 * Settings arrive as whatever the client sends: nested objects from VS Code (`inlayHints: { enabled }`), flat
 * dotted keys from some clients (`"inlayHints.enabled"`), or nothing at all. `readSettings` never throws: a
 * value of the wrong type falls back to its default. The analysis part (`rules`, `template`, `year`, `kind`,
 * `deadlines`) is validated by the core's `validateConfig`, so the editor and the config file accept exactly
 * the same values and report problems the same way.
 */

import { DEFAULT_DEADLINES, type AnalyzeOptions } from '../core/options';
import type { SeverityOrOff } from '../core/diagnostics';
import { validateConfig, type ConfigError } from '../core/config';

export type ValidateMode = 'auto' | 'always' | 'never';
export type RunMode = 'onType' | 'onSave';

export interface ServerSettings {
  /** Which markdown/plaintext documents to check (language `nianbao` always is). */
  readonly validate: ValidateMode;
  readonly run: RunMode;
  /** Milliseconds between the last change and the analysis; 0 = at once. */
  readonly debounce: number;
  /** Documents larger than this many bytes (UTF-8) are not analysed. */
  readonly maxFileSize: number;
  readonly rules: Readonly<Record<string, unknown>>;
  readonly template: 'auto' | '2019' | '2021';
  readonly year: number | null;
  readonly kind: 'auto' | 'department' | 'government';
  /** `MM-DD` by kind (`department`, `government`); validated with the analysis options. */
  readonly deadlines: Readonly<Record<string, unknown>>;
  readonly inlayHints: { readonly enabled: boolean };
  readonly codeLens: { readonly enabled: boolean };
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({
  validate: 'auto',
  run: 'onType',
  debounce: 200,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  rules: {},
  template: 'auto',
  year: null,
  kind: 'auto',
  deadlines: {},
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A setting by dotted name, from nested objects or from a flat dotted key. */
function pick(raw: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(raw, name)) return raw[name];
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const head = raw[name.slice(0, dot)];
  return isObject(head) ? pick(head, name.slice(dot + 1)) : undefined;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], fallback: T): T {
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

function nonNegative(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Reads the client's `nianbao` settings object; anything missing or of the wrong type gets its default. */
export function readSettings(raw: unknown): ServerSettings {
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const d = DEFAULT_SETTINGS;
  const rules = pick(raw, 'rules');
  const year = pick(raw, 'year');
  const deadlines = pick(raw, 'deadlines');
  const inlay = pick(raw, 'inlayHints.enabled');
  const lens = pick(raw, 'codeLens.enabled');
  const strings: Record<string, unknown> = {};
  if (isObject(deadlines)) {
    // Kept as given (validated with the analysis options); empty strings mean "not set".
    for (const [k, v] of Object.entries(deadlines)) if (v !== null && v !== undefined && v !== '') strings[k] = v;
  }
  return {
    validate: oneOf(pick(raw, 'validate'), ['auto', 'always', 'never'], d.validate),
    run: oneOf(pick(raw, 'run'), ['onType', 'onSave'], d.run),
    debounce: Math.min(nonNegative(pick(raw, 'debounce'), d.debounce), 60_000),
    maxFileSize: nonNegative(pick(raw, 'maxFileSize'), d.maxFileSize),
    rules: isObject(rules) ? rules : {},
    template: oneOf(pick(raw, 'template'), ['auto', '2019', '2021'], d.template),
    year: typeof year === 'number' ? year : null,
    kind: oneOf(pick(raw, 'kind'), ['auto', 'department', 'government'], d.kind),
    deadlines: strings,
    inlayHints: { enabled: typeof inlay === 'boolean' ? inlay : d.inlayHints.enabled },
    codeLens: { enabled: typeof lens === 'boolean' ? lens : d.codeLens.enabled },
  };
}

export interface EditorOptions {
  readonly options: AnalyzeOptions;
  /** Problems in the editor's analysis settings, keyed like a config file's (`rules.foo`, `year`). */
  readonly errors: readonly ConfigError[];
}

/** The analysis options the editor settings set explicitly ('auto', null and empty mean "not set"). */
export function editorOptions(s: ServerSettings): EditorOptions {
  const raw: Record<string, unknown> = {};
  if (Object.keys(s.rules).length) raw.rules = s.rules;
  if (s.template !== 'auto') raw.template = s.template;
  if (s.year !== null) raw.year = s.year;
  if (s.kind !== 'auto') raw.kind = s.kind;
  // A client that contributes the built-in deadlines as the setting's default sends them whether or not the user
  // set anything; a deadline equal to the built-in one is therefore taken as "not set", so a config file can set it.
  const deadlines = Object.fromEntries(
    Object.entries(s.deadlines).filter(([k, v]) => !(k in DEFAULT_DEADLINES && DEFAULT_DEADLINES[k as keyof typeof DEFAULT_DEADLINES] === v)),
  );
  if (Object.keys(deadlines).length) raw.deadlines = deadlines;
  const { options, errors } = validateConfig(raw);
  return { options, errors };
}

/** The config file's options under the editor's: the editor wins for every key (and rule, and deadline) it sets. */
export function mergeOptions(file: AnalyzeOptions | null, editor: AnalyzeOptions): AnalyzeOptions {
  const base = file ?? {};
  const rules: Record<string, SeverityOrOff> = { ...(base.rules ?? {}), ...(editor.rules ?? {}) };
  const deadlines = { ...(base.deadlines ?? {}), ...(editor.deadlines ?? {}) };
  const out: {
    rules?: Record<string, SeverityOrOff>;
    template?: AnalyzeOptions['template'];
    year?: number;
    kind?: AnalyzeOptions['kind'];
    deadlines?: AnalyzeOptions['deadlines'];
  } = {};
  if (Object.keys(rules).length) out.rules = rules;
  const template = editor.template ?? base.template;
  if (template !== undefined) out.template = template;
  const year = editor.year ?? base.year;
  if (year !== undefined) out.year = year;
  const kind = editor.kind ?? base.kind;
  if (kind !== undefined) out.kind = kind;
  if (Object.keys(deadlines).length) out.deadlines = deadlines;
  return out;
}
