// Writes the generated parts of the extension manifest from the rules' metadata (compiled by tsc into out/):
// package.json's contributes.configuration, package.nls.json (English) and package.nls.zh-cn.json (Chinese).
// test/unit/manifest.test.ts fails when these files are stale.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const { configurationContribution, nlsStrings } = require('../out/client/src/manifest.js');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes = pkg.contributes ?? {};
pkg.contributes.configuration = configurationContribution();
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');

const { en, zh } = nlsStrings();
writeFileSync('package.nls.json', JSON.stringify(en, null, 2) + '\n');
writeFileSync('package.nls.zh-cn.json', JSON.stringify(zh, null, 2) + '\n');
console.log('wrote contributes.configuration in package.json, package.nls.json and package.nls.zh-cn.json');
