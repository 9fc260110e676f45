/**
 * The generated files must match the rules' metadata: a stale docs/rules.md or schema fails here
 * (regenerate with `npm run docs`).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { configSchema, readmeWithRules, rulesMarkdown } from '../../server/src/core/docs';
import { validateConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated documentation and schema', () => {
  it('docs/rules.md is up to date (npm run docs)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), rulesMarkdown());
  });

  it('schemas/nianbao.schema.json is up to date (npm run docs)', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/nianbao.schema.json'), 'utf8')), configSchema());
  });

  it('the rule table in README.md is up to date (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('<!-- rules:start -->'));
    assert.equal(readme, readmeWithRules(readme));
    for (const r of RULES) assert.ok(readme.includes(`\`${r.meta.id}\``), r.meta.id);
  });

  it('documents every rule, with an anchor, its severity and both languages', () => {
    const md = rulesMarkdown();
    for (const r of RULES) {
      assert.ok(md.includes(`\n## ${r.meta.id}\n`), r.meta.id);
      assert.ok(md.includes(r.meta.description.zh) && md.includes(r.meta.description.en), r.meta.id);
      assert.ok(Object.keys(r.meta.messages).length > 0, `${r.meta.id} has no message`);
    }
  });

  it('the schema and the config validator agree on valid and invalid files', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(configSchema());
    const samples: unknown[] = [
      { rules: { 't3-balance': 'off', 'cell-blank': 'info' }, template: '2021', year: 2022, kind: 'government' },
      { deadlines: { department: '01-20', government: '03-31' } },
      { rules: { 'no-such-rule': 'error' } },
      { rules: { 't3-balance': 'fatal' } },
      { template: '2020' },
      { year: 1999 },
      { kind: 'bureau' },
      { deadlines: { department: '13-01' } },
      { unknown: true },
      {},
    ];
    for (const s of samples) {
      const schemaOk = validate(s) === true;
      const validatorOk = validateConfig(s).errors.length === 0;
      assert.equal(schemaOk, validatorOk, JSON.stringify(s));
    }
  });
});
