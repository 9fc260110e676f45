/**
 * The nianbao benchmark: in-process parse+analyse time (real seeds, every synthetic shape), linear growth up to
 * 4 MB (concatenated synthetic reports and adversarial texts), the whole CLI on a 1 MB file, CLI throughput on
 * 2,000 synthetic reports, and memory.
 *
 * Run: `npm run bench` (full set) or `node out/bench/bench.js --quick` (smoke test). Prints a table and writes
 * bench/results/latest.json. Every figure is a median of several runs after warm-up; a missed target prints
 * MISSED next to the figure but does not fail the run. Exits non-zero only when something crashes.
 *
 * Units: sizes are UTF-8 bytes; KB = 1024 bytes, MB = 1024 × 1024 bytes.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { analyze, parseReport } from '../server/src/core/index';
import { tablesOf, type TableId, type TemplateId } from '../server/src/core/schema';
import { renderReport, Rng, SYNTH_SHAPES, type SynthShape } from '../test/support/synth';

// ---------------------------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------------------------

const QUICK = process.argv.includes('--quick');
const ROOT = path.resolve(__dirname, '..', '..'); // out/bench/bench.js → repo root
const SEEDS_DIR = path.resolve(ROOT, '../shared/corpus/seeds');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.json');

const KB = 1024;
const MB = 1024 * 1024;

const CFG = QUICK
  ? {
      inWarmup: 10,
      inRuns: 30,
      sizesMB: [0.25, 0.5, 1],
      growth: { minRounds: 1, maxRounds: 2, budgetMs: 0 },
      cliBigRuns: 2,
      cliStartRuns: 2,
      reports: 100,
      cliRuns: 1,
    }
  : {
      inWarmup: 50,
      inRuns: 200,
      sizesMB: [0.25, 0.5, 1, 2, 4],
      growth: { minRounds: 3, maxRounds: 4, budgetMs: 2000 },
      cliBigRuns: 7,
      cliStartRuns: 5,
      reports: 2000,
      cliRuns: 3,
    };
/** Synthetic concatenation, the main linearity series, gets more runs than the adversarial ones. */
const SYNTH_GROWTH = QUICK ? CFG.growth : { minRounds: 5, maxRounds: 6, budgetMs: 8000 };
/** Stop growing an input kind once a single run takes this long (superlinear or hung: flagged). */
const GROWTH_RUN_CAP_MS = 15_000;

const TARGET = {
  /** ≤ 1 ms median for a report of up to 15 KB (larger reports: proportionally, 1 ms per 15 KB). */
  inProcessMsPer15KB: 1,
  oneMBInProcessMs: 1000,
  linearRatio: 2,
  cliOneMBMs: 1000,
  reportsPerSecond: 1000,
};

// ---------------------------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------------------------

interface Stats {
  runs: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { runs: s.length, median, p10: q(0.1), p90: q(0.9), min: s[0] };
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection (V8's gc(), exposed at run time). */
const gc = vm.runInNewContext('gc') as () => void;

/** Keeps results alive so nothing is optimised away. */
let sink = 0;

function timeRuns(fn: () => number, warmup: number, runs: number): Stats {
  for (let i = 0; i < warmup; i++) sink += fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    sink += fn();
    samples.push(nowMs() - t0);
  }
  return stats(samples);
}

const analyzeOnce = (text: string) => (): number => analyze(text).diagnostics.length;

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

function bytesOf(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `unit` repeated until the text has at least `bytes` UTF-8 bytes. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / bytesOf(unit))));
}

/** Whole synthetic reports (both templates, all six shapes, varied seeds), concatenated until `bytes`. */
function concatenatedReports(bytes: number): string {
  const pool: string[] = [];
  let seed = 11;
  for (const template of ['2021', '2019'] as TemplateId[]) {
    for (const shape of SYNTH_SHAPES) {
      pool.push(renderReport({ template, shape, seed: seed++, markdownHeadings: shape === 'markdown' }).text);
    }
  }
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = pool[i % pool.length];
    parts.push(t);
    size += bytesOf(t) + 2;
  }
  return parts.join('\n\n');
}

/** A markdown 2021 report whose 表三 has its body rows repeated until the text reaches `bytes`. */
function hugeTable(bytes: number): string {
  const r = renderReport({ template: '2021', shape: 'markdown', seed: 5, markdownHeadings: true });
  const lines = r.text.split('\n');
  const t3 = r.tables.find((t) => t.id === 't3');
  if (!t3) throw new Error('bench: synthetic report without 表三');
  const headerEnd = t3.startLine + 4; // three header rows and the alignment row
  const before = lines.slice(0, headerEnd).join('\n') + '\n';
  const body = lines.slice(headerEnd, t3.endLine + 1).join('\n') + '\n';
  const after = lines.slice(t3.endLine + 1).join('\n');
  const rest = bytes - bytesOf(before) - bytesOf(after);
  return before + fill(body, Math.max(rest, 1)) + after;
}

interface InputKind {
  id: string;
  what: string;
  make: (bytes: number) => string;
}

const PROSE = '本年度主动公开政府信息共123条，其中工作动态45条、通知公告30条（含政策解读12条），办结申请8件。';
const BRACKETS_OPEN = '（([【《「';
const BRACKETS_CLOSE = '」》】])）';

const INPUT_KINDS: InputKind[] = [
  { id: 'synthetic', what: 'whole synthetic reports (2 templates × 6 shapes) concatenated', make: concatenatedReports },
  {
    id: 'long-lines',
    what: 'prose with numbers in lines of ~140 KB',
    make: (b) => fill(PROSE.repeat(1000) + '\n', b),
  },
  {
    id: 'pipe-cells',
    what: 'lines of 2,000 `|` cells',
    make: (b) => fill('|' + Array.from({ length: 2000 }, (_, i) => ` ${i % 97} |`).join('') + '\n', b),
  },
  {
    id: 'tab-cells',
    what: 'lines of 2,000 TAB-separated cells',
    make: (b) => fill(Array.from({ length: 2000 }, (_, i) => String(i % 97)).join('\t') + '\n', b),
  },
  { id: 'huge-table', what: 'one markdown 表三 with its rows repeated', make: hugeTable },
  { id: 'digits-only', what: 'only ASCII digits, no line break', make: (b) => fill('0123456789', b) },
  {
    id: 'nested-brackets',
    what: 'lines of brackets nested 4,096 deep (6 kinds, full- and half-width)',
    make: (b) => {
      let open = '';
      let close = '';
      for (let i = 0; i < 4096; i++) {
        open += BRACKETS_OPEN[i % BRACKETS_OPEN.length];
        close = BRACKETS_CLOSE[BRACKETS_CLOSE.length - 1 - (i % BRACKETS_CLOSE.length)] + close;
      }
      return fill(open + '12' + close + '\n', b);
    },
  },
];

/**
 * A report for the CLI-throughput set: per-table shapes drawn at random; then, since a report in the text shapes
 * is only 5–8 KB, tables other than 表三 are turned to html one at a time until it is at least 8 KB (and back to
 * a text shape while it is over 15 KB). 表三 is never html: that alone makes a report of ~35 KB.
 */
function throughputReport(i: number): { text: string; template: TemplateId; shapes: SynthShape[]; md: boolean } {
  const rng = new Rng(0x5eed + i * 7919);
  const template: TemplateId = i % 2 ? '2019' : '2021';
  const md = i % 4 === 0;
  const textShapes = SYNTH_SHAPES.filter((s) => s !== 'html');
  const ids = tablesOf(template).map((t) => t.id);
  const pick = <T>(xs: T[]): T => xs[rng.int(0, xs.length - 1)];
  // The layout (and so the size of the html) depends on the seed: try further seeds if one cannot reach 8 KB.
  for (let k = 0; k < 20; k++) {
    const seed = i + 1 + k * 100_003;
    const shape: Partial<Record<TableId, SynthShape>> = {};
    for (const id of ids) shape[id] = pick(id === 't3' ? textShapes : [...SYNTH_SHAPES]);
    for (let attempt = 0; attempt < 20; attempt++) {
      const text = renderReport({ template, shape, seed, variants: i % 3 === 0, markdownHeadings: md }).text;
      const size = bytesOf(text);
      const html = ids.filter((id) => shape[id] === 'html');
      const notHtml = ids.filter((id) => id !== 't3' && shape[id] !== 'html');
      if (size > 15 * KB && html.length) shape[pick(html)] = pick(textShapes);
      else if (size < 8 * KB && notHtml.length) shape[pick(notHtml)] = 'html';
      else if (size >= 8 * KB && size <= 15 * KB) return { text, template, shapes: Object.values(shape), md };
      else break;
    }
  }
  throw new Error(`bench: no 8–15 KB synthetic report for #${i}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------------------------

const DEV_NULL = fs.openSync(os.devNull, 'w');
const GNU_TIME = '/usr/bin/time';

interface CliRun {
  wallMs: number;
  /** User + system CPU time of the CLI process. */
  cpuMs: number;
  maxRssKB: number;
}

/**
 * How the CLI's own resource use is read: GNU `time -v` around it when present (checked once, at start), else a
 * `--require` preload that writes the child's process.resourceUsage() at exit.
 */
interface Meter {
  via: string;
  command: (args: string[]) => { file: string; argv: string[] };
  read: (stderr: string) => { cpuMs: number; maxRssKB: number } | null;
}

function makeMeter(tmp: string): Meter {
  const probe = fs.existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }) : null;
  if (probe && probe.status === 0 && /Maximum resident set size/.test(probe.stderr)) {
    return {
      via: `${GNU_TIME} -v`,
      command: (args) => ({ file: GNU_TIME, argv: ['-v', process.execPath, CLI, ...args] }),
      read: (stderr) => {
        const num = (re: RegExp): number | null => {
          const m = re.exec(stderr);
          return m ? Number(m[1]) : null;
        };
        const user = num(/User time \(seconds\):\s*([\d.]+)/);
        const sys = num(/System time \(seconds\):\s*([\d.]+)/);
        const rss = num(/Maximum resident set size \(kbytes\):\s*(\d+)/);
        return user === null || sys === null || rss === null ? null : { cpuMs: (user + sys) * 1000, maxRssKB: rss };
      },
    };
  }
  const out = path.join(tmp, 'usage.json');
  const preload = path.join(tmp, 'usage.js');
  fs.writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.resourceUsage())));\n`,
  );
  return {
    via: 'process.resourceUsage() (no GNU time)',
    command: (args) => ({ file: process.execPath, argv: ['--require', preload, CLI, ...args] }),
    read: () => {
      const u = JSON.parse(fs.readFileSync(out, 'utf8')) as NodeJS.ResourceUsage;
      return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKB: u.maxRSS };
    },
  };
}

/** One CLI run, stdout to /dev/null; throws unless it exits 0 or 1 (1 = findings). */
function runCli(meter: Meter, args: string[]): CliRun {
  const { file, argv } = meter.command(args);
  const t0 = nowMs();
  const r = spawnSync(file, argv, { stdio: ['ignore', DEV_NULL, 'pipe'], maxBuffer: 64 * MB, encoding: 'utf8' });
  const wallMs = nowMs() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`CLI ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
  }
  const usage = meter.read(r.stderr);
  if (!usage) throw new Error(`no resource usage from ${meter.via}: ${r.stderr.slice(-500)}`);
  return { wallMs, ...usage };
}

interface CliStats {
  wall: Stats;
  cpu: Stats;
  /** The largest peak RSS over the timed runs. */
  maxRssKB: number;
}

function timeCli(meter: Meter, args: string[], runs: number, warmup = 1): CliStats {
  for (let i = 0; i < warmup; i++) runCli(meter, args);
  const rs: CliRun[] = [];
  for (let i = 0; i < runs; i++) rs.push(runCli(meter, args));
  return {
    wall: stats(rs.map((r) => r.wallMs)),
    cpu: stats(rs.map((r) => r.cpuMs)),
    maxRssKB: Math.max(...rs.map((r) => r.maxRssKB)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

function printTable(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);
const f3 = (n: number): string => n.toFixed(3);
const mark = (met: boolean): string => (met ? '' : 'MISSED');

interface Target {
  name: string;
  value: string;
  limit: string;
  met: boolean;
}
const targets: Target[] = [];
function target(name: string, value: string, limit: string, met: boolean): void {
  targets.push({ name, value, limit, met });
}

function gitInfo(): { commit: string | null; dirty: boolean | null } {
  const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const st = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
  return {
    commit: rev.status === 0 ? rev.stdout.trim() : null,
    dirty: st.status === 0 ? st.stdout.trim() !== '' : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------------

interface DocTiming {
  name: string;
  bytes: number;
  kb: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  runs: number;
  msPerMB: number;
  /** Median of parseReport(text) alone (the rest of analyze is the rules). */
  parseMedianMs: number;
  limitMs: number;
  met: boolean;
}

function timeDoc(name: string, text: string): DocTiming {
  const bytes = bytesOf(text);
  const s = timeRuns(analyzeOnce(text), CFG.inWarmup, CFG.inRuns);
  const p = timeRuns(() => parseReport(text).cells.length, CFG.inWarmup, CFG.inRuns);
  const limitMs = Math.max(1, bytes / (15 * KB)) * TARGET.inProcessMsPer15KB;
  return {
    name,
    bytes,
    kb: bytes / KB,
    medianMs: s.median,
    p10Ms: s.p10,
    p90Ms: s.p90,
    runs: s.runs,
    msPerMB: s.median / (bytes / MB),
    parseMedianMs: p.median,
    limitMs,
    met: s.median <= limitMs,
  };
}

function printDocs(title: string, docs: DocTiming[]): void {
  printTable(
    title,
    ['report', 'KB', 'runs', 'median ms', 'p10', 'p90', 'ms/MB', 'parse only', 'limit ms', ''],
    docs.map((d) => [
      d.name,
      f1(d.kb),
      d.runs,
      f3(d.medianMs),
      f3(d.p10Ms),
      f3(d.p90Ms),
      f1(d.msPerMB),
      f3(d.parseMedianMs),
      f2(d.limitMs),
      mark(d.met),
    ]),
  );
}

function median(xs: number[]): number {
  return stats(xs).median;
}

function seedTimings(): { docs: DocTiming[]; medianMsPerMB: number | null; note?: string } {
  if (!fs.existsSync(SEEDS_DIR)) return { docs: [], medianMsPerMB: null, note: `no seeds at ${SEEDS_DIR}` };
  const files = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const docs = files.map((f) => timeDoc(f, fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')));
  printDocs(`1. In-process analyze(text), real seeds (median of ${CFG.inRuns} runs after ${CFG.inWarmup} warm-up)`, docs);
  const medianMsPerMB = docs.length ? median(docs.map((d) => d.msPerMB)) : null;
  if (medianMsPerMB !== null) console.log(`median over seeds: ${f1(medianMsPerMB)} ms/MB`);
  return { docs, medianMsPerMB };
}

function shapeTimings(): { docs: DocTiming[]; medianMsPerMB: number } {
  const docs: DocTiming[] = [];
  for (const template of ['2021', '2019'] as TemplateId[]) {
    for (const shape of SYNTH_SHAPES) {
      const r = renderReport({ template, shape, seed: 7, markdownHeadings: shape === 'markdown' });
      docs.push(timeDoc(`${template} ${shape}`, r.text));
    }
  }
  printDocs(`2. In-process analyze(text), synthetic report per template × shape (median of ${CFG.inRuns} runs)`, docs);
  const medianMsPerMB = median(docs.map((d) => d.msPerMB));
  console.log(`median over shapes: ${f1(medianMsPerMB)} ms/MB`);
  return { docs, medianMsPerMB };
}

interface GrowthPoint {
  targetMB: number;
  bytes: number;
  runs: number;
  medianMs: number;
  msPerMB: number;
}
interface GrowthSeries {
  kind: string;
  what: string;
  points: GrowthPoint[];
  /** Largest over smallest ms/MB across sizes (shown; variation either way). */
  ratio: number;
  /**
   * The linearity flag: the largest rise of ms/MB from a smaller size to a larger one (max over i < j of
   * ms/MB[j] / ms/MB[i]). Above 2, time grows faster than linearly. A cost per MB that falls with size (fixed
   * work per document, such as reading the head and tail for metadata, spread over more bytes) is not.
   */
  rise: number;
  /** ms/MB at the largest size over ms/MB at the smallest: > 1 grows faster than linear, < 1 slower. */
  trend: number;
  linear: boolean;
  oneMBMs: number | null;
  stopped?: string;
}

function growth(): GrowthSeries[] {
  const series: GrowthSeries[] = [];
  for (const kind of INPUT_KINDS) {
    const plan = kind.id === 'synthetic' ? SYNTH_GROWTH : CFG.growth;
    const docs = CFG.sizesMB.map((mb) => {
      const text = kind.make(mb * MB);
      return { mb, text, bytes: bytesOf(text), samples: [] as number[] };
    });
    // Warm up on the smallest size; larger sizes reuse the warmed code.
    for (let i = 0; i < 2; i++) sink += analyze(docs[0].text).diagnostics.length;
    // Rounds over all sizes, so that a burst of load on the shared machine hits every size alike. (No forced gc
    // between runs: V8 sweeps after it, and that work lands on the next run and swamps the small sizes.)
    let active = docs.length;
    let stopped: string | undefined;
    const start = nowMs();
    for (let round = 0; round < plan.maxRounds; round++) {
      for (let i = 0; i < active; i++) {
        const t0 = nowMs();
        sink += analyze(docs[i].text).diagnostics.length;
        const dt = nowMs() - t0;
        docs[i].samples.push(dt);
        if (dt > GROWTH_RUN_CAP_MS) {
          stopped = `stopped at ${docs[i].mb} MB: one run took ${f1(dt)} ms`;
          active = i + 1;
          break;
        }
      }
      if (stopped) break;
      if (round + 1 >= plan.minRounds && nowMs() - start >= plan.budgetMs) break;
    }
    const points: GrowthPoint[] = docs
      .filter((d) => d.samples.length > 0)
      .map((d) => {
        const s = stats(d.samples);
        return { targetMB: d.mb, bytes: d.bytes, runs: s.runs, medianMs: s.median, msPerMB: s.median / (d.bytes / MB) };
      });
    const perMB = points.map((p) => p.msPerMB);
    const ratio = Math.max(...perMB) / Math.min(...perMB);
    let rise = 0;
    for (let i = 0; i < perMB.length; i++) for (let j = i + 1; j < perMB.length; j++) rise = Math.max(rise, perMB[j] / perMB[i]);
    const one = points.find((p) => p.targetMB === 1);
    series.push({
      kind: kind.id,
      what: kind.what,
      points,
      ratio,
      rise,
      trend: perMB[perMB.length - 1] / perMB[0],
      linear: rise <= TARGET.linearRatio && !stopped,
      oneMBMs: one ? one.medianMs : null,
      ...(stopped ? { stopped } : {}),
    });
  }
  const sizes = CFG.sizesMB;
  printTable(
    `3. Linear growth: in-process ms per MB at each size (median of ≥ ${CFG.growth.minRounds} interleaved runs per size; synthetic ≥ ${SYNTH_GROWTH.minRounds})`,
    ['input', ...sizes.map((s) => `${s} MB`), 'max/min', 'rise', '', 'last/first', '1 MB ms', ''],
    series.map((g) => [
      g.kind,
      ...sizes.map((s) => {
        const p = g.points.find((q) => q.targetMB === s);
        return p ? f1(p.msPerMB) : '—';
      }),
      f2(g.ratio),
      f2(g.rise),
      g.linear ? '' : 'FLAG',
      f2(g.trend),
      g.oneMBMs === null ? '—' : f1(g.oneMBMs),
      g.oneMBMs === null ? '' : mark(g.oneMBMs < TARGET.oneMBInProcessMs),
    ]),
  );
  for (const g of series) if (g.stopped) console.log(`${g.kind}: ${g.stopped}`);
  return series;
}

function heapAfterOneMB(text: string): Record<string, number> {
  gc();
  const base = process.memoryUsage();
  const result = analyze(text);
  const after = process.memoryUsage();
  gc();
  const retained = process.memoryUsage();
  sink += result.diagnostics.length + result.model.tables.length;
  return {
    inputBytes: bytesOf(text),
    heapBeforeMB: base.heapUsed / MB,
    heapAfterAnalyzeMB: after.heapUsed / MB,
    heapRetainedByResultMB: (retained.heapUsed - base.heapUsed) / MB,
    rssAfterMB: after.rss / MB,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

interface SetInfo {
  shapeCount: Record<string, number>;
  totalBytes: number;
  minBytes: number;
  maxBytes: number;
}

/** Writes the throughput set (item 5) to `dir`. Also used alone with `--write-set DIR`, for profiling the CLI by hand. */
function writeSet(dir: string): SetInfo {
  fs.mkdirSync(dir, { recursive: true });
  const info: SetInfo = { shapeCount: {}, totalBytes: 0, minBytes: Infinity, maxBytes: 0 };
  for (let i = 0; i < CFG.reports; i++) {
    const r = throughputReport(i);
    for (const s of r.shapes) info.shapeCount[s] = (info.shapeCount[s] ?? 0) + 1;
    const size = bytesOf(r.text);
    info.totalBytes += size;
    info.minBytes = Math.min(info.minBytes, size);
    info.maxBytes = Math.max(info.maxBytes, size);
    fs.writeFileSync(path.join(dir, `r${String(i).padStart(4, '0')}-${r.template}${r.md ? '.md' : '.txt'}`), r.text, 'utf8');
  }
  return info;
}

function main(): void {
  const setAt = process.argv.indexOf('--write-set');
  if (setAt >= 0) {
    const dir = process.argv[setAt + 1];
    if (!dir) throw new Error('--write-set needs a folder');
    writeSet(dir);
    console.log(`${CFG.reports} reports written to ${dir}`);
    return;
  }
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run node scripts/build.mjs first`);
  const started = nowMs();
  const cpus = os.cpus();
  const machine = {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAvgStart: os.loadavg(),
    ...gitInfo(),
  };
  console.log(`nianbao benchmark${QUICK ? ' (--quick: fewer runs, sizes and reports; figures not comparable)' : ''}`);
  console.log(`${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, ${machine.date}, load ${machine.loadAvgStart.map(f2).join(' ')}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const cleanup = (): void => fs.rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    // 1–2. Per report, in process.
    const seeds = seedTimings();
    if (seeds.note) console.log(seeds.note);
    const shapes = shapeTimings();
    const seedMet = seeds.docs.every((d) => d.met);
    const shapeMet = shapes.docs.every((d) => d.met);
    const worstSeed = seeds.docs.reduce<DocTiming | null>((w, d) => (!w || d.medianMs / d.limitMs > w.medianMs / w.limitMs ? d : w), null);
    if (worstSeed) {
      target(
        'in-process, real seeds: ≤ 1 ms per report ≤ 15 KB',
        `worst ${f3(worstSeed.medianMs)} ms (${worstSeed.name}, ${f1(worstSeed.kb)} KB)`,
        `${f2(worstSeed.limitMs)} ms`,
        seedMet,
      );
    }
    const worstShape = shapes.docs.reduce((w, d) => (d.medianMs / d.limitMs > w.medianMs / w.limitMs ? d : w));
    target(
      'in-process, synthetic shapes: ≤ 1 ms per 15 KB',
      `worst ${f3(worstShape.medianMs)} ms (${worstShape.name}, ${f1(worstShape.kb)} KB)`,
      `${f2(worstShape.limitMs)} ms`,
      shapeMet,
    );

    // 3. Growth.
    const series = growth();
    for (const g of series) {
      target(`linear growth, ${g.kind}: largest rise of ms per MB`, f2(g.rise), `≤ ${TARGET.linearRatio}`, g.linear);
    }
    for (const g of series) {
      if (g.oneMBMs !== null) target(`1 MB in process, ${g.kind}`, `${f1(g.oneMBMs)} ms`, `< ${TARGET.oneMBInProcessMs} ms`, g.oneMBMs < TARGET.oneMBInProcessMs);
    }

    // 6a. Heap after the 1 MB synthetic file (before the CLI runs, with little else alive).
    const big = concatenatedReports(MB);
    const heap = heapAfterOneMB(big);

    // 4. The whole CLI on 1 MB.
    const bigFile = path.join(tmp, 'big.md');
    fs.writeFileSync(bigFile, big, 'utf8');
    const meter = makeMeter(tmp);
    const cliStart = timeCli(meter, ['--version'], CFG.cliStartRuns);
    const cliBig = timeCli(meter, ['check', bigFile, '--format', 'json'], CFG.cliBigRuns);
    const cliBigText = timeCli(meter, ['check', bigFile, '--format', 'text'], CFG.cliBigRuns);
    const cliRow = (label: string, c: CliStats, limit: number | null): (string | number)[] => [
      label,
      c.wall.runs,
      f1(c.wall.median),
      f1(c.wall.p10),
      f1(c.wall.p90),
      f1(c.cpu.median),
      f1(c.maxRssKB / 1024),
      limit === null ? '' : mark(c.wall.median < limit),
    ];
    printTable(
      `4. Whole CLI process, wall time including node start (median of ${CFG.cliBigRuns} runs after 1 warm-up; stdout → /dev/null; CPU and RSS via ${meter.via})`,
      ['command', 'runs', 'median ms', 'p10', 'p90', 'CPU ms', 'RSS MB', ''],
      [
        cliRow('node dist/cli.js --version', cliStart, null),
        cliRow(`check big.md (${f2(bytesOf(big) / MB)} MB) --format json`, cliBig, TARGET.cliOneMBMs),
        cliRow('check big.md --format text', cliBigText, TARGET.cliOneMBMs),
      ],
    );
    target('CLI, 1 MB file, --format json (wall)', `${f1(cliBig.wall.median)} ms`, `< ${TARGET.cliOneMBMs} ms`, cliBig.wall.median < TARGET.cliOneMBMs);

    // 5. Throughput.
    const dir = path.join(tmp, 'reports');
    const genStart = nowMs();
    const { shapeCount, totalBytes, minBytes, maxBytes } = writeSet(dir);
    const genMs = nowMs() - genStart;
    const thr = (['json', 'text'] as const).map((format, k) => {
      // One warm-up run for the set (the files were just written, so they are in the page cache anyway).
      const c = timeCli(meter, ['check', dir, '--format', format], CFG.cliRuns, k === 0 ? 1 : 0);
      return {
        format,
        runs: c.wall.runs,
        medianMs: c.wall.median,
        p10Ms: c.wall.p10,
        p90Ms: c.wall.p90,
        cpuMedianMs: c.cpu.median,
        maxRssKB: c.maxRssKB,
        reportsPerSecond: CFG.reports / (c.wall.median / 1000),
        mbPerSecond: totalBytes / MB / (c.wall.median / 1000),
      };
    });
    printTable(
      `5. CLI throughput: ${CFG.reports} synthetic reports, ${f1(totalBytes / MB)} MB, ${f1(totalBytes / CFG.reports / KB)} KB mean, ${f1(minBytes / KB)}–${f1(maxBytes / KB)} KB (median of ${CFG.cliRuns} runs after 1 warm-up run)`,
      ['format', 'runs', 'median ms', 'p10', 'p90', 'CPU ms', 'reports/s', 'MB/s', ''],
      thr.map((t) => [
        t.format,
        t.runs,
        f1(t.medianMs),
        f1(t.p10Ms),
        f1(t.p90Ms),
        f1(t.cpuMedianMs),
        f1(t.reportsPerSecond),
        f2(t.mbPerSecond),
        mark(t.reportsPerSecond >= TARGET.reportsPerSecond),
      ]),
    );
    console.log(`table shapes in the set: ${Object.entries(shapeCount).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const t of thr) {
      target(`CLI throughput, --format ${t.format}`, `${f1(t.reportsPerSecond)} reports/s`, `≥ ${TARGET.reportsPerSecond}`, t.reportsPerSecond >= TARGET.reportsPerSecond);
    }

    // 6. Memory.
    printTable('6. Memory', ['measure', 'MB'], [
      ...thr.map((t) => [`CLI peak RSS, ${CFG.reports} reports --format ${t.format} (largest over the runs; ${meter.via})`, f1(t.maxRssKB / 1024)]),
      [`CLI peak RSS, 1 MB file --format json`, f1(cliBig.maxRssKB / 1024)],
      [`CLI peak RSS, --version`, f1(cliStart.maxRssKB / 1024)],
      [`in-process heap used after analyze(1 MB), before gc`, f1(heap.heapAfterAnalyzeMB)],
      [`in-process heap retained by the 1 MB result (after gc, minus baseline)`, f1(heap.heapRetainedByResultMB)],
      [`in-process heap baseline (after gc)`, f1(heap.heapBeforeMB)],
    ]);

    printTable(
      'Targets',
      ['target', 'figure', 'limit', ''],
      targets.map((t) => [t.name, t.value, t.limit, t.met ? 'met' : 'MISSED']),
    );

    const durationS = (nowMs() - started) / 1000;
    const results = {
      quick: QUICK,
      machine: { ...machine, loadAvgEnd: os.loadavg() },
      config: { ...CFG, synthGrowth: SYNTH_GROWTH, growthRunCapMs: GROWTH_RUN_CAP_MS, units: 'UTF-8 bytes; KB = 1024 B, MB = 1024² B' },
      seeds,
      shapes,
      growth: series,
      cli: {
        startVersion: cliStart,
        oneMB: { bytes: bytesOf(big), json: cliBig, text: cliBigText },
        throughput: { reports: CFG.reports, totalBytes, meanKB: totalBytes / CFG.reports / KB, minKB: minBytes / KB, maxKB: maxBytes / KB, shapeCount, generationMs: genMs, runs: thr },
      },
      memory: {
        via: meter.via,
        cliPeakRssMB: Object.fromEntries(thr.map((t) => [t.format, t.maxRssKB / 1024])),
        cliOneMBPeakRssMB: cliBig.maxRssKB / 1024,
        cliVersionPeakRssMB: cliStart.maxRssKB / 1024,
        inProcessOneMB: heap,
      },
      targets,
      durationS,
      sink,
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
    console.log(`\n${targets.filter((t) => t.met).length}/${targets.length} targets met; ${f1(durationS)} s; results in ${path.relative(ROOT, RESULTS)}`);
  } finally {
    cleanup();
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
}
