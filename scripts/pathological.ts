/**
 * `npm run bench:pathological`: one article written as a single paragraph of real English
 * (no blank lines, no headings), the material that once made the time per question grow with
 * the square of the paragraph's length (issue 9). Writes it into `--dir` (default
 * `<tmpdir>/newsdesk-pathological`), builds the engine, and reports the time per question; then
 * runs the bot against the Discord API emulator and reports how long another member's /help
 * waits for its acknowledgement while /ask questions on that article are being answered (Discord
 * drops an interaction not acknowledged within 3 s). Not a test: timings depend on the machine.
 *
 *   npm run bench:pathological -- --kb 800 --questions 20 --dir /tmp/p
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseCli, runCli } from '../cli/args.ts';
import { createEngine } from '../src/engine.ts';
import { DiscordEmulator, startTestBot } from '../test/discord/emulator.ts';
import { paragraphs } from './bench/corpus.ts';

/** Questions asked: enough for a stable median, few enough to finish in seconds once fixed. */
const DEFAULT_QUESTIONS = 10;
/** The size the probe used (KB). */
const DEFAULT_KB = 800;

const Args = z.object({
  kb: z.coerce.number().int().positive().default(DEFAULT_KB),
  questions: z.coerce.number().int().positive().default(DEFAULT_QUESTIONS),
  dir: z.string().min(1).default(path.join(os.tmpdir(), 'newsdesk-pathological')),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).max(0),
});

/** Real sentences, in a fixed order, until the body holds `kb` kilobytes; one paragraph. */
export function pathologicalBody(kb: number): { body: string; sentences: string[] } {
  const sentences: string[] = [];
  let length = 0;
  for (const p of paragraphs(55_000)) {
    for (const s of p.sentences) {
      sentences.push(s);
      length += s.length + 1;
      if (length >= kb * 1000) return { body: sentences.join(' '), sentences };
    }
  }
  return { body: sentences.join(' '), sentences };
}

/** Time between dispatching a /help (50 ms after an /ask) and its acknowledgement, per question, in ms. */
async function ackWhileAsking(engine: ReturnType<typeof createEngine>, questions: string[]): Promise<number[]> {
  const emu = await DiscordEmulator.start();
  const tb = await startTestBot(emu, { engine, env: { LOG_LEVEL: 'warn', COMMAND_COOLDOWN_USES: '1000' } });
  const out: number[] = [];
  try {
    for (const question of questions) {
      const ask = emu.slash('ask', { question }, { userId: '400000000000000101' });
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      const help = emu.slash('help', {}, { userId: '400000000000000102' });
      const ack = await help.waitFor((r) => r.path.endsWith('/callback'), 60_000);
      out.push(ack.at - t0);
      await ask.final(600_000);
    }
  } finally {
    await tb.bot.shutdown();
    await emu.close();
  }
  return out;
}

await runCli('bench:pathological', async () => {
  const args = parseCli(
    process.argv.slice(2),
    { kb: { type: 'string' }, questions: { type: 'string' }, dir: { type: 'string' }, json: { type: 'boolean' } },
    Args,
  );
  const { body, sentences } = pathologicalBody(args.kb);
  const dir = path.resolve(args.dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'one-paragraph.md'),
    `---\ntitle: One long paragraph\npublished: 2025-01-01\n---\n\n${body}\n`,
  );
  let t0 = performance.now();
  const engine = createEngine({ knowledgeDir: dir, cacheDir: path.join(dir, '.cache') });
  const buildMs = performance.now() - t0;
  // Questions from sentences spread over the paragraph: its first content words.
  const questions: string[] = [];
  for (let i = 0; i < args.questions; i++) {
    const s = sentences[Math.floor(((i + 0.5) * sentences.length) / args.questions)]!;
    const words = s.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
    questions.push(`What about ${words.slice(0, 4).join(' ') || 'this'}?`);
  }
  const times: number[] = [];
  for (const q of questions) {
    t0 = performance.now();
    engine.ask(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ackMs = await ackWhileAsking(engine, questions);
  const row = {
    kb: Math.round(body.length / 1000),
    passages: engine.index.passages.length,
    sentences: engine.index.sentences.length,
    buildMs: Math.round(buildMs),
    questions: times.length,
    p50Ms: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
    maxMs: Math.round(times.at(-1)! * 10) / 10,
    helpAckMaxMs: Math.round(Math.max(...ackMs)),
  };
  if (args.json) console.log(JSON.stringify(row));
  else
    console.log(
      `${row.kb} KB in one paragraph: ${row.passages} passage(s), ${row.sentences} sentences, built in ${row.buildMs} ms; ` +
        `${row.questions} questions: p50 ${row.p50Ms} ms, max ${row.maxMs} ms; ` +
        `/help sent 50 ms after each /ask acknowledged within ${row.helpAckMaxMs} ms at most`,
    );
});
