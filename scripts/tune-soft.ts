/**
 * The soft-matching curve (issue 10): Hit@1, answered, out-of-scope declined and on-topic-unanswerable accepted on the
 * project's own sets, for a grid of cosine thresholds and of how far a match must stand out (SOFT.minEvidenceZ); dev
 * and Notre Dame are shown to see that nothing is lost there (Notre Dame is never tuned on question by question).
 *
 *   npm run tune-soft                       the grid below
 *   npm run tune-soft -- --min 0.6,0.65 --evidence 0.7,0.75 --z 2.5,3 --alone 0.8
 *
 * `--evidence` is SOFT.minEvidenceCosine (evidence when the match stands out by `--z`), `--alone` SOFT.minEvidenceCosineAlone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SOFT } from '../src/answer/tuning.ts';
import { createEngine, type Engine } from '../src/engine.ts';
import { knowledgeWith, score, scoreOnTopic, type SetScore } from './eval.ts';
import { writeNewsKb } from './kb/news.ts';
import { scratch } from './train/data.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (rel: string) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

const { values } = parseArgs({
  options: {
    min: { type: 'string', default: '0.6' },
    evidence: { type: 'string', default: '0.6,0.65,0.7,0.75' },
    z: { type: 'string', default: '0,2.5,2.8,3.2' },
    alone: { type: 'string' },
  },
});
const mins = values.min.split(',').map(Number);
const evidences = values.evidence.split(',').map(Number);
const zs = values.z.split(',').map(Number);

const seed = createEngine({ knowledgeDir: path.join(root, 'knowledge'), cacheDir: null });
const newsSet = read('test/data/news-kb-questions.json');
const base = scratch('news-kb');
const news = createEngine({ knowledgeDir: writeNewsKb(path.join(base, 'full')), cacheDir: null });
const dropped = createEngine({
  knowledgeDir: writeNewsKb(
    path.join(base, 'dropped'),
    newsSet.on_topic_unanswerable.map((u: { drop: string }) => u.drop),
  ),
  cacheDir: null,
});
const nd = createEngine({
  knowledgeDir: knowledgeWith(path.join(root, 'test', 'fixtures', 'notre-dame', 'knowledge')),
  cacheDir: null,
});
const sets: [string, Engine, unknown][] = [
  ['dev', seed, read('test/fixtures/dev-questions.json')],
  ['extra', seed, read('test/data/extra-questions.json')],
  ['paraphrase', seed, read('test/data/paraphrase-questions.json')],
  ['news', news, newsSet],
  ['notre-dame', nd, read('test/fixtures/notre-dame/questions.json')],
];
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}` : '-');
console.log('minCosine evidenceCosine evidenceZ | set: Hit@1 answered declined accepted-on-topic');
for (const min of mins) {
  for (const ev of evidences)
    for (const z of zs) {
      SOFT.minCosine = min;
      SOFT.minEvidenceCosine = ev;
      SOFT.minEvidenceZ = z;
      if (values.alone) SOFT.minEvidenceCosineAlone = Number(values.alone);
      const cells: string[] = [];
      for (const [name, engine, set] of sets) {
        const s: SetScore = score(engine, name, set as Parameters<typeof score>[2]);
        if (name === 'news') scoreOnTopic(dropped, s, set as Parameters<typeof score>[2]);
        cells.push(
          `${name}: ${pct(s.hit1, s.answerable)} ${pct(s.answered, s.answerable)} ${s.declined}/${s.outOfScope}${s.onTopic ? ` ${s.onTopicAccepted}/${s.onTopic}` : ''}`,
        );
      }
      console.log(`${min.toFixed(2)} ${ev.toFixed(2)} ${z.toFixed(1)} | ${cells.join(' | ')}`);
    }
}
