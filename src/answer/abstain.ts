import type { AnswerContext } from './context.ts';
import type { AnswerType } from './question.ts';
import { slotCredit, type Candidate } from './rank.ts';
import { joinableNeighbours } from './span.ts';
import { supported } from './story.ts';
import type { Slot } from './slots.ts';

/**
 * Calibrated abstention: what the learned abstention model reads about a question and its best candidate, by name.
 * The probability that the first answer is right is one logistic over a weighted sum of these (weights learned by
 * `npm run train`, shipped in weights.json); below the model's threshold the question is declined. Hard vetoes (a name
 * the material never mentions, a failed kind check) come first and are not learned. Keep every feature numeric and
 * cheap: it is computed once per question, for the best candidate only.
 */
export const ABSTENTION_FEATURES = [
  'evidence',
  'exactEvidence',
  'windowEvidence',
  'fullEvidence',
  'missingMax',
  'secondEvidence',
  'sameStory',
  'storyEvidence',
  'supported',
  'sentenceCoverage',
  'spanCoverage',
  'score',
  'margin',
  'unknownShare',
  'namedShare',
  'slotCount',
  'promoted',
  'typeMatch',
  'quantity',
  'date',
  'person',
  'place',
  'typedNear',
  'relativeMargin',
  'checked',
] as const;
export type AbstentionFeatureName = (typeof ABSTENTION_FEATURES)[number];
export type AbstentionFeatures = Record<AbstentionFeatureName, number>;

export interface AbstentionModel {
  bias: number;
  weights: Record<AbstentionFeatureName, number>;
  /** Declined below this probability. */
  threshold: number;
}

/** Evidence this close to 1 is the whole question (`fullEvidence`). */
const FULL = 0.999;

/** Slots counted by `slotCount`, at most (it is 0–1: the share of this many). */
const MANY_SLOTS = 12;

/**
 * The abstention features of a question whose best candidate is `best` (after the checks may have promoted it;
 * `second` is the next candidate).
 */
export function abstentionFeatures(
  ctx: AnswerContext,
  slots: Slot[],
  type: AnswerType,
  ranked: readonly Candidate[],
  promoted: boolean,
  checked = false,
): AbstentionFeatures {
  const best = ranked[0]!;
  const second = ranked[1];
  let total = 0;
  let exact = 0;
  let unknown = 0;
  let named = 0;
  let missingMax = 0;
  const own = ctx.index.sentenceTerms(best.sentence);
  const passage = ctx.index.passageTerms(best.passage);
  const headings = ctx.headingTerms(best.passage);
  // Bound, not an arrow function: see `isPresent`.
  const present = isPresent.bind(null, own, passage, headings);
  // The snippet's own sentences: the answer is in what is quoted, not only somewhere in the paragraph.
  const p = ctx.index.passages[best.passage]!;
  const k = ctx.index.sentences[best.sentence]!.sentence;
  const window = new Set([...own, ...headings]);
  for (const at of joinableNeighbours(p, k))
    for (const t of ctx.index.sentenceTerms(best.sentence + at - k)) window.add(t);
  let inWindow = 0;
  for (const s of slots) {
    total += s.weight;
    inWindow += s.weight * slotCredit(s, (t) => window.has(t), true);
    if (present(s.alternatives[0]!)) exact += s.weight;
    if (s.unknown) unknown += s.weight;
    if (s.named) named += s.weight;
    missingMax = Math.max(missingMax, s.weight * (1 - slotCredit(s, present, true)));
  }
  const share = shareOf.bind(null, total);
  return {
    evidence: best.evidence,
    exactEvidence: share(exact),
    windowEvidence: share(inWindow),
    fullEvidence: best.evidence >= FULL ? 1 : 0,
    secondEvidence: second?.evidence ?? 0,
    storyEvidence: best.storyEvidence,
    supported: supported(best, type) ? 1 : 0,
    sameStory:
      second && ctx.index.passages[second.passage]!.articleId === ctx.index.passages[best.passage]!.articleId ? 1 : 0,
    missingMax: share(missingMax),
    sentenceCoverage: best.sentenceCoverage,
    spanCoverage: best.spanCoverage,
    score: best.score,
    margin: second ? Math.min(1, Math.max(0, best.score - second.score)) : 1,
    unknownShare: share(unknown),
    namedShare: share(named),
    slotCount: Math.min(slots.length, MANY_SLOTS) / MANY_SLOTS,
    promoted: promoted ? 1 : 0,
    typeMatch: best.features.typeMatch,
    quantity: type === 'quantity' ? 1 : 0,
    date: type === 'date' ? 1 : 0,
    person: type === 'person' ? 1 : 0,
    place: type === 'place' ? 1 : 0,
    // The kind asked for (a number before what is counted, a date or a name) next to the question's matched words.
    typedNear: best.features.typedNear,
    relativeMargin: relativeMargin(best, second),
    // What the hard checks read: the question had kind or scope checks (kinds.ts, scope.ts), and the answer passed them.
    checked: checked ? 1 : 0,
  };
}

/**
 * The best candidate's lead over the next as a share of its score (0–1; 1 alone): `margin` is the gap in score units,
 * which mean more on a short question than on a long one; the relative lead reads alike for both.
 */
export function relativeMargin(best: Candidate, second: Candidate | undefined): number {
  if (!second || best.score <= 0) return 1;
  return Math.min(1, Math.max(0, (best.score - second.score) / best.score));
}

/** `n` as a share of `total` (0 when there is none). */
function shareOf(total: number, n: number): number {
  return total > 0 ? n / total : 0;
}

/**
 * Whether term `t` is in the best candidate's sentence, passage or headings. Bound per question rather than written as
 * an arrow function inside `abstentionFeatures`: under tsx each named function made inside another costs a property
 * definition (docs/DESIGN.md, "Hot paths").
 */
function isPresent(own: string[], passage: string[], headings: ReadonlySet<string>, t: string): boolean {
  return own.includes(t) || passage.includes(t) || headings.has(t);
}

/** The probability that the first answer is right: one logistic over the weighted features. */
export function answerProbability(model: AbstentionModel, features: AbstentionFeatures): number {
  let z = model.bias;
  for (const name of ABSTENTION_FEATURES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
