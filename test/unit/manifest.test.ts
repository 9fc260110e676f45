/**
 * The extension manifest: the generated parts (contributes.configuration, package.nls*.json) match the rules'
 * metadata — a stale file fails here (regenerate with `npm run docs` or `npm run manifest`) — and the
 * hand-written parts agree with the client's code: commands, activation, languages, localised strings, the
 * files that go into the .vsix.
 */

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configurationContribution, nlsStrings } from '../../client/src/manifest';
import { DOCUMENT_SELECTOR, LANGUAGES } from '../../client/src/selector';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), 'utf8');
const json = (p: string): any => JSON.parse(read(p));

const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
const clientSource = fs
  .readdirSync(path.join(ROOT, 'client/src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(`client/src/${f}`))
  .join('\n');

/** Every `%key%` string anywhere in package.json. */
function nlsKeysUsed(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) nlsKeysUsed(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) nlsKeysUsed(v, out);
  }
  return out;
}

/** The lowest version a `^x.y.z` range allows, as [major, minor]. */
function caretMin(range: string): [number, number] {
  const m = /^\^?(\d+)\.(\d+)\.\d+$/.exec(range);
  assert.ok(m, `not a caret range: ${range}`);
  return [Number(m[1]), Number(m[2])];
}

describe('extension manifest', () => {
  describe('generated from the rules (npm run manifest)', () => {
    it('contributes.configuration in package.json is up to date', () => {
      assert.deepEqual(pkg.contributes.configuration, configurationContribution());
    });

    it('package.nls.json (English) and package.nls.zh-cn.json (Chinese) are up to date', () => {
      const { en, zh } = nlsStrings();
      assert.deepEqual(nlsEn, en);
      assert.deepEqual(nlsZh, zh);
    });

    it('has one nianbao.rules setting per rule: its severities or off, its default, its description and link', () => {
      const props = pkg.contributes.configuration.properties['nianbao.rules'].properties;
      assert.deepEqual(Object.keys(props), RULES.map((r) => r.meta.id));
      for (const r of RULES) {
        const p = props[r.meta.id];
        assert.deepEqual(p.enum, ['error', 'warning', 'info', 'hint', 'off']);
        assert.equal(p.default, r.meta.severity);
        const key = /^%(.+)%$/.exec(p.markdownDescription)?.[1];
        assert.ok(key);
        assert.ok(nlsZh[key].startsWith(r.meta.description.zh), r.meta.id);
        assert.ok(nlsEn[key].startsWith(r.meta.description.en), r.meta.id);
        for (const text of [nlsZh[key], nlsEn[key]]) assert.ok(text.includes(`docs/rules.md#${r.meta.id})`), r.meta.id);
      }
    });

    it('has every documented setting with its default', () => {
      const props = pkg.contributes.configuration.properties;
      const defaults: Record<string, unknown> = {
        'nianbao.validate': 'auto',
        'nianbao.run': 'onType',
        'nianbao.debounce': 200,
        'nianbao.maxFileSize': 2097152,
        'nianbao.rules': {},
        'nianbao.template': 'auto',
        'nianbao.year': null,
        'nianbao.kind': 'auto',
        'nianbao.deadlines': { department: '01-31', government: '03-31' },
        'nianbao.inlayHints.enabled': true,
        'nianbao.codeLens.enabled': true,
        'nianbao.trace.server': 'off',
      };
      assert.deepEqual(Object.keys(props), Object.keys(defaults));
      for (const [k, v] of Object.entries(defaults)) assert.deepEqual(props[k].default, v, k);
      assert.deepEqual(props['nianbao.validate'].enum, ['auto', 'always', 'never']);
      assert.deepEqual(props['nianbao.run'].enum, ['onType', 'onSave']);
      assert.deepEqual(props['nianbao.template'].enum, ['auto', '2019', '2021']);
      assert.deepEqual(props['nianbao.kind'].enum, ['auto', 'department', 'government']);
      const mmdd = new RegExp(props['nianbao.deadlines'].properties.department.pattern);
      assert.ok(mmdd.test('01-31') && mmdd.test('03-31') && !mmdd.test('13-01') && !mmdd.test('1-31'));
    });
  });

  describe('strings', () => {
    it('every %key% in package.json is in both languages, and no string is unused', () => {
      const used = nlsKeysUsed(pkg);
      assert.deepEqual([...used].filter((k) => !(k in nlsEn)), [], 'missing in package.nls.json');
      assert.deepEqual([...used].filter((k) => !(k in nlsZh)), [], 'missing in package.nls.zh-cn.json');
      assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), [], 'unused in package.json');
      assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsZh).sort());
      for (const [k, v] of Object.entries(nlsZh)) assert.match(v, /[\u4e00-\u9fff]|^nianbao$/, `${k} is not Chinese`);
    });

    it('every runtime string (vscode.l10n.t) has a Chinese translation in l10n/bundle.l10n.zh-cn.json, with the same placeholders', () => {
      const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
      const used = new Set<string>();
      for (const m of clientSource.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
      // Only literal strings: a template literal or a variable could not be extracted for translation.
      assert.doesNotMatch(clientSource, /l10n\.t\(\s*[^'\s]/, 'vscode.l10n.t with a non-literal message');
      assert.ok(used.size > 10);
      assert.deepEqual([...used].filter((s) => !(s in bundle)), [], 'untranslated');
      assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)), [], 'stale translations');
      for (const [en, zh] of Object.entries(bundle)) {
        const ph = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
        assert.deepEqual(ph(zh), ph(en), en);
      }
      assert.equal(pkg.l10n, './l10n');
    });
  });

  describe('contributions and code agree', () => {
    it('every contributed command is registered by the client, activates it, and has a localised title', () => {
      const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
      const registered = [...clientSource.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
      assert.deepEqual([...contributed].sort(), [...registered].sort());
      assert.deepEqual(contributed.sort(), ['nianbao.insertReportSkeleton', 'nianbao.insertTable', 'nianbao.restartServer', 'nianbao.showProblems', 'nianbao.showRuleDocs']);
      for (const c of pkg.contributes.commands) {
        assert.ok(pkg.activationEvents.includes(`onCommand:${c.command}`), c.command);
        assert.match(c.title, /^%command\./);
      }
    });

    it('activates on the languages the client sends to the server, in file and untitled documents', () => {
      for (const l of LANGUAGES) assert.ok(pkg.activationEvents.includes(`onLanguage:${l}`), l);
      assert.deepEqual([...LANGUAGES].sort(), ['markdown', 'nianbao', 'plaintext']);
      assert.deepEqual(DOCUMENT_SELECTOR.map((f) => f.scheme).filter((s, i, a) => a.indexOf(s) === i), ['file', 'untitled']);
      assert.equal(pkg.activationEvents.filter((e: string) => e === '*' || e === 'onStartupFinished').length, 0);
    });

    it('declares the nianbao language, its grammar, the Markdown injection and the language configuration', () => {
      const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'nianbao');
      assert.deepEqual(lang.extensions, ['.nianbao']);
      assert.deepEqual(lang.aliases, ['政务公开年报', 'nianbao']);
      for (const g of pkg.contributes.grammars) {
        const grammar = json(g.path);
        assert.equal(grammar.scopeName, g.scopeName);
      }
      assert.ok(pkg.contributes.grammars.some((g: { injectTo?: string[] }) => g.injectTo?.includes('text.html.markdown')));
      const conf = json(lang.configuration);
      assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
      for (const pair of [['（', '）'], ['〔', '〕'], ['「', '」']]) assert.ok(conf.brackets.some((b: string[]) => b[0] === pair[0] && b[1] === pair[1]), pair.join(''));
    });

    it('runs in untrusted workspaces and, limited, in virtual ones; targets VS Code 1.138 or 1.139', () => {
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
      assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
      assert.equal(pkg.main, './dist/extension.js');
      assert.equal(pkg.publisher, 'nianbao');
      const engine = caretMin(pkg.engines.vscode);
      assert.ok(engine[0] === 1 && engine[1] >= 138 && engine[1] <= 139, pkg.engines.vscode);
      // @types/vscode must not be newer than the engine (vsce refuses to package otherwise).
      const types = caretMin(pkg.devDependencies['@types/vscode']);
      assert.ok(types[0] === engine[0] && types[1] <= engine[1], `@types/vscode ${pkg.devDependencies['@types/vscode']} > engine ${pkg.engines.vscode}`);
      assert.equal(pkg.scripts['vscode:prepublish'], 'node scripts/build.mjs --production');
    });
  });

  describe('the .vsix', function () {
    this.timeout(60000);

    it('holds only the bundles, the manifest and its strings, translations, snippets, grammars, schema, rules page, README, LICENSE', function () {
      if (!fs.existsSync(path.join(ROOT, 'dist/extension.js')) || !fs.existsSync(path.join(ROOT, 'dist/server.js'))) this.skip();
      const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
      const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
      const files = out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
      assert.deepEqual(files, [
        'LICENSE',
        'README.md',
        'dist/extension.js',
        'dist/server.js',
        'docs/rules.md',
        'l10n/bundle.l10n.zh-cn.json',
        'language-configuration.json',
        'package.json',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'schemas/nianbao.schema.json',
        'snippets/nianbao.json',
        'syntaxes/nianbao.markdown-injection.json',
        'syntaxes/nianbao.tmLanguage.json',
      ]);
    });
  });
});
