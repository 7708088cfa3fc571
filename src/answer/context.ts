import { FactStore } from '../facts/store.ts';
import { LEAD_SECTION } from '../knowledge/passages.ts';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { SearchIndex } from '../search/index.ts';
import type { TermVectors } from '../text/vectors.ts';
import { MONTH_ABBR, MONTH_NAMES } from '../text/patterns.ts';
import { capitalise, termOf, tokenize } from '../text/terms.ts';
import { WordNet } from '../text/wordnet.ts';
import { shippedModel, type AnswerModel } from './model.ts';
import { aliasTerms } from './slots.ts';
import { TopicIndex, type Topic } from './suggest.ts';

/**
 * What answering reads besides the question: the knowledge, its index, and lookups derived from them once per
 * engine. Every cache of the answering path lives here, not at module level, so two engines over different knowledge
 * never share one (see docs/DESIGN.md, "Caches").
 */
export interface AnswerContext {
  knowledge: Knowledge;
  index: SearchIndex;
  /** Alias groups of `aliases.yaml` as term lists. */
  aliasGroups: string[][][];
  topics: Topic[];
  /** Topics the material covers, related to `text` first (`suggestTopics` over `topics`, read through an index). */
  suggest(text: string, count?: number): string[];
  /** Articles by id. */
  articles: ReadonlyMap<string, Article>;
  /** Passage numbers in the index by passage id. */
  passageNumbers: ReadonlyMap<string, number>;
  /** 1 for a passage in the lede of an article that has headings (the summary above its first section), else 0. */
  lede: Uint8Array;
  /**
   * The passage numbers of the story (article) that holds `passage`, `from` to `to` (exclusive), or null when its
   * passages are not numbered one after another in the index (then read them from `articles`).
   */
  storyRange(passage: number): { from: number; to: number } | null;
  /** The terms of a passage's article title and section, as a set (memoised). */
  headingTerms(passage: number): Set<string>;
  /** WordNet, opened on first use; null when the dictionary cannot be read. */
  wordnet(): WordNet | null;
  /** Every passage's named fact fields, worked out when the index is built (src/facts/store.ts). */
  facts: FactStore;
  /** Word vectors for soft matching, or null when they are off or not installed. */
  vectors: TermVectors | null;
  /** The ranking and abstention weights (src/answer/weights.json unless the engine was given others). */
  model: AnswerModel;
}

export function createAnswerContext(
  knowledge: Knowledge,
  index: SearchIndex,
  topics: Topic[] | (() => Topic[]),
  facts: FactStore = FactStore.build(knowledge, null),
  vectors: TermVectors | null = null,
  model: AnswerModel = shippedModel(),
): AnswerContext {
  const headings = new Map<number, Set<string>>();
  let wordnet: WordNet | null | undefined;
  // Built on first use: a question needs it only for a story not numbered in order, a front end to look a passage up.
  let passageNumbers: Map<string, number> | undefined;
  const numbers = () => (passageNumbers ??= new Map(index.passages.map((p, i) => [p.id, i])));
  const stories = storyRanges(knowledge, index, numbers);
  // The same ranges by passage number, filled on first use: a lookup by article id per candidate cost about 1% of a
  // question at 100,000 passages.
  let byPassage: ({ from: number; to: number } | null)[] | undefined;
  const storyOf = (passage: number) => {
    if (!byPassage) {
      byPassage = new Array<{ from: number; to: number } | null>(index.passages.length).fill(null);
      for (const range of stories.values()) byPassage.fill(range, range.from, range.to);
    }
    return byPassage[passage] ?? null;
  };
  const topicIndex = new TopicIndex(topics);
  const articleOf = new Map(knowledge.articles.map((a) => [a.id, a]));
  return {
    knowledge,
    index,
    aliasGroups: aliasTerms(knowledge.aliases),
    get topics() {
      return topicIndex.topics;
    },
    suggest: (text, count) => topicIndex.suggest(text, count),
    articles: articleOf,
    get passageNumbers() {
      return numbers();
    },
    storyRange: storyOf,
    lede: ledeOf(index),
    headingTerms(passage) {
      let h = headings.get(passage);
      if (!h) headings.set(passage, (h = withoutDateline(index, passage, articleOf)));
      return h;
    },
    wordnet: () => (wordnet === undefined ? (wordnet = WordNet.open()) : wordnet),
    facts,
    vectors,
    model,
  };
}

/**
 * A news dateline opening a title: "London, Feb. 9 …", "WASHINGTON, May 3 -": where the story was filed, capitalised
 * words before a comma and a month's day. Group 1 is the place.
 */
const DATELINE = new RegExp(
  `^((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}\\p{Lu}[\\p{L}.'’-]*),\\s*(?:${MONTH_NAMES.map(capitalise).join('|')}|` +
    `(?:${MONTH_ABBR.split('|').map(capitalise).join('|')})\\.?)\\s+\\d{1,2}\\b`,
  'u',
);

/**
 * The terms of a passage's headings, less the place of a dateline opening its article's title ("London, Feb. 9 Vital
 * secrets of Britain's first…" says where the story was filed, not what it is about): a heading's name counts for
 * every passage of the article ("who is the mayor of London" is not answered by "the mayor's medal" anywhere under
 * it). A place the rest of the title or the section names again stays.
 */
function withoutDateline(index: SearchIndex, passage: number, articles: ReadonlyMap<string, Article>): Set<string> {
  const terms = new Set(index.headingTerms(passage));
  const p = index.passages[passage]!;
  const title = articles.get(p.articleId)?.title ?? '';
  const m = DATELINE.exec(title);
  if (!m) return terms;
  const rest = new Set(tokenize(`${title.slice(m[0].length)} ${p.section}`).flatMap((t) => termOf(t) ?? []));
  for (const t of tokenize(m[1]!)) {
    const term = termOf(t);
    if (term && !rest.has(term)) terms.delete(term);
  }
  return terms;
}

/** An article without headings has no lede to prefer; one with headings leads with its summary. */
function ledeOf(index: SearchIndex): Uint8Array {
  const { passages } = index;
  const lede = new Uint8Array(passages.length);
  const hasHeadings = new Set<string>();
  for (const p of passages) if (p.section !== LEAD_SECTION) hasHeadings.add(p.articleId);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    if (p.section === LEAD_SECTION && hasHeadings.has(p.articleId)) lede[i] = 1;
  }
  return lede;
}

/**
 * Each article's passages as a range of passage numbers, when they are numbered one after another (they are when the
 * index is built from the articles in order: then one walk along the index tells, without a lookup by id).
 */
function storyRanges(
  knowledge: Knowledge,
  index: SearchIndex,
  numbers: () => ReadonlyMap<string, number>,
): Map<string, { from: number; to: number }> {
  const out = new Map<string, { from: number; to: number }>();
  const { passages } = index;
  let at = 0;
  for (const a of knowledge.articles) {
    const n = a.passages.length;
    if (n === 0) continue;
    let inOrder = at + n <= passages.length;
    for (let k = 0; inOrder && k < n; k++) {
      const p = passages[at + k]!;
      inOrder = p === a.passages[k] || p.id === a.passages[k]!.id;
    }
    if (inOrder) {
      out.set(a.id, { from: at, to: at + n });
      at += n;
      continue;
    }
    // Out of order: by the passages' numbers, as they are.
    const nums = a.passages.map((p) => numbers().get(p.id));
    const from = nums[0];
    if (from === undefined || !nums.every((m, i) => m === from + i)) continue;
    out.set(a.id, { from, to: from + nums.length });
    at = from + nums.length;
  }
  return out;
}
