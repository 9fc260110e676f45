/**
 * The rule catalogue as a whole (issue 3's "done when"): the seeds' real defects are found at their lines,
 * clean reports in every shape and both templates have no finding at warning or error, and --fix on
 * inconsistent totals leaves no arithmetic finding and changes nothing outside the repaired cells.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, type Diagnostic } from '../../server/src/core';
import { applySafeFixes } from '../../server/src/core/edits';
import { RULES } from '../../server/src/core/rules/registry';
import { renderReport, SYNTH_SHAPES } from '../support/synth';
import { seedFiles } from './seeds.test';

const ARITHMETIC = new Set(['t3-row-total', 't3-results-total', 't3-balance', 't4-total']);

function seedDiagnostics(prefix: string): Diagnostic[] {
  const file = seedFiles().find((f) => path.basename(f).startsWith(prefix));
  assert.ok(file, `seed ${prefix}`);
  return [...analyze(fs.readFileSync(file, 'utf8')).diagnostics];
}

/** 1-based lines of a rule's findings. */
function lines(ds: readonly Diagnostic[], rule: string): number[] {
  return ds.filter((d) => d.rule === rule).map((d) => d.range.start.line + 1);
}

describe('the rule catalogue', function () {
  this.timeout(120000);

  it('has every rule of rules.md, in its order, with metadata and messages', () => {
    const ids = RULES.map((r) => r.meta.id);
    const spec = path.resolve(__dirname, '../../../../shared/reference/rules.md');
    if (fs.existsSync(spec)) {
      const inSpec = [...fs.readFileSync(spec, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info|hint) \|/gm)];
      assert.deepEqual(ids, inSpec.map((m) => m[1]));
      for (const m of inSpec) assert.equal(RULES.find((r) => r.meta.id === m[1])?.meta.severity, m[2], m[1]);
    }
    for (const r of RULES) {
      assert.ok(Object.keys(r.meta.messages).length > 0, r.meta.id);
      assert.ok(r.meta.description.zh && r.meta.description.en, r.meta.id);
    }
  });

  describe('the seeds’ real defects', function () {
    before(function () {
      if (!seedFiles().length) {
        if (process.env.CI) throw new Error('seeds missing');
        this.skip();
      }
    });

    it('004: 共 1823 条 whose parts add to 1623; 处理决定数量 = 上一年项目数量 + 本年增/减 in every row', () => {
      const ds = seedDiagnostics('004');
      assert.deepEqual(lines(ds, 'prose-sum'), [11]);
      assert.ok(ds.find((d) => d.rule === 'prose-sum')!.message.zh.includes('1623'));
      assert.deepEqual(lines(ds, 't2-decisions-vs-items'), [63, 67]);
    });

    it('003: 三、 as the sixth section, 2019 年截至目前 in a 2020 report, 元 in a cell', () => {
      const ds = seedDiagnostics('003');
      assert.ok(lines(ds, 'section-number').includes(232));
      assert.deepEqual(lines(ds, 'stale-year'), [29]);
      assert.deepEqual(lines(ds, 'cell-invalid'), [105]);
    });

    it('001: arabic section numbering found; its correct sums and percentages not flagged', () => {
      const ds = seedDiagnostics('001');
      for (const l of [2, 21, 97]) assert.ok(lines(ds, 'section-number').includes(l), String(l));
      assert.deepEqual(lines(ds, 'prose-sum'), []);
      assert.deepEqual(lines(ds, 'prose-percent'), []);
    });

    it('000: the missing result rows of 表三', () => {
      const ds = seedDiagnostics('000');
      const missing = ds.find((d) => d.rule === 'table-row-missing' && d.message.zh.includes('缺少'));
      assert.ok(missing);
      assert.ok(missing.message.zh.includes('（一）予以公开') && missing.message.zh.includes('（七）总计'));
    });

    it('no seed has a false arithmetic finding: their tables are consistent where they can be read', () => {
      for (const f of seedFiles()) {
        const ds = analyze(fs.readFileSync(f, 'utf8')).diagnostics;
        assert.deepEqual(ds.filter((d) => ARITHMETIC.has(d.rule)).map((d) => d.message.zh), [], path.basename(f));
      }
    });
  });

  it('clean synthetic reports, every shape, both templates: nothing at warning or error', () => {
    for (const template of ['2019', '2021'] as const) {
      for (const shape of SYNTH_SHAPES) {
        for (let seed = 1; seed <= 6; seed++) {
          for (const variants of [false, true]) {
            const r = renderReport({ template, shape, seed, variants });
            const bad = analyze(r.text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
            assert.deepEqual(bad.map((d) => `${d.rule}@${d.range.start.line + 1}: ${d.message.zh}`), [], `${template} ${shape} seed ${seed}`);
          }
        }
      }
    }
  });

  it('--fix on inconsistent totals: no arithmetic finding left, only the repaired cells changed, a second --fix changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'2019' | '2021'>('2019', '2021'),
        fc.constantFrom(...SYNTH_SHAPES),
        fc.integer({ min: 1, max: 10000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 5 }),
        (template, shape, seed, pick, delta) => {
          const clean = renderReport({ template, shape, seed });
          // Perturb one 表三 or 表四 total: the kind of mistake a person makes when a part changes.
          const targets = clean.expected.filter((e) => (e.table === 't3' || e.table === 't4') && e.col === 'total' && e.value !== null);
          const t = targets[pick % targets.length];
          const broken = renderReport({
            template,
            shape,
            seed,
            values: { [t.table]: { [t.row]: { [t.col]: String((t.value ?? 0) + delta) } } },
          });
          const before = analyze(broken.text).diagnostics.filter((d) => ARITHMETIC.has(d.rule));
          assert.ok(before.length > 0, 'the perturbation must be found');
          const fixed = applySafeFixes(broken.text, (x) => analyze(x));
          const after = analyze(fixed.text).diagnostics.filter((d) => ARITHMETIC.has(d.rule));
          assert.deepEqual(after.map((d) => d.message.zh), []);
          // Only cells changed: line by line, the text outside the table cells' ranges is identical.
          const a = broken.text.split(/\r?\n/);
          const b = fixed.text.split(/\r?\n/);
          assert.equal(a.length, b.length);
          const cellLines = new Set(broken.expected.map((e) => e.range.start.line));
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) assert.ok(cellLines.has(i), `line ${i + 1} changed outside a cell`);
          // One total was wrong; the fix puts back the value that makes every relation hold.
          const repaired = analyze(fixed.text).model.cells.find((c) => c.table === t.table && c.row === t.row && c.col === t.col);
          assert.equal(repaired?.value, t.value);
          assert.equal(applySafeFixes(fixed.text, (x) => analyze(x)).text, fixed.text);
        },
      ),
      { numRuns: 60 },
    );
  });
});
