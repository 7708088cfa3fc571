import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeline } from '../../commands/timeline.ts';
import { createEngine } from '../../src/engine.ts';
import { unixSeconds } from '../../src/timeline/dates.ts';
import {
  DiscordEmulator,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  buttonIds,
  messageOf,
  startTestBot,
  type TestBot,
} from './emulator.ts';

const MODERATOR = {
  permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES),
  userId: '400000000000000099',
  username: 'mod',
};
const EPHEMERAL = 64;

let emu: DiscordEmulator;
let bot: TestBot;

beforeAll(async () => {
  emu = await DiscordEmulator.start();
  bot = await startTestBot(emu, { engine: createEngine({ knowledgeDir: 'knowledge', cacheDir: null }) });
});

afterAll(async () => {
  await bot?.bot.shutdown();
  await emu?.close();
});

describe('/timeline definition', () => {
  it('is restricted to Manage Messages by default', () => {
    expect(timeline.definition.default_member_permissions).toBe(String(MANAGE_MESSAGES));
    expect(timeline.definition.options?.map((o) => o.name)).toEqual(['from', 'to', 'query', 'order']);
  });
});

describe('/timeline through the Discord API emulator', () => {
  it('refuses a plain member ephemerally, naming the permission', async () => {
    const i = emu.slash('timeline', {});
    const r = await i.final();
    const msg = messageOf(r);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.content).toMatch(/Manage Messages/);
    expect(msg.embeds ?? []).toEqual([]);
  });

  it('shows a moderator page 1 of the timeline, oldest first, cited, with Previous/Next', async () => {
    const i = emu.slash('timeline', {}, MODERATOR);
    const msg = messageOf(await i.final());
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    const [embed] = msg.embeds;
    expect(embed.footer.text).toMatch(/^Page 1 of 3 · 13 events$/);
    const d: string = embed.description;
    // Year and month dates are text (a timestamp would invent a day); each event cites its passage.
    expect(d.indexOf('**2016**')).toBeGreaterThanOrEqual(0);
    expect(d.indexOf('**2016**')).toBeLessThan(d.indexOf('**2022**'));
    expect(d).toContain('**December 2024**');
    expect(d).toContain('`azerbaijan-diplomacy-2025#p19`');
    expect(d).not.toContain('<t:');
    const [prev, next] = msg.components[0].components;
    expect(prev).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false });
    expect(next.custom_id).toMatch(/^timeline:pg:2\|/);
    expect(next.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('pages with Next: the page lives in the custom id, days render as <t:…:D>', async () => {
    const first = messageOf(await emu.slash('timeline', {}, MODERATOR).final());
    const next = buttonIds(first)[1]!;
    const press = emu.button(next, MODERATOR);
    const r = await press.final();
    const msg = messageOf(r);
    expect(msg.embeds[0].footer.text).toMatch(/^Page 2 of 3/);
    expect(msg.embeds[0].description).toContain(`<t:${unixSeconds('2025-08-08')}:D>`);
    expect(msg.embeds[0].description).toContain('**April 2025**');
    // It edits the message the button sits on rather than posting a new one.
    expect(press.callbacks.map((c) => c.body.type)).toContain(6);
    const ids = buttonIds(msg);
    expect(ids[0]).toMatch(/^timeline:pg:1\|/);
    expect(ids[1]).toMatch(/^timeline:pg:3\|/);

    const last = messageOf(await emu.button(ids[1]!, MODERATOR).final());
    expect(last.embeds[0].footer.text).toMatch(/^Page 3 of 3/);
    expect(last.embeds[0].description).toContain(
      `<t:${unixSeconds('2025-11-15')}:D> – <t:${unixSeconds('2025-11-16')}:D>`,
    );
    expect(last.embeds[0].description).toMatch(/\*\*2030\*\* · target/);
    expect(last.components[0].components[1]).toMatchObject({ label: 'Next', disabled: true });
  });

  it('refuses a plain member who presses a page button', async () => {
    const msg = messageOf(await emu.button('timeline:pg:2|o|||', {}).final());
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.content).toMatch(/Manage Messages/);
  });

  it('applies from, to, query and order, and keeps them across pages', async () => {
    const msg = messageOf(
      await emu.slash('timeline', { from: '2025-08', to: '2025', order: 'newest' }, MODERATOR).final(),
    );
    const d: string = msg.embeds[0].description;
    expect(msg.embeds[0].title).toMatch(/from 2025-08, to 2025, newest first/);
    expect(d.indexOf(`<t:${unixSeconds('2025-12-26')}:D>`)).toBeLessThan(
      d.indexOf(`<t:${unixSeconds('2025-08-08')}:D>`),
    );
    expect(d).not.toContain('2030');
    expect(msg.embeds[0].footer.text).toBe('Page 1 of 1 · 5 events'); // the four days, and the 2024–2025 chairmanship that overlaps;
    expect(msg.components ?? []).toEqual([]);

    const q = messageOf(await emu.slash('timeline', { query: 'plane crash' }, MODERATOR).final());
    expect(q.embeds[0].description).toContain('**December 2024**');
    expect(q.embeds[0].footer.text).toBe('Page 1 of 1 · 1 event');
  });

  it('names the option when from is not a date, ephemerally', async () => {
    const msg = messageOf(await emu.slash('timeline', { from: 'last tuesday' }, MODERATOR).final());
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.content).toMatch(/from: must be YYYY, YYYY-MM or YYYY-MM-DD/);
    const swapped = messageOf(await emu.slash('timeline', { from: '2026', to: '2020' }, MODERATOR).final());
    expect(swapped.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(swapped.content).toMatch(/from: is after to/);
  });

  it('says so when nothing matches', async () => {
    const msg = messageOf(await emu.slash('timeline', { query: 'volcano' }, MODERATOR).final());
    expect(msg.embeds[0].description).toBe('No events match these filters (the material holds 13).');
  });
});
