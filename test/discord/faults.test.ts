import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, startTestBot, type TestBot } from './emulator.ts';

/**
 * Discord's everyday faults, against the gateway bot (the HTTP endpoint's follow-ups are in
 * http.test.ts, the sharded bot's in shards.test.ts): a 429 with retry_after, a single 5xx, a
 * resumable gateway close, an expired interaction token. Nothing may be lost or sent twice.
 */

let emu: DiscordEmulator;
let tb: TestBot;
let nextUser = 480000000000000000n;
const member = () => ({ userId: String(nextUser++) });
const ASK = 'How many documents did Azerbaijan sign in 2025?';
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu);
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

describe('REST faults', () => {
  for (const [what, method, path] of [
    ['the callback (defer)', 'POST', '/callback'],
    ['the edit of the reply', 'PATCH', '/messages/@original'],
  ] as const) {
    it(`429 with retry_after on ${what}, then 200: the reply arrives exactly once`, async () => {
      emu.failNext({ method, path, status: 429, code: 0, message: 'You are being rate limited.', retryAfter: 0.2 });
      const i = emu.slash('ask', { question: ASK }, member());
      const final = await i.waitFor((r) => r.method === 'PATCH' && r.status === 200);
      await settle();
      expect(final.body.content).toContain('191 bilateral');
      const tries = i.requests.filter((r) => r.method === method);
      expect(tries.map((r) => r.status)).toEqual([429, method === 'POST' ? 204 : 200]);
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(150);
      expect(i.requests.filter((r) => r.method === 'PATCH' && r.status === 200)).toHaveLength(1);
    });

    it(`a single 502 and a single 500 on ${what}: the reply still arrives, once`, async () => {
      for (const status of [502, 500]) {
        emu.failNext({ method, path, status, code: 0, message: 'upstream error' });
        const i = emu.slash('ask', { question: ASK }, member());
        await i.waitFor((r) => r.method === 'PATCH' && r.status === 200);
        await settle();
        expect(i.requests.filter((r) => r.method === method).map((r) => r.status)).toEqual([
          status,
          method === 'POST' ? 204 : 200,
        ]);
        expect(i.requests.filter((r) => r.method === 'PATCH' && r.status === 200)).toHaveLength(1);
      }
    });
  }

  it('an expired token (404 10015 on the edit) is logged and dropped; the bot keeps answering', async () => {
    emu.failNext({
      method: 'PATCH',
      path: '/messages/@original',
      status: 404,
      code: 10015,
      message: 'Unknown Webhook',
    });
    const i = emu.slash('ask', { question: ASK }, member());
    await i.waitFor((r) => r.method === 'PATCH');
    await settle();
    expect(i.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 404']);
    expect(tb.logs.find((l) => l.msg === 'expected Discord error, ignored' && l.interaction === i.id)).toMatchObject({
      code: 10015,
    });
    expect(tb.logs.some((l) => l.msg === 'handler failed' && l.interaction === i.id)).toBe(false);
    expect((await emu.slash('ask', { question: ASK }, member()).final()).body.content).toContain('[1]');
  });
});

describe('gateway faults', () => {
  it('a resumable close (4000): the client RESUMEs and the next /ask is answered', async () => {
    const identifies = emu.identifies;
    const resumes = emu.resumes;
    emu.closeGateway(4000);
    const t0 = Date.now();
    while (emu.resumes === resumes && Date.now() - t0 < 10_000) await settle(50);
    expect(emu.resumes).toBe(resumes + 1);
    expect(emu.identifies).toBe(identifies); // resumed, not a new session
    const final = await emu.slash('ask', { question: ASK }, member()).final();
    expect(final.body.content).toContain('191 bilateral');
  });
});
