import type { Rule } from './types';
import type { Range, Table, TemplateEvidence } from '../model';
import { tableDef, type TemplateId } from '../schema';
import { templateDoc } from './structure-util';
import { rowName } from './names';

function contains(r: Range, p: Range['start']): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

function templateName(t: TemplateId): { zh: string; en: string } {
  const doc = templateDoc(t);
  return { zh: `${t}年版格式（${doc.zh}）`, en: `the ${t} template (${doc.en})` };
}

/** A marker as messages name it: 表三's rows by their short names (`（六）1.逾期不补正`, not the whole label). */
function markerName(table: Table | null, marker: string): string {
  if (!table || table.id !== 't3') return marker;
  const row = tableDef('t3').rows.find((r) => r.label === marker);
  if (row) return rowName('t3', row.key).zh;
  const group = tableDef('t3').groups?.find((g) => g.label === marker);
  return group ? group.ordinal + group.label : marker;
}

const rule: Rule = {
  meta: {
    id: 'template-version',
    category: 'tables',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '2021 年及以后的报告使用了 2019 年版表格（或两版混用）；2019、2020 年的报告使用了 2021 年版表格。',
      en: 'A report for 2021 or later uses the 2019 tables (or mixes the two); a 2019/2020 report uses the 2021 tables.',
    },
    messages: {
      year: {
        zh: '{table}使用了{found}的栏目{markers}，{year}年度报告应采用{want}',
        en: '{table} uses labels of {found} ({markers}); a report for {year} follows {want}',
      },
      configured: {
        zh: '{table}使用了{found}的栏目{markers}，与设定的{want}不一致',
        en: '{table} uses labels of {found} ({markers}), not {want} as configured',
      },
      mixed: {
        zh: '{table}使用了{found}的栏目{markers}，而本报告其他表格采用{want}，两版格式混用',
        en: '{table} uses labels of {found} ({markers}) while the other tables follow {want}; the two templates are mixed',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3'],
    example: 'a 2021 report whose 第二十条第（一）项 table has 本年新制作数量 / 本年新公开数量 / 对外公开总数量',
  },
  check(ctx) {
    const { model, options } = ctx;
    const evidence = model.templateEvidence;
    if (!evidence.length) return;
    const has2019 = evidence.some((e) => e.template === '2019');
    const has2021 = evidence.some((e) => e.template === '2021');
    const year = ctx.year;
    // What the tables should follow, and why.
    let want: TemplateId;
    let why: 'configured' | 'year' | 'mixed';
    if (options.template) {
      want = options.template;
      why = 'configured';
    } else if (year !== null && year >= 2019) {
      want = year >= 2021 ? '2021' : '2019';
      why = 'year';
    } else if (has2019 && has2021) {
      // No year to go by: the template most of the tables show; the others are the odd ones out.
      want = model.template !== 'unknown' ? model.template : ctx.template;
      why = 'mixed';
    } else {
      return;
    }
    // Evidence per table, in document order.
    const byTable = new Map<Table | null, TemplateEvidence[]>();
    for (const e of evidence) {
      if (e.template === want) continue;
      const t = model.tables.find((x) => contains(x.range, e.range.start)) ?? null;
      const list = byTable.get(t);
      if (list) list.push(e);
      else byTable.set(t, [e]);
    }
    const found: TemplateId = want === '2019' ? '2021' : '2019';
    for (const [table, list] of byTable) {
      const markers = [...new Set(list.map((e) => markerName(table, e.marker)))].map((m) => `「${m}」`).join('');
      const name = table ? tableDef(table.id).name : '表格';
      const range = table && table.caption ? table.caption.range : list[0].range;
      ctx.report({
        message: why,
        args: {
          table: { zh: name, en: table ? `the ${name} table` : 'a table' },
          found: templateName(found),
          want: templateName(want),
          markers,
          year: year ?? '',
        },
        range,
        related: list.map((e) => ({
          range: e.range,
          message: { zh: `${found}年版栏目「${markerName(table, e.marker)}」`, en: `${found} template label 「${markerName(table, e.marker)}」` },
        })),
      });
    }
  },
};

export default rule;
