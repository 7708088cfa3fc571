import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { DiscordEmulator, startTestBot, type TestBot } from './emulator.ts';

/** Gateway life at info: a resumable close is logged with its code, then the resume. */

let emu: DiscordEmulator;
let tb: TestBot;
beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, {
    env: { LOG_LEVEL: 'info' },
    engine: createEngine({ knowledgeDir: 'knowledge', cacheDir: null }),
  });
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

async function until(check: () => boolean, timeoutMs = 15_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out; logs:\n${tb.logText()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('gateway disconnects', () => {
  it('logs the disconnect with its code, the reconnect and the resume at info, and answers again', async () => {
    emu.closeGateway(4000, 'Unknown error');
    await until(() => tb.logs.some((l) => l.msg === 'gateway resumed'));
    const at = (msg: string) => tb.logs.find((l) => l.msg === msg);
    expect(at('gateway disconnected')).toMatchObject({ level: 30, code: 4000, shard: 0 });
    expect(at('gateway reconnecting')).toMatchObject({ level: 30, shard: 0 });
    expect(at('gateway resumed')).toMatchObject({ level: 30, shard: 0 });
    expect(emu.resumes).toBe(1);
    const r = await emu.slash('help').final();
    expect(r.body.type).toBe(4);
  });
});
