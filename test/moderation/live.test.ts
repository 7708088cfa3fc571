import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../bot/knowledge/live.ts';
import { LAST_GOOD_NOTE } from '../../src/knowledge/rebuild.ts';
import { article, tempKnowledge } from '../core/helpers.ts';

const logger = pino({ level: 'silent' });
const started: LiveKnowledge[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const l of started.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function live(files: Record<string, string>, copySeed = true, watch = false): LiveKnowledge {
  const dir = tempKnowledge(files, copySeed);
  dirs.push(dir);
  const l = new LiveKnowledge({ knowledgeDir: dir, cacheDir: null, logger, watch });
  started.push(l);
  return l;
}

const OTTERS = article(
  'Otters return to the river Wey',
  '2026-03-02',
  'A family of otters was filmed near Guildford in February, the first sighting on the river Wey in forty years.',
);

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - t0;
}

describe('LiveKnowledge', () => {
  it('answers from an article dropped into the watched folder within seconds, without a restart', async () => {
    const l = live({}, true, true);
    await l.ready();
    const before = l.current;
    expect(before.ask('Where were the otters filmed?').answered).toBe(false);
    writeFileSync(path.join(l.knowledgeDir, 'otters.md'), OTTERS);
    const ms = await until(() => l.current.ask('Where were the otters filmed?').answered, 10_000);
    expect(ms).toBeLessThan(10_000);
    expect(l.current.ask('Where were the otters filmed?').snippets[0]!.text).toContain('Guildford');
    expect(l.last).toMatchObject({ ok: true, reason: 'watch', added: ['otters.md'], removed: [], changed: [] });
    // Unchanged articles keep their passage ids.
    expect(l.current.index.passages.filter((p) => !p.articleId.startsWith('otters')).map((p) => p.id)).toEqual(
      before.index.passages.map((p) => p.id),
    );

    unlinkSync(path.join(l.knowledgeDir, 'otters.md'));
    await until(() => !l.current.ask('Where were the otters filmed?').answered, 10_000);
    expect(l.last.removed).toEqual(['otters.md']);
  });

  it('keeps serving the last good version of an article whose file breaks, and reports the file', async () => {
    const l = live({ 'otters.md': OTTERS });
    const file = path.join(l.knowledgeDir, 'otters.md');
    const ids = l.current.index.passages.map((p) => p.id);
    writeFileSync(file, OTTERS.replace('title:', 'titel:'));
    const report = await l.reload('command');
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      { file: expect.stringContaining('otters.md'), message: expect.stringContaining('title') },
    ]);
    expect(report.problems[0]!.message).toContain(LAST_GOOD_NOTE);
    expect(l.current.ask('Where were the otters filmed?').answered).toBe(true);
    expect(l.current.index.passages.map((p) => p.id)).toEqual(ids);

    // A new broken file has no last good version: skipped, everything else serves.
    writeFileSync(path.join(l.knowledgeDir, 'broken.md'), 'no front matter at all');
    const second = await l.reload('command');
    expect(second.problems.map((p) => path.basename(p.file)).sort()).toEqual(['broken.md', 'otters.md']);
    expect(second.problems.find((p) => p.file.endsWith('broken.md'))!.message).not.toContain(LAST_GOOD_NOTE);
    expect(l.current.ask('How many documents did Azerbaijan sign in 2025?').answered).toBe(true);

    // Fixed again: the new text serves and the problem is gone.
    writeFileSync(file, OTTERS.replace('Guildford', 'Godalming'));
    rmSync(path.join(l.knowledgeDir, 'broken.md'));
    const third = await l.reload('command');
    expect(third.problems).toEqual([]);
    expect(third.changed).toEqual(['otters.md']);
    expect(l.current.ask('Where were the otters filmed?').snippets[0]!.text).toContain('Godalming');
  });

  it('a file broken from the start has no last good version, however often it changes', async () => {
    const l = live({ 'otters.md': OTTERS.replace('title:', 'titel:') });
    expect(l.last.problems).toHaveLength(1);
    writeFileSync(path.join(l.knowledgeDir, 'otters.md'), OTTERS.replace('title:', 'tytle:'));
    const report = await l.reload('command');
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).not.toContain(LAST_GOOD_NOTE);
    expect(report.added).toEqual([]);
    expect(l.current.ask('Where were the otters filmed?').answered).toBe(false);
  });

  it('serializes reloads: requests during a rebuild are served by one more rebuild that sees every change', async () => {
    const l = live({});
    const first = l.reload('command');
    writeFileSync(path.join(l.knowledgeDir, 'otters.md'), OTTERS);
    const second = l.reload('command');
    const third = l.reload('watch');
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(b).toBe(c);
    expect(a.ok && b.ok).toBe(true);
    expect(l.current.ask('Where were the otters filmed?').answered).toBe(true);
    expect(readFileSync(path.join(l.knowledgeDir, 'otters.md'), 'utf8')).toBe(OTTERS);
  });
});

describe('LiveKnowledge cache files', () => {
  it('removes the replaced generation of cache files, keeping the current one', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'live-cache-'));
    dirs.push(cacheDir);
    const dir = tempKnowledge({ 'otters.md': OTTERS });
    dirs.push(dir);
    const l = new LiveKnowledge({ knowledgeDir: dir, cacheDir, logger, watch: false });
    started.push(l);
    const before = readdirSync(cacheDir).sort();
    expect(before).toHaveLength(3); // the index, the knowledge snapshot and the fact fields
    writeFileSync(path.join(dir, 'otters.md'), OTTERS.replace('Guildford', 'Godalming'));
    expect((await l.reload('command')).ok).toBe(true);
    const after = readdirSync(cacheDir).sort();
    expect(after).toHaveLength(3);
    expect(after.filter((f) => before.includes(f))).toEqual([]);
    expect(l.current.cache.file && path.basename(l.current.cache.file)).toBeOneOf(after);
  });
});
