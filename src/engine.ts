import { answer, type AnswerContext } from './answer/answer.ts';
import { aliasTerms } from './answer/slots.ts';
import { QuestionSchema, type AskResult } from './answer/result.ts';
import { suggestTopics, topicsOf, type Topic } from './answer/suggest.ts';
import { loadKnowledge } from './knowledge/load.ts';
import type { Knowledge } from './knowledge/types.ts';
import { defaultCacheDir, loadOrBuildIndex, type CacheInfo } from './search/cache.ts';
import type { SearchIndex } from './search/index.ts';
import { KnowledgeSnapshot } from './knowledge/snapshot.ts';

/**
 * The answering core: knowledge in, cited verbatim answers out. Every front end (CLI, Discord
 * bot, HTTP) creates one engine and calls the same functions.
 */
export interface Engine {
  knowledge: Knowledge;
  index: SearchIndex;
  topics: Topic[];
  cache: CacheInfo;
  /** Answers one question. Throws `InvalidQuestionError` for an empty or oversized question. */
  ask(question: string): AskResult;
  /** Topics the material covers, related to `text` first. */
  suggest(text: string, count?: number): string[];
}

export class InvalidQuestionError extends Error {}

export interface EngineOptions {
  knowledgeDir: string;
  /** Folder for the serialized index; null disables caching. */
  cacheDir?: string | null;
}

export function createEngine(options: EngineOptions): Engine {
  // With a cache folder, the parsed knowledge and its topics are cached too (src/knowledge/snapshot.ts).
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const snapshot = cacheDir ? new KnowledgeSnapshot(cacheDir) : undefined;
  const knowledge = loadKnowledge(options.knowledgeDir, snapshot);
  return engineFor(knowledge, cacheDir, snapshot);
}

export function engineFor(knowledge: Knowledge, cacheDir?: string | null, snapshot?: KnowledgeSnapshot): Engine {
  const { index, cache } = loadOrBuildIndex(knowledge, cacheDir);
  const topics = snapshot ? snapshot.topics(knowledge, topicsOf) : topicsOf(knowledge);
  const ctx: AnswerContext = { knowledge, index, aliasGroups: aliasTerms(knowledge.aliases), topics };
  return {
    knowledge,
    index,
    topics,
    cache,
    ask(question) {
      const parsed = QuestionSchema.safeParse(question);
      if (!parsed.success) throw new InvalidQuestionError(parsed.error.issues[0]?.message ?? 'invalid question');
      const t0 = performance.now();
      const result = answer(ctx, parsed.data);
      result.ms = Math.round((performance.now() - t0) * 100) / 100;
      return result;
    },
    suggest(text, count = 5) {
      return suggestTopics(topics, text, count);
    },
  };
}
