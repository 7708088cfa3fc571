import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Knowledge } from '../knowledge/types.ts';
import { codeVersion } from '../code-version.ts';
import { PASSAGE_FIELDS, SENTENCE_FIELDS, assemble, buildIndex, flatten, type SearchIndex } from './index.ts';
import { PostingsIndex, type FieldPostings } from './postings.ts';

/**
 * Builds the index once and keeps it serialized next to the project, keyed by a hash of the
 * knowledge files and of the index format. A second run loads the file instead of rebuilding;
 * any change to a knowledge file gives another hash and so a rebuild.
 *
 * The file is binary: a 4-byte length, a JSON header (format, hash, the term dictionary, and
 * where each array lives), then the postings as raw little-endian typed arrays, 8-byte
 * aligned. Loading parses the header and makes typed-array views on the file's bytes: no
 * per-term objects, no rebuilt tree.
 */

/** Bump when the tokenizer, term processing or the index layout changes. */
export const INDEX_FORMAT = 9;

export interface CacheInfo {
  file: string | null;
  hit: boolean;
  ms: number;
}

type ArrayName = 'offsets' | 'docs' | 'tfs' | 'lengths' | 'seqOffsets' | 'seq';
interface FieldHeader {
  avgLength: number;
  /** [byte offset, element count] of each array. */
  arrays: Record<ArrayName, [number, number]>;
}
interface IndexHeader {
  documentCount: number;
  fields: FieldHeader[];
}
interface Header {
  format: number;
  hash: string;
  passages: number;
  terms: string[];
  passageIndex: IndexHeader;
  sentenceIndex: IndexHeader;
  /** Ids of the terms passages' text uses, in string order (for prefix lookups). */
  sortedTerms: [number, number];
}

/** `.cache` in the working directory; front ends may choose another folder (`NEWSBOT_CACHE_DIR` in the CLI). */
export function defaultCacheDir(): string {
  return path.resolve('.cache');
}

/** Source files whose behaviour shapes the index: tokens, terms, passages and the layout. */
const INDEX_CODE = [
  'text/patterns.ts',
  'text/terms.ts',
  'text/porter.ts',
  'text/sentences.ts',
  'knowledge/passages.ts',
  'search/index.ts',
  'search/postings.ts',
  'search/cache.ts',
];

export function cacheFile(cacheDir: string, hash: string): string {
  return path.join(cacheDir, `index-${hash}-v${INDEX_FORMAT}-${codeVersion(INDEX_FORMAT, INDEX_CODE)}.bin`);
}

export function loadOrBuildIndex(
  knowledge: Knowledge,
  cacheDir: string | null = defaultCacheDir(),
): { index: SearchIndex; cache: CacheInfo } {
  const t0 = performance.now();
  const file = cacheDir ? cacheFile(cacheDir, knowledge.hash) : null;
  if (file) {
    const loaded = tryLoad(file, knowledge);
    if (loaded) return { index: loaded, cache: { file, hit: true, ms: performance.now() - t0 } };
  }
  const index = buildIndex(knowledge.articles);
  if (file) save(file, knowledge.hash, index);
  return { index, cache: { file, hit: false, ms: performance.now() - t0 } };
}

function tryLoad(file: string, knowledge: Knowledge): SearchIndex | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  try {
    return decode(buf, knowledge);
  } catch {
    return null; // a corrupt or stale cache is rebuilt, never fatal
  }
}

export function decode(buf: Buffer, knowledge: Knowledge): SearchIndex | null {
  if (buf.byteOffset % 8 !== 0) buf = Buffer.from(buf); // typed-array views need aligned bytes
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + headerLength)) as Header;
  const { passages, titles, sentences } = flatten(knowledge.articles);
  if (header.format !== INDEX_FORMAT || header.hash !== knowledge.hash || header.passages !== passages.length)
    return null;
  const termIds = new Map<string, number>();
  const { terms } = header;
  for (let i = 0; i < terms.length; i++) termIds.set(terms[i]!, i);
  const base = buf.byteOffset + dataStart(headerLength);
  const view = <T>(make: (b: ArrayBuffer, at: number, n: number) => T, [at, n]: [number, number]) =>
    make(buf.buffer as ArrayBuffer, base + at, n);
  const open = (h: IndexHeader, names: string[]) =>
    new PostingsIndex(
      names,
      h.fields.map((f): FieldPostings => ({
        avgLength: f.avgLength,
        offsets: view((b, at, n) => new Uint32Array(b, at, n), f.arrays.offsets),
        docs: view((b, at, n) => new Uint32Array(b, at, n), f.arrays.docs),
        tfs: view((b, at, n) => new Uint16Array(b, at, n), f.arrays.tfs),
        lengths: view((b, at, n) => new Uint32Array(b, at, n), f.arrays.lengths),
        seqOffsets: view((b, at, n) => new Uint32Array(b, at, n), f.arrays.seqOffsets),
        seq: view((b, at, n) => new Uint32Array(b, at, n), f.arrays.seq),
      })),
      h.documentCount,
      termIds,
      terms,
    );
  const passageIndex = open(header.passageIndex, PASSAGE_FIELDS);
  const sentenceIndex = open(header.sentenceIndex, SENTENCE_FIELDS);
  const sortedTerms = view((b, at, n) => new Uint32Array(b, at, n), header.sortedTerms);
  if (passageIndex.documentCount !== passages.length || sentenceIndex.documentCount !== sentences.length) return null;
  return assemble(passages, titles, sentences, passageIndex, sentenceIndex, sortedTerms);
}

export function encode(hash: string, index: SearchIndex): Buffer {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const place = (arr: Uint32Array | Uint16Array): [number, number] => {
    const at = bytes;
    const raw = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    chunks.push(raw);
    bytes += raw.byteLength;
    const pad = (8 - (bytes % 8)) % 8;
    if (pad) {
      chunks.push(new Uint8Array(pad));
      bytes += pad;
    }
    return [at, arr.length];
  };
  const describe = (ix: PostingsIndex): IndexHeader => ({
    documentCount: ix.documentCount,
    fields: ix.fields.map((f) => ({
      avgLength: f.avgLength,
      arrays: {
        offsets: place(f.offsets),
        docs: place(f.docs),
        tfs: place(f.tfs),
        lengths: place(f.lengths),
        seqOffsets: place(f.seqOffsets),
        seq: place(f.seq),
      },
    })),
  });
  const passageIndex = describe(index.passageIndex);
  const sentenceIndex = describe(index.sentenceIndex);
  const sortedTerms = place(index.sortedTerms);
  const terms = index.passageIndex.terms;
  const header: Header = {
    format: INDEX_FORMAT,
    hash,
    passages: index.passages.length,
    terms,
    passageIndex,
    sentenceIndex,
    sortedTerms,
  };
  // Array offsets are relative to the data, which starts at the first 8-byte boundary after the header.
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(dataStart(json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  return Buffer.concat([head, ...chunks]);
}

function dataStart(headerLength: number): number {
  return Math.ceil((4 + headerLength) / 8) * 8;
}

function save(file: string, hash: string, index: SearchIndex): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, encode(hash, index));
    renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
  } catch {
    // A read-only checkout still answers; it just rebuilds next time.
  }
}
