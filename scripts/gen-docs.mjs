// Writes docs/rules.md and schemas/nianbao.schema.json from the rules' metadata (compiled by tsc into out/).
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const { rulesMarkdown, configSchema, readmeWithRules } = require('../out/server/src/core/docs.js');
mkdirSync('docs', { recursive: true });
mkdirSync('schemas', { recursive: true });
writeFileSync('docs/rules.md', rulesMarkdown());
writeFileSync('schemas/nianbao.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
writeFileSync('README.md', readmeWithRules(readFileSync('README.md', 'utf8')));
console.log('wrote docs/rules.md, schemas/nianbao.schema.json and the rule table in README.md');
