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
 *   sorting an object for every document that contains a common word;
 * - with `group`, several query terms can count as one matched term (a question word and its
 *   stand-ins), where MiniSearch counts each.
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
  /**
   * The group of each query term (the terms of a group must be adjacent in the query): a document matching several terms of one
   * group counts one matched term, not one per term (a question word and its stand-ins). Absent: every term its own.
   */
  group?: (term: string, i: number) => number;
  /** Ignored: queries are already space-separated index terms (kept for MiniSearch-shaped calls). */
  tokenize?: unknown;
  processTerm?: unknown;
}

export class PostingsIndex {
  /** Per field, each document's length in the narrowest array that holds it (see `blockDocs`), made on first use. */
  private readonly narrow: (Uint8Array | Uint16Array | Uint32Array | undefined)[] = [];

  constructor(
    readonly fieldNames: string[],
    readonly fields: FieldPostings[],
    readonly documentCount: number,
    /** Term → id, shared with the other indexes built from the same dictionary. */
    readonly termIds: Map<string, number>,
    /** Id → term. */
    readonly terms: string[],
  ) {
    if (fields.length > 2) throw new Error('PostingsIndex: at most two fields'); // see search()
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
    return this.termsOfRange(doc, doc + 1, field);
  }

  /** The terms of documents `from` to `to` (exclusive), one after another. */
  termsOfRange(fromDoc: number, toDoc: number, field = 0): string[] {
    const { seqOffsets, seq } = this.fields[field]!;
    const from = seqOffsets[fromDoc]!;
    const to = seqOffsets[toDoc]!;
    const out: string[] = new Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.terms[seq[i]!]!;
    return out;
  }

  /** The term ids of one document's field, in order, with repeats: a view on the index, no copy, no strings. */
  termIdsOf(doc: number, field = 0): Uint32Array {
    return this.termIdsOfRange(doc, doc + 1, field);
  }

  /** The term ids of documents `from` to `to` (exclusive), one after another (a view). */
  termIdsOfRange(fromDoc: number, toDoc: number, field = 0): Uint32Array {
    const { seqOffsets, seq } = this.fields[field]!;
    return seq.subarray(seqOffsets[fromDoc]!, seqOffsets[toDoc]!);
  }

  /** Whether a document numbered `fromDoc` to `toDoc` (exclusive) has term `id` in `field`: a binary search in its postings. */
  hasTermIn(id: number, fromDoc: number, toDoc: number, field = 0): boolean {
    const { offsets, docs } = this.fields[field]!;
    if (id < 0 || id + 1 >= offsets.length) return false;
    const end = offsets[id + 1]!;
    const at = lowerBound(docs, offsets[id]!, end, fromDoc);
    return at < end && docs[at]! < toDoc;
  }

  /**
   * The first `limit` documents whose `field` holds every term of `ids` (none when one is missing), read along the
   * rarest term's postings, at most `scan` of them: a plain intersection, no scoring. Each other term's postings are
   * walked with a cursor that only moves forward (a galloping search from where the last document left it), not
   * searched from their start for every document.
   */
  docsWithAll(ids: number[], limit: number, scan: number, field = 0): number[] {
    const { offsets, docs } = this.fields[field]!;
    if (ids.length === 0) return [];
    let rarest = -1;
    let rarestDf = Infinity;
    for (const id of ids) {
      if (id < 0 || id + 1 >= offsets.length) return [];
      const df = offsets[id + 1]! - offsets[id]!;
      if (df < rarestDf) {
        rarest = id;
        rarestDf = df;
      }
    }
    // The other terms (a repeat of the rarest is no other term), each with its cursor and the end of its postings.
    const others: number[] = [];
    for (const id of ids) if (id !== rarest) others.push(id);
    const at = new Uint32Array(others.length);
    const ends = new Uint32Array(others.length);
    for (let j = 0; j < others.length; j++) {
      at[j] = offsets[others[j]!]!;
      ends[j] = offsets[others[j]! + 1]!;
    }
    const out: number[] = [];
    const end = Math.min(offsets[rarest + 1]!, offsets[rarest]! + scan);
    for (let k = offsets[rarest]!; k < end && out.length < limit; k++) {
      const doc = docs[k]!;
      let all = true;
      for (let j = 0; j < others.length; j++) {
        const i = seekDoc(docs, at[j]!, ends[j]!, doc);
        at[j] = i;
        if (i >= ends[j]! || docs[i] !== doc) {
          all = false;
          break;
        }
      }
      if (all) out.push(doc);
    }
    return out;
  }

  /** Field `f`'s lengths (distinct tokens by document) as 8-bit or 16-bit numbers, or as they are when one is longer. */
  private lengthsOf(f: number): Uint8Array | Uint16Array | Uint32Array {
    let out = this.narrow[f];
    if (!out) {
      const { lengths } = this.fields[f]!;
      out = lengths.every((l) => l <= 0xff)
        ? Uint8Array.from(lengths)
        : lengths.every((l) => l <= 0xffff)
          ? Uint16Array.from(lengths)
          : lengths;
      this.narrow[f] = out;
    }
    return out;
  }

  /**
   * Field `f`'s BM25 length normalisation by length, k · (1 − b + b · length / avgLength) for every length from 0 to
   * the longest: the expression MiniSearch's calcBM25Score evaluates per posting, the same doubles, worked out once. A
   * posting looks its document's length up here (a few KB, in the first-level cache) instead of dividing.
   */
  private normsOf(f: number): Float64Array {
    let out = this.norms[f];
    if (!out) {
      const { lengths, avgLength } = this.fields[f]!;
      let longest = 0;
      for (const l of lengths) if (l > longest) longest = l;
      out = new Float64Array(longest + 1);
      for (let l = 0; l <= longest; l++) out[l] = BM25.k * (1 - BM25.b + (BM25.b * l) / avgLength);
      this.norms[f] = out;
    }
    return out;
  }
  private readonly norms: (Float64Array | undefined)[] = [];

  /**
   * Field `f`'s document lengths at each posting, parallel to `docs`, in the width of `lengthsOf` (at 100,010
   * passages 7 MB in all), made on first use. A posting reads its document's length next to its frequency, in order,
   * instead of at its document's place in the lengths of the whole field: answering pushes those out of the caches
   * between searches, and a replay of the bench's searches with the caches flushed before each took 18% less CPU.
   */
  private postingLengthsOf(f: number): Uint8Array | Uint16Array | Uint32Array {
    let out = this.postingLengths[f];
    if (!out) {
      const { docs } = this.fields[f]!;
      const lengths = this.lengthsOf(f);
      out =
        lengths instanceof Uint8Array
          ? new Uint8Array(docs.length)
          : lengths instanceof Uint16Array
            ? new Uint16Array(docs.length)
            : new Uint32Array(docs.length);
      for (let i = 0; i < docs.length; i++) out[i] = lengths[docs[i]!]!;
      this.postingLengths[f] = out;
    }
    return out;
  }
  private readonly postingLengths: (Uint8Array | Uint16Array | Uint32Array | undefined)[] = [];

  /**
   * The running totals of the current block's documents, by document less the block's first, and the query terms
   * each matched: 0 when not matched yet, in the low 16 bits; above them, the number of the last group
   * (`SearchOptions.group`) one of whose terms it matched, so the group's other terms add no matched term. Both are
   * cleared when the block is weighed.
   */
  private blockTotal = new Float64Array(0);
  private blockMatched = new Uint32Array(0);
  /**
   * The documents of the current block whose heading has the current query term, in document order, and the heading's
   * score of each (a term's heading postings within one block: at most a block's documents).
   */
  private blockExtra = new Uint32Array(0);
  private blockExtraScore = new Float64Array(0);

  /** Documents matched by the current search, in first-match order. */
  private touchedBuffer(): Uint32Array {
    // One spare entry: a posting writes its document at the end before the count says whether it stays.
    return (this.touched ??= new Uint32Array(this.documentCount + 1));
  }
  private touched: Uint32Array | undefined;

  /**
   * Documents are scored a block of `blockDocs` at a time: every query term's postings within the block, then the
   * block's documents weighed against the best so far and cleared. A block's running totals and counts live in a
   * small scratch array of their own (`blockTotal`, `blockMatched`: 12 bytes a document, 24 KB), which stays in the
   * core's first-level cache from one term and one block to the next; a document's length, which BM25 needs, is read
   * at its posting (`postingLengthsOf`), 8 bits when every length fits. Totals kept per document of the whole index
   * (20 bytes each, 6.5 MB at 100,010 passages) were read from memory at nearly every posting, the rest of answering
   * having pushed them out of the caches: a replay of the bench's 1,000 searches with the caches cleared before each
   * took half the time, and a first ask's CPU fell by 13 to 17% (asked again: 20 to 23%). The result is that of one pass
   * per term: a document's terms still add in query order, and ties are broken by first match, which is (term, text
   * before heading only, document) and is kept as a key.
   */
  blockDocs = SEARCH_BLOCK_DOCS;

  /**
   * `query`: index terms separated by spaces. Best first.
   *
   * The postings loops have no branch on what they read: a document's running total is 0 between blocks (each
   * block clears it), so adding to it is the same double as setting it, and a document joins `touched` by writing it
   * at the end and advancing the count by 1 when it had no match yet. A branch there mispredicts about as often as
   * not and stalls the scattered reads of the following postings (a replay of the bench's searches: 4 to 5% less CPU).
   */
  search(query: string, options: SearchOptions = {}): Hit[] {
    // MiniSearch reads a field boost of 0 as 1 (`boost || 1`); so does this.
    const boosts = this.fieldNames.map((name) => options.boost?.[name] || 1);
    const touched = this.touchedBuffer();
    const touchedKey = this.touchedKeyBuffer();
    const n = this.documentCount;
    const queryTerms = query.split(' ').filter(Boolean);
    const k1 = BM25.k + 1;
    const d = BM25.d;
    const headed = this.fields.length > 1;
    // Per query term that the index has: its id, whether it counts as a new matched term, its weights and idfs, and
    // where it is in each field's postings (a cursor that each block advances).
    const seenTerms = new Set<string>();
    const qs: QueryTerm[] = [];
    const groupOf = options.group ? queryTerms.map((t, i) => options.group!(t, i)) : null;
    // A group with several terms in the index gets a number of its own, from 1 (see `blockMatched`).
    let lastGroup: number | undefined;
    let groupNumber = 0;
    for (let q = 0; q < queryTerms.length; q++) {
      const term = queryTerms[q]!;
      const termBoost = options.boostTerm ? options.boostTerm(term, q, queryTerms) : 1;
      const id = this.termIds.get(term);
      const firstTime = !seenTerms.has(term);
      seenTerms.add(term);
      if (id === undefined) continue;
      let group = 0;
      if (groupOf && firstTime) {
        const g = groupOf[q]!;
        if (queryTerms.some((o, j) => j !== q && groupOf[j] === g && o !== term && this.termIds.has(o))) {
          if (g !== lastGroup) groupNumber = Math.min(groupNumber + 1, 0xffff);
          lastGroup = g;
          group = groupNumber;
        }
      }
      const text = this.fields[0]!;
      const has0 = id + 1 < text.offsets.length;
      const at0 = has0 ? text.offsets[id]! : 0;
      const to0 = has0 ? text.offsets[id + 1]! : 0;
      const heading = headed ? this.fields[1]! : undefined;
      const has1 = heading !== undefined && id + 1 < heading.offsets.length;
      const at1 = has1 ? heading.offsets[id]! : 0;
      const to1 = has1 ? heading.offsets[id + 1]! : 0;
      qs.push({
        // A repeated query term adds its score again but is one matched term (MiniSearch's `terms`).
        inc: firstTime ? 1 : 0,
        group,
        stamp: q + 1,
        // termWeight · termBoost · fieldBoost · docBoost, multiplied in MiniSearch's order, then times BM25.
        w0: 1 * termBoost * boosts[0]! * 1,
        idf0: Math.log(1 + (n - (to0 - at0) + 0.5) / (to0 - at0 + 0.5)),
        at0,
        to0,
        w1: headed ? 1 * termBoost * boosts[1]! * 1 : 0,
        idf1: Math.log(1 + (n - (to1 - at1) + 0.5) / (to1 - at1 + 0.5)),
        at1,
        to1,
      });
    }
    const size = Math.max(0, Math.min(options.limit ?? n, n));
    const heap = new Float64Array(size);
    const heapScore = new Float64Array(size);
    let kept = 0;
    const text = this.fields[0]!;
    const heading = headed ? this.fields[1]! : undefined;
    const block = Math.max(1, this.blockDocs);
    if (this.blockTotal.length < block) {
      this.blockTotal = new Float64Array(block);
      this.blockMatched = new Uint32Array(block);
      this.blockExtra = new Uint32Array(block);
      this.blockExtraScore = new Float64Array(block);
    }
    const total = this.blockTotal;
    const quality = this.blockMatched;
    const extra = this.blockExtra;
    const extraScore = this.blockExtraScore;
    // BM25's length normalisation is looked up by the document's length, read at the posting (`postingLengthsOf`,
    // `normsOf`): identical doubles.
    const lengths0 = this.postingLengthsOf(0);
    const norms0 = this.normsOf(0);
    const lengths1 = headed ? this.postingLengthsOf(1) : lengths0;
    const norms1 = headed ? this.normsOf(1) : norms0;
    for (let lo = 0; lo < n; lo += block) {
      const hi = Math.min(n, lo + block);
      let count = 0;
      for (let g = 0; g < qs.length; g++) {
        const t = qs[g]!;
        const { stamp, inc, group } = t;
        // 1 for a term alone in its group: each posting is a new matched term.
        const alone = +(group === 0);
        // First-match order as a key: the term, then text before heading only, then the document.
        const textKey = 2 * (stamp - 1) * n;
        const headKey = textKey + n;
        // Per term, MiniSearch sums a document's fields in order (text, then heading) before adding the term to the
        // document's total. The heading's short lists go to scratch space first; the long text lists then add text +
        // heading in one pass.
        let extraCount = 0;
        if (heading !== undefined && t.at1 < t.to1) {
          const { docs, tfs } = heading;
          const { w1: weight, idf1: idf } = t;
          let i = t.at1;
          for (; i < t.to1; i++) {
            const doc = docs[i]!;
            if (doc >= hi) break;
            const tf = tfs[i]!;
            const norm = norms1[lengths1[i]!]!;
            // In document order, as the text's postings: the text loop below meets them with a cursor.
            extraScore[extraCount] = weight * (idf * (d + (tf * k1) / (tf + norm)));
            extra[extraCount++] = doc;
          }
          t.at1 = i;
        }
        const { docs, tfs } = text;
        const { w0: weight, idf0: idf } = t;
        let i = t.at0;
        if (extraCount === 0 && group === 0) {
          // The common case (a one-field index, or no heading has the term, and the term alone in its group): text
          // alone, each posting a new matched term.
          for (; i < t.to0; i++) {
            const doc = docs[i]!;
            if (doc >= hi) break;
            const tf = tfs[i]!;
            const at = doc - lo;
            const norm = norms0[lengths0[i]!]!;
            const weighted = weight * (idf * (d + (tf * k1) / (tf + norm)));
            // Branch-free (see `search`): the total starts at 0, and the document is kept when it had no match yet.
            total[at] = total[at]! + weighted;
            const matched = quality[at]!;
            touched[count] = doc;
            touchedKey[count] = textKey + doc;
            count += (matched - 1) >>> 31;
            quality[at] = matched + inc;
          }
        } else if (extraCount === 0) {
          // Text alone, the term one of several in its group: a document another of them matched adds no matched term.
          for (; i < t.to0; i++) {
            const doc = docs[i]!;
            if (doc >= hi) break;
            const tf = tfs[i]!;
            const at = doc - lo;
            const norm = norms0[lengths0[i]!]!;
            const weighted = weight * (idf * (d + (tf * k1) / (tf + norm)));
            total[at] = total[at]! + weighted;
            const matched = quality[at]!;
            touched[count] = doc;
            touchedKey[count] = textKey + doc;
            count += (matched - 1) >>> 31;
            quality[at] = ((matched & 0xffff) + (inc & +(matched >>> 16 !== group))) | (group << 16);
          }
        } else {
          // The heading's documents of this block, met in order: one whose text has the term too adds both here and is
          // marked done (`DONE`); the others are added after the text.
          let e = 0;
          for (; i < t.to0; i++) {
            const doc = docs[i]!;
            if (doc >= hi) break;
            const tf = tfs[i]!;
            const at = doc - lo;
            const norm = norms0[lengths0[i]!]!;
            let weighted = weight * (idf * (d + (tf * k1) / (tf + norm)));
            while (e < extraCount && extra[e]! < doc) e++;
            if (e < extraCount && extra[e] === doc) {
              weighted = weighted + extraScore[e]!;
              extra[e++] = DONE;
            }
            total[at] = total[at]! + weighted;
            const matched = quality[at]!;
            touched[count] = doc;
            touchedKey[count] = textKey + doc;
            count += (matched - 1) >>> 31;
            // A document another term of the group matched already has its matched term for the group.
            quality[at] = ((matched & 0xffff) + (inc & (alone | +(matched >>> 16 !== group)))) | (group << 16);
          }
        }
        t.at0 = i;
        for (let e = 0; e < extraCount; e++) {
          const doc = extra[e]!;
          if (doc === DONE) continue; // already added with its text
          const at = doc - lo;
          total[at] = total[at]! + extraScore[e]!;
          const matched = quality[at]!;
          touched[count] = doc;
          touchedKey[count] = headKey + doc;
          count += (matched - 1) >>> 31;
          quality[at] = ((matched & 0xffff) + (inc & (alone | +(matched >>> 16 !== group)))) | (group << 16);
        }
      }
      kept = keepBest(touched, touchedKey, count, lo, total, quality, heap, heapScore, kept, size);
    }
    return takeBest(heap, heapScore, kept, n);
  }

  /** First-match key of each entry of `touched` (see `blockDocs`). */
  private touchedKeyBuffer(): Float64Array {
    return (this.touchedKey ??= new Float64Array(this.documentCount + 1));
  }
  private touchedKey: Float64Array | undefined;
}

/** An entry of the heading's scratch list whose document the text's postings already added (no document id is this large). */
const DONE = 0xffffffff;

/** A query term as a search reads it: per field (0 text, 1 heading) its weight, idf and postings still to read. */
interface QueryTerm {
  /** Its position in the query, from 1. */
  stamp: number;
  /** 1 the first time the query has the term, else 0 (a repeat adds its score but is no new matched term). */
  inc: number;
  /** Its group's stamp when the group has other terms in the index (see `SearchOptions.group`), else 0. */
  group: number;
  w0: number;
  idf0: number;
  at0: number;
  to0: number;
  w1: number;
  idf1: number;
  at1: number;
  to1: number;
}

/** Documents a search scores together (see `PostingsIndex.blockDocs`): their totals and counts, 12 bytes each, stay in the core's first-level cache. */
export const SEARCH_BLOCK_DOCS = 2048;

/**
 * Weighs a block's `count` touched documents against the min-heap of the best `size` so far (worst on top; an entry
 * ranks before another when its score is higher, or equal and its first-match key is lower), and clears their running
 * totals and matched-term counts for the next block. Returns the heap's new size.
 */
function keepBest(
  touched: Uint32Array,
  touchedKey: Float64Array,
  count: number,
  lo: number,
  total: Float64Array,
  quality: Uint32Array,
  heap: Float64Array,
  heapScore: Float64Array,
  n: number,
  size: number,
): number {
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    const key = touchedKey[i]!;
    // MiniSearch's final score: the sum times the number of query terms matched.
    const at = doc - lo;
    const s = total[at]! * (quality[at]! & 0xffff || 1);
    total[at] = 0;
    quality[at] = 0;
    if (n < size) {
      // Sift up.
      let k = n++;
      while (k > 0) {
        const p = (k - 1) >> 1;
        const ps = heapScore[p]!;
        if (!(s < ps || (s === ps && key > heap[p]!))) break;
        heap[k] = heap[p]!;
        heapScore[k] = ps;
        k = p;
      }
      heap[k] = key;
      heapScore[k] = s;
    } else if (n > 0 && (s > heapScore[0]! || (s === heapScore[0]! && key < heap[0]!))) {
      // Replace the worst and sift down.
      siftDown(heap, heapScore, n, key, s);
    }
  }
  return n;
}

/** The heap's entries best first (a heap sort: the worst goes to the end until it is empty); a key's document is the key modulo the document count. */
function takeBest(heap: Float64Array, heapScore: Float64Array, n: number, documents: number): Hit[] {
  const out: Hit[] = new Array<Hit>(n);
  while (n > 0) {
    const worst = heap[0]!;
    const worstScore = heapScore[0]!;
    n--;
    out[n] = { id: worst % documents, score: worstScore };
    if (n === 0) break;
    // The last entry goes to the top and sifts down.
    siftDown(heap, heapScore, n, heap[n]!, heapScore[n]!);
  }
  return out;
}

/**
 * Collects postings one field at a time (every document's `text`, then every document's
 * `heading`), then freezes them into typed arrays. New terms get the next id of the shared
 * dictionary, so ids follow first use in the first field.
 */
export class PostingsBuilder {
  private readonly perField: {
    postings: Map<number, number[]>;
    lengths: Uint32Array;
    avg: number;
    seq: number[];
    seqOffsets: Uint32Array;
  }[];

  constructor(
    readonly fieldNames: string[],
    readonly termIds: Map<string, number>,
    private readonly count: number,
    private readonly tokenize: (text: string) => string[],
    private readonly processTerm: (token: string) => string | null | undefined,
  ) {
    this.perField = fieldNames.map(() => ({
      postings: new Map(),
      lengths: new Uint32Array(count),
      avg: 0,
      seq: [],
      seqOffsets: new Uint32Array(count + 1),
    }));
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
      return {
        offsets,
        docs,
        tfs,
        lengths: field.lengths,
        avgLength: field.avg,
        seqOffsets: field.seqOffsets,
        seq: Uint32Array.from(field.seq),
      };
    });
    const names: string[] = new Array(this.termIds.size);
    for (const [t, id] of this.termIds) names[id] = t;
    return new PostingsIndex(this.fieldNames, fields, this.count, this.termIds, names);
  }
}

/**
 * The first position in `docs` from `from` to `to` (exclusive; `to` when none) whose document is `doc` or after it:
 * postings list documents in ascending order. Steps of 1, 2, 4, … from `from`, then a binary search within the last
 * step, so a cursor moving forward through a list pays for the distance it moves, not for the list's length.
 */
function seekDoc(docs: Uint32Array, from: number, to: number, doc: number): number {
  if (from >= to || docs[from]! >= doc) return from;
  // docs[lo] < doc throughout; hi is past the end or at a document not before `doc`.
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < to && docs[hi]! < doc) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  return lowerBound(docs, lo + 1, Math.min(hi, to), doc);
}

/**
 * The first position in `docs` from `lo` to `hi` (exclusive; `hi` when none) whose document is `doc` or after it: a
 * binary search, postings listing documents in ascending order.
 */
function lowerBound(docs: Uint32Array, lo: number, hi: number, doc: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts position `i` with score `s` at the top of the `n`-entry min-heap and sifts it down to its place. */
function siftDown(heap: Float64Array, heapScore: Float64Array, n: number, i: number, s: number): void {
  let k = 0;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= n) break;
    const r = l + 1;
    let w = l;
    if (r < n) {
      const ls = heapScore[l]!;
      const rs = heapScore[r]!;
      if (rs < ls || (rs === ls && heap[r]! > heap[l]!)) w = r;
    }
    const ws = heapScore[w]!;
    if (!(ws < s || (ws === s && heap[w]! > i))) break;
    heap[k] = heap[w]!;
    heapScore[k] = ws;
    k = w;
  }
  heap[k] = i;
  heapScore[k] = s;
}
