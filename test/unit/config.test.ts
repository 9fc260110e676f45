import { strict as assert } from 'node:assert';
import { validateConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules/registry';
import { analyze } from '../../server/src/core/index';

const RULE = RULES[0].meta.id;

function keys(raw: unknown): string[] {
  return validateConfig(raw).errors.map((e) => e.key);
}

describe('validateConfig', () => {
  it('accepts a complete valid config', () => {
    const r = validateConfig({
      $schema: './nianbao.schema.json',
      rules: { [RULE]: 'warning' },
      template: '2019',
      year: 2020,
      kind: 'government',
    });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.options, { rules: { [RULE]: 'warning' }, template: '2019', year: 2020, kind: 'government' });
  });

  it('gives empty rules for an empty config', () => {
    assert.deepEqual(validateConfig({}), { options: { rules: {} }, errors: [] });
  });

  it('accepts every severity and off', () => {
    for (const s of ['error', 'warning', 'info', 'hint', 'off']) {
      assert.deepEqual(validateConfig({ rules: { [RULE]: s } }).options.rules, { [RULE]: s });
    }
  });

  it('reports an unknown rule id with its key and keeps the valid rules', () => {
    const r = validateConfig({ rules: { 'no-such-rule': 'off', [RULE]: 'off' } });
    assert.deepEqual(r.errors.map((e) => e.key), ['rules.no-such-rule']);
    assert.match(r.errors[0].message.en, /no-such-rule/);
    assert.match(r.errors[0].message.zh, /no-such-rule/);
    assert.deepEqual(r.options.rules, { [RULE]: 'off' });
  });

  it('reports bad severities, naming the value and the valid ones', () => {
    const r = validateConfig({ rules: { [RULE]: 'fatal' } });
    assert.deepEqual(r.errors.map((e) => e.key), [`rules.${RULE}`]);
    assert.match(r.errors[0].message.en, /"fatal".*"error", "warning", "info", "hint", "off"/);
    assert.deepEqual(r.options.rules, {});
    assert.deepEqual(keys({ rules: { [RULE]: 2 } }), [`rules.${RULE}`]);
  });

  it('reports bad values of each key and drops them while keeping the rest', () => {
    const r = validateConfig({ $schema: 1, rules: [], template: 2021, year: 1999, kind: 'city', [`x`]: 1 });
    assert.deepEqual(r.errors.map((e) => e.key), ['$schema', 'rules', 'template', 'year', 'kind', 'x']);
    assert.deepEqual(r.options, { rules: {} });
    for (const e of r.errors) {
      assert.ok(e.message.zh.length > 0 && e.message.en.length > 0);
    }
  });

  it('rejects years that are not whole numbers in range', () => {
    assert.deepEqual(keys({ year: 2020.5 }), ['year']);
    assert.deepEqual(keys({ year: '2020' }), ['year']);
    assert.deepEqual(keys({ year: 2101 }), ['year']);
    assert.deepEqual(keys({ year: 2008 }), []);
  });

  it('reports a document that is not an object under the empty key', () => {
    for (const raw of [null, [], 'rules', 3]) {
      const r = validateConfig(raw);
      assert.deepEqual(r.errors.map((e) => e.key), ['']);
      assert.deepEqual(r.options, { rules: {} });
    }
  });

  it('does not take inherited keys for known ones', () => {
    assert.deepEqual(keys({ toString: 'x' }), ['toString']);
    assert.deepEqual(keys({ rules: { constructor: 'off' } }), ['rules.constructor']);
  });

  it('produces options analyze honours: a rule turned off reports nothing', () => {
    const text = '一、总体情况\n本机关全年主动公开信息。\n';
    const all = RULES.map((r) => r.meta.id);
    const before = analyze(text).diagnostics.length;
    const off = validateConfig({ rules: Object.fromEntries(all.map((id) => [id, 'off'])) });
    assert.deepEqual(off.errors, []);
    assert.equal(analyze(text, off.options).diagnostics.length, 0);
    // The check above means something only if the text does trigger a rule by default.
    assert.ok(before > 0);
  });
});
