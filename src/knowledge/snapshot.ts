import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Topic } from '../answer/suggest.ts';
import { codeVersion } from '../code-version.ts';
import { withSep, type KnowledgeCache } from './load.ts';
import type { Article, Knowledge, Passage, Problem } from './types.ts';

/**
 * The parsed knowledge, kept next to the index so that a start from cache does not parse
 * every article again (YAML front matter, paragraphs, sentence splitting) nor recompute the
 * suggestion topics. At 100,000 passages that is most of the start-up time.
 *
 * Files are still read and hashed on every start (see `loadKnowledge`): the snapshot is used
 * only for the same hash, and it holds no text, only offsets into the files just read. Its
 * name also carries a hash of the source code that parses knowledge and derives topics, so a
 * change to the splitter or the topic rules can never serve stale passages.
 */

const SNAPSHOT_FORMAT = 2;

/** Source files whose behaviour shapes what the snapshot holds. */
const CODE = [
  'knowledge/load.ts',
  'knowledge/passages.ts',
  'knowledge/schema.ts',
  'knowledge/types.ts',
  'text/sentences.ts',
  'text/terms.ts',
  'text/porter.ts',
  'text/patterns.ts',
  'answer/suggest.ts',
  'knowledge/snapshot.ts',
];

/**
 * One passage as numbers: n, its section (an index into `sections`), its text as [start, end] in the body (or
 * `VERBATIM`, [index into `texts`, 0]), its sentence count, then each sentence's start and end.
 */
const VERBATIM = 0xffffffff;
/** An article's own fields, with its body as an offset into the file and the number of its passages. */
type StoredArticle = Omit<Article, 'body' | 'passages'> & { bodyStart: number; passageCount: number };
interface Stored {
  hash: string;
  aliases: string[][];
  curatedCards: Knowledge['curatedCards'];
  timelineFiles: Knowledge['timelineFiles'];
  problems: Problem[];
  articles: StoredArticle[];
  /** Every passage's section name, once. */
  sections: string[];
  /** Passage texts not found in their article's body, verbatim. */
  texts: string[];
}
type StoredTopics = [string, string, string[]][];

/**
 * The file: u32 length and JSON of `Stored` (the articles' fields: small), padding to 4, u32 count and the passages'
 * numbers (no object a passage to parse), u32 length and JSON of the topics (parsed only when asked for; empty until
 * they are worked out). Little-endian.
 */
function encode(stored: Stored, numbers: Uint32Array, topics: string): Buffer {
  const head = Buffer.from(JSON.stringify(stored), 'utf8');
  const pad = (4 - ((4 + head.length) % 4)) % 4;
  const tail = Buffer.from(topics, 'utf8');
  const out = Buffer.alloc(4 + head.length + pad + 4 + numbers.byteLength + 4 + tail.length);
  let at = out.writeUInt32LE(head.length, 0);
  at += head.copy(out, at) + pad;
  at = out.writeUInt32LE(numbers.length, at);
  at += Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).copy(out, at);
  at = out.writeUInt32LE(tail.length, at);
  tail.copy(out, at);
  return out;
}

function decode(buf: Buffer): { stored: Stored; numbers: Uint32Array; topics: string } {
  const headLength = buf.readUInt32LE(0);
  const stored = JSON.parse(buf.toString('utf8', 4, 4 + headLength)) as Stored;
  let at = 4 + headLength;
  at += (4 - (at % 4)) % 4;
  const count = buf.readUInt32LE(at);
  at += 4;
  // A copy, aligned whatever the buffer's own offset: 4 bytes a number, about 4 MB at 100,000 passages.
  const numbers = new Uint32Array(count);
  Buffer.from(numbers.buffer).set(buf.subarray(at, at + count * 4));
  at += count * 4;
  const tailLength = buf.readUInt32LE(at);
  return { stored, numbers, topics: buf.toString('utf8', at + 4, at + 4 + tailLength) };
}

export class KnowledgeSnapshot implements KnowledgeCache {
  private stored: { stored: Stored; numbers: Uint32Array; topics: string } | null = null;

  constructor(private readonly cacheDir: string) {}

  /** The snapshot file for knowledge with this hash. */
  file(hash: string): string {
    return path.join(this.cacheDir, `knowledge-${hash}-${codeVersion(SNAPSHOT_FORMAT, CODE)}.bin`);
  }

  get(hash: string, root: string, sources: ReadonlyMap<string, string>): Knowledge | null {
    try {
      const read = decode(readFileSync(this.file(hash)));
      const { stored, numbers } = read;
      if (stored.hash !== hash) return null;
      // `a.path` is normalised and relative (below the folder): joining is concatenating.
      const under = withSep(root);
      const cursor = { at: 0 };
      const articles = stored.articles.map((a) =>
        restoreArticle(
          a,
          sources.get(a.path.startsWith('..') ? path.join(root, a.path) : under + a.path),
          stored,
          numbers,
          cursor,
        ),
      );
      if (cursor.at !== numbers.length) return null;
      const knowledge: Knowledge = {
        dir: root,
        articles,
        aliases: stored.aliases,
        curatedCards: stored.curatedCards,
        timelineFiles: stored.timelineFiles,
        problems: stored.problems,
        hash,
      };
      this.stored = read;
      return knowledge;
    } catch {
      return null; // missing, stale or corrupt: parse the files instead
    }
  }

  put(knowledge: Knowledge, parseProblems: Problem[], sources: ReadonlyMap<string, string>): void {
    try {
      const sections = new Map<string, number>();
      const texts: string[] = [];
      const numbers: number[] = [];
      const articles = knowledge.articles.map((a) =>
        storeArticle(a, sources.get(path.join(knowledge.dir, a.path)), sections, texts, numbers),
      );
      this.stored = {
        stored: {
          hash: knowledge.hash,
          aliases: knowledge.aliases,
          curatedCards: knowledge.curatedCards,
          timelineFiles: knowledge.timelineFiles,
          problems: parseProblems,
          articles,
          sections: [...sections.keys()],
          texts,
        },
        numbers: Uint32Array.from(numbers),
        topics: '',
      };
      this.write();
    } catch {
      this.stored = null; // an article that cannot be described by offsets: no snapshot, nothing lost
    }
  }

  /** Whether the snapshot holds the topics of this knowledge (else `topics` works them out and saves them). */
  hasTopics(knowledge: Knowledge): boolean {
    return this.stored?.stored.hash === knowledge.hash && this.stored.topics !== '';
  }

  /** Topics for the knowledge this snapshot loaded or stored; computed and saved once. */
  topics(knowledge: Knowledge, compute: (k: Knowledge) => Topic[]): Topic[] {
    const read = this.stored?.stored.hash === knowledge.hash ? this.stored : null;
    if (read?.topics) {
      return (JSON.parse(read.topics) as StoredTopics).map(([label, articleId, terms]) => ({
        label,
        articleId,
        terms: new Set(terms),
      }));
    }
    const topics = compute(knowledge);
    if (read) {
      read.topics = JSON.stringify(topics.map((t) => [t.label, t.articleId, [...t.terms]]));
      this.write();
    }
    return topics;
  }

  private write(): void {
    const read = this.stored;
    if (!read) return;
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      const file = this.file(read.stored.hash);
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, encode(read.stored, read.numbers, read.topics));
      renameSync(tmp, file);
    } catch {
      // read-only: parse again next time
    }
  }
}

function storeArticle(
  a: Article,
  source: string | undefined,
  sections: Map<string, number>,
  texts: string[],
  numbers: number[],
): StoredArticle {
  if (source === undefined) throw new Error('no source');
  const bodyStart = source.length - a.body.length;
  if (source.slice(bodyStart) !== a.body) throw new Error('body is not the end of the file');
  let cursor = 0;
  for (const p of a.passages) {
    let section = sections.get(p.section);
    if (section === undefined) sections.set(p.section, (section = sections.size));
    const at = a.body.indexOf(p.text, cursor);
    if (at >= 0) {
      numbers.push(p.n, section, at, at + p.text.length);
      cursor = at + p.text.length;
    } else {
      numbers.push(p.n, section, VERBATIM, texts.length);
      texts.push(p.text);
    }
    numbers.push(p.sentences.length);
    for (const s of p.sentences) numbers.push(s.start, s.end);
  }
  const { body: _body, passages: _passages, ...fields } = a;
  return { ...fields, bodyStart, passageCount: a.passages.length };
}

function restoreArticle(
  a: StoredArticle,
  source: string | undefined,
  stored: Stored,
  numbers: Uint32Array,
  cursor: { at: number },
): Article {
  if (source === undefined) throw new Error('no source');
  const body = source.slice(a.bodyStart);
  const passages: Passage[] = [];
  let at = cursor.at;
  for (let k = 0; k < a.passageCount; k++) {
    const n = numbers[at]!;
    const section = stored.sections[numbers[at + 1]!]!;
    const start = numbers[at + 2]!;
    const text = start === VERBATIM ? stored.texts[numbers[at + 3]!]! : body.slice(start, numbers[at + 3]!);
    const count = numbers[at + 4]!;
    at += 5;
    const id = `${a.id}#p${n}`;
    const sentences = [];
    for (let i = 0; i < count; i++, at += 2) {
      const s = numbers[at]!;
      const e = numbers[at + 1]!;
      sentences.push({ id: `${id}.s${i + 1}`, text: text.slice(s, e), start: s, end: e });
    }
    passages.push({ id, articleId: a.id, n, section, text, sentences });
  }
  cursor.at = at;
  const { bodyStart: _bodyStart, passageCount: _passageCount, ...fields } = a;
  return { ...fields, body, passages };
}
