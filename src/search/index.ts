import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Passage, Sentence } from '../knowledge/types.ts';
import { termOf, tokenize } from '../text/terms.ts';

/**
 * Two MiniSearch indexes over the same text: one over passages (paragraph text plus article
 * title and section as boosted context), one over single sentences. Answers are ranked per
 * sentence, with the passage score as context.
 */

export interface SentenceRef {
  passage: number;
  sentence: number;
}

export interface SearchIndex {
  passages: Passage[];
  /** Flat list of sentences; `sentenceIndex` ids point here. */
  sentences: SentenceRef[];
  /** Article title for each passage, by passage number. */
  titles: string[];
  passageIndex: MiniSearch<PassageDoc>;
  sentenceIndex: MiniSearch<SentenceDoc>;
  /** Passage-level document frequency of every term. */
  df: Map<string, number>;
  /** Terms for fuzzy lookup, built on first use. */
  vocab(): SearchableMap<number>;
}

interface PassageDoc {
  id: number;
  text: string;
  heading: string;
}
interface SentenceDoc {
  id: number;
  text: string;
}

const processTerm = (t: string) => termOf(t) ?? undefined;

export const PASSAGE_OPTIONS: Options<PassageDoc> = {
  fields: ['text', 'heading'],
  storeFields: [],
  tokenize,
  processTerm,
};
export const SENTENCE_OPTIONS: Options<SentenceDoc> = {
  fields: ['text'],
  storeFields: [],
  tokenize,
  processTerm,
};

/** Search options for queries that are already lists of processed terms. */
export const TERM_QUERY = {
  tokenize: (s: string) => s.split(' ').filter(Boolean),
  processTerm: (t: string) => t,
} as const;

export function flatten(articles: Article[]): { passages: Passage[]; titles: string[]; sentences: SentenceRef[] } {
  const passages: Passage[] = [];
  const titles: string[] = [];
  const sentences: SentenceRef[] = [];
  for (const a of articles) {
    for (const p of a.passages) {
      const pi = passages.length;
      passages.push(p);
      titles.push(a.title);
      p.sentences.forEach((_s, si) => sentences.push({ passage: pi, sentence: si }));
    }
  }
  return { passages, titles, sentences };
}

export function headingOf(title: string, section: string): string {
  return `${title}\n${section}`;
}

export function passageTerms(p: Passage): Set<string> {
  const set = new Set<string>();
  for (const tok of tokenize(p.text)) {
    const t = termOf(tok);
    if (t) set.add(t);
  }
  return set;
}

export function buildIndex(articles: Article[]): SearchIndex {
  const { passages, titles, sentences } = flatten(articles);
  const passageIndex = new MiniSearch<PassageDoc>(PASSAGE_OPTIONS);
  const sentenceIndex = new MiniSearch<SentenceDoc>(SENTENCE_OPTIONS);
  const df = new Map<string, number>();
  passages.forEach((p, i) => {
    passageIndex.add({ id: i, text: p.text, heading: headingOf(titles[i]!, p.section) });
    for (const t of passageTerms(p)) df.set(t, (df.get(t) ?? 0) + 1);
  });
  sentences.forEach((ref, i) => {
    sentenceIndex.add({ id: i, text: sentenceOf(passages, ref).text });
  });
  return assemble(passages, titles, sentences, passageIndex, sentenceIndex, df);
}

export function sentenceOf(passages: Passage[], ref: SentenceRef): Sentence {
  return passages[ref.passage]!.sentences[ref.sentence]!;
}

export function assemble(
  passages: Passage[],
  titles: string[],
  sentences: SentenceRef[],
  passageIndex: MiniSearch<PassageDoc>,
  sentenceIndex: MiniSearch<SentenceDoc>,
  df: Map<string, number>,
): SearchIndex {
  let vocab: SearchableMap<number> | undefined;
  return {
    passages,
    titles,
    sentences,
    passageIndex,
    sentenceIndex,
    df,
    vocab: () => (vocab ??= SearchableMap.from<number>(df.entries()) as SearchableMap<number>),
  };
}
