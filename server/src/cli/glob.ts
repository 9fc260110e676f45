/**
 * Glob patterns, for globs that reach the CLI unexpanded (quoted, or on Windows). Pure: a pattern in, a static
 * base folder and a matcher out; walking the file system is files.ts's job.
 *
 * Supported: `*` (any characters but `/`), `?` (one character but `/`), `**` as a whole path segment (any
 * number of folders, none included), `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}` (nestable), and `\` to escape
 * the next character (except on Windows, where `\` separates folders).
 */

export interface Glob {
  /** The leading folders that hold no wildcard, joined with `/` ('' when the first segment has one). */
  readonly base: string;
  /** Matches a path relative to `base`, written with `/`. */
  readonly regex: RegExp;
  /** How many segments below `base` a match can have (Infinity when `**` or a `/` inside braces is used). */
  readonly maxDepth: number;
}

const MAGIC = new Set(['*', '?', '[', '{']);

/** Whether `pattern` holds an unescaped wildcard. */
export function hasMagic(pattern: string, windows = false): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && !windows) i++;
    else if (MAGIC.has(c)) return true;
  }
  return false;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** Removes escaping backslashes from a segment without wildcards. */
function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

/** The index of the `]` closing the class opened at `open`, or -1. */
function classEnd(p: string, open: number): number {
  let i = open + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  // A `]` right after the opening (or the negation) is a literal member.
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

/** The index of the `}` closing the brace opened at `open`, and the indices of its top-level commas. */
function braceEnd(p: string, open: number): { end: number; commas: number[] } | null {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const e = classEnd(p, i);
      if (e > 0) i = e;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { end: i, commas };
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return null;
}

function translateClass(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    out += c === '-' ? '-' : /[\\\]^[]/.test(c) ? '\\' + c : c;
  }
  return out;
}

/** Translates a pattern (already split off its base) into regex source. */
function translate(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 < p.length) out += escapeRegex(p[++i]);
      continue;
    }
    if (c === '*') {
      let j = i;
      while (p[j + 1] === '*') j++;
      const whole = j > i && (i === 0 || p[i - 1] === '/') && (j + 1 === p.length || p[j + 1] === '/');
      if (whole && j + 1 === p.length) out += '.*';
      else if (whole) {
        // `**/`: any number of folders, including none.
        out += '(?:[^/]+/)*';
        j++;
      } else out += '[^/]*';
      i = j;
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = p.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      out += negated ? `[^/${translateClass(body)}]` : `[${translateClass(body)}]`;
      i = end;
      continue;
    }
    if (c === '{') {
      const brace = braceEnd(p, i);
      // `{a}` with no comma is taken literally, as shells do.
      if (brace && brace.commas.length > 0) {
        const cuts = [i, ...brace.commas, brace.end];
        const alternatives: string[] = [];
        for (let k = 0; k + 1 < cuts.length; k++) alternatives.push(translate(p.slice(cuts[k] + 1, cuts[k + 1])));
        out += `(?:${alternatives.join('|')})`;
        i = brace.end;
        continue;
      }
    }
    out += escapeRegex(c);
  }
  return out;
}

/** Compiles a glob. On Windows, `\` is taken as a folder separator rather than an escape. */
export function compileGlob(pattern: string, windows = false): Glob {
  let p = windows ? pattern.replace(/\\/g, '/') : pattern;
  // A trailing slash adds nothing: folders that match are searched anyway.
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);

  // Split into segments at every `/` (one inside braces only ends the static part early, which is harmless).
  const segments = p.split('/');
  let staticCount = 0;
  while (staticCount < segments.length - 1 && !hasMagic(segments[staticCount], windows)) staticCount++;
  if (!hasMagic(segments[staticCount], windows)) staticCount = segments.length;
  const baseSegments = segments.slice(0, staticCount).map((s) => (windows ? s : unescape(s)));
  let base = baseSegments.join('/');
  // An absolute pattern keeps its root (`/x/*` → `/x`, `/*` → `/`).
  if (base === '' && p.startsWith('/')) base = '/';
  const rest = segments.slice(staticCount).join('/');

  const deep = /(^|\/)\*\*(\/|$)/.test(rest) || /\{[^}]*\//.test(rest);
  return {
    base,
    regex: new RegExp(`^${translate(rest)}$`),
    maxDepth: deep ? Infinity : rest === '' ? 0 : segments.length - staticCount,
  };
}
