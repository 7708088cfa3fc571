import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type Command } from '../../bot/command.ts';
import { errorReply } from '../../bot/replies/respond.ts';
import { commands } from '../../commands/index.ts';
import {
  DiscordEmulator,
  expectRetryAfter,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  startTestBot,
  type TestBot,
} from './emulator.ts';

/** Commands that exist only here, to drive the handler's error, permission and cooldown paths. */
const boom = defineCommand({
  definition: { name: 'boom', description: 'Throws after deferring' },
  options: z.object({ when: z.enum(['before', 'after', 'private']).default('after') }),
  defer: (o) => (o.when === 'before' ? 'none' : o.when === 'private' ? 'ephemeral' : 'public'),
  execute: () => {
    throw new Error('kaboom with a secret stack');
  },
});
const mod = defineCommand({
  definition: {
    name: 'mod',
    description: 'Moderators only',
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
  },
  options: z.object({}),
  defer: 'none',
  permissions: PermissionFlagsBits.ManageMessages,
  execute: () => errorReply('welcome, moderator'),
});
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
const testCommands: Command[] = [...commands, boom, mod, slow];

let emu: DiscordEmulator;
let tb: TestBot;
beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, {
    commands: testCommands,
    env: { COMMAND_COOLDOWN_SECONDS: '60', COMMAND_COOLDOWN_USES: '2' },
  });
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

describe('cooldown', () => {
  it('answers the third /ask within the window with an ephemeral "try again in N s"', async () => {
    const user = { userId: '420000000000000001' };
    const start = Date.now();
    for (let n = 0; n < 2; n++) {
      const ok = await emu.slash('ask', { question: 'When was the press conference?' }, user).final();
      expect(ok.method).toBe('PATCH');
    }
    const cb = await emu.slash('ask', { question: 'When was the press conference?' }, user).final();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expectRetryAfter(cb.body.data.content, start);
    // Another member is not affected.
    expect(
      (await emu.slash('ask', { question: 'When was the press conference?' }, { userId: '420000000000000002' }).final())
        .method,
    ).toBe('PATCH');
  });
});

describe('errors', () => {
  it('a handler that throws after a public defer: the "thinking" reply goes, an ephemeral apology with the interaction id comes', async () => {
    const i = emu.slash('boom', {}, { userId: '430000000000000001' });
    const final = await i.final();
    expect(i.requests.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(i.requests[1]!.path).toMatch(/\/messages\/@original$/);
    expect(final.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(final.body.content).toBe(`Sorry, something went wrong (code ${i.id}).`);
    expect(final.body.content).not.toContain('kaboom');
    await new Promise((r) => setTimeout(r, 20));
    expect(tb.logs.find((l) => l.msg === 'handler failed')).toMatchObject({
      interaction: i.id,
      err: { message: 'kaboom with a secret stack' },
    });
  });

  it('after an ephemeral defer, the reply itself becomes the apology', async () => {
    const i = emu.slash('boom', { when: 'private' }, { userId: '430000000000000002' });
    const final = await i.final();
    expect(final.method).toBe('PATCH');
    expect(final.body.content).toContain(`code ${i.id}`);
  });

  it('before any defer, the apology is an ephemeral reply', async () => {
    const i = emu.slash('boom', { when: 'before' }, { userId: '430000000000000003' });
    const final = await i.final();
    expect(final.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: `Sorry, something went wrong (code ${i.id}).` },
    });
  });

  it('invalid options get an ephemeral message, not an error', async () => {
    const cb = await emu.slash('boom', { when: 'never' }, { userId: '430000000000000004' }).final();
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(cb.body.data.content).toMatch(/^That didn't work — when:/);
  });

  it('ignores Unknown Interaction (10062) and already acknowledged (40060), and keeps running', async () => {
    const ids: string[] = [];
    for (const code of [10062, 40060]) {
      emu.failNext({
        method: 'POST',
        path: '/callback',
        status: code === 10062 ? 404 : 400,
        code,
        message: 'expected',
      });
      const i = emu.slash(
        'ask',
        { question: 'When was the press conference?' },
        { userId: `44000000000000000${code === 10062 ? 1 : 2}` },
      );
      ids.push(i.id);
      await i.waitFor((r) => r.path.endsWith('/callback'));
      await new Promise((r) => setTimeout(r, 100));
      expect(i.requests).toHaveLength(1);
    }
    expect(tb.logs.filter((l) => l.msg === 'expected Discord error, ignored').map((l) => l.code)).toEqual([
      10062, 40060,
    ]);
    expect(tb.logs.some((l) => l.msg === 'handler failed' && ids.includes(l.interaction))).toBe(false);
    const ok = await emu.slash('help', {}, { userId: '440000000000000003' }).final();
    expect(ok.body.type).toBe(4);
  });

  it('an unknown command or button answers ephemerally', async () => {
    expect((await emu.slash('nope', {}).final()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect((await emu.button('nope:x:y').final()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect((await emu.button('garbage').final()).body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('ignores interactions from bots', async () => {
    const i = emu.slash('help', {}, { bot: true, userId: '450000000000000001' });
    await new Promise((r) => setTimeout(r, 100));
    expect(i.requests).toHaveLength(0);
  });
});

describe('permissions', () => {
  it('refuses a member without the permission, ephemerally, even though Discord let the command through', async () => {
    const cb = await emu.slash('mod', {}, { permissions: MEMBER_PERMISSIONS }).final();
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(cb.body.data.content).toBe('You need the Manage Messages permission to use /mod.');
  });

  it('lets a member with it through', async () => {
    const cb = await emu
      .slash('mod', {}, { permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES) })
      .final();
    expect(cb.body.data.content).toBe('welcome, moderator');
  });
});

describe('shutdown', () => {
  it('finishes the replies in flight before disconnecting', async () => {
    const own = await startTestBot(emu, { commands: testCommands });
    // Both bots receive the dispatch; only the one being shut down is measured.
    const before = emu.requests.length;
    const i = emu.slash('slow', {}, { userId: '460000000000000001' });
    await i.waitFor((r) => r.path.endsWith('/callback'));
    await own.bot.shutdown();
    const edits = i.requests.filter((r) => r.method === 'PATCH');
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits[0]!.body.content).toBe('done');
    expect(emu.requests.length).toBeGreaterThan(before);
    expect(own.logs.find((l) => l.msg === 'stopped')).toMatchObject({ finished: 1 });
  });
});
