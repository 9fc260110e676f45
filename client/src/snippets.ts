/**
 * The editor's snippets, generated from the core's templates so that what a snippet inserts is exactly what
 * the parser reads (test/unit/snippets.test.ts). `scripts/gen-snippets.mjs` writes snippets/nianbao.json from
 * `snippetsFile()`; the insert commands use the same bodies at run time.
 *
 * Pure: no `vscode` import, so the unit tests and the generator can load it.
 */

import { T2_ITEM, rowsOf, tableDef, tablesOf, type TableId, type TemplateId } from '../../server/src/core/schema';
import { renderSkeleton, renderTable, sectionHeading } from '../../server/src/core/templates';

/** The template's official name: the circular that issued it. */
export const TEMPLATE_CIRCULAR: Readonly<Record<TemplateId, string>> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

/** Escapes text for a TextMate/VS Code snippet body: `\`, `$` and `}` are special. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Short Chinese name of a table, as a user calls it: 表二（一）… 表三, 表四. */
export function tableShortName(id: TableId): string {
  return id.startsWith('t2-') ? `表二（${T2_ITEM[id]}）` : tableDef(id).name;
}

/** What a table holds, in Chinese: `第二十条第（一）项：规章、行政规范性文件` or `表三：收到和处理政府信息公开申请情况`. */
export function tableSummary(id: TableId, template: TemplateId): string {
  const def = tableDef(id);
  if (id.startsWith('t2-')) return `${def.caption}：${rowsOf(id, template).map((r) => r.label).join('、')}`;
  return `${def.name}：${def.caption}`;
}

/** Snippet prefixes of a table: Chinese (`nianbao-表二一`, `nianbao-表三-2019`) and ASCII (`nianbao-t2-1`, `nianbao-t3-2019`). */
export function tablePrefixes(id: TableId, template: TemplateId): string[] {
  const zh = id.startsWith('t2-') ? `表二${T2_ITEM[id]}` : tableDef(id).name;
  const suffix = template === '2021' ? '' : `-${template}`;
  const out = [`nianbao-${zh}${suffix}`, `nianbao-${id}${suffix}`];
  if (template === '2021') out.push(`nianbao-${zh}-2021`, `nianbao-${id}-2021`);
  return out;
}

/** A snippet body inserting one standard table with 0 in every cell, the cursor after it. */
export function tableSnippet(id: TableId, template: TemplateId): string {
  return escapeSnippet(renderTable(id, template)) + '\n$0';
}

export interface SkeletonDefaults {
  /** Shown in the agency placeholder. */
  readonly agency: string;
  /** The report year shown in the year placeholder. */
  readonly year: number;
}

/** Placeholder defaults of the generated snippets: a year each template is the right one for. */
export function snippetDefaults(template: TemplateId): SkeletonDefaults {
  return { agency: '机关名称', year: template === '2021' ? 2023 : 2020 };
}

// Stand-ins rendered by renderSkeleton and then turned into placeholders. Neither can occur in the skeleton.
const AGENCY_MARK = '\uE000';
const YEAR_MARK = 9990;

/**
 * A whole report skeleton as a snippet body: `${1:机关名称}` for the agency, `${2:2023}` for the year (all
 * occurrences linked), `$3` `$4` `$5` for the text of the sections without tables (一、五、六), `${6:2024}` for the
 * year of the signature date, and every table with 0 in each cell. With the placeholders replaced by their
 * defaults, it is exactly `renderSkeleton(template, year, agency)`.
 */
export function skeletonSnippet(template: TemplateId, defaults: SkeletonDefaults = snippetDefaults(template)): string {
  let body = escapeSnippet(renderSkeleton(template, YEAR_MARK, AGENCY_MARK));
  let stop = 3;
  for (const id of ['s1', 's5', 's6'] as const) {
    // The blank line under the heading of a section the template gives no table: where its text goes.
    const heading = escapeSnippet(sectionHeading(id, 2)) + '\n\n';
    const at = body.indexOf(heading);
    if (at >= 0) body = body.slice(0, at) + heading.slice(0, -1) + `$${stop++}` + body.slice(at + heading.length - 1);
  }
  return (
    body
      .split(AGENCY_MARK)
      .join(`\${1:${escapeSnippet(defaults.agency)}}`)
      .split(String(YEAR_MARK + 1))
      .join(`\${${stop}:${defaults.year + 1}}`)
      .split(String(YEAR_MARK))
      .join(`\${2:${defaults.year}}`)
      // The final cursor: the end of the skeleton, below the signature.
      .replace(/\n$/, () => '\n$0')
  );
}

export interface SnippetEntry {
  readonly prefix: readonly string[];
  readonly body: readonly string[];
  readonly description: string;
}

/** The snippets file (VS Code's JSON snippet format), in a stable order. */
export function snippetsFile(): Record<string, SnippetEntry> {
  const out: Record<string, SnippetEntry> = {};
  for (const template of ['2021', '2019'] as const) {
    const suffix = template === '2021' ? '' : `-${template}`;
    out[`年报全文（${template} 年版）`] = {
      prefix:
        template === '2021'
          ? ['nianbao-report', 'nianbao-年报', 'nianbao-report-2021', 'nianbao-年报-2021']
          : [`nianbao-report${suffix}`, `nianbao-年报${suffix}`],
      body: skeletonSnippet(template).split('\n'),
      description: `政府信息公开工作年度报告全文框架：标题、统计期限、六个部分及全部表格（${template} 年版，${TEMPLATE_CIRCULAR[template]}）`,
    };
  }
  for (const template of ['2021', '2019'] as const) {
    for (const t of tablesOf(template)) {
      out[`${tableShortName(t.id)}（${template} 年版）`] = {
        prefix: tablePrefixes(t.id, template),
        body: tableSnippet(t.id, template).split('\n'),
        description: `${tableSummary(t.id, template)}（${template} 年版，${TEMPLATE_CIRCULAR[template]}）`,
      };
    }
  }
  return out;
}

/** Every (table, template) pair the templates define, in report order, 2021 first. */
export function allTables(): { id: TableId; template: TemplateId }[] {
  const order: readonly TemplateId[] = ['2021', '2019'];
  return order.flatMap((template) => tablesOf(template).map((t) => ({ id: t.id, template })));
}

/**
 * Text to insert so that a block (a table) stands on lines of its own, with a blank line before and after it.
 * `before` and `after` are the document's text before and after the insertion point (only their ends matter).
 */
export function padBlock(before: string, after: string, block: string): string {
  const b = before.replace(/\r/g, '');
  const a = after.replace(/\r/g, '');
  const prefix = b === '' || b.endsWith('\n\n') ? '' : b.endsWith('\n') ? '\n' : '\n\n';
  const suffix = a === '' ? '\n' : a.startsWith('\n') ? '\n' : '\n\n';
  return prefix + block + suffix;
}
