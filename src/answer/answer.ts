import type { Article, Knowledge } from '../knowledge/types.ts';
import type { SearchIndex } from '../search/index.ts';
import { curatedCard, factCard } from './facts.ts';
import { answerType, typeEvidence, type AnswerType } from './question.ts';
import { buildSlots, type Slot } from './slots.ts';
import { coverage, rankSentences, spanLength, tokenSet, type Candidate } from './rank.ts';
import type { AskResult, FactCard, Snippet } from './result.ts';
import { suggestTopics, type Topic } from './suggest.ts';

/** Joined snippets stay within about this many characters. */
export const MAX_SNIPPET_CHARS = 400;
export const POLICY = {
  /** Weighted share of the question's content that the answer and its passage must cover. */
  minCoverage: 0.5,
};
const MAX_SNIPPETS = 3;
const MAX_CARDS = 2;

/** Openings that refer back to the sentence before ("It", "The two sides", "This marked …"). */
const ANAPHORA =
  /^(?:["“]?)(?:it|its|this|that|these|those|they|their|them|he|his|she|her|such|both|the two (?:sides|countries|leaders|parties)|the (?:latter|former)|there)\b/i;

export interface AnswerContext {
  knowledge: Knowledge;
  index: SearchIndex;
  aliasGroups: string[][][];
  topics: Topic[];
}

interface Span {
  passage: number;
  /** First and last sentence of the span, as indexes into the passage's sentences. */
  from: number;
  to: number;
  score: number;
}

export function answer(ctx: AnswerContext, question: string): AskResult {
  const { index } = ctx;
  const type = answerType(question);
  const slots = buildSlots(index, question, ctx.aliasGroups);
  const qTokens = tokenSet(question);
  const ranked = rankSentences(index, slots, type, qTokens, MAX_SNIPPET_CHARS);
  const best = ranked[0];
  const decision = decide(slots, best);
  if (!best || !decision.answered) {
    return {
      question,
      answered: false,
      snippets: [],
      facts: [],
      suggestions: suggestTopics(ctx.topics, question),
      confidence: round(decision.confidence),
      reason: decision.reason,
    };
  }

  const spans: Span[] = [];
  for (const c of ranked) {
    if (spans.length >= MAX_SNIPPETS) break;
    const span = expand(index, slots, type, qTokens, c);
    if (spans.some((s) => s.passage === span.passage && s.from <= span.to && span.from <= s.to)) continue;
    spans.push(span);
  }
  const snippets = spans.map((s) => toSnippet(ctx, s));
  return {
    question,
    answered: true,
    snippets,
    facts: cardsFor(ctx, spans),
    suggestions: [],
    confidence: round(decision.confidence),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Decide from evidence whether the material answers: the weighted share of the question's
 * content covered by the best sentence with its passage and headings, and whether the question
 * names something the material never mentions.
 */
function decide(
  slots: Slot[],
  best: Candidate | undefined,
): { answered: boolean; confidence: number; reason?: string } {
  if (slots.length === 0) return { answered: false, confidence: 0, reason: 'The question has no words to look up.' };
  if (!best) return { answered: false, confidence: 0, reason: 'Nothing in the material matches the question.' };
  const unknownNames = slots.filter((s) => s.unknown && s.named);
  const confidence = best.evidence;
  if (unknownNames.length > 0) {
    const names = unknownNames.map((s) => s.token).join(', ');
    return { answered: false, confidence, reason: `The material never mentions: ${names}.` };
  }
  if (confidence < POLICY.minCoverage) {
    return { answered: false, confidence, reason: 'The material does not cover enough of what the question asks.' };
  }
  return { answered: true, confidence };
}

/** Joins the better neighbouring sentence (the one that adds most of what the question asks) when the two fit in the snippet length. */
function expand(index: SearchIndex, slots: Slot[], type: AnswerType, qTokens: Set<string>, c: Candidate): Span {
  const passage = index.passages[c.passage]!;
  const k = index.sentences[c.sentence]!.sentence;
  const own = passage.sentences[k]!;
  const span: Span = { passage: c.passage, from: k, to: k, score: c.score };
  const ownTerms = new Set(index.sentenceTerms(c.sentence));

  const options: { at: number; gain: number }[] = [];
  for (const at of [k - 1, k + 1]) {
    const s = passage.sentences[at];
    if (!s) continue;
    if (spanLength(passage, k, at) > MAX_SNIPPET_CHARS) continue;
    const sTerms = new Set(index.sentenceTerms(c.sentence + at - k));
    // What the neighbour adds: question content the best sentence lacks.
    let gain = coverage(slots, (t) => ownTerms.has(t) || sTerms.has(t)) - coverage(slots, (t) => ownTerms.has(t));
    if (at === k - 1 && ANAPHORA.test(own.text)) gain += 0.2;
    if (at === k + 1 && ANAPHORA.test(s.text)) gain += 0.1;
    if (type !== 'other' && c.typeMatches === 0 && typeEvidence(type, s.text, qTokens) > 0) gain += 0.15;
    options.push({ at, gain });
  }
  // The better neighbour is always joined when the two fit: it often completes the answer.
  options.sort((a, b) => b.gain - a.gain || a.at - b.at);
  const pick = options[0];
  if (pick) {
    span.from = Math.min(pick.at, k);
    span.to = Math.max(pick.at, k);
  }
  return span;
}

const articleMaps = new WeakMap<object, Map<string, Article>>();
/** The article with this id, through a map built once per knowledge base (a scan costs milliseconds at 10,000 articles). */
function articleById(ctx: AnswerContext, id: string): Article {
  let map = articleMaps.get(ctx.knowledge);
  if (!map) {
    map = new Map(ctx.knowledge.articles.map((a) => [a.id, a]));
    articleMaps.set(ctx.knowledge, map);
  }
  return map.get(id)!;
}

function toSnippet(ctx: AnswerContext, span: Span): Snippet {
  const passage = ctx.index.passages[span.passage]!;
  const article = articleById(ctx, passage.articleId);
  const text = passage.text.slice(passage.sentences[span.from]!.start, passage.sentences[span.to]!.end);
  return {
    text,
    passageId: passage.id,
    articleId: article.id,
    title: article.title,
    section: passage.section,
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
    published: article.published,
    score: round(span.score),
  };
}

function cardsFor(ctx: AnswerContext, spans: Span[]): FactCard[] {
  const cards: FactCard[] = [];
  const first = spans[0];
  if (!first) return cards;
  const cited = new Set(spans.map((s) => ctx.index.passages[s.passage]!.id));
  for (const card of ctx.knowledge.curatedCards) {
    if (!cited.has(card.passageId)) continue;
    const article = articleById(ctx, card.articleId);
    const passage = article.passages.find((p) => p.id === card.passageId)!;
    cards.push(curatedCard(card, article, passage));
  }
  // Derived facts come from the best answer's passage, with its answering sentences first.
  const passage = ctx.index.passages[first.passage]!;
  const article = articleById(ctx, passage.articleId);
  const focus = passage.text.slice(passage.sentences[first.from]!.start, passage.sentences[first.to]!.end);
  const derived = factCard(article, passage, focus);
  if (derived) cards.push(derived);
  return cards.slice(0, MAX_CARDS);
}
