/**
 * carry-over: this year's 二、上年结转 against last year's 四、结转下年度继续办理, across reports of one agency,
 * in the core (checkAcross) and through the CLI over a folder.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyze } from '../../server/src/core';
import { checkAcross } from '../../server/src/core/across';
import { renderReport } from '../support/synth';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function pair(carriedNatural: string, agency2 = '示例县水利局') {
  const last = renderReport({ template: '2021', shape: 'markdown', seed: 5, year: 2022, agency: '示例县水利局' });
  const outNatural = String(last.values.t3!['carry-out'].natural);
  const now = renderReport({
    template: '2021',
    shape: 'tab-rows',
    seed: 6,
    year: 2023,
    agency: agency2,
    values: { t3: { carried: { natural: carriedNatural } } },
  });
  return { last, now, outNatural };
}

describe('carry-over across reports', () => {
  it('flags a 上年结转 that differs from last year’s 结转下年度, naming both figures and the file', () => {
    const { last, now, outNatural } = pair('7');
    const inputs = [
      { name: '2022.md', model: analyze(last.text).model },
      { name: '2023.txt', model: analyze(now.text).model },
    ];
    const out = checkAcross(inputs);
    assert.equal(out.get(0), undefined, 'the earlier report gets nothing');
    const found = out.get(1) ?? [];
    const natural = found.find((d) => d.message.zh.includes('「自然人」'));
    assert.ok(natural, JSON.stringify(found.map((d) => d.message.zh)));
    assert.equal(natural.rule, 'carry-over');
    assert.equal(natural.severity, 'warning');
    assert.ok(natural.message.zh.includes(`为 7，而 2022 年报告（2022.md）`) && natural.message.zh.includes(`为 ${outNatural}`), natural.message.zh);
    const cell = inputs[1].model.cells.find((c) => c.table === 't3' && c.row === 'carried' && c.col === 'natural');
    assert.deepEqual(natural.range, cell?.range);
  });

  it('says nothing when the figures agree, for another agency, or for years that are not consecutive', () => {
    const { last, outNatural } = pair('0');
    const agree = pair(outNatural);
    const other = pair('7', '示例县林业局');
    const lastModel = analyze(last.text).model;
    const sameNatural = (checkAcross([
      { name: 'a', model: lastModel },
      { name: 'b', model: analyze(agree.now.text).model },
    ]).get(1) ?? []).filter((d) => d.message.zh.includes('「自然人」'));
    assert.deepEqual(sameNatural, []);
    assert.equal(checkAcross([{ name: 'a', model: lastModel }, { name: 'b', model: analyze(other.now.text).model }]).size, 0);
    const gap = renderReport({ template: '2021', shape: 'markdown', seed: 6, year: 2024, agency: '示例县水利局', values: { t3: { carried: { natural: '7' } } } });
    assert.equal(checkAcross([{ name: 'a', model: lastModel }, { name: 'c', model: analyze(gap.text).model }]).size, 0);
  });

  it('honours the rule being turned off, and runs in the CLI over a folder', () => {
    const { last, now } = pair('7');
    assert.equal(
      checkAcross([
        { name: 'a', model: analyze(last.text).model, options: { rules: { 'carry-over': 'off' } } },
        { name: 'b', model: analyze(now.text).model, options: { rules: { 'carry-over': 'off' } } },
      ]).size,
      0,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-across-'));
    try {
      fs.writeFileSync(path.join(dir, '2022.md'), last.text);
      fs.writeFileSync(path.join(dir, '2023.txt'), now.text);
      const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
      const doc = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { rule: string }[] }[] };
      const f2023 = doc.files.find((f) => f.file === '2023.txt');
      assert.ok(f2023?.diagnostics.some((d) => d.rule === 'carry-over'));
      assert.ok(!doc.files.find((f) => f.file === '2022.md')?.diagnostics.some((d) => d.rule === 'carry-over'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
