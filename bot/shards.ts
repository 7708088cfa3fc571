import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST } from '@discordjs/rest';
import { Routes, ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Env } from './env.ts';

/**
 * `npm start -- --shards auto|N`: the gateway bot under discord.js's `ShardingManager`, one
 * process per shard, each running `bot/main.ts` as the single bot does. The manager loads the
 * knowledge first, which writes the index cache; every shard then loads that same file
 * read-only (a cache hit, logged as `cacheHit`), so N shards do not mean N index builds.
 * Likewise for live reloads: the manager alone watches the knowledge folder and rebuilds; then it
 * sends every shard `KNOWLEDGE_RELOAD`, and each shard reloads from the cache files just written.
 */

/** The manager's message to a shard: the knowledge was rebuilt, reload it (from the caches). */
export const KNOWLEDGE_RELOAD = { newsdesk: 'knowledge-reload' } as const;

export function isKnowledgeReload(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { newsdesk?: unknown }).newsdesk === KNOWLEDGE_RELOAD.newsdesk;
}

/** `--shards auto` or a count. */
export const ShardsSchema = z.union([
  z.literal('auto'),
  z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1024, 'must be at most 1024'),
]);
export type Shards = z.infer<typeof ShardsSchema>;

/** Discord allows `max_concurrency` IDENTIFYs per 5 seconds; shards are started that far apart. */
const IDENTIFY_WINDOW_MS = 5_500;
/** A shard that has not stopped this long after SIGTERM is killed. */
const SHARD_STOP_MS = 12_000;
/**
 * A shard that dies this many times within CRASH_WINDOW_MS is in a crash loop: the manager
 * stops instead of respawning it again (each start costs one of Discord's daily IDENTIFYs).
 */
const CRASH_LIMIT = 3;
const CRASH_WINDOW_MS = 10 * 60_000;

interface GatewayBot {
  shards: number;
  session_start_limit: { max_concurrency: number };
}

export interface ShardManagerHandle {
  manager: ShardingManager;
  shards: number;
  stop(): Promise<void>;
}

export async function startShards(
  env: Env,
  o: {
    shards: Shards;
    logger: Logger;
    /**
     * A shard cannot go on: it exited before it was ever ready (a fatal gateway close, a broken
     * configuration), or it keeps crashing. The caller stops the other shards and exits non-zero.
     */
    onFatal: (reason: string) => void;
  },
): Promise<ShardManagerHandle> {
  const rest = new REST(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}).setToken(env.DISCORD_TOKEN);
  const gateway = (await rest.get(Routes.gatewayBot())) as GatewayBot;
  const shards = o.shards === 'auto' ? gateway.shards : o.shards;
  const delay = Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, gateway.session_start_limit.max_concurrency));
  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    totalShards: shards,
    token: env.DISCORD_TOKEN,
    mode: 'process',
    respawn: true,
    // Each shard runs TypeScript through tsx, resolved from here (not from the working folder).
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    o.logger.info({ shard: shard.id, of: shards }, 'shard launched');
    let wasReady = false;
    const deaths: number[] = [];
    shard.on('ready', () => (wasReady = true));
    shard.on('death', (child) => {
      const status = 'exitCode' in child ? child.exitCode : null;
      if (stopping) return;
      o.logger.warn({ shard: shard.id, status }, 'shard process exited');
      const t = Date.now();
      deaths.push(t);
      while (t - deaths[0]! > CRASH_WINDOW_MS) deaths.shift();
      const reason = !wasReady
        ? `shard ${shard.id} exited (status ${status}) before it was ready; its last log lines say why`
        : deaths.length >= CRASH_LIMIT
          ? `shard ${shard.id} exited ${deaths.length} times within ${CRASH_WINDOW_MS / 60_000} minutes`
          : null;
      // After discord.js has respawned it (right after this event), so that stopping finds that process too.
      if (reason) setImmediate(() => o.onFatal(reason));
    });
  });
  o.logger.info({ shards, delayMs: delay }, 'starting shards');
  await manager.spawn({ amount: shards, delay, timeout: -1 });

  return {
    manager,
    shards,
    async stop() {
      stopping = true;
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_MS);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
