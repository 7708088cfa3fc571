import { commands } from '../commands/index.ts';
import { startBot } from './client.ts';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the gateway bot. */
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

try {
  const bot = await startBot(env, { commands, logger });
  let signalled = false;
  const stop = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal, inFlight: bot.handler.inFlight }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void bot.shutdown().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  const code = (err as { code?: unknown }).code;
  logger.fatal({ err: { message: (err as Error).message, code } }, 'could not start');
  process.stderr.write(`Could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
