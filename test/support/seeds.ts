/**
 * The five real reports (../shared/corpus/seeds, read at run time, never copied here) and the bundled example.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

/** From out/test/support (compiled) or test/support: the repository is three or two folders up. */
const ROOT = path.resolve(__dirname, path.basename(path.resolve(__dirname, '../..')) === 'out' ? '../../..' : '../..');

export const SEEDS_DIR = path.resolve(ROOT, '../shared/corpus/seeds');
export const EXAMPLE = path.join(ROOT, 'examples/example-report.md');

/** The seed files, sorted; empty when ../shared is not there. */
export function seedFiles(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) return [];
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(SEEDS_DIR, f));
}

/** The text of the seed whose name starts with `prefix` (`004`), or null when the seeds are not there. */
export function seedText(prefix: string): string | null {
  const f = seedFiles().find((x) => path.basename(x).startsWith(prefix));
  return f ? fs.readFileSync(f, 'utf8') : null;
}
