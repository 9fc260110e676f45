/**
 * What checking one file gives, as the output formats read it.
 */

import type { Diagnostic, Localized, Severity } from '../core/diagnostics';
import type { Range, ReportModel } from '../core/model';
import type { Suppressed } from '../core/suppress';
import type { Encoding } from './decode';

export interface CheckedFile {
  readonly kind: 'checked';
  /** The path as shown to the user. */
  readonly file: string;
  readonly abs: string;
  readonly encoding: Encoding;
  /** The text analysed (after fixes, with --fix). */
  readonly text: string;
  readonly model: ReportModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Findings silenced by `nianbao-disable` comments, with their reasons. */
  readonly suppressed: readonly Suppressed[];
  /** With --fix: how many fixes were applied (and written); null without --fix. */
  readonly fixed: number | null;
  /** With --fix: why the fixes could not be written back (the diagnostics are then those of the file as it is). */
  readonly fixError: Localized | null;
}

export interface UnreadableFile {
  readonly kind: 'unreadable';
  readonly file: string;
  readonly abs: string;
  readonly message: Localized;
}

export type FileResult = CheckedFile | UnreadableFile;

/** A range in the 1-based form every output uses: line and column (UTF-16 character + 1), end exclusive. */
export interface OneBasedRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function oneBased(r: Range): OneBasedRange {
  return {
    line: r.start.line + 1,
    column: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

export type SeverityCounts = Record<Severity, number>;
