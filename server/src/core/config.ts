/**
 * Validation of a configuration object (the parsed contents of a config file). Pure: no I/O.
 *
 *   { "$schema"?: string, "rules"?: { <rule id>: "error" | "warning" | "info" | "hint" | "off" },
 *     "template"?: "2019" | "2021", "year"?: number, "kind"?: "department" | "government",
 *     "deadlines"?: { "department"?: "MM-DD", "government"?: "MM-DD" } }
 *
 * Every problem is reported with the key it concerns and the offending part is ignored; the valid parts still
 * apply. Each top-level key has its own validator in FIELDS, so a new key is one more entry there.
 */

import type { AnalyzeOptions } from './options';
import type { Localized, SeverityOrOff } from './diagnostics';
import type { ReportKind } from './model';
import type { TemplateId } from './schema';
import { RULES } from './rules/registry';

/** Analysis options, with `rules` always present (empty when the config sets none). */
export interface ConfigOptions extends AnalyzeOptions {
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
}

export interface ConfigError {
  /** The key concerned: `rules.table-missing`, `year`, or '' for the document as a whole. */
  readonly key: string;
  readonly message: Localized;
}

export interface ConfigResult {
  readonly options: ConfigOptions;
  readonly errors: readonly ConfigError[];
}

const SEVERITY_VALUES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];
const TEMPLATE_VALUES: readonly TemplateId[] = ['2019', '2021'];
const KIND_VALUES: readonly ReportKind[] = ['department', 'government'];
/** The regulation took effect in 2008; a year outside this span is a typo. */
const FIRST_YEAR = 2008;
const LAST_YEAR = 2100;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Collector {
  readonly options: Mutable<ConfigOptions>;
  readonly rules: Record<string, SeverityOrOff>;
  error(key: string, zh: string, en: string): void;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function oneOf(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

const FIELDS: Readonly<Record<string, (value: unknown, c: Collector) => void>> = {
  $schema(value, c) {
    if (typeof value !== 'string') c.error('$schema', '应为字符串', 'must be a string');
  },

  rules(value, c) {
    if (!isPlainObject(value)) {
      c.error('rules', '应为对象：{ "规则编号": "error" | "warning" | "info" | "hint" | "off" }', 'must be an object: { "<rule id>": "error" | "warning" | "info" | "hint" | "off" }');
      return;
    }
    for (const [id, severity] of Object.entries(value)) {
      const key = `rules.${id}`;
      if (!KNOWN_RULES.has(id)) {
        c.error(key, `没有编号为「${id}」的规则`, `there is no rule with the id "${id}"`);
      } else if (typeof severity !== 'string' || !(SEVERITY_VALUES as readonly string[]).includes(severity)) {
        c.error(key, `${show(severity)} 无效，应为 ${oneOf(SEVERITY_VALUES)} 之一`, `${show(severity)} is not valid; use one of ${oneOf(SEVERITY_VALUES)}`);
      } else {
        c.rules[id] = severity as SeverityOrOff;
      }
    }
  },

  template(value, c) {
    if (typeof value === 'string' && (TEMPLATE_VALUES as readonly string[]).includes(value)) {
      c.options.template = value as TemplateId;
    } else {
      c.error('template', `${show(value)} 无效，应为 ${oneOf(TEMPLATE_VALUES)} 之一`, `${show(value)} is not valid; use one of ${oneOf(TEMPLATE_VALUES)}`);
    }
  },

  year(value, c) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR) {
      c.options.year = value;
    } else {
      c.error('year', `${show(value)} 无效，应为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的整数年份`, `${show(value)} is not valid; use a whole year from ${FIRST_YEAR} to ${LAST_YEAR}`);
    }
  },

  deadlines(value, c) {
    if (!isPlainObject(value)) {
      c.error('deadlines', '应为对象：{ "department": "MM-DD", "government": "MM-DD" }', 'must be an object: { "department": "MM-DD", "government": "MM-DD" }');
      return;
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = `deadlines.${k}`;
      if (k !== 'department' && k !== 'government') {
        c.error(key, '未知的期限；可用：department（部门）、government（人民政府）', 'unknown deadline; use department or government');
        continue;
      }
      const m = typeof v === 'string' ? /^(\d{2})-(\d{2})$/.exec(v) : null;
      const month = m ? Number(m[1]) : 0;
      const day = m ? Number(m[2]) : 0;
      if (!m || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2001, month, 0)).getUTCDate()) {
        c.error(key, `${show(v)} 无效，应为次年的“月-日”，如 "01-31"`, `${show(v)} is not valid; use the month and day of the following year, like "01-31"`);
        continue;
      }
      out[k] = v as string;
    }
    c.options.deadlines = out;
  },

  kind(value, c) {
    if (typeof value === 'string' && (KIND_VALUES as readonly string[]).includes(value)) {
      c.options.kind = value as ReportKind;
    } else {
      c.error('kind', `${show(value)} 无效，应为 ${oneOf(KIND_VALUES)} 之一`, `${show(value)} is not valid; use one of ${oneOf(KIND_VALUES)}`);
    }
  },
};

const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** The keys a config file may hold. */
export const CONFIG_KEYS: readonly string[] = Object.keys(FIELDS);

/**
 * Validates a parsed config file. Unknown keys, unknown rule ids and bad values become errors naming the key;
 * everything valid is kept in `options`.
 */
export function validateConfig(raw: unknown): ConfigResult {
  const errors: ConfigError[] = [];
  const rules: Record<string, SeverityOrOff> = {};
  const options: Mutable<ConfigOptions> = { rules };
  const c: Collector = {
    options,
    rules,
    error: (key, zh, en) => errors.push({ key, message: { zh, en } }),
  };
  if (!isPlainObject(raw)) {
    c.error('', '配置应为 JSON 对象（{ ... }）', 'the configuration must be a JSON object ({ ... })');
    return { options, errors };
  }
  for (const [key, value] of Object.entries(raw)) {
    const field = Object.prototype.hasOwnProperty.call(FIELDS, key) ? FIELDS[key] : undefined;
    if (field) field(value, c);
    else c.error(key, `未知的配置项；可用的配置项：${CONFIG_KEYS.join('、')}`, `unknown key; the known keys are ${CONFIG_KEYS.join(', ')}`);
  }
  return { options, errors };
}
