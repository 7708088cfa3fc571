import type { Logger } from 'pino';
import type { Engine } from '../src/engine.ts';
import { databasePath, FeedbackStore } from '../src/moderation/store.ts';
import { LiveKnowledge, type EngineHolder } from './knowledge/live.ts';

/**
 * What both transports answer with, built the same way by the gateway bot (`bot/client.ts`)
 * and the HTTP endpoint (`bot/serve.ts`): the knowledge (live, watched and rebuilt while the
 * process runs, unless a fixed engine is given), and the moderators' database in `DATA_DIR`.
 */
export interface Runtime {
  /** Read `current` per interaction: a live reload swaps the engine. */
  holder: EngineHolder;
  /** Null when started with a fixed engine (tests) or with `live: false`. */
  live: LiveKnowledge | null;
  store: FeedbackStore;
  /** Stops the watcher and the rebuild worker, closes the database. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  knowledgeDir: string;
  dataDir: string;
  logger: Logger;
  /** Engine to reuse (tests); otherwise loaded from `knowledgeDir`. */
  engine?: Engine;
  /** Index cache folder; null disables it (a live reload then uses a private temporary folder). */
  cacheDir?: string | null;
  /** Watch the knowledge folder for changes (default true). A shard leaves it to its manager. */
  watch?: boolean;
}

export function openRuntime(o: RuntimeOptions): Runtime {
  const t0 = performance.now();
  const logger = o.logger;
  const cacheDir = o.cacheDir === undefined ? '.cache' : o.cacheDir;
  const live = o.engine ? null : new LiveKnowledge({ knowledgeDir: o.knowledgeDir, cacheDir, logger, watch: o.watch });
  const holder: EngineHolder = live ?? { current: o.engine! };
  const engine = holder.current;
  if (engine.vectors?.prepared)
    logger.info({ file: engine.vectors.file, ms: engine.vectors.prepareMs }, engine.vectors.message);
  for (const p of engine.knowledge.problems) logger.warn({ file: p.file }, `knowledge file skipped: ${p.message}`);
  logger.info(
    {
      articles: engine.knowledge.articles.length,
      passages: engine.index.passages.length,
      cacheHit: engine.cache.hit,
      loadMs: Math.round(performance.now() - t0),
    },
    'knowledge loaded',
  );
  let store: FeedbackStore;
  try {
    store = new FeedbackStore(databasePath(o.dataDir));
  } catch (err) {
    void live?.close();
    throw err;
  }
  const pruned = store.pruneUnrated(Date.now());
  logger.info({ file: store.file, pruned }, 'database opened');
  let closing: Promise<void> | undefined;
  return {
    holder,
    live,
    store,
    close() {
      closing ??= (async () => {
        await live?.close();
        store.close();
      })();
      return closing;
    },
  };
}
