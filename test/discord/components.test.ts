import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import {
  DiscordEmulator,
  expectRetryAfter,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  buttonIds,
  messageOf,
  startTestBot,
  type RecordedRequest,
  type SentInteraction,
  type TestBot,
} from './emulator.ts';

/**
 * Button presses that go wrong never touch the message others see: the presser alone hears
 * about it (an ephemeral reply, or an ephemeral follow-up once the press was acknowledged).
 * Buttons that run work share the per-user cooldown with their command.
 */

const EPHEMERAL = 64;
let moderatorN = 0;
const moderator = () => ({
  permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES),
  userId: `47000000000000${String(++moderatorN).padStart(4, '0')}`,
});

let emu: DiscordEmulator;
let tb: TestBot;
beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, {
    engine: createEngine({ knowledgeDir: 'knowledge', cacheDir: null }),
    env: { COMMAND_COOLDOWN_SECONDS: '60', COMMAND_COOLDOWN_USES: '3' },
  });
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

/** Requests that would change or remove the message the button sits on (or the bot's public reply). */
function touchesOriginal(i: SentInteraction): RecordedRequest[] {
  return i.requests.filter(
    (r) =>
      (r.path.endsWith('/messages/@original') && (r.method === 'PATCH' || r.method === 'DELETE')) ||
      (r.path.endsWith('/callback') && [5, 6, 7].includes(r.body?.type)),
  );
}

async function settled(i: SentInteraction) {
  await i.final();
  await new Promise((r) => setTimeout(r, 150));
}

describe('a bad button id', () => {
  it.each(['timeline:pg:-1|o|||', 'timeline:pg:x|o|||', 'timeline:pg:1|o|2026|2020|', 'timeline:zz:1|o|||'])(
    '%s gets an ephemeral reply and is never deferred',
    async (id) => {
      const i = emu.button(id, moderator());
      await settled(i);
      expect(i.requests).toHaveLength(1);
      expect(i.callbacks[0]!.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      expect(i.callbacks[0]!.body.data.content).toBe('That button no longer works.');
    },
  );

  it.each(['ask:q:', 'ask:qp:', `ask:q:${' '.repeat(5)}`, 'ask:zz:When was the summit?', 'ask:p:', 'ask:ph:'])(
    '%s gets an ephemeral reply and is never deferred publicly',
    async (id) => {
      const i = emu.button(id, { userId: '480000000000000001' });
      await settled(i);
      expect(touchesOriginal(i)).toEqual([]);
      expect(i.requests).toHaveLength(1);
      expect(i.callbacks[0]!.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    },
  );
});

describe('a page edit that fails', () => {
  it('is not followed by an edit or a delete of the timeline: the presser gets an ephemeral follow-up', async () => {
    const mod = moderator();
    const first = messageOf(await emu.slash('timeline', {}, mod).final());
    const next = buttonIds(first)[1]!;
    emu.failNext({
      method: 'PATCH',
      path: '/messages/@original',
      status: 400,
      code: 50035,
      message: 'Invalid Form Body',
    });
    const i = emu.button(next, mod);
    const apology = await i.waitFor((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
    await new Promise((r) => setTimeout(r, 150));
    expect(apology.body).toMatchObject({ flags: EPHEMERAL, content: `Sorry, something went wrong (code ${i.id}).` });
    // The deferred update, then the one failed edit of the page; no DELETE, no second PATCH.
    expect(
      i.requests.map((r) => `${r.method} ${r.path.endsWith('@original') ? '@original' : r.path.split('/').pop()}`),
    ).toEqual(['POST callback', 'PATCH @original', `POST ${i.token}`]);
  });
});

describe('cooldown', () => {
  it('a suggestion button (ask:q) counts like /ask: the same user is refused once the limit is reached', async () => {
    const user = { userId: '490000000000000001' };
    const press = () => emu.button('ask:q:When was the press conference?', user);
    const start = Date.now();
    expect((await emu.slash('ask', { question: 'When was the press conference?' }, user).final()).method).toBe('PATCH');
    for (let n = 0; n < 2; n++) expect(messageOf(await press().final()).content).toContain('[1]');
    const refused = await press().final();
    expect(refused.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expectRetryAfter(refused.body.data.content, start);
    const slash = await emu.slash('ask', { question: 'When was the press conference?' }, user).final();
    expect(slash.body.data.content).toMatch(/try again in/);
    // Another member is not affected.
    const other = await emu.button('ask:q:When was the press conference?', { userId: '490000000000000002' }).final();
    expect(messageOf(other).content).toContain('[1]');
  });

  it('200 presses by one user in a burst give at most the limit of answers', async () => {
    const user = { userId: '490000000000000003' };
    const presses = Array.from({ length: 200 }, () => emu.button('ask:q:When was the press conference?', user));
    const finals = await Promise.all(presses.map((p) => p.final(20_000)));
    const answered = finals.filter((r) => (messageOf(r).content ?? '').includes('[1]'));
    expect(answered).toHaveLength(3);
  }, 60_000);
});
