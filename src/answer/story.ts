import type { SearchIndex } from '../search/index.ts';
import { tokenize } from '../text/terms.ts';
import type { AnswerContext } from './context.ts';
import type { Slot } from './slots.ts';
import type { AnswerType } from './question.ts';
import type { Candidate } from './rank.ts';
import { ABSTENTION, RANKING, STORY } from './tuning.ts';

/**
 * Story-level evidence for ranking and deciding. A news story states its names in the first paragraph and the
 * answer a few short paragraphs below, so a sentence is read with its story: the passages of its article within
 * `STORY.window` paragraphs of its own (the whole story when it is short; a neighbourhood when an article is long or,
 * like a newspaper page, holds several items), and the article's title and section.
 *
 * Presence in a story is looked up in the passage index's postings (sorted by passage) by binary search, so a story
 * costs a few lookups per question word, whatever its length.
 */

/** The passages a passage's story spans: [from, to), within its article and `STORY.window` of it. */
export function storyRange(ctx: AnswerContext, passage: number): [number, number] {
  const article = ctx.storyRange(passage) ?? { from: passage, to: passage + 1 };
  return [Math.max(article.from, passage - STORY.window), Math.min(article.to, passage + STORY.window + 1)];
}

/** Whether any passage in [from, to) has `term` in its text: a binary search in the term's postings. */
export function rangeHas(index: SearchIndex, term: string, from: number, to: number): boolean {
  const id = index.termId(term);
  return id >= 0 && index.passagesHave(id, from, to);
}

/** A question's names and numbers: the slots that pick a story among its siblings. */
export function nameSlots(slots: Slot[]): boolean[] {
  return slots.map((slot) => slot.named || /\d/.test(slot.term));
}

/** What one candidate sentence's story gives it (all 0–1). */
export interface StoryFeatures {
  /** Weighted share of the question that the sentence, its passage, the story around it and the headings cover. */
  storyCoverage: number;
  /** The same, counting only evidence strong enough to decide that the material answers. */
  storyEvidence: number;
  /** Weighted share of the question's names and numbers in the story (0 when the question has none). */
  storyNames: number;
  /** The sentence's own coverage, a question name found anywhere in its story counting for it (`STORY.nameCarry`). */
  carriedCoverage: number;
}

/**
 * The question's alternatives as flat arrays (rank.ts builds them once per question): alternative `g` of slot `j` is
 * `slotStart[j] + k`, with its credit, evidence and term id (-1 when the index lacks the term). Marks are one byte per
 * alternative: 1 when a sentence, passage or heading holds it.
 */
export interface MarkedSlots {
  readonly slotStart: Int32Array;
  readonly credit: Float64Array;
  readonly evidence: Float64Array;
  readonly ids: Int32Array;
}

/**
 * The story features of a sentence, given which alternatives its own sentence, passage and headings hold (`sMark`,
 * `pMark`, `hMark`, over `q`), and which slots are names (`nameSlots`). `perPassage` keeps each passage's story
 * credits for one question. Read by index, not by term: no closure and no string lookup per candidate.
 */
export function storyFeatures(
  ctx: AnswerContext,
  slots: Slot[],
  q: MarkedSlots,
  passage: number,
  sMark: Uint8Array,
  pMark: Uint8Array,
  hMark: Uint8Array,
  names: boolean[],
  perPassage: Map<number, Float64Array>,
): StoryFeatures {
  const n = slots.length;
  const { slotStart, credit, evidence, ids } = q;
  // Each slot's credit and evidence in the story, the same for every sentence of a passage: worked out once.
  let credits = perPassage.get(passage);
  if (!credits) {
    const [from, to] = storyRange(ctx, passage);
    const { index } = ctx;
    credits = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      for (let g = slotStart[i]!; g < slotStart[i + 1]!; g++) {
        if (credit[g]! <= credits[i]! && evidence[g]! <= credits[n + i]!) continue;
        const inStory =
          sMark[g] === 1 || pMark[g] === 1 || hMark[g] === 1 || (ids[g]! >= 0 && index.passagesHave(ids[g]!, from, to));
        if (!inStory) continue;
        credits[i] = Math.max(credits[i]!, credit[g]!);
        credits[n + i] = Math.max(credits[n + i]!, evidence[g]!);
      }
    }
    perPassage.set(passage, credits);
  }
  let total = 0;
  let covered = 0;
  let storyEvidence = 0;
  let namesTotal = 0;
  let namesGot = 0;
  let carried = 0;
  const hc = RANKING.headingCredit;
  for (let i = 0; i < n; i++) {
    const w = slots[i]!.weight;
    total += w;
    const story = credits[i]!;
    covered += w * story;
    storyEvidence += w * credits[n + i]!;
    // The sentence's own credit for the slot, its headings counting as in rank.ts's sentence coverage.
    let own = 0;
    if (names[i] || story > 0) {
      for (let g = slotStart[i]!; g < slotStart[i + 1]!; g++) {
        const c = credit[g]! * (sMark[g] === 1 ? 1 : hMark[g] === 1 ? hc : 0);
        if (c > own) own = c;
      }
    }
    if (names[i]) {
      namesTotal += w;
      namesGot += w * story;
      carried += w * Math.max(own, STORY.nameCarry * story);
    } else if (story > 0) carried += w * own;
  }
  return {
    storyCoverage: total > 0 ? covered / total : 0,
    storyEvidence: total > 0 ? storyEvidence / total : 0,
    storyNames: namesTotal > 0 ? namesGot / namesTotal : 0,
    carriedCoverage: total > 0 ? carried / total : 0,
  };
}

/** A number, or a name mid-sentence. */
const INFORMATION = /\d[\d,.]*|(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’-]+/gu;

/**
 * Novelty (0 or 1): the sentence holds a number, date or name that the question lacks. A sentence that only restates
 * the question's names tells the member nothing new; the answering sentence usually holds the figure, the date or the
 * person asked for.
 */
export function novelty(text: string, questionTokens: Set<string>): number {
  // One scan with `exec` (no iterator and no copy of the pattern per sentence; this runs for every candidate).
  INFORMATION.lastIndex = 0;
  for (let m = INFORMATION.exec(text); m !== null; m = INFORMATION.exec(text)) {
    const found = m[0];
    // A plain word or a plain number is its own token (folded); anything else goes through the pipeline ("6,500",
    // "Pfaff's"). A plain word the pipeline would read as another ("percentage" is "percent") is never one of the
    // question's tokens either, so it is new in both readings.
    const plain = PLAIN_WORD.test(found) ? found.toLowerCase() : PLAIN_NUMBER.test(found) ? found : null;
    if (plain !== null ? !questionTokens.has(plain) : tokenize(found).some((t) => !questionTokens.has(t))) {
      INFORMATION.lastIndex = 0;
      return 1;
    }
  }
  return 0;
}
const PLAIN_WORD = /^[A-Za-z]{3,}$/;
const PLAIN_NUMBER = /^\d+$/;

/**
 * Whether the evidence supports answering from a candidate: its sentence, passage and headings cover enough of the
 * question (`ABSTENTION.minCoverage`), or, for a short news story, the story around it covers nearly all of it
 * (`STORY.minStoryEvidence`), its own passage a good part (`STORY.minOwnEvidence`), and the sentence holds what is
 * asked for (the answer type, or for an untyped question a number, date or name the question lacks). News paragraphs
 * are short: the question's other words sit a paragraph away, in the same story.
 */
export function supported(c: Candidate, type: AnswerType): boolean {
  if (c.evidence >= ABSTENTION.minCoverage) return true;
  if (c.storyEvidence < STORY.minStoryEvidence || c.evidence < STORY.minOwnEvidence) return false;
  return type === 'other' ? c.features.novelty > 0 : c.typeMatches > 0;
}

/** Whether the story (article) that holds `passage` uses `term`: its own headings, or the text of any of its passages. */
export function storyHas(ctx: AnswerContext, passage: number, term: string): boolean {
  const { index } = ctx;
  const id = index.termId(term);
  if (id < 0) return false; // neither text nor heading anywhere uses it
  if (index.headingTermIds(passage).includes(id)) return true;
  // One binary search in the term's postings over the story's passages.
  const range = ctx.storyRange(passage);
  if (range) return index.passagesHave(id, range.from, range.to);
  if (index.passageTermIds(passage).includes(id)) return true;
  const article = ctx.articles.get(index.passages[passage]!.articleId)!;
  for (const p of article.passages) {
    const n = ctx.passageNumbers.get(p.id);
    if (n !== undefined && n !== passage && index.passageTermIds(n).includes(id)) return true;
  }
  return false;
}
