/**
 * Loopback load test of `npm run serve` (the HTTP interactions endpoint): `npm run bench -- --http`.
 *
 *   npm run bench -- --http                      1, 10 and 50 concurrent, then 1 in 10 forged
 *   npm run bench -- --http --requests 1000      requests per step (default 2000)
 *   npm run bench -- --http --knowledge DIR      another knowledge folder (default knowledge/)
 *   npm run --silent bench -- --http --json      the last line is { "http": { ... } }
 *
 * Bounded: every step sends a fixed number of requests and stops at a fixed time, whichever
 * comes first; only to 127.0.0.1; every request is signed (with a key pair made for the run),
 * except the forged ones of the mixed stream, which carry a random signature. The server is
 * `bot/serve.ts` in its own process, started as an operator would, with its follow-up REST
 * pointed at a local sink (an /ask answered within 1 s needs none). Each request is a real
 * /ask with a question from the dev set, from one of 1,000 members (the per-user cooldown
 * stays out of the way as it would in a real guild).
 *
 * Time to first response: from sending the request to the response's status line. For /ask
 * that is the whole answer, since a quick answer is the HTTP response itself. Server CPU per
 * request comes from /proc (utime + stime of the server process) over a step.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpuMs, memory, pct, round } from './proc.ts';

const { values } = parseArgs({
  options: {
    http: { type: 'boolean' },
    gateway: { type: 'boolean' },
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '20' },
    knowledge: { type: 'string' },
    dir: { type: 'string' },
  },
});

const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.resolve(values.dir ?? path.join(tmpdir(), 'newsdesk-bench'), 'http');
mkdirSync(benchDir, { recursive: true });
const REQUESTS = Math.max(100, Number(values.requests));
/** Each step stops after this long even when its requests are not all sent. */
const STEP_SECONDS = Math.max(1, Number(values.seconds));
const CONCURRENCY = [1, 10, 50];
/** One in this many requests of the mixed stream is forged. */
const FORGED_EVERY = 10;
/** Distinct members the requests come from (each stays under the default cooldown of 30 a minute). */
const MEMBERS = 1000;
const WARMUP = 200;
const log = (msg: string) => process.stderr.write(`${msg}\n`);

const questions = (
  JSON.parse(readFileSync(path.join(root, 'test/fixtures/dev-questions.json'), 'utf8')) as {
    answerable: { q: string }[];
  }
).answerable.map((a) => a.q);

// ---------------------------------------------------------------------------------------------
// A sink for follow-ups (none expected), and the server process.

let followUps = 0;
const sink = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url?.includes('/webhooks/')) followUps++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkPort = (sink.address() as AddressInfo).port;

const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const server = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'bot/serve.ts')], {
  cwd: benchDir,
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: '100000000000000001',
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_API_URL: `http://127.0.0.1:${sinkPort}/api`,
    KNOWLEDGE_DIR: path.resolve(values.knowledge ?? path.join(root, 'knowledge')),
    INTERACTIONS_HOST: '127.0.0.1',
    INTERACTIONS_PORT: '0',
    // The default level: a JSON line per command is part of what an answer costs.
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let logLines = 0;
const port = await new Promise<number>((resolve, reject) => {
  let buffered = '';
  server.stdout.on('data', (chunk: Buffer) => {
    logLines += chunk.toString('utf8').split('\n').length - 1;
    if (buffered === null) return;
    buffered += chunk.toString('utf8');
    const line = buffered.split('\n').find((l) => l.includes('"msg":"listening"'));
    if (line) {
      buffered = null as unknown as string;
      resolve(Number(new URL(JSON.parse(line).url).port));
    }
  });
  server.once('exit', () => reject(new Error('the server did not start')));
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const startRss = memory(server.pid!);
log(`server pid ${server.pid} on 127.0.0.1:${port}, RSS ${startRss.rssMB} MB after start`);

// ---------------------------------------------------------------------------------------------
// Requests

let nextId = 600000000000000000n;
interface Prepared {
  body: Buffer;
  headers: Record<string, string>;
  forged: boolean;
}

function prepare(forged: boolean): Prepared {
  const id = String(nextId++);
  const user = String(700000000000000000n + (nextId % BigInt(MEMBERS)));
  const payload = {
    id,
    application_id: '100000000000000001',
    type: 2,
    token: `bench-${id}`,
    version: 1,
    guild_id: '200000000000000002',
    channel_id: '300000000000000003',
    member: { user: { id: user, username: 'member' }, permissions: '2147551232' },
    data: {
      id: '900000000000000009',
      name: 'ask',
      type: 1,
      options: [{ name: 'question', type: 3, value: questions[Number(nextId % BigInt(questions.length))]! }],
    },
  };
  const body = Buffer.from(JSON.stringify(payload));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = forged
    ? randomBytes(64).toString('hex')
    : sign(null, Buffer.concat([Buffer.from(timestamp), body]), keys.privateKey).toString('hex');
  return {
    body,
    forged,
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'x-signature-ed25519': signature,
      'x-signature-timestamp': timestamp,
    },
  };
}

interface Sample {
  ms: number;
  status: number;
  forged: boolean;
}

function send(p: Prepared): Promise<Sample> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      { host: '127.0.0.1', port, path: '/interactions', method: 'POST', headers: p.headers, agent },
      (res) => {
        const ms = performance.now() - t0;
        res.resume();
        res.on('end', () => resolve({ ms, status: res.statusCode ?? 0, forged: p.forged }));
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - t0, status: 0, forged: p.forged }));
    req.end(p.body);
  });
}

/** Sends up to `count` requests, `concurrency` at a time, for at most STEP_SECONDS. */
async function step(count: number, concurrency: number, forgedEvery = 0) {
  // Signed just before the step (well inside the 5-minute window), so signing is not timed.
  const prepared = Array.from({ length: count }, (_, k) => prepare(forgedEvery > 0 && k % forgedEvery === 0));
  const samples: Sample[] = [];
  const deadline = performance.now() + STEP_SECONDS * 1000;
  const cpu0 = cpuMs(server.pid!);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < prepared.length && performance.now() < deadline) samples.push(await send(prepared[next++]!));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMs(server.pid!) - cpu0;
  return { samples, seconds, cpuMs: cpu };
}

function summarise(samples: Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    requests: samples.length,
    perSecond: round(samples.length / seconds, 0),
    p50Ms: round(pct(ms, 50)),
    p99Ms: round(pct(ms, 99)),
    statuses,
  };
}

// ---------------------------------------------------------------------------------------------
// The run

log(`warm-up: ${WARMUP} requests`);
await step(WARMUP, 10);

const genuine = [];
for (const c of CONCURRENCY) {
  log(`genuine: ${REQUESTS} requests, ${c} concurrent (at most ${STEP_SECONDS} s)`);
  const r = await step(REQUESTS, c);
  genuine.push({
    concurrency: c,
    ...summarise(r.samples, r.seconds),
    serverCpuMsPerRequest: round(r.cpuMs / r.samples.length, 3),
  });
}

const mixed = [];
for (const c of CONCURRENCY) {
  log(`1 in ${FORGED_EVERY} forged: ${REQUESTS} requests, ${c} concurrent`);
  const r = await step(REQUESTS, c, FORGED_EVERY);
  mixed.push({
    concurrency: c,
    all: summarise(r.samples, r.seconds),
    genuine: summarise(
      r.samples.filter((s) => !s.forged),
      r.seconds,
    ),
    forged: summarise(
      r.samples.filter((s) => s.forged),
      r.seconds,
    ),
  });
}

// What a forged request costs the server, alone: a stream of forged requests only.
log(`forged only: ${REQUESTS} requests, 10 concurrent`);
const forgedOnly = await step(REQUESTS, 10, 1);
const forged = {
  ...summarise(forgedOnly.samples, forgedOnly.seconds),
  serverCpuMsPerRequest: round(forgedOnly.cpuMs / forgedOnly.samples.length, 3),
};

const end = memory(server.pid!);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
agent.destroy();
sink.close();

const answerCpu = genuine.find((g) => g.concurrency === 10)!.serverCpuMsPerRequest;
const result = {
  knowledge: path.relative(root, path.resolve(values.knowledge ?? 'knowledge')) || '.',
  requestsPerStep: REQUESTS,
  stepSeconds: STEP_SECONDS,
  genuine,
  mixed,
  forgedOnly: forged,
  server: {
    rssMBAfterStart: startRss.rssMB,
    rssMBAfterLoad: end.rssMB,
    peakRssMB: end.peakMB,
    /** Answers one core can give: 1000 ms of CPU over the server's CPU per /ask (10 concurrent). */
    answersPerCoreSecond: Math.round(1000 / answerCpu),
    followUps,
    logLines,
  },
};

const table = (head: string[], rows: (string | number)[][]) => {
  const cells = rows.map((r) => r.map(String));
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(' | ')} |`;
  return [
    line(head),
    `|${w.map((x, i) => (i ? `${'-'.repeat(x + 1)}:` : '-'.repeat(x + 2))).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
};
console.log(
  table(
    ['stream', 'concurrent', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'statuses'],
    [
      ...genuine.map((g) => [
        'signed /ask',
        g.concurrency,
        g.requests,
        g.perSecond,
        g.p50Ms,
        g.p99Ms,
        g.serverCpuMsPerRequest,
        JSON.stringify(g.statuses),
      ]),
      ...mixed.flatMap((m) => [
        [
          '1 in 10 forged: all',
          m.concurrency,
          m.all.requests,
          m.all.perSecond,
          m.all.p50Ms,
          m.all.p99Ms,
          '',
          JSON.stringify(m.all.statuses),
        ],
        ['  genuine', m.concurrency, m.genuine.requests, '', m.genuine.p50Ms, m.genuine.p99Ms, '', ''],
        ['  forged', m.concurrency, m.forged.requests, '', m.forged.p50Ms, m.forged.p99Ms, '', ''],
      ]),
      [
        'forged only',
        10,
        forged.requests,
        forged.perSecond,
        forged.p50Ms,
        forged.p99Ms,
        forged.serverCpuMsPerRequest,
        JSON.stringify(forged.statuses),
      ],
    ],
  ),
);
console.log(
  `\nServer (one process): RSS ${result.server.rssMBAfterStart} MB after start, ${result.server.rssMBAfterLoad} MB after the load ` +
    `(peak ${result.server.peakRssMB} MB); about ${result.server.answersPerCoreSecond} answers per second per core ` +
    `(server CPU per /ask at 10 concurrent). Follow-up webhook calls: ${followUps}.`,
);
if (values.json) console.log(JSON.stringify({ http: result }));
