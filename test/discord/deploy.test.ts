import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands, formatDeploy } from '../../bot/deploy.ts';
import { commands } from '../../commands/index.ts';
import { APP_ID, DiscordEmulator, GUILD_ID, TOKEN } from './emulator.ts';

let emu: DiscordEmulator;
let rest: REST;
beforeAll(async () => {
  emu = await DiscordEmulator.start();
  rest = new REST({ api: emu.apiUrl }).setToken(TOKEN);
});
afterAll(async () => {
  await emu?.close();
});

const definitions = () => commands.map((c) => structuredClone(c.definition));

describe('npm run deploy', () => {
  it('registers every command in the guild, then reports nothing changed and sends nothing', async () => {
    const first = await deployCommands({ rest, applicationId: APP_ID, guildId: GUILD_ID, definitions: definitions() });
    expect(first).toMatchObject({
      scope: `guild ${GUILD_ID}`,
      added: commands.map((c) => c.definition.name),
      written: true,
    });
    const put = emu.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(definitions())));

    const puts = emu.requests.filter((r) => r.method === 'PUT').length;
    const second = await deployCommands({ rest, applicationId: APP_ID, guildId: GUILD_ID, definitions: definitions() });
    expect(second).toMatchObject({ added: [], changed: [], removed: [], written: false });
    expect(second.unchanged.sort()).toEqual(commands.map((c) => c.definition.name).sort());
    expect(emu.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
    expect(formatDeploy(second)).toContain('Nothing changed');
  });

  it('prints what changed and what was removed', async () => {
    const defs = definitions().filter((d) => d.name !== 'help');
    defs.find((d) => d.name === 'ask')!.description = 'A new description';
    const r = await deployCommands({ rest, applicationId: APP_ID, guildId: GUILD_ID, definitions: defs });
    expect(r.changed).toEqual([{ name: 'ask', keys: ['description'] }]);
    expect(r.removed).toEqual(['help']);
    const text = formatDeploy(r);
    expect(text).toContain('~ ask (changed: description)');
    expect(text).toContain('- help (removed)');
  });

  it('registers globally without a guild id; a dry run sends nothing', async () => {
    const dry = await deployCommands({ rest, applicationId: APP_ID, definitions: definitions(), dryRun: true });
    expect(dry).toMatchObject({ scope: 'global', written: false });
    expect(emu.registered.get('global') ?? []).toEqual([]);
    const r = await deployCommands({ rest, applicationId: APP_ID, definitions: definitions() });
    expect(r.written).toBe(true);
    expect(emu.requests.at(-1)!.path).toBe(`/applications/${APP_ID}/commands`);
    expect(
      emu.registered
        .get('global')!
        .map((c) => c.name)
        .sort(),
    ).toEqual(commands.map((c) => c.definition.name).sort());
  });

  it('the /ask definition: string question with autocomplete, optional private boolean', () => {
    const ask = commands.find((c) => c.definition.name === 'ask')!.definition;
    expect(ask.options).toEqual([
      expect.objectContaining({ type: 3, name: 'question', required: true, autocomplete: true }),
      expect.objectContaining({ type: 5, name: 'private' }),
    ]);
    for (const c of commands) {
      expect(c.definition.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(c.definition.description.length).toBeLessThanOrEqual(100);
    }
  });
});
