/**
 * Two versions of the answering code in one process, asked the benchmark's questions in turns (which goes first
 * alternates question by question), for an A/B that machine drift and other work hit alike: on a shared machine two
 * `profile.ts` runs a minute apart differ by more than most changes. Each version is a checkout with its own
 * node_modules (`git worktree add --detach /tmp/old <commit>`, then `npm ci` there) and its own work folder, so that
 * neither reads the other's cache files.
 *
 *   node --import tsx scripts/bench/pair.ts D/corpus-100000-v1 /tmp/old D/work-old . D/work-new [--rounds 3]
 *
 * Prints per round (the first ask, as the bench asks, then asked again) each version's wall-clock p50 and mean, its
 * CPU time per question, the median of the per-question ratio new / old, and both answer digests (equal digests: the
 * same answers, as `profile.ts` prints them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchQuestion } from './questions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '2' } },
});
const [corpusDir, oldRepo, oldWork, newRepo, newWork] = positionals;
if (!corpusDir || !oldRepo || !oldWork || !newRepo || !newWork) {
  console.error('usage: pair.ts <corpusDir> <oldRepo> <oldWorkDir> <newRepo> <newWorkDir> [--rounds N]');
  process.exit(2);
}

interface Asker {
  ask(question: string): { ms?: number };
}
async function load(repo: string, work: string): Promise<Asker> {
  const url = new URL(`file://${path.resolve(repo, 'src/engine.ts')}`).href;
  const { createEngine } = (await import(url)) as { createEngine(o: object): Asker };
  return createEngine({ knowledgeDir: corpusDir, cacheDir: path.join(work, 'index') });
}
const versions = { old: await load(oldRepo, oldWork), new: await load(newRepo, newWork) };
const { warmup, measured } = JSON.parse(readFileSync(path.join(newWork, 'questions.json'), 'utf8')) as {
  warmup: BenchQuestion[];
  measured: BenchQuestion[];
};
for (const q of warmup) for (const v of Object.values(versions)) v.ask(q.q);

const pct = (s: number[], p: number) =>
  [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
const digest = (a: unknown[]) => createHash('sha256').update(JSON.stringify(a)).digest('hex').slice(0, 16);
type Name = keyof typeof versions;
for (let r = 0; r < Math.max(1, Number(values.rounds)); r++) {
  const wall: Record<Name, number[]> = { old: [], new: [] };
  const cpu: Record<Name, number[]> = { old: [], new: [] };
  const answers: Record<Name, unknown[]> = { old: [], new: [] };
  measured.forEach((q, i) => {
    for (const name of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const c0 = process.cpuUsage();
      const s = performance.now();
      const { ms: _ms, ...answer } = versions[name].ask(q.q);
      wall[name].push(performance.now() - s);
      const c = process.cpuUsage(c0);
      cpu[name].push((c.user + c.system) / 1000);
      answers[name].push(answer);
    }
  });
  const ratio = wall.new.map((t, i) => t / wall.old[i]!);
  const row = (name: Name) =>
    `${name} p50 ${pct(wall[name], 50).toFixed(2)} ms mean ${mean(wall[name]).toFixed(2)} ms cpu/q ${mean(cpu[name]).toFixed(3)} ms`;
  console.log(
    `${r === 0 ? 'first ask' : `again ${r}`}: ${row('old')} | ${row('new')} | new/old median ${pct(ratio, 50).toFixed(3)} | digests ${digest(answers.old)} ${digest(answers.new)}`,
  );
}
