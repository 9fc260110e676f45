import type { Rule, RuleContext } from './types';
import type { Position, Range, Section } from '../model';
import { SECTIONS, tableDef, type SectionId } from '../schema';
import type { LineIndex } from '../text';
import { lineBreakOf } from '../edits';
import { renderSectionTables, sectionHeading } from '../templates';
import { insertAt } from './fixes';
import { isBlankLine, lineSpan, sectionName } from './structure-util';

/** Sections that hold standard tables. */
const WITH_TABLES: readonly SectionId[] = ['s2', 's3', 's4'];

/** The Markdown heading level the document's section headings use (the most frequent), or 0. */
function markdownLevel(sections: readonly Section[]): number {
  const count = new Map<number, number>();
  for (const s of sections) {
    const l = s.heading.markdownLevel;
    if (l > 0) count.set(l, (count.get(l) ?? 0) + 1);
  }
  let best = 0;
  let n = 0;
  for (const [l, c] of count) {
    if (c > n || (c === n && l < best)) {
      best = l;
      n = c;
    }
  }
  return best;
}

/** The line a signature block (agency name over a date) starts on, when it comes after `after`. */
function signatureStart(ctx: RuleContext, index: LineIndex, after: number): number | null {
  const date = ctx.model.signatureDate;
  if (!date || date.range.start.line <= after) return null;
  let start = date.range.start.line;
  const agency = ctx.model.agency;
  if (agency && agency.source === 'signature' && agency.range.start.line < start && agency.range.start.line > after) {
    start = agency.range.start.line;
  } else {
    // The line above the date, when it is a short line that reads as a name (no sentence punctuation).
    let k = start - 1;
    while (k > after && isBlankLine(index, k)) k--;
    if (k > after) {
      const t = index.lineText(k).trim();
      if (t.length > 0 && t.length <= 30 && !/[。，,；;：:！？|\t]/.test(t) && !/^#/.test(t)) start = k;
    }
  }
  return start;
}

/** Where a missing section goes: the line to insert before (null: the end of the document), and the line to report on. */
interface Place {
  readonly beforeLine: number | null;
  readonly report: Range;
  /** Whether the section's tables are already in the document there (then only the heading is inserted). */
  readonly tablesPresent: boolean;
}

function placeOf(ctx: RuleContext, index: LineIndex, id: SectionId): Place {
  const { model } = ctx;
  const ord = SECTIONS.findIndex((s) => s.id === id);
  const present = (sid: SectionId): Section | undefined => model.sections.find((s) => s.id === sid);
  const prev = SECTIONS.slice(0, ord)
    .reverse()
    .map((d) => present(d.id))
    .find((s): s is Section => !!s);
  const next = SECTIONS.slice(ord + 1)
    .map((d) => present(d.id))
    .find((s): s is Section => !!s);
  const lo = prev ? prev.heading.range.start.line : -1;
  const hi = next ? next.heading.range.start.line : index.lineCount;

  // The section's tables are there without their heading: the heading goes right before the first of them.
  if (WITH_TABLES.includes(id)) {
    const own = model.tables.filter((t) => tableDef(t.id).section === id).map((t) => t.range.start.line);
    if (own.length && own.every((l) => l > lo && l < hi)) {
      const first = Math.min(...own);
      return { beforeLine: first, report: lineSpan(index, first), tablesPresent: true };
    }
  }
  if (next) return { beforeLine: next.heading.range.start.line, report: next.heading.range, tablesPresent: false };
  const lastHeading = model.sections.reduce((m, s) => Math.max(m, s.heading.range.start.line), -1);
  const sig = signatureStart(ctx, index, lastHeading);
  if (sig !== null) return { beforeLine: sig, report: lineSpan(index, sig), tablesPresent: false };
  let last = index.lineCount - 1;
  while (last > 0 && isBlankLine(index, last)) last--;
  return { beforeLine: null, report: lineSpan(index, last), tablesPresent: false };
}

const rule: Rule = {
  meta: {
    id: 'section-missing',
    category: 'structure',
    severity: 'error',
    fixable: true,
    description: {
      zh: '缺少六个必备章节之一。',
      en: 'One of the six required sections is absent.',
    },
    messages: {
      missing: {
        zh: '缺少{section}',
        en: '{section} is missing',
      },
    },
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
    example: 'a report that goes from 二、主动公开政府信息情况 straight to 四、政府信息公开行政复议、行政诉讼情况',
  },
  check(ctx) {
    const { model } = ctx;
    // A document with no section and no table at all is not a report draft yet.
    if (model.sections.length === 0 && model.tables.length === 0) return;
    const index = ctx.index;
    const eol = lineBreakOf(ctx.text);
    const level = markdownLevel(model.sections);
    for (const def of SECTIONS) {
      if (model.sections.some((s) => s.id === def.id)) continue;
      const place = placeOf(ctx, index, def.id);
      const heading = sectionHeading(def.id, level);
      const tables = WITH_TABLES.includes(def.id) && !place.tablesPresent ? renderSectionTables(def.id, ctx.template) : '';
      const body = heading + (tables ? '\n\n' + tables : '');
      let text: string;
      let at: Position;
      if (place.beforeLine !== null) {
        at = { line: place.beforeLine, character: 0 };
        text = (isBlankLine(index, place.beforeLine - 1) ? '' : '\n') + body + '\n\n';
      } else {
        at = index.position(ctx.text.length);
        const endsWithBreak = /[\r\n]$/.test(ctx.text);
        const lastBlank = endsWithBreak && isBlankLine(index, index.lineCount - 2);
        text = (ctx.text.length === 0 ? '' : endsWithBreak ? (lastBlank ? '' : '\n') : '\n\n') + body + '\n';
      }
      const name = sectionName(def.id);
      const what = tables ? { zh: '标准标题和表格', en: 'standard heading and tables' } : { zh: '标准标题', en: 'standard heading' };
      ctx.report({
        message: 'missing',
        args: { section: name },
        range: place.report,
        fix: insertAt(
          at,
          text.replace(/\n/g, eol),
          { zh: `插入${name.zh}的${what.zh}`, en: `Insert the ${what.en} of ${name.en}` },
          false,
        ),
      });
    }
  },
};

export default rule;
