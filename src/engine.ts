import { answer, rankQuestion, type AnswerTrace } from './answer/answer.ts';
import { createAnswerContext, type AnswerContext } from './answer/context.ts';
import { FactStore } from './facts/store.ts';
import type { AnswerModel } from './answer/model.ts';
import { acceptedQuestion, QuestionSchema, type AskResult } from './answer/result.ts';
import { topicsOf, type Topic } from './answer/suggest.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { KnowledgeSnapshot } from './knowledge/snapshot.ts';
import type { Article, Knowledge, Passage } from './knowledge/types.ts';
import { defaultCacheDir, loadOrBuildIndex, type CacheInfo } from './search/cache.ts';
import { sentenceOf, type SearchIndex } from './search/index.ts';
import type { Extracted, Timeline } from './timeline/build.ts';
import type { TimelineFilters } from './timeline/schema.ts';
import { openVectors, type VectorsStatus } from './text/vectors.ts';

/**
 * The answering core: knowledge in, cited verbatim answers out. Every front end (CLI, Discord bot, HTTP, the bench and
 * the eval) creates one engine and calls these functions; none of them reaches into the index or rebuilds lookups of
 * its own. Each engine carries its own caches, so two engines over different knowledge never share one.
 */
export interface Engine {
  knowledge: Knowledge;
  index: SearchIndex;
  topics: Topic[];
  cache: CacheInfo;
  /** What opening the word vectors did (null when they are off or not installed): print `message` when `prepared`. */
  vectors: VectorsStatus | null;
  /** Answers one question. Throws `InvalidQuestionError` for an empty or oversized question. */
  ask(question: string): AskResult;
  /**
   * Answers one question with what answering read (the abstention model's features and probability; with
   * `candidates` every candidate's features and snippet), optionally with other weights: for `npm run train` and
   * `npm run eval`, never the bot.
   */
  assess(question: string, options?: { model?: AnswerModel; candidates?: boolean }): AskResult & { trace: AnswerTrace };
  /** Topics the material covers, related to `text` first. */
  suggest(text: string, count?: number): string[];
  /** The passage with this id, or undefined. */
  passage(id: string): Passage | undefined;
  /** The article with this id, or undefined. */
  article(id: string): Article | undefined;
  /** Where a passage comes from: its article's title, link, publisher and date, and its section. */
  source(passageId: string): PassageSource | undefined;
  /**
   * The material's dated events, filtered and ordered. Rejects with `TimelineFilterError` for a bad filter. The
   * timeline module (and its date parser, about 30 MB) is loaded on first use, so answering alone never pays for it.
   */
  timeline(filters?: TimelineFilters): Promise<Timeline>;
  /** The best-ranked candidate sentences for a question, best first (for measuring retrieval, e.g. Hit@5). */
  candidates(question: string, limit?: number): RankedSentence[];
  /**
   * A value derived from this engine's knowledge, built on first use and kept for the engine's lifetime: how a front
   * end keeps its own lookups (autocomplete lists, id maps) without module-level caches.
   */
  memo<T>(key: string, build: (engine: Engine) => T): T;
}

export interface PassageSource {
  articleId: string;
  title: string;
  section: string;
  url?: string | undefined;
  source?: string | undefined;
  published: string;
}

export interface RankedSentence {
  passageId: string;
  text: string;
  score: number;
}

export class InvalidQuestionError extends Error {}

export interface EngineOptions {
  knowledgeDir: string;
  /** Folder for the serialized index and knowledge snapshot; null disables caching; default `.cache`. */
  cacheDir?: string | null;
  /**
   * Folder for the converted word vectors (src/text/vectors.ts); default `node_modules/.cache/newsdesk-bot`, shared by
   * every engine; null turns soft matching off.
   */
  vectorsDir?: string | null;
  /** Ranking and abstention weights; default the shipped src/answer/weights.json. */
  model?: AnswerModel;
}

export function createEngine(options: EngineOptions): Engine {
  // With a cache folder, the parsed knowledge and its topics are cached too (src/knowledge/snapshot.ts).
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const snapshot = cacheDir ? new KnowledgeSnapshot(cacheDir) : undefined;
  const knowledge = loadKnowledge(options.knowledgeDir, snapshot);
  return engineFor(knowledge, cacheDir, snapshot, options.vectorsDir, options.model);
}

export function engineFor(
  knowledge: Knowledge,
  cacheDir?: string | null,
  snapshot?: KnowledgeSnapshot,
  vectorsDir?: string | null,
  model?: AnswerModel,
): Engine {
  const { index, cache } = loadOrBuildIndex(knowledge, cacheDir);
  // Topics are read for suggestions (a declined question) and lists of front ends, not to answer: worked out or read
  // from the snapshot on first use, unless the snapshot has yet to save them (the first start, as before).
  let topicList: Topic[] | undefined;
  const topics = () => (topicList ??= snapshot ? snapshot.topics(knowledge, topicsOf) : topicsOf(knowledge));
  if (snapshot && !snapshot.hasTopics(knowledge)) topics();
  // Fact fields are named at index time (wink-nlp is too slow per question) and cached beside the index.
  // The first run converts the vectors package (seconds); the status says so, for the front ends to print.
  const opened = vectorsDir === null ? null : openVectors(vectorsDir);
  const ctx: AnswerContext = createAnswerContext(
    knowledge,
    index,
    topics,
    FactStore.build(knowledge, cacheDir === undefined ? defaultCacheDir() : cacheDir),
    opened?.vectors ?? null,
    model,
  );
  const memos = new Map<string, unknown>();
  let events: Extracted | undefined;

  const passage = (id: string) => {
    const n = ctx.passageNumbers.get(id);
    return n === undefined ? undefined : index.passages[n];
  };
  const engine: Engine = {
    knowledge,
    index,
    get topics() {
      return topics();
    },
    cache,
    vectors: opened?.status ?? null,
    ask(question) {
      let text = acceptedQuestion(question);
      if (text === null) {
        const parsed = QuestionSchema.safeParse(question);
        if (!parsed.success) throw new InvalidQuestionError(parsed.error.issues[0]?.message ?? 'invalid question');
        text = parsed.data;
      }
      const t0 = performance.now();
      const result = answer(ctx, text);
      result.ms = Math.round((performance.now() - t0) * 100) / 100;
      return result;
    },
    assess(question, options = {}) {
      const trace: AnswerTrace = { abstention: null, ...(options.candidates ? { candidates: [] } : {}) };
      const result = answer(ctx, QuestionSchema.parse(question), options.model ?? ctx.model, trace);
      return { ...result, trace };
    },
    suggest(text, count) {
      return ctx.suggest(text, count);
    },
    passage,
    article: (id) => ctx.articles.get(id),
    source(passageId) {
      const p = passage(passageId);
      const a = p && ctx.articles.get(p.articleId);
      if (!p || !a) return undefined;
      return {
        articleId: a.id,
        title: a.title,
        section: p.section,
        url: a.url,
        source: a.source,
        published: a.published,
      };
    },
    async timeline(filters = {}) {
      const { buildTimeline, extractTimeline } = await import('./timeline/build.ts');
      events ??= extractTimeline(knowledge);
      return buildTimeline(knowledge, filters, events);
    },
    candidates(question, limit = 5) {
      return rankQuestion(ctx, question)
        .ranked.slice(0, limit)
        .map((c) => ({
          passageId: index.passages[c.passage]!.id,
          text: sentenceOf(index.passages, index.sentences[c.sentence]!).text,
          score: c.score,
        }));
    },
    memo<T>(key: string, build: (engine: Engine) => T): T {
      if (!memos.has(key)) memos.set(key, build(engine));
      return memos.get(key) as T;
    },
  };
  return engine;
}
