import { commands } from '../commands/index.ts';
import { loadEnv, ServeEnvSchema } from './env.ts';
import { SHUTDOWN_GRACE_MS, startInteractionsServer } from './http/server.ts';
import { createLogger } from './logger.ts';
import { openRuntime } from './runtime.ts';

/**
 * `npm run serve`: the HTTP interactions endpoint. The same commands and replies as the gateway
 * bot (`npm start`), for hosts behind a load balancer or serverless: no gateway connection.
 * It holds the same runtime as the gateway bot: the knowledge folder watched and rebuilt while it
 * runs, and the moderators' database in `DATA_DIR` (bot/runtime.ts).
 */
const env = loadEnv(ServeEnvSchema);
const logger = createLogger(env.LOG_LEVEL).child({ transport: 'http' });

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

try {
  const runtime = openRuntime({ env, commands, logger });
  const { holder, live, handler } = runtime;
  const server = await startInteractionsServer({
    publicKey: env.DISCORD_PUBLIC_KEY,
    host: env.INTERACTIONS_HOST,
    port: env.INTERACTIONS_PORT,
    maxBodyBytes: env.INTERACTIONS_MAX_BODY_BYTES,
    handler,
    rest: runtime.replies,
    logger,
    health: () => ({
      articles: holder.current.knowledge.articles.length,
      passages: holder.current.index.passages.length,
    }),
  });
  let signalled = false;
  const stop = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal, inFlight: handler.inFlight }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      await live?.close(); // no rebuild starts or finishes while the last replies go out
      await server.close();
      await runtime.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  const code = (err as { code?: unknown }).code;
  logger.fatal({ err: { message: (err as Error).message, code } }, 'could not start');
  process.stderr.write(`Could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
