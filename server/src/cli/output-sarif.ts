/**
 * The SARIF 2.1.0 format, as GitHub code scanning reads it: one run, every rule of the registry in
 * tool.driver.rules, one result per diagnostic with its location, related locations and fixes. Files that could
 * not be read become tool execution notifications.
 *
 * Regions are 1-based lines and columns counted in UTF-16 code units (run.columnKind says so), which is
 * exactly the LSP character offset + 1. Artifact URIs are relative to %SRCROOT% (the working folder) with
 * forward slashes and percent-encoding, so Chinese file names and spaces stay valid URI references.
 */

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, type Diagnostic, type Locale, type Localized, type Severity } from '../core/diagnostics';
import type { Range } from '../core/model';
import { RULES } from '../core/rules/registry';
import type { Suppressed } from '../core/suppress';
import { outside } from './files';
import { oneBased, type FileResult } from './results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/nianbao/nianbao';
const RULE_DOCS = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md#';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  readonly locale: Locale;
  /** The tool's version (package.json). */
  readonly version: string;
  /** The folder URIs are relative to (%SRCROOT%). */
  readonly cwd: string;
  /** Problems in the configuration file, reported as configuration notifications. */
  readonly configErrors?: readonly { readonly file: string; readonly key: string; readonly message: Localized }[];
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** `table-row-missing` → `TableRowMissing`: SARIF's rule name is an identifier, not a sentence. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/**
 * The artifact location of a file: relative to %SRCROOT% when inside it, else an absolute file: URI (a
 * relative reference climbing out of %SRCROOT% with `..` is not something code scanning accepts).
 */
function artifactLocation(abs: string, cwd: string): ArtifactLocation {
  const rel = path.relative(cwd, abs);
  if (outside(rel)) return { uri: pathToFileURL(abs).href };
  const uri = rel.split(path.sep).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function region(r: Range): Record<string, number> {
  const o = oneBased(r);
  return { startLine: o.line, startColumn: o.column, endLine: o.endLine, endColumn: o.endColumn };
}

function result(
  d: Diagnostic,
  ruleIndex: ReadonlyMap<string, number>,
  location: ArtifactLocation,
  locale: Locale,
  suppression?: Suppressed,
): unknown {
  const index = ruleIndex.get(d.rule);
  return {
    ruleId: d.rule,
    // A diagnostic from a rule not in the registry (none today) simply goes without an index.
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[d.severity],
    message: { text: localize(d.message, locale) },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
    ...(d.related?.length
      ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: localize(r.message, locale) },
            physicalLocation: { artifactLocation: location, region: region(r.range) },
          })),
        }
      : {}),
    ...(d.fix
      ? {
          fixes: [
            {
              description: { text: localize(d.fix.title, locale) },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: d.fix.edits.map((e) => ({
                    deletedRegion: region(e.range),
                    insertedContent: { text: e.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    // A finding silenced by a nianbao-disable comment is still reported, marked as suppressed in the source.
    ...(suppression ? { suppressions: [{ kind: 'inSource', ...(suppression.reason ? { justification: suppression.reason } : {}) }] } : {}),
  };
}

function driver(locale: Locale, version: string): unknown {
  return {
    name: 'nianbao',
    version,
    semanticVersion: version,
    informationUri: INFORMATION_URI,
    rules: RULES.map(({ meta }) => ({
      id: meta.id,
      name: ruleName(meta.id),
      shortDescription: { text: localize(meta.description, locale) },
      fullDescription: {
        text: meta.example
          ? `${localize(meta.description, locale)} ${locale === 'zh' ? '示例' : 'Example'}: ${meta.example}`
          : localize(meta.description, locale),
      },
      defaultConfiguration: { level: LEVEL[meta.severity] },
      helpUri: RULE_DOCS + meta.id,
      properties: { tags: ['annual-report', meta.category], category: meta.category, fixable: meta.fixable },
    })),
  };
}

/** One file's share of the log: its results (serialised) and any notification. */
export interface SarifPart {
  readonly results: readonly string[];
  readonly notifications: readonly unknown[];
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.meta.id, i]));

export function sarifPart(r: FileResult, options: Pick<SarifOptions, 'locale' | 'cwd'>): SarifPart {
  const { locale, cwd } = options;
  const location = artifactLocation(r.abs, cwd);
  const notifications: unknown[] = [];
  if (r.kind === 'unreadable') {
    notifications.push({
      level: 'error',
      message: { text: `${r.file}: ${localize(r.message, locale)}` },
      locations: [{ physicalLocation: { artifactLocation: location } }],
    });
    return { results: [], notifications };
  }
  if (r.fixError) {
    notifications.push({
      level: 'error',
      message: { text: `${r.file}: ${localize(r.fixError, locale)}` },
      locations: [{ physicalLocation: { artifactLocation: location } }],
    });
  }
  const results: string[] = [];
  for (const d of r.diagnostics) results.push(JSON.stringify(result(d, RULE_INDEX, location, locale)));
  for (const s of r.suppressed) results.push(JSON.stringify(result(s.diagnostic, RULE_INDEX, location, locale, s)));
  return { results, notifications };
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return sarifDocument(
    results.map((r) => sarifPart(r, options)),
    options,
  );
}

/** The whole log from the files' parts, in order. */
export function sarifDocument(parts: readonly SarifPart[], options: SarifOptions): string {
  const { locale, cwd } = options;
  const notifications = parts.flatMap((p) => p.notifications);
  const configNotifications = (options.configErrors ?? []).map((e) => ({
    level: 'error',
    message: { text: `${e.file}: ${e.key ? e.key + ': ' : ''}${localize(e.message, locale)}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path.resolve(cwd, e.file), cwd) } }],
  }));
  // The base URI of %SRCROOT% must end with a slash to be a folder.
  const root = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(locale, options.version) },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
            ...(configNotifications.length ? { toolConfigurationNotifications: configNotifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
        columnKind: 'utf16CodeUnits',
        results: [] as unknown[],
      },
    ],
  };
  // The results are serialised per file already: splice them into the log's empty results array.
  const head = JSON.stringify(log, null, 2);
  const at = head.lastIndexOf('"results": []');
  const results = parts.flatMap((p) => p.results);
  return head.slice(0, at) + '"results": [' + results.join(',\n') + ']' + head.slice(at + '"results": []'.length) + '\n';
}
