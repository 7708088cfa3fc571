import path from 'node:path';
import { commands } from '../commands/index.ts';
import { createEngine } from '../src/engine.ts';
import { loadEnv, ServeEnvSchema } from './env.ts';
import { createHandler } from './handler.ts';
import { SHUTDOWN_GRACE_MS, startInteractionsServer } from './http/server.ts';
import { createLogger } from './logger.ts';
import { interactionRest } from './responder.ts';

/**
 * `npm run serve`: the HTTP interactions endpoint. The same commands and replies as the gateway
 * bot (`npm start`), for hosts behind a load balancer or serverless: no gateway connection.
 */
const env = loadEnv(ServeEnvSchema);
const logger = createLogger(env.LOG_LEVEL).child({ transport: 'http' });

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

try {
  const t0 = performance.now();
  const engine = createEngine({ knowledgeDir: path.resolve(env.KNOWLEDGE_DIR), cacheDir: '.cache' });
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
  // Follow-ups use the interaction token alone, outside the bot token's global rate limit.
  const rest = interactionRest(env.DISCORD_API_URL || undefined);
  rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
  const handler = createHandler({
    commands,
    engine,
    logger,
    cooldownSeconds: env.COMMAND_COOLDOWN_SECONDS,
    cooldownUses: env.COMMAND_COOLDOWN_USES,
  });
  const server = await startInteractionsServer({
    publicKey: env.DISCORD_PUBLIC_KEY,
    host: env.INTERACTIONS_HOST,
    port: env.INTERACTIONS_PORT,
    maxBodyBytes: env.INTERACTIONS_MAX_BODY_BYTES,
    handler,
    rest,
    logger,
    health: () => ({ articles: engine.knowledge.articles.length, passages: engine.index.passages.length }),
  });
  let signalled = false;
  const stop = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal, inFlight: handler.inFlight }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  const code = (err as { code?: unknown }).code;
  logger.fatal({ err: { message: (err as Error).message, code } }, 'could not start');
  process.stderr.write(`Could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
