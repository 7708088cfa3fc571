import path from 'node:path';
import { topicsOf } from '../answer/suggest.ts';
import { engineFor, type Engine } from '../engine.ts';
import { FactStore } from '../facts/store.ts';
import { loadOrBuildIndex } from '../search/cache.ts';
import { loadKnowledge } from './load.ts';
import { KnowledgeSnapshot } from './snapshot.ts';
import type { Knowledge, Problem } from './types.ts';

/**
 * A live reload in two halves. `rebuildCaches` does the slow part, meant for a worker thread:
 * read and parse the knowledge folder, build the index and the fact fields, and write the cache
 * files (the index, the knowledge snapshot, the fact fields). `engineFromCaches` does the fast part on the thread that answers:
 * it loads the knowledge snapshot and the index as views on the files just written (and reads the fact fields back), so the new
 * engine is ready in milliseconds and can replace the old one at once.
 *
 * An article file that breaks (bad YAML, a missing title, an unreadable file) is reported, and
 * its last good version, the text that parsed last time, keeps serving: the reload parses that
 * text in its place, so its passages and citations do not vanish because of a typo. A file
 * that is deleted is gone; a new file that is broken has no last good version and is skipped.
 */

export interface RebuildRequest {
  knowledgeDir: string;
  cacheDir: string;
  /** The text of each article file as last served, by absolute path. */
  lastGood: [string, string][];
}

export interface RebuildResult {
  /** Hash of the files as used (broken ones replaced by their last good text). */
  hash: string;
  /** The text of each article file that loaded, by absolute path: the next reload's `lastGood`. */
  sources: [string, string][];
  problems: Problem[];
  /** Absolute paths of broken article files that serve their last good version. */
  keptLastGood: string[];
  articles: number;
  passages: number;
  /** Whether the index was already in the cache folder (another process built it), so not built again. */
  indexCacheHit: boolean;
  ms: number;
}

/** Suffix of a problem whose article still serves its last good version. */
export const LAST_GOOD_NOTE = '(the last good version is still served)';

export function rebuildCaches(req: RebuildRequest): RebuildResult {
  const t0 = performance.now();
  const root = path.resolve(req.knowledgeDir);
  const lastGood = new Map(req.lastGood);
  const snapshot = new KnowledgeSnapshot(req.cacheDir);
  let sources = new Map<string, string>();
  let knowledge = loadKnowledge(root, snapshot, { sourcesOut: sources });
  const firstProblems = knowledge.problems;
  // Broken: an article file with a problem that did not load (a warning about a file that loaded is not a break).
  const loaded = servedSources(knowledge, sources);
  const broken = new Map<string, string>();
  for (const p of firstProblems) {
    const file = path.resolve(p.file);
    const good = lastGood.get(file);
    if (good !== undefined && !loaded.has(file) && good !== sources.get(file)) broken.set(file, good);
  }
  if (broken.size) {
    sources = new Map();
    knowledge = loadKnowledge(root, snapshot, { overrides: broken, sourcesOut: sources });
  }
  const served = servedSources(knowledge, sources);
  const problems = firstProblems.map((p) =>
    broken.has(path.resolve(p.file)) && served.has(path.resolve(p.file))
      ? { ...p, message: `${p.message} ${LAST_GOOD_NOTE}` }
      : p,
  );
  const { cache } = loadOrBuildIndex(knowledge, req.cacheDir);
  // The fact fields too (wink-nlp over every passage: seconds at size), so that the answering
  // thread only reads them back in engineFromCaches.
  FactStore.build(knowledge, req.cacheDir);
  snapshot.topics(knowledge, topicsOf);
  return {
    hash: knowledge.hash,
    sources: [...served],
    problems,
    keptLastGood: [...broken.keys()],
    articles: knowledge.articles.length,
    passages: knowledge.articles.reduce((n, a) => n + a.passages.length, 0),
    indexCacheHit: cache.hit,
    ms: Math.round(performance.now() - t0),
  };
}

/** The texts of the article files that loaded (by absolute path): only these can be a last good version. */
export function servedSources(knowledge: Knowledge, sources: ReadonlyMap<string, string>): Map<string, string> {
  const served = new Map<string, string>();
  for (const a of knowledge.articles) {
    const file = path.join(knowledge.dir, a.path);
    const text = sources.get(file);
    if (text !== undefined) served.set(file, text);
  }
  return served;
}

export class StaleRebuildError extends Error {}

/**
 * The engine for a finished rebuild, from the cache files it wrote. Throws when they do not
 * hold what the rebuild reported (a cache folder that cannot be written), so the caller keeps
 * the engine it has.
 */
export function engineFromCaches(req: Pick<RebuildRequest, 'knowledgeDir' | 'cacheDir'>, r: RebuildResult): Engine {
  const root = path.resolve(req.knowledgeDir);
  const snapshot = new KnowledgeSnapshot(req.cacheDir);
  const sources = new Map(r.sources);
  let knowledge: Knowledge | null = snapshot.get(r.hash, root, sources);
  // No snapshot (an article its offsets cannot describe): parse the same texts here.
  knowledge ??= loadKnowledge(root, undefined, { overrides: sources });
  if (knowledge.hash !== r.hash) throw new StaleRebuildError('the knowledge changed while it was being rebuilt');
  knowledge = { ...knowledge, problems: r.problems };
  const engine = engineFor(knowledge, req.cacheDir, snapshot);
  if (engine.index.passages.length !== r.passages || knowledge.articles.length !== r.articles)
    throw new Error(`the rebuilt index does not match the knowledge (${engine.index.passages.length} passages)`);
  return engine;
}
