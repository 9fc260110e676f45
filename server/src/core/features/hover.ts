/**
 * Hovers: what the thing under the cursor means, in Markdown, in both languages.
 *
 * - a number cell: which cell it is, how its text reads, and every relation of table arithmetic it is part of
 *   (✓ / ✗ with the figures); for cells outside any relation (表二), what its row and column mean;
 * - a row label, a 表三 group label, a column header: its meaning and the articles behind it (articles.ts);
 * - `第二十条第（五）项` (caption or prose): the item's text and what the report's table asks for it;
 * - any other `第X条` (`第X条第Y款`, `第X条（Y）项`): the article's text, its chapter, the regulation's title;
 * - a section heading: what 第五十条 and the template require of the section.
 *
 * Positions index into a per-model table of hover targets by line, built once per model, so a hover costs a
 * look-up on one line plus a scan of that line's text for article references.
 */

import type { Localized } from '../diagnostics';
import type { Cell, Label, Position, Range, ReportKind, ReportModel, Section, Table } from '../model';
import { perModel } from '../memo';
import { colsOf, rowsOf, SECTIONS, T2_ITEM, tableDef, tablesOf, type TableId, type TemplateId } from '../schema';
import { foldLabel, numeralValue } from '../text';
import { arithmetic, type ArithmeticPlan, type Relation } from '../rules/arithmetic';
import { effectiveTemplate } from '../rules/registry';
import {
  chapterLine,
  colNote,
  GROUP_NOTES,
  quoteArticle,
  refLabel,
  refLabelEn,
  regulationArticle,
  regulationTitle,
  ROW_NOTES,
  SECTION_NOTES,
  TEMPLATE_NAMES,
  type ArticleRef,
  type Note,
} from './articles';
import { headingText } from './outline';
import {
  code,
  colLabel,
  containsPos,
  fullRowLabel,
  lineIndexOf,
  tableShort,
  tableTemplate,
  tableTitle,
} from './util';

export interface HoverOptions {
  /** The template to describe (a configured one); default: the one the report's tables show, else by year. */
  readonly template?: TemplateId;
  /** Department or people's government; default: what the agency name suggests. */
  readonly kind?: ReportKind;
}

export interface HoverResult {
  readonly markdown: Localized;
  /** The hovered token: the cell, the label, the heading, the 第X条 reference. */
  readonly range: Range;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets by line
// ---------------------------------------------------------------------------------------------------------------

type Target =
  | { readonly t: 'cell'; readonly range: Range; readonly cell: Cell; readonly table: Table }
  | { readonly t: 'row'; readonly range: Range; readonly table: Table; readonly key: string; readonly label: Label }
  | { readonly t: 'header'; readonly range: Range; readonly table: Table; readonly col: string; readonly label: Label }
  | { readonly t: 'group'; readonly range: Range; readonly table: Table; readonly key: string; readonly label: Label }
  | { readonly t: 'section'; readonly range: Range; readonly section: Section };

interface ModelIndex {
  readonly byLine: Map<number, Target[]>;
  readonly relationsOf: Map<Cell, Relation[]>;
  readonly plan: ArithmeticPlan;
}

function buildIndex(model: ReportModel): ModelIndex {
  const byLine = new Map<number, Target[]>();
  const add = (target: Target): void => {
    const { start, end } = target.range;
    // A label wraps over a line or two at most; a runaway range is not indexed line by line.
    const last = Math.min(end.line, start.line + 4);
    for (let l = start.line; l <= last; l++) {
      const list = byLine.get(l);
      if (list) list.push(target);
      else byLine.set(l, [target]);
    }
  };
  for (const table of model.tables) {
    for (const row of table.rows) {
      if (row.label) add({ t: 'row', range: row.label.range, table, key: row.key, label: row.label });
      for (const cell of row.cells) add({ t: 'cell', range: cell.range, cell, table });
    }
    for (const h of table.headers) add({ t: 'header', range: h.label.range, table, col: h.col, label: h.label });
    for (const g of table.groups) add({ t: 'group', range: g.label.range, table, key: g.key, label: g.label });
  }
  for (const section of model.sections) add({ t: 'section', range: section.heading.range, section });
  const plan = arithmetic(model);
  const relationsOf = new Map<Cell, Relation[]>();
  for (const r of plan.relations) {
    for (const term of r.terms) {
      const list = relationsOf.get(term.cell);
      if (list) list.push(r);
      else relationsOf.set(term.cell, [r]);
    }
  }
  return { byLine, relationsOf, plan };
}

const indexOf = perModel(buildIndex);

const PRIORITY: Readonly<Record<Target['t'], number>> = { cell: 0, row: 1, header: 1, group: 1, section: 3 };

function rangeSize(r: Range): number {
  return (r.end.line - r.start.line) * 100000 + (r.end.character - r.start.character);
}

function targetAt(idx: ModelIndex, pos: Position): Target | null {
  const list = idx.byLine.get(pos.line);
  if (!list) return null;
  let best: Target | null = null;
  for (const t of list) {
    if (!containsPos(t.range, pos)) continue;
    if (!best || PRIORITY[t.t] < PRIORITY[best.t] || (PRIORITY[t.t] === PRIORITY[best.t] && rangeSize(t.range) < rangeSize(best.range))) {
      best = t;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Article references in the text
// ---------------------------------------------------------------------------------------------------------------

const N = '[一二三四五六七八九十〇零两0-9０-９]{1,4}';
const S = '[ \\t\\u3000]*';
/** `第二十条`, `第十六条第二款`, `第二十条第（五）项`, `第二十条第五项`, `第三十六条（一）（二）`. */
const REF_RE = new RegExp(
  `第${S}(${N})${S}条(?:${S}第${S}(${N})${S}款)?((?:${S}第?${S}[（(]${S}${N}${S}[）)](?:${S}项)?)+|${S}第${S}(${N})${S}项)?`,
  'g',
);
const ITEM_RE = new RegExp(`[（(]${S}(${N})${S}[）)]`, 'g');

interface ArticleMention {
  readonly ref: ArticleRef;
  readonly range: Range;
}

/** Whether the reference right after `before` names another law (`《行政许可法》第三十条`). */
function namesOtherLaw(before: string): boolean {
  const t = before.replace(/[ \t\u3000]+$/, '');
  if (!t.endsWith('》')) return false;
  const open = t.lastIndexOf('《');
  if (open < 0) return false;
  const title = t.slice(open + 1, -1);
  return !(title.includes('政府信息公开条例') || title === '条例');
}

/** The article reference at a position of the text, if any. */
export function articleAt(text: string, pos: Position): ArticleMention | null {
  const index = lineIndexOf(text);
  if (pos.line < 0 || pos.line >= index.lineCount) return null;
  const line = index.lineText(pos.line);
  if (!line.includes('条')) return null;
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF_RE.exec(line))) {
    const start = m.index;
    const end = start + m[0].length;
    if (pos.character < start) break;
    if (pos.character > end) continue;
    if (namesOtherLaw(line.slice(Math.max(0, start - 40), start))) return null;
    const article = numeralValue(m[1]);
    if (article === null || !regulationArticle(article)) return null;
    const paragraph = m[2] ? numeralValue(m[2]) : null;
    const items: number[] = [];
    if (m[4]) {
      const v = numeralValue(m[4]);
      if (v !== null) items.push(v);
    } else if (m[3]) {
      ITEM_RE.lastIndex = 0;
      let im: RegExpExecArray | null;
      while ((im = ITEM_RE.exec(m[3]))) {
        const v = numeralValue(im[1]);
        if (v !== null) items.push(v);
      }
    }
    const ref: ArticleRef = {
      article,
      ...(paragraph ? { paragraph } : {}),
      ...(items.length ? { items } : {}),
    };
    return {
      ref,
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } },
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------------

interface Md {
  zh: string[];
  en: string[];
}

function md(): Md {
  return { zh: [], en: [] };
}

function push(m: Md, zh: string, en: string = zh): void {
  m.zh.push(zh);
  m.en.push(en);
}

function done(m: Md): Localized {
  return { zh: m.zh.join('\n\n'), en: m.en.join('\n\n') };
}

function footer(article?: number): string {
  const ch = article !== undefined ? chapterLine(article) : '';
  return `---\n\n${ch ? ch + ' · ' : ''}${regulationTitle()}`;
}

/** The quotes of the articles a note points to (at most three quoted in full; the rest named). */
function refsBlock(m: Md, refs: readonly ArticleRef[]): void {
  if (!refs.length) return;
  push(m, `**依据**：${refs.map(refLabel).join('、')}`, `**Articles**: ${refs.map(refLabelEn).join(', ')}`);
  for (const ref of refs.slice(0, 3)) {
    const q = quoteArticle(ref);
    if (q) push(m, q);
  }
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const KIND_ORDER: Readonly<Record<Relation['kind'], number>> = {
  't3-row-total': 0,
  't3-results-total': 1,
  't3-balance': 2,
  't4-total': 3,
};

function relationName(r: Relation, template: TemplateId): Localized {
  switch (r.kind) {
    case 't3-row-total':
      return { zh: '行合计：总计 = 自然人 + 法人或其他组织五列', en: 'row total: 总计 = 自然人 + the five organisation columns' };
    case 't3-results-total': {
      const c = colLabel('t3', r.key, template);
      return {
        zh: `「${c}」列：（七）总计 = （一）至（六）各项之和`,
        en: `column 「${c}」: （七）总计 = sum of （一）…（六）`,
      };
    }
    case 't3-balance': {
      const c = colLabel('t3', r.key, template);
      return { zh: `「${c}」列：一 + 二 = （七） + 四（表中注明）`, en: `column 「${c}」: 一 + 二 = （七） + 四 (printed in the table)` };
    }
    case 't4-total': {
      const row = fullRowLabel('t4', r.key, template);
      return {
        zh: `「${row}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
        en: `「${row}」: 总计 = upheld + corrected + other + pending`,
      };
    }
  }
}

/** The figures of a relation: `总计 21 ≠ 17 + 2 + 0 + 1 + 0 + 0 = 20`, the hovered cell's figure in bold. */
function relationFigures(r: Relation, focus: Cell): string {
  const v = (c: Cell): string => (c === focus ? `**${fmt(c.value ?? 0)}**` : fmt(c.value ?? 0));
  const pos = r.terms.filter((t) => t.sign === 1).map((t) => t.cell);
  const neg = r.terms.filter((t) => t.sign === -1).map((t) => t.cell);
  const sum = (cs: Cell[]): number => cs.reduce((a, c) => a + (c.value ?? 0), 0);
  const ok = r.residual === 0;
  if (pos.length === 1) {
    const name = r.kind === 't3-results-total' ? '（七）总计' : '总计';
    const rhs = neg.map(v).join(' + ') || '0';
    return ok ? `${name} ${v(pos[0])} = ${rhs}` : `${name} ${v(pos[0])} ≠ ${rhs} = ${fmt(sum(neg))}`;
  }
  const lhs = pos.map(v).join(' + ');
  const rhs = neg.map(v).join(' + ');
  return ok ? `${lhs} = ${rhs} = ${fmt(sum(pos))}` : `${lhs} = ${fmt(sum(pos))} ≠ ${rhs} = ${fmt(sum(neg))}`;
}

function cellReading(cell: Cell): Localized {
  const raw = code(cell.raw);
  switch (cell.kind) {
    case 'number': {
      const zh: string[] = [`原文 ${raw}，读作 ${fmt(cell.value ?? 0)}`];
      const en: string[] = [`written ${raw}, read as ${fmt(cell.value ?? 0)}`];
      if (cell.signed) {
        zh.push('带正负号');
        en.push('signed');
      }
      if (cell.unit) {
        zh.push(`单位「${cell.unit}」写在格内`);
        en.push(`unit 「${cell.unit}」 written in the cell`);
      }
      return { zh: zh.join('，') + '。', en: en.join(', ') + '.' };
    }
    case 'blank':
      return { zh: '空白：应填写数字（没有则填 0）。', en: 'Blank: write a number (0 when there is none).' };
    case 'placeholder':
      return {
        zh: `原文 ${raw} 是占位符，不是数字（没有则填 0）。`,
        en: `Written ${raw}: a placeholder, not a number (write 0 when there is none).`,
      };
    case 'text':
      return { zh: `原文 ${raw} 无法读作数字。`, en: `Written ${raw}: not readable as a number.` };
  }
}

function cellHover(cell: Cell, table: Table, model: ReportModel, idx: ModelIndex, template: TemplateId): Localized {
  const tt = tableTemplate(table, model, template);
  const row = fullRowLabel(table.id, cell.row, tt);
  const col = colLabel(table.id, cell.col, tt);
  const t = tableShort(table.id);
  const m = md();
  push(m, `**${t} · ${row} · ${col}**`);
  const reading = cellReading(cell);
  push(m, reading.zh, reading.en);
  const rels = [...(idx.relationsOf.get(cell) ?? [])].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  if (rels.length) {
    const zh: string[] = ['**勾稽关系**'];
    const en: string[] = ['**Relations**'];
    for (const r of rels) {
      const mark = r.residual === 0 ? '✓' : '✗';
      const name = relationName(r, tt);
      const fig = relationFigures(r, cell);
      zh.push(`- ${mark} ${name.zh}  \n  ${fig}`);
      en.push(`- ${mark} ${name.en}  \n  ${fig}`);
    }
    m.zh.push(zh.join('\n'));
    m.en.push(en.join('\n'));
    const culprit = idx.plan.culprits.find((c) => c.cell === cell);
    if (culprit) {
      push(
        m,
        `**可能的修正**：改为 ${fmt(culprit.value)} 可使 ${culprit.relations.length} 处勾稽关系全部成立。`,
        `**Likely fix**: ${fmt(culprit.value)} here makes all ${culprit.relations.length} relations hold.`,
      );
    } else {
      for (const r of idx.plan.lone) {
        if (r.target !== cell) continue;
        const name = relationName(r, tt);
        const caveat = idx.plan.deferred.has(r);
        push(
          m,
          `使「${name.zh.split('：')[0]}」成立的值：${fmt(r.targetValue)}${caveat ? '（同一关系中另有数字可能有误，仅供参考）' : ''}`,
          `Value that makes 「${name.en.split(':')[0]}」 hold: ${fmt(r.targetValue)}${caveat ? ' (another figure of the relation may be wrong too)' : ''}`,
        );
      }
    }
  } else {
    if (table.id === 't3' || table.id === 't4') {
      push(
        m,
        '此单元格所在的勾稽关系中有空白、缺失或无法读出的单元格，暂无法核对。',
        'The relations through this cell cannot be checked: another of their cells is blank, missing or unreadable.',
      );
    }
    const rn = ROW_NOTES[`${table.id}/${cell.row}`];
    const cn = colNote(table.id, cell.col);
    if (rn) push(m, `**行「${row}」**：${rn.meaning.zh}`, `**Row 「${row}」**: ${rn.meaning.en}`);
    if (cn) push(m, `**列「${col}」**：${cn.meaning.zh}`, `**Column 「${col}」**: ${cn.meaning.en}`);
  }
  return done(m);
}

const ORDINAL_RE = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、)）])[ \t\u3000]*/;

function variantLine(m: Md, label: Label, canonical: string): void {
  // A written label may carry its group's ordinal and its own (`（三） 1.属于国家秘密`).
  let raw = label.raw;
  for (let i = 0; i < 3 && ORDINAL_RE.test(raw); i++) raw = raw.replace(ORDINAL_RE, '');
  const written = foldLabel(raw);
  if (!label.variant && written === foldLabel(canonical)) return;
  push(m, `原文写作 ${code(label.raw)}，格式文本为「${canonical}」。`, `Written ${code(label.raw)}; the template's wording is 「${canonical}」.`);
}

function noteHover(title: string, note: Note | undefined, label: Label, canonical: string, footArticle?: number): Localized {
  const m = md();
  push(m, `**${title}**`);
  if (note) push(m, note.meaning.zh, note.meaning.en);
  variantLine(m, label, canonical);
  if (note) refsBlock(m, note.refs);
  if (note && note.refs.length) push(m, footer(footArticle ?? note.refs[0].article));
  return done(m);
}

function rowHover(table: Table, key: string, label: Label, model: ReportModel, template: TemplateId): Localized {
  const tt = tableTemplate(table, model, template);
  const full = fullRowLabel(table.id, key, tt);
  const def = tableDef(table.id).rows.find((r) => r.key === key && r.templates.includes(tt)) ?? tableDef(table.id).rows.find((r) => r.key === key);
  return noteHover(`${tableShort(table.id)} · ${full}`, ROW_NOTES[`${table.id}/${key}`], label, def?.label ?? full);
}

function groupHover(table: Table, key: string, label: Label): Localized {
  const g = tableDef(table.id).groups?.find((x) => x.key === key);
  const full = g ? g.ordinal + g.label : label.canonical;
  return noteHover(`${tableShort(table.id)} · ${full}`, GROUP_NOTES[`${table.id}/${key}`], label, g?.label ?? full);
}

function headerHover(table: Table, col: string, label: Label, model: ReportModel, template: TemplateId): Localized {
  const tt = tableTemplate(table, model, template);
  const name = colLabel(table.id, col, tt);
  const m = md();
  push(m, `**${tableShort(table.id)} · 列「${name}」**`, `**${tableShort(table.id)} · column 「${name}」**`);
  const note = colNote(table.id, col);
  if (note) push(m, note.meaning.zh, note.meaning.en);
  variantLine(m, label, name);
  return done(m);
}

/** What the report's table for an item of 第二十条 holds, in a template. */
function t2TableBlock(m: Md, item: number, template: TemplateId): void {
  const id = (Object.keys(T2_ITEM) as TableId[]).find((k) => numeralValue(T2_ITEM[k]) === item);
  if (!id) return;
  const other: TemplateId = template === '2019' ? '2021' : '2019';
  const describe = (tpl: TemplateId): Localized | null => {
    if (!tableDef(id).templates.includes(tpl)) return null;
    const rows = rowsOf(id, tpl).map((r) => r.label);
    const cols = colsOf(id, tpl).map((c) => c.label);
    const n = ['', '一', '两', '三'][cols.length] ?? String(cols.length);
    return {
      zh: `行（信息内容）：${rows.join('、')}；${n}列：${cols.join('、')}`,
      en: `rows (信息内容): ${rows.join(', ')}; ${cols.length} column${cols.length === 1 ? '' : 's'}: ${cols.join(', ')}`,
    };
  };
  const here = describe(template);
  const there = describe(other);
  const tn = TEMPLATE_NAMES[template];
  const on = TEMPLATE_NAMES[other];
  if (here) {
    push(m, `**年报表格** · ${tn.zh}：${here.zh}。`, `**Table in the report** · ${tn.en}: ${here.en}.`);
    const notes: Localized[] = [];
    for (const c of colsOf(id, template)) {
      const note = colNote(id, c.key);
      if (note) notes.push({ zh: `- ${c.label}：${note.meaning.zh}`, en: `- ${c.label}: ${note.meaning.en}` });
    }
    if (notes.length) push(m, notes.map((x) => x.zh).join('\n'), notes.map((x) => x.en).join('\n'));
  } else {
    push(m, `**年报表格**：${tn.zh}中没有此表。`, `**Table in the report**: the ${tn.en} has no such table.`);
  }
  if (there) push(m, `${on.zh}：${there.zh}。`, `${on.en}: ${there.en}.`);
  else push(m, `${on.zh}中没有此表。`, `The ${on.en} has no such table.`);
}

function articleHover(ref: ArticleRef, template: TemplateId): Localized | null {
  let q = quoteArticle(ref);
  let shown = ref;
  if (!q && (ref.paragraph || ref.items)) {
    shown = { article: ref.article };
    q = quoteArticle(shown);
  }
  if (!q) return null;
  const m = md();
  push(m, `**${REG_SHORT}${refLabel(shown)}**`, `**Regulation on the Disclosure of Government Information, ${refLabelEn(shown)}** (text in Chinese)`);
  push(m, q);
  if (ref.article === 20 && ref.items) {
    for (const item of ref.items) t2TableBlock(m, item, template);
    push(m, '第二十条所列信息属于第十九条所说应当主动公开的政府信息。', 'Article 19 is why the items of Article 20 are disclosed proactively.');
  }
  push(m, footer(ref.article));
  return done(m);
}

const REG_SHORT = '《条例》';

function sectionHover(section: Section, template: TemplateId, kind: ReportKind | null): Localized {
  const def = SECTIONS.find((s) => s.id === section.id)!;
  const note = SECTION_NOTES[section.id];
  const standard = `${def.numeral}、${def.title}`;
  const m = md();
  const n = SECTIONS.indexOf(def) + 1;
  push(m, `**${standard}** · 年报第${def.numeral}部分`, `**${standard}** · part ${n} of the report`);
  push(m, note.meaning.zh, note.meaning.en);
  const written = headingText(section.heading);
  if (written !== standard) {
    push(m, `原文写作 ${code(written)}，格式标题为「${standard}」。`, `Written ${code(written)}; the standard heading is 「${standard}」.`);
  }
  if (note.article50) {
    const q = quoteArticle({ article: 50, items: [note.article50] });
    push(m, `对应第五十条第（${['', '一', '二', '三', '四', '五'][note.article50]}）项：`, `Answers Article 50(${note.article50}):`);
    if (q) push(m, q);
  }
  const tables = tablesOf(template).filter((t) => t.section === section.id);
  if (tables.length) {
    const tn = TEMPLATE_NAMES[template];
    push(
      m,
      `应含表格 · ${tn.zh}：${tables.map((t) => tableTitle(t.id)).join('；')}`,
      `Tables required · ${tn.en}: ${tables.map((t) => tableTitle(t.id)).join('; ')}`,
    );
  }
  if (note.covers) push(m, note.covers.zh, note.covers.en);
  if (note.government) {
    if (kind === 'government') push(m, note.government.zh, note.government.en);
    else {
      push(
        m,
        `（本报告按部门年报处理。）${note.government.zh}`,
        `(This report is treated as a department's.) ${note.government.en}`,
      );
    }
  }
  const byT = note.byTemplate?.[template];
  if (byT) push(m, byT.zh, byT.en);
  push(
    m,
    '国办公开办函〔2021〕30号：年报内容应严格按照第五十条的规定，不能遗漏，也不宜泛化。',
    '国办公开办函〔2021〕30号: the content follows Article 50 exactly, leaving nothing out and not drifting into generalities.',
  );
  push(
    m,
    `---\n\n年报内容：第五十条；公布期限：第四十九条（部门 1月31日前，人民政府 3月31日前）。${regulationTitle()}`,
    `---\n\nContents: Article 50; deadlines: Article 49 (departments by 31 January, people's governments by 31 March). ${regulationTitle()}`,
  );
  return done(m);
}

/** The hover at a position, or null where there is nothing to say. */
export function hover(text: string, model: ReportModel, position: Position, options: HoverOptions = {}): HoverResult | null {
  const template = effectiveTemplate(model, options.template ? { template: options.template } : {});
  const idx = indexOf(model);
  const target = targetAt(idx, position);
  if (target && target.t === 'cell') {
    return { markdown: cellHover(target.cell, target.table, model, idx, template), range: target.range };
  }
  if (target && target.t === 'row') {
    return { markdown: rowHover(target.table, target.key, target.label, model, template), range: target.range };
  }
  if (target && target.t === 'group') {
    return { markdown: groupHover(target.table, target.key, target.label), range: target.range };
  }
  if (target && target.t === 'header') {
    return { markdown: headerHover(target.table, target.col, target.label, model, template), range: target.range };
  }
  const mention = articleAt(text, position);
  if (mention) {
    const markdown = articleHover(mention.ref, template);
    if (markdown) return { markdown, range: mention.range };
  }
  if (target && target.t === 'section') {
    return { markdown: sectionHover(target.section, template, options.kind ?? model.kind), range: target.range };
  }
  return null;
}
