import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from '../core/helpers.ts';
import { DiscordEmulator, messageProblems, startTestBot, type TestBot } from './emulator.ts';

/**
 * The whole /ask reply at Discord's limits: three articles with very long titles, long numbered section headings and
 * long links, all answering one question, through the real client against the emulator (which refuses, as Discord
 * does, a message over its limits).
 */
const long = (stem: string, n: number) => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
const ports = ['Rotterdam', 'Antwerp', 'Hamburg'];
const files: Record<string, string> = {};
ports.forEach((port, k) => {
  const title = `${port} harbour report: ${long('Extraordinarily-long-title-word', 14)}`;
  const heading = `## 0${k + 1}. ${long('Numbered-section-heading-word', 12)}`;
  const url = `https://news.example.com/${'path/'.repeat(40)}${port.toLowerCase()}`;
  const body = [
    heading,
    '',
    `The port of ${port} installed ${k + 12} new harbour cranes in 2024, after a long tender that drew bids from *many* suppliers_with_underscores.`,
    '',
    `## 0${k + 4} ${long('Second-heading-word', 10)}`,
    '',
    `Dock workers in ${port} said the harbour cranes made loading faster, and the port plans ${k + 3} more harbour cranes next year.`,
  ].join('\n');
  files[`${port.toLowerCase()}.md`] = article(
    title,
    '2025-01-0' + (k + 1),
    body,
    `url: "${url}"\nsource: Port Weekly\n`,
  );
});

let emu: DiscordEmulator;
let tb: TestBot;

beforeAll(async () => {
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, { engine: createEngine({ knowledgeDir: tempKnowledge(files), cacheDir: null }) });
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
});

describe('/ask reply layout at the limits', () => {
  it('three long articles: within every limit, each article once, sections with [n], phrase in bold', async () => {
    const i = emu.slash('ask', { question: 'How many harbour cranes did the port install in 2024?' }, { userId: '1' });
    const body = (await i.final()).body;
    expect(messageProblems(body)).toEqual([]);
    expect(body.content.length).toBeLessThanOrEqual(2000);

    const lines: string[] = body.content.split('\n');
    // The answer phrase in bold inside the quote (for "how many X" the number: the question names X), its citation whole.
    expect(lines[0]).toMatch(/installed \*\*1[234]\*\* new harbour cranes in 2024.* \[1\]$/);
    // "Also relevant": one line each, cut at a word, the citation kept whole.
    const also = lines.slice(lines.indexOf('**Also relevant:**') + 1);
    expect(also.length).toBeGreaterThan(0);
    for (const l of also) {
      expect(l).toMatch(/^- .* \[\d+\]$/);
      expect(l.length).toBeLessThanOrEqual(160 + 2);
    }

    const sources: string = body.embeds[0].description;
    const cited = [...body.content.matchAll(/\[(\d+)\]/g)].map((m) => m[1]);
    for (const n of cited) expect(sources).toContain(`**[${n}]**`);
    for (const port of ports) {
      const titles = sources.split('\n').filter((l) => l.startsWith(`**[${port} harbour report`));
      expect(titles.length).toBeLessThanOrEqual(1);
    }
    // Titles are links when the article has a url; section numbering is not shown.
    expect(sources).toMatch(/^\*\*\[Rotterdam harbour report.*\]\(https:\/\/news\.example\.com\/.*rotterdam\)\*\*/m);
    expect(sources).not.toMatch(/\*\* 0\d/);
  });
});
