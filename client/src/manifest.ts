/**
 * The generated parts of the extension manifest: `contributes.configuration` in package.json (the settings,
 * one per rule generated from the rules' metadata) and every string of package.nls.json (English) and
 * package.nls.zh-cn.json (Chinese). `scripts/gen-manifest.mjs` writes them; test/unit/manifest.test.ts fails
 * when the files on disk differ from what this produces.
 *
 * Pure: no `vscode` import. Not bundled into the extension.
 */

import { RULES } from '../../server/src/core/rules/registry';
import type { RuleMeta } from '../../server/src/core/rules/types';
import { SEVERITIES } from '../../server/src/core/diagnostics';
import { DEFAULT_DEADLINES } from '../../server/src/core/options';
import { RULES_DOC_URL, ruleDocUrl } from './links';


interface Text {
  readonly en: string;
  readonly zh: string;
}

/** Manifest strings that are not generated from rule metadata: command titles, setting descriptions … */
const STATIC: Readonly<Record<string, Text>> = {
  'command.category': { en: 'nianbao', zh: '年报助手' },
  'command.insertTable': { en: 'Insert a Standard Table…', zh: '插入标准表格…' },
  'command.insertReportSkeleton': { en: 'Insert a Report Skeleton…', zh: '插入年报框架…' },
  'command.showRuleDocs': { en: 'Show Rule Documentation…', zh: '查看规则说明…' },
  'command.restartServer': { en: 'Restart the Language Server', zh: '重启语言服务器' },
  'command.showProblems': { en: 'Show Problems', zh: '显示问题' },
  'capabilities.virtualWorkspaces': {
    en: 'In virtual workspaces only open documents are checked: `.nianbao.json` files and last year’s report (carry-over) are not read.',
    zh: '在虚拟工作区中只检查已打开的文档：不读取 `.nianbao.json` 配置文件和上一年度报告（跨年结转检查）。',
  },
  'configuration.title': { en: 'nianbao (government annual reports)', zh: '政务公开年报助手' },
  'config.validate': {
    en: 'Which documents are checked.',
    zh: '检查哪些文档。',
  },
  'config.validate.auto': {
    en: 'Documents in the nianbao language always; Markdown and plain-text documents when they look like an annual report on government information disclosure.',
    zh: 'nianbao 语言的文档总是检查；Markdown 和纯文本文档看起来是政府信息公开工作年度报告时检查。',
  },
  'config.validate.always': {
    en: 'Every Markdown, plain-text and nianbao document.',
    zh: '检查所有 Markdown、纯文本和 nianbao 文档。',
  },
  'config.validate.never': { en: 'No document (the extension stays idle).', zh: '不检查任何文档。' },
  'config.run': { en: 'When a document is checked.', zh: '何时检查文档。' },
  'config.run.onType': { en: 'While typing (after `#nianbao.debounce#` milliseconds without typing).', zh: '输入时检查（停止输入 `#nianbao.debounce#` 毫秒后）。' },
  'config.run.onSave': { en: 'When the document is saved (and when it is opened).', zh: '保存时检查（打开时也检查）。' },
  'config.debounce': {
    en: 'Milliseconds to wait after the last keystroke before checking (with `#nianbao.run#` set to `onType`).',
    zh: '最后一次输入后等待多少毫秒再检查（`#nianbao.run#` 为 `onType` 时）。',
  },
  'config.maxFileSize': {
    en: 'Documents larger than this many bytes are not checked.',
    zh: '超过此字节数的文档不检查。',
  },
  'config.rules': {
    en: `Severity of each rule (\`error\`, \`warning\`, \`info\`, \`hint\`) or \`off\`. Rules not listed keep their default. A \`.nianbao.json\` file next to the report can set them too. [All rules](${RULES_DOC_URL})`,
    zh: `每条规则的级别（\`error\`、\`warning\`、\`info\`、\`hint\`），或 \`off\` 关闭。未列出的规则使用默认级别。也可在报告所在文件夹的 \`.nianbao.json\` 中设置。[全部规则](${RULES_DOC_URL})`,
  },
  'config.severity.error': { en: 'Error (red squiggle)', zh: '错误（红色波浪线）' },
  'config.severity.warning': { en: 'Warning (yellow squiggle)', zh: '警告（黄色波浪线）' },
  'config.severity.info': { en: 'Information (blue squiggle)', zh: '提示（蓝色波浪线）' },
  'config.severity.hint': { en: 'Hint (dots under the text)', zh: '建议（文字下方的点）' },
  'config.severity.off': { en: 'Off: the rule does not run', zh: '关闭：不运行此规则' },
  'config.template': {
    en: 'The template to hold reports to, whatever their tables show.',
    zh: '按哪一版格式检查报告，而不依据表格判断。',
  },
  'config.template.auto': {
    en: 'The template the report’s tables show; without tables, the one its year calls for (2021 from the 2021 report on).',
    zh: '依据报告中的表格判断；没有表格时按年度判断（2021 年度及以后为 2021 年版）。',
  },
  'config.template.2019': { en: '国办公开办函〔2019〕60号 (reports for 2019 and 2020)', zh: '国办公开办函〔2019〕60号（2019、2020 年度报告）' },
  'config.template.2021': { en: '国办公开办函〔2021〕30号 (reports for 2021 on)', zh: '国办公开办函〔2021〕30号（2021 年度及以后的报告）' },
  'config.year': {
    en: 'The report year, whatever the document says. `null`: read it from the title, the statistics period or the date.',
    zh: '报告年度，不依据文档判断。`null`：从标题、统计期限或落款日期读取。',
  },
  'config.kind': {
    en: 'Whether reports are a department’s or a people’s government’s (it decides the publication deadline).',
    zh: '报告是政府部门的还是人民政府的（决定公布期限）。',
  },
  'config.kind.auto': { en: 'From the agency’s name in the title.', zh: '依据标题中的机关名称判断。' },
  'config.kind.department': { en: 'A department of a people’s government (deadline 31 January).', zh: '县级以上人民政府部门（1 月 31 日前公布）。' },
  'config.kind.government': { en: 'A local people’s government (deadline 31 March).', zh: '县级以上地方人民政府（3 月 31 日前公布）。' },
  'config.deadlines': {
    en: 'Publication deadlines, `MM-DD` of the year after the report year (Article 49; local rules may be stricter).',
    zh: '次年的公布期限，格式为 `MM-DD`（第四十九条；地方规定可更严）。',
  },
  'config.deadlines.department': { en: 'Deadline of departments.', zh: '政府部门的公布期限。' },
  'config.deadlines.government': { en: 'Deadline of people’s governments.', zh: '人民政府的公布期限。' },
  'config.inlayHints.enabled': {
    en: 'Show computed sums next to table totals as inlay hints.',
    zh: '在表格的总计旁以内嵌提示显示计算出的合计。',
  },
  'config.codeLens.enabled': {
    en: 'Show a summary above each standard table (its template and how many problems it has).',
    zh: '在每张标准表格上方显示摘要（所属版本及问题数）。',
  },
  'config.trace.server': {
    en: 'Traces the communication between VS Code and the nianbao language server (in the output channel).',
    zh: '在输出面板中记录 VS Code 与 nianbao 语言服务器之间的通信。',
  },
};

function ruleText(m: RuleMeta): Text {
  const link = ruleDocUrl(m.id);
  return {
    en: `${m.description.en}\n\nDefault: \`${m.severity}\`. [Documentation](${link})`,
    zh: `${m.description.zh}\n\n默认级别：\`${m.severity}\`。[规则说明](${link})`,
  };
}

function rules(): readonly RuleMeta[] {
  return RULES.map((r) => r.meta);
}

/** Every manifest string, keyed as package.json refers to it (`%key%`). */
export function nlsStrings(metas: readonly RuleMeta[] = rules()): { en: Record<string, string>; zh: Record<string, string> } {
  const en: Record<string, string> = {};
  const zh: Record<string, string> = {};
  for (const [k, v] of Object.entries(STATIC)) {
    en[k] = v.en;
    zh[k] = v.zh;
  }
  for (const m of metas) {
    const t = ruleText(m);
    en[`config.rules.${m.id}`] = t.en;
    zh[`config.rules.${m.id}`] = t.zh;
  }
  return { en, zh };
}

const SEVERITY_OR_OFF = [...SEVERITIES, 'off'];
const nls = (key: string): string => {
  if (!key.startsWith('config.rules.') && !(key in STATIC)) throw new Error(`no manifest string ${key}`);
  return `%${key}%`;
};

/** `contributes.configuration` of package.json. */
export function configurationContribution(metas: readonly RuleMeta[] = rules()): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const m of metas) {
    ruleProps[m.id] = {
      type: 'string',
      enum: SEVERITY_OR_OFF,
      enumDescriptions: SEVERITY_OR_OFF.map((s) => nls(`config.severity.${s}`)),
      default: m.severity,
      markdownDescription: nls(`config.rules.${m.id}`),
    };
  }
  const monthDay = '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
  let order = 0;
  return {
    title: nls('configuration.title'),
    properties: {
      'nianbao.validate': {
        type: 'string',
        enum: ['auto', 'always', 'never'],
        enumDescriptions: [nls('config.validate.auto'), nls('config.validate.always'), nls('config.validate.never')],
        default: 'auto',
        scope: 'resource',
        order: order++,
        description: nls('config.validate'),
      },
      'nianbao.run': {
        type: 'string',
        enum: ['onType', 'onSave'],
        markdownEnumDescriptions: [nls('config.run.onType'), nls('config.run.onSave')],
        default: 'onType',
        scope: 'resource',
        order: order++,
        description: nls('config.run'),
      },
      'nianbao.debounce': {
        type: 'number',
        default: 200,
        minimum: 0,
        maximum: 10000,
        scope: 'resource',
        order: order++,
        markdownDescription: nls('config.debounce'),
      },
      'nianbao.maxFileSize': {
        type: 'number',
        default: 2097152,
        minimum: 0,
        scope: 'resource',
        order: order++,
        description: nls('config.maxFileSize'),
      },
      'nianbao.rules': {
        type: 'object',
        default: {},
        additionalProperties: false,
        properties: ruleProps,
        scope: 'resource',
        order: order++,
        markdownDescription: nls('config.rules'),
      },
      'nianbao.template': {
        type: 'string',
        enum: ['auto', '2019', '2021'],
        enumDescriptions: [nls('config.template.auto'), nls('config.template.2019'), nls('config.template.2021')],
        default: 'auto',
        scope: 'resource',
        order: order++,
        description: nls('config.template'),
      },
      'nianbao.year': {
        type: ['integer', 'null'],
        default: null,
        minimum: 2008,
        maximum: 2100,
        scope: 'resource',
        order: order++,
        markdownDescription: nls('config.year'),
      },
      'nianbao.kind': {
        type: 'string',
        enum: ['auto', 'department', 'government'],
        enumDescriptions: [nls('config.kind.auto'), nls('config.kind.department'), nls('config.kind.government')],
        default: 'auto',
        scope: 'resource',
        order: order++,
        description: nls('config.kind'),
      },
      'nianbao.deadlines': {
        type: 'object',
        default: { ...DEFAULT_DEADLINES },
        additionalProperties: false,
        properties: {
          department: { type: 'string', pattern: monthDay, default: DEFAULT_DEADLINES.department, description: nls('config.deadlines.department') },
          government: { type: 'string', pattern: monthDay, default: DEFAULT_DEADLINES.government, description: nls('config.deadlines.government') },
        },
        scope: 'resource',
        order: order++,
        markdownDescription: nls('config.deadlines'),
      },
      'nianbao.inlayHints.enabled': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        order: order++,
        description: nls('config.inlayHints.enabled'),
      },
      'nianbao.codeLens.enabled': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        order: order++,
        description: nls('config.codeLens.enabled'),
      },
      'nianbao.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        order: order++,
        description: nls('config.trace.server'),
      },
    },
  };
}
