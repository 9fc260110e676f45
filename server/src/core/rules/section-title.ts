import type { Rule } from './types';
import { sectionDef } from '../schema';

const rule: Rule = {
  meta: {
    id: 'section-title',
    category: 'structure',
    severity: 'info',
    fixable: true,
    description: {
      zh: '章节标题的措辞与标准标题不同（容许的变体除外）。',
      en: 'A section heading’s wording differs from the standard title (beyond tolerated variants).',
    },
    messages: {
      differs: {
        zh: '第{numeral}部分的标题应为「{want}」，实为「{found}」',
        en: 'section {numeral} is titled 「{found}」; the template says 「{want}」',
      },
    },
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
    example: '五、存在问题及改进措施 (for 五、存在的主要问题及改进情况)',
  },
  check(ctx) {
    for (const s of ctx.model.sections) {
      if (s.titleMatch !== 'similar') continue;
      const def = sectionDef(s.id);
      const h = s.heading;
      ctx.report({
        message: 'differs',
        args: { numeral: def.numeral, want: def.title, found: h.title },
        range: h.titleRange,
        fix: {
          title: { zh: `改为标准标题「${def.title}」`, en: `Use the standard title 「${def.title}」` },
          edits: [{ range: h.titleRange, newText: def.title }],
          safe: true,
        },
      });
    }
  },
};

export default rule;
