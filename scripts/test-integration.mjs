// npm run test:integration — the extension and its language server in real editors:
//
//   1. bundle (node scripts/build.mjs);
//   2. install what is missing, reuse what is present (scripts/editors.mjs ensureTools: Debian's chromium,
//      build packages and neovim; Node 24 and code-server under .vscode-test/; playwright-core);
//   3. compile the tests (tsc -p .) when a source is newer than out/;
//   4. the @vscode/test-electron + mocha suite (test/integration/) in a real VS Code: code-server through
//      scripts/code-server-standin.mjs as VSCODE_EXECUTABLE; with NIANBAO_VSCODE=desktop, the VS Code desktop
//      that runTests downloads (VSCODE_VERSION, default stable) — for machines that can reach Microsoft;
//   5. Neovim (headless, --clean) as a second LSP client: test/integration/nvim/check.lua against
//      `node dist/server.js --stdio` — diagnostics and a hover on a seed report.
//
// Every step has a time limit; every process started here carries a marker in its environment, and any still
// running at the end is reported (the run fails) and killed. Nothing is written into the home directory.
// Exit code 0 only when every step passed.

import { randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureTools, killGroup, ROOT, runDir, TOOLS_DIR } from './editors.mjs';

const DESKTOP = process.env.NIANBAO_VSCODE === 'desktop';
const MARK = `NIANBAO_INTEGRATION_RUN=${randomUUID()}`;
const results = [];
const log = (msg) => console.log(`[test:integration] ${msg}`);
/** Process groups of the commands running now. */
const active = new Set();
/** TMPDIR of every command: sockets and temporary files stay in .vscode-test/run/. */
const tmp = runDir('tmp');

/** Runs a command in its own process group, its output shown (and kept), killed with its group after `timeoutMs`. */
function exec(cmd, args, { env = {}, timeoutMs, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const [k, v] = MARK.split('=');
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env, [k]: v }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    const onExit = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    process.on('exit', onExit);
    active.add(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(`timed out after ${timeoutMs / 1000} s: ${cmd} ${args.join(' ')}`);
      killGroup(child.pid, 15_000); // SIGTERM first: the stand-in then stops code-server and the browser itself
    }, timeoutMs);
    child.on('error', (err) => {
      out += String(err);
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      await killGroup(child.pid, 3000); // whatever it left in its group
      process.removeListener('exit', onExit);
      active.delete(child.pid);
      resolve({ code: timedOut ? 'timeout' : (code ?? signal), out, timedOut });
    });
  });
}

async function step(name, fn) {
  const t0 = Date.now();
  log(`── ${name}`);
  let ok = false;
  let detail = '';
  try {
    const r = await fn();
    ok = r?.ok ?? true;
    detail = r?.detail ?? '';
  } catch (err) {
    detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.error(err instanceof Error ? err.message : err);
  }
  const secs = (Date.now() - t0) / 1000;
  results.push({ name, ok, secs, detail });
  log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${secs.toFixed(1)} s)${detail ? ` — ${detail}` : ''}`);
  return ok;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Newest modification time of the files below `dir` whose name ends with one of `exts`. */
function newest(dir, exts) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') t = Math.max(t, newest(p, exts));
    } else if (exts.some((x) => e.name.endsWith(x))) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function compileNeeded() {
  const marker = path.join(ROOT, 'out/test/integration/suite/extension.test.js');
  if (!existsSync(marker) || !existsSync(path.join(ROOT, 'out/test/integration/runTest.js'))) return true;
  const sources = Math.max(
    ...['server/src', 'client/src', 'test', 'bench'].map((d) => newest(path.join(ROOT, d), ['.ts', '.json'])),
    statSync(path.join(ROOT, 'tsconfig.json')).mtimeMs,
  );
  return sources > statSync(marker).mtimeMs;
}

/** Processes (other than this one) whose environment holds this run's marker. */
function leftovers() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!environ.split('\0').includes(MARK)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (/\) Z /.test(stat)) continue; // a zombie, about to be reaped
      found.push({ pid: Number(pid), cmd: readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim().slice(0, 200) });
    } catch {}
  }
  return found;
}

function mochaCounts(out) {
  const passing = /(\d+) passing/.exec(out)?.[1];
  const failing = /(\d+) failing/.exec(out)?.[1];
  return passing || failing ? `${passing ?? 0} passing${failing ? `, ${failing} failing` : ''}` : '';
}

async function main() {
  const t0 = Date.now();
  const privateEnv = { TMPDIR: tmp };

  const built = await step('build (node scripts/build.mjs)', async () => {
    const r = await exec(process.execPath, ['scripts/build.mjs'], { timeoutMs: 5 * 60_000, env: privateEnv });
    return { ok: r.code === 0, detail: r.code === 0 ? '' : `exit ${r.code}` };
  });
  let tools = null;
  const installed =
    built &&
    (await step(`tools (${DESKTOP ? 'neovim' : 'apt packages, Node 24, code-server, playwright-core, neovim'})`, async () => {
      tools = await ensureTools({ log: (m) => log(`  ${m}`), codeServer: !DESKTOP, chromium: !DESKTOP, neovim: true });
    }));
  const compiled =
    installed &&
    (await step('compile (tsc -p .)', async () => {
      if (!compileNeeded()) return { detail: 'out/ is up to date' };
      const r = await exec(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { timeoutMs: 10 * 60_000, env: privateEnv });
      return { ok: r.code === 0, detail: r.code === 0 ? '' : `exit ${r.code}` };
    }));

  if (compiled) {
    const editor = DESKTOP ? `VS Code desktop ${process.env.VSCODE_VERSION ?? 'stable'}` : 'code-server 4.139.1 (VS Code 1.139.1)';
    await step(`VS Code: @vscode/test-electron + mocha in ${editor}`, async () => {
      // A fresh profile each run (runTests' default: .vscode-test/user-data, .vscode-test/extensions).
      rmSync(path.join(TOOLS_DIR, 'user-data'), { recursive: true, force: true });
      mkdirSync(path.join(TOOLS_DIR, 'extensions'), { recursive: true });
      const env = { ...privateEnv };
      if (!DESKTOP) env.VSCODE_EXECUTABLE = path.join(ROOT, 'scripts/code-server-standin.mjs');
      // VS Code desktop on Linux needs a display: a virtual one when there is none and xvfb-run is installed.
      const xvfb = DESKTOP && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && hasCommand('xvfb-run');
      const [cmd, ...args] = [...(xvfb ? ['xvfb-run', '-a'] : []), process.execPath, 'out/test/integration/runTest.js'];
      const r = await exec(cmd, args, { timeoutMs: (DESKTOP ? 20 : 8) * 60_000, env });
      const counts = mochaCounts(r.out);
      return { ok: r.code === 0 && !/\d+ failing/.test(r.out), detail: [counts, r.code === 0 ? '' : `exit ${r.code}`].filter(Boolean).join(', ') };
    });
  }

  if (installed) {
    await step('Neovim: nvim --headless --clean -c "luafile test/integration/nvim/check.lua"', async () => {
      const xdg = runDir('nvim');
      const env = { ...privateEnv, NIANBAO_NODE: process.execPath };
      for (const d of ['cache', 'config', 'data', 'state']) {
        mkdirSync(path.join(xdg, d));
        env[`XDG_${d.toUpperCase()}_HOME`] = path.join(xdg, d);
      }
      try {
        const r = await exec(tools?.nvim ?? 'nvim', ['--headless', '--clean', '-c', 'luafile test/integration/nvim/check.lua'], { timeoutMs: 60_000, env });
        const summary = /nvim check: ((?:OK|FAIL).*)/.exec(r.out)?.[1] ?? '';
        return { ok: r.code === 0 && /nvim check: OK/.test(r.out), detail: [summary, r.code === 0 ? '' : `exit ${r.code}`].filter(Boolean).join(', ') };
      } finally {
        rmSync(xdg, { recursive: true, force: true });
      }
    });
  }

  await step('no process left behind', async () => {
    // A moment for processes already on their way out (a browser's crash handler, say) to go.
    let left = leftovers();
    for (const deadline = Date.now() + 5000; left.length && Date.now() < deadline; left = leftovers()) await new Promise((r) => setTimeout(r, 100));
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {}
    }
    return { ok: left.length === 0, detail: left.length ? `killed ${left.map((p) => `${p.pid} ${p.cmd}`).join('; ')}` : '' };
  });
  rmSync(tmp, { recursive: true, force: true });

  const failed = results.filter((r) => !r.ok);
  console.log('\nIntegration summary');
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.secs.toFixed(1).padStart(6)} s  ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
  console.log(`  ${failed.length ? `${failed.length} step(s) failed` : 'all passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exitCode = failed.length ? 1 : 0;
}

// Interrupted (Ctrl-C, a CI's cancel): the commands run in process groups of their own, so they hear of it from
// here; then whatever carries this run's marker goes too.
let interrupted = false;
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(sig, async () => {
    if (interrupted) return;
    interrupted = true;
    log(`${sig}: stopping`);
    await Promise.all([...active].map((pgid) => killGroup(pgid, 15_000)));
    for (const p of leftovers()) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {}
    }
    rmSync(tmp, { recursive: true, force: true });
    process.exit(128 + n);
  });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
