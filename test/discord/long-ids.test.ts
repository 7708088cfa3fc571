import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { DiscordEmulator, buttonIds, startTestBot, type TestBot } from './emulator.ts';

/** Article ids are file paths: a deep one makes passage ids longer than a 100-character custom id. */
let emu: DiscordEmulator;
let tb: TestBot;
let dir: string;
const slug =
  'regional-affairs-and-international-diplomacy/2025/december/an-unusually-long-article-slug-about-the-harbour-reopening';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-'));
  fs.mkdirSync(path.join(dir, path.dirname(slug)), { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${slug}.md`),
    '---\ntitle: "Harbour reopens after repairs"\npublished: 2025-12-01\nsource: Port Gazette\nurl: https://example.com/harbour\n---\n\nThe harbour of Port Elm reopened on 1 December 2025 after eight months of repairs costing 40 million euros.\n\n## Traffic\n\nThe harbour expects 300 ships a year once the new quay is finished.\n',
  );
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, { engine: createEngine({ knowledgeDir: dir, cacheDir: null }) });
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('"Show passage" still works when the passage id does not fit in a custom id', async () => {
  const answer = (await emu.slash('ask', { question: 'When did the harbour reopen?' }).final()).body;
  expect(answer.content).toContain('reopened on **1 December 2025**'); // the answer phrase in bold
  const id = buttonIds(answer)[0]!;
  expect(id.length).toBeLessThanOrEqual(100);
  expect(id).toMatch(/^ask:ph:/);
  const cb = await emu.button(id).final();
  expect(cb.body.data.flags).toBe(64);
  expect(cb.body.data.embeds[0].description).toContain('40 million euros');
  expect(cb.body.data.embeds[0].footer.text).toContain(`${slug}#p1`);
});
