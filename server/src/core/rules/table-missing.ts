import { sectionDef, tablesOf, type TemplateId } from '../schema';
import type { ReportModel, Range } from '../model';
import type { Rule } from './types';

/** The template to hold a report to: the one its tables show, else the one its year calls for. */
export function effectiveTemplate(model: ReportModel): TemplateId {
  if (model.template !== 'unknown') return model.template;
  if (model.year && model.year.value >= 2021) return '2021';
  if (model.year) return '2019';
  return '2021';
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const rule: Rule = {
  meta: {
    id: 'table-missing',
    category: 'tables',
    severity: 'error',
    fixable: false,
    description: {
      zh: '缺少一张标准表格（第二十条的某一分表、表三或表四）。',
      en: 'A standard table (a 第二十条 sub-table, 表三 or 表四) is absent.',
    },
    messages: {
      missing: {
        zh: '缺少{name}表格（{template}年版格式要求）',
        en: 'The {name} table is missing (required by the {template} template)',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '二、主动公开政府信息情况 with no 第二十条第（九）项 table in a 2020 report',
  },
  check(ctx) {
    const { model } = ctx;
    // A document with no section and no table at all is not a report draft yet: nothing to say per table.
    if (model.sections.length === 0 && model.tables.length === 0) return;
    const template = effectiveTemplate(model);
    const found = new Set(model.tables.map((t) => t.id));
    for (const def of tablesOf(template)) {
      if (found.has(def.id)) continue;
      const section = model.sections.find((s) => s.id === def.section);
      const range = section ? section.heading.range : ORIGIN;
      ctx.report({
        message: 'missing',
        args: { name: def.name, template, section: sectionDef(def.section).title },
        range,
      });
    }
  },
};

export default rule;
