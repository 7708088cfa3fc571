import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, buttonIds, messageOf, startTestBot, TOKEN, type TestBot } from './emulator.ts';

let emu: DiscordEmulator;
let tb: TestBot;
let nextUser = 410000000000000000n;
/** A fresh member per test, so the per-user cooldown never interferes. */
const member = () => ({ userId: String(nextUser++) });
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu);
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

describe('/ask', () => {
  it('defers publicly, then edits the reply with cited snippets, a Sources embed, fact cards and passage buttons', async () => {
    const i = emu.slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' }, member());
    const final = await i.final();
    const [defer, edit] = i.requests;
    expect(defer!.method).toBe('POST');
    expect(defer!.path).toBe(`/interactions/${i.id}/${i.token}/callback`);
    expect(defer!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit).toBe(final);
    expect(edit!.method).toBe('PATCH');
    expect(edit!.path).toMatch(new RegExp(`^/webhooks/\\d+/${i.token}/messages/@original$`));

    const body = edit!.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toContain('it signed **191 bilateral and multilateral documents** with 41 countries');
    expect(body.content).toMatch(/ \[1\]$/m);
    expect(body.content.length).toBeLessThanOrEqual(2000);

    const [sources, ...cards] = body.embeds;
    expect(sources.title).toBe('Sources');
    // The article once, with its publisher and date, then its cited sections with their [n], numbering stripped.
    const title = "Azerbaijan's Diplomatic Landscape in 2025";
    expect(sources.description).toMatch(
      /^\*\*Azerbaijan's Diplomatic Landscape in 2025.*\*\* · Times Tengri, 2025-12-30$/m,
    );
    expect(sources.description.split(title).length - 1).toBe(1);
    expect(sources.description).toMatch(/^\u2003\*\*\[1\]\*\* Introduction$/m);
    expect(sources.description).not.toMatch(/\] 0\d/);
    // Every [n] in the content and on the cards is listed in the sources.
    const cited = new Set([...body.content.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    for (const n of cited) expect(sources.description).toContain(`**[${n}]**`);
    for (const card of cards) {
      expect(card.title).toMatch(/ \[\d+\]$/);
      expect(card.fields.length).toBeGreaterThan(0);
      expect(card.fields.length).toBeLessThanOrEqual(25);
    }

    // Passage buttons first; the last row is the 👍/👎 feedback on this answer.
    const ids = buttonIds({ components: body.components.slice(0, -1) });
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(id).toMatch(/^ask:p:azerbaijan-diplomacy-2025#p\d+$/);
      expect(id.length).toBeLessThanOrEqual(100);
    }
    expect(body.components[0].components[0].label).toBe('Show passage [1]');
    const feedback = body.components.at(-1).components;
    expect(feedback.map((b: any) => b.emoji.name)).toEqual(['👍', '👎']);
    expect(feedback.map((b: any) => b.custom_id)).toEqual([
      expect.stringMatching(/^ask:up:\d+$/),
      expect.stringMatching(/^ask:dn:\d+$/),
    ]);
  });

  it('quotes the material verbatim', async () => {
    const i = emu.slash('ask', { question: 'Who is the foreign minister of Azerbaijan?' }, member());
    const body = (await i.final()).body;
    // Only the bold markers around the answer phrase are added: without them (and the escapes) it is the material.
    const first = unescape(body.content.split('\n')[0].replace(/(?<!\\)\*\*/g, '')).replace(/ \[\d+\]$/, '');
    const passages = tb.bot.engine.index.passages.map((p) => p.text.replace(/\s+/g, ' '));
    expect(passages.some((p) => p.includes(first))).toBe(true);
  });

  it('private:true defers ephemerally (flags 64)', async () => {
    const i = emu.slash('ask', { question: 'When was the annual press conference?', private: true }, member());
    await i.final();
    expect(i.requests[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(i.requests[1]!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('declines an out-of-scope question with suggestion buttons that ask them', async () => {
    const i = emu.slash('ask', { question: 'Who won the 2018 FIFA World Cup final?' }, member());
    const body = (await i.final()).body;
    expect(body.content).toMatch(/^That is not in the material/);
    expect(body.embeds).toEqual([]);
    const ids = buttonIds(body);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(5);
    for (const id of ids) {
      expect(id).toMatch(/^ask:q:./);
      expect(id.length).toBeLessThanOrEqual(100);
    }
    for (const b of body.components.flatMap((r: any) => r.components)) expect(b.label.length).toBeLessThanOrEqual(80);

    // Pressing a suggestion asks it: a public defer, then an answer headed by the suggestion.
    const press = emu.button(ids[1]!, member());
    const answer = (await press.final()).body;
    expect(press.requests[0]!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(answer.content).toMatch(/^\*\*.+\*\*\n/);
    expect(answer.embeds[0].title).toBe('Sources');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it('"Show passage" reveals the full paragraph, ephemerally', async () => {
    const i = emu.slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' }, member());
    const id = buttonIds((await i.final()).body)[0]!;
    const passageId = id.slice('ask:p:'.length);
    const press = emu.button(id, member());
    const cb = await press.final();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    const passage = tb.bot.engine.index.passages.find((p) => p.id === passageId)!;
    expect(unescape(cb.body.data.embeds[0].description)).toBe(passage.text);
    expect(cb.body.data.embeds[0].footer.text).toContain(passageId);
  });

  it('a button from an old message for a passage that is gone answers ephemerally', async () => {
    const cb = await emu.button('ask:p:no-such-article#p1', member()).final();
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });
});

describe('garbage input never crashes and never pings', () => {
  it('10 NUL characters get an ephemeral "empty question" reply', async () => {
    const cb = await emu.slash('ask', { question: '\u0000'.repeat(10) }, member()).final();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.content).toMatch(/question is empty/);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('500 emoji and "@everyone" are handled, with no mentions allowed', async () => {
    for (const question of [
      '😀'.repeat(500),
      '@everyone @here <@400000000000000004> <@&200000000000000002>',
      '🏳️‍🌈'.repeat(300),
    ]) {
      const i = emu.slash('ask', { question }, member());
      const final = await i.final();
      const msg = messageOf(final);
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      expect(msg.content).not.toMatch(/@everyone|@here|<@/);
      expect(msg.content.length).toBeLessThanOrEqual(2000);
    }
    // Still alive.
    const ok = await emu
      .slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' }, member())
      .final();
    expect(ok.body.content).toContain('[1]');
  });

  it('autocomplete with garbage answers with valid choices', async () => {
    for (const value of ['\u0000'.repeat(10), '😀'.repeat(500), '@everyone']) {
      const cb = await emu.autocomplete('ask', { question: value }, 'question', member()).final();
      expect(cb.body.type).toBe(8);
      expect(Array.isArray(cb.body.data.choices)).toBe(true);
      expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
    }
  });
});

describe('autocomplete on question', () => {
  it('ranks exact and prefix matches first, at most 25 choices of at most 100 characters', async () => {
    const t0 = performance.now();
    const cb = await emu.autocomplete('ask', { question: 'dipl' }, 'question', member()).final();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    const { choices } = cb.body.data;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0].name.toLowerCase().startsWith('dipl')).toBe(true);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name.toLowerCase()).toContain('dipl');
    }
  });

  it('an exact match comes first', async () => {
    const cb = await emu.autocomplete('ask', { question: 'sco' }, 'question', member()).final();
    expect(cb.body.data.choices[0]).toEqual({ name: 'SCO', value: 'SCO' });
  });

  it('an empty box lists topics from the material (titles, sections, names)', async () => {
    const { choices } = (await emu.autocomplete('ask', { question: '' }, 'question', member()).final()).body.data;
    expect(choices.length).toBeGreaterThan(3);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c: any) => c.name)).toContain('Diplomatic Strategy Amidst Geopolitical Shifts');
  });

  it('a typed question falls back to topics that share its words', async () => {
    const { choices } = (
      await emu.autocomplete('ask', { question: 'what about armenia peace' }, 'question', member()).final()
    ).body.data;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0].name).toMatch(/Armenia/);
  });
});

describe('/help', () => {
  it('lists the commands and the articles with dates and sources, ephemerally', async () => {
    const cb = await emu.slash('help', {}, member()).final();
    expect(cb.body.type).toBe(4);
    const data = cb.body.data;
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toContain('**/ask**');
    expect(data.content).toContain('**/help**');
    expect(data.embeds[0].title).toBe('Articles (1)');
    expect(data.embeds[0].description).toContain("Azerbaijan's Diplomatic Landscape in 2025");
    expect(data.embeds[0].description).toContain('2025-12-30, Times Tengri');
  });
});

describe('logging', () => {
  it('logs each command with its timing, and never the token', async () => {
    await emu.slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' }, member()).final();
    await new Promise((r) => setTimeout(r, 20));
    const line = tb.logs.find((l) => l.msg === 'command' && l.command === 'ask');
    expect(line).toMatchObject({ options: { question: expect.any(String) } });
    expect(typeof line.handlerMs).toBe('number');
    expect(tb.logText()).not.toContain(TOKEN);
    expect(emu.requests.find((r) => r.path === '/gateway/bot')!.authorization).toBe(`Bot ${TOKEN}`);
  });
});
