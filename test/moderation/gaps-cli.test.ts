import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath, FeedbackStore } from '../../src/moderation/store.ts';
import { ROOT } from '../core/helpers.ts';

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const gaps = (args: string[]) =>
  spawnSync(tsx, ['cli/gaps.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: '' } });

let data: string;
beforeAll(() => {
  data = mkdtempSync(path.join(tmpdir(), 'gaps-cli-'));
  const store = new FeedbackStore(databasePath(data));
  const now = Date.now();
  const ask = (question: string, answered = false, passageIds: string[] = [], at = now) =>
    store.recordAsked({ at, guild: '1', question, answered, passageIds });
  ask('Who won the 2018 World Cup?');
  ask('who won the world cup in 2018');
  ask('How many embassies does Azerbaijan have in Africa?');
  ask('An old question nobody asks any more', false, [], now - 40 * 86_400_000);
  const answered = ask('Who was the main mediator?', true, ['azerbaijan-diplomacy-2025#p3']);
  store.vote(answered, '1', 'a', -1, now);
  store.vote(answered, '1', 'a', -1, now); // the same member twice: one vote
  store.vote(answered, '1', 'b', -1, now);
  store.vote(answered, '1', 'c', 1, now);
  store.close();
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('npm run gaps', () => {
  it('--json prints the object of docs/CONTRACTS.md: groups most frequent first, 👎 votes one per member', () => {
    const r = gaps(['--json', '--data', data, '--days', '30']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['declined', 'downvoted']);
    expect(out.declined[0]).toEqual({
      question: 'Who won the 2018 World Cup',
      count: 2,
      examples: ['Who won the 2018 World Cup', 'who won the world cup in 2018'],
      nearest: null,
    });
    expect(out.declined[1]).toMatchObject({ count: 1, nearest: { title: expect.stringContaining('Azerbaijan') } });
    expect(out.declined).toHaveLength(2); // the 40-day-old question is outside the period
    expect(out.downvoted).toEqual([
      { question: 'Who was the main mediator', passageId: 'azerbaijan-diplomacy-2025#p3', votes: 2, comments: [] },
    ]);
  });

  it('prints a readable report, and refuses a bad flag in one line', () => {
    const r = gaps(['--data', data]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2× "Who won the 2018 World Cup"');
    expect(r.stdout).toContain('the material has nothing on it');
    expect(r.stdout).toContain('2× 👎 "Who was the main mediator"');
    const bad = gaps(['--days', 'soon']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--days/);
  });
});
