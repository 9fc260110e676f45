import type { Rule } from './types';
import type { Localized } from '../diagnostics';
import { foldLabel } from '../text';

const WORDS = '政府信息公开工作年度报告';
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A year in a title: `2020年`, `2020 年度`, `二〇二〇年`. */
function hasYear(folded: string): boolean {
  return /(?:19|20)[0-9]{2}年/.test(folded) || /[〇零一二三四五六七八九]{4}年/.test(folded);
}

const rule: Rule = {
  meta: {
    id: 'report-title',
    category: 'structure',
    severity: 'info',
    fixable: false,
    description: {
      zh: '报告标题缺少机关名称、年份或“政府信息公开工作年度报告”字样。',
      en: 'The title lacks the agency, the year, or the words 政府信息公开工作年度报告.',
    },
    messages: {
      lacks: {
        zh: '报告标题「{title}」缺少{missing}（标准写法：<机关名称><年份>年政府信息公开工作年度报告）',
        en: 'The title 「{title}」 lacks {missing} (standard form: <agency><year>年政府信息公开工作年度报告)',
      },
      none: {
        zh: '未找到报告标题（标准写法：<机关名称><年份>年政府信息公开工作年度报告）',
        en: 'No report title found (standard form: <agency><year>年政府信息公开工作年度报告)',
      },
    },
    reads: ['meta'],
    example: '2020年政府信息公开年度报告 (no agency, and 工作 left out)',
  },
  check(ctx) {
    const { model } = ctx;
    // A document with no section and no table is not a report draft yet.
    if (model.sections.length === 0 && model.tables.length === 0) return;
    const title = model.title;
    if (!title) {
      ctx.report({ message: 'none', range: ORIGIN });
      return;
    }
    const folded = foldLabel(title.text.replace(/[*_#]/g, ''));
    const missing: Localized[] = [];
    // The agency counts when it is in the title or on the line right above it (a title set on two lines).
    if (!model.agency || model.agency.source !== 'title') missing.push({ zh: '机关名称', en: 'the agency name' });
    if (!hasYear(folded)) missing.push({ zh: '年份', en: 'the year' });
    if (!folded.includes(WORDS)) missing.push({ zh: `「${WORDS}」字样`, en: `the words ${WORDS}` });
    if (!missing.length) return;
    ctx.report({
      message: 'lacks',
      args: {
        title: title.text,
        missing: {
          zh: missing.map((m) => m.zh).join('、'),
          en: missing.length > 1 ? `${missing.slice(0, -1).map((m) => m.en).join(', ')} and ${missing[missing.length - 1].en}` : missing[0].en,
        },
      },
      range: title.range,
    });
  },
};

export default rule;
