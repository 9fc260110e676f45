/**
 * One analysis per document version (and configuration), cached and shared by every request: diagnostics,
 * hover, symbols, actions… The core's `analyze` is synchronous; the only waits are for the client's settings.
 */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { analyze, type AnalysisResult } from '../core/index';
import type { Locale } from '../core/diagnostics';
import type { ReportModel } from '../core/model';
import type { AnalyzeOptions } from '../core/options';
import type { ConfigFiles } from './config-files';
import {
  CODE_CONFIG,
  CODE_TOO_LARGE,
  configMessage,
  notice,
  toLspDiagnostic,
  tooLargeMessage,
  type ConfigProblem,
} from './convert';
import { editorOptions, mergeOptions, type ServerSettings } from './settings';

/** Language ids the server checks: `nianbao` always, the others as `nianbao.validate` says. */
export const REPORT_LANGUAGE = 'nianbao';
export const OPTIONAL_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

export type AnalysisState =
  /** Analysed: the core's result. */
  | { readonly kind: 'analysed'; readonly result: AnalysisResult; readonly options: AnalyzeOptions }
  /** Over `nianbao.maxFileSize`: not analysed. */
  | { readonly kind: 'too-large'; readonly size: number; readonly max: number }
  /** Not validated (language, `nianbao.validate`, or — in 'auto' — not an annual report). */
  | { readonly kind: 'skipped'; readonly reason: 'language' | 'setting' | 'not-a-report' };

export interface DocAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  /** The document's text at `version`. */
  readonly text: string;
  readonly settings: ServerSettings;
  readonly locale: Locale;
  readonly state: AnalysisState;
  /** What to publish for this version: the findings, or a notice, or nothing. */
  readonly diagnostics: readonly LspDiagnostic[];
}

/** Whether a markdown/plaintext document reads as an annual report: a title, ≥ 2 of the six sections, or a table. */
export function looksLikeReport(model: ReportModel): boolean {
  return model.title !== null || model.sections.length >= 2 || model.tables.length > 0;
}

function lineZeroLength(doc: TextDocument): number {
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  return first.replace(/[\r\n]+$/, '').length;
}

export interface AnalysesDeps {
  readonly document: (uri: string) => TextDocument | undefined;
  readonly settings: (uri: string) => Promise<ServerSettings>;
  readonly configFiles: ConfigFiles;
  readonly locale: Locale;
  /** Increases whenever settings or config files may have changed (cached analyses then no longer count). */
  readonly generation: () => number;
}

interface Entry {
  readonly key: string;
  readonly analysis: DocAnalysis;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();
  constructor(private readonly deps: AnalysesDeps) {}

  /**
   * The analysis of the document's current version, computed once. Null when the document is not open.
   * The version is the one current after the settings arrive; callers that publish compare it again.
   */
  async get(uri: string): Promise<DocAnalysis | null> {
    for (let attempt = 0; ; attempt++) {
      const generation = this.deps.generation();
      const settings = await this.deps.settings(uri);
      // Settings changed while they were fetched: fetch again (bounded: a flood of changes just wins).
      if (generation !== this.deps.generation() && attempt < 3) continue;
      const doc = this.deps.document(uri);
      if (!doc) return null;
      return this.compute(doc, settings, generation);
    }
  }

  drop(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private compute(doc: TextDocument, settings: ServerSettings, generation: number): DocAnalysis {
    const { uri, version, languageId } = doc;
    const base = { uri, version, languageId, settings, locale: this.deps.locale };

    const mode = languageId === REPORT_LANGUAGE ? 'always' : OPTIONAL_LANGUAGES.includes(languageId) ? settings.validate : null;
    if (mode === null || mode === 'never') {
      const key = `${version}|${generation}|skip|${mode}`;
      return this.remember(uri, key, () => ({
        ...base,
        text: doc.getText(),
        state: { kind: 'skipped', reason: mode === null ? 'language' : 'setting' },
        diagnostics: [],
      }));
    }

    const text = doc.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) {
      const key = `${version}|${generation}|large|${settings.maxFileSize}`;
      return this.remember(uri, key, () => ({
        ...base,
        text,
        state: { kind: 'too-large', size, max: settings.maxFileSize },
        diagnostics: [notice(CODE_TOO_LARGE, tooLargeMessage(size, settings.maxFileSize), this.deps.locale, lineZeroLength(doc))],
      }));
    }

    const fileConfig = this.deps.configFiles.forDocument(uri);
    const editor = editorOptions(settings);
    const options = mergeOptions(fileConfig?.options ?? null, editor.options);
    const problems: ConfigProblem[] = [
      ...(fileConfig?.errors ?? []).map((e) => ({ file: fileConfig?.file ?? null, key: e.key, message: e.message })),
      ...editor.errors.map((e) => ({ file: null, key: e.key, message: e.message })),
    ];
    const key = `${version}|${generation}|${mode}|${JSON.stringify(options)}|${JSON.stringify(problems)}`;
    return this.remember(uri, key, () => {
      const result = analyze(text, options);
      if (mode === 'auto' && languageId !== REPORT_LANGUAGE && !looksLikeReport(result.model)) {
        return { ...base, text, state: { kind: 'skipped', reason: 'not-a-report' }, diagnostics: [] };
      }
      const diagnostics = result.diagnostics.map((d) => toLspDiagnostic(d, uri, version, this.deps.locale));
      if (problems.length) diagnostics.unshift(notice(CODE_CONFIG, configMessage(problems), this.deps.locale, lineZeroLength(doc)));
      return { ...base, text, state: { kind: 'analysed', result, options }, diagnostics };
    });
  }

  private remember(uri: string, key: string, make: () => DocAnalysis): DocAnalysis {
    const hit = this.cache.get(uri);
    if (hit && hit.key === key) return hit.analysis;
    const analysis = make();
    this.cache.set(uri, { key, analysis });
    return analysis;
  }
}
