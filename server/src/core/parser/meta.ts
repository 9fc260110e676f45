/**
 * Report metadata: title, agency, year, kind, statistics period and signature date.
 */

import type { DateValue, ReportKind, ReportModel } from '../model';
import { foldLabel, numeralValue, type LineIndex } from '../text';

/** The metadata part of the report model. */
export type Meta = Pick<ReportModel, 'title' | 'agency' | 'year' | 'kind' | 'statisticsPeriod' | 'signatureDate'>;

const D = '[0-9０-９]';
const SP = '[\\s\\u3000\\u00a0]*';
/** `2020年1月1日`, `2020 年 12 月 31 日`, full-width digits. */
const DATE_SRC = `(${D}{4})${SP}年${SP}(${D}{1,2})${SP}月${SP}(${D}{1,2})${SP}日`;
const CN_DATE_SRC = '([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日';

function cnYear(s: string): number | null {
  let y = 0;
  for (const ch of s) {
    const v = ch === '〇' || ch === '零' ? 0 : numeralValue(ch);
    if (v === null || v > 9) return null;
    y = y * 10 + v;
  }
  return y;
}

function makeDate(index: LineIndex, y: number | null, m: number | null, d: number | null, s: number, e: number): DateValue | null {
  if (y === null || m === null || d === null || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { year: y, month: m, day: d, raw: index.text.slice(s, e), range: index.range(s, e) };
}

/** Dates in `[s, e)` of the text, in order. */
export function datesIn(index: LineIndex, s: number, e: number): DateValue[] {
  const text = index.text.slice(s, e);
  const out: { at: number; d: DateValue }[] = [];
  const re = new RegExp(DATE_SRC, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const d = makeDate(index, numeralValue(m[1]), numeralValue(m[2]), numeralValue(m[3]), s + m.index, s + m.index + m[0].length);
    if (d) out.push({ at: m.index, d });
  }
  const cre = new RegExp(CN_DATE_SRC, 'g');
  while ((m = cre.exec(text))) {
    const d = makeDate(index, cnYear(m[1]), numeralValue(m[2]), numeralValue(m[3]), s + m.index, s + m.index + m[0].length);
    if (d) out.push({ at: m.index, d });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.d);
}

/** The report kind from the agency's name: a people's government, or a department (局, 委, 办, 政府办公室 …). */
export function kindOfAgency(name: string): ReportKind {
  const f = foldLabel(name);
  if (/政府(办公室|办公厅)$/.test(f)) return 'department';
  if (/人民政府$/.test(f) || /(省|市|县|区|州|盟|旗)政府$/.test(f)) return 'government';
  return 'department';
}

const AGENCY_END = /(局|委员会|委|办公室|办公厅|办|厅|部|院|署|会|中心|政府|处|所|站|街道办事处|街道|镇|乡|管委会|管理委员会|集团|公司)$/;

function looksLikeAgency(s: string): boolean {
  const f = foldLabel(s);
  return f.length >= 2 && f.length <= 30 && !/[。，,;；:：!！?？、]/.test(f) && AGENCY_END.test(f) && !/[0-9]/.test(f);
}

export function readMeta(index: LineIndex, firstSectionLine: number, consumed: Uint8Array): Meta {
  const text = index.text;
  const n = index.lineCount;
  const span = (line: number): [number, number] => {
    let a = index.starts[line];
    let b = index.ends[line];
    while (a < b && /[\s\u3000\u00a0\ufeff#]/.test(text[a])) a++;
    while (b > a && /[\s\u3000\u00a0]/.test(text[b - 1])) b--;
    return [a, b];
  };

  // Title: the first line (before section 一) that names the report.
  let title: Meta['title'] = null;
  let agency: Meta['agency'] = null;
  let year: Meta['year'] = null;
  const limit = Math.min(n, Math.max(firstSectionLine, 1), 40);
  let prevNonBlank = -1;
  for (let i = 0; i < limit; i++) {
    if (consumed[i]) continue;
    const [a, b] = span(i);
    if (a >= b) continue;
    const line = text.slice(a, b);
    const f = foldLabel(line);
    if (f.length <= 60 && /(年度报告|年报|工作报告)/.test(f) && /政府信息公开|政务公开|信息公开/.test(f)) {
      title = { text: line.replace(/\*\*/g, ''), range: index.range(a, b) };
      const ym = /((?:19|20)[0-9０-９]{2})[\s\u3000]*年/.exec(line);
      if (ym) {
        const y = numeralValue(ym[1]);
        if (y) year = { value: y, source: 'title' };
        const before = line.slice(0, ym.index).replace(/[\s\u3000]+$/, '');
        if (before && looksLikeAgency(before)) {
          agency = { name: foldLabel(before), range: index.range(a, a + before.length), source: 'title' };
        }
      }
      if (!agency && !ym) {
        // `松岭县农业农村局政府信息公开工作年度报告`: no year; the agency is what precedes the report's name.
        const k = line.search(/(政府信息公开|政务公开)/);
        const before = k > 0 ? line.slice(0, k).replace(/[\s\u3000]+$/, '') : '';
        if (before && looksLikeAgency(before)) {
          agency = { name: foldLabel(before), range: index.range(a, a + before.length), source: 'title' };
        }
      }
      if (!agency && prevNonBlank >= 0) {
        const [pa, pb] = span(prevNonBlank);
        const prev = text.slice(pa, pb);
        if (looksLikeAgency(prev)) agency = { name: foldLabel(prev), range: index.range(pa, pb), source: 'title' };
      }
      break;
    }
    prevNonBlank = i;
  }

  // Statistics period: the first sentence that speaks of 统计期限 and holds two dates.
  let statisticsPeriod: Meta['statisticsPeriod'] = null;
  for (let i = 0; i < n && !statisticsPeriod; i++) {
    if (consumed[i]) continue;
    const ls = index.starts[i];
    const le = index.ends[i];
    const line = text.slice(ls, le);
    const k = line.search(/统计(期限|期间|时限|区间|时间|周期|范围)/);
    if (k < 0) continue;
    const from = ls + k;
    const to = Math.min(le, from + 90);
    const ds = datesIn(index, from, to);
    if (ds.length >= 2) {
      statisticsPeriod = {
        from: ds[0],
        to: ds[1],
        range: { start: ds[0].range.start, end: ds[1].range.end },
      };
    }
  }

  // Signature date: a line near the end that is only a date.
  let signatureDate: DateValue | null = null;
  let seen = 0;
  for (let i = n - 1; i >= 0 && seen < 12; i--) {
    const [a, b] = span(i);
    if (a >= b) continue;
    seen++;
    const f = foldLabel(text.slice(a, b));
    if (f.length > 16) continue;
    const ds = datesIn(index, a, b);
    if (ds.length === 1 && foldLabel(ds[0].raw).length >= f.length - 1) {
      signatureDate = ds[0];
      if (!agency) {
        for (let j = i - 1, k = 0; j >= 0 && k < 3; j--) {
          const [pa, pb] = span(j);
          if (pa >= pb) continue;
          k++;
          const prev = text.slice(pa, pb);
          if (looksLikeAgency(prev)) {
            agency = { name: foldLabel(prev), range: index.range(pa, pb), source: 'signature' };
          }
          break;
        }
      }
      break;
    }
  }

  if (!year && statisticsPeriod) year = { value: statisticsPeriod.to.year, source: 'period' };
  if (!year && signatureDate) year = { value: signatureDate.year - 1, source: 'signature' };

  return {
    title,
    agency,
    year,
    kind: agency ? kindOfAgency(agency.name) : null,
    statisticsPeriod,
    signatureDate,
  };
}
