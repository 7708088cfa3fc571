import type { REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { Engine } from '../src/engine.ts';
import { databasePath, FeedbackStore } from '../src/moderation/store.ts';
import type { Command } from './command.ts';
import type { Env } from './env.ts';
import { createHandler, type InteractionHandler } from './handler.ts';
import { LiveKnowledge, type EngineHolder } from './knowledge/live.ts';
import { interactionRest } from './responder.ts';

/**
 * What both transports answer with, built the same way by the gateway bot (`bot/client.ts`)
 * and the HTTP endpoint (`bot/serve.ts`): the knowledge (live, watched and rebuilt while the
 * process runs, unless a fixed engine is given), the moderators' database in `DATA_DIR`, the
 * interaction handler over both, and the REST manager its replies go out through. The transport
 * only feeds the handler interactions.
 */
export interface Runtime {
  /** Read `current` per interaction: a live reload swaps the engine. */
  holder: EngineHolder;
  /** Null when started with a fixed engine (tests) or with `live: false`. */
  live: LiveKnowledge | null;
  store: FeedbackStore;
  /** The interaction pipeline (bot/handler.ts) over the commands, the holder and the store. */
  handler: InteractionHandler;
  /**
   * Replies and follow-ups: interaction webhooks, on a REST manager of their own outside the bot
   * token's global rate limit (bot/responder.ts); a rate limit is logged as a warning.
   */
  replies: REST;
  /** Stops the watcher and the rebuild worker, closes the database. */
  close(): Promise<void>;
}

/** The variables the runtime reads. */
export type RuntimeEnv = Pick<
  Env,
  'KNOWLEDGE_DIR' | 'DATA_DIR' | 'DISCORD_API_URL' | 'COMMAND_COOLDOWN_SECONDS' | 'COMMAND_COOLDOWN_USES'
>;

export interface RuntimeOptions {
  env: RuntimeEnv;
  commands: readonly Command[];
  logger: Logger;
  /** Engine to reuse (tests); otherwise loaded from `KNOWLEDGE_DIR`. */
  engine?: Engine;
  /** Index cache folder; null disables it (a live reload then uses a private temporary folder). */
  cacheDir?: string | null;
  /** Watch the knowledge folder for changes (default true). A shard leaves it to its manager. */
  watch?: boolean;
}

export function openRuntime(o: RuntimeOptions): Runtime {
  const t0 = performance.now();
  const { env, logger } = o;
  const cacheDir = o.cacheDir === undefined ? '.cache' : o.cacheDir;
  const live = o.engine
    ? null
    : new LiveKnowledge({ knowledgeDir: env.KNOWLEDGE_DIR, cacheDir, logger, watch: o.watch });
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
    store = new FeedbackStore(databasePath(env.DATA_DIR));
  } catch (err) {
    void live?.close();
    throw err;
  }
  const pruned = store.pruneUnrated(Date.now());
  logger.info({ file: store.file, pruned }, 'database opened');
  const handler = createHandler({
    commands: o.commands,
    engine: holder,
    live,
    store,
    logger,
    cooldownSeconds: env.COMMAND_COOLDOWN_SECONDS,
    cooldownUses: env.COMMAND_COOLDOWN_USES,
  });
  const replies = interactionRest(env.DISCORD_API_URL || undefined);
  replies.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
  let closing: Promise<void> | undefined;
  return {
    holder,
    live,
    store,
    handler,
    replies,
    close() {
      closing ??= (async () => {
        await live?.close();
        store.close();
      })();
      return closing;
    },
  };
}
