import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import type { Engine } from '../src/engine.ts';
import type { FeedbackStore } from '../src/moderation/store.ts';
import type { Command } from './command.ts';
import type { Env } from './env.ts';
import { GatewayClosedError, isFatalClose } from './gateway.ts';
import type { InteractionHandler } from './handler.ts';
import { RawInteractionSchema } from './interaction.ts';
import { createLogger } from './logger.ts';
import { NO_MENTIONS } from './replies/respond.ts';
import { refOf, restResponder } from './responder.ts';
import { openRuntime } from './runtime.ts';
import type { LiveKnowledge } from './knowledge/live.ts';

export interface Bot {
  client: Client<true>;
  /** The engine answering now (a live reload replaces it). */
  readonly engine: Engine;
  /** The watched knowledge folder; null when started with a fixed engine. */
  live: LiveKnowledge | null;
  store: FeedbackStore;
  handler: InteractionHandler;
  logger: Logger;
  /** Milliseconds from `startBot` to the client's ready event. */
  readyMs: number;
  /** Stops taking interactions, finishes the replies in flight, disconnects. */
  shutdown(): Promise<void>;
}

export interface StartOptions {
  commands: readonly Command[];
  logger?: Logger;
  /** Engine to reuse (tests); otherwise loaded once from KNOWLEDGE_DIR. */
  engine?: Engine;
  /** Index cache folder; null disables it (a live reload then uses a private temporary folder). */
  cacheDir?: string | null;
  /**
   * Called when the gateway closes for good after the bot was ready (a reset token, say). Before
   * ready, `startBot` rejects with the same `GatewayClosedError` instead.
   */
  onFatal?: (err: GatewayClosedError) => void;
  /** Watch the knowledge folder for changes (default true; a shard leaves it to its manager). */
  watch?: boolean;
}

/** What `npm start` runs: loads the knowledge once, logs in with the Guilds intent only. */
export async function startBot(env: Env, o: StartOptions): Promise<Bot> {
  const t0 = performance.now();
  const logger = o.logger ?? createLogger(env.LOG_LEVEL);
  const runtime = openRuntime({
    env,
    commands: o.commands,
    logger,
    engine: o.engine,
    cacheDir: o.cacheDir,
    watch: o.watch,
  });
  const { holder, live, store, handler, replies } = runtime;

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL } } : {}),
  });
  // The raw payload, not discord.js's Interaction object: the same pipeline serves the HTTP
  // endpoint, where there is no client. Replies go out through the runtime's REST manager.
  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    const parsed = RawInteractionSchema.safeParse(packet.d);
    if (!parsed.success)
      return logger.warn({ issue: parsed.error.issues[0]?.message }, 'malformed interaction dropped');
    void handler.handle(parsed.data, restResponder(replies, refOf(parsed.data)));
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  // Gateway life: every disconnect, reconnect and resume at info; a close Discord will not take
  // back (bad token, disallowed intents, sharding required) ends the bot with a reason.
  let fatal: GatewayClosedError | undefined;
  let isReady = false;
  let failBeforeReady: (err: GatewayClosedError) => void = () => undefined;
  // discord.js emits shardDisconnect only for a close it will not recover from.
  client.on(Events.ShardDisconnect, (event, shard) => {
    fatal ??= new GatewayClosedError(event.code);
    logger.fatal({ shard, code: event.code }, fatal.message);
    if (isReady) o.onFatal?.(fatal);
    else failBeforeReady(fatal);
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'gateway session ready'));
  client.on(Events.ShardError, (err, shard) => logger.warn({ err, shard }, 'gateway error'));

  const ready = new Promise<Client<true>>((resolve, reject) => {
    client.once(Events.ClientReady, resolve);
    failBeforeReady = reject;
  });
  ready.catch(() => undefined); // handled below, whichever of login and ready fails first
  try {
    await client.login(env.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await client.destroy();
    await runtime.close();
    throw fatal ?? err;
  }
  isReady = true;
  const readyClient = await ready;
  // A resumable close: each shard says so with its code (discord.js then resumes or reconnects).
  for (const shard of readyClient.ws.shards.values())
    shard.on('close', (event: { code: number }) => {
      if (!isFatalClose(event.code)) logger.info({ shard: shard.id, code: event.code }, 'gateway disconnected');
    });
  const readyMs = Math.round(performance.now() - t0);
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, readyMs }, 'ready');

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    get engine() {
      return holder.current;
    },
    live,
    store,
    handler,
    logger,
    readyMs,
    shutdown() {
      stopping ??= (async () => {
        const pending = handler.inFlight;
        await live?.close(); // no rebuild starts or finishes while the last replies go out
        await handler.drain();
        await client.destroy();
        await runtime.close();
        logger.info({ finished: pending }, 'stopped');
      })();
      return stopping;
    },
  };
}
