#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns (VSCODE_EXECUTABLE):
// takes the same arguments, runs the extension tests in code-server (a real VS Code 1.139.1 workbench and
// extension host) shown in headless Chromium, prints the tests' output and exits with their exit code.
// See shared/recipes/real-editors.md. Tools are installed by scripts/editors.mjs ensureTools().
//
//   code-server-standin.mjs [folder] --extensionDevelopmentPath=… --extensionTestsPath=…
//       [--extensions-dir=…] [--user-data-dir=…] [--locale=…] [VS Code flags, ignored]
//
// NIANBAO_STANDIN_TIMEOUT_MS bounds the whole run (default 300000); NIANBAO_STANDIN_VERBOSE=1 also prints
// the browser's console.

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium, runDir, startCodeServer } from './editors.mjs';

const TIMEOUT = Number(process.env.NIANBAO_STANDIN_TIMEOUT_MS) || 300_000;
/** No output from the extension host by then: the tests did not start (see enable-smoke-test-driver). */
const START_TIMEOUT = Math.min(TIMEOUT, 180_000);
const VERBOSE = process.env.NIANBAO_STANDIN_VERBOSE === '1';
const say = (msg) => process.stderr.write(`[code-server-standin] ${msg}\n`);

/** The options runTests passes: `--name=value`, `--name value` for these, bare flags; the rest are paths. */
const VALUED = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'extensions-dir', 'user-data-dir', 'locale']);

function parse(argv) {
  const opts = { extensionDevelopmentPath: [], positional: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      opts.positional.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (!VALUED.has(name)) {
      opts.ignored.push(a);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (name === 'extensionDevelopmentPath') opts.extensionDevelopmentPath.push(path.resolve(value));
    else opts[name] = name === 'locale' ? value : path.resolve(value);
  }
  return opts;
}

let cleanup = async () => {};
let codeServer = null;

/** The end of code-server's output, for failure messages. */
function tail() {
  return codeServer ? `\n--- code-server's output (end) ---\n${codeServer.log().slice(-3000)}` : '';
}
let finishing = false;

async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  if (why) say(why);
  const killer = setTimeout(() => process.exit(code), 20_000); // cleanup itself is bounded
  try {
    await cleanup();
  } catch (err) {
    say(`cleanup: ${err}`);
  }
  clearTimeout(killer);
  process.exit(code);
}

/**
 * A new profile gets settings that keep the editor from reaching for the network or starting chat agents in the
 * background (nothing the tests look at); an existing settings.json is left as it is.
 */
function quietProfile(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.startupEditor': 'none',
  };
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

async function main() {
  const opts = parse(process.argv.slice(2));
  if (!opts.extensionTestsPath || opts.extensionDevelopmentPath.length === 0) {
    throw new Error('usage: code-server-standin.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=PATH [--user-data-dir=DIR] [--extensions-dir=DIR]');
  }
  const target = opts.positional[0] ? path.resolve(opts.positional[0]) : null;
  if (target && !existsSync(target)) throw new Error(`no such folder or workspace: ${target}`);

  const overall = setTimeout(() => finish(124, `timed out after ${TIMEOUT / 1000} s (NIANBAO_STANDIN_TIMEOUT_MS)${tail()}`), TIMEOUT);
  void overall; // kept referenced: the process cannot drain and end with 0 while the tests have not answered
  process.exitCode = 1;
  for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) process.on(sig, () => finish(128 + n, `${sig}: stopping`));

  if (VERBOSE && opts.ignored.length) say(`ignored: ${opts.ignored.join(' ')}`);
  const t0 = Date.now();
  for (const d of [opts['user-data-dir'], opts['extensions-dir']]) if (d) mkdirSync(d, { recursive: true });
  if (opts['user-data-dir']) quietProfile(opts['user-data-dir']);
  const cs = await startCodeServer({
    userDataDir: opts['user-data-dir'],
    extensionsDir: opts['extensions-dir'],
    extraArgs: opts.locale ? ['--locale', opts.locale] : [],
    smokeTestDriver: true,
  });
  codeServer = cs;
  const profile = runDir('chromium');
  process.on('exit', () => rmSync(profile, { recursive: true, force: true })); // however this ends
  // Our own signal handlers do the cleaning up (finish), not playwright-core's, which exit before it is done.
  const launching = launchChromium(profile, { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanup = async () => {
    const bounded = (p, ms) => Promise.race([p, new Promise((r) => setTimeout(r, ms))]);
    const ctx = await bounded(launching.catch(() => null), 15_000); // closed even while it is still starting
    if (ctx) await bounded(ctx.close().catch(() => {}), 10_000);
    await cs.stop();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  say(`code-server on port ${cs.port} (${Date.now() - t0} ms)`);

  const ctx = await launching;
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  let started = false;
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    started = true;
    const line = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exited(Number(code)));
  page.on('crash', () => finish(1, `the workbench page crashed${tail()}`));
  page.on('close', () => finish(1, `the workbench page closed before the tests ended${tail()}`));
  if (VERBOSE) page.on('console', (m) => say(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (err) => VERBOSE && say(`page error: ${err}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [
    ...opts.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
  ];
  const where = target ? `${target.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(target)}&` : 'ew=true&';
  await page.goto(cs.url(`?${where}payload=${encodeURIComponent(JSON.stringify(payload))}`), { timeout: 60_000 });
  say(`workbench opened (${Date.now() - t0} ms)`);
  setTimeout(() => {
    if (!started) finish(1, `no output from the extension host within ${START_TIMEOUT / 1000} s: the tests did not start${tail()}`);
  }, START_TIMEOUT);

  const code = await exitCode;
  say(`tests exited with ${code} (${Date.now() - t0} ms)`);
  await finish(code);
}

// runTests reads our output through pipes; should it be gone (killed), writing must not stop the cleaning up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

// An error nobody caught ends the run through finish(), which cleans up; while it does (e.g. playwright-core
// complaining about a page closed during its launch), such errors are only reported.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => {
    if (finishing) say(`(while stopping) ${err && err.message ? err.message : err}`);
    else finish(1, `${event}: ${err && err.stack ? err.stack : err}${tail()}`);
  });
}
main().catch((err) => finish(1, `error: ${err && err.stack ? err.stack : err}${tail()}`));
