/**
 * Generated documentation: the rules page (docs/rules.md) and the config file's JSON schema
 * (schemas/nianbao.schema.json), both from the rules' metadata. `npm run docs` writes them; a test fails
 * when the files on disk differ from what this produces.
 */

import { RULES } from './rules/registry';
import type { RuleCategory, RuleMeta } from './rules/types';

const CATEGORY: Record<RuleCategory, { zh: string; en: string }> = {
  structure: { zh: '结构', en: 'Structure' },
  tables: { zh: '模板与表格', en: 'Template and tables' },
  arithmetic: { zh: '表格勾稽关系', en: 'Table arithmetic' },
  prose: { zh: '正文', en: 'Prose' },
  across: { zh: '跨报告', en: 'Across reports' },
};

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

function esc(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** The rule table alone (for the README, between its `<!-- rules:start -->` and `<!-- rules:end -->` markers). */
export function rulesTable(rules: readonly RuleMeta[] = RULES.map((r) => r.meta), link = 'docs/rules.md'): string {
  const out: string[] = ['| 编号 id | 默认 default | 修复 fix | 说明 |', '| --- | --- | --- | --- |'];
  for (const m of rules) {
    out.push(`| [\`${m.id}\`](${link}#${m.id}) | ${m.severity} | ${m.fixable ? '✓' : ''} | ${esc(m.description.zh)} |`);
  }
  return out.join('\n');
}

/** README.md with its rule table replaced by the generated one. */
export function readmeWithRules(readme: string): string {
  const start = '<!-- rules:start -->';
  const end = '<!-- rules:end -->';
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + start.length) + '\n' + rulesTable() + '\n' + readme.slice(b);
}

export function rulesMarkdown(rules: readonly RuleMeta[] = RULES.map((r) => r.meta)): string {
  const out: string[] = [];
  out.push('<!-- Generated from the rules\' metadata by `npm run docs`. Do not edit by hand. -->');
  out.push('');
  out.push('# nianbao 规则 · Rules');
  out.push('');
  out.push(
    '每条规则有固定编号，可在配置文件、编辑器设置和禁用注释中使用；默认级别可改为 `error`、`warning`、`info`、`hint` 或 `off`。',
  );
  out.push(
    'Every rule has a stable id, used in config files, editor settings and suppression comments; its default severity can be changed to `error`, `warning`, `info`, `hint` or `off`.',
  );
  out.push('');
  out.push('| 编号 id | 类别 category | 默认级别 default | 可修复 fix | 说明 | description |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const m of rules) {
    out.push(
      `| [\`${m.id}\`](#${m.id}) | ${CATEGORY[m.category].zh} · ${CATEGORY[m.category].en} | ${m.severity} | ${m.fixable ? '✓' : ''} | ${esc(m.description.zh)} | ${esc(m.description.en)} |`,
    );
  }
  for (const m of rules) {
    out.push('', `## ${m.id}`, '');
    out.push(`- 类别 / category: ${CATEGORY[m.category].zh} / ${CATEGORY[m.category].en}`);
    out.push(`- 默认级别 / default severity: \`${m.severity}\`（${SEVERITY_ZH[m.severity]}）`);
    out.push(`- 快速修复 / quick fix: ${m.fixable ? '有 / yes' : '无 / no'}`);
    out.push(`- 读取 / reads: ${m.reads.map((r) => `\`${r}\``).join(', ')}`);
    out.push('', m.description.zh, '', m.description.en);
    if (m.example) out.push('', '示例 / example:', '', '```text', m.example, '```');
    const keys = Object.keys(m.messages);
    if (keys.length) {
      out.push('', '消息 / messages:', '');
      for (const k of keys) {
        out.push(`- \`${k}\`: ${m.messages[k].zh}`);
        out.push(`  ${m.messages[k].en}`);
      }
    }
    out.push('', `禁用 / suppress: \`<!-- nianbao-disable-next-line ${m.id}: 理由 -->\``);
  }
  out.push('');
  return out.join('\n');
}

/** JSON Schema (draft-07) of `.nianbao.json` / `nianbao.json`. */
export function configSchema(rules: readonly RuleMeta[] = RULES.map((r) => r.meta)): object {
  const severity = { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'] };
  const ruleProps: Record<string, object> = {};
  for (const m of rules) {
    ruleProps[m.id] = {
      ...severity,
      default: m.severity,
      description: `${m.description.zh}\n${m.description.en}`,
    };
  }
  const monthDay = { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/nianbao/nianbao/blob/main/schemas/nianbao.schema.json',
    title: 'nianbao configuration (.nianbao.json)',
    description: '政务公开年报助手的配置文件：规则级别、模板、年份、机关类型、公布期限。Settings of nianbao: rule severities, template, year, kind, deadlines.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: '每条规则的级别，或 off 关闭。Severity of each rule, or off.',
        additionalProperties: false,
        properties: ruleProps,
      },
      template: {
        type: 'string',
        enum: ['2019', '2021'],
        description: '按此格式检查，而不依据表格判断（国办公开办函〔2019〕60号 / 〔2021〕30号）。The template to hold reports to.',
      },
      year: { type: 'integer', minimum: 2008, maximum: 2100, description: '报告年度。The report year.' },
      kind: {
        type: 'string',
        enum: ['department', 'government'],
        description: '部门（1月31日前公布）或人民政府（3月31日前公布）。Department or people’s government.',
      },
      deadlines: {
        type: 'object',
        additionalProperties: false,
        description: '次年的公布期限（月-日），第四十九条；地方规定可更严。Publication deadlines (MM-DD of the next year).',
        properties: {
          department: { ...monthDay, default: '01-31' },
          government: { ...monthDay, default: '03-31' },
        },
      },
    },
  };
}
