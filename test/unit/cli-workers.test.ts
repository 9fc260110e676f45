/**
 * The CLI's worker threads (NIANBAO_THREADS forces them on any machine): the output is byte for byte the
 * output of one thread, in every format, with unreadable files and carry-over among the inputs.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { renderReport, SYNTH_SHAPES } from '../support/synth';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

describe('cli: worker threads', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-workers-'));
    for (let i = 0; i < 70; i++) {
      const shape = SYNTH_SHAPES[i % SYNTH_SHAPES.length];
      const values = i % 7 === 0 ? { t3: { new: { total: '999' } } } : undefined;
      const r = renderReport({ template: i % 2 ? '2019' : '2021', shape, seed: i + 1, ...(values ? { values } : {}) });
      fs.writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.${shape === 'markdown' ? 'md' : 'txt'}`), r.text);
    }
    // A carry-over pair and an unreadable file among them.
    fs.writeFileSync(path.join(dir, 'z-2022.md'), renderReport({ template: '2021', shape: 'markdown', seed: 5, year: 2022, agency: '示例县水利局' }).text);
    fs.writeFileSync(
      path.join(dir, 'z-2023.txt'),
      renderReport({ template: '2021', shape: 'tab-rows', seed: 6, year: 2023, agency: '示例县水利局', values: { t3: { carried: { natural: '7' } } } }).text,
    );
    fs.writeFileSync(path.join(dir, 'broken.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (threads: number, format: string) =>
    spawnSync(process.execPath, [CLI, 'check', '.', '--format', format], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NIANBAO_THREADS: String(threads), LANG: 'zh_CN.UTF-8' },
    });

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: three threads give exactly what one gives`, () => {
      const one = run(1, format);
      const three = run(3, format);
      assert.equal(one.status, 2, 'the unreadable file makes it exit 2');
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.ok(one.stdout.includes('t3-row-total'));
      assert.ok(one.stdout.includes('carry-over'));
    });
  }
});
