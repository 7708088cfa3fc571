import { appendFileSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { tempKnowledge } from './helpers.ts';

describe('index cache', () => {
  it('builds once, loads the cached index next time, and rebuilds when a knowledge file changes', () => {
    const dir = tempKnowledge({}, true);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cache-test-'));
    const q = 'How many documents did Azerbaijan sign in 2025?';

    const first = createEngine({ knowledgeDir: dir, cacheDir });
    expect(first.cache.hit).toBe(false);
    expect(readdirSync(cacheDir).length).toBeGreaterThan(0);

    const second = createEngine({ knowledgeDir: dir, cacheDir });
    expect(second.cache.hit).toBe(true);
    expect(second.ask(q)).toEqual({ ...first.ask(q), ms: expect.any(Number) });

    appendFileSync(path.join(dir, 'azerbaijan-diplomacy-2025.md'), '\nA new closing paragraph about ports.\n');
    const third = createEngine({ knowledgeDir: dir, cacheDir });
    expect(third.cache.hit).toBe(false);
    expect(third.ask('What is the new closing paragraph about?').snippets[0]?.text).toContain('ports');
  });
});
