/**
 * One benchmark step in its own process, so memory and cold start are measured fresh.
 *
 *   node --import tsx --expose-gc scripts/bench/run.ts <engine> <phase> <corpusDir> <workDir>
 *
 * engine: ours | minisearch. phase: build (index from the knowledge files, write the cache)
 * or run (load the cached index, then answer every question in workDir/questions.json).
 * Prints one JSON object on its last line.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { createEngine } from '../../src/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { BenchQuestion } from './questions.ts';

const [engineName, phase, corpusDir, workDir] = process.argv.slice(2) as [string, string, string, string];
const indexDir = path.join(workDir, 'index');
const miniFile = path.join(workDir, 'minisearch.json');
const MINI_FIELDS = ['title', 'text'];

function rssMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
}
function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function questions(): { warmup: BenchQuestion[]; measured: BenchQuestion[] } {
  return JSON.parse(readFileSync(path.join(workDir, 'questions.json'), 'utf8'));
}

function latency(times: number[]): { p50Ms: number; p99Ms: number; meanMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50Ms: round2(percentile(sorted, 50)),
    p99Ms: round2(percentile(sorted, 99)),
    meanMs: round2(times.reduce((s, t) => s + t, 0) / Math.max(1, times.length)),
  };
}

if (engineName === 'ours' && phase === 'build') {
  // The first start of a bot on new knowledge: parse the files, build the index, write the cache.
  const t0 = performance.now();
  const engine = createEngine({ knowledgeDir: corpusDir, cacheDir: indexDir });
  const totalMs = performance.now() - t0;
  const { cache, index, knowledge } = engine;
  if (cache.hit || !cache.file) throw new Error('expected a fresh build');
  emit({
    buildMs: Math.round(cache.ms),
    firstStartMs: Math.round(totalMs),
    knowledgeMs: Math.round(totalMs - cache.ms),
    indexBytes: statSync(cache.file).size,
    passages: index.passages.length,
    sentences: index.sentences.length,
    articles: knowledge.articles.length,
    problems: knowledge.problems.length,
    buildPeakMB: peakMB(),
  });
} else if (engineName === 'ours' && phase === 'run') {
  const t0 = performance.now();
  const engine = createEngine({ knowledgeDir: corpusDir, cacheDir: indexDir });
  const loadMs = performance.now() - t0;
  const readyMs = performance.now(); // since the process started, node and tsx included
  if (!engine.cache.hit) {
    // The index format changed since the build step (someone edited the code meanwhile): say so, the caller rebuilds.
    emit({ cacheMiss: 1 });
    process.exit(0);
  }
  const { warmup, measured } = questions();
  for (const q of warmup) engine.ask(q.q);
  const times: number[] = [];
  let hit1 = 0;
  let answered = 0;
  const firsts: (string | null)[] = [];
  for (const q of measured) {
    const s = performance.now();
    const r = engine.ask(q.q);
    times.push(performance.now() - s);
    if (r.answered) answered++;
    const top = r.snippets[0];
    firsts.push(top ? top.passageId : null);
    if (top && norm(top.text).includes(norm(q.sentence))) hit1++;
  }
  const rss = rssMB();
  const mem = process.memoryUsage();
  // Hit@5 from the sentence ranking (the answer shows at most three snippets), untimed. Rank@1 is the ranking's own
  // first sentence whether or not the answer is declined: Hit@1 counts a decline as a miss, and the bench's questions
  // are word salad ('When Paris hotel rooms…?') that the scope checks rightly decline, so Rank@1 tells ranking loss
  // apart from declines.
  let hit5 = 0;
  let rank1 = 0;
  for (const q of measured) {
    const top5 = engine.candidates(q.q, 5).map((c) => c.text);
    if (top5.some((t) => norm(t).includes(norm(q.sentence)))) hit5++;
    if (top5[0] !== undefined && norm(top5[0]).includes(norm(q.sentence))) rank1++;
  }
  writeFileSync(path.join(workDir, 'ours-firsts.json'), JSON.stringify(firsts));
  emit({
    loadMs: Math.round(loadMs),
    cacheMs: Math.round(engine.cache.ms),
    readyMs: Math.round(readyMs),
    ...latency(times),
    rssMB: rss,
    heapMB: Math.round(mem.heapUsed / 1048576),
    arrayBuffersMB: Math.round(mem.arrayBuffers / 1048576),
    peakMB: peakMB(),
    questions: measured.length,
    answered,
    hit1: round2((100 * hit1) / measured.length),
    hit5: round2((100 * hit5) / measured.length),
    rank1: round2((100 * rank1) / measured.length),
  });
} else if (engineName === 'minisearch' && phase === 'build') {
  const knowledge = loadKnowledge(corpusDir);
  const t0 = performance.now();
  const ms = new MiniSearch({ fields: MINI_FIELDS });
  for (const a of knowledge.articles) for (const p of a.passages) ms.add({ id: p.id, title: a.title, text: p.text });
  writeFileSync(miniFile, JSON.stringify(ms));
  emit({ buildMs: Math.round(performance.now() - t0), indexBytes: statSync(miniFile).size, buildPeakMB: peakMB() });
} else if (engineName === 'minisearch' && phase === 'run') {
  const t0 = performance.now();
  const ms = MiniSearch.loadJSON(readFileSync(miniFile, 'utf8'), { fields: MINI_FIELDS });
  const loadMs = performance.now() - t0;
  const readyMs = performance.now();
  const { warmup, measured } = questions();
  for (const q of warmup) ms.search(q.q);
  const times: number[] = [];
  let hit1 = 0;
  let hit5 = 0;
  for (const q of measured) {
    const s = performance.now();
    const hits = ms.search(q.q);
    times.push(performance.now() - s);
    const ids = hits.slice(0, 5).map((h) => h.id as string);
    if (ids[0] !== undefined && q.passages.includes(ids[0])) hit1++;
    if (ids.some((id) => q.passages.includes(id))) hit5++;
  }
  emit({
    loadMs: Math.round(loadMs),
    readyMs: Math.round(readyMs),
    ...latency(times),
    rssMB: rssMB(),
    peakMB: peakMB(),
    questions: measured.length,
    hit1: round2((100 * hit1) / measured.length),
    hit5: round2((100 * hit5) / measured.length),
  });
} else {
  console.error('usage: run.ts ours|minisearch build|run <corpusDir> <workDir>');
  process.exit(2);
}
