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

/** The agency and year a report is filed under, or null when either is unknown. */
function keyOf(input: AcrossInput): { agency: string; year: number } | null {
  const agency = input.model.agency?.name;
  const year = input.options?.year ?? input.model.year?.value;
  if (!agency || year === undefined) return null;
  return { agency: foldLabel(agency), year };
}

function cellOf(model: ReportModel, row: string, col: string): Cell | undefined {
  return model.cells.find((c) => c.table === 't3' && c.row === row && c.col === col);
}

/** Findings per input index: the later report of each consecutive pair gets them. */
export function checkAcross(inputs: readonly AcrossInput[]): Map<number, Diagnostic[]> {
  const out = new Map<number, Diagnostic[]>();
  const byKey = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const k = keyOf(input);
    if (!k) return;
    const id = `${k.agency}\u0000${k.year}`;
    const list = byKey.get(id);
    if (list) list.push(i);
    else byKey.set(id, [i]);
  });
  inputs.forEach((input, i) => {
    const k = keyOf(input);
    if (!k) return;
    const severity = input.options?.rules?.[carryOverRule.meta.id] ?? carryOverRule.meta.severity;
    if (severity === 'off') return;
    const prev = byKey.get(`${k.agency}\u0000${k.year - 1}`);
    if (!prev || prev.length !== 1) return;
    const last = inputs[prev[0]];
    const template: TemplateId = input.model.template === '2019' ? '2019' : '2021';
    for (const col of colsOf('t3', template).map((c) => c.key)) {
      const now = cellOf(input.model, 'carried', col);
      const before = cellOf(last.model, 'carry-out', col);
      if (!now || !before || now.value === null || before.value === null || now.value === before.value) continue;
      const cn = colName('t3', col);
      const d = toDiagnostic(carryOverRule.meta, severity as Severity, {
        message: 'mismatch',
        args: {
          col: cn,
          now: now.raw,
          before: before.raw,
          year: k.year - 1,
          file: last.name,
        },
        range: now.range,
      });
      const list = out.get(i);
      if (list) list.push(d);
      else out.set(i, [d]);
    }
  });
  return out;
}
