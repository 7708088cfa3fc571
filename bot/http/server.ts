import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { InteractionHandler } from '../handler.ts';
import { InteractionType, RawInteractionSchema } from '../interaction.ts';
import { HttpResponder } from './responder.ts';
import { publicKeyFromHex, SIGNATURE_PATTERN, TIMESTAMP_PATTERN, verifySignature } from './verify.ts';

/**
 * `POST /interactions`: Discord's HTTP interactions transport. Every request is checked in
 * order of cost, and refused at the first failed check without going further:
 *   1. path and method (404, 405), then the signature headers' shape (401), then the timestamp
 *      against the replay window (401) and the declared length against the cap (413), all before
 *      a byte of the body is read;
 *   2. the body, read up to the cap (413 past it), and its Ed25519 signature (401);
 *   3. a signature already seen within the window (401: a replay of a signed request);
 *   4. only then JSON and the interaction schema (400), and the pipeline.
 * A forged request costs a header check or one signature verification, never a JSON parse.
 * `GET /healthz` is 200 while the index is loaded and the server takes interactions, 503 while
 * it drains on shutdown.
 */

/** Discord's own advice: refuse a request whose timestamp is more than 5 minutes off. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;
/**
 * Signatures remembered to refuse an exact replay within the window; past this many (over 300
 * requests a second for 5 minutes) the oldest are forgotten first. About 100 bytes each.
 */
const REPLAY_MEMORY = 100_000;
/**
 * An answer ready within this time goes back in the HTTP response itself (one round trip, no
 * webhook call); a slower one is deferred (type 5) well inside Discord's 3-second window and
 * then sent with the follow-up webhook PATCH.
 */
export const DEFER_AFTER_MS = 1000;
/** On SIGTERM, replies in flight get this long to finish before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface InteractionsServerOptions {
  publicKey: string;
  host: string;
  port: number;
  maxBodyBytes: number;
  handler: InteractionHandler;
  /** For follow-ups after a defer (webhook calls on the interaction token). */
  rest: REST;
  logger: Logger;
  /** What /healthz reports about the loaded index. */
  health: () => Record<string, unknown>;
  deferAfterMs?: number;
  /** Unix time in seconds (tests). */
  nowSeconds?: () => number;
}

export interface InteractionsServer {
  url: string;
  port: number;
  /** Requests refused, by reason; and interactions accepted. */
  readonly stats: Record<string, number>;
  /** Stops taking requests (healthz 503), finishes the replies in flight, closes. */
  close(): Promise<void>;
}

export async function startInteractionsServer(o: InteractionsServerOptions): Promise<InteractionsServer> {
  const key = publicKeyFromHex(o.publicKey);
  const nowSeconds = o.nowSeconds ?? (() => Date.now() / 1000);
  const deferAfterMs = o.deferAfterMs ?? DEFER_AFTER_MS;
  const seen = new Map<string, number>();
  const stats: Record<string, number> = {};
  const count = (what: string) => (stats[what] = (stats[what] ?? 0) + 1);
  let closing = false;

  function refuse(res: http.ServerResponse, status: number, reason: string, close = false) {
    count(reason);
    o.logger.debug({ status, reason }, 'request refused');
    const body = JSON.stringify({ error: reason });
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(body);
  }

  /** True when this signature was already accepted within the window; remembers it otherwise. */
  function replayed(signature: string, timestamp: number): boolean {
    const id = signature.slice(0, 32).toLowerCase();
    if (seen.has(id)) return true;
    const horizon = nowSeconds() - REPLAY_WINDOW_SECONDS;
    for (const [k, t] of seen) {
      if (t >= horizon && seen.size < REPLAY_MEMORY) break;
      seen.delete(k);
    }
    seen.set(id, timestamp);
    return false;
  }

  async function onInteraction(req: http.IncomingMessage, res: http.ServerResponse) {
    const receivedAt = performance.now();
    if (closing) return refuse(res, 503, 'shutting down', true);
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (typeof signature !== 'string' || !SIGNATURE_PATTERN.test(signature))
      return refuse(res, 401, 'missing or malformed signature');
    if (typeof timestamp !== 'string' || !TIMESTAMP_PATTERN.test(timestamp))
      return refuse(res, 401, 'missing or malformed timestamp');
    if (Math.abs(nowSeconds() - Number(timestamp)) > REPLAY_WINDOW_SECONDS)
      return refuse(res, 401, 'timestamp outside the replay window');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > o.maxBodyBytes) return refuse(res, 413, 'body too large', true);

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > o.maxBodyBytes) return refuse(res, 413, 'body too large', true);
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    if (!verifySignature(key, signature, timestamp, body)) return refuse(res, 401, 'bad signature');
    if (replayed(signature, Number(timestamp))) return refuse(res, 401, 'replayed request');

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'body is not JSON');
    }
    const parsed = RawInteractionSchema.safeParse(json);
    if (!parsed.success) return refuse(res, 400, 'not an interaction');
    const raw = parsed.data;
    count('accepted');
    if (raw.type === InteractionType.Ping) return sendJson(res, 200, { type: 1 });

    const responder = new HttpResponder({
      ref: { id: raw.id, token: raw.token, applicationId: raw.application_id },
      rest: o.rest,
      receivedAt,
      deferAfterMs,
      send: (payload) => sendJson(res, 200, payload),
    });
    await o.handler.handle(raw, responder);
    if (!responder.answered) {
      // The pipeline chose not to answer (an interaction from a bot, a type it does not take).
      count('not answered');
      o.logger.warn({ interaction: raw.id, type: raw.type }, 'interaction not answered');
      responder.abandon(() => refuse(res, 400, 'interaction not answered'));
    }
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
      return sendJson(res, closing ? 503 : 200, {
        status: closing ? 'draining' : 'ok',
        inFlight: o.handler.inFlight,
        ...o.health(),
      });
    }
    if (path !== '/interactions') return refuse(res, 404, 'not found');
    if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
    onInteraction(req, res).catch((err: unknown) => {
      o.logger.error({ err }, 'request failed');
      if (!res.headersSent) refuse(res, 500, 'internal error');
    });
  });
  // A request that stalls mid-body is cut off, so slow senders cannot hold sockets.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.on('clientError', (_err, socket) => {
    count('malformed HTTP');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
  o.logger.info({ url: `${url}/interactions`, maxBodyBytes: o.maxBodyBytes }, 'listening');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stats,
    close() {
      stopping ??= (async () => {
        closing = true;
        const pending = o.handler.inFlight;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await o.handler.drain();
        server.closeIdleConnections();
        await closed;
        o.logger.info({ finished: pending, stats }, 'stopped');
      })();
      return stopping;
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown) {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
