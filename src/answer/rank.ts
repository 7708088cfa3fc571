import { TERM_QUERY, sentenceOf, type SearchIndex } from '../search/index.ts';
import { tokenize } from '../text/terms.ts';
import type { AnswerContext } from './context.ts';
import { typeEvidence, type AnswerType } from './question.ts';
import type { Slot } from './slots.ts';
import { addSoftMatches } from './soft.ts';
import { joinableNeighbours } from './span.ts';
import { RANKING, WEIGHTS } from './tuning.ts';

/**
 * Sentence ranking. MiniSearch finds candidate passages and sentences; each candidate sentence
 * is then scored on how much of the question's weighted content it covers itself, how much its
 * passage and headings cover, the search scores, and whether it holds the kind of thing asked
 * for (a number, a date, a name, a place).
 */

/**
 * The features a candidate sentence is scored on, by name. The score is their weighted sum (`scoreOf`, weights in
 * `WEIGHTS`). A new feature gets a name here, a function of its own that computes it, and a weight.
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
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** A candidate's score: the weighted sum of its features. */
export function scoreOf(features: Features, weights: Record<FeatureName, number> = WEIGHTS): number {
  let score = 0;
  for (const name of FEATURES) score += weights[name] * features[name];
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
function searchQuery(index: SearchIndex, slots: Slot[]): { query: string; boostTerm: (term: string) => number } {
  const boosts = new Map<string, number>();
  for (const slot of slots) {
    let primary = true;
    slot.alternatives.forEach((t, i) => {
      if (!index.df.has(t)) return;
      const boost = slot.credits[i]! * (primary ? 1 : RANKING.alternativeBoost);
      primary = false;
      if (boost > (boosts.get(t) ?? 0)) boosts.set(t, boost);
    });
  }
  return { query: [...boosts.keys()].join(' '), boostTerm: (t) => boosts.get(t) ?? 1 };
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
): Candidate[] {
  const { index } = ctx;
  const { query, boostTerm } = searchQuery(index, slots);
  if (!query) return [];
  const passageHits = index.passageIndex.search(query, {
    ...TERM_QUERY,
    boostTerm,
    boost: { text: 1, heading: RANKING.headingBoost },
    limit: RANKING.passageCandidates * RANKING.searchDepth,
  });
  const sentenceHits = index.sentenceIndex.search(query, {
    ...TERM_QUERY,
    boostTerm,
    limit: RANKING.sentenceCandidates * RANKING.searchDepth,
  });
  const topPassage = passageHits[0]?.score ?? 1;
  const topSentence = sentenceHits[0]?.score ?? 1;

  const passageScore = new Map<number, number>();
  for (const h of passageHits) passageScore.set(h.id as number, h.score / topPassage);
  const sentenceScore = new Map<number, number>();
  for (const h of sentenceHits) sentenceScore.set(h.id as number, h.score / topSentence);

  const sentenceTerms = (si: number) => {
    const terms = index.sentenceTerms(si);
    work.termsRead += terms.length;
    return terms;
  };
  // Each passage's terms, read once per question however many of its sentences are candidates.
  const passageSets = new Map<number, Set<string>>();
  const passageSet = (pi: number) => {
    let set = passageSets.get(pi);
    if (!set) {
      const terms = index.passageTerms(pi);
      work.termsRead += terms.length;
      passageSets.set(pi, (set = new Set(terms)));
    }
    return set;
  };

  const candidates = new Set<number>();
  for (const h of sentenceHits.slice(0, RANKING.sentenceCandidates)) candidates.add(h.id as number);
  const queryTerms = new Set(query.split(' '));
  for (const h of passageHits.slice(0, RANKING.passageCandidates))
    for (const si of passageSentences(h.id as number)) candidates.add(si);

  /** A candidate passage's sentences; of a long one, those the search scored, then those with the most question terms. */
  function passageSentences(pi: number): number[] {
    const first = index.firstSentence(pi);
    const all = index.passages[pi]!.sentences.map((_s, k) => first + k);
    if (all.length <= RANKING.sentencesPerPassage) return all;
    const overlap = (si: number) => sentenceTerms(si).filter((t) => queryTerms.has(t)).length;
    return all
      .map((si) => ({ si, hit: sentenceScore.get(si) ?? 0, overlap: overlap(si) }))
      .sort((a, b) => b.hit - a.hit || b.overlap - a.overlap || a.si - b.si)
      .slice(0, RANKING.sentencesPerPassage)
      .map((x) => x.si);
  }

  if (ctx.vectors) {
    // The candidates' own words, for soft matches of the question's words (see soft.ts), gathered only when needed.
    const candidateTerms = () => {
      const seen = new Set<string>();
      for (const si of candidates) {
        for (const t of index.sentenceTerms(si)) seen.add(t);
        for (const t of ctx.headingTerms(index.sentences[si]!.passage)) seen.add(t);
      }
      return seen;
    };
    addSoftMatches(ctx.vectors, slots, candidateTerms, (t) => index.df.has(t));
  }
  const bigrams = questionBigrams(slots);
  const out: Candidate[] = [];
  work.candidates += candidates.size;
  for (const si of candidates) {
    const ref = index.sentences[si]!;
    const passage = index.passages[ref.passage]!;
    const sentence = sentenceOf(index.passages, ref);
    const sTerms = sentenceTerms(si);
    const sSet = new Set(sTerms);
    const pSet = passageSet(ref.passage);
    const hSet = ctx.headingTerms(ref.passage);
    // The article's title and section name what every sentence under them is about.
    const sentenceCoverage = coverage(slots, (t) => (sSet.has(t) ? 1 : hSet.has(t) ? RANKING.headingCredit : 0));
    const inContext = (t: string) => sSet.has(t) || pSet.has(t) || hSet.has(t);
    const contextCoverage = coverage(slots, inContext);
    const evidence = coverage(slots, inContext, true);
    let spanCoverage = sentenceCoverage;
    for (const at of joinableNeighbours(passage, ref.sentence)) {
      const nSet = new Set(sentenceTerms(si + at - ref.sentence));
      spanCoverage = Math.max(
        spanCoverage,
        coverage(slots, (t) => (sSet.has(t) || nSet.has(t) ? 1 : hSet.has(t) ? RANKING.headingCredit : 0)),
      );
    }
    const typeMatches = typeEvidence(type, sentence.text, questionTokens);
    const features: Features = {
      sentenceCoverage,
      spanCoverage,
      contextCoverage,
      passageScore: passageScore.get(ref.passage) ?? 0,
      sentenceScore: sentenceScore.get(si) ?? 0,
      typeMatch: typeMatches > 0 ? 1 : 0,
      bigram: bigramShare(bigrams, sTerms),
      lead: ctx.lede[ref.passage]!,
    };
    out.push({
      sentence: si,
      passage: ref.passage,
      score: scoreOf(features),
      features,
      sentenceCoverage,
      spanCoverage,
      contextCoverage,
      evidence,
      typeMatches,
    });
  }
  out.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  return out;
}

function questionBigrams(slots: Slot[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < slots.length; i++) out.push(`${slots[i]!.term} ${slots[i + 1]!.term}`);
  return out;
}

function bigramShare(bigrams: string[], sentenceTerms: string[]): number {
  if (bigrams.length === 0) return 0;
  const set = new Set<string>();
  for (let i = 0; i + 1 < sentenceTerms.length; i++) set.add(`${sentenceTerms[i]} ${sentenceTerms[i + 1]}`);
  return bigrams.filter((b) => set.has(b)).length / bigrams.length;
}

/** Folded tokens of the question, for telling new information from words the question already has. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokenize(text));
}
