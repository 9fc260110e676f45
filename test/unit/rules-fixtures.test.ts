/**
 * Rule fixtures with their expectations written in the fixture itself (as markdownlint does).
 *
 * Layout: test/fixtures/rules/<rule-id>/<name>.md|.txt. In a fixture:
 *   <!-- expect: rule-id[, rule-id…] -->   on a line of its own: a finding of each rule starts on the next
 *                                          line that is not itself a comment;
 *   <!-- options: {"year": 2021} -->       analysis options for this file (JSON);
 *   <!-- fix: <file name> -->              after `--fix` (every safe fix, repeatedly) the text must equal the
 *                                          named file in the same folder (markers compared too);
 * Every finding of the folder's rule must be expected by a marker, and every marker must be met; findings of
 * other rules are not this fixture's business. A fixture without markers is one the rule must stay silent on.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalyzeOptions } from '../../server/src/core';
import { applySafeFixes } from '../../server/src/core/edits';
import { RULES } from '../../server/src/core/rules/registry';

export const RULE_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/rules');

interface Expectation {
  readonly rule: string;
  readonly line: number;
}

export function readMarkers(text: string): { expected: Expectation[]; options: AnalyzeOptions; fix: string | null } {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: Expectation[] = [];
  let options: AnalyzeOptions = {};
  let fix: string | null = null;
  const isComment = (l: string): boolean => /^\s*<!--.*-->\s*$/.test(l);
  lines.forEach((line, i) => {
    let m = /^\s*<!--\s*expect:\s*(.+?)\s*-->\s*$/.exec(line);
    if (m) {
      let target = i + 1;
      while (target < lines.length && isComment(lines[target])) target++;
      for (const rule of m[1].split(/[\s,]+/).filter(Boolean)) expected.push({ rule, line: target });
      return;
    }
    m = /^\s*<!--\s*options:\s*(\{.*\})\s*-->\s*$/.exec(line);
    if (m) options = JSON.parse(m[1]) as AnalyzeOptions;
    m = /^\s*<!--\s*fix:\s*(\S+)\s*-->\s*$/.exec(line);
    if (m) fix = m[1];
  });
  return { expected, options, fix };
}

function fixtureFiles(): { rule: string; file: string }[] {
  if (!fs.existsSync(RULE_FIXTURES)) return [];
  const out: { rule: string; file: string }[] = [];
  for (const rule of fs.readdirSync(RULE_FIXTURES).sort()) {
    const dir = path.join(RULE_FIXTURES, rule);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (/\.(md|txt)$/.test(f) && !/\.fixed\.(md|txt)$/.test(f)) out.push({ rule, file: path.join(dir, f) });
    }
  }
  return out;
}

describe('rule fixtures (expectations marked in the fixtures)', () => {
  const files = fixtureFiles();

  it('every rule has fixtures that trigger it and fixtures that must not, in more than one shape', () => {
    // Rules across reports need two files: test/unit/across.test.ts.
    for (const rule of RULES.filter((r) => r.meta.category !== 'across')) {
      const mine = files.filter((f) => f.rule === rule.meta.id);
      const triggering = mine.filter((f) => readMarkers(fs.readFileSync(f.file, 'utf8')).expected.some((e) => e.rule === rule.meta.id));
      const silent = mine.filter((f) => !readMarkers(fs.readFileSync(f.file, 'utf8')).expected.some((e) => e.rule === rule.meta.id));
      assert.ok(triggering.length >= 1, `${rule.meta.id}: no fixture triggers it`);
      assert.ok(silent.length >= 1, `${rule.meta.id}: no fixture it must stay silent on`);
      assert.ok(new Set(mine.map((f) => path.extname(f.file))).size >= 1);
    }
  });

  for (const { rule, file } of files) {
    it(`${rule}: ${path.basename(file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const { expected, options, fix } = readMarkers(text);
      const result = analyze(text, options);
      const mine = result.diagnostics.filter((d) => d.rule === rule || expected.some((e) => e.rule === d.rule));
      for (const e of expected) {
        assert.ok(
          mine.some((d) => d.rule === e.rule && d.range.start.line === e.line),
          `expected ${e.rule} on line ${e.line + 1}; got ${mine.map((d) => `${d.rule}@${d.range.start.line + 1}`).join(', ') || 'nothing'}`,
        );
      }
      for (const d of mine.filter((x) => x.rule === rule)) {
        assert.ok(
          expected.some((e) => e.rule === d.rule && e.line === d.range.start.line),
          `unexpected ${d.rule} on line ${d.range.start.line + 1}: ${d.message.zh}`,
        );
        // Every finding names its figures or labels: no bare "wrong" message.
        assert.ok(d.message.zh.length > 8 && d.message.en.length > 8);
      }
      if (fix) {
        const want = fs.readFileSync(path.join(path.dirname(file), fix), 'utf8');
        const once = applySafeFixes(text, (t) => analyze(t, options));
        assert.equal(once.text, want, 'text after --fix');
        const twice = applySafeFixes(once.text, (t) => analyze(t, options));
        assert.equal(twice.text, once.text, 'a second --fix changes nothing');
      }
    });
  }
});
