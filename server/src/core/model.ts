/**
 * The report model: what the parser recognised in a document, with exact source positions.
 *
 * Invariants (tested by the fuzz suite):
 * - every range lies inside the document; `raw` of a cell or label is exactly the source text at its range;
 * - a value is never invented: a cell's `value` comes from its own `raw` text, and a cell that could not be
 *   placed with certainty is listed in `unplaced`, not guessed into a table;
 * - the parser never throws; on any input it returns a model.
 *
 * Positions are LSP-style: 0-based line, 0-based character in UTF-16 code units.
 */

import type { SectionId, TableId, TemplateId } from './schema';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** How a cell's text reads as a number. */
export type CellKind =
  /** a readable number (`0`, `12`, `+505`, `-7`, `１２`, `0.2`, `251000元`). */
  | 'number'
  /** nothing, or only white space. */
  | 'blank'
  /** a placeholder that is not a number: `/`, `-`, `—`, `无`, `空`. */
  | 'placeholder'
  /** anything else (`元`, `见附件`). */
  | 'text';

export interface Cell {
  readonly table: TableId;
  readonly row: string;
  readonly col: string;
  /** The number, or null when the cell is blank or unreadable. */
  readonly value: number | null;
  /** The exact source text at `range` (trimmed of white space; for a blank cell, whatever white space it holds). */
  readonly raw: string;
  readonly kind: CellKind;
  /**
   * A unit written in the cell (`元`, `万元`, `件`, `%`). Like `signed`, present on every cell and undefined
   * when absent: cells all have one shape, which keeps the code that reads thousands of them fast.
   */
  readonly unit?: string;
  /** Whether the number carries an explicit sign (`+3`, `-7`); undefined when it does not. */
  readonly signed?: boolean;
  readonly range: Range;
}

/** A label (row label, column header, caption) as written in the document. */
export interface Label {
  /** The exact source text at `range`. */
  readonly raw: string;
  /** The canonical label it was recognised as. */
  readonly canonical: string;
  /** True when the written label is a known variant of the canonical one (合计 for 总计, …). */
  readonly variant: boolean;
  readonly range: Range;
}

export type TableShape = 'markdown' | 'tab-rows' | 'cell-lines' | 'pipe-fragments' | 'html' | 'spaced' | 'plain';

export interface TableRow {
  readonly key: string;
  /** The row label, or null when the row was identified without one (表四's single line of 15 numbers). */
  readonly label: Label | null;
  /** The row's cells in column order; a column with no cell is absent. */
  readonly cells: readonly Cell[];
}

export interface Header {
  readonly col: string;
  readonly label: Label;
}

export interface Table {
  readonly id: TableId;
  /** The template this table's own headers and rows indicate, or null if they say nothing. */
  readonly template: TemplateId | null;
  /** The caption (`第二十条第（五）项`) of a 表二 table; null for 表三 and 表四, which have none. */
  readonly caption: Label | null;
  /** From the first to the last line recognised as part of the table. */
  readonly range: Range;
  readonly shapes: readonly TableShape[];
  readonly headers: readonly Header[];
  readonly rows: readonly TableRow[];
  /** Expected rows (for the table's template) that were not found. */
  readonly missingRows: readonly string[];
  /** Expected columns (for the table's template) that no row has a cell for. */
  readonly missingCols: readonly string[];
  /** Group labels of 表三 (三、本年度办理结果, （三）不予公开, …) found in the table. */
  readonly groups: readonly { readonly key: string; readonly label: Label }[];
}

export type UnplacedReason =
  /** a row whose label matches nothing in the table. */
  | 'unknown-row'
  /** a row recognised more than once; the later copy is not used. */
  | 'duplicate-row'
  /** a row whose number of values does not match the columns, so which value is which cannot be told. */
  | 'ambiguous-values'
  /** values that belong to no row (after a group label, or without any label). */
  | 'stray-values'
  /** a caption or header found without any row of its table. */
  | 'empty-table'
  /** a table of the same id found a second time; the later copy is not used. */
  | 'duplicate-table';

export interface Unplaced {
  readonly reason: UnplacedReason;
  readonly table?: TableId;
  /** For ambiguous rows: the row key that was recognised. */
  readonly row?: string;
  /** The source text involved (cells joined by ` | `), for messages. */
  readonly text: string;
  readonly range: Range;
  /** Details for the message: e.g. the number of values found and expected. */
  readonly found?: number;
  readonly expected?: number;
}

export type NumeralStyle =
  /** 一、 */
  | 'cn-dun'
  /** 1、 or 1. or 1． at the top level */
  | 'arabic'
  /** （一） or (一) */
  | 'cn-paren'
  /** （1） (1) 1) */
  | 'arabic-paren'
  /** 第一部分, 第一章 */
  | 'cn-part'
  /** no numeral */
  | 'none';

export interface Heading {
  /** The whole line, as written (trimmed). */
  readonly raw: string;
  readonly range: Range;
  /** The numeral as written (`一`, `1`, `三`) or null. */
  readonly numeral: string | null;
  /** The numeral's value (一 → 1), or null. */
  readonly number: number | null;
  readonly style: NumeralStyle;
  readonly numeralRange: Range | null;
  /** The title text after the numeral, without trailing punctuation. */
  readonly title: string;
  readonly titleRange: Range;
  /** Markdown heading level (`##` → 2), or 0. */
  readonly markdownLevel: number;
}

export interface Section {
  readonly id: SectionId;
  readonly heading: Heading;
  /** How the heading's title relates to the standard title. */
  readonly titleMatch: 'exact' | 'tolerated' | 'similar';
  /** From the heading to the line before the next section heading (or the end of the document). */
  readonly range: Range;
}

export interface SubHeading {
  readonly heading: Heading;
  /** The section it belongs to, or null before the first section. */
  readonly section: SectionId | null;
}

export interface Sentence {
  readonly text: string;
  readonly range: Range;
  readonly section: SectionId | null;
}

export interface ProseNumber {
  readonly value: number;
  readonly raw: string;
  /** The unit or measure word right after the number (`条`, `件`, `%`, `万元`, `年`), or ''. */
  readonly unit: string;
  readonly range: Range;
  /** Index into `ReportModel.sentences`. */
  readonly sentence: number;
}

export interface DateValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly raw: string;
  readonly range: Range;
}

export type ReportKind = 'department' | 'government';

export interface TemplateEvidence {
  readonly template: TemplateId;
  /** The table the marker was seen in. */
  readonly table: TableId;
  /** What was seen: a header or row label characteristic of the template. */
  readonly marker: string;
  readonly range: Range;
}

export interface ReportModel {
  readonly lineCount: number;
  readonly title: { readonly text: string; readonly range: Range } | null;
  readonly agency: { readonly name: string; readonly range: Range; readonly source: 'title' | 'signature' } | null;
  readonly year: { readonly value: number; readonly source: 'title' | 'period' | 'signature' } | null;
  readonly kind: ReportKind | null;
  readonly statisticsPeriod: { readonly from: DateValue; readonly to: DateValue; readonly range: Range } | null;
  readonly signatureDate: DateValue | null;
  /** Decided from the tables' headers and rows, not from the year. */
  readonly template: TemplateId | 'unknown';
  readonly templateEvidence: readonly TemplateEvidence[];
  readonly sections: readonly Section[];
  readonly subheadings: readonly SubHeading[];
  readonly tables: readonly Table[];
  /** Every cell of every table, in document order. */
  readonly cells: readonly Cell[];
  readonly unplaced: readonly Unplaced[];
  readonly sentences: readonly Sentence[];
  readonly numbers: readonly ProseNumber[];
}
