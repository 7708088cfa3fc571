/**
 * How a live reload behaves at size (`npm run bench:reload -- --sizes 1000,10000 [--dir D]`):
 * a bot-like loop asks a question every few milliseconds while one article is added to a
 * corpus of N passages; it reports how long until the new article answers, how long the
 * answering thread was blocked by the swap (loading the new engine from the cache files), the
 * worst event-loop delay seen meanwhile, and that no question failed.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { LiveKnowledge } from '../../bot/knowledge/live.ts';
import { writeCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, dir: { type: 'string' } } });
const sizes = (values.sizes ?? '1000,10000').split(',').map(Number);
const benchDir = path.resolve(values.dir ?? path.join(tmpdir(), 'newsdesk-bench'));
/** Time between two questions of the simulated members. */
const QUESTION_EVERY_MS = 5;

const NEW_ARTICLE = `---
title: Otters return to the river Wey
published: 2026-03-02
---

A family of otters was filmed near Guildford in February, the first sighting on the river Wey in forty years.
`;

for (const size of sizes) {
  const corpus = writeCorpus(path.join(benchDir, `corpus-${size}`), size);
  const work = path.join(benchDir, `reload-${size}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const knowledgeDir = path.join(work, 'knowledge');
  cpSync(corpus, knowledgeDir, { recursive: true });
  const live = new LiveKnowledge({
    knowledgeDir,
    cacheDir: path.join(work, 'cache'),
    logger: pino({ level: 'silent' }),
  });
  await live.ready();
  await live.reload('command'); // the worker is warm, as in a bot that has run a while

  let asked = 0;
  let failed = 0;
  let stop = false;
  const questions = live.current.index.passages.slice(0, 50).map((p) => p.sentences[0]!.text.slice(0, 80));
  const loop = (async () => {
    while (!stop) {
      try {
        live.current.ask(questions[asked % questions.length]!);
      } catch {
        failed++;
      }
      asked++;
      await new Promise((r) => setTimeout(r, QUESTION_EVERY_MS));
    }
  })();

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t0 = performance.now();
  writeFileSync(path.join(knowledgeDir, 'otters.md'), NEW_ARTICLE);
  while (!live.current.ask('Where were the otters filmed?').answered) await new Promise((r) => setTimeout(r, 10));
  const answeredMs = performance.now() - t0;
  delay.disable();
  stop = true;
  await loop;

  // The swap's own cost on the answering thread: loading the engine from the cache files.
  const report = live.last;
  console.log(
    JSON.stringify({
      passages: live.current.index.passages.length,
      newArticleAnsweredMs: Math.round(answeredMs),
      reloadMs: report.ms,
      maxEventLoopDelayMs: Math.round(delay.max / 1e6),
      p99EventLoopDelayMs: Math.round(delay.percentile(99) / 1e6),
      questionsAsked: asked,
      questionsFailed: failed,
    }),
  );
  await live.close();
}
