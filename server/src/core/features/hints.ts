/**
 * Inlay hints (`= 20` after a figure that breaks table arithmetic) and one code lens per table summarising its
 * state (`表三：勾稽关系全部一致`, `表三：2 处不一致`, `表三：3 行未读出`).
 */

import type { Diagnostic, Localized } from '../diagnostics';
import type { Cell, Position, Range, ReportModel, Table } from '../model';
import type { TableId } from '../schema';
import { arithmetic, RELATION_ORDER, type Relation } from '../rules/arithmetic';
import { RULES } from '../rules/registry';
import { containsRange, tableShort } from './util';

export interface InlayHint {
  /** Right after the cell's text. */
  readonly position: Position;
  /** `= 20`: the value that makes the relations agree. */
  readonly label: Localized;
  /** The relation(s) the value repairs, with their figures. */
  readonly tooltip: Localized;
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

function relationLines(rels: readonly Relation[]): Localized {
  return { zh: rels.map((r) => `- ${r.text.zh}`).join('\n'), en: rels.map((r) => `- ${r.text.en}`).join('\n') };
}

/**
 * After each cell to blame for broken arithmetic: a culprit (one value repairs every relation through it), or the
 * target (总计, （七）, 四) of a broken relation no culprit explains.
 */
export function inlayHints(model: ReportModel): InlayHint[] {
  const plan = arithmetic(model);
  const out: InlayHint[] = [];
  const done = new Set<Cell>();
  for (const c of plan.culprits) {
    if (done.has(c.cell)) continue;
    done.add(c.cell);
    const lines = relationLines(c.relations);
    out.push({
      position: c.cell.range.end,
      label: { zh: `= ${fmt(c.value)}`, en: `= ${fmt(c.value)}` },
      tooltip: {
        zh: `改为 ${fmt(c.value)} 可使 ${c.relations.length} 处勾稽关系全部成立：\n${lines.zh}`,
        en: `${fmt(c.value)} here makes all ${c.relations.length} relations hold:\n${lines.en}`,
      },
    });
  }
  // Lone broken relations, grouped by target cell; one hint per value.
  const byCell = new Map<Cell, Map<number, Relation[]>>();
  for (const r of plan.lone) {
    if (done.has(r.target) || r.target.value === r.targetValue) continue;
    let values = byCell.get(r.target);
    if (!values) byCell.set(r.target, (values = new Map()));
    const list = values.get(r.targetValue);
    if (list) list.push(r);
    else values.set(r.targetValue, [r]);
  }
  for (const [cell, values] of byCell) {
    for (const [value, rels] of values) {
      const lines = relationLines(rels);
      const caveat = rels.some((r) => plan.deferred.has(r));
      out.push({
        position: cell.range.end,
        label: { zh: `= ${fmt(value)}`, en: `= ${fmt(value)}` },
        tooltip: {
          zh: `改为 ${fmt(value)} 可使以下勾稽关系成立：\n${lines.zh}${caveat ? '\n（关系中另有数字也可能有误，此值仅供参考）' : ''}`,
          en: `${fmt(value)} here makes this relation hold:\n${lines.en}${caveat ? '\n(another figure of the relation may be wrong too)' : ''}`,
        },
      });
    }
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

export interface TableLens {
  /** The table's first line (zero-width, at the table's start). */
  readonly range: Range;
  readonly title: Localized;
  readonly table: TableId;
  /** Diagnostics of the arithmetic and table rules inside the table. */
  readonly problems: number;
}

/** The rules of the four arithmetic relations: what the lens calls an inconsistency (不一致). */
const RELATION_RULES = new Set<string>(RELATION_ORDER);

const CATEGORY = new Map<string, string>(RULES.map((r) => [r.meta.id, r.meta.category]));

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One lens per recognised table, on its first line. */
export function tableLenses(model: ReportModel, diagnostics: readonly Diagnostic[]): TableLens[] {
  const plan = arithmetic(model);
  const assessed = new Set<Table['id']>();
  for (const r of plan.relations) assessed.add(r.target.table);
  return model.tables.map((table) => {
    let arith = 0;
    let other = 0;
    for (const d of diagnostics) {
      const cat = CATEGORY.get(d.rule);
      if (cat !== 'arithmetic' && cat !== 'tables') continue;
      if (!containsRange(table.range, d.range)) continue;
      if (RELATION_RULES.has(d.rule)) arith++;
      else other++;
    }
    const name = tableShort(table.id);
    const zh: string[] = [];
    const en: string[] = [];
    const missing = table.missingRows.length;
    if (missing) {
      zh.push(`${missing} 行未读出`);
      en.push(`${plural(missing, 'row', 'rows')} not read`);
    }
    if (arith) {
      zh.push(`${arith} 处不一致`);
      en.push(plural(arith, 'inconsistency', 'inconsistencies'));
    }
    if (other) {
      zh.push(arith ? `${other} 处其他问题` : `${other} 处问题`);
      en.push(arith ? `${plural(other, 'other problem', 'other problems')}` : plural(other, 'problem', 'problems'));
    }
    if (!zh.length) {
      if (table.id === 't3' || table.id === 't4') {
        if (assessed.has(table.id)) {
          zh.push('勾稽关系全部一致');
          en.push('all totals agree');
        } else {
          zh.push('勾稽关系无法核对');
          en.push('totals cannot be checked');
        }
      } else {
        zh.push('未发现问题');
        en.push('no problems found');
      }
    }
    const start = table.range.start;
    return {
      range: { start, end: start },
      title: { zh: `${name}：${zh.join('，')}`, en: `${name}: ${en.join(', ')}` },
      table: table.id,
      problems: arith + other,
    };
  });
}
