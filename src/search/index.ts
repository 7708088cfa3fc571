import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Passage, Sentence } from '../knowledge/types.ts';
import { termOf, tokenize } from '../text/terms.ts';
import { PostingsBuilder, type PostingsIndex } from './postings.ts';

/**
 * Two inverted indexes over the same text, sharing one term dictionary: one over passages
 * (paragraph text plus article title and section as boosted context), one over single
 * sentences. Answers are ranked per sentence, with the passage score as context. Both score
 * like MiniSearch with BM25 (see postings.ts) but live in typed arrays, so the cache loads as
 * a view on its bytes and a search keeps only the best results it is asked for.
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
  /** Passages by number: fields `text` and `heading` (article title and section). */
  passageIndex: PostingsIndex;
  /** Sentences by number in `sentences`: field `text`. */
  sentenceIndex: PostingsIndex;
  /** Passage-level document frequency of every term. */
  df: Map<string, number>;
  /** `terms(passage.text)`, `terms(sentence.text)` and `terms(headingOf(title, section))` from the index, without tokenizing. */
  passageTerms(passage: number): string[];
  sentenceTerms(sentence: number): string[];
  headingTerms(passage: number): string[];
  /** Terms for fuzzy lookup, built on first use. */
  vocab(): SearchableMap<number>;
}

const processTerm = (t: string) => termOf(t) ?? undefined;
export const PASSAGE_FIELDS = ['text', 'heading'];
export const SENTENCE_FIELDS = ['text'];

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
  const termIds = new Map<string, number>();
  // Passage text first: term ids then follow first use in the text, the order `df` always had.
  const passageBuilder = new PostingsBuilder(PASSAGE_FIELDS, termIds, passages.length, tokenize, processTerm);
  passageBuilder.addField(0, passages.map((p) => p.text));
  passageBuilder.addField(1, passages.map((p, i) => headingOf(titles[i]!, p.section)));
  const sentenceBuilder = new PostingsBuilder(SENTENCE_FIELDS, termIds, sentences.length, tokenize, processTerm);
  sentenceBuilder.addField(0, sentences.map((ref) => sentenceOf(passages, ref).text));
  const passageIndex = passageBuilder.finish();
  const sentenceIndex = sentenceBuilder.finish();
  return assemble(passages, titles, sentences, passageIndex, sentenceIndex);
}

export function sentenceOf(passages: Passage[], ref: SentenceRef): Sentence {
  return passages[ref.passage]!.sentences[ref.sentence]!;
}

/** Passage-level document frequency: the length of each term's postings in the passages' text field. */
export function documentFrequencies(passageIndex: PostingsIndex): Map<string, number> {
  const df = new Map<string, number>();
  const { offsets } = passageIndex.fields[0]!;
  for (const [term, id] of passageIndex.termIds) {
    if (id + 1 >= offsets.length) continue;
    const n = offsets[id + 1]! - offsets[id]!;
    if (n > 0) df.set(term, n);
  }
  return df;
}

export function assemble(
  passages: Passage[],
  titles: string[],
  sentences: SentenceRef[],
  passageIndex: PostingsIndex,
  sentenceIndex: PostingsIndex,
): SearchIndex {
  let vocab: SearchableMap<number> | undefined;
  const df = documentFrequencies(passageIndex);
  return {
    passages,
    titles,
    sentences,
    passageIndex,
    sentenceIndex,
    df,
    passageTerms: (p) => passageIndex.termsOf(p, 0),
    sentenceTerms: (s) => sentenceIndex.termsOf(s, 0),
    headingTerms: (p) => passageIndex.termsOf(p, 1),
    vocab: () => (vocab ??= SearchableMap.from<number>(df.entries()) as SearchableMap<number>),
  };
}
