import { TERM_QUERY, sentenceOf, type SearchIndex } from '../search/index.ts';
import { tokenize } from '../text/terms.ts';
import type { AnswerContext } from './context.ts';
import { slotLookup, typedEvidence, type AskedFor, type SlotLookup } from './evidence.ts';
import { typeEvidence, type AnswerType } from './question.ts';
import { addHeldSynonyms, type Slot } from './slots.ts';
import { addSoftMatches, relativeTerms } from './soft.ts';
import { addLongForms } from './acronym.ts';
import { addPlaceInstances } from './places.ts';
import { joinableNeighbours } from './span.ts';
import { nameSlots, novelty, storyFeatures, storyHas, type MarkedSlots } from './story.ts';
import { EVIDENCE, RANKING } from './tuning.ts';

/**
 * Sentence ranking. MiniSearch finds candidate passages and sentences; each candidate sentence
 * is then scored on how much of the question's weighted content it covers itself, how much its
 * passage and headings cover, the search scores, and whether it holds the kind of thing asked
 * for (a number, a date, a name, a place).
 */

/**
 * The features a candidate sentence is scored on, by name. The score is their weighted sum (`scoreOf`): the learned
 * weights of src/answer/weights.json (`npm run train`), `WEIGHTS` in tuning.ts being the hand-set ones training starts
 * from. A new feature gets a name here, a function of its own that computes it, a hand weight, and then a retrain.
 */
export const FEATURES = [
  'sentenceCoverage',
  'spanCoverage',
  'contextCoverage',
  'passageScore',
  'sentenceScore',
  'typeMatch',
  'bigram',
  'lead',
  'storyCoverage',
  'storyNames',
  'carriedCoverage',
  'novelty',
  'typedNear',
  'countUnit',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/**
 * A candidate's score: the weighted sum of its features, added in `FEATURES`' order. Written out feature by feature: a
 * loop over the names reads both records by a different key each time, which V8 serves by a generic lookup (about 600
 * ns a call against 8, run for every candidate of every question). test/core/score.test.ts holds it to the loop.
 */
export function scoreOf(f: Features, w: Record<FeatureName, number>): number {
  let score = 0;
  score += w.sentenceCoverage * f.sentenceCoverage;
  score += w.spanCoverage * f.spanCoverage;
  score += w.contextCoverage * f.contextCoverage;
  score += w.passageScore * f.passageScore;
  score += w.sentenceScore * f.sentenceScore;
  score += w.typeMatch * f.typeMatch;
  score += w.bigram * f.bigram;
  score += w.lead * f.lead;
  score += w.storyCoverage * f.storyCoverage;
  score += w.storyNames * f.storyNames;
  score += w.carriedCoverage * f.carriedCoverage;
  score += w.novelty * f.novelty;
  score += w.typedNear * f.typedNear;
  score += w.countUnit * f.countUnit;
  return score;
}

export interface Candidate {
  /** Index into `SearchIndex.sentences`. */
  sentence: number;
  passage: number;
  score: number;
  features: Features;
  /** Weighted share of the question covered by the sentence alone. */
  sentenceCoverage: number;
  /** Weighted share covered by the sentence joined with its better neighbour (within the snippet length). */
  spanCoverage: number;
  /** Weighted share covered by the sentence's passage, title and section. */
  contextCoverage: number;
  /** The same, counting only evidence strong enough to decide that the material answers (see `Slot.evidence`). */
  evidence: number;
  /** Evidence over the sentence's story: its passage, the paragraphs around it, the headings (story.ts). */
  storyEvidence: number;
  typeMatches: number;
}

/** `has` tells how well a term is present: true/1 fully, a fraction for weaker evidence, false/0 not at all. */
type Presence = (t: string) => boolean | number;

/** Credit (0–1) that the terms `has` reports give a slot: its best-credited alternative present. */
export function slotCredit(slot: Slot, has: Presence, evidence = false): number {
  let c = 0;
  slot.alternatives.forEach((t, i) => {
    const credit = (evidence ? slot.evidence : slot.credits)[i]! * Number(has(t));
    if (credit > c) c = credit;
  });
  return c;
}

export function coverage(slots: Slot[], has: Presence, evidence = false): number {
  let total = 0;
  let got = 0;
  for (const s of slots) {
    total += s.weight;
    got += s.weight * slotCredit(s, has, evidence);
  }
  return total > 0 ? got / total : 0;
}

/**
 * The search query: every alternative of every slot, each boosted by how much it counts, so a
 * passage with both "Israel" and "Israeli" does not score twice for one question word.
 */
function searchQuery(
  index: SearchIndex,
  slots: Slot[],
): { query: string; boosts: Map<string, number>; groups: Map<string, number> } {
  const boosts = new Map<string, number>();
  const groups = new Map<string, number>();
  slots.forEach((slot, j) => {
    let primary = true;
    slot.alternatives.forEach((t, i) => {
      if (!index.df.has(t)) return;
      const boost = slot.credits[i]! * (primary ? 1 : RANKING.alternativeBoost);
      primary = false;
      if (!groups.has(t)) groups.set(t, j);
      if (boost > (boosts.get(t) ?? 0)) boosts.set(t, boost);
    });
  });
  return { query: [...boosts.keys()].join(' '), boosts, groups };
}

/** A query term's slot (`searchQuery`), bound to its map: one question word and its stand-ins count one matched term. */
function groupOf(groups: ReadonlyMap<string, number>, term: string): number {
  return groups.get(term) ?? -1;
}

/**
 * A query term's boost from `searchQuery`'s map, bound to it: no arrow function is made per question (under tsx a
 * named function made inside another costs a property definition each time: see "Hot paths" in docs/DESIGN.md).
 */
function boostOf(boosts: ReadonlyMap<string, number>, term: string): number {
  return boosts.get(term) ?? 1;
}

/**
 * The work one question took: candidate sentences scored and terms read from the index. Both
 * are bounded whatever the material (see `RANKING.sentencesPerPassage` and `PASSAGE_MAX_CHARS`).
 */
export interface RankWork {
  candidates: number;
  termsRead: number;
}

export function rankSentences(
  ctx: AnswerContext,
  slots: Slot[],
  type: AnswerType,
  questionTokens: Set<string>,
  work: RankWork = { candidates: 0, termsRead: 0 },
  asked: AskedFor = { type, counted: [], head: null },
  weights: Record<FeatureName, number> = ctx.model.ranking,
): Candidate[] {
  const { index } = ctx;
  const { query, boosts, groups } = searchQuery(index, slots);
  if (!query) return [];
  const boostTerm = boostOf.bind(null, boosts);
  const group = groupOf.bind(null, groups);
  const passageHits = index.passageIndex.search(query, {
    ...TERM_QUERY,
    boostTerm,
    boost: { text: 1, heading: RANKING.headingBoost },
    limit: RANKING.passageCandidates * RANKING.searchDepth,
    group,
  });
  const sentenceHits = index.sentenceIndex.search(query, {
    ...TERM_QUERY,
    boostTerm,
    limit: RANKING.sentenceCandidates * RANKING.searchDepth,
    group,
  });
  const topPassage = passageHits[0]?.score ?? 1;
  const topSentence = sentenceHits[0]?.score ?? 1;

  const passageScore = new Map<number, number>();
  for (const h of passageHits) passageScore.set(h.id as number, h.score / topPassage);
  const sentenceScore = new Map<number, number>();
  for (const h of sentenceHits) sentenceScore.set(h.id as number, h.score / topSentence);

  const candidates = new Set<number>();
  for (const h of sentenceHits.slice(0, RANKING.sentenceCandidates)) candidates.add(h.id as number);
  const queryIds = new Set(query.split(' ').map((t) => index.termId(t)));
  for (const h of passageHits.slice(0, RANKING.passageCandidates))
    for (const si of passageSentences(index, h.id as number, sentenceScore, queryIds, work)) candidates.add(si);

  // An acronym the candidate passages spell out ("FBI": "Federal Bureau of Investigation") is found there (acronym.ts).
  const wordnet = ctx.wordnet();
  addLongForms(slots, passageTexts.bind(null, index, candidates), dfOf.bind(null, index), (w) =>
    wordnet ? wordnet.lemmas(w).length > 0 : false,
  );
  // A kind of place the material never names ("city") is found in the places of that kind it does name (places.ts).
  addPlaceInstances(slots, passageTexts.bind(null, index, candidates), wordnet);
  // A word the material uses that one of the best passages' stories writes only as its synonym (slots.ts).
  const best = passageHits.slice(0, RANKING.heldSynonymStories).map((h) => h.id as number);
  addHeldSynonyms(wordnet, slots, (term) => {
    const without = best.filter((p) => !storyHas(ctx, p, term));
    return (t) => without.some((p) => storyHas(ctx, p, t));
  });
  if (ctx.vectors) {
    // The candidates' own words, for soft matches of the question's words (see soft.ts), gathered only when needed.
    addSoftMatches(
      ctx.vectors,
      slots,
      candidateTerms.bind(null, index, candidates),
      (t) => index.df.has(t),
      (token) => ctx.wordnet()?.nounBase(token) ?? null,
      (token) => relativeTerms(ctx.wordnet(), token),
      (word) => (ctx.wordnet()?.lemmas(word).length ?? 0) > 0,
    );
  }
  // The question's alternatives as flat arrays, after soft matching has added its own.
  const q = new QuestionTerms(index, slots);
  // Which alternatives each sentence, passage and heading holds, worked out once per question.
  const marks = new Marks(index, q, work);
  const bigrams = questionBigrams(index, slots);
  const hc = RANKING.headingCredit;
  const names = nameSlots(slots);
  const storyCredits = new Map<number, Float64Array>();
  const out: Candidate[] = [];
  work.candidates += candidates.size;
  for (const si of candidates) {
    const ref = index.sentences[si]!;
    const passage = index.passages[ref.passage]!;
    const sentence = sentenceOf(index.passages, ref);
    const sIds = index.sentenceTermIds(si);
    const sMark = marks.sentence(si);
    const pMark = marks.passage(ref.passage);
    const hMark = marks.heading(ref.passage);
    // The article's title and section name what every sentence under them is about.
    const sentenceCoverage = q.coverage(q.credit, sMark, null, hMark, hc);
    const contextCoverage = q.coverage(q.credit, sMark, pMark, hMark, 1);
    const evidence = q.coverage(q.evidence, sMark, pMark, hMark, 1);
    let spanCoverage = sentenceCoverage;
    for (const at of joinableNeighbours(passage, ref.sentence)) {
      const nMark = marks.sentence(si + at - ref.sentence);
      spanCoverage = Math.max(spanCoverage, q.coverage(q.credit, sMark, nMark, hMark, hc));
    }
    const typeMatches = typeEvidence(type, sentence.text, questionTokens);
    const story = storyFeatures(ctx, slots, q, ref.passage, sMark, pMark, hMark, names, storyCredits);
    const features: Features = {
      sentenceCoverage,
      spanCoverage,
      contextCoverage,
      passageScore: passageScore.get(ref.passage) ?? 0,
      sentenceScore: sentenceScore.get(si) ?? 0,
      typeMatch: typeMatches > 0 ? 1 : 0,
      bigram: bigramShare(bigrams, sIds),
      lead: ctx.lede[ref.passage]! * (asked.lede ? RANKING.ledeAsked : 1),
      storyCoverage: story.storyCoverage,
      storyNames: story.storyNames,
      carriedCoverage: story.carriedCoverage,
      novelty: novelty(sentence.text, questionTokens),
      // Worked out below for the candidates that can still reach the top.
      typedNear: 0,
      countUnit: 0,
    };
    out.push({
      sentence: si,
      passage: ref.passage,
      score: scoreOf(features, weights),
      features,
      sentenceCoverage,
      spanCoverage,
      contextCoverage,
      evidence,
      storyEvidence: story.storyEvidence,
      typeMatches,
    });
  }
  out.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  addTypedEvidence(index, out, asked, slotLookup(slots, asked, questionTokens, ctx.wordnet()), weights);
  out.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  return out;
}

/** The terms of sentence `si` as ids (a view on the index: no strings, no sets), counted in `work`. */
function sentenceIds(index: SearchIndex, si: number, work: RankWork): Uint32Array {
  const ids = index.sentenceTermIds(si);
  work.termsRead += ids.length;
  return ids;
}

/** A candidate passage's sentences; of a long one, those the search scored, then those with the most question terms. */
function passageSentences(
  index: SearchIndex,
  pi: number,
  sentenceScore: Map<number, number>,
  queryIds: Set<number>,
  work: RankWork,
): number[] {
  const first = index.firstSentence(pi);
  const all = index.passages[pi]!.sentences.map((_s, k) => first + k);
  if (all.length <= RANKING.sentencesPerPassage) return all;
  return all
    .map((si) => {
      let overlap = 0;
      for (const id of sentenceIds(index, si, work)) if (queryIds.has(id)) overlap++;
      return { si, hit: sentenceScore.get(si) ?? 0, overlap };
    })
    .sort((a, b) => b.hit - a.hit || b.overlap - a.overlap || a.si - b.si)
    .slice(0, RANKING.sentencesPerPassage)
    .map((x) => x.si);
}

/** The candidates' own words (their sentences' and headings' terms), for soft matches of the question's words. */
function candidateTerms(index: SearchIndex, candidates: Set<number>): string[] {
  const seen = new Set<number>();
  for (const si of candidates) {
    for (const id of index.sentenceTermIds(si)) seen.add(id);
    for (const id of index.headingTermIds(index.sentences[si]!.passage)) seen.add(id);
  }
  const names = index.sentenceIndex.terms;
  return [...seen].map((id) => names[id]!);
}

/** Which of the question's alternatives each sentence, passage and heading holds, worked out once per question. */
class Marks {
  private readonly sentences = new Map<number, Uint8Array>();
  private readonly passages = new Map<number, Uint8Array>();
  private readonly headings = new Map<number, Uint8Array>();

  constructor(
    private readonly index: SearchIndex,
    private readonly q: QuestionTerms,
    private readonly work: RankWork,
  ) {}

  sentence(si: number): Uint8Array {
    let m = this.sentences.get(si);
    if (!m) this.sentences.set(si, (m = this.q.mark(sentenceIds(this.index, si, this.work))));
    return m;
  }

  passage(pi: number): Uint8Array {
    let m = this.passages.get(pi);
    if (!m) {
      const ids = this.index.passageTermIds(pi);
      this.work.termsRead += ids.length;
      this.passages.set(pi, (m = this.q.mark(ids)));
    }
    return m;
  }

  heading(pi: number): Uint8Array {
    let m = this.headings.get(pi);
    if (!m) this.headings.set(pi, (m = this.q.mark(this.index.headingTermIds(pi))));
    return m;
  }
}

/**
 * Typed evidence (evidence.ts) reads each sentence's text, the costliest feature: it is worked out for the best
 * `EVIDENCE.candidates` candidates by their other features (sorted best first), which hold the answer nearly always;
 * the others keep 0, and no bonus could lift them to the top.
 */
function addTypedEvidence(
  index: SearchIndex,
  ranked: Candidate[],
  asked: AskedFor,
  lookup: SlotLookup,
  weights: Record<FeatureName, number>,
): void {
  if (asked.type === 'expansion' || (asked.type === 'other' && asked.head === null)) return;
  for (const c of ranked.slice(0, EVIDENCE.candidates)) {
    const text = sentenceOf(index.passages, index.sentences[c.sentence]!).text;
    const typed = typedEvidence(asked, lookup, text);
    c.features.typedNear = typed.typedNear;
    c.features.countUnit = typed.countUnit;
    c.score = scoreOf(c.features, weights);
  }
}

/**
 * The question's slots as flat arrays for scoring many sentences: every alternative of every slot with its credit
 * and evidence, and the alternatives each index term stands for. `coverage` gives exactly what `coverage()` above
 * gives for the same presence (the same products, compared and summed in the same order), without a closure or a set
 * per sentence.
 */
class QuestionTerms implements MarkedSlots {
  /** Alternatives of slot `j` are `slotStart[j]` to `slotStart[j + 1]` (exclusive). */
  readonly slotStart: Int32Array;
  /** Term id of each alternative, -1 when the index lacks it. */
  readonly ids: Int32Array;
  readonly weight: Float64Array;
  readonly credit: Float64Array;
  readonly evidence: Float64Array;
  readonly total: number;
  /**
   * Term id → the alternatives it is (a term can stand for several slots), as an open-addressing table of the
   * question's term ids: `mark` looks up every term of every candidate sentence and passage, and a `Map` lookup there
   * cost about 1.5% of a question. `keys[h]` is a term id (-1 empty) and `firstAlt[h]` its first alternative; further
   * alternatives of the same id follow through `nextAlt`.
   */
  private readonly keys: Int32Array;
  private readonly firstAlt: Int32Array;
  private readonly nextAlt: Int32Array;
  private readonly shift: number;
  /**
   * The words of a long alias that stand in only together (`Slot.joint`: "Trans-Caspian International Transport
   * Corridor" for "Middle Corridor"): each such alternative with the alternatives of its whole name. A text that holds
   * "international" alone holds no part of the corridor's name.
   */
  private readonly joints: { alt: number; whole: number[] }[] = [];

  constructor(index: SearchIndex, slots: Slot[]) {
    const count = slots.reduce((n, s) => n + s.alternatives.length, 0);
    this.slotStart = new Int32Array(slots.length + 1);
    this.weight = new Float64Array(slots.length);
    this.credit = new Float64Array(count);
    this.evidence = new Float64Array(count);
    this.ids = new Int32Array(count);
    // A power of two at least four times the alternatives: short probe runs.
    let bits = 4;
    while (1 << bits < 4 * count) bits++;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.firstAlt = new Int32Array(1 << bits);
    this.nextAlt = new Int32Array(count).fill(-1);
    const lastAlt = new Map<number, number>();
    let g = 0;
    let total = 0;
    slots.forEach((slot, j) => {
      this.slotStart[j] = g;
      this.weight[j] = slot.weight;
      total += slot.weight;
      slot.alternatives.forEach((t, i) => {
        this.credit[g] = slot.credits[i]!;
        this.evidence[g] = slot.evidence[i]!;
        const id = index.termId(t);
        this.ids[g] = id;
        if (id >= 0) {
          const last = lastAlt.get(id);
          if (last === undefined) {
            let h = this.slotOf(id);
            while (this.keys[h] !== -1) h = (h + 1) & (this.keys.length - 1);
            this.keys[h] = id;
            this.firstAlt[h] = g;
          } else this.nextAlt[last] = g;
          lastAlt.set(id, g);
        }
        g++;
      });
      if (!slot.joint) return;
      const from = this.slotStart[j]!;
      slot.alternatives.forEach((t, i) => {
        const form = i > 0 ? slot.joint!.get(t) : undefined;
        if (!form) return;
        const whole = form.map((x) => slot.alternatives.indexOf(x)).filter((k) => k >= 0);
        if (whole.length > 1) this.joints.push({ alt: from + i, whole: whole.map((k) => from + k) });
      });
    });
    this.slotStart[slots.length] = g;
    this.total = total;
  }

  /** Home position of a term id in `keys` (Fibonacci hashing). */
  private slotOf(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }

  /** 1 for each alternative that one of `ids` is. */
  mark(ids: Uint32Array): Uint8Array {
    const m = new Uint8Array(this.credit.length);
    const { keys, firstAlt, nextAlt } = this;
    const wrap = keys.length - 1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      for (let h = this.slotOf(id); keys[h] !== -1; h = (h + 1) & wrap) {
        if (keys[h] !== id) continue;
        for (let g = firstAlt[h]!; g >= 0; g = nextAlt[g]!) m[g] = 1;
        break;
      }
    }
    if (this.joints.length > 0) {
      const found = m.slice();
      for (const { alt, whole } of this.joints) if (whole.some((g) => !found[g])) m[alt] = 0;
    }
    return m;
  }

  /**
   * Weighted share of the question covered, by `credits` (`credit` or `evidence`): an alternative in `a` or `b`
   * counts fully, one only in the heading `h` counts `hValue`.
   */
  coverage(credits: Float64Array, a: Uint8Array, b: Uint8Array | null, h: Uint8Array, hValue: number): number {
    let got = 0;
    const { slotStart, weight } = this;
    for (let j = 0; j < weight.length; j++) {
      let c = 0;
      for (let g = slotStart[j]!; g < slotStart[j + 1]!; g++) {
        const credit = credits[g]! * (a[g] || (b !== null && b[g]) ? 1 : h[g] ? hValue : 0);
        if (credit > c) c = credit;
      }
      got += weight[j]! * c;
    }
    return this.total > 0 ? got / this.total : 0;
  }
}

/** Each pair of neighbouring question words, as term ids (-1 for a word the index lacks: it never matches). */
function questionBigrams(index: SearchIndex, slots: Slot[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < slots.length; i++) out.push([index.termId(slots[i]!.term), index.termId(slots[i + 1]!.term)]);
  return out;
}

/** Share of the question's word pairs that the sentence has side by side. */
function bigramShare(bigrams: [number, number][], ids: Uint32Array): number {
  if (bigrams.length === 0) return 0;
  let found = 0;
  for (const [a, b] of bigrams) {
    if (a < 0 || b < 0) continue;
    for (let i = 0; i + 1 < ids.length; i++) {
      if (ids[i] === a && ids[i + 1] === b) {
        found++;
        break;
      }
    }
  }
  return found / bigrams.length;
}

/** Folded tokens of the question, for telling new information from words the question already has. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokenize(text));
}

/** How many passages use `term` (0 when none does), bound to the index: no arrow function per question. */
function dfOf(index: SearchIndex, term: string): number {
  return index.df.get(term) ?? 0;
}

/** The texts of the candidate sentences' passages, each once. */
function* passageTexts(index: SearchIndex, candidates: ReadonlySet<number>): Generator<string> {
  const seen = new Set<number>();
  for (const si of candidates) {
    const p = index.sentences[si]!.passage;
    if (seen.has(p)) continue;
    seen.add(p);
    yield index.passages[p]!.text;
  }
}
