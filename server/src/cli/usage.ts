/**
 * The help text, in both languages.
 */

import type { Locale } from '../core/diagnostics';

const EN = `Usage: nianbao check [files | folders | globs] [options]

Checks drafts of annual reports on government information disclosure
(政府信息公开工作年度报告): sections, standard tables and their arithmetic.

Folders are searched recursively for .txt, .md and .markdown files (hidden
files and folders and node_modules are skipped). Quote globs so that nianbao
expands them: "reports/**/*.md" (supports * ? ** [...] {a,b}). With no path,
the current folder is checked. Text may be UTF-8, UTF-16 (with BOM) or
GB18030/GBK.

Options:
  --format text|json|sarif  output format (default: text)
  -o, --output FILE         write the report to FILE instead of standard output
  --fix                     apply safe fixes in place, then report what remains
  --config FILE             read settings (rule severities, ...) from a JSON file
  --locale zh|en            language of messages (default: from LC_ALL,
                            LC_MESSAGES or LANG; English if it starts with "en")
  -h, --help                show this help
  --version                 show the version

Exit codes: 0 no errors found; 1 errors found; 2 usage, configuration or
file errors.
`;

const ZH = `用法：nianbao check [文件 | 文件夹 | 通配符] [选项]

检查政府信息公开工作年度报告草稿：章节、标准表格及其数字关系。

文件夹会递归查找 .txt、.md、.markdown 文件（跳过隐藏文件、隐藏文件夹和 node_modules）。
通配符请加引号，由 nianbao 展开，例如 "reports/**/*.md"（支持 * ? ** [...] {a,b}）。
不指定路径时检查当前文件夹。文本编码可为 UTF-8、UTF-16（带 BOM）或 GB18030/GBK。

选项：
  --format text|json|sarif  输出格式（默认 text）
  -o, --output 文件         将结果写入文件，而不是标准输出
  --fix                     直接在文件中应用安全的自动修复，再报告其余问题
  --config 文件             从 JSON 文件读取设置（规则级别等）
  --locale zh|en            消息语言（默认依据 LC_ALL、LC_MESSAGES 或 LANG；
                            以 en 开头时为英文）
  -h, --help                显示本帮助
  --version                 显示版本号

退出码：0 未发现错误；1 发现错误；2 用法、配置或文件错误。
`;

export function usage(locale: Locale): string {
  return locale === 'en' ? EN : ZH;
}
