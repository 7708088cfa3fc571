/**
 * A measurement, not part of training: would ranking weights learned per shape of knowledge beat the hand weights
 * (`WEIGHTS`)? The engine would pick one vector by the loaded knowledge's shape; this script only measures, it writes
 * nothing but its scratch folder.
 *
 *   npx tsx scripts/shape-check.ts                      listwise softmax as `npm run train` fits it (L2 toward zero)
 *   PRIOR=hand L2=0.01 npx tsx scripts/shape-check.ts   L2 toward the hand weights instead
 *   COMBINED=0 ...                                      skip the one-vector-for-all comparison (faster)
 *
 * Shapes: "one article" is the bundled article alone (dev, extra, paraphrase, paraphrase-2 to -9, the decline checks'
 * answerable controls) and it with Notre Dame (the even paragraphs' questions); "many stories" is the news knowledge
 * (scripts/kb/news.ts: news, news-2 to -10, kinds, the decline checks' news controls). Held out, never learned from and
 * reported as counts only: notre-dame-heldout, paraphrase-heldout, news-heldout. For each worked-on set: end-to-end
 * Hit@1 with the hand weights, with weights learned on every set, with weights learned on its shape's sets, and the
 * same two learned without it (leave one set out). Candidates are collected once and kept in the scratch folder
 * (delete `collected.json` there after a change to the features or the sets).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURES } from '../src/answer/rank.ts';
import { WEIGHTS } from '../src/answer/tuning.ts';
import type { AnswerModel } from '../src/answer/model.ts';
import { shippedModel } from '../src/answer/model.ts';
import { createEngine, type Engine } from '../src/engine.ts';
import { writeNewsKb } from './kb/news.ts';
import {
  notreDame,
  readSet,
  scratch,
  seedWithNotreDame,
  root,
  dataDir,
  fixtures,
  type Answerable,
} from './train/data.ts';
import { fitRanking, type RankingList } from './train/learn.ts';
import { onHandScale, rankHit1, toRanking } from './train/ranking.ts';

const RANKING_FIT = { iterations: Number(process.env.ITER ?? 600), rate: 2, l2: Number(process.env.L2 ?? 0.001) };
const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
const holds = (text: string | undefined, expect: string[]) =>
  text !== undefined && expect.some((e) => norm(text).includes(norm(e)));
const log = (s = '') => console.log(s);

type Shape = 'one' | 'many';
interface Group {
  name: string;
  shape: Shape;
  engine: Engine;
  answerable: Answerable[];
  train: boolean;
}
interface Collected {
  group: string;
  list: RankingList;
}

const shipped = shippedModel();
const HAND: AnswerModel = { ranking: { ...WEIGHTS }, abstention: shipped.abstention };
function learn(collected: Collected[]): number[] {
  const perSet = new Map<string, number>();
  for (const c of collected) perSet.set(c.group, (perSet.get(c.group) ?? 0) + 1);
  const lists = collected.map((c) => ({ ...c.list, weight: 1 / perSet.get(c.group)! }));
  const hand = FEATURES.map((f) => WEIGHTS[f]);
  if (process.env.PRIOR === 'hand') return onHandScale(fitRanking(lists, hand, { ...RANKING_FIT, prior: hand }));
  return onHandScale(fitRanking(lists, hand, RANKING_FIT));
}
const e2eCache = new Map<string, number>();
function endToEnd(g: Group, w: number[] | null): number {
  const key = `${g.name}|${w ? w.join(',') : 'hand'}`;
  const c = e2eCache.get(key);
  if (c !== undefined) return c;
  const model: AnswerModel = w ? { ...HAND, ranking: toRanking(w) } : HAND;
  let hit1 = 0;
  for (const a of g.answerable) if (holds(g.engine.assess(a.q, { model }).snippets[0]?.text, a.expect)) hit1++;
  e2eCache.set(key, hit1);
  return hit1;
}

function main() {
  const t0 = performance.now();
  const work = scratch('shape');
  const cacheDir = path.join(work, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const seedDir = path.join(root, 'knowledge');
  const nd = notreDame();
  const ndKb = seedWithNotreDame(path.join(work, 'nd'));
  const newsKb = writeNewsKb(path.join(scratch('news-kb'), 'full'));
  const seed = createEngine({ knowledgeDir: seedDir, cacheDir, model: HAND });
  const ndEngine = createEngine({ knowledgeDir: ndKb, cacheDir, model: HAND });
  const news = createEngine({ knowledgeDir: newsKb, cacheDir, model: HAND });
  const d = (f: string) => path.join(dataDir, f);
  const decl = (f: string, part: 'seed' | 'news') =>
    (JSON.parse(readFileSync(d(f), 'utf8')) as Record<string, { answerable: Answerable[] }>)[part]!.answerable;
  // Sets of one shape and knowledge, learned from unless held out.
  const sets =
    (shape: Shape, engine: Engine) =>
    (name: string, answerable: Answerable[], train = true): Group => ({ name, shape, engine, answerable, train });
  const one = sets('one', seed);
  const withNd = sets('one', ndEngine);
  const many = sets('many', news);
  const file = (f: string) => readSet(d(f)).answerable;
  const groups: Group[] = [
    one('dev', readSet(path.join(fixtures, 'dev-questions.json')).answerable),
    one('extra', file('extra-questions.json')),
    one('paraphrase', file('paraphrase-questions.json')),
    ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => one(`paraphrase-${n}`, file(`paraphrase-${n}.json`))),
    one('decline-seed', decl('decline-check.json', 'seed')),
    one('decline2-seed', decl('decline-check-2.json', 'seed')),
    withNd('notre-dame-train', nd.train),
    withNd('notre-dame-heldout', nd.heldOut, false),
    one('paraphrase-heldout', file('paraphrase-heldout.json'), false),
    many('news', file('news-kb-questions.json')),
    ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => many(`news-${n}`, file(`news-kb-${n}.json`))),
    many('kinds', file('kinds-check.json')),
    many('decline-news', decl('decline-check.json', 'news')),
    many('decline2-news', decl('decline-check-2.json', 'news')),
    many('news-heldout', file('news-kb-heldout.json'), false),
  ];
  for (const s of ['one', 'many'] as Shape[])
    log(
      `${s}: ${groups
        .filter((g) => g.shape === s)
        .map((g) => `${g.name}${g.train ? '' : '*'} ${g.answerable.length}`)
        .join(', ')}`,
    );

  const cacheFile = path.join(work, 'collected.json');
  const collected: Collected[] = existsSync(cacheFile)
    ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Collected[])
    : [];
  if (collected.length === 0)
    for (const g of groups)
      for (const a of g.answerable) {
        const cands = g.engine.assess(a.q, { model: HAND, candidates: true }).trace.candidates ?? [];
        collected.push({
          group: g.name,
          list: {
            x: cands.map((c) => FEATURES.map((f) => c.features[f])),
            right: cands.map((c) => holds(c.text, a.expect)),
          },
        });
      }
  if (!existsSync(cacheFile)) writeFileSync(cacheFile, JSON.stringify(collected));
  log(`collected ${collected.length} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const trainOf = (pred: (g: Group) => boolean) => {
    const names = new Set(groups.filter((g) => g.train && pred(g)).map((g) => g.name));
    return collected.filter((c) => names.has(c.group));
  };

  const wAll = process.env.COMBINED === '0' ? FEATURES.map((f) => WEIGHTS[f]) : learn(trainOf(() => true));
  const wShape = { one: learn(trainOf((g) => g.shape === 'one')), many: learn(trainOf((g) => g.shape === 'many')) };
  const dump: Record<string, unknown> = { wAll, wShape, rows: [] };

  log('\nper group: hand | combined-learned | shape-learned  (end to end Hit@1);  LOSO combined | LOSO shape');
  const tot: Record<string, Record<string, number>> = {};
  for (const g of groups) {
    const lists = collected.filter((c) => c.group === g.name).map((c) => c.list);
    const h = endToEnd(g, null);
    const a = endToEnd(g, wAll);
    const s = endToEnd(g, wShape[g.shape]);
    let la = a;
    let ls = s;
    if (g.train) {
      if (process.env.COMBINED !== '0') la = endToEnd(g, learn(trainOf((x) => x.name !== g.name)));
      ls = endToEnd(g, learn(trainOf((x) => x.shape === g.shape && x.name !== g.name)));
    }
    const key = `${g.shape}${g.train ? '' : '-heldout'}`;
    const t = (tot[key] ??= { n: 0, hand: 0, all: 0, shape: 0, losoAll: 0, losoShape: 0 });
    t.n! += g.answerable.length;
    t.hand! += h;
    t.all! += a;
    t.shape! += s;
    t.losoAll! += la;
    t.losoShape! += ls;
    (dump.rows as unknown[]).push({ g: g.name, h, a, s, la, ls });
    log(
      `${g.name.padEnd(20)} ${String(g.answerable.length).padStart(4)}  rank hand ${rankHit1(
        lists,
        FEATURES.map((f) => WEIGHTS[f]),
      )} shape ${rankHit1(lists, wShape[g.shape])} | e2e hand ${h}  all ${a}  shape ${s}  | ${g.train ? `LOSO all ${la}  LOSO shape ${ls}` : '(held out)'}`,
    );
  }
  log('\ntotals:');
  for (const [k, t] of Object.entries(tot)) log(`  ${k.padEnd(14)} ${JSON.stringify(t)}`);
  log('\nweights:  feature  hand  all  one  many');
  FEATURES.forEach((f, k) =>
    log(
      `  ${f.padEnd(18)} ${WEIGHTS[f].toFixed(3).padStart(7)} ${wAll[k]!.toFixed(3).padStart(7)} ${wShape.one[k]!.toFixed(3).padStart(7)} ${wShape.many[k]!.toFixed(3).padStart(7)}`,
    ),
  );
  writeFileSync(path.join(work, `result-${process.env.TAG ?? 'base'}.json`), JSON.stringify(dump));
  log(`\n${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
main();
