/**
 * Texts and positions shared by the protocol tests: seed 004 (read from ../shared at run time, never copied) and
 * the bundled example report, whose 表三 has one deliberate mistake (本年新收 总计 21 for 20).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver/node';
import { ROOT } from './client';

export const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/corpus/seeds');

export function seed004(): string {
  const name = fs.existsSync(SEEDS_DIR) ? fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith('004_')) : undefined;
  assert.ok(name, `seed 004 not found in ${SEEDS_DIR}`);
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function exampleReport(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'example-report.md'), 'utf8');
}

/** The example report's wrong figure: the `21` in 表三's row 一、本年新收 (line 65 in 1-based editors). */
export function exampleCulprit(text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  assert.ok(line >= 0, 'row 一、本年新收 not found in the example report');
  const character = lines[line].lastIndexOf('21');
  return { start: { line, character }, end: { line, character: character + 2 } };
}

/** The 0-based position of the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { line, character: character + offset };
  }
  throw new Error(`${needle} not found`);
}

let counter = 0;
/** A unique file: URI for an in-memory document (the file need not exist). */
export function memoryUri(name: string): string {
  counter++;
  return pathToFileURL(path.join(os.tmpdir(), `nianbao-protocol-${process.pid}-${counter}`, name)).href;
}

/** A temporary folder with the given files; returns its path. */
export function tmpFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-protocol-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}
