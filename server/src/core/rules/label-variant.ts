import type { Rule, RuleContext } from './types';
import type { Label } from '../model';
import type { Fix, Localized, TextEdit } from '../diagnostics';
import { tableDef, type TableDef } from '../schema';
import { foldLabel, isSpace } from '../text';
import { labelInfo } from '../parser/labels';

type Kind = 'row' | 'col' | 'group';

/** The wordings a canonical label is written in (template wording and known variants), folded. */
function wordings(def: TableDef, kind: Kind, canonical: string): string[] {
  const defs = kind === 'row' ? def.rows : kind === 'col' ? def.cols : (def.groups ?? []);
  const out: string[] = [];
  for (const d of defs) if (d.label === canonical) out.push(foldLabel(d.label), ...(d.variants ?? []).map(foldLabel));
  return out;
}

/**
 * Where the label's own text starts in `raw`: after its ordinals (`（三） 1.`, `(二)`) and the white space
 * around them. Folding maps one character to at most one, so folded positions map back to raw ones.
 */
function textStart(raw: string): number {
  const info = labelInfo(raw);
  const skip = info.ordinals.reduce((n, o) => n + o.length, 0);
  let folded = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    if (isSpace(raw.charCodeAt(i))) continue;
    if (folded === skip) break;
    folded++;
  }
  return i;
}

function withoutSpace(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) out += s[i];
  return out;
}

const KIND_NAME: Record<Kind, Localized> = {
  row: { zh: '行标签', en: 'row label' },
  col: { zh: '列标题', en: 'column header' },
  group: { zh: '分组标签', en: 'group label' },
};

const rule: Rule = {
  meta: {
    id: 'label-variant',
    category: 'tables',
    severity: 'info',
    fixable: true,
    description: {
      zh: '行或列的标签与格式文本的措辞不同（合计、结果维护、商业机构、社会组织、信访投诉举报类申请、只记…不记），或标签中夹有空格（结 果 维 持）。',
      en: 'A row or column label differs from the template’s wording (合计, 结果维护, 商业机构, 社会组织, 信访投诉举报类申请, 只记…不记), or is spaced out (结 果 维 持).',
    },
    messages: {
      variant: {
        zh: '{table}{kind}「{found}」与格式文本不同，应为「{want}」',
        en: '{table} {kind} 「{found}」 differs from the template wording 「{want}」',
      },
      spaced: {
        zh: '{table}{kind}「{found}」中夹有空格，格式文本为「{want}」',
        en: '{table} {kind} 「{found}」 is spaced out; the template writes 「{want}」',
      },
      spacedMany: {
        zh: '{table}有 {count} 个标签中夹有空格（{labels}），格式文本中没有空格',
        en: '{table}: {count} labels are spaced out ({labels}); the template writes them without spaces',
      },
    },
    reads: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9', 't3', 't4'],
    example: '| 合计 | (表三 column header, for 总计); 结 果 维 持 (表四)',
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      const def = tableDef(table.id);
      // Most labels are as the template writes them: examine each, and order only what is found.
      const found: Finding1[] = [];
      const add = (label: Label, kind: Kind): void => {
        const f = examine(def, label, kind);
        if (f) found.push(f);
      };
      for (const h of table.headers) add(h.label, 'col');
      for (const r of table.rows) if (r.label) add(r.label, 'row');
      for (const g of table.groups) add(g.label, 'group');
      found.sort(
        (a, b) =>
          a.label.range.start.line - b.label.range.start.line || a.label.range.start.character - b.label.range.start.character,
      );
      report(ctx, def, found);
    }
  },
};

/** A label that differs from the template: its text after the ordinal, and the edit that fixes it, if safe. */
interface Finding1 {
  readonly label: Label;
  readonly kind: Kind;
  readonly text: string;
  readonly spaced: boolean;
  readonly edit: TextEdit | null;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

function examine(def: TableDef, label: Label, kind: Kind): Finding1 | null {
  const raw = label.raw;
  // Most labels are neither variants nor spaced out: nothing more to look at.
  if (!label.variant && !hasSpace(raw)) return null;
  const multiLine = /[\r\n]/.test(raw);
  const start = textStart(raw);
  const text = raw.slice(start);
  const canonical = label.canonical;
  // Spaced out: the label's text is the template's but for white space inside one line (a label wrapped over
  // two lines is how a table cell copies, not a wording).
  const spaced = !label.variant && !multiLine && text !== canonical && withoutSpace(text) === canonical;
  if (!label.variant && !spaced) return null;
  // The fix rewrites the label's text only: on one line, after the ordinal, when that text is the label and
  // nothing more (a label sharing its cell with a group label or a note is left alone).
  let edit: TextEdit | null = null;
  if (!multiLine && wordings(def, kind, canonical).includes(foldLabel(text))) {
    const s = label.range.start;
    edit = {
      range: { start: { line: s.line, character: s.character + start }, end: { line: s.line, character: s.character + raw.length } },
      newText: canonical,
    };
  }
  return { label, kind, text: text.trim() || raw, spaced, edit };
}

function report(ctx: RuleContext, def: TableDef, found: readonly Finding1[]): void {
  for (const f of found.filter((x) => !x.spaced)) {
    const want = f.label.canonical;
    const fix: Fix | undefined = f.edit
      ? { title: { zh: `改为「${want}」`, en: `Use the template wording 「${want}」` }, edits: [f.edit], safe: true }
      : undefined;
    ctx.report({
      message: 'variant',
      args: { table: def.name, kind: KIND_NAME[f.kind], found: f.text, want },
      range: f.label.range,
      ...(fix ? { fix } : {}),
    });
  }
  // Spaced-out labels come in runs (a whole header row typed with spaces): one finding per table.
  const spaced = found.filter((x) => x.spaced);
  if (!spaced.length) return;
  const edits = spaced.flatMap((f) => (f.edit ? [f.edit] : []));
  const first = spaced[0];
  const fix: Fix | undefined = edits.length
    ? {
        title:
          spaced.length === 1
            ? { zh: `改为「${first.label.canonical}」`, en: `Use the template wording 「${first.label.canonical}」` }
            : { zh: `去掉${def.name}标签中的空格`, en: `Remove the spaces from the labels of ${def.name}` },
        edits,
        safe: true,
      }
    : undefined;
  if (spaced.length === 1) {
    ctx.report({
      message: 'spaced',
      args: { table: def.name, kind: KIND_NAME[first.kind], found: first.text, want: first.label.canonical },
      range: first.label.range,
      ...(fix ? { fix } : {}),
    });
    return;
  }
  const names = [...new Set(spaced.map((f) => `「${f.text}」`))];
  ctx.report({
    message: 'spacedMany',
    args: {
      table: def.name,
      count: spaced.length,
      labels: { zh: names.slice(0, 5).join('') + (names.length > 5 ? '…' : ''), en: names.slice(0, 5).join(' ') + (names.length > 5 ? ' …' : '') },
    },
    range: first.label.range,
    related: spaced.map((f) => ({
      range: f.label.range,
      message: { zh: `「${f.text}」应为「${f.label.canonical}」`, en: `「${f.text}」: the template writes 「${f.label.canonical}」` },
    })),
    ...(fix ? { fix } : {}),
  });
}

export default rule;
