import type { Rule } from './types';
import type { Heading, SubHeading } from '../model';
import type { SectionId } from '../schema';
import type { LineIndex } from '../text';
import { headingSpan, ordinalText, sectionName } from './structure-util';

/**
 * The numbering form of a sub-heading: its style, with `1)` told apart from `（1）` (seed 001 nests the one in
 * the other). `1.` and `1、` are one form (seed 003 mixes them in one list).
 */
function formOf(index: LineIndex, h: Heading): string {
  if (h.style === 'arabic-paren' && h.numeralRange) {
    const c = index.text[index.offset(h.numeralRange.start)];
    return c === '（' || c === '(' ? 'arabic-paren' : 'arabic-rparen';
  }
  return h.style;
}

interface Level {
  readonly form: string;
  last: SubHeading;
  lastNumber: number;
}

const rule: Rule = {
  meta: {
    id: 'subheading-sequence',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '章节内小标题的序号重复或跳号（如两个“（四）”，或“（四）”之后是“（六）”）。',
      en: 'Sub-heading ordinals inside a section repeat or skip (（四） twice; （六） after （四）; 1. … 4. 6.).',
    },
    messages: {
      repeat: {
        zh: '{section}的小标题序号「{ordinal}」重复出现',
        en: 'sub-heading number 「{ordinal}」 occurs twice in a row in {section}',
      },
      skip: {
        zh: '{section}的小标题序号跳号：「{prev}」之后是「{ordinal}」，缺少{gap}',
        en: 'sub-heading numbers skip in {section}: 「{ordinal}」 follows 「{prev}」 ({gap} missing)',
      },
      back: {
        zh: '{section}的小标题序号顺序有误：「{ordinal}」出现在「{prev}」之后',
        en: 'sub-heading numbers go backwards in {section}: 「{ordinal}」 follows 「{prev}」',
      },
    },
    reads: ['subheadings'],
    example: '（三）… 1. 2. 3. 4. 6. … （四）… （四）… （六）…',
  },
  check(ctx) {
    const index = ctx.index;
    let section: SectionId | null = null;
    let stack: Level[] = [];
    for (const sub of ctx.model.subheadings) {
      if (sub.section !== section) {
        section = sub.section;
        stack = [];
      }
      const h = sub.heading;
      if (section === null || h.number === null || h.style === 'none') continue;
      const form = formOf(index, h);
      const at = stack.findIndex((l) => l.form === form);
      if (at < 0) {
        // A new, deeper level: its numbering starts here.
        stack.push({ form, last: sub, lastNumber: h.number });
        continue;
      }
      // Back at an enclosing level: the levels inside it start over.
      stack = stack.slice(0, at + 1);
      const level = stack[at];
      const n = h.number;
      const prev = level.lastNumber;
      const args = {
        section: sectionName(section),
        ordinal: ordinalText(index, h),
        prev: ordinalText(index, level.last.heading),
      };
      const related = [{ range: headingSpan(level.last.heading), message: { zh: `前一个小标题「${args.prev}」`, en: `the previous sub-heading 「${args.prev}」` } }];
      if (n === prev) {
        ctx.report({ message: 'repeat', args, range: headingSpan(h), related });
      } else if (n > prev + 1) {
        const gap = missingOrdinals(args.prev, prev, n);
        ctx.report({ message: 'skip', args: { ...args, gap }, range: headingSpan(h), related });
        level.last = sub;
        level.lastNumber = n;
      } else if (n < prev && n !== 1) {
        ctx.report({ message: 'back', args, range: headingSpan(h), related });
        level.last = sub;
        level.lastNumber = n;
      } else {
        // The next number, or a list that starts over at 1.
        level.last = sub;
        level.lastNumber = n;
      }
    }
  },
};

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The ordinals skipped between `prev` and `n`, written like `prev` (`（五）`, `5.`), at most three. */
function missingOrdinals(prevText: string, prev: number, n: number): { zh: string; en: string } {
  const out: string[] = [];
  const cn = /[一二三四五六七八九十]/.test(prevText);
  for (let k = prev + 1; k < n && out.length < 3; k++) {
    const num = cn && k <= 10 ? CN[k] : String(k);
    out.push(`「${prevText.replace(/[一二三四五六七八九十]+|[0-9０-９]+/, num)}」`);
  }
  if (n - prev - 1 > 3) out.push('…');
  return { zh: out.join(''), en: out.join(' ') };
}

export default rule;
