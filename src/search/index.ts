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
  /** Passage-level document frequency of every term (a read-only view on the index, in first-use order). */
  df: ReadonlyMap<string, number>;
  /** `terms(passage.text)`, `terms(sentence.text)` and `terms(headingOf(title, section))` from the index, without tokenizing. */
  passageTerms(passage: number): string[];
  sentenceTerms(sentence: number): string[];
  headingTerms(passage: number): string[];
  /** Id of a term in the dictionary both indexes share (what the `…TermIds` views hold), or -1 when it has none. */
  termId(term: string): number;
  /** The same terms as `passageTerms`, `sentenceTerms` and `headingTerms`, as ids: views on the index, no strings built. */
  passageTermIds(passage: number): Uint32Array;
  sentenceTermIds(sentence: number): Uint32Array;
  headingTermIds(passage: number): Uint32Array;
  /** Whether the text of a passage numbered `from` to `to` (exclusive) has the term with id `termId` (a binary search). */
  passagesHave(termId: number, from: number, to: number): boolean;
  /** Terms of passage text that start with `prefix` (the prefix itself included), in string order. */
  termsWithPrefix(prefix: string): string[];
  /** Number (in `sentences`) of a passage's first sentence. */
  firstSentence(passage: number): number;
  /** Ids of the terms of `df`, in string order. */
  sortedTerms: Uint32Array;
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
  passageBuilder.addField(
    0,
    passages.map((p) => p.text),
  );
  passageBuilder.addField(
    1,
    passages.map((p, i) => headingOf(titles[i]!, p.section)),
  );
  const sentenceBuilder = new PostingsBuilder(SENTENCE_FIELDS, termIds, sentences.length, tokenize, processTerm);
  sentenceBuilder.addField(
    0,
    sentences.map((ref) => sentenceOf(passages, ref).text),
  );
  const passageIndex = passageBuilder.finish();
  const sentenceIndex = sentenceBuilder.finish();
  // A passage's terms are usually its sentences' terms one after another; then the passage
  // sequences are not stored twice, and passages read theirs from the sentences.
  const text = passageIndex.fields[0]!;
  const sent = sentenceIndex.fields[0]!;
  const first = firstSentences(passages);
  const same = passages.every((_p, i) => {
    const a = text.seq.subarray(text.seqOffsets[i]!, text.seqOffsets[i + 1]!);
    const b = sent.seq.subarray(sent.seqOffsets[first[i]!]!, sent.seqOffsets[first[i + 1]!]!);
    return a.length === b.length && a.every((v, k) => v === b[k]);
  });
  if (same) {
    text.seq = new Uint32Array(0);
    text.seqOffsets = new Uint32Array(0);
  }
  return assemble(passages, titles, sentences, passageIndex, sentenceIndex, sortTerms(passageIndex));
}

/** Ids of the terms passages' text uses, ordered as strings. */
function sortTerms(passageIndex: PostingsIndex): Uint32Array {
  const ids: number[] = [];
  const { terms } = passageIndex;
  for (let id = 0; id < terms.length; id++) if (passageIndex.documentFrequency(terms[id]!, 0) > 0) ids.push(id);
  ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  return Uint32Array.from(ids);
}

/** Index of each passage's first sentence in the flat sentence list, plus the total at the end. */
function firstSentences(passages: Passage[]): Uint32Array {
  const first = new Uint32Array(passages.length + 1);
  let n = 0;
  passages.forEach((p, i) => {
    first[i] = n;
    n += p.sentences.length;
  });
  first[passages.length] = n;
  return first;
}

export function sentenceOf(passages: Passage[], ref: SentenceRef): Sentence {
  return passages[ref.passage]!.sentences[ref.sentence]!;
}

/**
 * Passage-level document frequency: the length of each term's postings in the passages' text
 * field. A view, not a copy: the dictionary is already in memory once.
 */
export class DocumentFrequencies implements ReadonlyMap<string, number> {
  readonly size: number;
  private readonly offsets: Uint32Array;

  constructor(private readonly index: PostingsIndex) {
    this.offsets = index.fields[0]!.offsets;
    let size = 0;
    for (let id = 0; id + 1 < this.offsets.length; id++) if (this.offsets[id + 1]! > this.offsets[id]!) size++;
    this.size = size;
  }

  private count(id: number | undefined): number {
    if (id === undefined || id + 1 >= this.offsets.length) return 0;
    return this.offsets[id + 1]! - this.offsets[id]!;
  }

  get(term: string): number | undefined {
    const n = this.count(this.index.termIds.get(term));
    return n > 0 ? n : undefined;
  }

  has(term: string): boolean {
    return this.count(this.index.termIds.get(term)) > 0;
  }

  *entries(): MapIterator<[string, number]> {
    const { terms } = this.index;
    for (let id = 0; id < terms.length; id++) {
      const n = this.count(id);
      if (n > 0) yield [terms[id]!, n];
    }
  }

  *keys(): MapIterator<string> {
    for (const [t] of this.entries()) yield t;
  }

  *values(): MapIterator<number> {
    for (const [, n] of this.entries()) yield n;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [t, n] of this.entries()) fn(n, t, this);
  }
}

export function assemble(
  passages: Passage[],
  titles: string[],
  sentences: SentenceRef[],
  passageIndex: PostingsIndex,
  sentenceIndex: PostingsIndex,
  sortedTerms: Uint32Array,
): SearchIndex {
  let vocab: SearchableMap<number> | undefined;
  const first = firstSentences(passages);
  const df = new DocumentFrequencies(passageIndex);
  return {
    passages,
    titles,
    sentences,
    passageIndex,
    sentenceIndex,
    df,
    passageTerms:
      passageIndex.fields[0]!.seqOffsets.length > 0
        ? (p) => passageIndex.termsOf(p, 0)
        : (p) => sentenceIndex.termsOfRange(first[p]!, first[p + 1]!, 0),
    termId: (term) => passageIndex.termIds.get(term) ?? -1,
    passageTermIds:
      passageIndex.fields[0]!.seqOffsets.length > 0
        ? (p) => passageIndex.termIdsOf(p, 0)
        : (p) => sentenceIndex.termIdsOfRange(first[p]!, first[p + 1]!, 0),
    sentenceTermIds: (s) => sentenceIndex.termIdsOf(s, 0),
    headingTermIds: (p) => passageIndex.termIdsOf(p, 1),
    passagesHave: (termId, from, to) => passageIndex.hasTermIn(termId, from, to, 0),
    firstSentence: (p) => first[p]!,
    sentenceTerms: (s) => sentenceIndex.termsOf(s, 0),
    headingTerms: (p) => passageIndex.termsOf(p, 1),
    sortedTerms,
    termsWithPrefix: (prefix) => {
      const { terms } = passageIndex;
      let lo = 0;
      let hi = sortedTerms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (terms[sortedTerms[mid]!]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: string[] = [];
      for (let i = lo; i < sortedTerms.length; i++) {
        const t = terms[sortedTerms[i]!]!;
        if (!t.startsWith(prefix)) break;
        out.push(t);
      }
      return out;
    },
    vocab: () => (vocab ??= SearchableMap.from<number>(df.entries()) as SearchableMap<number>),
  };
}
