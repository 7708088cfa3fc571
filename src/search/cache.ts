import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/types.ts';
import { PASSAGE_OPTIONS, SENTENCE_OPTIONS, assemble, buildIndex, flatten, type SearchIndex } from './index.ts';

/**
 * Builds the index once and keeps it serialized next to the project, keyed by a hash of the
 * knowledge files and of the index format. A second run loads the file instead of rebuilding;
 * any change to a knowledge file gives another hash and so a rebuild.
 */

/** Bump when the tokenizer, term processing or the index layout changes. */
export const INDEX_FORMAT = 4;

export interface CacheInfo {
  file: string | null;
  hit: boolean;
  ms: number;
}

interface CachedIndex {
  format: number;
  hash: string;
  passages: number;
  passageIndex: unknown;
  sentenceIndex: unknown;
  df: [string, number][];
}

export function defaultCacheDir(): string {
  return path.resolve(process.env['NEWSBOT_CACHE_DIR'] ?? '.cache');
}

export function loadOrBuildIndex(
  knowledge: Knowledge,
  cacheDir: string | null = defaultCacheDir(),
): { index: SearchIndex; cache: CacheInfo } {
  const t0 = performance.now();
  const file = cacheDir ? path.join(cacheDir, `index-${knowledge.hash}-v${INDEX_FORMAT}.json`) : null;
  if (file) {
    const loaded = tryLoad(file, knowledge);
    if (loaded) return { index: loaded, cache: { file, hit: true, ms: performance.now() - t0 } };
  }
  const index = buildIndex(knowledge.articles);
  if (file) save(file, knowledge.hash, index);
  return { index, cache: { file, hit: false, ms: performance.now() - t0 } };
}

function tryLoad(file: string, knowledge: Knowledge): SearchIndex | null {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(raw) as CachedIndex;
    const { passages, titles, sentences } = flatten(knowledge.articles);
    if (data.format !== INDEX_FORMAT || data.hash !== knowledge.hash || data.passages !== passages.length) return null;
    const passageIndex = MiniSearch.loadJS(data.passageIndex as never, PASSAGE_OPTIONS);
    const sentenceIndex = MiniSearch.loadJS(data.sentenceIndex as never, SENTENCE_OPTIONS);
    return assemble(passages, titles, sentences, passageIndex, sentenceIndex, new Map(data.df));
  } catch {
    return null; // a corrupt cache is rebuilt, never fatal
  }
}

function save(file: string, hash: string, index: SearchIndex): void {
  const data: CachedIndex = {
    format: INDEX_FORMAT,
    hash,
    passages: index.passages.length,
    passageIndex: index.passageIndex.toJSON(),
    sentenceIndex: index.sentenceIndex.toJSON(),
    df: [...index.df],
  };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
  } catch {
    // A read-only checkout still answers; it just rebuilds next time.
  }
}
