/**
 * Speed and scale benchmark: this project's answering path against plain MiniSearch with its
 * default options, on the same passages and questions, in the same run.
 *
 *   npm run bench                          1,000, 10,000 and 100,000 passages
 *   npm run bench -- --sizes 1000,10000    selected sizes
 *   npm run --silent bench -- --json       the last line is { "rows": [...] } (docs/CONTRACTS.md)
 *   npm run bench -- --runs 3              fresh query processes per engine and size (best is kept)
 *   npm run bench -- --dir /some/folder    where corpora and indexes go (default: <tmpdir>/newsdesk-bench)
 *   npm run bench -- --http                the HTTP endpoint under load instead (scripts/bench/http.ts)
 *   npm run bench -- --gateway             the gateway bot under load on the emulator (scripts/bench/gateway.ts)
 *
 * For each size: corpora are written as knowledge articles (scripts/bench/corpus.ts) and loaded
 * through the project's loader; about 500 questions come from random sentences
 * (scripts/bench/questions.ts). Each step runs in its own process (scripts/bench/run.ts):
 * one builds the index and writes the cache, then `--runs` fresh processes each load the cached
 * index (cold start), answer 50 warm-up and then the measured questions, and report latency,
 * memory and hits. Progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { CORPUS_VERSION, writeCorpus } from './bench/corpus.ts';
import { makeQuestions } from './bench/questions.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    questions: { type: 'string', default: '500' },
    dir: { type: 'string' },
    // --http: the loopback load test of the HTTP endpoint instead (scripts/bench/http.ts).
    http: { type: 'boolean', default: false },
    // --gateway: the gateway bot under load on the emulator, for comparison (scripts/bench/gateway.ts).
    gateway: { type: 'boolean', default: false },
    requests: { type: 'string' },
    seconds: { type: 'string' },
    knowledge: { type: 'string' },
  },
});
if (values.http || values.gateway) {
  await import(values.http ? './bench/http.ts' : './bench/gateway.ts');
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
// Outside the project's .cache, which tests and tools may clear; --dir picks another place.
const benchDir = path.resolve(values.dir ?? path.join(tmpdir(), 'newsdesk-bench'));
const sizes = values.sizes.split(',').map((s) => Number(s.replace(/[_k]/g, (m) => (m === 'k' ? '000' : ''))));
const runs = Math.max(1, Number(values.runs));
const questionCount = Math.max(10, Number(values.questions));
const WARMUP = 50;

if (sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 100_000)) {
  console.error('--sizes: comma-separated passage counts between 100 and 100000');
  process.exit(2);
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function step(engine: string, phase: string, corpus: string, work: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', path.join(root, 'scripts', 'bench', 'run.ts'), engine, phase, corpus, work],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, cwd: root },
  );
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as Record<string, number>;
}

/** Best of several fresh processes: the lowest time and memory figures, measured each time anew. */
function best(results: Record<string, number>[]): Record<string, number> {
  const out = { ...results[0]! };
  for (const key of ['loadMs', 'readyMs', 'cacheMs', 'p50Ms', 'p99Ms', 'meanMs', 'rssMB', 'peakMB']) {
    const vals = results.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    if (vals.length) out[key] = Math.min(...vals);
  }
  return out;
}

interface Row {
  engine: string;
  passages: number;
  buildMs: number;
  loadMs: number;
  p50Ms: number;
  p99Ms: number;
  rssMB: number;
  [extra: string]: unknown;
}

const rows: Row[] = [];
for (const size of sizes) {
  const corpus = path.join(benchDir, `corpus-${size}-v${CORPUS_VERSION}`);
  const work = path.join(benchDir, `work-${size}`);
  log(`[${size}] writing corpus to ${path.relative(root, corpus)}`);
  writeCorpus(corpus, size);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const knowledge = loadKnowledge(corpus);
  const qs = makeQuestions(knowledge, questionCount + WARMUP, 1000 + size);
  writeFileSync(
    path.join(work, 'questions.json'),
    JSON.stringify({ warmup: qs.slice(0, WARMUP), measured: qs.slice(WARMUP) }),
  );
  const misspelled = qs.slice(WARMUP).filter((q) => q.misspelled).length;
  log(`[${size}] ${qs.length - WARMUP} questions (${misspelled} with a misspelling), ${WARMUP} warm-up`);

  log(`[${size}] ours: building the index`);
  let oursBuild = step('ours', 'build', corpus, work);
  log(`[${size}] minisearch: building the index`);
  const miniBuild = step('minisearch', 'build', corpus, work);
  const oursRuns: Record<string, number>[] = [];
  const miniRuns: Record<string, number>[] = [];
  for (let r = 0; r < runs; r++) {
    log(`[${size}] run ${r + 1}/${runs}: ours`);
    let run = step('ours', 'run', corpus, work);
    if (run['cacheMiss']) {
      log(`[${size}] the index format changed during the run: building again`);
      oursBuild = step('ours', 'build', corpus, work);
      run = step('ours', 'run', corpus, work);
    }
    oursRuns.push(run);
    log(`[${size}] run ${r + 1}/${runs}: minisearch`);
    miniRuns.push(step('minisearch', 'run', corpus, work));
  }
  const ours = best(oursRuns);
  const mini = best(miniRuns);
  rows.push({
    engine: 'newsdesk-bot',
    passages: oursBuild['passages'] ?? size,
    buildMs: oursBuild['buildMs']!,
    loadMs: ours['loadMs']!,
    p50Ms: ours['p50Ms']!,
    p99Ms: ours['p99Ms']!,
    rssMB: ours['rssMB']!,
    hit1: ours['hit1'],
    hit5: ours['hit5'],
    rank1: ours['rank1'],
    answeredShare: ours['questions'] ? (100 * ours['answered']!) / ours['questions'] : undefined,
    indexBytes: oursBuild['indexBytes'],
    sentences: oursBuild['sentences'],
    articles: oursBuild['articles'],
    knowledgeMs: oursBuild['knowledgeMs'],
    firstStartMs: oursBuild['firstStartMs'],
    heapMB: ours['heapMB'],
    arrayBuffersMB: ours['arrayBuffersMB'],
    cacheLoadMs: ours['cacheMs'],
    readyMs: ours['readyMs'],
    meanMs: ours['meanMs'],
    peakMB: ours['peakMB'],
    buildPeakMB: oursBuild['buildPeakMB'],
    questions: ours['questions'],
    answered: ours['answered'],
    hitRule:
      'hit1: the first snippet contains the source sentence (a decline is a miss); rank1: the best-ranked sentence ' +
      'contains it, declined or not; hit5: it is among the 5 best-ranked sentences; answeredShare: questions answered',
  });
  rows.push({
    engine: 'minisearch-defaults',
    passages: oursBuild['passages'] ?? size,
    buildMs: miniBuild['buildMs']!,
    loadMs: mini['loadMs']!,
    p50Ms: mini['p50Ms']!,
    p99Ms: mini['p99Ms']!,
    rssMB: mini['rssMB']!,
    hit1: mini['hit1'],
    hit5: mini['hit5'],
    rank1: mini['hit1'],
    indexBytes: miniBuild['indexBytes'],
    readyMs: mini['readyMs'],
    meanMs: mini['meanMs'],
    peakMB: mini['peakMB'],
    buildPeakMB: miniBuild['buildPeakMB'],
    questions: mini['questions'],
    hitRule: 'hit1 (and rank1): the top paragraph contains the source sentence; hit5: one of the top 5 does',
  });
  log(`[${size}] done`);
}

function table(rs: Row[]): string {
  const head = [
    'engine',
    'passages',
    'build',
    'index',
    'cold start',
    'p50',
    'p99',
    'RSS',
    'answered',
    'Hit@1',
    'Rank@1',
    'Hit@5',
  ];
  const pct = (n: unknown) => (typeof n === 'number' ? `${n.toFixed(1)}%` : '–');
  const fmtMs = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n} ms`);
  const lines = rs.map((r) => [
    r.engine,
    r.passages.toLocaleString('en-US'),
    fmtMs(r.buildMs),
    `${((r['indexBytes'] as number) / 1048576).toFixed(1)} MB`,
    fmtMs(r.loadMs),
    `${r.p50Ms.toFixed(2)} ms`,
    `${r.p99Ms.toFixed(2)} ms`,
    `${r.rssMB} MB`,
    pct(r['answeredShare']),
    pct(r['hit1']),
    pct(r['rank1']),
    pct(r['hit5']),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    fmt(head),
    `|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(fmt),
  ].join('\n');
}

console.log(table(rows));
console.log(
  '\nCold start: loading the knowledge folder and the cached index in a fresh process (best of ' +
    `${runs}). Latency: engine.ask for the whole answering path; MiniSearch: search() with defaults.`,
);
if (values.json) console.log(JSON.stringify({ rows }));
