import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST } from '@discordjs/rest';
import { Routes, ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Env } from './env.ts';
import { REBUILD_TIMEOUT_MS, type ReloadReason, type ReloadReport } from './knowledge/live.ts';

/**
 * `npm start -- --shards auto|N`: the gateway bot under discord.js's `ShardingManager`, one
 * process per shard, each running `bot/main.ts` as the single bot does. The manager loads the
 * knowledge first, which writes the index cache; every shard then loads that same file
 * read-only (a cache hit, logged as `cacheHit`), so N shards do not mean N index builds.
 * Likewise for live reloads: the manager alone watches the knowledge folder and rebuilds; then it
 * sends every shard `KNOWLEDGE_RELOAD`, and each shard reloads from the cache files just written.
 * A reload asked in a shard (`/knowledge reload`, an upload) goes to the manager the same way
 * (`REBUILD_REQUEST`), so every shard reloads, and the asking shard replies with the manager's report.
 */

/** The manager's message to a shard: the knowledge was rebuilt, reload it (from the caches). */
export const KNOWLEDGE_RELOAD = { newsdesk: 'knowledge-reload' } as const;

export function isKnowledgeReload(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { newsdesk?: unknown }).newsdesk === KNOWLEDGE_RELOAD.newsdesk;
}

/** A shard's request to the manager: rebuild now (`reason`), answer with the report under the same `id`. */
const RebuildRequestSchema = z.object({
  newsdesk: z.literal('knowledge-rebuild'),
  id: z.number().int(),
  reason: z.enum(['command', 'upload']),
});
/** The manager's answer, sent after it has told every shard to reload. */
const RebuildAnswerSchema = z.object({
  newsdesk: z.literal('knowledge-rebuilt'),
  id: z.number().int(),
  report: z.custom<ReloadReport>((r) => typeof r === 'object' && r !== null && 'ok' in r),
});

/**
 * In a shard: reloads asked here go to the manager (set it as `LiveKnowledge.reloadVia`); feed every
 * message from the manager to `onMessage`. A manager that does not answer within the rebuild timeout is an error.
 */
export function reloadThroughManager(send: (message: unknown) => void): {
  reload: (reason: ReloadReason) => Promise<ReloadReport>;
  onMessage: (message: unknown) => void;
} {
  let nextId = 1;
  const waiting = new Map<number, (report: ReloadReport) => void>();
  return {
    reload: (reason) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the shard manager did not answer'));
        }, REBUILD_TIMEOUT_MS + 10_000);
        waiting.set(id, (report) => {
          clearTimeout(timer);
          resolve(report);
        });
        send({ newsdesk: 'knowledge-rebuild', id, reason });
      }),
    onMessage: (message) => {
      const answer = RebuildAnswerSchema.safeParse(message);
      if (!answer.success) return;
      waiting.get(answer.data.id)?.(answer.data.report);
      waiting.delete(answer.data.id);
    },
  };
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
    /** Runs a reload a shard asked for; resolves with its report (after every shard was told to reload). */
    reload: (reason: ReloadReason) => Promise<ReloadReport>;
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
    shard.on('message', (message: unknown) => {
      const request = RebuildRequestSchema.safeParse(message);
      if (!request.success) return;
      const { id, reason } = request.data;
      o.logger.info({ shard: shard.id, reason }, 'reload asked by a shard');
      void o
        .reload(reason)
        .then((report) => shard.send({ newsdesk: 'knowledge-rebuilt', id, report }))
        .catch((err: unknown) => o.logger.warn({ err, shard: shard.id }, 'reload answer not sent'));
    });
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
