/**
 * Suppression comments (rules.md "Suppression"). HTML comments work in Markdown and plain text alike and are
 * invisible in rendered Markdown:
 *
 *   <!-- nianbao-disable-next-line t3-balance: 一件申请由上级机关转办 -->
 *   <!-- nianbao-disable-line prose-sum: 口径不同 -->            (at the end of the line it silences)
 *   <!-- nianbao-disable cell-blank, cell-unit: 原表如此 -->  …  <!-- nianbao-enable cell-blank -->
 *
 * Without rule ids a comment silences every rule. The reason (after `:` or `：`) is kept with each finding
 * it silences, so the CLI can list what was silenced and why.
 */

import type { Diagnostic } from './diagnostics';
import { LineIndex } from './text';

export interface Suppressed {
  readonly diagnostic: Diagnostic;
  readonly reason: string;
  /** 0-based line of the comment that silenced it. */
  readonly commentLine: number;
}

interface Directive {
  readonly kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Empty: every rule. */
  readonly rules: readonly string[];
  readonly reason: string;
  readonly line: number;
}

const DIRECTIVE = /<!--\s*nianbao-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)-->/g;

export function readDirectives(text: string): Directive[] {
  if (!text.includes('nianbao-')) return [];
  const index = new LineIndex(text);
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text))) {
    const body = m[2];
    const colon = body.search(/[:：]/);
    const list = colon >= 0 ? body.slice(0, colon) : body;
    const reason = colon >= 0 ? body.slice(colon + 1).trim() : '';
    const rules = list
      .split(/[\s,，、]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules, reason, line: index.position(m.index).line });
  }
  return out;
}

function applies(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}

/** Splits findings into those kept and those a comment silences. */
export function applySuppressions(
  text: string,
  diagnostics: readonly Diagnostic[],
): { kept: Diagnostic[]; suppressed: Suppressed[] } {
  const directives = readDirectives(text);
  if (!directives.length) return { kept: diagnostics.slice(), suppressed: [] };
  const index = new LineIndex(text);
  // The line a disable-next-line comment means: the next line that is not itself only a comment.
  const nextLine = (line: number): number => {
    let l = line + 1;
    while (l < index.lineCount && /^\s*<!--.*-->\s*$/.test(index.lineText(l))) l++;
    return l;
  };
  const kept: Diagnostic[] = [];
  const suppressed: Suppressed[] = [];
  for (const d of diagnostics) {
    const line = d.range.start.line;
    let by: Directive | null = null;
    // Block directives: the last disable/enable for this rule before the line decides.
    for (const dir of directives) {
      if (dir.line > line) break;
      if (!applies(dir, d.rule)) continue;
      if (dir.kind === 'disable') by = dir;
      else if (dir.kind === 'enable') by = null;
    }
    for (const dir of directives) {
      if (!applies(dir, d.rule)) continue;
      if ((dir.kind === 'disable-line' && dir.line === line) || (dir.kind === 'disable-next-line' && nextLine(dir.line) === line)) {
        by = dir;
      }
    }
    if (by) suppressed.push({ diagnostic: d, reason: by.reason, commentLine: by.line });
    else kept.push(d);
  }
  return { kept, suppressed };
}
