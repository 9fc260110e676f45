/**
 * The command line: argument parsing, globs and folder search in process; everything else through the real
 * bundle (`node dist/cli.js`, built by `npm test` before mocha runs) on files written to a temporary folder.
 *
 * Expected diagnostics are computed with the core's own `analyze` on the same text, so these tests pin the
 * CLI's translation (positions, order, locale, formats, exit codes), not what the rules happen to find today.
 */

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/index';
import type { AnalysisResult } from '../../server/src/core/index';
import { RULES } from '../../server/src/core/rules/registry';
import { localeFromEnv, parseArgs } from '../../server/src/cli/args';
import { compileGlob, hasMagic } from '../../server/src/cli/glob';
import { resolveInputs } from '../../server/src/cli/files';
import { fixDecoded } from '../../server/src/cli/check';
import { decodeReport, type Decoded } from '../../server/src/cli/decode';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { applySafeFixes } from '../../server/src/core/edits';
import { renderExampleReport } from '../support/synth';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** A draft with two section headings (the second indented by full-width spaces) and no tables. */
const REPORT = '一、总体情况\n本机关全年主动公开政府信息😀。\r\n　　二、主动公开政府信息情况\n';
/** The same first heading in GB18030 bytes. */
const GB_HEADING = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a]);
const ALL_OFF = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, 'off'])) };

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function noStackTrace(r: Run): void {
  assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .+[(:]\d+/);
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-'));
}

function write(dir: string, rel: string, content: string | Uint8Array): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

let gbkTable: Map<string, Buffer> | null = null;

/**
 * Encodes text in GB18030's two-byte (GBK) part, for test input: Node can decode GB18030 but not encode it, so
 * the table is built by decoding every two-byte code. Throws on a character outside GBK.
 */
function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const pair = Buffer.from([lead, trail]);
        try {
          const ch = dec.decode(pair);
          if (!gbkTable.has(ch)) gbkTable.set(ch, pair);
        } catch {
          // Not a character.
        }
      }
    }
  }
  const table = gbkTable;
  const parts: Buffer[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) parts.push(Buffer.from(ch, 'latin1'));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      parts.push(pair);
    }
  }
  return Buffer.concat(parts);
}

/** The text line the CLI must print for a diagnostic. */
function textLine(file: string, d: Diagnostic, locale: 'zh' | 'en'): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.rule} ${d.message[locale]}`;
}

describe('cli: arguments', () => {
  const env = { LANG: 'en_US.UTF-8' };

  it('defaults to text, no fix, no config, the current folder', () => {
    assert.deepEqual(parseArgs(['check'], env), {
      command: 'check',
      paths: ['.'],
      format: 'text',
      fix: false,
      config: null,
      output: null,
      locale: 'en',
    });
  });

  it('reads every option, before or after paths, with = or a separate value', () => {
    const p = parseArgs(['--format=json', 'check', 'a.txt', '--fix', '-o', 'out.json', '--config', 'c.json', '--locale', 'zh', 'b'], env);
    assert.deepEqual(p, { command: 'check', paths: ['a.txt', 'b'], format: 'json', fix: true, config: 'c.json', output: 'out.json', locale: 'zh' });
  });

  it('takes everything after -- as paths', () => {
    const p = parseArgs(['check', '--', '--fix', '-o'], env);
    assert.equal(p.command, 'check');
    if (p.command === 'check') {
      assert.deepEqual(p.paths, ['--fix', '-o']);
      assert.equal(p.fix, false);
    }
  });

  it('reports usage errors in the chosen language', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--bogus'], /unknown option: --bogus/],
      [['check', '--format', 'xml'], /--format must be text, json or sarif/],
      [['check', '--locale', 'fr'], /--locale must be zh or en/],
      [['check', '--config'], /--config needs a value/],
      [['check', '--fix=yes'], /--fix takes no value/],
      [['lint', 'a.txt'], /unknown command "lint"; did you mean nianbao check lint/],
      [[], /missing command/],
    ];
    for (const [argv, re] of cases) {
      const p = parseArgs(argv, env);
      assert.equal(p.command, 'usage-error', argv.join(' '));
      if (p.command === 'usage-error') assert.match(p.message.en, re);
    }
    const zh = parseArgs(['check', '--bogus', '--locale', 'zh'], env);
    assert.equal(zh.locale, 'zh');
  });

  it('lets --help and --version win over other problems', () => {
    assert.equal(parseArgs(['--bogus', '--help'], env).command, 'help');
    assert.equal(parseArgs(['check', '-h'], env).command, 'help');
    assert.equal(parseArgs(['--version'], env).command, 'version');
  });

  it('takes the locale from LC_ALL, then LC_MESSAGES, then LANG; English only for en*', () => {
    assert.equal(localeFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
    assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'en_US', LANG: 'zh_CN' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'en' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'C.UTF-8' }), 'zh');
    assert.equal(localeFromEnv({}), 'zh');
  });
});

describe('cli: globs', () => {
  function matches(pattern: string, rel: string): boolean {
    return compileGlob(pattern).regex.test(rel);
  }

  it('splits off the static base', () => {
    assert.equal(compileGlob('reports/2023/**/*.md').base, 'reports/2023');
    assert.equal(compileGlob('*.txt').base, '');
    assert.equal(compileGlob('/abs/dir/*.md').base, '/abs/dir');
    assert.equal(compileGlob('/*.md').base, '/');
    assert.equal(compileGlob('a\\*b/*.md').base, 'a*b');
  });

  it('matches * and ? within one segment only', () => {
    assert.ok(matches('*.txt', 'a.txt'));
    assert.ok(!matches('*.txt', 'sub/a.txt'));
    assert.ok(matches('r?.md', 'r1.md'));
    assert.ok(!matches('r?.md', 'r12.md'));
    assert.ok(!matches('a?b', 'a/b'));
  });

  it('matches ** across any number of folders, none included', () => {
    assert.ok(matches('**/*.md', 'a.md'));
    assert.ok(matches('**/*.md', 'x/y/z/a.md'));
    assert.ok(matches('r/**/z.md', 'r/z.md'));
    assert.ok(matches('r/**', 'r/a/b.txt'));
    assert.ok(!matches('**/*.md', 'x/a.txt'));
    assert.equal(compileGlob('r/**/z.md').maxDepth, Infinity);
    assert.equal(compileGlob('r/*/z.md').maxDepth, 2);
  });

  it('matches classes, negated classes and ranges', () => {
    assert.ok(matches('20[12][0-9].txt', '2023.txt'));
    assert.ok(!matches('20[12][0-9].txt', '2033.txt'));
    assert.ok(matches('[!a]*.md', 'b.md'));
    assert.ok(!matches('[!a]*.md', 'a.md'));
    assert.ok(matches('[^a]*.md', 'b.md'));
    assert.ok(matches('[]]x', ']x'));
    assert.ok(matches('a[', 'a['), 'an unclosed [ is literal');
  });

  it('matches {a,b} alternatives, nested, and takes {a} literally', () => {
    assert.ok(matches('*.{md,txt}', 'a.md'));
    assert.ok(matches('*.{md,txt}', 'a.txt'));
    assert.ok(!matches('*.{md,txt}', 'a.doc'));
    assert.ok(matches('{a,b{1,2}}.md', 'b2.md'));
    assert.ok(!matches('{a,b{1,2}}.md', 'b3.md'));
    assert.ok(matches('{a}.md', '{a}.md'));
    assert.ok(matches('{x,y/z}/*.md', 'y/z/r.md'));
    assert.equal(compileGlob('{x,y/z}/*.md').maxDepth, Infinity);
  });

  it('escapes regex characters and honours backslash escapes', () => {
    assert.ok(matches('a+b(1)*.md', 'a+b(1).md'));
    assert.ok(!matches('a+b(1)*.md', 'aab(1).md'));
    assert.ok(!matches('*a.md', 'xabmd'));
    assert.ok(matches('\\*?.md', '*a.md'));
    assert.ok(!matches('\\*?.md', 'ba.md'));
  });

  it('knows what has wildcards', () => {
    assert.ok(hasMagic('a/*.md'));
    assert.ok(hasMagic('{a,b}'));
    assert.ok(!hasMagic('plain/path.md'));
    assert.ok(!hasMagic('escaped\\*.md'));
  });
});

describe('cli: finding files', () => {
  let dir: string;

  before(() => {
    dir = tmpDir();
    write(dir, 'b.txt', 'x');
    write(dir, 'a.md', 'x');
    write(dir, 'sub/c.markdown', 'x');
    write(dir, 'sub/deep/d.TXT', 'x');
    write(dir, 'sub/e.docx', 'x');
    write(dir, 'sub/notes.json', '{}');
    write(dir, '.git/f.txt', 'x');
    write(dir, '.hidden/g.md', 'x');
    write(dir, 'node_modules/pkg/h.md', 'x');
    write(dir, 'empty/readme.rst', 'x');
    // A link back up: following it naively would never end.
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub', 'deep', 'up'), 'dir');
    fs.symlinkSync(path.join(dir, 'sub', 'deep'), path.join(dir, 'linked'), 'dir');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function displays(args: string[]): string[] {
    const r = resolveInputs(args, dir);
    assert.deepEqual(r.errors, []);
    return r.files.map((f) => f.display);
  }

  it('searches folders recursively for reports, skipping hidden folders and node_modules, ending link loops', () => {
    // linked/ is sub/deep/ again: its report is listed once, under its own path.
    assert.deepEqual(displays(['.']), ['a.md', 'b.txt', 'sub/c.markdown', 'sub/deep/d.TXT']);
  });

  it('follows a linked folder named on the command line, or reached only through the link', () => {
    // linked/up leads to sub/, which is not above linked/: followed once, until sub/deep (= linked) comes again.
    assert.deepEqual(displays(['linked']), ['linked/d.TXT', 'linked/up/c.markdown']);
    assert.deepEqual(displays(['l*/*']), ['linked/d.TXT', 'linked/up/c.markdown']);
    assert.deepEqual(displays(['sub/deep/up']), ['sub/deep/up/c.markdown', 'sub/deep/up/deep/d.TXT']);
  });

  it('takes a file named explicitly whatever its extension, and drops duplicates', () => {
    assert.deepEqual(displays(['sub/e.docx', 'b.txt', './b.txt', path.join(dir, 'b.txt'), 'sub']), [
      'b.txt',
      'sub/c.markdown',
      'sub/deep/d.TXT',
      'sub/e.docx',
    ]);
  });

  it('does not count a folder whose reports were already listed as empty', () => {
    assert.deepEqual(displays(['sub', 'sub/deep']), ['sub/c.markdown', 'sub/deep/d.TXT']);
  });

  it('expands globs from their static base, searching folders they match', () => {
    assert.deepEqual(displays(['**/*.md']), ['a.md']);
    assert.deepEqual(displays(['sub/**/*.{markdown,TXT}']), ['sub/c.markdown', 'sub/deep/d.TXT']);
    assert.deepEqual(displays(['s?b/*']), ['sub/c.markdown', 'sub/deep/d.TXT', 'sub/e.docx', 'sub/notes.json']);
    assert.deepEqual(displays(['[ab].*']), ['a.md', 'b.txt']);
  });

  it('reports paths and globs that match nothing', () => {
    const r = resolveInputs(['missing.txt', 'nothing/**/*.md', '*.pdf', 'empty', 'a.md'], dir);
    assert.deepEqual(r.files.map((f) => f.display), ['a.md']);
    assert.deepEqual(r.errors.map((e) => e.en), [
      'missing.txt: no such file or folder',
      'nothing/**/*.md: no file matches this glob',
      '*.pdf: no file matches this glob',
      'empty: the folder holds no .txt, .md or .markdown file',
    ]);
  });

  it('shows files outside the working folder with their absolute path', () => {
    const r = resolveInputs([path.join(dir, 'a.md')], path.join(dir, 'sub'));
    assert.deepEqual(r.files.map((f) => f.display), [path.join(dir, 'a.md')]);
  });
});

describe('cli: --fix in process', () => {
  /** A fake analysis offering a safe fix for every "ＸＸ" (full-width X), turning it into "XX". */
  function fakeAnalyze(text: string): AnalysisResult {
    const real = analyze('');
    const diagnostics: Diagnostic[] = [];
    text.split(/\r\n|\r|\n/).forEach((line, l) => {
      const c = line.indexOf('ＸＸ');
      if (c >= 0) {
        const range = { start: { line: l, character: c }, end: { line: l, character: c + 2 } };
        diagnostics.push({
          rule: 'fake',
          severity: 'warning',
          message: { zh: '全角', en: 'full width' },
          range,
          fix: { title: { zh: '改为半角', en: 'make half width' }, edits: [{ range, newText: 'XX' }], safe: true },
        });
      }
    });
    return { model: real.model, diagnostics, suppressed: [] };
  }

  function decoded(bytes: Buffer): Decoded {
    const d = decodeReport(bytes, 'r.txt');
    assert.ok(d.ok);
    return d as Decoded;
  }

  it('writes fixes back in UTF-16BE with BOM and CRLF line breaks intact', () => {
    const before = '第一行ＸＸ\r\n第二行ＸＸ😀\r\n';
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(before, 'utf16le').swap16()]);
    const out = fixDecoded(decoded(bytes), fakeAnalyze);
    assert.equal(out.fixes, 2);
    assert.equal(out.error, null);
    const expected = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('第一行XX\r\n第二行XX😀\r\n', 'utf16le').swap16()]);
    assert.deepEqual(out.bytes, expected);
    assert.deepEqual(out.result.diagnostics, []);
  });

  it('keeps a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('aＸＸb\n')]);
    const out = fixDecoded(decoded(bytes), fakeAnalyze);
    assert.deepEqual(out.bytes, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('aXXb\n')]));
  });

  it('returns no bytes when nothing changes', () => {
    const out = fixDecoded(decoded(Buffer.from('nothing to fix\n')), fakeAnalyze);
    assert.equal(out.bytes, null);
    assert.equal(out.fixes, 0);
    assert.equal(out.error, null);
  });

  it('refuses to write a GB18030 file, saying why, and reports the text as it is', () => {
    // 一 followed by ＸＸ (full-width X is A3D8 in GB18030).
    const bytes = Buffer.from([0xd2, 0xbb, 0xa3, 0xd8, 0xa3, 0xd8, 0x0a]);
    const d = decoded(bytes);
    assert.equal(d.encoding, 'gb18030');
    const out = fixDecoded(d, fakeAnalyze);
    assert.equal(out.bytes, null);
    assert.equal(out.fixes, 0);
    assert.ok(out.error);
    assert.match(out.error.en, /GB18030.*save it as UTF-8/);
    assert.equal(out.result.diagnostics.length, 1);
  });
});

describe('cli: the bundle', function () {
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run node scripts/build.mjs');
    dir = tmpDir();
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A fresh folder under the test's temporary folder. */
  function sub(name: string): string {
    const d = path.join(dir, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  }

  it('prints the version from package.json, and help in both languages', () => {
    const v = cli(['--version'], dir);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, PKG.version + '\n');
    const en = cli(['--help'], dir);
    assert.equal(en.status, 0);
    assert.match(en.stdout, /^Usage: nianbao check \[files \| folders \| globs\]/);
    for (const opt of ['--format text|json|sarif', '-o, --output FILE', '--fix', '--config FILE', '--locale zh|en', '--version']) {
      assert.ok(en.stdout.includes(opt), opt);
    }
    const zh = cli(['check', '--help'], dir, { LANG: 'zh_CN.UTF-8' });
    assert.match(zh.stdout, /^用法：nianbao check/);
  });

  it('exits 2 on usage errors with a one-line message and a hint', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--nope'], ['frobnicate'], []]) {
      const r = cli(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^nianbao: error: .+\nnianbao: error: run nianbao --help for usage\n$/);
      noStackTrace(r);
    }
  });

  it('prints one line per diagnostic, files sorted, then the summary; exit 1 on errors', () => {
    const d = sub('text');
    write(d, 'b.md', REPORT);
    write(d, 'a/z.txt', REPORT);
    write(d, 'a/clean.txt', '');
    const expected = analyze(REPORT).diagnostics;
    // The test means something only if the draft has an error, one of them away from column 1.
    assert.ok(expected.some((x) => x.severity === 'error'));
    assert.ok(expected.some((x) => x.range.start.character > 0));
    const r = cli(['check', '.'], d);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    const summary = lines.pop();
    assert.deepEqual(lines, [...expected.map((x) => textLine('a/z.txt', x, 'en')), ...expected.map((x) => textLine('b.md', x, 'en'))]);
    const count = (s: string) => 2 * expected.filter((x) => x.severity === s).length;
    const n = 2 * expected.length;
    const plural = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
    assert.equal(
      summary,
      `✖ ${plural(n, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info, ${plural(count('hint'), 'hint')}) in 3 files`,
    );
  });

  it('speaks Chinese by default and when LANG says so', () => {
    const d = sub('zh');
    write(d, 'r.txt', REPORT);
    const expected = analyze(REPORT).diagnostics;
    const envs: Record<string, string>[] = [{ LANG: 'zh_CN.UTF-8' }, { LANG: '' }, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }];
    for (const env of envs) {
      const r = cli(['check', 'r.txt'], d, env);
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines[0], textLine('r.txt', expected[0], 'zh'));
      const e = expected.filter((x) => x.severity === 'error').length;
      const w = expected.filter((x) => x.severity === 'warning').length;
      const i = expected.filter((x) => x.severity === 'info').length;
      const h = expected.filter((x) => x.severity === 'hint').length;
      assert.equal(lines[lines.length - 1], `✖ 1 个文件中发现 ${expected.length} 个问题（错误 ${e}，警告 ${w}，提示 ${i}，建议 ${h}）`);
    }
    const en = cli(['check', 'r.txt', '--locale', 'en'], d, { LANG: 'zh_CN.UTF-8' });
    assert.equal(en.stdout.split('\n')[0], textLine('r.txt', expected[0], 'en'));
  });

  it('says so when there is no problem, and exits 0 (rules turned off by --config)', () => {
    const d = sub('clean');
    write(d, 'r1.txt', REPORT);
    write(d, 'r2.md', REPORT);
    write(d, 'cfg.json', JSON.stringify(ALL_OFF));
    const r = cli(['check', '*.txt', '*.md', '--config', 'cfg.json'], d);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '✔ no problems in 2 files\n');
    assert.equal(r.status, 0);
    const zh = cli(['check', 'r1.txt', '--config', 'cfg.json', '--locale', 'zh'], d);
    assert.equal(zh.stdout, '✔ 1 个文件中未发现问题\n');
  });

  it('lowers a rule to warning through --config, which makes the exit code 0', () => {
    const d = sub('lowered');
    write(d, 'r.txt', REPORT);
    const errorRules = [...new Set(analyze(REPORT).diagnostics.filter((x) => x.severity === 'error').map((x) => x.rule))];
    write(d, 'cfg.json', JSON.stringify({ rules: Object.fromEntries(errorRules.map((id) => [id, 'warning'])) }));
    const r = cli(['check', 'r.txt', '--config', 'cfg.json'], d);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.split('\n').some((l) => / warning /.test(l) && errorRules.some((id) => l.includes(` warning ${id} `))));
  });

  it('reports config errors by key and goes on; stops on unreadable or invalid JSON config', () => {
    const d = sub('config');
    write(d, 'r.txt', REPORT);
    write(d, 'bad-keys.json', JSON.stringify({ ...ALL_OFF, rules: { ...ALL_OFF.rules, 'no-such-rule': 'off' }, year: 'soon' }));
    const r = cli(['check', 'r.txt', '--config', 'bad-keys.json'], d);
    assert.equal(r.status, 0);
    assert.equal(
      r.stderr,
      'bad-keys.json: error: rules.no-such-rule: there is no rule with the id "no-such-rule"\n' +
        'bad-keys.json: error: year: "soon" is not valid; use a whole year from 2008 to 2100\n',
    );
    // The valid part (every rule off) still applied.
    assert.equal(r.stdout, '✔ no problems in 1 file\n');

    write(d, 'broken.json', '{"rules": ');
    const broken = cli(['check', 'r.txt', '--config', 'broken.json'], d);
    assert.equal(broken.status, 2);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, /^broken\.json: error: invalid JSON: .+\n$/);
    const missing = cli(['check', 'r.txt', '--config', 'missing.json'], d);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'missing.json: error: no such file\n');
    noStackTrace(broken);
  });

  it('reads the same report identically in UTF-8, UTF-8 BOM, UTF-16 LE/BE and GB18030', () => {
    const d = sub('encodings');
    const text = '一、总体情况\n';
    assert.equal(new TextDecoder('gb18030').decode(GB_HEADING), text);
    write(d, 'u8.txt', Buffer.from(text));
    write(d, 'u8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    write(d, 'u16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    write(d, 'u16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    write(d, 'gb.txt', GB_HEADING);
    const r = cli(['check', '.', '--format', 'json'], d);
    const doc = JSON.parse(r.stdout) as { files: { file: string; encoding: string; diagnostics: unknown[]; sections: unknown[] }[] };
    assert.deepEqual(
      doc.files.map((f) => [f.file, f.encoding]),
      [
        ['gb.txt', 'gb18030'],
        ['u16be.txt', 'utf-16be'],
        ['u16le.txt', 'utf-16le'],
        ['u8.txt', 'utf-8'],
        ['u8bom.txt', 'utf-8-bom'],
      ],
    );
    const expected = analyze(text);
    assert.ok(expected.model.sections.length > 0);
    for (const f of doc.files) {
      assert.equal(f.diagnostics.length, expected.diagnostics.length, f.file);
      assert.deepEqual(f.sections, doc.files[0].sections, f.file);
      assert.deepEqual(f.diagnostics, doc.files[0].diagnostics, f.file);
    }
  });

  it('turns binary files into one-line errors on stderr and exit 2, checking the rest', () => {
    const d = sub('binary');
    write(d, 'ok.txt', REPORT);
    write(d, '报告.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.from('[Content_Types].xml')]));
    write(d, 'scan.pdf', Buffer.from('%PDF-1.5\n'));
    write(d, 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    write(d, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const r = cli(['check', 'ok.txt', '报告.docx', 'scan.pdf', 'old.doc', 'image.txt'], d);
    assert.equal(r.status, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      'image.txt: error: not a text file (it holds binary data)',
      'old.doc: error: this is an old Word / WPS / Excel file (.doc, .wps, .xls); save it as text (.txt) or Markdown first',
      'scan.pdf: error: this is a PDF file; from the original document, save it as text (.txt) or Markdown first',
      '报告.docx: error: this is a Word (.docx) file; save it as text (.txt) or Markdown first',
    ]);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((l) => l.startsWith('ok.txt:')));
    assert.match(lines[lines.length - 1], /in 1 file; 4 files could not be read$/);
    noStackTrace(r);

    const zh = cli(['check', '报告.docx'], d, { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.stderr, '报告.docx: error: 这是 Word（.docx）文件；请先另存为纯文本（.txt）或 Markdown 文件再检查\n');
  });

  it('analyses an empty file', () => {
    const d = sub('empty');
    write(d, 'empty.md', '');
    const r = cli(['check', 'empty.md', '--format', 'json'], d);
    const doc = JSON.parse(r.stdout) as { files: { file: string; encoding: string }[] };
    assert.deepEqual(doc.files.map((f) => [f.file, f.encoding]), [['empty.md', 'utf-8']]);
    assert.equal(r.status, analyze('').diagnostics.some((x) => x.severity === 'error') ? 1 : 0);
  });

  it('expands quoted globs itself and exits 2 when one matches nothing', () => {
    const d = sub('globs');
    write(d, 'reports/2022/a.md', '');
    write(d, 'reports/2023/b.md', '');
    write(d, 'reports/2023/c.txt', '');
    write(d, 'reports/2023/nested/d.md', '');
    const json = (args: string[]) => (JSON.parse(cli([...args, '--format', 'json'], d).stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.deepEqual(json(['check', 'reports/**/*.md']), ['reports/2022/a.md', 'reports/2023/b.md', 'reports/2023/nested/d.md']);
    assert.deepEqual(json(['check', 'reports/202[3]/*.{md,txt}']), ['reports/2023/b.md', 'reports/2023/c.txt']);
    assert.deepEqual(json(['check', 'reports/2023/?.md', 'reports/2023/b.md', './reports/2023/b.md']), ['reports/2023/b.md']);
    const none = cli(['check', 'reports/**/*.docx', 'reports/2022/a.md'], d);
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, 'nianbao: error: reports/**/*.docx: no file matches this glob\n');
    const missing = cli(['check', 'nope.txt'], d, { LANG: 'zh_CN.UTF-8' });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'nianbao: error: nope.txt：文件或文件夹不存在\n');
  });

  it('writes the report to -o FILE instead of standard output', () => {
    const d = sub('output');
    write(d, 'r.txt', REPORT);
    const r = cli(['check', 'r.txt', '--format', 'json', '-o', 'out/report.json'], d);
    assert.equal(r.status, 2, 'the folder out/ does not exist');
    assert.match(r.stderr, /^out\/report\.json: error: no such file\n$/);
    const ok = cli(['check', 'r.txt', '--format', 'json', '--output', 'report.json'], d);
    assert.equal(ok.status, 1);
    assert.equal(ok.stdout, '');
    const doc = JSON.parse(fs.readFileSync(path.join(d, 'report.json'), 'utf8')) as { files: { file: string }[] };
    assert.deepEqual(doc.files.map((f) => f.file), ['r.txt']);
  });

  it('--fix leaves a file without fixes untouched, bytes and mtime, and still reports', () => {
    const d = sub('fix');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT.replace(/\n/g, '\r\n'), 'utf16le')]);
    const file = write(d, 'r.txt', bytes);
    const gb = write(d, 'gb.txt', GB_HEADING);
    const old = new Date('2020-01-02T03:04:05Z');
    fs.utimesSync(file, old, old);
    fs.utimesSync(gb, old, old);
    const expected = analyze(REPORT.replace(/\n/g, '\r\n')).diagnostics;
    for (let run = 0; run < 2; run++) {
      const r = cli(['check', 'r.txt', 'gb.txt', '--fix'], d);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.filter((l) => l.startsWith('r.txt:')), expected.map((x) => textLine('r.txt', x, 'en')));
      assert.equal(lines[lines.length - 2], 'fixed 0 problems in 0 files');
      assert.deepEqual(fs.readFileSync(file), bytes);
      assert.equal(fs.statSync(file).mtimeMs, old.getTime());
      assert.deepEqual(fs.readFileSync(gb), GB_HEADING);
      assert.equal(fs.statSync(gb).mtimeMs, old.getTime());
    }
    const json = JSON.parse(cli(['check', 'r.txt', '--fix', '--format', 'json'], d).stdout) as { files: { fixed: number }[] };
    assert.equal(json.files[0].fixed, 0);
  });

  it('--fix applies the safe fixes analyze offers, in the original encoding, BOM and line breaks, once', () => {
    const d = sub('fix-write');
    // The bundled example: a clean draft but for one 表三 total that is one more than the sum of its parts.
    const lf = renderExampleReport().text;
    const crlf = lf.replace(/\n/g, '\r\n');
    const fixedLf = applySafeFixes(lf, (t) => analyze(t));
    const fixedCrlf = applySafeFixes(crlf, (t) => analyze(t));
    assert.ok(fixedLf.fixes > 0, 'the example report no longer offers a safe fix: pick a defect that does');
    assert.notEqual(fixedLf.text, lf);

    const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
    const le = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    const be = (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
    const cases: [string, Buffer, Buffer][] = [
      ['u8.md', Buffer.from(lf), Buffer.from(fixedLf.text)],
      ['u8bom-crlf.md', Buffer.concat([BOM8, Buffer.from(crlf)]), Buffer.concat([BOM8, Buffer.from(fixedCrlf.text)])],
      ['u16le-crlf.md', le(crlf), le(fixedCrlf.text)],
      ['u16be.md', be(lf), be(fixedLf.text)],
    ];
    for (const [name, before] of cases) write(d, name, before);

    const first = cli(['check', '.', '--fix'], d);
    assert.equal(first.stderr, '');
    for (const [name, , after] of cases) assert.deepEqual(fs.readFileSync(path.join(d, name)), after, name);
    const lines = first.stdout.trimEnd().split('\n');
    const total = 2 * fixedLf.fixes + 2 * fixedCrlf.fixes;
    assert.equal(lines[lines.length - 2], `fixed ${total} problem${total === 1 ? '' : 's'} in 4 files`);
    // What is reported is what remains in the fixed file.
    assert.deepEqual(
      lines.filter((l) => l.startsWith('u8.md:')),
      fixedLf.result.diagnostics.map((x) => textLine('u8.md', x, 'en')),
    );
    assert.equal(first.status, fixedLf.result.diagnostics.some((x) => x.severity === 'error') ? 1 : 0);

    // A second run finds nothing to fix and writes nothing.
    const old = new Date('2021-05-06T07:08:09Z');
    for (const [name] of cases) fs.utimesSync(path.join(d, name), old, old);
    const second = cli(['check', '.', '--fix', '--format', 'json'], d);
    const doc = JSON.parse(second.stdout) as { files: { file: string; fixed: number }[] };
    assert.deepEqual(doc.files.map((f) => f.fixed), [0, 0, 0, 0]);
    for (const [name, , after] of cases) {
      assert.deepEqual(fs.readFileSync(path.join(d, name)), after, name);
      assert.equal(fs.statSync(path.join(d, name)).mtimeMs, old.getTime(), name);
    }
  });

  it('--fix refuses to rewrite a GB18030 file, says why, exits 2 and reports the file as it is', () => {
    const d = sub('fix-gb');
    const text = renderExampleReport().text;
    assert.ok(applySafeFixes(text, (t) => analyze(t)).fixes > 0);
    const bytes = gbkEncode(text);
    assert.equal(new TextDecoder('gb18030').decode(bytes), text);
    write(d, 'gb.md', bytes);
    const r = cli(['check', 'gb.md', '--fix'], d);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^gb\.md: error: \d+ fix\(es\) not written: the file is in GB18030 \(GBK\).*save it as UTF-8 and run --fix again\n$/);
    assert.deepEqual(fs.readFileSync(path.join(d, 'gb.md')), bytes);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('gb.md:')),
      analyze(text).diagnostics.map((x) => textLine('gb.md', x, 'en')),
    );
    assert.equal(lines[lines.length - 2], 'fixed 0 problems in 0 files');
  });
});
