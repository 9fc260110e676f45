/**
 * The regulation (《中华人民共和国政府信息公开条例》, data/regulation.json) and what each part of the report means:
 * a crosswalk from table rows, columns and sections to the articles behind them (report-format.md §8), with short
 * explanations in both languages. No official crosswalk exists; this is a reading of the regulation, and it says
 * so where the reading is the usual one rather than a printed definition.
 *
 * Pure data plus Markdown rendering of article text. The article text itself is only ever quoted from
 * regulation.json, never retyped here.
 */

import regulationData from '../data/regulation.json';
import type { Localized } from '../diagnostics';
import type { SectionId, TemplateId } from '../schema';

export interface RegulationItem {
  readonly number: number;
  /** `（五）` */
  readonly label: string;
  readonly text: string;
}

export interface RegulationArticle {
  readonly number: number;
  /** `第二十条` */
  readonly label: string;
  /** `第三章 主动公开` */
  readonly chapter: string;
  readonly paragraphs: readonly string[];
  readonly items: readonly RegulationItem[];
}

export interface Regulation {
  readonly title: string;
  readonly source: string;
  readonly articles: readonly RegulationArticle[];
}

export const REGULATION: Regulation = regulationData as Regulation;

const BY_NUMBER = new Map<number, RegulationArticle>(REGULATION.articles.map((a) => [a.number, a]));

export function regulationArticle(n: number): RegulationArticle | undefined {
  return BY_NUMBER.get(n);
}

/** A pointer into the regulation: an article, optionally one paragraph (款) or some items (项). */
export interface ArticleRef {
  readonly article: number;
  /** 1-based paragraph (款). */
  readonly paragraph?: number;
  /** Item numbers (项): 1 for （一）. */
  readonly items?: readonly number[];
}

/** What a row, column, group, table or section means, and the articles behind it. */
export interface Note {
  readonly meaning: Localized;
  readonly refs: readonly ArticleRef[];
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function cn(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return '十' + CN[n - 10];
  return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
}

/** `第十六条第二款`, `第三十六条第（一）（二）项`, `第十四条`. */
export function refLabel(ref: ArticleRef): string {
  const a = regulationArticle(ref.article);
  const base = a ? a.label : `第${cn(ref.article)}条`;
  const para = ref.paragraph ? `第${cn(ref.paragraph)}款` : '';
  const items = ref.items && ref.items.length ? `第${ref.items.map((i) => `（${cn(i)}）`).join('')}项` : '';
  return base + para + items;
}

/** `Article 36(1)(2)`, `Article 16, paragraph 2`. */
export function refLabelEn(ref: ArticleRef): string {
  const para = ref.paragraph ? `, paragraph ${ref.paragraph}` : '';
  const items = ref.items && ref.items.length ? ref.items.map((i) => `(${i})`).join('') : '';
  return `Article ${ref.article}${items}${para}`;
}

/** Where an article's items stand: after the paragraph that introduces them (the one ending in `：`). */
function itemsAfter(a: RegulationArticle): number {
  const i = a.paragraphs.findIndex((p) => /[：:]$/.test(p));
  return i >= 0 ? i : a.paragraphs.length - 1;
}

function quote(lines: readonly string[]): string {
  return lines.map((l) => `> ${l}`).join('\n>\n');
}

/**
 * The text of an article (or of the paragraph or items a reference names) as a Markdown block quote, its label
 * in bold at the start. Items not named are elided with `……`; the paragraph introducing named items is kept.
 */
export function quoteArticle(ref: ArticleRef): string | null {
  const a = regulationArticle(ref.article);
  if (!a) return null;
  const lines: string[] = [];
  const at = itemsAfter(a);
  if (ref.items && ref.items.length && a.items.length) {
    const wanted = a.items.filter((it) => ref.items!.includes(it.number));
    if (!wanted.length) return null;
    lines.push(a.paragraphs[at] ?? '');
    let last = 0;
    for (const it of wanted) {
      if (it.number > last + 1) lines.push('……');
      lines.push(`${it.label}${it.text}`);
      last = it.number;
    }
    if (last < a.items.length) lines.push('……');
  } else if (ref.paragraph) {
    const p = a.paragraphs[ref.paragraph - 1];
    if (p === undefined) return null;
    lines.push(p);
    if (ref.paragraph - 1 === at) for (const it of a.items) lines.push(`${it.label}${it.text}`);
  } else {
    a.paragraphs.forEach((p, i) => {
      lines.push(p);
      if (i === at) for (const it of a.items) lines.push(`${it.label}${it.text}`);
    });
  }
  if (!lines.length) return null;
  lines[0] = `**${refLabel(ref)}** ${lines[0]}`;
  return quote(lines);
}

/** The regulation's title and source, for the foot of a hover. */
export function regulationTitle(): string {
  return `《${REGULATION.title}》，${REGULATION.source}`;
}

/** `第三章 主动公开` in italics. */
export function chapterLine(n: number): string {
  const a = regulationArticle(n);
  return a ? `*${a.chapter}*` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// The crosswalk (report-format.md §8)
// ---------------------------------------------------------------------------------------------------------------

const r = (article: number, extra: { paragraph?: number; items?: number[] } = {}): ArticleRef => ({ article, ...extra });

/** Table rows, keyed `<table>/<row>`. */
export const ROW_NOTES: Readonly<Record<string, Note>> = {
  // 表二 (第二十条)
  't2-1/rules': {
    meaning: {
      zh: '本机关制定的部门规章或地方政府规章，按第二十条第（一）项主动公开。',
      en: 'Rules (规章) made by this agency, disclosed proactively under Article 20(1).',
    },
    refs: [r(20, { items: [1] })],
  },
  't2-1/normative': {
    meaning: {
      zh: '本机关制发的行政规范性文件（2019 格式称「规范性文件」，2021 格式称「行政规范性文件」），按第二十条第（一）项主动公开。',
      en: 'Normative documents (规范性文件 in 2019, 行政规范性文件 in 2021) issued by this agency, disclosed proactively under Article 20(1).',
    },
    refs: [r(20, { items: [1] })],
  },
  't2-5/licensing': {
    meaning: {
      zh: '2019 格式填事项数量及处理决定数量，2021 格式只填本年处理决定数量。',
      en: 'Administrative licensing: item counts and decisions in the 2019 template, decisions only in the 2021 template.',
    },
    refs: [r(20, { items: [5] })],
  },
  't2-5/other-services': {
    meaning: {
      zh: '行政许可以外的对外管理服务事项（仅 2019 格式；2021 格式已删去此行）。',
      en: 'Other external management and service matters (2019 template only; dropped in 2021).',
    },
    refs: [r(20, { items: [5] })],
  },
  't2-6/penalty': {
    meaning: { zh: '实施行政处罚的事项与处理决定。', en: 'Administrative penalties: items and decisions.' },
    refs: [r(20, { items: [6] })],
  },
  't2-6/enforcement': {
    meaning: { zh: '实施行政强制的事项与处理决定。', en: 'Administrative enforcement: items and decisions.' },
    refs: [r(20, { items: [6] })],
  },
  't2-8/fees': {
    meaning: {
      zh: '2019 格式填收费项目数量及增减，2021 格式填本年收费金额（万元）。',
      en: 'Administrative fees: number of fee items and its change (2019), or the amount collected in 万元 (2021).',
    },
    refs: [r(20, { items: [8] })],
  },
  't2-9/procurement': {
    meaning: {
      zh: '仅 2019 格式：采购项目数量和采购总金额。',
      en: 'Centralised government procurement (2019 template only): number of projects and total amount.',
    },
    refs: [r(20, { items: [9] })],
  },

  // 表三
  't3/new': {
    meaning: {
      zh: '本年度新收到的政府信息公开申请件数，按申请人类别分列。何时算“收到”见第三十一条。',
      en: 'Applications received during the year, by type of applicant. When an application counts as received: Article 31.',
    },
    refs: [r(31)],
  },
  't3/carried': {
    meaning: {
      zh: '上一年度收到、跨年度结转到本年办理的申请；应与上一年度年报的「四、结转下年度继续办理」逐列相等。答复期限见第三十三条。',
      en: "Applications received last year and still being handled this year; equal, column by column, to last year's 四、结转下年度继续办理. Time limits: Article 33.",
    },
    refs: [r(33)],
  },
  't3/open': {
    meaning: {
      zh: '提供了所申请的全部信息，或告知已主动公开信息的获取方式、途径。',
      en: 'Disclosed: all the information was provided, or the applicant was told where the proactively disclosed information is.',
    },
    refs: [r(36, { items: [1, 2] })],
  },
  't3/partial': {
    meaning: {
      zh: '申请内容能够作区分处理，提供可以公开的部分并对其余部分说明理由。区分处理的只计入这一项，不再计入其他情形。',
      en: 'Partly disclosed: the request could be split; the disclosable part was provided and the rest refused with reasons. Counted here only, not under any other result.',
    },
    refs: [r(37)],
  },
  't3/deny-1': {
    meaning: { zh: '依法确定为国家秘密的政府信息，不予公开。', en: 'Information lawfully classified as a state secret.' },
    refs: [r(14)],
  },
  't3/deny-2': {
    meaning: {
      zh: '法律、行政法规禁止公开的政府信息。',
      en: 'Information whose disclosure laws or administrative regulations forbid.',
    },
    refs: [r(14)],
  },
  't3/deny-3': {
    meaning: {
      zh: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）的政府信息。',
      en: 'Information whose disclosure may endanger national, public or economic security or social stability (“三安全一稳定”).',
    },
    refs: [r(14)],
  },
  't3/deny-4': {
    meaning: {
      zh: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益的信息；征求第三方意见的程序见第三十二条。',
      en: "Trade secrets, personal privacy and other information whose disclosure would harm a third party's lawful rights; consulting the third party: Article 32.",
    },
    refs: [r(15), r(32)],
  },
  't3/deny-5': {
    meaning: {
      zh: '人事管理、后勤管理、内部工作流程等方面的信息。',
      en: 'Internal affairs (three kinds): personnel management, logistics, internal work procedures.',
    },
    refs: [r(16, { paragraph: 1 })],
  },
  't3/deny-6': {
    meaning: {
      zh: '讨论记录、过程稿、磋商信函、请示报告。',
      en: 'Process information (four kinds): minutes of discussions, drafts, consultation letters, requests for instructions and reports.',
    },
    refs: [r(16, { paragraph: 2 })],
  },
  't3/deny-7': {
    meaning: { zh: '行政执法案卷信息。', en: 'Administrative law-enforcement case files.' },
    refs: [r(16, { paragraph: 2 })],
  },
  't3/deny-8': {
    meaning: {
      zh: '工商、不动产登记资料等，有关法律、行政法规对获取有特别规定，告知申请人按相应规定办理。',
      en: 'Matters for administrative enquiry (business and real-estate registration records and the like), which other laws govern; the applicant is referred to them.',
    },
    refs: [r(36, { items: [7] })],
  },
  't3/unable-1': {
    meaning: {
      zh: '经检索没有所申请的信息，或所申请信息不属于本机关负责公开。',
      en: 'No such information was found, or it is not for this agency to disclose.',
    },
    refs: [r(36, { items: [4, 5] })],
  },
  't3/unable-2': {
    meaning: {
      zh: '需要对现有政府信息进行加工、分析才能提供的，可以不予提供。',
      en: 'No ready-made information: providing it would require processing or analysing existing information.',
    },
    refs: [r(38)],
  },
  't3/unable-3': {
    meaning: {
      zh: '申请内容不明确，经告知补正后仍不明确。申请应包括的内容见第二十九条。',
      en: 'The request stayed unclear after the applicant was asked to clarify it. What a request must contain: Article 29.',
    },
    refs: [r(30), r(29)],
  },
  't3/ignore-1': {
    meaning: {
      zh: '以政府信息公开申请的形式进行信访、投诉、举报等活动，不作为政府信息公开申请处理。',
      en: 'Petitions, complaints and reports made in the form of a disclosure application; not handled as applications.',
    },
    refs: [r(39, { paragraph: 1 })],
  },
  't3/ignore-2': {
    meaning: {
      zh: '已就申请作出答复后，申请人重复申请公开相同政府信息。',
      en: 'The same information requested again after the request was answered.',
    },
    refs: [r(36, { items: [6] })],
  },
  't3/ignore-3': {
    meaning: {
      zh: '要求提供政府公报、报刊、书籍等公开出版物，可以告知获取途径。',
      en: 'Requests for published material (gazettes, newspapers, books); the applicant may be told where to get it.',
    },
    refs: [r(39, { paragraph: 2 })],
  },
  't3/ignore-4': {
    meaning: {
      zh: '申请数量、频次明显超过合理范围，且申请理由不合理。',
      en: 'Requests clearly beyond a reasonable number or frequency, without a reasonable ground.',
    },
    refs: [r(35)],
  },
  't3/ignore-5': {
    meaning: {
      zh: '要求行政机关确认或重新出具申请人已获取的信息。条例没有专门条款，通常依据政府信息的定义（第二条）和“提供已制作或者获取的政府信息”（第三十八条）理解。',
      en: 'Requests to confirm or re-issue information the applicant already has. No article of its own; usually read from the definition of government information (Article 2) and Article 38.',
    },
    refs: [r(2), r(38)],
  },
  't3/other': {
    meaning: {
      zh: '2019 格式为一行：不属于以上各项的办理结果，如申请人逾期不补正、逾期未缴纳信息处理费。',
      en: 'Other handling (one row in the 2019 template): results not listed above, e.g. no clarification in time, fee not paid in time.',
    },
    refs: [r(30), r(42)],
  },
  't3/other-1': {
    meaning: {
      zh: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。',
      en: 'The applicant did not clarify the request in time without good reason: deemed withdrawn, no longer handled.',
    },
    refs: [r(30)],
  },
  't3/other-2': {
    meaning: {
      zh: '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。',
      en: 'The applicant did not pay the information-processing fee in time (国办函〔2020〕109号): no longer handled.',
    },
    refs: [r(42)],
  },
  't3/other-3': {
    meaning: { zh: '不属于以上各项的其他办理结果。', en: 'Any other result not listed above.' },
    refs: [],
  },
  't3/total': {
    meaning: {
      zh: '本年度办结的申请总数，等于（一）至（六）各项之和；并且 一 + 二 = （七）总计 + 四。',
      en: '(七) Total: applications concluded this year, the sum of (一) to (六); and 一 + 二 = （七） + 四.',
    },
    refs: [],
  },
  't3/carry-out': {
    meaning: {
      zh: '本年度收到但年底尚未办结、结转下年度继续办理的申请；应与下一年度年报的「二、上年结转」逐列相等。',
      en: "Applications still open at year end, carried into next year; equal, column by column, to next year's 二、上年结转.",
    },
    refs: [r(33)],
  },

  // 表四
  't4/review': {
    meaning: {
      zh: '因政府信息公开工作被申请行政复议的案件，按复议结果分列。',
      en: 'Administrative reviews brought over information disclosure, by outcome.',
    },
    refs: [r(50, { items: [3] }), r(51)],
  },
  't4/suit-direct': {
    meaning: {
      zh: '未经行政复议直接提起行政诉讼的案件，按诉讼结果分列。',
      en: 'Lawsuits brought directly, without a prior review, by outcome.',
    },
    refs: [r(50, { items: [3] }), r(51)],
  },
  't4/suit-after-review': {
    meaning: {
      zh: '经行政复议后又提起行政诉讼的案件，按诉讼结果分列。',
      en: 'Lawsuits brought after an administrative review, by outcome.',
    },
    refs: [r(50, { items: [3] }), r(51)],
  },
};

/** 表三's group labels, keyed `t3/<group>`. */
export const GROUP_NOTES: Readonly<Record<string, Note>> = {
  't3/results': {
    meaning: {
      zh: '本年度办结申请的结果，按答复类型分列；各项之和为（七）总计。分组标签本身不填数字。',
      en: 'Results of the year, by type of answer; their sum is (七) Total. The group label itself carries no numbers.',
    },
    refs: [r(36)],
  },
  't3/deny': {
    meaning: {
      zh: '依法不予公开的情形，按理由分列 1–8。分组标签本身不填数字。',
      en: 'Refused: disclosure refused on legal grounds, by ground 1–8. The group label carries no numbers.',
    },
    refs: [r(36, { items: [3] }), r(14), r(15), r(16)],
  },
  't3/unable': {
    meaning: {
      zh: '本机关无法提供所申请信息的情形 1–3。分组标签本身不填数字。',
      en: 'Cannot be provided: cases 1–3. The group label carries no numbers.',
    },
    refs: [r(36, { items: [4, 5] }), r(38), r(30)],
  },
  't3/ignore': {
    meaning: {
      zh: '不作为政府信息公开申请处理的情形 1–5。分组标签本身不填数字。',
      en: 'Not handled: cases 1–5 not handled as disclosure applications. The group label carries no numbers.',
    },
    refs: [r(39), r(36, { items: [6] }), r(35)],
  },
  't3/other': {
    meaning: {
      zh: '2021 格式分为 1–3 三行（2019 格式为一行）。分组标签本身不填数字。',
      en: 'Other handling: rows 1–3 in the 2021 template (one row in 2019). The group label carries no numbers.',
    },
    refs: [r(30), r(42)],
  },
};

const T4_READING: Localized = {
  zh: '（表四各结果列没有官方定义，此为通常理解。）',
  en: '(表四’s result columns have no official definition; this is the usual reading.)',
};

const DECISIONS: Localized = {
  zh: '数的是本年度作出的处理决定（办件量），不是事项数量。2019 格式中的常见错误：把「上一年项目数量 + 本年增/减」填进这一列。',
  en: 'Counts the decisions made this year (cases handled), not items. A common mistake with the 2019 template is to enter 上一年项目数量 + 本年增/减 here.',
};

/** Column headers, keyed `<table>/<col>`. */
export const COL_NOTES: Readonly<Record<string, Note>> = {
  't2-1/made': {
    meaning: { zh: '本年度新制作（制定）的件数（2019 格式）。', en: 'Documents newly made this year (2019 template).' },
    refs: [],
  },
  't2-1/published': {
    meaning: {
      zh: '本年度新公开的件数（2019 格式）；不应大于对外公开总数量。',
      en: 'Documents newly disclosed this year (2019 template); cannot exceed 对外公开总数量.',
    },
    refs: [],
  },
  't2-1/public-total': {
    meaning: {
      zh: '截至年底对外公开的总件数（2019 格式）。',
      en: 'All documents disclosed as of the end of the year (2019 template).',
    },
    refs: [],
  },
  't2-1/issued': {
    meaning: { zh: '本年度制发的件数（2021 格式）。', en: 'Documents issued this year (2021 template).' },
    refs: [],
  },
  't2-1/repealed': {
    meaning: { zh: '本年度废止的件数（2021 格式）。', en: 'Documents repealed this year (2021 template).' },
    refs: [],
  },
  't2-1/in-force': {
    meaning: { zh: '截至年底现行有效的件数（2021 格式）。', en: 'Documents in force at the end of the year (2021 template).' },
    refs: [],
  },
  'prev-items': {
    meaning: {
      zh: '上一年度末的事项（项目）数量，数的是事项，不是办件（2019 格式）。',
      en: 'Number of items (事项) at the end of last year; counts items, not cases (2019 template).',
    },
    refs: [],
  },
  change: {
    meaning: {
      zh: '本年度事项数量的变化，带符号填写（+3、-7，没有变化填 0）（2019 格式）。',
      en: 'Change in the number of items this year, signed (+3, -7; 0 for none) (2019 template).',
    },
    refs: [],
  },
  't2-5/decisions': { meaning: DECISIONS, refs: [] },
  't2-6/decisions': { meaning: DECISIONS, refs: [] },
  't2-8/amount': {
    meaning: {
      zh: '本年收费金额，单位为万元，可有小数（251000 元应写作 25.1）（2021 格式）。',
      en: 'Fees collected this year, in 万元 (10,000 yuan), decimals allowed: 251000 元 is 25.1 (2021 template).',
    },
    refs: [],
  },
  't2-9/items': {
    meaning: { zh: '政府集中采购项目的数量（2019 格式）。', en: 'Number of centralised procurement projects (2019 template).' },
    refs: [],
  },
  't2-9/amount': {
    meaning: {
      zh: '采购总金额；格式未规定单位，报告中应写明（元或万元）（2019 格式）。',
      en: 'Total procurement amount; the template sets no unit, so the report should state it (2019 template).',
    },
    refs: [],
  },
  't3/natural': {
    meaning: { zh: '以公民个人名义提出的申请。', en: 'Natural persons: applications made by individuals.' },
    refs: [],
  },
  't3/business': {
    meaning: {
      zh: '法人或其他组织中的企业申请人。',
      en: 'Businesses: commercial enterprises among legal persons and other organisations.',
    },
    refs: [],
  },
  't3/research': {
    meaning: { zh: '法人或其他组织中的科研机构。', en: 'Research institutions.' },
    refs: [],
  },
  't3/public-interest': {
    meaning: { zh: '法人或其他组织中的社会公益组织。', en: 'Public-interest (non-profit) organisations.' },
    refs: [],
  },
  't3/legal': {
    meaning: { zh: '律师事务所等法律服务机构。', en: 'Legal service providers (law firms and the like).' },
    refs: [],
  },
  't3/other-org': {
    meaning: {
      zh: '不属于以上四类的法人或其他组织。',
      en: 'Other legal persons or organisations not in the four columns before.',
    },
    refs: [],
  },
  't3/total': {
    meaning: {
      zh: '本行各类申请人之和：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
      en: 'Total of the row: natural persons + the five kinds of legal persons and organisations.',
    },
    refs: [],
  },
  't4/upheld': {
    meaning: {
      zh: `原答复被维持（复议维持、判决驳回诉讼请求）。${T4_READING.zh}`,
      en: `Upheld: the answer stood (review upheld it, the court dismissed the claim). ${T4_READING.en}`,
    },
    refs: [],
  },
  't4/corrected': {
    meaning: {
      zh: `原答复被撤销、变更、确认违法或责令重新答复。${T4_READING.zh}`,
      en: `Corrected: the answer was revoked, changed, declared unlawful, or a new answer ordered. ${T4_READING.en}`,
    },
    refs: [],
  },
  't4/other': {
    meaning: {
      zh: `撤回申请或起诉、终止审理、驳回申请、调解和解等。${T4_READING.zh}`,
      en: `Other: withdrawn, terminated, rejected as inadmissible, settled. ${T4_READING.en}`,
    },
    refs: [],
  },
  't4/pending': {
    meaning: {
      zh: `年底仍在审理中。${T4_READING.zh}`,
      en: `Pending: still open at the end of the year. ${T4_READING.en}`,
    },
    refs: [],
  },
  't4/total': {
    meaning: {
      zh: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（每组分别计算）。',
      en: 'Total = upheld + corrected + other + pending (in each group).',
    },
    refs: [],
  },
};

/** The note of a column: its own, else the one shared by the 表二 tables (`prev-items`, `change`). */
export function colNote(table: string, col: string): Note | undefined {
  return COL_NOTES[`${table}/${col}`] ?? COL_NOTES[col];
}

/** Tables, keyed by id. */
export const TABLE_NOTES: Readonly<Record<string, Note>> = {
  't2-1': { meaning: { zh: '行政法规、规章和规范性文件。', en: 'Regulations, rules and normative documents.' }, refs: [r(20, { items: [1] })] },
  't2-5': { meaning: { zh: '行政许可等对外管理服务事项。', en: 'Licensing and other external services.' }, refs: [r(20, { items: [5] })] },
  't2-6': { meaning: { zh: '行政处罚、行政强制。', en: 'Penalties and enforcement.' }, refs: [r(20, { items: [6] })] },
  't2-8': { meaning: { zh: '行政事业性收费。', en: 'Administrative fees.' }, refs: [r(20, { items: [8] })] },
  't2-9': { meaning: { zh: '政府集中采购。', en: 'Centralised procurement.' }, refs: [r(20, { items: [9] })] },
  t3: { meaning: { zh: '收到和处理政府信息公开申请情况。', en: 'Applications received and handled.' }, refs: [r(50, { items: [2] })] },
  t4: {
    meaning: { zh: '因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', en: 'Administrative reviews and lawsuits over disclosure.' },
    refs: [r(50, { items: [3] }), r(51)],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Sections (report-format.md §2)
// ---------------------------------------------------------------------------------------------------------------

export interface SectionNote {
  /** The item of 第五十条 the section answers, if one. */
  readonly article50?: number;
  readonly meaning: Localized;
  /** What the section should cover, when the format spells it out. */
  readonly covers?: Localized;
  /** Only for a people's government's report. */
  readonly government?: Localized;
  /** Per template. */
  readonly byTemplate?: Partial<Record<TemplateId, Localized>>;
  readonly refs: readonly ArticleRef[];
}

export const SECTION_NOTES: Readonly<Record<SectionId, SectionNote>> = {
  s1: {
    meaning: {
      zh: '概述本年度政府信息公开工作。',
      en: 'Overview of the year’s work on information disclosure.',
    },
    covers: {
      zh: '应分项概述：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。',
      en: 'Should cover, item by item: proactive disclosure, disclosure on application, information management, disclosure platforms, oversight and safeguards.',
    },
    government: {
      zh: '人民政府的年报还应写明工作考核、社会评议和责任追究结果情况（第五十条第（四）项）。',
      en: "A people's government's report also states the results of work assessment, public appraisal and accountability (Article 50(4)).",
    },
    refs: [r(50, { items: [4] })],
  },
  s2: {
    article50: 1,
    meaning: {
      zh: '以第二十条各项的表格填报主动公开政府信息情况。',
      en: 'Proactive disclosure, reported in the tables of Article 20.',
    },
    refs: [r(50, { items: [1] }), r(20), r(19)],
  },
  s3: {
    article50: 2,
    meaning: {
      zh: '以表三填报收到和处理政府信息公开申请情况。表内注明的勾稽关系：一 + 二 = （七）总计 + 四。',
      en: 'Applications received and handled, reported in 表三. The relation printed in the table: 一 + 二 = （七） + 四.',
    },
    refs: [r(50, { items: [2] })],
  },
  s4: {
    article50: 3,
    meaning: {
      zh: '以表四填报因政府信息公开工作被申请行政复议、提起行政诉讼的情况（三组，每组 总计 = 四项结果之和）。',
      en: 'Reviews and lawsuits over disclosure, reported in 表四 (three groups; in each, total = the four outcomes).',
    },
    refs: [r(50, { items: [3] }), r(51)],
  },
  s5: {
    article50: 4,
    meaning: {
      zh: '具体写出存在的主要问题和改进措施，不宜泛化。',
      en: 'Main problems and improvements: name the problems and measures concretely.',
    },
    refs: [r(50, { items: [4] })],
  },
  s6: {
    article50: 5,
    meaning: {
      zh: '其他需要报告的事项（没有则写明“无”）。',
      en: 'Other matters to report.',
    },
    byTemplate: {
      '2021': {
        zh: '2021 格式要求在此说明收取信息处理费的情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。',
        en: 'The 2021 template asks for the information-processing fees charged, if any (国办函〔2020〕109号).',
      },
    },
    refs: [r(50, { items: [5] }), r(42)],
  },
};

/** The templates' official names. */
export const TEMPLATE_NAMES: Readonly<Record<TemplateId, Localized>> = {
  '2019': { zh: '2019 格式（国办公开办函〔2019〕60号）', en: '2019 template (国办公开办函〔2019〕60号)' },
  '2021': { zh: '2021 格式（国办公开办函〔2021〕30号）', en: '2021 template (国办公开办函〔2021〕30号)' },
};
