import path from 'node:path';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { createEngine, type Engine } from '../src/engine.ts';
import type { Command } from './command.ts';
import type { Env } from './env.ts';
import { createHandler, type InteractionHandler } from './handler.ts';
import { createLogger } from './logger.ts';
import { NO_MENTIONS } from './replies/respond.ts';

export interface Bot {
  client: Client<true>;
  engine: Engine;
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
  /** Index cache folder; null disables it. */
  cacheDir?: string | null;
}

/** What `npm start` runs: loads the knowledge once, logs in with the Guilds intent only. */
export async function startBot(env: Env, o: StartOptions): Promise<Bot> {
  const t0 = performance.now();
  const logger = o.logger ?? createLogger(env.LOG_LEVEL);
  const engine =
    o.engine ??
    createEngine({
      knowledgeDir: path.resolve(env.KNOWLEDGE_DIR),
      cacheDir: o.cacheDir === undefined ? '.cache' : o.cacheDir,
    });
  for (const p of engine.knowledge.problems) logger.warn({ file: p.file }, `knowledge file skipped: ${p.message}`);
  logger.info(
    {
      articles: engine.knowledge.articles.length,
      passages: engine.index.passages.length,
      loadMs: Math.round(performance.now() - t0),
    },
    'knowledge loaded',
  );

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL } } : {}),
  });
  const handler = createHandler({
    commands: o.commands,
    engine,
    logger,
    cooldownSeconds: env.COMMAND_COOLDOWN_SECONDS,
    cooldownUses: env.COMMAND_COOLDOWN_USES,
  });
  client.on(Events.InteractionCreate, (interaction) => void handler.handle(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(env.DISCORD_TOKEN);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = await ready;
  const readyMs = Math.round(performance.now() - t0);
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, readyMs }, 'ready');

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    engine,
    handler,
    logger,
    readyMs,
    shutdown() {
      stopping ??= (async () => {
        const pending = handler.inFlight;
        await handler.drain();
        await client.destroy();
        logger.info({ finished: pending }, 'stopped');
      })();
      return stopping;
    },
  };
}
