import { sectionDef, tablesOf, type TableDef, type TemplateId } from '../schema';
import type { Position, Range, ReportModel } from '../model';
import type { Fix } from '../diagnostics';
import { renderTable } from '../templates';
import { LineIndex } from '../text';
import { insertAt } from './fixes';
import type { Rule } from './types';

/**
 * Where a missing table goes: after the table that precedes it in the template, else before the one that
 * follows it, else right after its section's heading. Null when the section itself is missing.
 */
export function tableInsertion(model: ReportModel, text: string, def: TableDef, template: TemplateId): { at: Position; before: string; after: string } | null {
  const section = model.sections.find((s) => s.id === def.section);
  if (!section) return null;
  const index = new LineIndex(text);
  const lineEnd = (line: number): Position => ({ line, character: index.ends[line] - index.starts[line] });
  const order = tablesOf(template)
    .filter((t) => t.section === def.section)
    .map((t) => t.id);
  const k = order.indexOf(def.id);
  for (let i = k - 1; i >= 0; i--) {
    const t = model.tables.find((x) => x.id === order[i]);
    if (t) return { at: lineEnd(t.range.end.line), before: '\n\n', after: '' };
  }
  for (let i = k + 1; i < order.length; i++) {
    const t = model.tables.find((x) => x.id === order[i]);
    if (t) return { at: { line: t.range.start.line, character: 0 }, before: '', after: '\n\n' };
  }
  return { at: lineEnd(section.heading.range.start.line), before: '\n\n', after: '' };
}

function insertTableFix(model: ReportModel, text: string, def: TableDef, template: TemplateId): Fix | undefined {
  const place = tableInsertion(model, text, def, template);
  if (!place) return undefined;
  return insertAt(place.at, place.before + renderTable(def.id, template) + place.after, {
    zh: `插入${template}年版标准表格：${def.name}`,
    en: `Insert the standard ${def.name} table (${template} template)`,
  }, false);
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const rule: Rule = {
  meta: {
    id: 'table-missing',
    category: 'tables',
    severity: 'error',
    fixable: true,
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
    const template = ctx.template;
    const found = new Set(model.tables.map((t) => t.id));
    for (const def of tablesOf(template)) {
      if (found.has(def.id)) continue;
      const section = model.sections.find((s) => s.id === def.section);
      const range = section ? section.heading.range : ORIGIN;
      const fix = insertTableFix(model, ctx.text, def, template);
      ctx.report({
        message: 'missing',
        args: { name: def.name, template, section: sectionDef(def.section).title },
        range,
        ...(fix ? { fix } : {}),
      });
    }
  },
};

export default rule;
