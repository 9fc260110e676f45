/**
 * Runs the integration suite in a real VS Code with @vscode/test-electron:
 *
 *   node out/test/integration/runTest.js
 *
 * VSCODE_EXECUTABLE names the editor to run (a desktop VS Code, or a stand-in that serves code-server — see
 * shared/recipes/real-editors.md); without it @vscode/test-electron downloads VS Code (VSCODE_VERSION, default
 * stable), which needs the internet. The extension is loaded from this repository (package.json, dist/), so
 * build first (`node scripts/build.mjs`).
 */

import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const code = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index'),
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
    launchArgs: [path.join(root, 'test/integration/fixtures'), '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exitCode = code;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
