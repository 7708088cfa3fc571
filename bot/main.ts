import { commands } from '../commands/index.ts';
import { startBot } from './client.ts';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the gateway bot. */

/** Time the replies in flight get to finish at shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

try {
  let stop: (why: { signal: string } | { reason: string }, status: number) => void = () => undefined;
  const bot = await startBot(env, {
    commands,
    logger,
    // The gateway will not take the bot back: say why, finish what is in flight, exit non-zero.
    onFatal: (err) => {
      process.stderr.write(`Stopped: ${err.message}\n`);
      stop({ reason: 'gateway closed' }, 1);
    },
  });
  let stopping = false;
  stop = (why, status) => {
    if (stopping) return;
    stopping = true;
    logger.info({ ...why, inFlight: bot.handler.inFlight }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    void bot.shutdown().then(() => process.exit(status));
  };
  process.on('SIGINT', () => stop({ signal: 'SIGINT' }, 0));
  process.on('SIGTERM', () => stop({ signal: 'SIGTERM' }, 0));
} catch (err) {
  const code = (err as { code?: unknown }).code;
  logger.fatal({ err: { message: (err as Error).message, code } }, 'could not start');
  process.stderr.write(`Could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
