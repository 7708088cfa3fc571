import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { expect } from 'vitest';
import type { Command } from '../../bot/command.ts';
import { startBot, type Bot } from '../../bot/client.ts';
import type { InteractionHandler } from '../../bot/handler.ts';
import { startInteractionsServer, type InteractionsServer } from '../../bot/http/server.ts';
import type { LiveKnowledge } from '../../bot/knowledge/live.ts';
import { openRuntime } from '../../bot/runtime.ts';
import type { FeedbackStore } from '../../src/moderation/store.ts';
import { parseEnv } from '../../bot/env.ts';
import { createLogger } from '../../bot/logger.ts';
import { commands as allCommands } from '../../commands/index.ts';
import type { Engine } from '../../src/engine.ts';

/**
 * A small Discord API emulator on 127.0.0.1 for driving the real discord.js client offline:
 * REST (every request recorded, with its decoded path and JSON body) and a gateway that says
 * HELLO, READY, GUILD_CREATE, answers heartbeats, and dispatches INTERACTION_CREATE on demand.
 *
 *   const emu = await DiscordEmulator.start();
 *   const bot = await startTestBot(emu);
 *   const i = emu.slash('ask', { question: 'When was the summit?' });
 *   const final = await i.final();          // the request that completed the reply
 *   i.requests                               // everything the bot sent for this interaction
 */

export const APP_ID = '100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '200000000000000002';
/** A second guild on the other shard of two: shard = (guild id >> 22) % shard count. */
export const GUILD_ID_2 = String(BigInt(GUILD_ID) + (1n << 22n));
export const CHANNEL_ID = '300000000000000003';
export const USER_ID = '400000000000000004';
export const TOKEN = 'emulator.bot.token-secret';
/** Administrator-free member permissions: view, send, read history, use commands. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n));
export const MANAGE_MESSAGES = 1n << 13n;

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/…/messages/@original`). */
  path: string;
  query: Record<string, string>;
  body: any;
  authorization: string | undefined;
  at: number;
  /** The status the emulator answered with (for HTTP deliveries: the bot's HTTP status). */
  status?: number;
  /** 'http' when this is the bot's HTTP response to a delivered interaction. */
  via?: 'http';
}

export interface InjectedFailure {
  method?: string;
  /** Matches when the decoded path includes this. */
  path: string;
  status: number;
  code: number;
  message: string;
  /** For a 429: seconds to wait, sent as `Retry-After` and `retry_after` like Discord does. */
  retryAfter?: number;
}

export interface InteractionOptions {
  userId?: string;
  username?: string;
  /** Member permission bits as a decimal string; MEMBER_PERMISSIONS by default. */
  permissions?: string;
  bot?: boolean;
  /** The guild the interaction comes from (decides which shard gets it); GUILD_ID by default. */
  guildId?: string;
}

type OptionValue = string | number | boolean;

export interface EmulatedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export class SentInteraction {
  constructor(
    private emu: DiscordEmulator,
    readonly id: string,
    readonly token: string,
  ) {}

  /** Every request the bot made for this interaction so far. */
  get requests(): RecordedRequest[] {
    return this.emu.requests.filter((r) => r.path.includes(`/${this.token}`));
  }

  /** The interaction callbacks (`POST /interactions/:id/:token/callback`) so far. */
  get callbacks(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/callback'));
  }

  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.emu.waitFor((r) => r.path.includes(`/${this.token}`) && predicate(r), timeoutMs);
  }

  /**
   * The request that completes the reply: a callback with a message, autocomplete choices, an
   * update or a modal (types 4, 7, 8, 9), or a webhook edit / follow-up after a defer.
   */
  final(timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(
      (r) =>
        (r.path.endsWith('/callback') && [4, 7, 8, 9].includes(r.body?.type)) ||
        (r.path.startsWith('/webhooks/') && (r.method === 'PATCH' || r.method === 'POST')),
      timeoutMs,
    );
  }
}

export class DiscordEmulator {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands: key `global` or a guild id. */
  readonly registered = new Map<string, any[]>();
  readonly failures: InjectedFailure[] = [];
  readonly sockets = new Set<WebSocket>();
  identifies = 0;
  /** The `shard` of every IDENTIFY, in order ([0, 1] when the client sent none). */
  readonly identifyShards: [number, number][] = [];
  resumes = 0;
  /** What GET /gateway/bot says: the recommended shard count, and IDENTIFYs allowed per 5 s. */
  recommendedShards = 1;
  maxConcurrency = 16;
  /** When set, interactions are POSTed here, signed, as Discord does for an HTTP endpoint. */
  interactionsUrl: string | undefined;
  /** The application's Ed25519 key pair: requests to `interactionsUrl` are signed with it. */
  readonly keys = generateKeyPairSync('ed25519');
  private shardOf = new Map<WebSocket, [number, number]>();
  private sessionShard = new Map<string, [number, number]>();
  private sessions = new Set<string>();
  /** When set, the gateway answers the next IDENTIFY by closing with this code (4004, 4014, 4011…). */
  closeOnIdentify: number | null = null;
  /** When set, the gateway answers every IDENTIFY by closing with this code. */
  closeEveryIdentify: number | null = null;
  /** Uploaded attachments by path (`/attachments/<id>/<name>`). */
  readonly files = new Map<string, { bytes: Buffer; contentType: string }>();
  private waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private seq = 0;
  private nextId = 500000000000000000n;
  private server: http.Server;
  private wss: WebSocketServer;
  port = 0;

  private constructor() {
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
  }

  static async start(): Promise<DiscordEmulator> {
    const emu = new DiscordEmulator();
    await new Promise<void>((resolve) => emu.server.listen(0, '127.0.0.1', resolve));
    emu.port = (emu.server.address() as AddressInfo).port;
    return emu;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  snowflake(): string {
    return String(this.nextId++);
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)),
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `no matching request within ${timeoutMs} ms; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next request matching `failure` gets that Discord error instead of success. */
  failNext(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(rec: RecordedRequest) {
    this.requests.push(rec);
    this.notify(rec);
  }

  private notify(rec: RecordedRequest) {
    for (const w of this.waiters) {
      if (!w.predicate(rec)) continue;
      this.waiters.delete(w);
      w.resolve(rec);
    }
  }

  /** The application's public key as Discord shows it: 64 hexadecimal characters. */
  get publicKeyHex(): string {
    return this.keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  /** Headers Discord sends with `body`: an Ed25519 signature over timestamp + body. */
  signHeaders(body: string | Buffer, o: { timestamp?: number; key?: KeyObject } = {}): Record<string, string> {
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(
      null,
      Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
      o.key ?? this.keys.privateKey,
    );
    return {
      'content-type': 'application/json',
      'x-signature-ed25519': signature.toString('hex'),
      'x-signature-timestamp': timestamp,
    };
  }

  /** POSTs a signed interaction to `interactionsUrl`; its HTTP response is recorded as the callback. */
  private async deliver(id: string, token: string, payload: unknown) {
    const body = JSON.stringify(payload);
    const at = performance.now();
    const res = await fetch(this.interactionsUrl!, { method: 'POST', headers: this.signHeaders(body), body });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // recorded as text
    }
    this.record({
      method: 'POST',
      path: `/interactions/${id}/${token}/callback`,
      query: {},
      body: parsed,
      authorization: undefined,
      at,
      status: res.status,
      via: 'http',
    });
  }

  /**
   * Closes every gateway connection (or those of one shard) with `code`, as Discord does (4000
   * unknown error, resumable; 4004 bad token…).
   */
  closeGateway(code: number, reason = 'Closed by the emulator.', shard?: number): void {
    for (const ws of this.sockets)
      if (shard === undefined || this.shardOf.get(ws)?.[0] === shard) ws.close(code, reason);
  }

  // -------------------------------------------------------------------------------------------
  // REST

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      at: performance.now(),
    };
    this.record(rec);

    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      this.notify(rec); // again, for waiters on the status
      if (payload === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };

    const f = this.failures.findIndex((x) => (!x.method || x.method === rec.method) && path.includes(x.path));
    if (f >= 0) {
      const [failure] = this.failures.splice(f, 1);
      if (failure!.retryAfter !== undefined)
        return send(
          failure!.status,
          { message: failure!.message, retry_after: failure!.retryAfter, global: false, code: failure!.code },
          { 'retry-after': String(failure!.retryAfter), 'x-ratelimit-scope': 'user' },
        );
      return send(failure!.status, { code: failure!.code, message: failure!.message });
    }

    // Uploaded files, as Discord's CDN serves them (no authorization).
    const file = rec.method === 'GET' ? this.files.get(path) : undefined;
    if (file) return res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);

    const isBotAuth = rec.authorization === `Bot ${TOKEN}`;
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !isBotAuth) return send(401, { code: 0, message: '401: Unauthorized' });

    let m: RegExpMatchArray | null;
    if (rec.method === 'GET' && path === '/gateway/bot')
      return send(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency },
      });
    if (rec.method === 'GET' && path === '/gateway') return send(200, { url: `ws://127.0.0.1:${this.port}/gateway` });
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands(?:\/(\d+))?$/))) {
      const scope = m[2] ?? 'global';
      const list = this.registered.get(scope) ?? [];
      const stamp = (c: any) => ({
        ...c,
        id: c.id ?? this.snowflake(),
        application_id: m![1],
        version: this.snowflake(),
        type: c.type ?? 1,
        ...(m![2] ? { guild_id: m![2] } : {}),
      });
      if (rec.method === 'GET' && !m[3]) return send(200, list);
      if (rec.method === 'PUT' && !m[3]) {
        const next = (body as any[]).map((c) => stamp({ ...c, id: list.find((x) => x.name === c.name)?.id }));
        this.registered.set(scope, next);
        return send(200, next);
      }
      if (rec.method === 'POST' && !m[3]) {
        const cmd = stamp({ ...body, id: list.find((x) => x.name === body.name)?.id });
        this.registered.set(scope, [...list.filter((x) => x.name !== cmd.name), cmd]);
        return send(201, cmd);
      }
      if (rec.method === 'DELETE' && m[3]) {
        this.registered.set(
          scope,
          list.filter((x) => x.id !== m![3]),
        );
        return send(204);
      }
    }
    // Like Discord, a message over its limits is refused with 50035 Invalid Form Body.
    const problems = rec.method === 'GET' || rec.method === 'DELETE' ? [] : messageProblems(messageOf(rec));
    if (problems.length > 0) return send(400, { code: 50035, message: 'Invalid Form Body', problems });
    if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && rec.method === 'POST') {
      const withResponse = rec.query.with_response === 'true';
      return withResponse
        ? send(200, { interaction: { id: m[1], type: 2 }, resource: { type: body?.type } })
        : send(204);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/))) {
      if (rec.method === 'DELETE') return send(204);
      if (rec.method === 'PATCH' || rec.method === 'POST' || rec.method === 'GET')
        return send(200, this.message(body ?? {}, m[3]));
    }
    if (rec.method === 'GET' && path === '/users/@me') return send(200, this.botUser());
    if (rec.method === 'GET' && (m = path.match(/^\/applications\/(@me|\d+)$/)))
      return send(200, { id: APP_ID, name: 'newsdesk', flags: 0 });
    send(404, { code: 0, message: '404: Not Found' });
  }

  private botUser() {
    return {
      id: BOT_ID,
      username: 'newsdesk',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
    };
  }

  private message(body: any, id?: string) {
    return {
      id: id && /^\d+$/.test(id) ? id : this.snowflake(),
      channel_id: CHANNEL_ID,
      author: this.botUser(),
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
      webhook_id: APP_ID,
      application_id: APP_ID,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Gateway

  private onSocket(ws: WebSocket) {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      let msg: any;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 6) {
        // RESUME: the session goes on; nothing was missed in between.
        if (!this.sessions.has(msg.d?.session_id))
          return ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
        this.resumes++;
        this.shardOf.set(ws, this.sessionShard.get(msg.d.session_id)!);
        this.send(ws, 'RESUMED', {});
      }
      if (msg.op === 2) {
        this.identifies++;
        if (msg.d?.token !== TOKEN && msg.d?.token !== `Bot ${TOKEN}`) return ws.close(4004, 'Authentication failed.');
        if (this.closeEveryIdentify !== null) return ws.close(this.closeEveryIdentify, 'Closed by the emulator.');
        if (this.closeOnIdentify !== null) {
          const code = this.closeOnIdentify;
          this.closeOnIdentify = null;
          return ws.close(code, 'Closed by the emulator.');
        }
        const shard: [number, number] = Array.isArray(msg.d?.shard) ? msg.d.shard : [0, 1];
        this.identifyShards.push(shard);
        this.shardOf.set(ws, shard);
        const session = `emulator-session-${this.identifies}`;
        this.sessions.add(session);
        this.sessionShard.set(session, shard);
        const guilds = [GUILD_ID, GUILD_ID_2].filter((g) => onShard(g, shard));
        this.send(ws, 'READY', {
          v: 10,
          user: this.botUser(),
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: session,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard,
          application: { id: APP_ID, flags: 0 },
          private_channels: [],
          presences: [],
          relationships: [],
          user_settings: {},
          geo_ordered_rtc_regions: [],
        });
        // After READY, or the client waits 15 s for the guild before `clientReady`.
        for (const id of guilds) this.send(ws, 'GUILD_CREATE', this.guild(id));
      }
    });
  }

  private send(ws: WebSocket, t: string, d: unknown) {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private guild(id = GUILD_ID) {
    return {
      id,
      name: 'Emulated Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: USER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: GUILD_ID,
          name: '@everyone',
          permissions: MEMBER_PERMISSIONS,
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [
        {
          id: CHANNEL_ID,
          type: 0,
          guild_id: GUILD_ID,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  /** Sends a raw gateway dispatch to every connected client (with a guild: to its shard's). */
  dispatch(t: string, d: unknown, guildId?: string): void {
    for (const ws of this.sockets)
      if (!guildId || onShard(guildId, this.shardOf.get(ws) ?? [0, 1])) this.send(ws, t, d);
  }

  // -------------------------------------------------------------------------------------------
  // Interactions

  private interactionBase(type: number, o: InteractionOptions) {
    const id = this.snowflake();
    const guildId = o.guildId ?? GUILD_ID;
    const token = `itok-${id}`;
    const user = {
      id: o.userId ?? USER_ID,
      username: o.username ?? 'member',
      discriminator: '0',
      global_name: null,
      avatar: null,
      ...(o.bot ? { bot: true } : {}),
    };
    return {
      id,
      token,
      payload: {
        id,
        application_id: APP_ID,
        type,
        token,
        version: 1,
        guild_id: guildId,
        channel_id: CHANNEL_ID,
        channel: {
          id: CHANNEL_ID,
          type: 0,
          guild_id: guildId,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
        },
        member: {
          user,
          roles: [],
          permissions: o.permissions ?? MEMBER_PERMISSIONS,
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          nick: null,
          avatar: null,
        },
        app_permissions: '2248473465835073',
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guildId },
        context: 0,
        attachment_size_limit: 8388608,
      } as Record<string, unknown>,
    };
  }

  /** Through the gateway, or, with `interactionsUrl` set, as a signed POST to the HTTP endpoint. */
  private send_(base: { id: string; token: string; payload: Record<string, unknown> }): SentInteraction {
    if (this.interactionsUrl)
      void this.deliver(base.id, base.token, base.payload).catch((err: unknown) => {
        this.record({
          method: 'POST',
          path: `/interactions/${base.id}/${base.token}/callback`,
          query: {},
          body: { error: String(err) },
          authorization: undefined,
          at: performance.now(),
          status: 0,
          via: 'http',
        });
      });
    else this.dispatch('INTERACTION_CREATE', base.payload, String(base.payload.guild_id));
    return new SentInteraction(this, base.id, base.token);
  }

  /** The payload of `/name options…` without sending it (to sign or forge by hand). */
  slashPayload(
    name: string,
    options: Record<string, OptionValue> | any[] = {},
    o: InteractionOptions & { attachments?: EmulatedAttachment[] } = {},
  ) {
    const base = this.interactionBase(2, o);
    base.payload.data = {
      id: this.commandId(name),
      name,
      type: 1,
      options: this.options(options),
      guild_id: base.payload.guild_id,
      ...(o.attachments?.length
        ? { resolved: { attachments: Object.fromEntries(o.attachments.map((a) => [a.id, a])) } }
        : {}),
    };
    return base;
  }

  /** Options as `{ name: value }` (types inferred) or as raw option objects. */
  private options(options: Record<string, OptionValue> | any[], focused?: string) {
    if (Array.isArray(options)) return options;
    return Object.entries(options).map(([name, value]) => ({
      name,
      type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));
  }

  /** A member runs `/name options…`; `attachments` are the files its attachment options name (see `upload`). */
  slash(
    name: string,
    options: Record<string, OptionValue> | any[] = {},
    o: InteractionOptions & { attachments?: EmulatedAttachment[] } = {},
  ): SentInteraction {
    return this.send_(this.slashPayload(name, options, o));
  }

  /** A member runs `/name sub options…` (a subcommand). */
  subcommand(
    name: string,
    sub: string,
    options: any[] = [],
    o: InteractionOptions & { attachments?: EmulatedAttachment[] } = {},
  ): SentInteraction {
    return this.slash(name, [{ type: 1, name: sub, options }], o);
  }

  /** A file a member attached, served by the emulator as Discord's CDN would; use its `id` as the option value. */
  upload(filename: string, content: string | Buffer, contentType = 'text/markdown; charset=utf-8'): EmulatedAttachment {
    const id = this.snowflake();
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const at = `/attachments/${CHANNEL_ID}/${id}/${filename}`;
    this.files.set(at, { bytes, contentType });
    const url = `http://127.0.0.1:${this.port}${at}`;
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType };
  }

  /** A member submits the form (modal) with `customId`, its text fields filled in as given. */
  modalSubmit(customId: string, fields: Record<string, string>, o: InteractionOptions = {}): SentInteraction {
    const base = this.interactionBase(5, o);
    base.payload.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    };
    return this.send_(base);
  }

  /** A member is typing `focused` of `/name`; the other options are as given. */
  autocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    o: InteractionOptions = {},
  ): SentInteraction {
    const base = this.interactionBase(4, o);
    base.payload.data = {
      id: this.commandId(name),
      name,
      type: 1,
      options: this.options(options, focused),
      guild_id: base.payload.guild_id,
    };
    return this.send_(base);
  }

  /** A member presses the button with `customId` on a message the bot sent. */
  button(customId: string, o: InteractionOptions & { messageFlags?: number } = {}): SentInteraction {
    const base = this.interactionBase(3, o);
    base.payload.data = { custom_id: customId, component_type: 2 };
    base.payload.message = { ...this.message({ content: '', flags: o.messageFlags ?? 0 }) };
    return this.send_(base);
  }

  private commandId(name: string): string {
    for (const list of this.registered.values()) {
      const c = list.find((x) => x.name === name);
      if (c) return c.id;
    }
    return this.snowflake();
  }
}

/** Whether `guildId` is on `shard` ([id, count]): Discord's (guild id >> 22) % count. */
export function onShard(guildId: string, shard: [number, number]): boolean {
  return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
}

/** Custom ids of every button in a message body, in order. */
export function buttonIds(body: any): string[] {
  return (body?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));
}

/** The message data of a request: a callback's `data`, or a webhook body. */
export function messageOf(r: RecordedRequest): any {
  return r.path.endsWith('/callback') ? r.body?.data : r.body;
}

// ---------------------------------------------------------------------------------------------
// Starting the bot against the emulator, through the same `startBot` as `npm start`.

export interface TestBot {
  bot: Bot;
  /** Every log line, parsed. */
  logs: any[];
  logText: () => string;
}

let testDataDir: string | undefined;

/**
 * One database folder per test file unless the test names one: a bot started again in the same test file (a restart)
 * finds what the previous one stored, and the project's data/ stays untouched. Under vitest it goes after the file's
 * last hook (this module's hook is registered first, so it runs last); benchmark scripts remove their own folders.
 */
function testDataDirectory(): string {
  return (testDataDir ??= mkdtempSync(path.join(tmpdir(), 'newsdesk-data-')));
}
if (process.env.VITEST) {
  const { afterAll } = await import('vitest');
  afterAll(() => {
    if (testDataDir) rmSync(testDataDir, { recursive: true, force: true });
    testDataDir = undefined;
  });
}

/** A stream for the bot's JSON log lines, and the lines written to it so far. */
function logSink(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, sink };
}

export async function startTestBot(
  emu: DiscordEmulator,
  /** `watch`: watch the knowledge folder, as `npm start` does (default true; ignored with a fixed `engine`). */
  o: { env?: Record<string, string>; commands?: readonly Command[]; engine?: Engine; watch?: boolean } = {},
): Promise<TestBot> {
  const { lines, sink } = logSink();
  const env = parseEnv({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_APPLICATION_ID: APP_ID,
    LOG_LEVEL: 'debug',
    DATA_DIR: testDataDirectory(),
    ...o.env,
  });
  const logger = createLogger(env.LOG_LEVEL, sink);
  const bot = await startBot(env, {
    commands: o.commands ?? allCommands,
    logger,
    engine: o.engine,
    cacheDir: null,
    watch: o.watch ?? true,
  });
  return {
    bot,
    get logs() {
      return lines.map((l) => JSON.parse(l));
    },
    logText: () => lines.join('\n'),
  };
}

export interface TestServer {
  /** Its `close` also closes the runtime (watcher, worker, database). */
  server: InteractionsServer;
  handler: InteractionHandler;
  /** The engine answering now (a live reload replaces it). */
  readonly engine: Engine;
  live: LiveKnowledge | null;
  store: FeedbackStore;
  logs: any[];
  logText: () => string;
}

/**
 * `npm run serve`'s parts in this process: the HTTP endpoint on 127.0.0.1 with the emulator's
 * public key, follow-ups to the emulator's REST. Sets `emu.interactionsUrl`, so `emu.slash(…)`
 * and the rest deliver signed POSTs to it.
 */
export async function startTestServer(
  emu: DiscordEmulator,
  /** `watch`: watch the knowledge folder, as `npm run serve` does (default false; ignored with a fixed `engine`). */
  o: {
    env?: Record<string, string>;
    commands?: readonly Command[];
    engine?: Engine;
    deferAfterMs?: number;
    watch?: boolean;
  } = {},
): Promise<TestServer> {
  const { lines, sink } = logSink();
  const env = parseEnv({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_PUBLIC_KEY: emu.publicKeyHex,
    LOG_LEVEL: 'debug',
    DATA_DIR: testDataDirectory(),
    ...o.env,
  });
  const logger = createLogger(env.LOG_LEVEL, sink);
  // What `npm run serve` builds (bot/runtime.ts): live knowledge and the moderators' database.
  const runtime = openRuntime({
    env,
    commands: o.commands ?? allCommands,
    logger,
    engine: o.engine,
    cacheDir: null,
    watch: o.watch ?? false,
  });
  const { holder, live, store, handler } = runtime;
  const server = await startInteractionsServer({
    publicKey: env.DISCORD_PUBLIC_KEY!,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: env.INTERACTIONS_MAX_BODY_BYTES,
    handler,
    rest: runtime.replies,
    logger,
    health: () => ({ passages: holder.current.index.passages.length }),
    deferAfterMs: o.deferAfterMs,
  });
  emu.interactionsUrl = `${server.url}/interactions`;
  const close = server.close.bind(server);
  server.close = async () => {
    await live?.close();
    await close();
    await runtime.close();
  };
  return {
    server,
    handler,
    get engine() {
      return holder.current;
    },
    live,
    store,
    get logs() {
      return lines.map((l) => JSON.parse(l));
    },
    logText: () => lines.join('\n'),
  };
}

/**
 * What Discord would refuse in a message (https://discord.com/developers/docs/resources/message): content over 2,000
 * characters, more than 10 embeds, an embed part over its limit, or more than 6,000 embed characters in all.
 */
export function messageProblems(data: any): string[] {
  if (!data || typeof data !== 'object') return [];
  const out: string[] = [];
  const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);
  if (len(data.content) > 2000) out.push(`content: ${len(data.content)} > 2000`);
  const embeds: any[] = Array.isArray(data.embeds) ? data.embeds : [];
  if (embeds.length > 10) out.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, n: number, max: number) => {
      if (n > max) out.push(`embeds[${i}].${what}: ${n} > ${max}`);
    };
    check('title', len(e.title), 256);
    check('description', len(e.description), 4096);
    check('footer.text', len(e.footer?.text), 2048);
    check('author.name', len(e.author?.name), 256);
    const fields: any[] = e.fields ?? [];
    check('fields', fields.length, 25);
    fields.forEach((f, j) => {
      check(`fields[${j}].name`, len(f.name), 256);
      check(`fields[${j}].value`, len(f.value), 1024);
    });
    total +=
      len(e.title) +
      len(e.description) +
      len(e.footer?.text) +
      len(e.author?.name) +
      fields.reduce((n: number, f: any) => n + len(f.name) + len(f.value), 0);
  });
  if (total > 6000) out.push(`embeds: ${total} characters > 6000`);
  return out;
}

/**
 * A cooldown refusal's "try again in N s": the window opened at the first use, at or after `start`, so N is the
 * window less the time since then, rounded up: at most the window, and on a loaded machine (the first answers can
 * take seconds) no less than the window less the whole run since `start`.
 */
export function expectRetryAfter(content: string, start: number, windowSeconds = 60): void {
  const elapsed = (Date.now() - start) / 1000;
  const wait = Number(/try again in (\d+) s/.exec(content)?.[1]);
  expect(wait).toBeLessThanOrEqual(windowSeconds);
  expect(wait).toBeGreaterThanOrEqual(Math.ceil(windowSeconds - elapsed));
}
