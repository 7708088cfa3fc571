import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../bot/env.ts';
import { ROOT } from '../core/helpers.ts';
import { APP_ID, GUILD_ID, TOKEN } from './emulator.ts';
import { processSuite, startProgram, until } from './processes.ts';

/** `npm start` and `npm run deploy` as a server admin runs them: real processes, environment only. */

const suite = processSuite('newsdesk-bot-');
const run = (script: string, env: Record<string, string>) => startProgram(script, { cwd: suite.cwd, env });

describe('configuration', () => {
  it('a missing or malformed variable stops the program with one line naming it', { timeout: 60_000 }, async () => {
    const missing = run('bot/main.ts', {});
    expect(await missing.exit).toBe(1);
    expect(missing.err().trim(), missing.err() + missing.out()).toBe(
      'Configuration error: DISCORD_TOKEN is required (see .env.example)',
    );

    const bad = run('bot/main.ts', { DISCORD_TOKEN: 'x', DISCORD_API_URL: 'not a url' });
    expect(await bad.exit).toBe(1);
    expect(bad.err().trim().split('\n')).toHaveLength(1);
    expect(bad.err()).toMatch(/^Configuration error: DISCORD_API_URL /);
  });

  it('parses every variable; blank optional ones count as unset', () => {
    const env = parseEnv({
      DISCORD_TOKEN: 't',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
      COMMAND_COOLDOWN_SECONDS: '5',
    });
    expect(env).toMatchObject({
      DISCORD_GUILD_ID: undefined,
      KNOWLEDGE_DIR: 'knowledge',
      LOG_LEVEL: 'info',
      COMMAND_COOLDOWN_SECONDS: 5,
      COMMAND_COOLDOWN_USES: 30,
    });
    expect(() => parseEnv({ DISCORD_TOKEN: 't', LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of/);
    expect(() => parseEnv({ DISCORD_TOKEN: 't', DISCORD_GUILD_ID: 'abc' })).toThrow(
      /^DISCORD_GUILD_ID must be a Discord id/,
    );
    expect(parseEnv({ DISCORD_TOKEN: 't', LOG_LEVEL: 'WARN', DISCORD_APPLICATION_ID: '1' })).toMatchObject({
      LOG_LEVEL: 'warn',
      DISCORD_APPLICATION_ID: '1',
    });
  });
});

describe('npm run deploy and npm start, as processes', () => {
  it(
    'deploys, starts, answers /ask, and stops cleanly on SIGTERM; the environment wins over .env',
    { timeout: 90_000 },
    async () => {
      const { emu, cwd } = suite;
      // .env holds wrong values for the variables that the environment also sets.
      fs.writeFileSync(
        path.join(cwd, '.env'),
        `DISCORD_TOKEN=wrong-token\nDISCORD_API_URL=http://127.0.0.1:9/api\nLOG_LEVEL=info\nDISCORD_GUILD_ID=${GUILD_ID}\n`,
      );
      const env = {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        DISCORD_APPLICATION_ID: APP_ID,
        KNOWLEDGE_DIR: path.join(cwd, 'knowledge'),
      };
      fs.cpSync(path.join(ROOT, 'knowledge'), env.KNOWLEDGE_DIR, { recursive: true });

      const deploy = run('bot/deploy.ts', env);
      expect(await deploy.exit).toBe(0);
      expect(deploy.out()).toContain(`Slash commands (guild ${GUILD_ID}):`);
      expect(deploy.out()).toContain('+ ask (new)');
      expect(emu.registered.get(GUILD_ID)!.map((c) => c.name)).toContain('ask');

      const t0 = Date.now();
      const bot = run('bot/main.ts', env);
      await until(() => bot.out().includes('"msg":"ready"'), 45_000, 'ready', bot.dump);
      const startMs = Date.now() - t0;
      const ready = JSON.parse(
        bot
          .out()
          .split('\n')
          .find((l) => l.includes('"msg":"ready"'))!,
      );
      console.log(`npm start → ready: ${startMs} ms wall clock (readyMs ${ready.readyMs} in-process)`);

      const i = emu.slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' });
      const final = await i.final();
      expect(final.body.content).toContain('[1]');
      expect(final.body.allowed_mentions).toEqual({ parse: [] });

      // An article dropped into the folder is answered within seconds, with no restart (the worker runs under tsx).
      const dropped = Date.now();
      fs.writeFileSync(
        path.join(env.KNOWLEDGE_DIR, 'otters.md'),
        '---\ntitle: Otters return\npublished: 2026-03-02\n---\n\nA family of otters was filmed near Guildford in February.\n',
      );
      let otters = '';
      while (!otters.includes('Guildford') && Date.now() - dropped < 10_000) {
        await new Promise((r) => setTimeout(r, 200));
        otters = (await emu.slash('ask', { question: 'Where were the otters filmed?' }).final()).body.content;
      }
      expect(otters, bot.out()).toContain('Guildford');
      console.log(`npm start: a new article answered ${Date.now() - dropped} ms after it was written`);
      expect(fs.existsSync(path.join(cwd, 'data', 'newsdesk.sqlite'))).toBe(true);

      bot.child.kill('SIGTERM');
      expect(await bot.exit).toBe(0);
      expect(bot.out()).toContain('"msg":"stopped"');
      expect(bot.out() + bot.err()).not.toContain(TOKEN);
      const handled = JSON.parse(
        bot
          .out()
          .split('\n')
          .find((l) => l.includes('"msg":"command"'))!,
      );
      console.log(`/ask handler time: ${handled.handlerMs} ms`);
    },
  );
});

describe('npm start when the gateway closes', () => {
  const env = () => ({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: suite.emu.apiUrl,
    KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'),
  });

  it.each([
    [4014, /4014.*intents/i],
    [4011, /4011.*shard/i],
  ])(
    'a fatal close %i while logging in exits non-zero with one line naming the code and what to do',
    { timeout: 60_000 },
    async (code, line) => {
      suite.emu.closeOnIdentify = code;
      const bot = run('bot/main.ts', env());
      const status = await bot.exit;
      expect(status, bot.out() + bot.err()).toBe(1);
      expect(bot.err().trim().split('\n'), bot.err()).toHaveLength(1);
      expect(bot.err()).toMatch(line);
      expect(bot.out()).toMatch(new RegExp(`"level":60.*"code":${code}`));
      expect(bot.out() + bot.err()).not.toContain(TOKEN);
    },
  );

  it('a fatal close after ready (the token was reset) exits non-zero with the line', { timeout: 60_000 }, async () => {
    const bot = run('bot/main.ts', env());
    await until(() => bot.out().includes('"msg":"ready"'), 45_000, 'ready', bot.dump);
    suite.emu.closeGateway(4004, 'Authentication failed.');
    expect(await bot.exit, bot.out() + bot.err()).toBe(1);
    expect(bot.err().trim().split('\n')).toHaveLength(1);
    expect(bot.err()).toMatch(/4004.*DISCORD_TOKEN/);
  });
});
