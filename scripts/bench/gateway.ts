/**
 * The gateway bot under load, for comparison with the HTTP endpoint: `npm run bench -- --gateway`.
 *
 * `bot/main.ts` runs in its own process against the Discord API emulator of the tests
 * (test/discord/emulator.ts, on 127.0.0.1), which dispatches /ask interactions over its gateway
 * and takes the replies on its REST API. Bounded like the HTTP test: a fixed number of
 * interactions, 10 in flight, at most a fixed time. Reported: answers per second, p50 and p99
 * time to the first response (the defer) and to the answer (the edit), the bot's CPU per answer
 * (/proc), and its memory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ID, DiscordEmulator, TOKEN } from '../../test/discord/emulator.ts';
import { cpuMs, memory, pct, round } from './proc.ts';

const { values } = parseArgs({
  options: {
    gateway: { type: 'boolean' },
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '30' },
    knowledge: { type: 'string' },
    dir: { type: 'string' },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.resolve(values.dir ?? path.join(tmpdir(), 'newsdesk-bench'), 'gateway');
mkdirSync(benchDir, { recursive: true });
const REQUESTS = Math.max(100, Number(values.requests));
const STEP_SECONDS = Math.max(1, Number(values.seconds));
/** Interactions in flight at once. */
const CONCURRENCY = 10;
const MEMBERS = 1000;
const WARMUP = 100;
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const questions = (
  JSON.parse(readFileSync(path.join(root, 'test/fixtures/dev-questions.json'), 'utf8')) as {
    answerable: { q: string }[];
  }
).answerable.map((a) => a.q);

const emu = await DiscordEmulator.start();
const bot = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'bot/main.ts')], {
  cwd: benchDir,
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: emu.apiUrl,
    KNOWLEDGE_DIR: path.resolve(values.knowledge ?? path.join(root, 'knowledge')),
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  let seen = '';
  const onData = (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    if (seen.includes('"msg":"ready"')) {
      bot.stdout.off('data', onData);
      bot.stdout.resume(); // keep reading the logs, unbuffered
      resolve();
    }
  };
  bot.stdout.on('data', onData);
  bot.once('exit', () => reject(new Error('the bot did not start')));
});
const startRss = memory(bot.pid!);
log(`bot pid ${bot.pid} ready, RSS ${startRss.rssMB} MB`);

let k = 0;
async function one(): Promise<{ firstMs: number; answerMs: number; ok: boolean }> {
  const n = k++;
  const t0 = performance.now();
  const i = emu.slash(
    'ask',
    { question: questions[n % questions.length]! },
    { userId: String(700000000000000000n + BigInt(n % MEMBERS)) },
  );
  const first = await i.waitFor((r) => r.path.endsWith('/callback'), 10_000);
  const answer = await i.final(10_000);
  return { firstMs: first.at - t0, answerMs: answer.at - t0, ok: answer.method === 'PATCH' };
}

async function run(count: number) {
  const samples: { firstMs: number; answerMs: number; ok: boolean }[] = [];
  const deadline = performance.now() + STEP_SECONDS * 1000;
  const cpu0 = cpuMs(bot.pid!);
  const t0 = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < count && performance.now() < deadline) {
        sent++;
        samples.push(await one());
      }
    }),
  );
  // The emulator keeps every request; forget them between steps.
  emu.requests.length = 0;
  return { samples, seconds: (performance.now() - t0) / 1000, cpuMs: cpuMs(bot.pid!) - cpu0 };
}

log(`warm-up: ${WARMUP} interactions`);
await run(WARMUP);
log(`${REQUESTS} interactions, ${CONCURRENCY} in flight (at most ${STEP_SECONDS} s)`);
const r = await run(REQUESTS);
const first = r.samples.map((s) => s.firstMs).sort((a, b) => a - b);
const answer = r.samples.map((s) => s.answerMs).sort((a, b) => a - b);
const end = memory(bot.pid!);
bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await emu.close();

const result = {
  concurrency: CONCURRENCY,
  interactions: r.samples.length,
  answered: r.samples.filter((s) => s.ok).length,
  perSecond: round(r.samples.length / r.seconds, 0),
  firstResponseP50Ms: round(pct(first, 50)),
  firstResponseP99Ms: round(pct(first, 99)),
  answerP50Ms: round(pct(answer, 50)),
  answerP99Ms: round(pct(answer, 99)),
  botCpuMsPerAnswer: round(r.cpuMs / r.samples.length, 3),
  answersPerCoreSecond: Math.round(1000 / (r.cpuMs / r.samples.length)),
  rssMBAfterStart: startRss.rssMB,
  rssMBAfterLoad: end.rssMB,
  peakRssMB: end.peakMB,
};
console.log(
  `Gateway bot, ${result.interactions} /ask (${result.answered} answered), ${CONCURRENCY} in flight: ` +
    `${result.perSecond} answers/s; first response (defer) p50 ${result.firstResponseP50Ms} ms, p99 ${result.firstResponseP99Ms} ms; ` +
    `answer p50 ${result.answerP50Ms} ms, p99 ${result.answerP99Ms} ms; bot CPU ${result.botCpuMsPerAnswer} ms per answer ` +
    `(about ${result.answersPerCoreSecond} answers per second per core); RSS ${result.rssMBAfterStart} MB after start, ` +
    `${result.rssMBAfterLoad} MB after the load (peak ${result.peakRssMB} MB).`,
);
if (values.json) console.log(JSON.stringify({ gateway: result }));
