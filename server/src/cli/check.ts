/**
 * Checking one file: read, decode, analyse, and with --fix apply the safe fixes and write the file back in the
 * encoding, byte order mark and line breaks it had.
 */

import * as fs from 'node:fs';
import type { AnalysisResult, AnalyzeOptions } from '../core/index';
import type { Localized } from '../core/diagnostics';
import { applySafeFixes } from '../core/edits';
import { decodeReport, encodeReport, type Decoded } from './decode';
import type { InputFile } from './files';
import type { FileResult } from './results';

export type AnalyzeFn = (text: string, options: AnalyzeOptions) => AnalysisResult;

export interface FixedText {
  /** The text as it ends up on disk, and its analysis. */
  readonly text: string;
  readonly result: AnalysisResult;
  /** How many fixes were applied. */
  readonly fixes: number;
  /** The bytes to write, or null when nothing changed or nothing may be written. */
  readonly bytes: Buffer | null;
  /** Why the fixes were not written. */
  readonly error: Localized | null;
}

/**
 * Applies the safe fixes to decoded text and encodes the result as the file was. Pure. Line breaks are kept by
 * applySafeFixes (inserted text takes the document's line break); untouched text is never re-encoded
 * differently, as every supported encoding round-trips.
 */
export function fixDecoded(decoded: Decoded, analyzeText: (text: string) => AnalysisResult): FixedText {
  const out = applySafeFixes(decoded.text, analyzeText);
  if (out.text === decoded.text) return { text: decoded.text, result: out.result, fixes: 0, bytes: null, error: null };
  const bytes = encodeReport(out.text, decoded.encoding);
  if (bytes === null) {
    // Node has no GB18030 encoder: rather than risk the text, leave the file alone and report it as it is.
    return {
      text: decoded.text,
      result: analyzeText(decoded.text),
      fixes: 0,
      bytes: null,
      error: {
        zh: `未写入 ${out.fixes} 处修复：该文件为 GB18030（GBK）编码，写回可能损坏文本；请另存为 UTF-8 后再运行 --fix`,
        en: `${out.fixes} fix(es) not written: the file is in GB18030 (GBK), and writing it back could damage the text; save it as UTF-8 and run --fix again`,
      },
    };
  }
  return { text: out.text, result: out.result, fixes: out.fixes, bytes, error: null };
}

/** A one-line reason for a file system error, without a stack trace. */
export function ioReason(err: unknown): Localized {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件不存在', en: 'no such file' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读写权限', en: 'permission denied' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'this is a folder, not a file' };
    case 'EBUSY':
      return { zh: '文件被占用', en: 'the file is busy' };
    default: {
      const text = err instanceof Error ? err.message : String(err);
      return { zh: text, en: text };
    }
  }
}

export function checkFile(input: InputFile, options: AnalyzeOptions, fix: boolean, analyzeFn: AnalyzeFn): FileResult {
  const { abs, display: file } = input;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (err) {
    return { kind: 'unreadable', file, abs, message: ioReason(err) };
  }
  const decoded = decodeReport(bytes, abs);
  if (!decoded.ok) return { kind: 'unreadable', file, abs, message: decoded.message };

  try {
    if (!fix) {
      const { model, diagnostics, suppressed } = analyzeFn(decoded.text, options);
      return { kind: 'checked', file, abs, encoding: decoded.encoding, text: decoded.text, model, diagnostics, suppressed, fixed: null, fixError: null };
    }
    const fixed = fixDecoded(decoded, (text) => analyzeFn(text, options));
    let fixError = fixed.error;
    let count = fixed.fixes;
    let result = fixed.result;
    let text = fixed.text;
    if (fixed.bytes) {
      try {
        fs.writeFileSync(abs, fixed.bytes);
      } catch (err) {
        const reason = ioReason(err);
        fixError = { zh: `无法写入修复：${reason.zh}`, en: `could not write the fixes: ${reason.en}` };
        count = 0;
        // The file is as it was, so its diagnostics are those of the original text.
        result = analyzeFn(decoded.text, options);
        text = decoded.text;
      }
    }
    const { model, diagnostics, suppressed } = result;
    return { kind: 'checked', file, abs, encoding: decoded.encoding, text, model, diagnostics, suppressed, fixed: count, fixError };
  } catch (err) {
    // The analysis is not supposed to throw; if it does, the file is reported and the others still checked.
    const text = err instanceof Error ? err.message : String(err);
    return { kind: 'unreadable', file, abs, message: { zh: `检查时发生内部错误：${text}`, en: `internal error while checking: ${text}` } };
  }
}
