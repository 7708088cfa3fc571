import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, ROOT, tempKnowledge } from '../core/helpers.ts';
import { processSuite, startProgram, stopTree, until } from './processes.ts';
import { ShardsSchema } from '../../bot/shards.ts';
import {
  APP_ID,
  DiscordEmulator,
  GUILD_ID,
  GUILD_ID_2,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  TOKEN,
  type SentInteraction,
} from './emulator.ts';

/**
 * `npm start -- --shards 2` as a real process tree: the ShardingManager and two shard
 * processes against the emulator. Each shard IDENTIFYs with [i, 2], loads the index the manager
 * built (a cache hit), answers the interactions of its own guild, and survives Discord's
 * faults (429, 502, a resumable close, an expired token).
 */

const ASK = 'How many documents did Azerbaijan sign in 2025?';
const suite = processSuite('newsdesk-shards-');

describe('--shards', () => {
  it('takes auto or a whole number of at least 1', () => {
    expect(ShardsSchema.parse('auto')).toBe('auto');
    expect(ShardsSchema.parse('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two', '', '2000'])
      expect(ShardsSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('npm start -- --shards auto (Discord recommends 2)', () => {
  it(
    'two shards IDENTIFY as [0, 2] and [1, 2], share one index build, both answer, and survive faults',
    { timeout: 120_000 },
    async () => {
      // `auto` asks GET /gateway/bot, as with Discord; the emulator recommends 2.
      const { emu } = suite;
      emu.recommendedShards = 2;
      const { child, exit, dump, logs } = startProgram('bot/main.ts', {
        cwd: suite.cwd,
        args: ['--shards', 'auto'],
        env: {
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: emu.apiUrl,
          DISCORD_APPLICATION_ID: APP_ID,
          KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'),
          LOG_LEVEL: 'info',
        },
      });
      try {
        await until(() => logs().filter((l) => l.msg === 'ready').length === 2, 90_000, 'two ready shards', dump);

        // Each shard identified with its own [id, count], and logs its id.
        expect(emu.identifyShards.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
        expect(
          logs()
            .filter((l) => l.msg === 'ready')
            .map((l) => l.shard)
            .sort(),
        ).toEqual([0, 1]);
        // One index build (the manager's); both shards loaded that file.
        expect(logs().find((l) => l.msg === 'index ready for the shards')).toMatchObject({ cacheHit: false });
        expect(logs().find((l) => l.msg === 'starting shards')).toMatchObject({ shards: 2 });
        const loaded = logs().filter((l) => l.msg === 'knowledge loaded');
        expect(loaded.map((l) => [l.shard, l.cacheHit]).sort()).toEqual([
          [0, true],
          [1, true],
        ]);

        // Both answer: the interaction goes to the shard of its guild.
        const ask = (guildId: string) => emu.slash('ask', { question: ASK }, { guildId });
        const answered = async (i: SentInteraction) => {
          const edit = await i.waitFor((r) => r.method === 'PATCH' && r.status === 200, 10_000);
          await new Promise((r) => setTimeout(r, 150));
          expect(edit.body.content).toContain('191 bilateral');
          expect(i.requests.filter((r) => r.method === 'PATCH' && r.status === 200)).toHaveLength(1);
          return i;
        };
        const shardOf = (i: SentInteraction) =>
          logs().find((l) => l.msg === 'command' && l.interaction === i.id)?.shard as number | undefined;
        const a = await answered(ask(GUILD_ID));
        const b = await answered(ask(GUILD_ID_2));
        await until(() => shardOf(a) !== undefined && shardOf(b) !== undefined, 5_000, 'command logs', dump);
        expect(new Set([shardOf(a), shardOf(b)])).toEqual(new Set([0, 1]));

        // 429 with retry_after on one shard's defer, a 502 on the other's edit: each reply once.
        emu.failNext({
          method: 'POST',
          path: '/callback',
          status: 429,
          code: 0,
          message: 'slow down',
          retryAfter: 0.2,
        });
        const c = await answered(ask(GUILD_ID));
        expect(c.callbacks.map((r) => r.status)).toEqual([429, 204]);
        emu.failNext({ method: 'PATCH', path: '/messages/@original', status: 502, code: 0, message: 'Bad Gateway' });
        const d = await answered(ask(GUILD_ID_2));
        expect(d.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([502, 200]);

        // A resumable close on both shards: both RESUME (no new IDENTIFY) and answer again.
        const identifies = emu.identifies;
        emu.closeGateway(4000);
        await until(() => emu.resumes === 2, 15_000, 'two RESUMEs', dump);
        expect(emu.identifies).toBe(identifies);
        await answered(ask(GUILD_ID));
        await answered(ask(GUILD_ID_2));

        // An expired token on the edit: logged and dropped; the shard stays up and answers.
        emu.failNext({
          method: 'PATCH',
          path: '/messages/@original',
          status: 404,
          code: 10015,
          message: 'Unknown Webhook',
        });
        const e = ask(GUILD_ID_2);
        await e.waitFor((r) => r.method === 'PATCH');
        await until(
          () => logs().some((l) => l.msg === 'expected Discord error, ignored' && l.interaction === e.id),
          5_000,
          'the 10015 log line',
          dump,
        );
        expect(logs().find((l) => l.interaction === e.id && l.msg === 'expected Discord error, ignored')).toMatchObject(
          {
            code: 10015,
          },
        );
        await answered(ask(GUILD_ID_2));

        child.kill('SIGTERM');
        expect(await exit).toBe(0);
        expect(logs().filter((l) => l.msg === 'stopped' && l.shard !== undefined)).toHaveLength(2);
        expect(dump()).not.toContain(TOKEN);
      } finally {
        await stopTree(child);
      }
    },
  );
});

describe('a shard that cannot start', () => {
  it(
    'stops the manager with status 1 and one line, instead of respawning it forever',
    { timeout: 90_000 },
    async () => {
      const own = await DiscordEmulator.start();
      own.closeEveryIdentify = 4014; // disallowed intents: Discord will not take the bot back
      const { child, exit, dump, err } = startProgram('bot/main.ts', {
        cwd: suite.cwd,
        args: ['--shards', '2'],
        env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: own.apiUrl, KNOWLEDGE_DIR: path.join(ROOT, 'knowledge') },
      });
      try {
        expect(await exit, dump()).toBe(1);
        expect(err()).toMatch(/^Stopped: shard \d exited \(status 1\) before it was ready/m);
        // At most one respawn of that shard happened before the manager stopped.
        expect(own.identifies).toBeLessThanOrEqual(4);
      } finally {
        await stopTree(child);
        await own.close();
      }
    },
  );
});

describe('live knowledge under the manager', () => {
  it(
    'the manager alone watches: a new article is rebuilt once, then every shard reloads and answers from it',
    { timeout: 150_000 },
    async () => {
      const own = await DiscordEmulator.start();
      own.recommendedShards = 2;
      const knowledgeDir = tempKnowledge({}, true);
      const { child, exit, dump, logs } = startProgram('bot/main.ts', {
        cwd: suite.cwd,
        args: ['--shards', '2'],
        env: {
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: own.apiUrl,
          DISCORD_APPLICATION_ID: APP_ID,
          KNOWLEDGE_DIR: knowledgeDir,
          LOG_LEVEL: 'info',
        },
      });
      const reloads = () => logs().filter((l) => l.msg === 'knowledge reloaded');
      try {
        await until(() => logs().filter((l) => l.msg === 'ready').length === 2, 90_000, 'two ready shards', dump);
        fs.writeFileSync(
          path.join(knowledgeDir, 'kingfishers.md'),
          article(
            'Kingfishers by the weir',
            '2026-05-01',
            'A pair of kingfishers has been seen by the weir at Thames Ditton every morning this week.',
          ),
        );
        // The manager's watcher rebuilds; then each shard reloads from the files it wrote.
        await until(() => reloads().filter((l) => l.shard !== undefined).length >= 2, 60_000, 'shard reloads', dump);
        const manager = reloads().filter((l) => l.shard === undefined);
        expect(manager).toHaveLength(1);
        expect(manager[0]).toMatchObject({ reason: 'watch', added: ['kingfishers.md'], indexCacheHit: false });
        // Each shard reloaded because the manager told it to, never from a watcher of its own.
        await new Promise((r) => setTimeout(r, 1_000));
        const shardReloads = reloads().filter((l) => l.shard !== undefined);
        // …and loaded the index the manager had just built (one index build for the reload, not three).
        expect(shardReloads.map((l) => [l.shard, l.reason, l.added, l.indexCacheHit]).sort()).toEqual([
          [0, 'manager', ['kingfishers.md'], true],
          [1, 'manager', ['kingfishers.md'], true],
        ]);
        for (const guildId of [GUILD_ID, GUILD_ID_2]) {
          const i = own.slash('ask', { question: 'Where were the kingfishers seen?' }, { guildId });
          const edit = await i.waitFor((r) => r.method === 'PATCH' && r.status === 200, 10_000);
          expect(edit.body.content).toContain('Thames Ditton');
        }

        // /knowledge reload asked in one shard: the manager rebuilds once, then every shard reloads, not only that one.
        const before = reloads().length;
        const moderator = { guildId: GUILD_ID_2, permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES) };
        const asked = own.subcommand('knowledge', 'reload', [], moderator);
        const reply = await asked.waitFor((r) => r.method === 'PATCH' && r.status === 200, 60_000);
        expect(reply.body.content).toMatch(/^\*\*Reloaded\*\* in \d+ ms: \d+ articles/);
        await until(() => reloads().length >= before + 3, 30_000, 'the reloads after /knowledge reload', dump);
        await new Promise((r) => setTimeout(r, 1_000));
        const after = reloads().slice(before);
        expect(after.filter((l) => l.shard === undefined).map((l) => l.reason)).toEqual(['command']);
        expect(after.filter((l) => l.shard !== undefined).map((l) => [l.shard, l.reason])).toEqual(
          expect.arrayContaining([
            [0, 'manager'],
            [1, 'manager'],
          ]),
        );
        expect(after).toHaveLength(3);
        child.kill('SIGTERM');
        expect(await exit).toBe(0);
      } finally {
        await stopTree(child);
        await own.close();
        fs.rmSync(knowledgeDir, { recursive: true, force: true });
      }
    },
  );
});
