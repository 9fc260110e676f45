/**
 * The report parser: text in, ReportModel out. One pass over the lines recognises each line's shape, turns
 * table lines into physical rows of cells and routes them to the table they belong to; section headings are
 * chosen over the whole document first; metadata and prose numbers are read last.
 *
 * Never throws (a failure inside is caught and yields the model read so far is not possible to build, so
 * the top level returns an empty model with the text's line count). Linear in the input: every scan moves
 * forward, regexes are anchored or bounded, label matching is capped by label length.
 */

import type { Range, ReportModel, Section, SubHeading, Table, TableShape, TemplateEvidence, Unplaced, Cell, Heading } from '../model';
import { tableDef, type SectionId, type TableId, type TemplateId } from '../schema';
import { LineIndex, foldLabel, isSpace } from '../text';
import {
  hasSpacedCells,
  htmlTables,
  isMarkdownSeparator,
  foldedOf,
  infoOf,
  spanCell,
  splitFragmentLine,
  splitMarkdownRow,
  splitSpaced,
  splitTabs,
  type HtmlTable,
  type PhysRow,
  RawCell,
  valueLike,
} from './cells';
import { isTopStyle, readHeading, sectionOfTitle, styleWeight } from './headings';
import { isT3Marker, matchCaption, matchRowAnyTable, matchRowIn, t4HeaderWord } from './labels';
import { readMeta } from './meta';
import { readProse } from './prose';
import { TableBuilder } from './tables';

/** 表四's result column labels (found nowhere else), as folded text; all four characters long. */
const T4_RESULT_COLS = new Set(['结果维持', '结果维护', '结果纠正', '其他结果', '尚未审结']);

function byStart(a: { readonly range: Range }, b: { readonly range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Sorts by start position; most lists come in document order already, and are only checked. */
function sortByStart<T extends { readonly range: Range }>(xs: T[]): void {
  for (let i = 1; i < xs.length; i++) {
    if (byStart(xs[i - 1], xs[i]) > 0) {
      xs.sort(byStart);
      return;
    }
  }
}

/** A line holding a `|` and nothing else but white space (as `trim()` has it, like lineKind). */
const LONE_PIPE_RE = /^\s*\|\s*$/;

/** Longest line (trimmed) still read as a table cell when it stands alone; longer plain lines are prose. */
const MAX_PLAIN_CELL = 45;

type LineKind = 'comment' | 'blank' | 'tab-cell' | 'tab-row' | 'md-sep' | 'md-row' | 'lone-pipe' | 'fragment' | 'plain';

function lineKind(line: string, fragmentMode: boolean): LineKind {
  const tab = line.indexOf('\t');
  if (tab < 0) {
    let k = 0;
    while (k < line.length && isSpace(line.charCodeAt(k))) k++;
    if (k === line.length) return 'blank';
  }
  const trimmed = line.trim();
  // An HTML comment on a line of its own (suppression comments, notes) is invisible, as in rendered Markdown.
  if (trimmed.startsWith('<!--') && trimmed.endsWith('-->') && trimmed.indexOf('-->') === trimmed.length - 3) return 'comment';
  if (trimmed === '|') return 'lone-pipe';
  if (line.includes('|')) {
    if (fragmentMode) return 'fragment';
    if (isMarkdownSeparator(line)) return 'md-sep';
    if (trimmed.startsWith('|') || (trimmed.endsWith('|') && trimmed.length > 1)) return 'md-row';
    if ((trimmed.match(/\|/g) ?? []).length >= 2) return 'md-row';
  }
  if (tab >= 0) {
    // One cell per line: a TAB before the only cell (seeds 000, 001); the cell may be empty or white space.
    if (line.indexOf('\t', tab + 1) < 0 && !line.slice(0, tab).trim()) return 'tab-cell';
    return 'tab-row';
  }
  return 'plain';
}

interface SectionCandidate {
  readonly line: number;
  readonly heading: Heading;
  readonly id: SectionId;
  readonly match: 'exact' | 'tolerated' | 'similar';
  readonly score: number;
}

/** Picks each section's heading among the candidates (see report-format.md §2 for the mistakes tolerated). */
function chooseSections(cands: SectionCandidate[]): SectionCandidate[] {
  const best = new Map<SectionId, SectionCandidate>();
  for (const c of cands) {
    const b = best.get(c.id);
    if (!b || c.score > b.score) best.set(c.id, c);
  }
  let chosen = [...best.values()];
  // Markdown sections share one heading level: a candidate deeper than the level most sections use is a
  // sub-heading that repeats a section title.
  const levels = chosen.map((c) => c.heading.markdownLevel).filter((l) => l > 0);
  if (levels.length >= 2) {
    const count = new Map<number, number>();
    for (const l of levels) count.set(l, (count.get(l) ?? 0) + 1);
    const mode = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    chosen = chosen.filter((c) => c.heading.markdownLevel <= mode);
  }
  const top = chosen.filter((c) => isTopStyle(c.heading.style, c.heading.markdownLevel)).length;
  // A sub-heading that repeats a section title (`（四）主动公开政府信息情况。` inside 一) is not the section when
  // the document's sections are numbered at the top level.
  return chosen
    .filter((c) => isTopStyle(c.heading.style, c.heading.markdownLevel) || top < 2)
    .sort((a, b) => a.line - b.line);
}

/** `index` may be given when the caller has one for the same text (the rules share it). */
export function parseReport(text: string, index: LineIndex = new LineIndex(text)): ReportModel {
  try {
    return parse(text, index);
  } catch (err) {
    // The parser must never throw; if a bug makes it, the caller still gets a (nearly empty) model.
    return emptyModel(index, err);
  }
}

function emptyModel(index: LineIndex, err: unknown): ReportModel {
  return {
    lineCount: index.lineCount,
    title: null,
    agency: null,
    year: null,
    kind: null,
    statisticsPeriod: null,
    signatureDate: null,
    template: 'unknown',
    templateEvidence: [],
    sections: [],
    subheadings: [],
    tables: [],
    cells: [],
    unplaced: [
      {
        reason: 'unknown-row',
        text: `internal parser error: ${String(err)}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ],
    sentences: [],
    numbers: [],
  };
}

/** Each line's text. */
function lineTexts(index: LineIndex): string[] {
  const lines: string[] = [];
  for (let i = 0; i < index.lineCount; i++) lines.push(index.lineText(i));
  return lines;
}

/** What each line is (see lineKind), over the whole document. */
function classifyLines(lines: readonly string[]): LineKind[] {
  let lonePipes = 0;
  for (let i = 0; i < lines.length && lonePipes < 2; i++) if (LONE_PIPE_RE.test(lines[i])) lonePipes++;
  const fragmentMode = lonePipes >= 2;
  const kinds: LineKind[] = [];
  for (const l of lines) kinds.push(lineKind(l, fragmentMode));
  if (fragmentMode) {
    // Web fragments and Markdown tables can share a file: a run of pipe lines around a `| --- |` separator is
    // Markdown whatever the rest of the file does.
    const isPipeLine = (k: number): boolean => kinds[k] === 'fragment' && lines[k].trim().length > 1;
    for (let i = 0; i < lines.length; i++) {
      if (kinds[i] !== 'fragment' || !isMarkdownSeparator(lines[i])) continue;
      kinds[i] = 'md-sep';
      for (let k = i - 1; k >= 0 && isPipeLine(k); k--) kinds[k] = 'md-row';
      for (let k = i + 1; k < lines.length && isPipeLine(k); k++) kinds[k] = 'md-row';
    }
  }
  return kinds;
}

/** Section headings: every plain line whose title names a section, scored for chooseSections. */
function sectionCandidates(index: LineIndex, kinds: readonly LineKind[], htmlLines: Uint8Array): SectionCandidate[] {
  const cands: SectionCandidate[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    if (htmlLines[i] || kinds[i] !== 'plain') continue;
    const h = readHeading(index, i, 40, false, (title) => sectionOfTitle(title) !== null);
    if (!h) continue;
    const m = sectionOfTitle(h.title);
    if (!m) continue;
    const def = SECTION_ORDER.indexOf(m.id) + 1;
    const score =
      styleWeight(h.style, h.markdownLevel) +
      (h.number === def ? 1 : 0) +
      (m.match === 'similar' ? 0 : 1) -
      // a heading ending in a full stop reads like a sentence-heading inside a section
      (/[。.]$/.test(h.raw) ? 0.5 : 0);
    cands.push({ line: i, heading: h, id: m.id, match: m.match, score });
  }
  return cands;
}

const SECTION_ORDER: readonly SectionId[] = ['s1', 's2', 's3', 's4', 's5', 's6'];

/**
 * The pass over the lines that turns table lines into rows of cells and routes each row to the table it
 * belongs to (see the module comment). One method per concern, so that each stays small.
 */
class Router {
  readonly builders: TableBuilder[] = [];
  readonly consumed: Uint8Array;
  private readonly firstBuilder = new Map<TableId, TableBuilder>();
  private ctx: TableBuilder | null = null;
  /** A run of one-cell-per-line rows being gathered. */
  private block: { cells: RawCell[]; start: number; end: number; lastLine: number } | null = null;
  /** A web-copy fragment row being gathered. */
  private frag: { cells: RawCell[]; start: number; end: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly kinds: readonly LineKind[],
    private readonly htmlAt: ReadonlyMap<number, HtmlTable>,
    private readonly htmlLines: Uint8Array,
    private readonly sectionAtLine: ReadonlyMap<number, SectionCandidate>,
  ) {
    this.consumed = new Uint8Array(index.lineCount);
  }

  run(): void {
    for (let i = 0; i < this.index.lineCount; i++) this.line(i);
    this.flushBlock();
    this.flushFrag();
    this.finishCtx();
  }

  private finishCtx(): void {
    if (this.ctx) this.ctx.end_();
    this.ctx = null;
  }

  private startTable(id: TableId, byCaption: boolean): void {
    this.finishCtx();
    const prev = this.firstBuilder.get(id);
    // A table that resumes after an interruption (a page number, a stray line) continues the earlier one.
    if (prev && !byCaption) {
      this.ctx = prev;
      return;
    }
    const b = new TableBuilder(id);
    if (prev && (prev.rowCount > 0 || byCaption)) b.duplicate = true;
    this.builders.push(b);
    if (!b.duplicate) this.firstBuilder.set(id, b);
    this.ctx = b;
  }

  /** Which table a row announces, if any: a caption, 表三's corner note, 表四's header, a row label. */
  private anchorOf(row: PhysRow, tableish: boolean): { id: TableId; byCaption: boolean } | null {
    let t4words = 0;
    let t4cols = 0;
    for (const c of row.cells) {
      if (c.blank) continue;
      const f = foldedOf(c);
      const cap = matchCaption(f);
      if (cap) return { id: cap, byCaption: true };
      if (isT3Marker(f)) return { id: 't3', byCaption: true };
      if (t4HeaderWord(f)) t4words++;
      if (f.length === 4 && T4_RESULT_COLS.has(f)) t4cols++;
    }
    // 表四's header: 行政复议 / 行政诉讼 …, or a row of its result columns (结果维持 结果纠正 …).
    if (t4words >= 2 || t4cols >= 2 || (t4words === 1 && row.cells.filter((c) => !c.blank).length === 1 && !tableish)) {
      return { id: 't4', byCaption: true };
    }
    if (!tableish) return null;
    for (const c of row.cells) {
      if (c.blank || valueLike(c)) continue;
      const info = infoOf(c);
      const cur = this.ctx;
      // A row of the table being read stays in it (most rows): the other tables need not be searched.
      if (cur && matchRowIn(cur.id, info).length) return null;
      const hits = matchRowAnyTable(info);
      if (hits.length) {
        if (cur && hits.some((h) => h.table === cur.id)) return null;
        const ids = new Set(hits.map((h) => h.table));
        if (ids.size === 1) return { id: hits[0].table, byCaption: false };
      }
      break;
    }
    return null;
  }

  private route(row: PhysRow, tableish: boolean): boolean {
    if (!row.cells.length) return false;
    const anchor = this.anchorOf(row, tableish);
    const cur = this.ctx;
    // A new table starts at its anchor; the same anchor again after rows starts a second copy.
    if (anchor && (!cur || cur.id !== anchor.id || (anchor.byCaption && cur.rowCount > 0))) {
      this.startTable(anchor.id, anchor.byCaption);
    }
    if (!this.ctx) return false;
    this.ctx.feed(row);
    return true;
  }

  private markLines(s: number, e: number): void {
    const a = this.index.position(s).line;
    const b = this.index.position(e).line;
    for (let l = a; l <= b; l++) this.consumed[l] = 1;
  }

  private flushBlock(): void {
    const block = this.block;
    this.block = null;
    if (block) this.routeGathered(block, 'cell-lines');
  }

  private flushFrag(): void {
    const frag = this.frag;
    this.frag = null;
    if (frag) this.routeGathered(frag, 'pipe-fragments');
  }

  /** A row gathered over several lines: routed, and its lines marked as table lines when it is placed. */
  private routeGathered(g: { readonly cells: RawCell[]; readonly start: number; readonly end: number }, shape: TableShape): void {
    const row: PhysRow = { cells: g.cells, shape, start: g.start, end: g.end };
    if (this.route(row, true)) this.markLines(g.start, g.end);
  }

  private line(i: number): void {
    const text = this.text;
    const ls = this.index.starts[i];
    const le = this.index.ends[i];
    if (this.htmlLines[i]) {
      const t = this.htmlAt.get(i);
      if (t) {
        this.flushBlock();
        this.flushFrag();
        for (const row of t.rows) {
          if (this.route(row, true)) this.markLines(row.start, row.end);
        }
        this.finishCtx();
      }
      return;
    }
    if (this.sectionAtLine.has(i)) {
      this.flushBlock();
      this.flushFrag();
      this.finishCtx();
      return;
    }
    switch (this.kinds[i]) {
      case 'comment':
        // Skipped without ending the row or block it stands in.
        if (this.block) this.block.lastLine = i;
        return;
      case 'blank':
        this.flushBlock();
        this.flushFrag();
        return;
      case 'tab-cell': {
        this.flushFrag();
        const tab = text.indexOf('\t', ls);
        const cell = spanCell(text, tab + 1, le);
        if (!this.block) this.block = { cells: [], start: ls, end: le, lastLine: i };
        this.block.cells.push(cell);
        this.block.end = le;
        this.block.lastLine = i;
        return;
      }
      case 'tab-row': {
        this.flushBlock();
        this.flushFrag();
        const row: PhysRow = { cells: splitTabs(text, ls, le), shape: 'tab-rows', start: ls, end: le };
        if (this.route(row, true)) this.consumed[i] = 1;
        return;
      }
      case 'md-sep':
        this.flushBlock();
        this.flushFrag();
        if (this.ctx) {
          this.ctx.shapes.add('markdown');
          this.consumed[i] = 1;
        }
        return;
      case 'md-row': {
        this.flushBlock();
        this.flushFrag();
        const row: PhysRow = { cells: splitMarkdownRow(text, ls, le), shape: 'markdown', start: ls, end: le };
        if (this.route(row, true)) this.consumed[i] = 1;
        return;
      }
      case 'lone-pipe':
        this.flushBlock();
        this.flushFrag();
        this.frag = { cells: [], start: ls, end: le };
        if (this.ctx) this.consumed[i] = 1;
        return;
      case 'fragment': {
        this.flushBlock();
        const cells = splitFragmentLine(text, ls, le);
        if (!this.frag) this.frag = { cells: [], start: ls, end: le };
        for (const c of cells) this.frag.cells.push(c);
        this.frag.end = le;
        return;
      }
      case 'plain':
        this.plainLine(i, ls, le);
        return;
    }
  }

  /** A line with no TAB and no pipe: a sentence, a wrapped label, a PDF row, or a one-cell row. */
  private plainLine(i: number, ls: number, le: number): void {
    const text = this.text;
    const [ts, te] = trimmedSpan(text, ls, le);
    const len = te - ts;
    const lineText = text.slice(ts, te);
    // A line copied out of a PDF: cells separated by runs of spaces, each short and none a sentence.
    const spacedCells = hasSpacedCells(lineText) ? splitSpaced(text, ls, le) : null;
    const spacedRow =
      spacedCells !== null &&
      spacedCells.length >= 2 &&
      spacedCells.every((c) => c.end - c.start <= MAX_PLAIN_CELL && !/[。；;！？]/.test(c.text));
    const sentence = !spacedRow && (len > MAX_PLAIN_CELL || /[。；;！？]/.test(lineText));
    // A wrapped label: a short line right after a cell of a one-cell-per-line block.
    const block = this.block;
    if (block && block.lastLine === i - 1 && block.cells.length && len <= 20 && !sentence && !spacedRow) {
      const last = block.cells[block.cells.length - 1];
      const joined = last.blank ? spanCell(text, ts, te) : new RawCell(last.start, te, last.text + '\n' + lineText, false);
      block.cells[block.cells.length - 1] = joined;
      block.end = le;
      block.lastLine = i;
      return;
    }
    this.flushBlock();
    const frag = this.frag;
    if (frag && !sentence && !matchCaption(foldLabel(lineText)) && !isT3Marker(foldLabel(lineText))) {
      // A fragment row's label can stand on a line without a pipe.
      frag.cells.push(spanCell(text, ls, le));
      frag.end = le;
      return;
    }
    this.flushFrag();
    if (sentence) {
      this.finishCtx();
      return;
    }
    const row: PhysRow =
      spacedRow && spacedCells
        ? { cells: spacedCells, shape: 'spaced', start: ls, end: le }
        : { cells: [spanCell(text, ls, le)], shape: 'plain', start: ls, end: le };
    if (this.route(row, spacedRow)) this.consumed[i] = 1;
  }
}

function parse(text: string, index: LineIndex): ReportModel {
  const lineCount = index.lineCount;
  const lines = lineTexts(index);

  // HTML tables: the lines they cover are theirs.
  const htmlAt = new Map<number, HtmlTable>();
  const htmlLines = new Uint8Array(lineCount);
  for (const t of htmlTables(text)) {
    const a = index.position(t.start).line;
    const b = index.position(t.end).line;
    htmlAt.set(a, t);
    for (let l = a; l <= b; l++) htmlLines[l] = 1;
  }

  const kinds = classifyLines(lines);
  // Section headings, chosen over the whole document.
  const chosen = chooseSections(sectionCandidates(index, kinds, htmlLines));
  const sectionAtLine = new Map<number, SectionCandidate>();
  for (const c of chosen) sectionAtLine.set(c.line, c);

  // Tables.
  const router = new Router(text, index, kinds, htmlAt, htmlLines, sectionAtLine);
  router.run();
  const { builders, consumed } = router;

  // The template, from what the tables' labels say.
  const evidence: TemplateEvidence[] = [];
  for (const b of builders) if (!b.duplicate) evidence.push(...b.templateEvidence(index));
  let n2019 = 0;
  let n2021 = 0;
  for (const e of evidence) {
    if (e.template === '2019') n2019++;
    else n2021++;
  }
  const template: TemplateId | 'unknown' = n2019 > n2021 ? '2019' : n2021 > n2019 ? '2021' : 'unknown';

  const meta = readMeta(index, chosen.length ? chosen[0].line : lineCount, consumed);
  const fallbackTemplate: TemplateId =
    template !== 'unknown' ? template : meta.year && meta.year.value <= 2020 ? '2019' : '2021';

  const tables: Table[] = [];
  const cells: Cell[] = [];
  const unplaced: Unplaced[] = [];
  for (const b of builders) {
    const done = b.finish(index, fallbackTemplate);
    if (b.duplicate) {
      unplaced.push({
        reason: 'duplicate-table',
        table: b.id,
        text: tableDef(b.id).name,
        range: done.table.range,
      });
      continue;
    }
    tables.push(done.table);
    cells.push(...done.cells);
    unplaced.push(...done.unplaced);
  }
  const order = (t: Table): number => ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'].indexOf(t.id);
  tables.sort((a, b) => a.range.start.line - b.range.start.line || order(a) - order(b));
  sortByStart(cells);
  sortByStart(unplaced);

  // Sections run from their heading to the next section's heading.
  const sections: Section[] = chosen.map((c, k) => {
    const endLine = k + 1 < chosen.length ? chosen[k + 1].line - 1 : lineCount - 1;
    return {
      id: c.id,
      heading: c.heading,
      titleMatch: c.match,
      range: { start: c.heading.range.start, end: { line: endLine, character: index.ends[endLine] - index.starts[endLine] } },
    };
  });
  const sectionOfLine = (line: number): SectionId | null => {
    let s: SectionId | null = null;
    for (const c of chosen) {
      if (c.line <= line) s = c.id;
      else break;
    }
    return s;
  };

  // Sub-headings: numbered lines outside the tables that are not section headings.
  const subheadings: SubHeading[] = [];
  for (let i = 0; i < lineCount; i++) {
    if (consumed[i] || htmlLines[i] || sectionAtLine.has(i) || kinds[i] !== 'plain') continue;
    const h = readHeading(index, i, 60, true, (_, style) => style !== 'none');
    if (!h || h.style === 'none') continue;
    subheadings.push({ heading: h, section: sectionOfLine(i) });
  }

  const prose = readProse(index, consumed, htmlLines, sectionOfLine);

  return {
    lineCount,
    title: meta.title,
    agency: meta.agency,
    year: meta.year,
    kind: meta.kind,
    statisticsPeriod: meta.statisticsPeriod,
    signatureDate: meta.signatureDate,
    template,
    templateEvidence: evidence,
    sections,
    subheadings,
    tables,
    cells,
    unplaced,
    sentences: prose.sentences,
    numbers: prose.numbers,
  };
}

function trimmedSpan(text: string, s: number, e: number): [number, number] {
  let a = s;
  let b = e;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Exposed for tests: how a line is classified. */
export const _internal = { lineKind, foldLabel };
export type { TableShape };
