import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../bot/env.ts';
import { createLogger } from '../../bot/logger.ts';
import { openRuntime } from '../../bot/runtime.ts';
import { createEngine } from '../../src/engine.ts';
import { databasePath } from '../../src/moderation/store.ts';
import { KNOWLEDGE } from '../core/helpers.ts';

/** bot/runtime.ts: what the gateway bot and the HTTP endpoint both build, in one place. */
describe('openRuntime', () => {
  it('opens the database in DATA_DIR and logs a rate limit on the replies for either transport', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-runtime-'));
    const env = parseEnv({ DISCORD_TOKEN: 'token', DATA_DIR: dataDir });
    const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
    const runtime = openRuntime({ env, commands: [], logger: createLogger('info', sink), engine, cacheDir: null });
    try {
      expect(runtime.store.file).toBe(databasePath(dataDir));
      expect(runtime.holder.current).toBe(engine);
      expect(runtime.handler.inFlight).toBe(0);
      const route = '/webhooks/:id/:token/messages/@original';
      runtime.replies.emit('rateLimited', {
        global: false,
        method: 'PATCH',
        url: `https://discord.test/api${route}`,
        route,
        majorParameter: 'id',
        hash: 'hash',
        limit: 5,
        timeToReset: 250,
        retryAfter: 250,
        sublimitTimeout: 0,
        scope: 'user',
      });
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logged.find((l) => l['msg'] === 'rate limited')).toMatchObject({ level: 40, route, retryAfter: 250 });
    } finally {
      await runtime.close();
    }
  });
});
