/**
 * The standard sections and tables rendered as Markdown, with 0 in every cell: what the insert-table and
 * insert-section fixes write, and what the editor's snippets insert. Every table rendered here is read back
 * completely by the parser (tested).
 */

import { SECTIONS, colsOf, rowsOf, tableDef, tablesOf, type SectionId, type TableId, type TemplateId } from './schema';

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function mdSep(n: number): string {
  return mdRow(Array.from({ length: n }, (_, i) => (i === 0 ? '---' : '---:')));
}

/** One standard table as Markdown (a 表二 table with its caption line before it). */
export function renderTable(id: TableId, template: TemplateId, fill = '0'): string {
  const def = tableDef(id);
  const cols = colsOf(id, template);
  const rows = rowsOf(id, template);
  const lines: string[] = [];
  if (id.startsWith('t2-')) {
    lines.push(def.caption, '');
    lines.push(mdRow(['信息内容', ...cols.map((c) => c.label)]), mdSep(cols.length + 1));
    for (const r of rows) lines.push(mdRow([r.label, ...cols.map(() => fill)]));
  } else if (id === 't3') {
    lines.push(mdRow([T3_NOTE, ...cols.map((c) => c.label)]), mdSep(cols.length + 1));
    const groups = def.groups ?? [];
    const opened = new Set<string>();
    for (const r of rows) {
      // Group labels (三、本年度办理结果, （三）不予公开 …) stand on rows of their own, with no numbers.
      const chain: string[] = [];
      if (r.group) {
        if (r.group !== 'results') chain.push('results');
        chain.push(r.group);
      }
      for (const g of chain) {
        if (opened.has(g)) continue;
        opened.add(g);
        const gd = groups.find((x) => x.key === g && x.templates.includes(template));
        if (gd) lines.push(mdRow([gd.ordinal + gd.label, ...cols.map(() => '')]));
      }
      lines.push(mdRow([(r.ordinal ?? '') + r.label, ...cols.map(() => fill)]));
    }
  } else {
    lines.push(mdRow(['行政复议、行政诉讼', ...cols.map((c) => c.label)]), mdSep(cols.length + 1));
    for (const r of rows) lines.push(mdRow([r.label, ...cols.map(() => fill)]));
  }
  return lines.join('\n');
}

/** The standard heading of a section (`三、收到和处理政府信息公开申请情况`). */
export function sectionHeading(id: SectionId, markdownLevel = 0): string {
  const s = SECTIONS.find((x) => x.id === id)!;
  return `${markdownLevel ? '#'.repeat(markdownLevel) + ' ' : ''}${s.numeral}、${s.title}`;
}

/** The tables a section holds in a template, rendered, separated by blank lines. */
export function renderSectionTables(id: SectionId, template: TemplateId, fill = '0'): string {
  return tablesOf(template)
    .filter((t) => t.section === id)
    .map((t) => renderTable(t.id, template, fill))
    .join('\n\n');
}

/** A whole report skeleton: title, period sentence, six headings, every table, signature. */
export function renderSkeleton(template: TemplateId, year: number, agency = '（机关名称）', markdownLevel = 2): string {
  const parts: string[] = [
    `# ${agency}${year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》第五十条编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
  ];
  for (const s of SECTIONS) {
    parts.push('', sectionHeading(s.id, markdownLevel), '');
    const tables = renderSectionTables(s.id, template);
    if (tables) parts.push(tables);
    // 30号 asks section 六 to say whether 信息处理费 was charged (国办函〔2020〕109号).
    if (s.id === 's6') parts.push(`本机关${year}年度未收取政府信息公开信息处理费。`);
  }
  parts.push('', agency, `${year + 1}年1月31日`, '');
  return parts.join('\n');
}
