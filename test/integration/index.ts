/**
 * The entry point @vscode/test-electron loads inside VS Code (`--extensionTestsPath` → out/test/integration/index.js):
 * runs every out/test/integration/suite/*.test.js with mocha and rejects when a test fails.
 *
 * These tests import `vscode`, so they only run inside the editor; the unit test run (`.mocharc.json`: out/test/unit,
 * out/test/protocol) never loads them.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.NIANBAO_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
