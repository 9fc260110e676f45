/**
 * The text format: one line per diagnostic, `file:line:column: severity rule message`, then a summary line.
 * The severity and rule are kept as keywords in both languages so that editors' problem matchers can read them;
 * the message and the summary follow the locale.
 */

import { localize, type Locale } from '../core/diagnostics';
import type { FileResult, SeverityCounts } from './results';

/** What the summary lines need, added up over the files. */
export interface TextTotals {
  readonly counts: SeverityCounts;
  readonly checked: number;
  readonly unreadable: number;
  readonly fixedFiles: number;
  readonly fixes: number;
}

/** `1 problem`, `2 problems`; `info` has no plural. */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(t: TextTotals, locale: Locale): string {
  const c = t.counts;
  const problems = c.error + c.warning + c.info + c.hint;
  const { checked, unreadable } = t;
  const mark = problems > 0 || unreadable > 0 ? '✖' : '✔';
  if (locale === 'zh') {
    const main =
      problems > 0
        ? `${checked} 个文件中发现 ${problems} 个问题（错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}，建议 ${c.hint}）`
        : `${checked} 个文件中未发现问题`;
    return `${mark} ${main}${unreadable > 0 ? `；${unreadable} 个文件无法读取` : ''}`;
  }
  const files = plural(checked, 'file', 'files');
  const main =
    problems > 0
      ? `${plural(problems, 'problem', 'problems')} (${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${c.info} info, ${plural(c.hint, 'hint', 'hints')}) in ${files}`
      : `no problems in ${files}`;
  return `${mark} ${main}${unreadable > 0 ? `; ${plural(unreadable, 'file', 'files')} could not be read` : ''}`;
}

function fixSummary(t: TextTotals, locale: Locale): string {
  const { fixes, fixedFiles: files } = t;
  return locale === 'zh'
    ? `已自动修复 ${files} 个文件中的 ${fixes} 个问题`
    : `fixed ${plural(fixes, 'problem', 'problems')} in ${plural(files, 'file', 'files')}`;
}

/** One file's lines (one per diagnostic, in the order analysis returned them), or ''. */
export function textFragment(r: FileResult, locale: Locale): string {
  if (r.kind !== 'checked') return '';
  const lines: string[] = [];
  for (const d of r.diagnostics) {
    const { line, character } = d.range.start;
    // A message is one line of output whatever it holds.
    const message = localize(d.message, locale).replace(/\r\n|\r|\n/g, ' ');
    lines.push(`${r.file}:${line + 1}:${character + 1}: ${d.severity} ${d.rule} ${message}`);
  }
  return lines.join('\n');
}

/** The whole output as pieces to write in order: the files' fragments (text or UTF-8 bytes), then the summary. */
export function textChunks(
  fragments: readonly Uint8Array[],
  totals: TextTotals,
  locale: Locale,
  fixing: boolean,
): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  for (const f of fragments) {
    if (f.length === 0) continue;
    out.push(f, '\n');
  }
  if (fixing) out.push(fixSummary(totals, locale), '\n');
  out.push(summary(totals, locale), '\n');
  return out;
}
