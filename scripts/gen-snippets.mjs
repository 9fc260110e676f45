// Writes snippets/nianbao.json from the core's table templates (compiled by tsc into out/), so a snippet inserts
// exactly what the parser reads. test/unit/snippets.test.ts fails when the file is stale.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const { snippetsFile } = require('../out/client/src/snippets.js');

mkdirSync('snippets', { recursive: true });
writeFileSync('snippets/nianbao.json', JSON.stringify(snippetsFile(), null, 2) + '\n');
console.log('wrote snippets/nianbao.json');
