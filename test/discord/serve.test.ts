import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempKnowledge } from '../core/helpers.ts';
import { processSuite, startProgram, stopTree, until } from './processes.ts';
import { APP_ID, TOKEN } from './emulator.ts';

/** `npm run serve` as an operator runs it: a real process, environment only, stopped by SIGTERM. */

const suite = processSuite('newsdesk-serve-');
const serve = (env: Record<string, string>) => startProgram('bot/serve.ts', { cwd: suite.cwd, env });

describe('npm run serve, as a process', () => {
  it(
    'starts, answers signed requests, refuses forged ones, and stops cleanly on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const { emu, cwd } = suite;
      const env = {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        DISCORD_APPLICATION_ID: APP_ID,
        // A copy: the endpoint watches its knowledge folder, and the test drops an article into it.
        KNOWLEDGE_DIR: tempKnowledge({}, true),
        INTERACTIONS_PORT: '0',
      };
      const missing = serve(env);
      expect(await missing.exit).toBe(1);
      expect(missing.err().trim()).toBe('Configuration error: DISCORD_PUBLIC_KEY is required (see .env.example)');

      const p = serve({ ...env, DISCORD_PUBLIC_KEY: emu.publicKeyHex });
      try {
        await until(
          () => p.out().includes('"msg":"listening"') || p.child.exitCode !== null,
          60_000,
          'listening',
          p.dump,
        );
        if (p.child.exitCode !== null) throw new Error(p.dump());
        const listening = JSON.parse(
          p
            .out()
            .split('\n')
            .find((l) => l.includes('"msg":"listening"'))!,
        );
        expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/interactions$/);
        emu.interactionsUrl = listening.url;
        const base = listening.url.replace(/\/interactions$/, '');

        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        const cb = await emu.slash('ask', { question: 'How many documents did Azerbaijan sign in 2025?' }).final();
        expect(cb.body.type).toBe(4);
        expect(cb.body.data.content).toContain('191 bilateral');

        const forged = await fetch(listening.url, {
          method: 'POST',
          headers: {
            'x-signature-ed25519': 'a'.repeat(128),
            'x-signature-timestamp': String(Math.floor(Date.now() / 1000)),
          },
          body: '{"type":1}',
        });
        expect(forged.status).toBe(401);

        // Live knowledge and the moderators' database, as the gateway bot has them.
        const dropped = Date.now();
        fs.writeFileSync(
          path.join(env.KNOWLEDGE_DIR, 'otters.md'),
          '---\ntitle: Otters return\npublished: 2026-03-02\n---\n\nA family of otters was filmed near Guildford in February.\n',
        );
        let otters = '';
        let probes = 0;
        while (!otters.includes('Guildford') && Date.now() - dropped < 10_000) {
          await new Promise((r) => setTimeout(r, 200));
          probes++;
          otters = (await emu.slash('ask', { question: 'Where were the otters filmed?' }).final()).body.data.content;
        }
        expect(otters, p.out()).toContain('Guildford');
        expect(fs.existsSync(path.join(cwd, 'data', 'newsdesk.sqlite'))).toBe(true);

        p.child.kill('SIGTERM');
        expect(await p.exit).toBe(0);
        const lines = p.logs();
        expect(lines.find((l) => l.msg === 'stopped')).toMatchObject({
          stats: { accepted: 1 + probes, 'bad signature': 1 },
        });
        expect(lines.find((l) => l.msg === 'command')).toMatchObject({ command: 'ask', transport: 'http' });
        expect(p.out() + p.err()).not.toContain(TOKEN);
      } finally {
        await stopTree(p.child);
        fs.rmSync(env.KNOWLEDGE_DIR, { recursive: true, force: true });
      }
    },
  );
});
