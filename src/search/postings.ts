/**
 * A compact, read-only inverted index in typed arrays, scored exactly like MiniSearch 7
 * (BM25+ with k = 1.2, b = 0.7, d = 0.5; a field's length is its number of distinct tokens; a
 * document's score is the sum over query terms times the number of query terms it matches).
 * The same query gives the same scores and the same order (ties in first-match order) as
 * `MiniSearch.search` with OR, no prefix and no fuzzy matching, which is how the answering path
 * searched before. What it does differently:
 *
 * - postings are flat `Uint32Array`s (document ids) and `Uint16Array`s (term frequencies) per
 *   field, so loading is a view on the bytes of the cache file, not a rebuilt tree of Maps;
 * - `search` keeps only the `limit` best results (a bounded heap) instead of creating and
 *   sorting an object for every document that contains a common word.
 */

export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

export interface FieldPostings {
  /** Start of each term's postings in `docs`/`tfs`, by term id; one more entry than terms. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Distinct tokens in the field, by document. */
  lengths: Uint32Array;
  /** Average of `lengths`, computed as MiniSearch does (running mean). */
  avgLength: number;
  /** Each document's terms in order, with repeats (term ids; `seqOffsets` has one more entry than documents). */
  seqOffsets: Uint32Array;
  seq: Uint32Array;
}

export interface Hit {
  id: number;
  score: number;
}

export interface SearchOptions {
  /** Weight of each field by name; a field not named weighs 1. */
  boost?: Record<string, number>;
  /** Weight of each query term, as MiniSearch's `boostTerm`. */
  boostTerm?: (term: string, i: number, terms: string[]) => number;
  /** Keep only this many results (all when absent). */
  limit?: number;
  /** Ignored: queries are already space-separated index terms (kept for MiniSearch-shaped calls). */
  tokenize?: unknown;
  processTerm?: unknown;
}

export class PostingsIndex {
  /** Scratch space reused by every search (the index is used from one thread). */
  private readonly total: Float64Array;
  private readonly termScore: Float64Array;
  private readonly quality: Uint16Array;
  private readonly firstSeen: Int32Array;
  /** Which query term last touched a document (1-based within one search; 0 = none). */
  private readonly termStamp: Int32Array;

  constructor(
    readonly fieldNames: string[],
    readonly fields: FieldPostings[],
    readonly documentCount: number,
    /** Term → id, shared with the other indexes built from the same dictionary. */
    readonly termIds: Map<string, number>,
    /** Id → term. */
    readonly terms: string[],
  ) {
    this.total = new Float64Array(documentCount);
    this.termScore = new Float64Array(documentCount);
    this.quality = new Uint16Array(documentCount);
    this.firstSeen = new Int32Array(documentCount).fill(-1);
    this.termStamp = new Int32Array(documentCount);
  }

  /** Number of documents whose `field` holds `term`. */
  documentFrequency(term: string, field = 0): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const f = this.fields[field]!;
    return id + 1 < f.offsets.length ? f.offsets[id + 1]! - f.offsets[id]! : 0;
  }

  /** The terms of one document's field, in order, with repeats: what `terms(text)` gives, without tokenizing again. */
  termsOf(doc: number, field = 0): string[] {
    const { seqOffsets, seq } = this.fields[field]!;
    const from = seqOffsets[doc]!;
    const to = seqOffsets[doc + 1]!;
    const out: string[] = new Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.terms[seq[i]!]!;
    return out;
  }

  /** `query`: index terms separated by spaces. Best first. */
  search(query: string, options: SearchOptions = {}): Hit[] {
    const boosts = this.fieldNames.map((name) => options.boost?.[name] ?? 1);
    const { total, termScore, quality, firstSeen, termStamp } = this;
    const touched: number[] = [];
    const termTouched: number[] = [];
    const seenTerms = new Set<string>();
    const n = this.documentCount;
    const queryTerms = query.split(' ').filter(Boolean);
    for (let q = 0; q < queryTerms.length; q++) {
      const term = queryTerms[q]!;
      const termBoost = options.boostTerm ? options.boostTerm(term, q, queryTerms) : 1;
      const id = this.termIds.get(term);
      const firstTime = !seenTerms.has(term);
      seenTerms.add(term);
      if (id === undefined) continue;
      termTouched.length = 0;
      for (let f = 0; f < this.fields.length; f++) {
        const field = this.fields[f]!;
        if (id + 1 >= field.offsets.length) continue;
        const from = field.offsets[id]!;
        const to = field.offsets[id + 1]!;
        if (from === to) continue;
        const matching = to - from;
        const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
        const boost = boosts[f]!;
        const avg = field.avgLength;
        for (let i = from; i < to; i++) {
          const doc = field.docs[i]!;
          const tf = field.tfs[i]!;
          const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * field.lengths[doc]!) / avg)));
          const weighted = 1 * termBoost * boost * 1 * raw; // termWeight · termBoost · fieldBoost · docBoost, as MiniSearch multiplies
          if (termStamp[doc] !== q + 1) {
            termStamp[doc] = q + 1;
            termTouched.push(doc);
            termScore[doc] = weighted;
          } else termScore[doc] = termScore[doc]! + weighted;
        }
      }
      for (const doc of termTouched) {
        if (firstSeen[doc] === -1) {
          firstSeen[doc] = touched.length;
          touched.push(doc);
          total[doc] = termScore[doc]!;
        } else total[doc] = total[doc]! + termScore[doc]!;
        if (firstTime) quality[doc] = quality[doc]! + 1;
      }
    }
    const limit = Math.min(options.limit ?? touched.length, touched.length);
    const hits = topHits(touched, total, quality, firstSeen, limit);
    for (const doc of touched) {
      total[doc] = 0;
      quality[doc] = 0;
      firstSeen[doc] = -1;
      termStamp[doc] = 0;
    }
    return hits;
  }
}

/** The `limit` best documents, by score and then by first match, as a stable sort would give. */
function topHits(touched: number[], total: Float64Array, quality: Uint16Array, firstSeen: Int32Array, limit: number): Hit[] {
  if (limit <= 0) return [];
  const score = (doc: number) => total[doc]! * (quality[doc]! || 1);
  // a ranks before b
  const before = (a: number, b: number) => {
    const sa = score(a);
    const sb = score(b);
    return sa > sb || (sa === sb && firstSeen[a]! < firstSeen[b]!);
  };
  let chosen: number[];
  if (limit >= touched.length) {
    chosen = [...touched];
  } else {
    // Min-heap (worst on top) of the best `limit` so far.
    const heap: number[] = [];
    const up = (i: number) => {
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(heap[p]!, heap[i]!)) break;
        [heap[p], heap[i]] = [heap[i]!, heap[p]!];
        i = p;
      }
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) break;
        [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
        i = worst;
      }
    };
    for (const doc of touched) {
      if (heap.length < limit) {
        heap.push(doc);
        up(heap.length - 1);
      } else if (before(doc, heap[0]!)) {
        heap[0] = doc;
        down(0);
      }
    }
    chosen = heap;
  }
  chosen.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return chosen.map((doc) => ({ id: doc, score: score(doc) }));
}

/**
 * Collects postings one field at a time (every document's `text`, then every document's
 * `heading`), then freezes them into typed arrays. New terms get the next id of the shared
 * dictionary, so ids follow first use in the first field.
 */
export class PostingsBuilder {
  private readonly perField: { postings: Map<number, number[]>; lengths: Uint32Array; avg: number; seq: number[]; seqOffsets: Uint32Array }[];

  constructor(
    readonly fieldNames: string[],
    readonly termIds: Map<string, number>,
    private readonly count: number,
    private readonly tokenize: (text: string) => string[],
    private readonly processTerm: (token: string) => string | null | undefined,
  ) {
    this.perField = fieldNames.map(() => ({ postings: new Map(), lengths: new Uint32Array(count), avg: 0, seq: [], seqOffsets: new Uint32Array(count + 1) }));
  }

  /** The values of field `f` for documents 0, 1, 2, … */
  addField(f: number, values: Iterable<string>): void {
    const field = this.perField[f]!;
    let doc = 0;
    for (const value of values) {
      const tokens = this.tokenize(value);
      const length = new Set(tokens).size;
      field.lengths[doc] = length;
      field.avg = (field.avg * doc + length) / (doc + 1); // MiniSearch's running mean, for identical scores
      const tf = new Map<number, number>();
      field.seqOffsets[doc] = field.seq.length;
      for (const token of tokens) {
        const term = this.processTerm(token);
        if (!term) continue;
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(term, id);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
        field.seq.push(id);
      }
      for (const [id, n] of tf) {
        let list = field.postings.get(id);
        if (!list) field.postings.set(id, (list = []));
        list.push(doc, n);
      }
      doc++;
    }
    field.seqOffsets[doc] = field.seq.length;
    if (doc !== this.count) throw new Error(`field ${this.fieldNames[f]}: ${doc} values for ${this.count} documents`);
  }

  /** Freezes the postings; call after every index sharing the dictionary has added its documents. */
  finish(): PostingsIndex {
    const terms = this.termIds.size;
    const fields = this.perField.map((field): FieldPostings => {
      const offsets = new Uint32Array(terms + 1);
      let total = 0;
      for (let id = 0; id < terms; id++) {
        offsets[id] = total;
        total += (field.postings.get(id)?.length ?? 0) / 2;
      }
      offsets[terms] = total;
      const docs = new Uint32Array(total);
      const tfs = new Uint16Array(total);
      for (const [id, list] of field.postings) {
        let at = offsets[id]!;
        for (let i = 0; i < list.length; i += 2) {
          docs[at] = list[i]!;
          tfs[at] = Math.min(65535, list[i + 1]!);
          at++;
        }
      }
      return { offsets, docs, tfs, lengths: field.lengths, avgLength: field.avg, seqOffsets: field.seqOffsets, seq: Uint32Array.from(field.seq) };
    });
    const names: string[] = new Array(this.termIds.size);
    for (const [t, id] of this.termIds) names[id] = t;
    return new PostingsIndex(this.fieldNames, fields, this.count, this.termIds, names);
  }
}
