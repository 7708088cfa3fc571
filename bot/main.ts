import { parseArgs } from 'node:util';
import { commands } from '../commands/index.ts';
import { startBot } from './client.ts';
import { loadEnv } from './env.ts';
import { LiveKnowledge } from './knowledge/live.ts';
import { createLogger } from './logger.ts';
import { isKnowledgeReload, KNOWLEDGE_RELOAD, reloadThroughManager, ShardsSchema, startShards } from './shards.ts';

/**
 * `npm start`: the gateway bot. `npm start -- --shards auto|N` runs it under discord.js's
 * ShardingManager instead (bot/shards.ts), which starts this same file once per shard.
 */
const env = loadEnv();

/** Set by the ShardingManager in a shard's process: the shard id it runs ("1"), or a list ("[0,1]"). */
const shard = process.env.SHARDS ? (JSON.parse(process.env.SHARDS) as number | number[]) : undefined;
const base = createLogger(env.LOG_LEVEL);
const logger = shard === undefined ? base : base.child({ shard });
/** Started by the ShardingManager (not a machine's own `SHARDS` list): the manager watches the knowledge. */
const managed = shard !== undefined && process.env.SHARDING_MANAGER === 'true' && typeof process.send === 'function';

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

let args;
try {
  args = parseArgs({ args: process.argv.slice(2), options: { shards: { type: 'string' } }, strict: true }).values;
} catch (err) {
  process.stderr.write(`npm start: ${(err as Error).message.split('\n')[0]}\n`);
  process.exit(2);
}
const shards = args.shards === undefined ? undefined : ShardsSchema.safeParse(args.shards);
if (shards && !shards.success) {
  process.stderr.write(`npm start: --shards must be auto or a whole number of at least 1\n`);
  process.exit(2);
}

/** Replies in flight get this long to finish on SIGTERM; a shard manager waits for its shards' own. */
const SHUTDOWN_GRACE_MS = 10_000;
const MANAGER_GRACE_MS = 15_000;

/**
 * Stops once, on SIGINT/SIGTERM (exit 0) or when `fail` is called (exit 1, e.g. a fatal gateway
 * close); exits 1 anyway if stopping takes longer than `graceMs`.
 */
function onSignals(stop: () => Promise<void>, fields: () => Record<string, unknown>, graceMs: number) {
  let stopping = false;
  const handler = (why: { signal: string } | { reason: string }, status: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ ...why, ...fields() }, 'shutting down');
    setTimeout(() => process.exit(1), graceMs).unref();
    void stop().then(() => process.exit(status));
  };
  process.on('SIGINT', () => handler({ signal: 'SIGINT' }, 0));
  process.on('SIGTERM', () => handler({ signal: 'SIGTERM' }, 0));
  return { fail: (reason: string) => handler({ reason }, 1) };
}

try {
  if (shards?.success) {
    // The manager builds (or checks) the index cache once; each shard then loads it read-only.
    // The manager alone watches the knowledge folder: after each rebuild (which writes the new
    // cache files) it tells every shard to reload, and each shard then loads those files instead
    // of building the index again. Only the shards answer.
    const knowledge = new LiveKnowledge({ knowledgeDir: env.KNOWLEDGE_DIR, cacheDir: '.cache', logger });
    logger.info(
      { passages: knowledge.current.index.passages.length, cacheHit: knowledge.current.cache.hit },
      'index ready for the shards',
    );
    let fail: (reason: string) => void = () => undefined;
    const handle = await startShards(env, {
      shards: shards.data,
      logger,
      reload: (reason) => knowledge.reload(reason),
      onFatal: (reason) => {
        process.stderr.write(`Stopped: ${reason}.\n`);
        fail(reason);
      },
    });
    knowledge.onReload = () => {
      for (const s of handle.manager.shards.values())
        s.send(KNOWLEDGE_RELOAD).catch((err: unknown) => logger.warn({ err, shard: s.id }, 'reload not sent'));
    };
    ({ fail } = onSignals(
      async () => {
        await knowledge.close();
        await handle.stop();
        logger.info({ shards: handle.shards }, 'stopped');
      },
      () => ({ shards: handle.shards }),
      MANAGER_GRACE_MS,
    ));
  } else {
    let fail: (reason: string) => void = () => undefined;
    const bot = await startBot(env, {
      commands,
      logger,
      // The gateway will not take the bot back: say why, finish what is in flight, exit non-zero.
      onFatal: (err) => {
        process.stderr.write(`Stopped: ${err.message}\n`);
        fail('gateway closed');
      },
      watch: !managed,
    });
    if (managed) {
      // A reload asked here (/knowledge reload, an upload) is the manager's: every shard then reloads.
      const manager = reloadThroughManager((m) => process.send!(m));
      if (bot.live) bot.live.reloadVia = manager.reload;
      process.on('message', (m: unknown) => {
        if (isKnowledgeReload(m)) void bot.live?.reload('manager');
        else manager.onMessage(m);
      });
    }
    ({ fail } = onSignals(
      () => bot.shutdown(),
      () => ({ inFlight: bot.handler.inFlight }),
      SHUTDOWN_GRACE_MS,
    ));
  }
} catch (err) {
  const code = (err as { code?: unknown }).code;
  logger.fatal({ err: { message: (err as Error).message, code } }, 'could not start');
  process.stderr.write(`Could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
