import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type Command } from '../../bot/command.ts';
import { commands } from '../../commands/index.ts';
import {
  buttonIds,
  DiscordEmulator,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  messageOf,
  startTestBot,
  startTestServer,
  type TestServer,
} from './emulator.ts';

/**
 * The HTTP interactions endpoint (`npm run serve`'s server, in this process): Discord's
 * protocol, its refusals, and the same replies as the gateway bot. The emulator plays Discord:
 * it signs and POSTs each interaction, and takes the follow-ups on its REST API.
 */

const slow = defineCommand({
  definition: { name: 'slow', description: 'Takes a while' },
  options: z.object({}),
  defer: 'public',
  cooldownSeconds: 0,
  execute: async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { content: 'done' };
  },
});
const testCommands: Command[] = [...commands, slow];
/** Slow answers are deferred after this long here (1 s in production), so the test stays short. */
const DEFER_AFTER_MS = 100;

let emu: DiscordEmulator;
let ts: TestServer;
let nextUser = 470000000000000000n;
const member = () => ({ userId: String(nextUser++) });
const ASK = 'How many documents did Azerbaijan sign in 2025?';

beforeAll(async () => {
  emu = await DiscordEmulator.start();
  ts = await startTestServer(emu, { commands: testCommands, deferAfterMs: DEFER_AFTER_MS });
});
afterAll(async () => {
  await ts?.server.close();
  await emu?.close();
});

const url = () => emu.interactionsUrl!;
async function post(body: string | Buffer, headers: Record<string, string>) {
  const res = await fetch(url(), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, text: await res.text() };
}
const signed = (payload: unknown, o?: Parameters<DiscordEmulator['signHeaders']>[1]) => {
  const body = JSON.stringify(payload);
  return post(body, emu.signHeaders(body, o));
};

describe('Discord protocol', () => {
  it('answers a signed PING with PONG', async () => {
    const r = await signed({ id: emu.snowflake(), application_id: '1', type: 1, token: 't', version: 1 });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ type: 1 });
  });

  it('/ask: the answer is the HTTP response itself, the same message as on the gateway', async () => {
    const i = emu.slash('ask', { question: ASK }, member());
    const cb = await i.final();
    expect(cb.status).toBe(200);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.content).toContain('191 bilateral and multilateral documents');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(cb.body.data.flags).toBe(0);
    expect(cb.body.data.embeds[0].title).toBe('Sources');
    await new Promise((r) => setTimeout(r, 50));
    expect(i.requests).toHaveLength(1); // no webhook call was needed

    // The gateway bot, same emulator, same question: the same message.
    emu.interactionsUrl = undefined;
    const tb = await startTestBot(emu, { engine: ts.engine });
    try {
      const viaGateway = await emu.slash('ask', { question: ASK }, member()).final();
      const { flags: _f, ...http } = cb.body.data;
      const { flags: _g, ...gateway } = messageOf(viaGateway);
      // The 👍/👎 buttons name each stored answer (two answers, two ids); everything else is the same.
      const feedbackIds = (m: object) => JSON.stringify(m).match(/"ask:(?:up|dn):\d+"/g);
      expect(feedbackIds(http)).toHaveLength(2);
      expect(feedbackIds(gateway)).toHaveLength(2);
      const sameIds = (m: object) => JSON.parse(JSON.stringify(m).replace(/"ask:(up|dn):\d+"/g, '"ask:$1:<answer>"'));
      expect(sameIds(http)).toEqual(sameIds(gateway));
    } finally {
      await tb.bot.shutdown();
      emu.interactionsUrl = `${ts.server.url}/interactions`;
    }
  });

  it('private:true answers ephemerally (flags 64)', async () => {
    const cb = await emu.slash('ask', { question: ASK, private: true }, member()).final();
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('autocomplete is answered directly (type 8)', async () => {
    const cb = await emu.autocomplete('ask', { question: 'dipl' }, 'question', member()).final();
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices.length).toBeGreaterThan(0);
    expect(cb.body.data.choices[0].name.toLowerCase()).toContain('dipl');
  });

  it('a button works the same way (passage shown ephemerally)', async () => {
    const cb = await emu.slash('ask', { question: ASK }, member()).final();
    const id = cb.body.data.components[0].components[0].custom_id;
    const press = await emu.button(id, member()).final();
    expect(press.body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('a page button edits its own message: the deferred update becomes an update (type 7) in the response', async () => {
    const moderator = { ...member(), permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES) };
    const first = await emu.slash('timeline', {}, moderator).final();
    expect(first.body.type).toBe(4);
    const next = buttonIds(first.body.data)[1]!;
    const press = emu.button(next, moderator);
    const cb = await press.final();
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].footer.text).toMatch(/^Page 2 of /);
    await new Promise((r) => setTimeout(r, 50));
    expect(press.requests).toHaveLength(1);
    // A stale page id is refused to the presser alone, before anything is acknowledged.
    const stale = await emu.button('timeline:pg:-1|o|||', moderator).final();
    expect(stale.body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('a slow answer is deferred (type 5) in the response, then sent with the webhook PATCH', async () => {
    const i = emu.slash('slow', {}, member());
    const edit = await i.waitFor((r) => r.method === 'PATCH');
    const [cb] = i.callbacks;
    expect(cb!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(cb!.at).toBeLessThan(edit.at);
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.body).toMatchObject({ content: 'done', allowed_mentions: { parse: [] } });
  });
});

describe('refusals: nothing is processed', () => {
  it('forged, malformed, stale, replayed and oversized requests get 4xx; the server stays up', async () => {
    const { payload, token } = emu.slashPayload('ask', { question: ASK }, member());
    const handled = () => ts.logs.filter((l) => l.msg === 'command' && l.interaction === payload.id).length;
    const body = JSON.stringify(payload);
    const good = emu.signHeaders(body);
    const other = generateKeyPairSync('ed25519').privateKey;
    const now = Math.floor(Date.now() / 1000);

    const cases: [string, () => Promise<{ status: number }>, number][] = [
      ['no headers', () => post(body, { 'content-type': 'application/json' }), 401],
      ['no timestamp', () => post(body, { 'x-signature-ed25519': good['x-signature-ed25519']! }), 401],
      ['malformed signature', () => post(body, { ...good, 'x-signature-ed25519': 'zz' + 'a'.repeat(126) }), 401],
      ['short signature', () => post(body, { ...good, 'x-signature-ed25519': 'ab' }), 401],
      ['malformed timestamp', () => post(body, { ...good, 'x-signature-timestamp': 'soon' }), 401],
      ['signed by another key', () => post(body, emu.signHeaders(body, { key: other })), 401],
      ['body changed after signing', () => post(body.replace('Azerbaijan', 'Armenia'), good), 401],
      ['timestamp changed after signing', () => post(body, { ...good, 'x-signature-timestamp': String(now + 1) }), 401],
      ['older than 5 minutes', () => post(body, emu.signHeaders(body, { timestamp: now - 330 })), 401],
      ['more than 5 minutes ahead', () => post(body, emu.signHeaders(body, { timestamp: now + 330 })), 401],
      ['oversized, declared', () => post(Buffer.alloc(70_000, 32), emu.signHeaders(Buffer.alloc(70_000, 32))), 413],
      ['signed garbage', () => post('{"type":', emu.signHeaders('{"type":')), 400],
      ['signed JSON that is not an interaction', () => post('[1,2]', emu.signHeaders('[1,2]')), 400],
    ];
    for (const [name, send, status] of cases) expect((await send()).status, name).toBe(status);

    // Chunked (no content-length) past the cap.
    const big = Buffer.alloc(200_000, 32);
    const stream = new ReadableStream({
      start(c) {
        for (let k = 0; k < 20; k++) c.enqueue(big.subarray(k * 10_000, (k + 1) * 10_000));
        c.close();
      },
    });
    const chunked = await fetch(url(), {
      method: 'POST',
      headers: emu.signHeaders(big),
      body: stream,
      duplex: 'half',
    } as RequestInit).catch(() => ({ status: 413 }));
    expect(chunked.status).toBe(413);

    // 300 forged requests in a row, concurrently.
    const forged = await Promise.all(
      Array.from({ length: 300 }, (_, k) =>
        post(body, { ...good, 'x-signature-ed25519': (k % 16).toString(16).repeat(128) }),
      ),
    );
    expect(new Set(forged.map((r) => r.status))).toEqual(new Set([401]));

    await new Promise((r) => setTimeout(r, 50));
    expect(emu.requests.filter((r) => r.path.includes(token))).toEqual([]); // no callback, no follow-up
    expect(handled()).toBe(0);

    // The genuine request is answered once; the same signed request again is a replay.
    expect((await post(body, good)).status).toBe(200);
    expect((await post(body, good)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handled()).toBe(1);
  });

  it('only POST /interactions and GET /healthz exist', async () => {
    const base = ts.server.url;
    expect((await fetch(`${base}/interactions`)).status).toBe(405);
    expect((await fetch(`${base}/`)).status).toBe(404);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', passages: ts.engine.index.passages.length });
  });
});

describe("faults on the follow-up webhook (Discord's everyday errors)", () => {
  it('429 with retry_after, then 200: the reply arrives exactly once', async () => {
    emu.failNext({
      method: 'PATCH',
      path: '/messages/@original',
      status: 429,
      code: 0,
      message: 'rate limited',
      retryAfter: 0.2,
    });
    const i = emu.slash('slow', {}, member());
    await i.waitFor((r) => r.method === 'PATCH' && r.status === 200);
    await new Promise((r) => setTimeout(r, 300));
    const patches = i.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([429, 200]);
    expect(patches[1]!.at - patches[0]!.at).toBeGreaterThanOrEqual(150);
  });

  it('a single 502 (or 500): the reply still arrives, once', async () => {
    for (const status of [502, 500]) {
      emu.failNext({ method: 'PATCH', path: '/messages/@original', status, code: 0, message: 'bad gateway' });
      const i = emu.slash('slow', {}, member());
      await i.waitFor((r) => r.method === 'PATCH' && r.status === 200);
      await new Promise((r) => setTimeout(r, 100));
      expect(i.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([status, 200]);
    }
  });

  it('an expired token (404 10015) is logged and dropped; the server keeps answering', async () => {
    emu.failNext({
      method: 'PATCH',
      path: '/messages/@original',
      status: 404,
      code: 10015,
      message: 'Unknown Webhook',
    });
    const i = emu.slash('slow', {}, member());
    await i.waitFor((r) => r.method === 'PATCH');
    await new Promise((r) => setTimeout(r, 100));
    expect(i.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(ts.logs.find((l) => l.msg === 'expected Discord error, ignored' && l.interaction === i.id)).toMatchObject({
      code: 10015,
    });
    expect(ts.logs.some((l) => l.msg === 'handler failed' && l.interaction === i.id)).toBe(false);
    expect((await emu.slash('ask', { question: ASK }, member()).final()).body.type).toBe(4);
  });
});

describe("moderators' loop over HTTP (the same pipeline as the gateway)", () => {
  const moderator = () => ({ ...member(), permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES) });

  it('👍/👎 under a public answer; the 👎 form is a type 9 response and its submit (type 5) is kept', async () => {
    const asked = (await emu.slash('ask', { question: ASK }, member()).final()).body;
    expect(asked.type).toBe(4);
    expect(asked.data.content).toContain('191 bilateral and multilateral documents');
    const row = asked.data.components.at(-1);
    expect(row.components.map((c: any) => c.emoji.name)).toEqual(['👍', '👎']);
    const [up, down] = row.components.map((c: any) => c.custom_id);
    const id = Number(up.split(':')[2]);

    const voter = member();
    const first = messageOf(await emu.button(up, voter).final());
    expect(first.flags).toBe(64);
    expect(first.content).toMatch(/^Thanks, your 👍 is noted\. \(👍 1 · 👎 0\)$/);
    const changed = messageOf(await emu.button(down, voter).final());
    expect(changed.content).toMatch(/^Changed your vote to 👎\. \(👍 0 · 👎 1\)$/);
    expect(ts.store.tally(id)).toEqual({ up: 0, down: 1 });

    const [why] = buttonIds(changed);
    const form = await emu.button(why!, voter).final();
    expect(form.via).toBe('http');
    expect(form.body.type).toBe(9);
    expect(form.body.data.title).toBe('What were you looking for?');
    expect(form.body.data.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'looking_for' });
    const thanks = await emu
      .modalSubmit(form.body.data.custom_id, { looking_for: 'the number of agreements in 2024' }, voter)
      .final();
    expect(thanks.body.type).toBe(4);
    expect(thanks.body.data.flags).toBe(64);
    expect(thanks.body.data.content).toMatch(/^Thanks, that helps/);
    expect(ts.store.downvoted(0).some((d) => d.comments.includes('the number of agreements in 2024'))).toBe(true);
  });

  it('a stale form gets an ephemeral "no longer works"', async () => {
    const r = (await emu.modalSubmit('nosuch:why:1', { looking_for: 'x' }, member()).final()).body;
    expect(r.type).toBe(4);
    expect(r.data.flags).toBe(64);
    expect(r.data.content).toMatch(/That form no longer works/);
  });

  it('/knowledge subcommands and attachments are read from the raw payload', async () => {
    const status = messageOf(await emu.subcommand('knowledge', 'status', [], moderator()).final(10_000));
    expect(status.flags).toBe(64);
    expect(status.content).toMatch(/passages/i);
    const bad = emu.upload('kingfishers.md', '---\npublished: 2026-05-01\n---\n\nA kingfisher was seen.\n');
    const reply = messageOf(
      await emu
        .subcommand('knowledge', 'add', [{ type: 11, name: 'file', value: bad.id }], {
          ...moderator(),
          attachments: [bad],
        })
        .final(10_000),
    );
    expect(reply.content).toMatch(/^Not added — title: .*Nothing was written\.$/);
    const refused = messageOf(await emu.subcommand('knowledge', 'status', [], member()).final());
    expect(refused.flags).toBe(64);
    expect(refused.content).toMatch(/Manage Messages/);
  });
});

describe('shutdown', () => {
  it('finishes the replies in flight; healthz says draining meanwhile', async () => {
    const own = await startTestServer(emu, { commands: testCommands, engine: ts.engine, deferAfterMs: DEFER_AFTER_MS });
    try {
      const i = emu.slash('slow', {}, member());
      await i.waitFor((r) => r.via === 'http');
      const closing = own.server.close();
      expect((await fetch(`${own.server.url}/healthz`).catch(() => ({ status: 503 }))).status).toBe(503);
      await closing;
      const edit = i.requests.find((r) => r.method === 'PATCH');
      expect(edit?.body.content).toBe('done');
      expect(own.logs.find((l) => l.msg === 'stopped')).toMatchObject({ finished: 1 });
    } finally {
      emu.interactionsUrl = `${ts.server.url}/interactions`;
    }
  });
});
