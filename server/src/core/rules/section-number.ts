import type { Rule } from './types';
import { sectionDef } from '../schema';
import { insertAt } from './fixes';
import { numberingOf, sectionOrdinal } from './structure-util';

const rule: Rule = {
  meta: {
    id: 'section-number',
    category: 'structure',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '章节标题的序号错误或不规范（如“1、总体情况”，或把“其他需要报告的事项”编为“三、”）。',
      en: 'A section heading has a wrong or non-standard numeral (1、总体情况; 三、其他需要报告的事项 as the sixth).',
    },
    messages: {
      wrong: {
        zh: '第{want}部分「{title}」的序号应为「{want}」，实为「{found}」',
        en: 'section {want} 「{title}」 is numbered {found}; it should be {want}',
      },
      style: {
        zh: '第{want}部分「{title}」的序号应写作「{want}、」，实为「{found}」',
        en: 'section {want} 「{title}」 is numbered 「{found}」; the template writes 「{want}、」',
      },
      none: {
        zh: '第{want}部分「{title}」的标题缺少序号「{want}、」',
        en: 'the heading of section {want} 「{title}」 has no numeral; the template writes 「{want}、」',
      },
    },
    reads: ['s1', 's2', 's3', 's4', 's5', 's6'],
    example: '1、 总体情况 (for 一、总体情况); 三、其他需要报告的事项 as the sixth section',
  },
  check(ctx) {
    const index = ctx.index;
    for (const s of ctx.model.sections) {
      const def = sectionDef(s.id);
      const want = def.numeral;
      const h = s.heading;
      const args = { want, title: def.title };
      const numbering = numberingOf(index, h);
      if (!numbering || h.style === 'none') {
        ctx.report({
          message: 'none',
          args,
          range: h.titleRange,
          fix: insertAt(h.titleRange.start, `${want}、`, {
            zh: `在标题前加上序号「${want}、」`,
            en: `Number the heading 「${want}、」`,
          }),
        });
        continue;
      }
      const rightNumber = h.number === sectionOrdinal(s.id);
      const standard = h.style === 'cn-dun' && h.numeral === want && numbering.separator === '、';
      if (standard) continue;
      const range = index.range(numbering.start, numbering.end);
      const fix = {
        title: { zh: `将序号改为「${want}、」`, en: `Renumber as 「${want}、」` },
        edits: [{ range, newText: `${want}、` }],
        safe: true,
      };
      if (!rightNumber) {
        ctx.report({ message: 'wrong', args: { ...args, found: h.numeral ?? numbering.text }, range, fix });
      } else {
        ctx.report({ message: 'style', args: { ...args, found: numbering.text }, range, fix });
      }
    }
  },
};

export default rule;
