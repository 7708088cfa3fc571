/**
 * Answers the benchmark's questions many times in one process, for profiling and for comparing two versions of the
 * answering path. Reads a corpus and a work folder that `npm run bench -- --dir D` left (the cached index in
 * `D/work-N/index`, the questions in `D/work-N/questions.json`).
 *
 *   node --import tsx scripts/bench/profile.ts D/corpus-100000-v1 D/work-100000 [--rounds 5] [--answers out.json]
 *   node --import tsx --cpu-prof --cpu-prof-dir /tmp/prof scripts/bench/profile.ts …   (a V8 CPU profile)
 *   … --slowest 20   (the 20 questions that took the most CPU on their first ask, and asked again: the tail)
 *
 * Prints, per round, the wall-clock p50/p99/mean and the process's CPU time per question (user + system, less
 * disturbed by other work on a shared machine than wall-clock time), and a digest of every answer: two versions
 * whose digests are equal gave the same answers (`--answers` writes them all, to find the first difference).
 * A cache file the load had to write (the code that shapes the index, the knowledge snapshot or the fact fields
 * changed since the bench built them) is named on stderr: the load time then includes the rebuild.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../../src/engine.ts';
import type { BenchQuestion } from './questions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    answers: { type: 'string' },
    slowest: { type: 'string', default: '0' },
  },
});
const [corpusDir, workDir] = positionals as [string, string];
if (!corpusDir || !workDir) {
  console.error('usage: profile.ts <corpusDir> <workDir> [--rounds N] [--answers file]');
  process.exit(2);
}

// A cache file written now was rebuilt: the code that shapes it (parsing, topics, fact naming, the index) changed
// since the bench built it, and the load time below includes the rebuild (tens of seconds at 100,000 passages).
const cacheDir = path.join(workDir, 'index');
const cacheFiles = () => new Set(readdirSync(cacheDir, { withFileTypes: true }).map((f) => f.name));
const before = cacheFiles();
const t0 = performance.now();
const engine = createEngine({ knowledgeDir: corpusDir, cacheDir });
const loadMs = performance.now() - t0;
const rebuilt = [...cacheFiles()].filter((f) => !before.has(f));
if (rebuilt.length > 0) console.error(`note: rebuilt ${rebuilt.join(', ')}: the load time includes the rebuild`);
const { warmup, measured } = JSON.parse(readFileSync(path.join(workDir, 'questions.json'), 'utf8')) as {
  warmup: BenchQuestion[];
  measured: BenchQuestion[];
};
for (const q of warmup) engine.ask(q.q);

// The first time each question is asked (as in the bench), then again (`--rounds`), where per-word memos are warm.
const answers: unknown[] = [];
const firstTimes: number[] = [];
// CPU time of each question (user + system), first asked and asked again, for `--slowest`.
const firstCpu: number[] = [];
const againCpu: number[] = [];
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const f0 = process.cpuUsage();
for (const q of measured) {
  const s = performance.now();
  const c0 = process.cpuUsage();
  const { ms: _ms, ...r } = engine.ask(q.q);
  firstCpu.push(cpuMs(process.cpuUsage(c0)));
  firstTimes.push(performance.now() - s);
  answers.push(r);
}
const fc = process.cpuUsage(f0);
const text = JSON.stringify(answers);
const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
if (values.answers) writeFileSync(values.answers, text);

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
firstTimes.sort((a, b) => a - b);
console.log(
  `first ask: p50 ${pct(firstTimes, 50).toFixed(2)} ms  p99 ${pct(firstTimes, 99).toFixed(2)} ms  cpu/q ${((fc.user + fc.system) / 1000 / measured.length).toFixed(3)} ms`,
);
const rounds = Math.max(1, Number(values.rounds));
const cpuPerQ: number[] = [];
for (let r = 0; r < rounds; r++) {
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (const [i, q] of measured.entries()) {
    const s = performance.now();
    const q0 = r === 0 ? process.cpuUsage() : undefined;
    engine.ask(q.q);
    if (q0) againCpu[i] = cpuMs(process.cpuUsage(q0));
    times.push(performance.now() - s);
  }
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000 / measured.length;
  cpuPerQ.push(cpu);
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `round ${r + 1}: p50 ${pct(times, 50).toFixed(2)} ms  p99 ${pct(times, 99).toFixed(2)} ms  mean ${mean.toFixed(2)} ms  cpu/q ${cpu.toFixed(3)} ms`,
  );
}
cpuPerQ.sort((a, b) => a - b);
console.log(
  `load ${Math.round(loadMs)} ms  questions ${measured.length}  best cpu/q ${cpuPerQ[0]!.toFixed(3)} ms  digest ${digest}`,
);
const slowest = Number(values.slowest);
if (slowest > 0) {
  console.log(`slowest first asks (CPU ms first, again):`);
  const order = measured.map((_q, i) => i).sort((a, b) => firstCpu[b]! - firstCpu[a]!);
  for (const i of order.slice(0, slowest))
    console.log(`  ${firstCpu[i]!.toFixed(1).padStart(6)} ${againCpu[i]!.toFixed(1).padStart(6)}  ${measured[i]!.q}`);
}
