/**
 * Checks across reports: this year's 二、上年结转 against last year's 四、结转下年度继续办理 (carry-over), for
 * reports of the same agency in consecutive years among the inputs. Pure: takes analysed models.
 */

import type { Diagnostic, Severity } from './diagnostics';
import type { Cell, ReportModel } from './model';
import type { AnalyzeOptions } from './options';
import { colsOf, type TemplateId } from './schema';
import { foldLabel } from './text';
import { toDiagnostic } from './rules/types';
import carryOverRule from './rules/carry-over';
import { colName } from './rules/names';

export interface AcrossInput {
  /** How the report is named in messages (a file path). */
  readonly name: string;
  readonly model: ReportModel;
  readonly options?: AnalyzeOptions;
}

/** What carry-over needs of one report: small enough to keep for thousands of files. */
export interface CarryInfo {
  readonly name: string;
  /** Folded agency name, or null. */
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: TemplateId;
  readonly severity: Severity | 'off';
  /** 表三's 二、上年结转 and 四、结转下年度继续办理 cells. */
  readonly carried: readonly Cell[];
  readonly carryOut: readonly Cell[];
}

export function carryInfo(input: AcrossInput): CarryInfo {
  const m = input.model;
  return {
    name: input.name,
    agency: m.agency?.name ? foldLabel(m.agency.name) : null,
    year: input.options?.year ?? m.year?.value ?? null,
    template: m.template === '2019' ? '2019' : '2021',
    severity: (input.options?.rules?.[carryOverRule.meta.id] ?? carryOverRule.meta.severity) as Severity | 'off',
    carried: m.cells.filter((c) => c.table === 't3' && c.row === 'carried'),
    carryOut: m.cells.filter((c) => c.table === 't3' && c.row === 'carry-out'),
  };
}

/** Findings per input index: the later report of each consecutive pair gets them. */
export function checkAcross(inputs: readonly AcrossInput[]): Map<number, Diagnostic[]> {
  return checkCarry(inputs.map(carryInfo));
}

/** checkAcross over compact summaries (the CLI keeps only these while it streams results). */
export function checkCarry(infos: readonly CarryInfo[]): Map<number, Diagnostic[]> {
  const out = new Map<number, Diagnostic[]>();
  const byKey = new Map<string, number[]>();
  infos.forEach((info, i) => {
    if (info.agency === null || info.year === null) return;
    const id = `${info.agency}\u0000${info.year}`;
    const list = byKey.get(id);
    if (list) list.push(i);
    else byKey.set(id, [i]);
  });
  infos.forEach((info, i) => {
    if (info.agency === null || info.year === null || info.severity === 'off') return;
    const prev = byKey.get(`${info.agency}\u0000${info.year - 1}`);
    if (!prev || prev.length !== 1) return;
    const last = infos[prev[0]];
    for (const col of colsOf('t3', info.template).map((c) => c.key)) {
      const now = info.carried.find((c) => c.col === col);
      const before = last.carryOut.find((c) => c.col === col);
      if (!now || !before || now.value === null || before.value === null || now.value === before.value) continue;
      const d = toDiagnostic(carryOverRule.meta, info.severity, {
        message: 'mismatch',
        args: { col: colName('t3', col), now: now.raw, before: before.raw, year: info.year - 1, file: last.name },
        range: now.range,
      });
      const list = out.get(i);
      if (list) list.push(d);
      else out.set(i, [d]);
    }
  });
  return out;
}
