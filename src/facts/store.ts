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
 * per question (the answering path has 2 ms). The file is one JSON header line with the offsets,
 * then one JSON array a passage; a passage's fields are parsed only when it is cited, so loading
 * costs a file read and memory the size of the file, not a parse of every passage.
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

const FORMAT = 1;
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
    private readonly file: { offsets: Uint32Array; data: Buffer; firstPassage: Map<string, number> } | null,
  ) {}

  /** Works out every passage's fields now (the index build) and, with a cache folder, stores them. */
  static build(knowledge: Knowledge, cacheDir: string | null): FactStore {
    const file = cacheDir ? cacheFile(cacheDir, knowledge.hash) : null;
    const published = publishedById(knowledge.articles);
    if (file) {
      const loaded = tryLoad(file, knowledge, published);
      if (loaded) return loaded;
    }
    const store = new FactStore(published, null);
    if (!file) return store;
    const chunks: string[] = [];
    for (const a of knowledge.articles) {
      for (const p of a.passages) {
        const fields = store.fieldsOf(p);
        chunks.push(JSON.stringify(fields.map((f): Stored => [f.sentence, f.kind, f.name, f.start, f.end])));
      }
    }
    save(file, knowledge, chunks);
    return store;
  }

  /** Fields of the passage, in reading order. */
  fieldsOf(passage: Passage): PassageField[] {
    let fields = this.memo.get(passage.id);
    if (fields) return fields;
    const first = this.file?.firstPassage.get(passage.articleId);
    const ordinal = first === undefined ? undefined : first + passage.n - 1;
    if (this.file && ordinal !== undefined && ordinal + 1 < this.file.offsets.length) {
      const { offsets, data } = this.file;
      const stored = JSON.parse(data.toString('utf8', offsets[ordinal]!, offsets[ordinal + 1]!)) as Stored[];
      fields = stored.map(([sentence, kind, name, start, end]) => ({ sentence, kind, name, start, end }));
    } else {
      fields = passageFields(passage, this.published.get(passage.articleId) ?? '');
    }
    this.memo.set(passage.id, fields);
    return fields;
  }

  static fromFile(
    published: Map<string, string>,
    offsets: Uint32Array,
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
  offsets: number[];
}

function save(file: string, knowledge: Knowledge, chunks: string[]): void {
  try {
    const bodies = chunks.map((c) => Buffer.from(c, 'utf8'));
    const offsets: number[] = [0];
    for (const b of bodies) offsets.push(offsets[offsets.length - 1]! + b.length);
    const header: Header = {
      hash: knowledge.hash,
      articles: knowledge.articles.map((a) => [a.id, a.passages.length]),
      offsets,
    };
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...bodies]));
    renameSync(tmp, file);
  } catch {
    // read-only: work the fields out again next time
  }
}

function tryLoad(file: string, knowledge: Knowledge, published: Map<string, string>): FactStore | null {
  try {
    const buf = readFileSync(file);
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
    if (header.offsets.length !== n + 1) return null;
    return FactStore.fromFile(published, Uint32Array.from(header.offsets), buf.subarray(nl + 1), firstPassage);
  } catch {
    return null; // missing or corrupt: work the fields out again
  }
}
