/**
 * From the paths on the command line to the list of files to check: files as given, folders searched
 * recursively for reports, globs expanded from their static base. Duplicates are dropped; the list is sorted
 * by the path shown to the user.
 *
 * While searching, hidden entries (names starting with `.`, so `.git` too) and `node_modules` are skipped, and
 * a symbolic link back to a folder being searched is not followed, so link loops end.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/diagnostics';
import { compileGlob, hasMagic, type Glob } from './glob';

export interface InputFile {
  /** Absolute path. */
  readonly abs: string;
  /** The path shown in output: relative to the working folder when inside it, else absolute. */
  readonly display: string;
}

export interface ResolvedInputs {
  readonly files: readonly InputFile[];
  /** One per path or glob that matched nothing. */
  readonly errors: readonly Localized[];
}

/** Extensions of the files a folder search picks up. */
const REPORT_EXTENSION = /\.(txt|md|markdown)$/i;

const WINDOWS = process.platform === 'win32';

/** Whether a path relative to the working folder leads out of it (or is the folder itself). */
export function outside(rel: string): boolean {
  return rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether an entry is a folder / a file, following a symbolic link (a broken link is neither). */
function entryKind(dir: string, entry: fs.Dirent): 'dir' | 'file' | null {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null;
  try {
    const st = fs.statSync(path.join(dir, entry.name));
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** A folder's entries, sorted by name so that every search is done in the same order. */
function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

interface Found extends InputFile {
  readonly real: string;
}

/**
 * Collects files. A file reached by two paths (`a.txt` and `./a.txt`, or through a symbolic link) is kept
 * once: under its own path if that is one of them, else under the path that sorts first. Each search counts
 * the files it matched, duplicates included, so a folder whose reports were all listed already
 * (`check a a/b`) is not mistaken for an empty one.
 */
class Collector {
  private readonly byReal = new Map<string, Found>();

  constructor(private readonly cwd: string) {}

  addFile(abs: string, real: string): void {
    const rel = path.relative(this.cwd, abs);
    const display = outside(rel) ? abs : rel;
    const found: Found = { abs, display, real };
    const other = this.byReal.get(real);
    if (other && !Collector.better(found, other)) return;
    this.byReal.set(real, found);
  }

  private static better(a: Found, b: Found): boolean {
    const aDirect = a.abs === a.real;
    const bDirect = b.abs === b.real;
    if (aDirect !== bDirect) return aDirect;
    return a.display < b.display;
  }

  /**
   * Real path of a child entry: known from its folder's real path unless the entry is itself a link (a link
   * further up was resolved when its folder was entered).
   */
  private static childReal(dirReal: string, dir: string, entry: fs.Dirent): string {
    return entry.isSymbolicLink() ? realPath(path.join(dir, entry.name)) : path.join(dirReal, entry.name);
  }

  /**
   * Searches a folder recursively for reports; returns how many it found. `ancestors` holds the real paths of
   * the folders above: a link back to one of them is a loop and is not followed.
   */
  addFolder(dir: string, real: string, ancestors: Set<string> = new Set()): number {
    if (ancestors.has(real)) return 0;
    ancestors.add(real);
    let found = 0;
    for (const entry of readDir(dir)) {
      if (skipped(entry.name)) continue;
      const kind = entryKind(dir, entry);
      if (kind === 'file' && REPORT_EXTENSION.test(entry.name)) {
        this.addFile(path.join(dir, entry.name), Collector.childReal(real, dir, entry));
        found++;
      } else if (kind === 'dir') {
        found += this.addFolder(path.join(dir, entry.name), Collector.childReal(real, dir, entry), ancestors);
      }
    }
    ancestors.delete(real);
    return found;
  }

  /** Expands a glob from its base folder; returns how many files it found. */
  addGlob(glob: Glob, baseAbs: string): number {
    let found = 0;
    const ancestors = new Set<string>();
    const walk = (dir: string, real: string, rel: string, depth: number): void => {
      if (ancestors.has(real)) return;
      ancestors.add(real);
      for (const entry of readDir(dir)) {
        if (skipped(entry.name)) continue;
        const kind = entryKind(dir, entry);
        if (kind === null) continue;
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        const child = path.join(dir, entry.name);
        const childReal = Collector.childReal(real, dir, entry);
        if (glob.regex.test(childRel)) {
          // A folder that matches is searched like a folder on the command line, as after shell expansion.
          if (kind === 'file') {
            this.addFile(child, childReal);
            found++;
          } else {
            found += this.addFolder(child, childReal, ancestors);
          }
        } else if (kind === 'dir' && depth + 1 < glob.maxDepth) {
          walk(child, childReal, childRel, depth + 1);
        }
      }
      ancestors.delete(real);
    };
    walk(baseAbs, realPath(baseAbs), '', 0);
    return found;
  }

  sorted(): InputFile[] {
    return [...this.byReal.values()]
      .map(({ abs, display }) => ({ abs, display }))
      .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** Resolves command-line paths against `cwd`. A path that exists is taken literally, even if it has `*` in it. */
export function resolveInputs(args: readonly string[], cwd: string): ResolvedInputs {
  const c = new Collector(cwd);
  const errors: Localized[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const st = statOrNull(abs);
    if (st?.isFile()) {
      c.addFile(abs, realPath(abs));
    } else if (st?.isDirectory()) {
      if (c.addFolder(abs, realPath(abs)) === 0) {
        errors.push({
          zh: `${arg}：该文件夹中没有 .txt、.md 或 .markdown 文件`,
          en: `${arg}: the folder holds no .txt, .md or .markdown file`,
        });
      }
    } else if (hasMagic(arg, WINDOWS)) {
      const glob = compileGlob(arg, WINDOWS);
      if (c.addGlob(glob, path.resolve(cwd, glob.base || '.')) === 0) {
        errors.push({ zh: `${arg}：没有与该通配符匹配的文件`, en: `${arg}: no file matches this glob` });
      }
    } else {
      errors.push({ zh: `${arg}：文件或文件夹不存在`, en: `${arg}: no such file or folder` });
    }
  }
  return { files: c.sorted(), errors };
}
