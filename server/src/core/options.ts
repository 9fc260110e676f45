/**
 * Options of an analysis: what the user's configuration can change. Shared by the CLI and the editor.
 */

import type { SeverityOrOff } from './diagnostics';
import type { ReportKind } from './model';
import type { TemplateId } from './schema';

/** Publication deadlines as `MM-DD` of the year after the report year (第四十九条). */
export interface Deadlines {
  /** 县级以上人民政府部门: 1月31日. */
  readonly department?: string;
  /** 县级以上地方人民政府: 3月31日. */
  readonly government?: string;
}

export const DEFAULT_DEADLINES: Required<Deadlines> = { department: '01-31', government: '03-31' };

export interface AnalyzeOptions {
  /** Per-rule severity overrides (`off` disables a rule). */
  readonly rules?: Readonly<Record<string, SeverityOrOff>>;
  /** The template to hold the report to, whatever its tables say. */
  readonly template?: TemplateId;
  /** The report year, whatever the document says. */
  readonly year?: number;
  /** Department or people's government, whatever the agency name suggests. */
  readonly kind?: ReportKind;
  readonly deadlines?: Deadlines;
}
