/**
 * Core results → LSP values. The core's ranges are already LSP-shaped (0-based lines, UTF-16 characters), so
 * positions pass through unchanged; severities, messages (in the client's locale) and links are translated.
 */

import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { localize, type Diagnostic, type Locale, type Localized, type Severity, type TextEdit } from '../core/diagnostics';
import type { Range } from '../core/model';

export const SOURCE = 'nianbao';
export const RULES_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

/** Codes of the server's own diagnostics (not rules: no entry in docs/rules.md). */
export const CODE_TOO_LARGE = 'file-too-large';
export const CODE_CONFIG = 'config';

/** Locale from InitializeParams.locale: English when it starts with `en`, Chinese otherwise. */
export function localeOf(clientLocale: string | undefined | null): Locale {
  return typeof clientLocale === 'string' && /^en/i.test(clientLocale.trim()) ? 'en' : 'zh';
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function toLspRange(r: Range): LspRange {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

export function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: toLspRange(e.range), newText: e.newText };
}

/** What a published diagnostic carries for code actions (returned by the client in CodeActionContext). */
export interface DiagnosticData {
  readonly rule: string;
  /** The document version the diagnostic was computed for. */
  readonly version: number;
  readonly fix?: {
    readonly title: string;
    readonly edits: readonly LspTextEdit[];
    readonly safe: boolean;
  };
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && typeof (v as { rule?: unknown }).rule === 'string';
}

export function ruleHref(rule: string): string {
  return `${RULES_URL}#${rule}`;
}

/** One core diagnostic as an LSP diagnostic of the document `uri` at `version`. */
export function toLspDiagnostic(d: Diagnostic, uri: string, version: number, locale: Locale): LspDiagnostic {
  const data: DiagnosticData = d.fix
    ? {
        rule: d.rule,
        version,
        fix: { title: localize(d.fix.title, locale), edits: d.fix.edits.map(toLspEdit), safe: d.fix.safe },
      }
    : { rule: d.rule, version };
  const out: LspDiagnostic = {
    range: toLspRange(d.range),
    severity: toLspSeverity(d.severity),
    code: d.rule,
    codeDescription: { href: ruleHref(d.rule) },
    source: SOURCE,
    message: localize(d.message, locale),
    data,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri, range: toLspRange(r.range) },
      message: localize(r.message, locale),
    }));
  }
  return out;
}

/** A server-side notice (oversized file, invalid configuration): Information, at the start of line 0. */
export function notice(code: string, message: Localized, locale: Locale, lineZeroLength: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(0, lineZeroLength) } },
    severity: DiagnosticSeverity.Information,
    code,
    source: SOURCE,
    message: localize(message, locale),
  };
}

function formatBytes(n: number, locale: Locale): string {
  const mb = n / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  const kb = n / 1024;
  if (kb >= 1) return `${Number(kb.toFixed(1))} KB`;
  return locale === 'en' ? `${n} bytes` : `${n} 字节`;
}

export function tooLargeMessage(size: number, max: number): Localized {
  return {
    zh: `文件过大（${formatBytes(size, 'zh')}，超过 nianbao.maxFileSize 设置的 ${formatBytes(max, 'zh')}），未检查。可调大该设置，或用命令行检查：npx nianbao check <文件>`,
    en: `File too large to check (${formatBytes(size, 'en')}, over the nianbao.maxFileSize setting of ${formatBytes(max, 'en')}). Raise the setting, or check it on the command line: npx nianbao check <file>`,
  };
}

export interface ConfigProblem {
  /** The config file's path, or null for the editor settings. */
  readonly file: string | null;
  readonly key: string;
  readonly message: Localized;
}

/** One notice for all configuration problems of a document: each names its file (or the settings) and key. */
export function configMessage(problems: readonly ConfigProblem[]): Localized {
  const line = (p: ConfigProblem, locale: Locale): string => {
    const where = p.file ?? (locale === 'en' ? 'editor settings (nianbao)' : '编辑器设置（nianbao）');
    const key = p.file === null && p.key ? `nianbao.${p.key}` : p.key;
    return `${where}${key ? `: ${key}` : ''}: ${localize(p.message, locale)}`;
  };
  const zhHead = '配置有误，相应的项未生效（其余配置和默认值照常使用）：';
  const enHead = 'Invalid configuration; these entries are ignored (everything else, and the defaults, still apply):';
  return {
    zh: [zhHead, ...problems.map((p) => line(p, 'zh'))].join('\n'),
    en: [enHead, ...problems.map((p) => line(p, 'en'))].join('\n'),
  };
}
