import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Topic } from '../answer/suggest.ts';
import { codeVersion } from '../code-version.ts';
import type { KnowledgeCache } from './load.ts';
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

const SNAPSHOT_FORMAT = 1;

/** Source files whose behaviour shapes what the snapshot holds. */
const CODE = [
  'knowledge/load.ts',
  'knowledge/passages.ts',
  'knowledge/schema.ts',
  'knowledge/types.ts',
  'text/sentences.ts',
  'text/terms.ts',
  'text/patterns.ts',
  'answer/suggest.ts',
  'knowledge/snapshot.ts',
];

/** One passage: n, section, text as [start, end] in the body or verbatim, sentence offsets flat. */
type StoredPassage = [number, string, [number, number] | string, number[]];
/** An article's own fields, with its body as an offset into the file and its passages compacted. */
type StoredArticle = Omit<Article, 'body' | 'passages'> & { bodyStart: number; passages: StoredPassage[] };
interface Stored {
  hash: string;
  aliases: string[][];
  curatedCards: Knowledge['curatedCards'];
  timelineFiles: Knowledge['timelineFiles'];
  problems: Problem[];
  articles: StoredArticle[];
  topics?: [string, string, string[]][];
}

export class KnowledgeSnapshot implements KnowledgeCache {
  private stored: Stored | null = null;

  constructor(private readonly cacheDir: string) {}

  /** The snapshot file for knowledge with this hash. */
  file(hash: string): string {
    return path.join(this.cacheDir, `knowledge-${hash}-${codeVersion(SNAPSHOT_FORMAT, CODE)}.json`);
  }

  get(hash: string, root: string, sources: ReadonlyMap<string, string>): Knowledge | null {
    let stored: Stored;
    try {
      stored = JSON.parse(readFileSync(this.file(hash), 'utf8')) as Stored;
      if (stored.hash !== hash) return null;
      const articles = stored.articles.map((a) => restoreArticle(a, sources.get(path.join(root, a.path))));
      const knowledge: Knowledge = {
        dir: root,
        articles,
        aliases: stored.aliases,
        curatedCards: stored.curatedCards,
        timelineFiles: stored.timelineFiles,
        problems: stored.problems,
        hash,
      };
      this.stored = stored;
      return knowledge;
    } catch {
      return null; // missing, stale or corrupt: parse the files instead
    }
  }

  put(knowledge: Knowledge, parseProblems: Problem[], sources: ReadonlyMap<string, string>): void {
    try {
      const articles = knowledge.articles.map((a) => storeArticle(a, sources.get(path.join(knowledge.dir, a.path))));
      this.stored = {
        hash: knowledge.hash,
        aliases: knowledge.aliases,
        curatedCards: knowledge.curatedCards,
        timelineFiles: knowledge.timelineFiles,
        problems: parseProblems,
        articles,
      };
      this.write();
    } catch {
      this.stored = null; // an article that cannot be described by offsets: no snapshot, nothing lost
    }
  }

  /** Topics for the knowledge this snapshot loaded or stored; computed and saved once. */
  topics(knowledge: Knowledge, compute: (k: Knowledge) => Topic[]): Topic[] {
    const stored = this.stored?.hash === knowledge.hash ? this.stored : null;
    if (stored?.topics) {
      return stored.topics.map(([label, articleId, terms]) => ({ label, articleId, terms: new Set(terms) }));
    }
    const topics = compute(knowledge);
    if (stored) {
      stored.topics = topics.map((t) => [t.label, t.articleId, [...t.terms]]);
      this.write();
    }
    return topics;
  }

  private write(): void {
    const stored = this.stored;
    if (!stored) return;
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      const file = this.file(stored.hash);
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, JSON.stringify(stored));
      renameSync(tmp, file);
    } catch {
      // read-only: parse again next time
    }
  }
}

function storeArticle(a: Article, source: string | undefined): StoredArticle {
  if (source === undefined) throw new Error('no source');
  const bodyStart = source.length - a.body.length;
  if (source.slice(bodyStart) !== a.body) throw new Error('body is not the end of the file');
  let cursor = 0;
  const passages = a.passages.map((p): StoredPassage => {
    const at = a.body.indexOf(p.text, cursor);
    let text: [number, number] | string = p.text;
    if (at >= 0) {
      text = [at, at + p.text.length];
      cursor = at + p.text.length;
    }
    const offsets: number[] = [];
    for (const s of p.sentences) offsets.push(s.start, s.end);
    return [p.n, p.section, text, offsets];
  });
  const { body: _body, passages: _passages, ...fields } = a;
  return { ...fields, bodyStart, passages };
}

function restoreArticle(a: StoredArticle, source: string | undefined): Article {
  if (source === undefined) throw new Error('no source');
  const body = source.slice(a.bodyStart);
  const passages = a.passages.map(([n, section, stored, offsets]): Passage => {
    const text = typeof stored === 'string' ? stored : body.slice(stored[0], stored[1]);
    const id = `${a.id}#p${n}`;
    const sentences = [];
    for (let i = 0; i < offsets.length; i += 2) {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      sentences.push({ id: `${id}.s${i / 2 + 1}`, text: text.slice(start, end), start, end });
    }
    return { id, articleId: a.id, n, section, text, sentences };
  });
  const { bodyStart: _bodyStart, passages: _stored, ...fields } = a;
  return { ...fields, body, passages };
}
