/**
 * Command-line parsing: `nianbao check [paths] [options]`, `--help`, `--version`. Pure: argv and environment
 * in, a parsed command out. Options may come before or after the paths; `--name=value` and `--name value`
 * are both accepted; `--` ends the options.
 */

import type { Locale, Localized } from '../core/diagnostics';

export type Format = 'text' | 'json' | 'sarif';

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const LOCALES: readonly Locale[] = ['zh', 'en'];

export interface CheckCommand {
  readonly command: 'check';
  /** As written; the current folder when none is given. */
  readonly paths: readonly string[];
  readonly format: Format;
  readonly fix: boolean;
  readonly config: string | null;
  readonly output: string | null;
  readonly locale: Locale;
}

export type Parsed =
  | CheckCommand
  | { readonly command: 'help'; readonly locale: Locale }
  | { readonly command: 'version'; readonly locale: Locale }
  | { readonly command: 'usage-error'; readonly message: Localized; readonly locale: Locale };

/**
 * The locale the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set (the POSIX order
 * of precedence); English if it starts with `en`, Chinese otherwise (including when none is set).
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(value) ? 'en' : 'zh';
}

type ValueOption = 'format' | 'config' | 'output' | 'locale';

const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = {
  '--format': 'format',
  '--config': 'config',
  '--output': 'output',
  '-o': 'output',
  '--locale': 'locale',
};

const FLAG_OPTIONS: Readonly<Record<string, 'fix' | 'help' | 'version'>> = {
  '--fix': 'fix',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
};

function err(zh: string, en: string): Localized {
  return { zh, en };
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = { fix: false, help: false, version: false };
  // Only the first problem is reported: later ones are often its consequences.
  const errors: Localized[] = [];
  const fail = (e: Localized): void => {
    errors.push(e);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const valueOption = Object.prototype.hasOwnProperty.call(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : undefined;
    const flag = Object.prototype.hasOwnProperty.call(FLAG_OPTIONS, name) ? FLAG_OPTIONS[name] : undefined;
    if (valueOption) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined || value === '') {
        fail(err(`选项 ${name} 需要一个值`, `the option ${name} needs a value`));
      } else {
        values[valueOption] = value;
      }
    } else if (flag) {
      if (eq > 0) fail(err(`选项 ${name} 不接受值`, `the option ${name} takes no value`));
      flags[flag] = true;
    } else {
      fail(err(`未知选项：${arg}`, `unknown option: ${arg}`));
    }
  }

  // The locale is settled first, so that every later message, errors included, is in the right language.
  let locale = localeFromEnv(env);
  if (values.locale !== undefined) {
    if ((LOCALES as readonly string[]).includes(values.locale)) locale = values.locale as Locale;
    else fail(err(`--locale 的值「${values.locale}」无效，应为 zh 或 en`, `--locale must be zh or en, not "${values.locale}"`));
  }
  if (flags.help) return { command: 'help', locale };
  if (flags.version) return { command: 'version', locale };

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    fail(err(`--format 的值「${format}」无效，应为 text、json 或 sarif`, `--format must be text, json or sarif, not "${format}"`));
  }
  const [command, ...paths] = positionals;
  if (command === undefined) {
    fail(err('缺少命令，请使用 nianbao check [文件 | 文件夹 | 通配符]', 'missing command; use nianbao check [files | folders | globs]'));
  } else if (command !== 'check') {
    fail(err(`未知命令「${command}」；是否要运行 nianbao check ${command}？`, `unknown command "${command}"; did you mean nianbao check ${command}?`));
  }
  if (errors.length) return { command: 'usage-error', message: errors[0], locale };
  return {
    command: 'check',
    paths: paths.length ? paths : ['.'],
    format: format as Format,
    fix: flags.fix,
    config: values.config ?? null,
    output: values.output ?? null,
    locale,
  };
}
