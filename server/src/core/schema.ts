/**
 * The standard tables of the annual report, as data: table ids, row and column keys, labels and their
 * tolerated variants, per template. Source: shared/reference/rules.md ("Data model") and report-format.md.
 *
 * Everything that needs to know what a table looks like (parser, rules, hovers, snippets, docs) reads it
 * from here; nothing else hard-codes a label.
 */

export type TemplateId = '2019' | '2021';
export type TableId = 't2-1' | 't2-5' | 't2-6' | 't2-8' | 't2-9' | 't3' | 't4';
export type SectionId = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';

export const TEMPLATES: readonly TemplateId[] = ['2019', '2021'];

/** A label as the template prints it, plus variants seen in real reports. */
export interface LabelDef {
  /** The template's wording (the canonical label). */
  readonly label: string;
  /** Wordings accepted as this label but worth pointing out (label-variant). */
  readonly variants?: readonly string[];
}

export interface RowDef extends LabelDef {
  readonly key: string;
  /** The row's ordinal as printed (`一、`, `（一）`, `1.`), without the text. */
  readonly ordinal?: string;
  /** For 表三: the key of the group this row belongs to (`deny`, `unable`, …). */
  readonly group?: string;
  /** Templates in which the row exists. */
  readonly templates: readonly TemplateId[];
}

export interface ColDef extends LabelDef {
  readonly key: string;
  readonly templates: readonly TemplateId[];
  /** Whether the column holds counts (non-negative integers) rather than amounts or signed changes. */
  readonly kind: 'count' | 'signed' | 'amount';
}

/** A group label of 表三 (a row that carries no numbers of its own). */
export interface GroupDef extends LabelDef {
  readonly key: string;
  readonly ordinal: string;
  readonly templates: readonly TemplateId[];
}

export interface TableDef {
  readonly id: TableId;
  /** Short name for messages: 表二（一）, 表三, 表四. */
  readonly name: string;
  /** The caption or title as printed. */
  readonly caption: string;
  readonly section: SectionId;
  readonly templates: readonly TemplateId[];
  readonly rows: readonly RowDef[];
  readonly cols: readonly ColDef[];
  readonly groups?: readonly GroupDef[];
}

const BOTH: readonly TemplateId[] = ['2019', '2021'];
const Y2019: readonly TemplateId[] = ['2019'];
const Y2021: readonly TemplateId[] = ['2021'];

const T2_ITEM_COLS: readonly ColDef[] = [
  { key: 'prev-items', label: '上一年项目数量', templates: Y2019, kind: 'count' },
  { key: 'change', label: '本年增/减', variants: ['本年增减', '本年增（减）'], templates: Y2019, kind: 'signed' },
  { key: 'decisions', label: '处理决定数量', templates: Y2019, kind: 'count' },
];

const T2_DECISIONS_2021: ColDef = { key: 'decisions', label: '本年处理决定数量', templates: Y2021, kind: 'count' };

export const TABLES: readonly TableDef[] = [
  {
    id: 't2-1',
    name: '第二十条第（一）项',
    caption: '第二十条第（一）项',
    section: 's2',
    templates: BOTH,
    rows: [
      { key: 'rules', label: '规章', templates: BOTH },
      { key: 'normative', label: '规范性文件', templates: Y2019 },
      { key: 'normative', label: '行政规范性文件', templates: Y2021 },
    ],
    cols: [
      { key: 'made', label: '本年新制作数量', templates: Y2019, kind: 'count' },
      { key: 'published', label: '本年新公开数量', templates: Y2019, kind: 'count' },
      { key: 'public-total', label: '对外公开总数量', templates: Y2019, kind: 'count' },
      { key: 'issued', label: '本年制发件数', templates: Y2021, kind: 'count' },
      { key: 'repealed', label: '本年废止件数', templates: Y2021, kind: 'count' },
      { key: 'in-force', label: '现行有效件数', templates: Y2021, kind: 'count' },
    ],
  },
  {
    id: 't2-5',
    name: '第二十条第（五）项',
    caption: '第二十条第（五）项',
    section: 's2',
    templates: BOTH,
    rows: [
      { key: 'licensing', label: '行政许可', templates: BOTH },
      { key: 'other-services', label: '其他对外管理服务事项', templates: Y2019 },
    ],
    cols: [...T2_ITEM_COLS, T2_DECISIONS_2021],
  },
  {
    id: 't2-6',
    name: '第二十条第（六）项',
    caption: '第二十条第（六）项',
    section: 's2',
    templates: BOTH,
    rows: [
      { key: 'penalty', label: '行政处罚', templates: BOTH },
      { key: 'enforcement', label: '行政强制', templates: BOTH },
    ],
    cols: [...T2_ITEM_COLS, T2_DECISIONS_2021],
  },
  {
    id: 't2-8',
    name: '第二十条第（八）项',
    caption: '第二十条第（八）项',
    section: 's2',
    templates: BOTH,
    rows: [{ key: 'fees', label: '行政事业性收费', templates: BOTH }],
    cols: [
      T2_ITEM_COLS[0],
      T2_ITEM_COLS[1],
      {
        key: 'amount',
        label: '本年收费金额（单位：万元）',
        variants: ['本年收费金额', '本年收费金额（万元）', '收费金额（单位：万元）'],
        templates: Y2021,
        kind: 'amount',
      },
    ],
  },
  {
    id: 't2-9',
    name: '第二十条第（九）项',
    caption: '第二十条第（九）项',
    section: 's2',
    templates: Y2019,
    rows: [{ key: 'procurement', label: '政府集中采购', templates: Y2019 }],
    cols: [
      { key: 'items', label: '采购项目数量', templates: Y2019, kind: 'count' },
      { key: 'amount', label: '采购总金额', templates: Y2019, kind: 'amount' },
    ],
  },
  {
    id: 't3',
    name: '表三',
    caption: '收到和处理政府信息公开申请情况',
    section: 's3',
    templates: BOTH,
    groups: [
      { key: 'results', ordinal: '三、', label: '本年度办理结果', templates: BOTH },
      { key: 'deny', ordinal: '（三）', label: '不予公开', templates: BOTH },
      { key: 'unable', ordinal: '（四）', label: '无法提供', templates: BOTH },
      { key: 'ignore', ordinal: '（五）', label: '不予处理', templates: BOTH },
      { key: 'other', ordinal: '（六）', label: '其他处理', templates: Y2021 },
    ],
    rows: [
      { key: 'new', ordinal: '一、', label: '本年新收政府信息公开申请数量', templates: BOTH },
      { key: 'carried', ordinal: '二、', label: '上年结转政府信息公开申请数量', templates: BOTH },
      { key: 'open', ordinal: '（一）', label: '予以公开', group: 'results', templates: BOTH },
      {
        key: 'partial',
        ordinal: '（二）',
        label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
        variants: ['部分公开（区分处理的，只记这一情形，不记其他情形）', '部分公开'],
        group: 'results',
        templates: BOTH,
      },
      { key: 'deny-1', ordinal: '1.', label: '属于国家秘密', group: 'deny', templates: BOTH },
      { key: 'deny-2', ordinal: '2.', label: '其他法律行政法规禁止公开', group: 'deny', templates: BOTH },
      { key: 'deny-3', ordinal: '3.', label: '危及“三安全一稳定”', group: 'deny', templates: BOTH },
      { key: 'deny-4', ordinal: '4.', label: '保护第三方合法权益', group: 'deny', templates: BOTH },
      { key: 'deny-5', ordinal: '5.', label: '属于三类内部事务信息', group: 'deny', templates: BOTH },
      { key: 'deny-6', ordinal: '6.', label: '属于四类过程性信息', group: 'deny', templates: BOTH },
      { key: 'deny-7', ordinal: '7.', label: '属于行政执法案卷', group: 'deny', templates: BOTH },
      { key: 'deny-8', ordinal: '8.', label: '属于行政查询事项', group: 'deny', templates: BOTH },
      { key: 'unable-1', ordinal: '1.', label: '本机关不掌握相关政府信息', group: 'unable', templates: BOTH },
      { key: 'unable-2', ordinal: '2.', label: '没有现成信息需要另行制作', group: 'unable', templates: BOTH },
      { key: 'unable-3', ordinal: '3.', label: '补正后申请内容仍不明确', group: 'unable', templates: BOTH },
      {
        key: 'ignore-1',
        ordinal: '1.',
        label: '信访举报投诉类申请',
        variants: ['信访投诉举报类申请'],
        group: 'ignore',
        templates: BOTH,
      },
      { key: 'ignore-2', ordinal: '2.', label: '重复申请', group: 'ignore', templates: BOTH },
      { key: 'ignore-3', ordinal: '3.', label: '要求提供公开出版物', group: 'ignore', templates: BOTH },
      { key: 'ignore-4', ordinal: '4.', label: '无正当理由大量反复申请', group: 'ignore', templates: BOTH },
      {
        key: 'ignore-5',
        ordinal: '5.',
        label: '要求行政机关确认或重新出具已获取信息',
        group: 'ignore',
        templates: BOTH,
      },
      { key: 'other', ordinal: '（六）', label: '其他处理', group: 'results', templates: Y2019 },
      {
        key: 'other-1',
        ordinal: '1.',
        label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        group: 'other',
        templates: Y2021,
      },
      {
        key: 'other-2',
        ordinal: '2.',
        label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        group: 'other',
        templates: Y2021,
      },
      { key: 'other-3', ordinal: '3.', label: '其他', group: 'other', templates: Y2021 },
      { key: 'total', ordinal: '（七）', label: '总计', variants: ['合计'], group: 'results', templates: BOTH },
      { key: 'carry-out', ordinal: '四、', label: '结转下年度继续办理', templates: BOTH },
    ],
    cols: [
      { key: 'natural', label: '自然人', templates: BOTH, kind: 'count' },
      { key: 'business', label: '商业企业', variants: ['商业机构'], templates: BOTH, kind: 'count' },
      { key: 'research', label: '科研机构', templates: BOTH, kind: 'count' },
      { key: 'public-interest', label: '社会公益组织', variants: ['社会组织'], templates: BOTH, kind: 'count' },
      { key: 'legal', label: '法律服务机构', templates: BOTH, kind: 'count' },
      { key: 'other-org', label: '其他', templates: BOTH, kind: 'count' },
      { key: 'total', label: '总计', variants: ['合计'], templates: BOTH, kind: 'count' },
    ],
  },
  {
    id: 't4',
    name: '表四',
    caption: '政府信息公开行政复议、行政诉讼情况',
    section: 's4',
    templates: BOTH,
    rows: [
      { key: 'review', label: '行政复议', templates: BOTH },
      { key: 'suit-direct', label: '未经复议直接起诉', templates: BOTH },
      { key: 'suit-after-review', label: '复议后起诉', templates: BOTH },
    ],
    cols: [
      { key: 'upheld', label: '结果维持', variants: ['结果维护'], templates: BOTH, kind: 'count' },
      { key: 'corrected', label: '结果纠正', templates: BOTH, kind: 'count' },
      { key: 'other', label: '其他结果', templates: BOTH, kind: 'count' },
      { key: 'pending', label: '尚未审结', templates: BOTH, kind: 'count' },
      { key: 'total', label: '总计', variants: ['合计'], templates: BOTH, kind: 'count' },
    ],
  },
];

const TABLE_BY_ID = new Map<TableId, TableDef>(TABLES.map((t) => [t.id, t]));

export function tableDef(id: TableId): TableDef {
  const def = TABLE_BY_ID.get(id);
  if (!def) throw new Error(`unknown table ${id}`);
  return def;
}

/** Rows of a table in a template, in template order. */
export function rowsOf(id: TableId, template: TemplateId): RowDef[] {
  return tableDef(id).rows.filter((r) => r.templates.includes(template));
}

/** Columns of a table in a template, in template order. */
export function colsOf(id: TableId, template: TemplateId): ColDef[] {
  return tableDef(id).cols.filter((c) => c.templates.includes(template));
}

/** Tables a template contains, in report order. */
export function tablesOf(template: TemplateId): TableDef[] {
  return TABLES.filter((t) => t.templates.includes(template));
}

/** The 第二十条 item (一, 五, 六, 八, 九) of a 表二 sub-table. */
export const T2_ITEM: Readonly<Record<string, string>> = {
  't2-1': '一',
  't2-5': '五',
  't2-6': '六',
  't2-8': '八',
  't2-9': '九',
};

export interface SectionDef {
  readonly id: SectionId;
  readonly numeral: string;
  readonly title: string;
  /** Tolerated variants (report-format.md §2): not reported by section-title. */
  readonly tolerated: readonly string[];
  /** Key phrases: a heading containing one of these is taken to mean this section (with section-title). */
  readonly keys: readonly string[];
}

export const SECTIONS: readonly SectionDef[] = [
  { id: 's1', numeral: '一', title: '总体情况', tolerated: [], keys: ['总体情况', '基本情况', '概述'] },
  {
    id: 's2',
    numeral: '二',
    title: '主动公开政府信息情况',
    tolerated: ['行政机关主动公开政府信息情况'],
    keys: ['主动公开政府信息情况', '主动公开政府信息', '主动公开情况'],
  },
  {
    id: 's3',
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    tolerated: [],
    keys: ['收到和处理政府信息公开申请', '政府信息公开申请情况', '依申请公开'],
  },
  {
    id: 's4',
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    tolerated: [],
    keys: ['行政复议、行政诉讼', '行政复议和行政诉讼', '行政复议及行政诉讼', '复议、诉讼'],
  },
  {
    id: 's5',
    numeral: '五',
    title: '存在的主要问题及改进情况',
    tolerated: ['政府信息公开工作存在的主要问题及改进情况'],
    keys: ['存在的主要问题', '主要问题及改进', '问题及改进'],
  },
  {
    id: 's6',
    numeral: '六',
    title: '其他需要报告的事项',
    tolerated: [],
    keys: ['其他需要报告的事项', '其他需要报告'],
  },
];

export function sectionDef(id: SectionId): SectionDef {
  const def = SECTIONS.find((s) => s.id === id);
  if (!def) throw new Error(`unknown section ${id}`);
  return def;
}
