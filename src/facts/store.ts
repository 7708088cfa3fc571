import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeVersion } from '../code-version.ts';
import type { Article, Knowledge, Passage } from '../knowledge/types.ts';
import { sentenceFields, type FieldKind } from './extract.ts';

/**
 * Named fact fields of every passage, worked out once when the index is built and kept in a
 * cache file beside it, so a question only reads the few passages it cites.
 *
 * Naming a value takes part-of-speech tags and entities (wink-nlp, about 0.3 ms a sentence)
 * and the date reader (chrono-node); over 100,000 passages that is tens of seconds, far too much
 * per question (the answering path has 2 ms). The file is a JSON header line (the articles), a
 * binary table of offsets and one JSON array a passage; a passage's fields are parsed only when
 * it is cited, so loading costs a file read and memory the size of the file (2.6 MB at 100,000
 * passages), not a parse of every passage.
 *
 * Without a cache folder (tests, eval) the fields of a passage are worked out on first use and
 * kept in memory.
 */

export interface PassageField {
  /** Sentence within the passage, 0-based. */
  sentence: number;
  kind: FieldKind;
  name: string;
  /** Offsets of the value in the passage text. */
  start: number;
  end: number;
}

/** A field stored compactly: [sentence, kind, name, start, end]. */
type Stored = [number, FieldKind, string, number, number];

const FORMAT = 2;
/** Source files whose behaviour shapes the stored fields. */
const CODE = [
  'facts/extract.ts',
  'facts/nlp.ts',
  'facts/store.ts',
  'timeline/extract.ts',
  'text/sentences.ts',
  'knowledge/passages.ts',
];

/** Fields of one passage, sentence by sentence, with offsets in the passage. */
export function passageFields(passage: Passage, published: string): PassageField[] {
  const out: PassageField[] = [];
  passage.sentences.forEach((s, k) => {
    for (const f of sentenceFields(s.text, published))
      out.push({ sentence: k, kind: f.kind, name: f.name, start: s.start + f.start, end: s.start + f.end });
  });
  return out;
}

export class FactStore {
  private readonly memo = new Map<string, PassageField[]>();

  private constructor(
    private readonly published: Map<string, string>,
    /** The stored fields, and where each article's passages start among them. */
    private readonly file: { offsets: Buffer; data: Buffer; firstPassage: Map<string, number> } | null,
  ) {}

  /** Works out every passage's fields now (the index build) and, with a cache folder, stores them. */
  /** The cache file of the fields of knowledge with this hash (a live reload removes a replaced one). */
  static file(cacheDir: string, hash: string): string {
    return cacheFile(cacheDir, hash);
  }

  static build(knowledge: Knowledge, cacheDir: string | null): FactStore {
    const file = cacheDir ? cacheFile(cacheDir, knowledge.hash) : null;
    const published = publishedById(knowledge.articles);
    if (!file) return new FactStore(published, null);
    try {
      const loaded = fromBuffer(readFileSync(file), knowledge, published);
      if (loaded) return loaded;
    } catch {
      // missing or unreadable: work the fields out
    }
    const chunks: string[] = [];
    for (const a of knowledge.articles) {
      for (const p of a.passages) {
        const fields = passageFields(p, a.published);
        chunks.push(JSON.stringify(fields.map((f): Stored => [f.sentence, f.kind, f.name, f.start, f.end])));
      }
    }
    const buf = encode(knowledge, chunks);
    write(file, buf);
    // Read back from the bytes just written, so a first start holds no more than a later one.
    return fromBuffer(buf, knowledge, published) ?? new FactStore(published, null);
  }

  /** Fields of the passage, in reading order. */
  fieldsOf(passage: Passage): PassageField[] {
    // From the file: a few microseconds to parse, so nothing is kept (memory stays the file's size).
    const first = this.file?.firstPassage.get(passage.articleId);
    const ordinal = first === undefined ? undefined : first + passage.n - 1;
    if (this.file && ordinal !== undefined && 4 * (ordinal + 2) <= this.file.offsets.length) {
      const { offsets, data } = this.file;
      const from = offsets.readUInt32LE(4 * ordinal);
      const to = offsets.readUInt32LE(4 * (ordinal + 1));
      const stored = JSON.parse(data.toString('utf8', from, to)) as Stored[];
      return stored.map(([sentence, kind, name, start, end]) => ({ sentence, kind, name, start, end }));
    }
    let fields = this.memo.get(passage.id);
    if (!fields) {
      fields = passageFields(passage, this.published.get(passage.articleId) ?? '');
      this.memo.set(passage.id, fields);
    }
    return fields;
  }

  static fromFile(
    published: Map<string, string>,
    offsets: Buffer,
    data: Buffer,
    firstPassage: Map<string, number>,
  ): FactStore {
    return new FactStore(published, { offsets, data, firstPassage });
  }
}

function publishedById(articles: Article[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.published]));
}

function cacheFile(cacheDir: string, hash: string): string {
  return path.join(cacheDir, `facts-${hash}-${codeVersion(FORMAT, CODE)}.bin`);
}

interface Header {
  hash: string;
  /** Article ids with their passage counts, in order: a passage's place is its article's start plus n - 1. */
  articles: [string, number][];
}

/** One JSON header line, then (passages + 1) little-endian 32-bit offsets, then one JSON array a passage. */
function encode(knowledge: Knowledge, chunks: string[]): Buffer {
  const bodies = chunks.map((c) => Buffer.from(c, 'utf8'));
  const header: Header = { hash: knowledge.hash, articles: knowledge.articles.map((a) => [a.id, a.passages.length]) };
  const offsets = Buffer.alloc(4 * (bodies.length + 1));
  let at = 0;
  bodies.forEach((b, i) => {
    offsets.writeUInt32LE(at, 4 * i);
    at += b.length;
  });
  offsets.writeUInt32LE(at, 4 * bodies.length);
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), offsets, ...bodies]);
}

function write(file: string, buf: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, buf);
    renameSync(tmp, file);
  } catch {
    // read-only: work the fields out again next time
  }
}

/** The store over a file's bytes, or null when they do not describe this knowledge. */
function fromBuffer(buf: Buffer, knowledge: Knowledge, published: Map<string, string>): FactStore | null {
  try {
    const nl = buf.indexOf(10);
    const header = JSON.parse(buf.toString('utf8', 0, nl)) as Header;
    if (header.hash !== knowledge.hash || header.articles.length !== knowledge.articles.length) return null;
    const firstPassage = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < knowledge.articles.length; i++) {
      const a = knowledge.articles[i]!;
      const [id, count] = header.articles[i]!;
      if (id !== a.id || count !== a.passages.length) return null;
      firstPassage.set(id, n);
      n += count;
    }
    const offsets = buf.subarray(nl + 1, nl + 1 + 4 * (n + 1));
    if (offsets.length !== 4 * (n + 1)) return null;
    return FactStore.fromFile(published, offsets, buf.subarray(nl + 1 + 4 * (n + 1)), firstPassage);
  } catch {
    return null; // corrupt: work the fields out again
  }
}
