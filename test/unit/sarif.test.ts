/**
 * SARIF output: validated against the official SARIF 2.1.0 JSON schema (shipped in @microsoft/jest-sarif, read
 * offline, compiled with ajv), plus the things code scanning relies on that the schema does not check.
 */

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { analyze } from '../../server/src/core/index';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { RULES } from '../../server/src/core/rules/registry';
import { formatSarif, SARIF_SCHEMA } from '../../server/src/cli/output-sarif';
import type { FileResult } from '../../server/src/cli/results';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF logs are read as plain JSON here. */
type Json = any;

function compileSchema(): (log: unknown) => string[] {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object;
  // unicodeRegExp: false — one pattern in the published schema (for language tags) is not a valid `u` regex.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

const RULE = RULES[0].meta.id;
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function diagnostics(): Diagnostic[] {
  return [
    {
      rule: RULE,
      severity: 'error',
      message: { zh: '缺少表格', en: 'table missing' },
      range: range(2, 4, 2, 10),
      related: [{ range: range(0, 0, 0, 6), message: { zh: '章节在此', en: 'section here' } }],
      fix: {
        title: { zh: '插入表格', en: 'insert the table' },
        safe: false,
        edits: [
          { range: range(3, 0, 3, 0), newText: '| 表 |\n' },
          { range: range(5, 1, 6, 2), newText: '' },
        ],
      },
    },
    { rule: RULE, severity: 'warning', message: { zh: '警告', en: 'warning' }, range: range(0, 0, 0, 0) },
    { rule: RULE, severity: 'info', message: { zh: '提示', en: 'info' }, range: range(1, 0, 1, 1) },
    { rule: RULE, severity: 'hint', message: { zh: '建议', en: 'hint' }, range: range(1, 2, 1, 3) },
    { rule: 'not-in-registry', severity: 'warning', message: { zh: '外', en: 'outside' }, range: range(0, 1, 0, 2) },
  ];
}

describe('sarif', () => {
  const validate = compileSchema();
  let dir: string;
  let results: FileResult[];
  let log: Json;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sarif-'));
    const model = analyze('').model;
    const suppressed = { diagnostic: diagnostics()[1], reason: '原表如此', commentLine: 4 };
    results = [
      {
        kind: 'checked',
        file: '2023 报告/部门 年报.md',
        abs: path.join(dir, '2023 报告', '部门 年报.md'),
        encoding: 'utf-8',
        text: '',
        model,
        diagnostics: diagnostics(),
        suppressed: [suppressed],
        fixed: null,
        fixError: null,
      },
      { kind: 'unreadable', file: 'old.doc', abs: path.join(dir, 'old.doc'), message: { zh: '旧版 Word', en: 'old Word' } },
      {
        kind: 'checked',
        file: '/elsewhere/r.txt',
        abs: path.resolve('/elsewhere/r.txt'),
        encoding: 'gb18030',
        text: '',
        model,
        diagnostics: [diagnostics()[0]],
        suppressed: [],
        fixed: null,
        fixError: null,
      },
    ];
    log = JSON.parse(
      formatSarif(results, {
        locale: 'en',
        version: '9.8.7',
        cwd: dir,
        configErrors: [{ file: 'nianbao.json', key: 'rules.x', message: { zh: '无', en: 'no such rule' } }],
      }),
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(validate(log), []);
  });

  it('has a validator that does reject broken logs', () => {
    const broken: Json = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[2].level = 'info';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b/c.md';
    const errors = validate(broken);
    assert.equal(errors.length, 3, errors.join('\n'));
  });

  it('names the schema, the version and one run with the tool, and counts columns in UTF-16 units', () => {
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.name, 'nianbao');
    assert.equal(run.tool.driver.version, '9.8.7');
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
  });

  it('lists every rule of the registry with its metadata', () => {
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r: Json) => r.id),
      RULES.map((r) => r.meta.id),
    );
    for (const [i, r] of rules.entries()) {
      const meta = RULES[i].meta;
      assert.match(r.name, /^[A-Z][A-Za-z0-9]*$/);
      assert.equal(r.shortDescription.text, meta.description.en);
      assert.ok(r.fullDescription.text.startsWith(meta.description.en));
      assert.equal(r.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.severity]);
      assert.equal(r.helpUri, `https://github.com/nianbao/nianbao/blob/main/docs/rules.md#${meta.id}`);
      assert.ok(Array.isArray(r.properties.tags) && r.properties.tags.includes(meta.category));
    }
  });

  it('gives each result its rule, level, message and 1-based region', () => {
    const out = log.runs[0].results as Json[];
    const first = out.filter((r) => r.locations[0].physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%');
    // Five diagnostics and the suppressed one.
    assert.equal(first.length, 6);
    assert.deepEqual(
      first.map((r) => r.level),
      ['error', 'warning', 'note', 'note', 'warning', 'warning'],
    );
    const rules = log.runs[0].tool.driver.rules;
    for (const r of first.slice(0, 4)) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    assert.equal(first[4].ruleId, 'not-in-registry');
    assert.equal(first[4].ruleIndex, undefined);
    assert.equal(first[0].message.text, 'table missing');
    assert.deepEqual(first[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 11 });
    // An empty range at the very start stays a valid region.
    assert.deepEqual(first[1].locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('writes artifact URIs relative to %SRCROOT%, percent-encoded, or absolute outside it', () => {
    const uris = (log.runs[0].results as Json[]).map((r) => r.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(uris[0], { uri: '2023%20%E6%8A%A5%E5%91%8A/%E9%83%A8%E9%97%A8%20%E5%B9%B4%E6%8A%A5.md', uriBaseId: '%SRCROOT%' });
    assert.equal(decodeURIComponent(uris[0].uri), '2023 报告/部门 年报.md');
    const outside = uris[uris.length - 1];
    assert.deepEqual(outside, { uri: pathToFileURL(path.resolve('/elsewhere/r.txt')).href });
  });

  it('carries related locations and fixes', () => {
    const r = log.runs[0].results[0];
    assert.deepEqual(r.relatedLocations, [
      {
        id: 0,
        message: { text: 'section here' },
        physicalLocation: {
          artifactLocation: r.locations[0].physicalLocation.artifactLocation,
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 7 },
        },
      },
    ]);
    assert.deepEqual(r.fixes, [
      {
        description: { text: 'insert the table' },
        artifactChanges: [
          {
            artifactLocation: r.locations[0].physicalLocation.artifactLocation,
            replacements: [
              { deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 1 }, insertedContent: { text: '| 表 |\n' } },
              { deletedRegion: { startLine: 6, startColumn: 2, endLine: 7, endColumn: 3 }, insertedContent: { text: '' } },
            ],
          },
        ],
      },
    ]);
    assert.equal(log.runs[0].results[1].fixes, undefined);
  });

  it('marks findings silenced in the source as suppressed, with the reason', () => {
    const r = log.runs[0].results[5];
    assert.deepEqual(r.suppressions, [{ kind: 'inSource', justification: '原表如此' }]);
    assert.equal(log.runs[0].results[1].suppressions, undefined);
  });

  it('turns unreadable files into execution notifications and config errors into configuration ones', () => {
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.deepEqual(inv.toolExecutionNotifications, [
      {
        level: 'error',
        message: { text: 'old.doc: old Word' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'old.doc', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    assert.equal(inv.toolConfigurationNotifications[0].message.text, 'nianbao.json: rules.x: no such rule');
  });

  it('comes out of the CLI valid, with the package version and one result per diagnostic', () => {
    const work = path.join(dir, 'cli');
    fs.mkdirSync(path.join(work, '年报'), { recursive: true });
    const text = '一、总体情况\n正文。\n　　二、主动公开政府信息情况\n';
    fs.writeFileSync(path.join(work, '年报', '2023 年报.txt'), text);
    fs.writeFileSync(path.join(work, 'broken.pdf.txt'), Buffer.from([0, 1, 2, 3]));
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif', '--locale', 'zh'], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 2, 'an unreadable file');
    const cliLog: Json = JSON.parse(r.stdout);
    assert.deepEqual(validate(cliLog), []);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(cliLog.runs[0].tool.driver.version, pkg.version);
    const expected = analyze(text).diagnostics;
    assert.ok(expected.length > 0);
    const got = cliLog.runs[0].results as Json[];
    assert.equal(got.length, expected.length);
    got.forEach((res, i) => {
      assert.equal(res.ruleId, expected[i].rule);
      assert.equal(res.message.text, expected[i].message.zh);
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, encodeURIComponent('年报') + '/' + encodeURIComponent('2023 年报.txt'));
      assert.equal(res.locations[0].physicalLocation.region.startColumn, expected[i].range.start.character + 1);
    });
    assert.equal(cliLog.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(cliLog.runs[0].invocations[0].toolExecutionNotifications.length, 1);
  });
});
