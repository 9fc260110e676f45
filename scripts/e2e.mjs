// npm run test:e2e — nianbao as a user sees it, in a real VS Code (code-server 4.139.1 = VS Code 1.139.1)
// shown in headless Chromium, driven with the keyboard and the mouse; also refreshes the README's pictures
// (docs/images/*.png).
//
//   1. package the extension (npm run package → nianbao.vsix) and install the .vsix into a private extensions
//      folder with `code-server --install-extension`;
//   2. start code-server on a private folder holding a copy of examples/example-report.md (one deliberate defect:
//      表三 row 一、本年新收, 总计 21 where the parts add up to 20) and an empty new-report.md, with a light theme,
//      no minimap, no start page, a 1400×900 window and zh-cn as display language;
//   3. as a user would: open the report with Quick Open, open the Problems panel, find the t3-row-total finding,
//      click it, see the squiggle (diagnostics.png); hover 第二十条第（五）项 and read the regulation
//      (hover.png); put the cursor on the wrong 21, Ctrl+. (quickfix.png), choose 改为 20, see the error go
//      from the editor and the Problems panel; in new-report.md type nianbao-report, Ctrl+Space, accept, and see
//      a complete report skeleton without any error (snippet.png).
//
// Every wait is on a condition in the page and bounded; the part in the browser is bounded as a whole too
// (NIANBAO_E2E_TIMEOUT_MS, default 5 min). Exit code 0 only when every check passed; otherwise the failed
// check is named, and a screenshot of that moment and code-server's log are kept in .vscode-test/e2e/
// (failure.png, code-server.log). code-server, its extension host, the language server and Chromium are killed
// at the end. Nothing is written into the home directory (private XDG_* folders and the browser profile are
// under the git-ignored .vscode-test/). Tools: scripts/editors.mjs (ensureTools installs what is missing), plus
// a CJK font (fonts-noto-cjk) for the Chinese text in the pictures.
//
// Set NIANBAO_E2E_KEEP=1 to keep .vscode-test/e2e/ after a successful run, NIANBAO_E2E_NO_PICTURES=1 to leave
// docs/images/ untouched (the screenshots then go to .vscode-test/e2e/images/).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureTools, launchChromium, ROOT, run, startCodeServer, TOOLS_DIR } from './editors.mjs';

/** From starting code-server to the last check (installing the tools has its own limits, in editors.mjs). */
const BROWSER_TIMEOUT = Number(process.env.NIANBAO_E2E_TIMEOUT_MS) || 5 * 60_000;
/** The longest any single thing in the page may take (the first analysis of a report included). */
const UI_TIMEOUT = 30_000;
/** The workbench's first load, extension host start and extension activation on a slow 2-core machine. */
const LOAD_TIMEOUT = 90_000;
const WORK = path.join(TOOLS_DIR, 'e2e');
const PICTURES = process.env.NIANBAO_E2E_NO_PICTURES === '1' ? path.join(WORK, 'images') : path.join(ROOT, 'docs', 'images');
const VSIX = path.join(ROOT, 'nianbao.vsix');
const EXAMPLE = path.join(ROOT, 'examples', 'example-report.md');
const WINDOW = { width: 1400, height: 900 };

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[e2e ${secs(Date.now() - t0).padStart(7)}] ${msg}`);
const checks = [];
const timings = [];
const pictures = [];

class CheckFailed extends Error {}

function check(ok, what, detail = '') {
  if (!ok) throw new CheckFailed(`${what}${detail ? `\n    ${detail}` : ''}`);
  checks.push(what);
  log(`  ✓ ${what}`);
}

async function step(name, fn) {
  const s = Date.now();
  log(`▶ ${name}`);
  const result = await fn();
  timings.push([name, Date.now() - s]);
  return result;
}

/** Runs `fn`; if it times out, fails with `what` (the condition the user would have been waiting for). */
async function waitFor(what, fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CheckFailed) throw err;
    throw new CheckFailed(`${what}\n    ${String(err.message ?? err).split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Set-up outside the browser

/** Chinese text in the pictures needs a CJK font; Debian's chromium comes without one. */
async function ensureCjkFont() {
  const hasFont = () => spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim();
  if (hasFont()) return;
  const root = !process.getuid || process.getuid() === 0;
  if (!root) throw new CheckFailed('no Chinese font installed (fc-list :lang=zh is empty): apt-get install fonts-noto-cjk');
  log('installing fonts-noto-cjk (Chinese text in the screenshots)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    await run('apt-get', [...lock, '-qq', 'install', '-y', '--no-install-recommends', 'fonts-noto-cjk'], { env, quiet: true, timeoutMs: 15 * 60_000 });
  } catch {
    await run('apt-get', [...lock, '-qq', 'update'], { env, quiet: true, timeoutMs: 15 * 60_000 });
    await run('apt-get', [...lock, '-qq', 'install', '-y', '--no-install-recommends', 'fonts-noto-cjk'], { env, quiet: true, timeoutMs: 15 * 60_000 });
  }
  if (!hasFont()) throw new CheckFailed('fonts-noto-cjk installed but fc-list :lang=zh still lists no font');
}

/**
 * zh-cn as VS Code's display language. `--locale zh-cn` alone leaves VS Code in English (and
 * vscode.env.language 'en') unless a language pack for zh-cn is installed, and the Chinese language pack is not
 * reachable here (open-vsx). An entry in the user data folder's languagepacks.json — the cache VS Code keeps of
 * installed language packs — with an empty translation file makes zh-cn available: the workbench stays in
 * English (no translations), but vscode.env.language is 'zh-cn', so the extension speaks Chinese, as it does
 * for a user with the Chinese language pack.
 */
function makeZhCnAvailable(userDataDir) {
  const translations = path.join(WORK, 'zh-cn.i18n.json');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    'zh-cn': {
      hash: 'e2e0000000000000000000000000zhcn',
      extensions: [{ extensionIdentifier: { id: 'nianbao-e2e.zh-cn-display-language' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

function userSettings() {
  return {
    'workbench.colorTheme': 'Default Light Modern',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.layoutControl.enabled': false,
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'breadcrumbs.enabled': false,
    'editor.fontSize': 14,
    'editor.hover.delay': 300,
    'editor.accessibilitySupport': 'off',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
  };
}

async function prepare() {
  rmSync(WORK, { recursive: true, force: true });
  const dirs = {};
  for (const d of ['user-data', 'extensions', 'profile', 'workspace', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) {
    dirs[d] = path.join(WORK, d);
    mkdirSync(dirs[d], { recursive: true });
  }
  mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(userSettings(), null, 2));
  makeZhCnAvailable(dirs['user-data']);
  copyFileSync(EXAMPLE, path.join(dirs.workspace, 'example-report.md'));
  writeFileSync(path.join(dirs.workspace, 'new-report.md'), '');
  return dirs;
}

async function installExtension(tools, dirs) {
  const config = path.join(WORK, 'code-server.yaml');
  writeFileSync(config, 'cert: false\n');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const out = await run(
    tools.node24,
    [tools.codeServer, '--config', config, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--install-extension', VSIX],
    { env, quiet: true, timeoutMs: 120_000 },
  );
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const installed = readdirSync(dirs.extensions).filter((d) => d.startsWith('nianbao.nianbao-'));
  check(/successfully installed/.test(out) && installed.includes(`nianbao.nianbao-${version}`), `code-server --install-extension nianbao.vsix installed nianbao.nianbao-${version}`, out.trim());
}

// ---------------------------------------------------------------------------------------------------------
// In the page

/** The text editor of the active editor group. */
const EDITOR = '.editor-group-container.active .monaco-editor[data-uri]';

async function screenshot(page, name) {
  mkdirSync(PICTURES, { recursive: true });
  const file = path.join(PICTURES, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'initial' });
  const size = statSync(file).size;
  pictures.push([path.relative(ROOT, file), size]);
  log(`  📷 ${path.relative(ROOT, file)} (${Math.round(size / 1024)} KB)`);
}

/** Quick Open (Ctrl+P), type the file's name, Enter; resolves when its editor is the active one. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitFor('Quick Open (Ctrl+P) shows its input box', () => input.waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
  await page.keyboard.type(name);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: name });
  await waitFor(`Quick Open lists ${name} first`, () => row.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
  await page.keyboard.press('Enter');
  await waitFor(`${name} opens in the active editor`, () =>
    page.locator(`${EDITOR}[data-uri$="/${name}"]`).waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
  );
  await waitFor('Quick Open closes', () => input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
}

/** Go to Line (Ctrl+G) — the line is then rendered (and the cursor at its start). */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitFor('Go to Line (Ctrl+G) shows its input box', () => input.waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await waitFor('Go to Line closes', () => input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
  await waitFor(`the editor shows the cursor on line ${line}`, () =>
    page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+`) }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
  );
}

/**
 * Where `needle` is drawn in the active editor (the `occurrence`-th match on a rendered line whose text contains
 * `lineContains`, 'last' for the last): its rectangle in page coordinates, or null when it is not rendered.
 */
function textRect(page, lineContains, needle, occurrence = 0) {
  return page.evaluate(
    ({ sel, lineContains, needle, occurrence }) => {
      const norm = (s) => s.replace(/\u00a0/g, ' ');
      const editor = document.querySelector(sel);
      if (!editor) return null;
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        const text = norm(line.textContent ?? '');
        if (!text.includes(lineContains)) continue;
        const starts = [];
        for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) starts.push(i);
        if (!starts.length) continue;
        const start = occurrence === 'last' ? starts[starts.length - 1] : starts[occurrence];
        if (start === undefined) continue;
        // Map the character offsets to text nodes (the line is split into token spans).
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let pos = 0;
        let setStart = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent.length;
          if (!setStart && start < pos + len) {
            range.setStart(node, start - pos);
            setStart = true;
          }
          if (setStart && start + needle.length <= pos + len) {
            range.setEnd(node, start + needle.length - pos);
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          pos += len;
        }
      }
      return null;
    },
    { sel: EDITOR, lineContains, needle, occurrence },
  );
}

const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Moves the mouse somewhere harmless (the explorer's empty area), so that no hover stays open. */
async function mouseAway(page) {
  await page.mouse.move(150, 600, { steps: 4 });
}

/**
 * A hover is at most 250 px high until the user drags its edge; the hover of 第二十条第（N）项 is longer. Drag
 * its free edge (the top one when it opens above the line) until all of it shows, as a user would to read it.
 */
async function enlargeHover(page, hover) {
  const overflow = () =>
    hover.evaluate((h) => {
      const contents = h.querySelector('.hover-contents, .monaco-hover-content') ?? h;
      const scroller = h.querySelector('.monaco-scrollable-element') ?? h;
      return contents.scrollHeight - scroller.clientHeight;
    });
  const extra = await overflow();
  if (extra <= 0) return;
  const hb = await hover.boundingBox();
  const sashes = page.locator('.monaco-resizable-hover > .monaco-sash.horizontal:not(.disabled)');
  let sash = null;
  for (const s of await sashes.all()) {
    const b = await s.boundingBox();
    if (b && Math.abs(b.y + b.height / 2 - hb.y) < 8) sash = b;
  }
  if (!sash) return log('    (the hover has no top edge to drag: left as it is)');
  const x = hb.x + hb.width / 2;
  // Into the hover first (it stays open while the pointer is on it), then onto its edge.
  await page.mouse.move(x, hb.y + hb.height / 2, { steps: 5 });
  await page.mouse.move(x, sash.y + sash.height / 2, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(x, sash.y + sash.height / 2 - extra - 12, { steps: 10 });
  await page.mouse.up();
  log(`    dragged the hover's top edge ${extra + 12} px up: ${(await overflow()) <= 0 ? 'all of it shows' : 'still scrolls'}`);
}

/** Clicks into the editor's text area (its lower right, away from any text) to give it the keyboard focus. */
async function focusEditor(page) {
  const box = await page.locator(EDITOR).boundingBox();
  if (!box) throw new CheckFailed('the editor is not shown');
  await page.mouse.click(box.x + box.width - 40, box.y + box.height - 20);
}

async function problemsRows(page) {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** A row of the Problems panel that is a finding (message, source nianbao, rule id, position), not a related location. */
const isFinding = (row) => /\nnianbao\n[a-z0-9-]+\n\[(Ln|行) \d+/.test(row);

async function openProblems(page) {
  await page.keyboard.press('Control+Shift+M');
  await waitFor('the Problems panel opens (Ctrl+Shift+M)', () =>
    page.locator('.markers-panel').waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
  );
}

/** The workbench's problem counters in the status bar (⊗ errors ⚠ warnings). */
async function problemCounts(page) {
  const text = await page.locator('#status\\.problems').first().innerText({ timeout: UI_TIMEOUT });
  const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const reportLines = readFileSync(EXAMPLE, 'utf8').split(/\r?\n/);
  const lineOf = (pred, what) => {
    const i = reportLines.findIndex(pred);
    if (i < 0) throw new CheckFailed(`examples/example-report.md no longer has ${what}`);
    return i + 1;
  };
  const newRowLine = lineOf((l) => l.startsWith('| 一、本年新收') && /\| 21 \|\s*$/.test(l), '表三 row 一、本年新收 ending in | 21 |');
  const clause5Line = lineOf((l) => l.trim() === '第二十条第（五）项', 'a line 第二十条第（五）项');

  await step('package the extension (npm run package)', async () => {
    // npm_config_logs_max=0: no debug log of this inner npm in ~/.npm/_logs.
    await run('npm', ['run', '--silent', 'package'], { env: { ...process.env, npm_config_logs_max: '0' }, quiet: true, timeoutMs: 180_000 });
    const st = statSync(VSIX);
    check(Date.now() - st.mtimeMs < 180_000 && st.size > 10_000, `nianbao.vsix built (${Math.round(st.size / 1024)} KB)`);
  });

  const tools = await step('tools (ensureTools: chromium, Node 24, code-server, playwright-core; a CJK font)', async () => {
    const t = await ensureTools({ log: (m) => log(`  ${m}`), neovim: false });
    await ensureCjkFont();
    return t;
  });

  const dirs = await step('private folders, settings, extension install', async () => {
    const d = await prepare();
    await installExtension(tools, d);
    return d;
  });

  let cs = null;
  let ctx = null;
  let page = null;
  const keepEvidence = async () => {
    if (page) await page.screenshot({ path: path.join(WORK, 'failure.png'), timeout: 10_000 }).catch(() => {});
    if (cs) writeFileSync(path.join(WORK, 'code-server.log'), cs.log());
  };
  const cleanup = async () => {
    await ctx?.close().catch(() => {});
    await cs?.stop().catch(() => {});
  };
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  const overall = setTimeout(() => {
    console.error(`\n✗ e2e FAILED: the browser part took longer than ${secs(BROWSER_TIMEOUT)} (NIANBAO_E2E_TIMEOUT_MS)`);
    keepEvidence().finally(() => cleanup().finally(() => process.exit(1)));
  }, BROWSER_TIMEOUT);
  overall.unref();

  try {
    await step('start code-server and Chromium, load the workbench', async () => {
      cs = await startCodeServer({
        userDataDir: dirs['user-data'],
        extensionsDir: dirs.extensions,
        folder: dirs.workspace,
        extraArgs: ['--locale', 'zh-cn'],
      });
      log(`  code-server on port ${cs.port} (${secs(cs.startedIn ?? 0)})`);
      ctx = await launchChromium(dirs.profile, { viewport: WINDOW, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(cs.url(`?folder=${encodeURIComponent(dirs.workspace)}`), { timeout: LOAD_TIMEOUT });
      await waitFor('the workbench loads and the explorer lists the workspace', () =>
        page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'example-report.md' }).waitFor({ state: 'visible', timeout: LOAD_TIMEOUT }),
      );
      check(true, 'workbench loaded; the explorer lists example-report.md');
    });

    await step('diagnostics: open the report, the Problems panel, the t3-row-total finding', async () => {
      await quickOpen(page, 'example-report.md');
      // The extension's status bar item appears once the language server has analysed the report.
      const nbStatus = page.locator('.statusbar-item', { hasText: /2021 版 · 2022 年 · 1 个问题/ });
      await waitFor('the status bar shows the report read in Chinese: 2021 版 · 2022 年 · 1 个问题 (extension active, zh-cn)', () =>
        nbStatus.first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT }),
      );
      check(true, 'status bar: 2021 版 · 2022 年 · 1 个问题 (the extension runs, in Chinese)');
      // Click into the text, then Ctrl+Shift+M.
      const title = await textRect(page, '政府信息公开工作年度报告', '政府信息公开');
      check(!!title, 'the report is rendered in the editor');
      await page.mouse.click(centre(title).x, centre(title).y);
      await openProblems(page);
      const finding = page.locator('.markers-panel .monaco-list-row', { hasText: 't3-row-total' });
      await waitFor('the Problems panel lists a t3-row-total finding', () => finding.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      const rows = await problemsRows(page);
      const row = rows.find((r) => r.includes('t3-row-total')) ?? '';
      check(
        /表三「一、本年新收」行「总计」列的 21 可能有误：改为 20/.test(row) && new RegExp(`\\[(Ln|行) ${newRowLine}`).test(row),
        `Problems panel: t3-row-total 表三「一、本年新收」行「总计」列的 21 可能有误：改为 20 … [Ln ${newRowLine}]`,
        JSON.stringify(rows),
      );
      const findings = rows.filter(isFinding);
      check(findings.length === 1, 'Problems panel: exactly one finding in the example report (with its related cells below it)', JSON.stringify(rows));
      // Clicking the finding reveals it in the editor, where the squiggle is.
      await finding.first().locator('.marker-message').click();
      const squiggle = page.locator(`${EDITOR} .squiggly-error`);
      await waitFor('an error squiggle is drawn in the editor', () => squiggle.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      // The editor redraws its decorations while it scrolls to the finding: measure until the drawing settles.
      const under = (wrong, box) =>
        !!wrong && !!box && Math.abs(box.x - wrong.x) < 4 && Math.abs(box.x + box.width - (wrong.x + wrong.width)) < 4 && Math.abs(box.y - wrong.y) < wrong.height;
      let wrong = null;
      let box = null;
      for (const until = Date.now() + UI_TIMEOUT; ; ) {
        wrong = await textRect(page, '一、本年新收', '21', 'last');
        box = await squiggle.first().boundingBox();
        if (under(wrong, box) || Date.now() > until) break;
        await page.waitForTimeout(100);
      }
      check(
        under(wrong, box),
        `the error squiggle is under the 21 of line ${newRowLine} (表三 一、本年新收 · 总计)`,
        JSON.stringify({ wrong, box }),
      );
      await mouseAway(page);
      await screenshot(page, 'diagnostics.png');
    });

    await step('hover: 第二十条第（五）项 quotes the regulation', async () => {
      await page.keyboard.press('Control+J'); // hide the panel: room for the hover
      await waitFor('the panel closes (Ctrl+J)', () => page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
      await focusEditor(page);
      await goToLine(page, clause5Line);
      const ref = await textRect(page, '第二十条第（五）项', '第二十条第（五）项');
      check(!!ref, `第二十条第（五）项 (line ${clause5Line}) is rendered`);
      const hover = page.locator('.monaco-hover:visible', { hasText: '办理行政许可' });
      const c = centre(ref);
      await page.mouse.move(c.x - 40, c.y + 30);
      await page.mouse.move(c.x, c.y, { steps: 5 });
      await waitFor('a hover with the text of 第二十条第（五）项 (办理行政许可…) appears', () => hover.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
      check(/办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/.test(text), 'hover quotes 第二十条第（五）项: 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果', text.slice(0, 400));
      await enlargeHover(page, hover.first());
      await screenshot(page, 'hover.png');
      await mouseAway(page);
      await page.keyboard.press('Escape');
      await waitFor('the hover closes', () => page.locator('.monaco-hover:visible', { hasText: '办理行政许可' }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
    });

    await step('quick fix: the cursor on 21, Ctrl+., 改为 20', async () => {
      await goToLine(page, newRowLine);
      const wrong = await textRect(page, '一、本年新收', '21', 'last');
      check(!!wrong, `the 21 of line ${newRowLine} is rendered`);
      await page.mouse.click(wrong.x + wrong.width / 2, wrong.y + wrong.height / 2);
      await waitFor(`the cursor is on line ${newRowLine}`, () =>
        page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${newRowLine}, Col \\d+`) }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
      );
      await mouseAway(page);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget:visible').first();
      await waitFor('the quick fix menu opens (Ctrl+.)', () => menu.waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      const fix = menu.locator('.monaco-list-row', { hasText: '改为 20' });
      await waitFor('the quick fix menu offers 改为 20', () => fix.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      check(items.some((t) => /改为 20/.test(t)), `quick fix menu: ${items.find((t) => /改为 20/.test(t))}`, JSON.stringify(items));
      log(`    menu: ${items.join(' | ')}`);
      await screenshot(page, 'quickfix.png');
      await fix.first().click();
      await waitFor('the quick fix menu closes', () => page.locator('.action-widget .monaco-list-row', { hasText: '改为 20' }).first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
      await waitFor(`line ${newRowLine} now ends in | 20 |`, () =>
        page.waitForFunction(
          ({ sel }) => [...document.querySelectorAll(`${sel} .view-line`)].some((l) => /^\|\s*一、本年新收.*\|\s*20\s*\|\s*$/.test(l.textContent.replace(/\u00a0/g, ' '))),
          { sel: EDITOR },
          { timeout: UI_TIMEOUT },
        ),
      );
      check(true, `the fix replaced the 21 of line ${newRowLine} by 20`);
      await waitFor('the error squiggle goes', () => page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT }));
      check(true, 'no error squiggle left in the editor');
      await openProblems(page);
      await waitFor('the Problems panel no longer lists t3-row-total', () =>
        page.locator('.markers-panel .monaco-list-row', { hasText: 't3-row-total' }).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT }),
      );
      await waitFor('the status bar counts no error any more', () =>
        page.locator('#status\\.problems', { hasText: /^\D*0\D/ }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
      );
      const rows = await problemsRows(page);
      check(!rows.some((r) => r.includes('t3-row-total')), 'Problems panel: the t3-row-total finding is gone', JSON.stringify(rows));
      const after = rows.filter(isFinding).map((r) => r.split('\n').slice(0, 3).join(' '));
      log(`    Problems now: ${after.join(' | ') || '(none)'}`);
      const errorRows = await page.locator('.markers-panel .monaco-list-row[aria-label^="Error"]').count();
      const counts = await problemCounts(page);
      log(`    status bar: ${counts.errors} errors, ${counts.warnings} warnings`);
      // What is left is expected to be a warning: the prose (第一部分) still says 收到申请 21 件.
      check(errorRows === 0 && counts.errors === 0, `no error left in the workspace (status bar: ${counts.errors} errors, ${counts.warnings} warnings)`, JSON.stringify(rows));
      await page.keyboard.press('Control+J');
      await waitFor('the panel closes (Ctrl+J)', () => page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
    });

    await step('snippet: nianbao-report in new-report.md', async () => {
      await quickOpen(page, 'new-report.md');
      await page.keyboard.type('nianbao-report');
      await page.keyboard.press('Control+Space');
      const widget = page.locator(`${EDITOR} .suggest-widget`);
      const focused = widget.locator('.monaco-list-row.focused');
      await waitFor('the suggestion list (Ctrl+Space) offers nianbao-report', () =>
        focused.filter({ hasText: 'nianbao-report' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
      );
      const label = (await focused.first().innerText()).replace(/\s+/g, ' ').trim();
      check(/^nianbao-report\b/.test(label), `suggestion focused: ${label}`);
      await page.keyboard.press('Enter');
      await waitFor('the suggestion list closes', () => widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
      await waitFor('the report skeleton is inserted (# 机关名称2023年政府信息公开工作年度报告)', () =>
        page.locator(`${EDITOR} .view-line`, { hasText: '机关名称2023年政府信息公开工作年度报告' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
      );
      // The status bar follows the active report: the skeleton is read as a 2021-template report of 2023.
      const nbStatus = page.locator('.statusbar-item', { hasText: /2021 版 · 2023 年/ });
      await waitFor('the status bar reads the skeleton: 2021 版 · 2023 年', () => nbStatus.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }));
      const st = (await nbStatus.first().innerText()).trim();
      check(true, `status bar for new-report.md: ${st}`);
      // Code lenses above the tables are drawn once the server has answered for the new text.
      await waitFor('code lenses over the skeleton tables (第二十条第（一）项：…)', () =>
        page.locator(`${EDITOR} .contentWidgets .codelens-decoration, ${EDITOR} .codelens-decoration`, { hasText: '第二十条第（一）项' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT }),
      );
      const errors = await page.locator(`${EDITOR} .squiggly-error`).count();
      check(errors === 0, 'no error squiggle in the inserted skeleton', `${errors} error squiggles`);
      const counts = await problemCounts(page);
      await openProblems(page);
      const rows = await problemsRows(page);
      const errorRows = await page.locator('.markers-panel .monaco-list-row[aria-label^="Error"]').count();
      check(counts.errors === 0 && errorRows === 0, `no error in the workspace (status bar: ${counts.errors} errors, ${counts.warnings} warnings)`, JSON.stringify(rows));
      log(`    Problems: ${rows.filter(isFinding).map((r) => r.split('\n').slice(0, 3).join(' ')).join(' | ') || '(none)'}`);
      await page.keyboard.press('Control+J');
      await waitFor('the panel closes (Ctrl+J)', () => page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT }));
      await mouseAway(page);
      await screenshot(page, 'snippet.png');
    });
  } catch (err) {
    await keepEvidence();
    throw err;
  } finally {
    clearTimeout(overall);
    await cleanup();
  }
}

main().then(
  () => {
    console.log('\n✓ e2e: all checks passed');
    for (const c of checks) console.log(`  ✓ ${c}`);
    console.log('\nTimings:');
    for (const [name, ms] of timings) console.log(`  ${secs(ms).padStart(7)}  ${name}`);
    console.log(`  ${secs(Date.now() - t0).padStart(7)}  total`);
    console.log('\nPictures:');
    for (const [file, size] of pictures) console.log(`  ${file}  ${Math.round(size / 1024)} KB`);
    if (process.env.NIANBAO_E2E_KEEP !== '1') rmSync(WORK, { recursive: true, force: true });
    process.exit(0);
  },
  (err) => {
    console.error(`\n✗ e2e FAILED: ${err instanceof CheckFailed ? err.message : (err.stack ?? err)}`);
    if (checks.length) console.error(`\nPassed before the failure:\n${checks.map((c) => `  ✓ ${c}`).join('\n')}`);
    for (const f of ['failure.png', 'code-server.log']) if (existsSync(path.join(WORK, f))) console.error(`Kept: ${path.relative(ROOT, path.join(WORK, f))}`);
    process.exit(1);
  },
);
