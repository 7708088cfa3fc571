/**
 * Issue 10's cost check on many articles: the time per question of the whole answering path against a plain
 * MiniSearch search (default options, field `text`) over the same paragraphs, on the many-article knowledge base of
 * `npm run eval` (every Brown Corpus document as one article, with the bundled and Notre Dame articles:
 * scripts/kb/news.ts) and its questions (test/data/news-kb-questions.json, answerable and out of scope).
 *
 *   node --import tsx scripts/bench/brown.ts [--rounds 20] [--dir /tmp/brown]
 *
 * The two are timed in turns in one process (round by round), so other work on the machine weighs on both alike;
 * it prints wall-clock p50 and mean per question and the CPU time per question of each, and their ratios.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { createEngine } from '../../src/engine.ts';
import { writeNewsKb } from '../kb/news.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, dir: { type: 'string' } },
});
const root = path.resolve(import.meta.dirname, '..', '..');
const dir = path.resolve(values.dir ?? path.join(tmpdir(), 'newsdesk-brown-bench'));
const knowledgeDir = writeNewsKb(path.join(dir, 'kb'));
const engine = createEngine({ knowledgeDir, cacheDir: path.join(dir, 'cache') });
const set = JSON.parse(readFileSync(path.join(root, 'test', 'data', 'news-kb-questions.json'), 'utf8')) as {
  answerable: { q: string }[];
  out_of_scope?: string[];
  on_topic_unanswerable?: { q: string }[];
};
const questions = [...set.answerable.map((a) => a.q), ...(set.out_of_scope ?? [])];
const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
ms.addAll(engine.index.passages.map((p, id) => ({ id, text: p.text })));

const rounds = Math.max(1, Number(values.rounds));
type Name = 'ours' | 'minisearch';
const first = { ours: [] as number[], minisearch: [] as number[] };
const times = { ours: [] as number[], minisearch: [] as number[] };
const cpu = { ours: 0, minisearch: 0 };
const firstCpu = { ours: 0, minisearch: 0 };
const ask: Record<Name, (q: string) => unknown> = { ours: (q) => engine.ask(q), minisearch: (q) => ms.search(q) };
const run = (name: Name, into: number[], cpuInto: Record<Name, number>) => {
  const c0 = process.cpuUsage();
  for (const q of questions) {
    const t0 = performance.now();
    ask[name](q);
    into.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  cpuInto[name] += c.user + c.system;
};
// Warm up both on other questions (the set's on-topic ones): the tagger, WordNet and the vectors load on first use.
for (const { q } of set.on_topic_unanswerable ?? []) for (const name of ['ours', 'minisearch'] as const) ask[name](q);
// Each question asked for the first time (what a member's question costs), then again and again.
for (const name of ['ours', 'minisearch'] as const) run(name, first[name], firstCpu);
for (let r = 0; r < rounds; r++) for (const name of ['ours', 'minisearch'] as const) run(name, times[name], cpu);
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (label: string, t: Record<Name, number[]>, c: Record<Name, number>, n: number) => {
  const line = (name: Name) =>
    `  ${name.padEnd(10)} p50 ${p50(t[name]).toFixed(2)} ms  mean ${mean(t[name]).toFixed(2)} ms  cpu/q ${(c[name] / 1000 / n).toFixed(3)} ms`;
  console.log(label);
  console.log(line('ours'));
  console.log(line('minisearch'));
  console.log(
    `  ours / minisearch: p50 ${(p50(t.ours) / p50(t.minisearch)).toFixed(2)}×, mean ${(mean(t.ours) / mean(t.minisearch)).toFixed(2)}×, cpu ${(c.ours / c.minisearch).toFixed(2)}×`,
  );
};
console.log(`${engine.index.passages.length} passages, ${questions.length} questions`);
row('first time asked', first, firstCpu, questions.length);
row(`asked again (${rounds} rounds)`, times, cpu, questions.length * rounds);
