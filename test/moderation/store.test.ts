import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { gapsReport, GapsReportSchema, groupQuestions } from '../../src/moderation/gaps.ts';
import { databasePath, FeedbackStore, SCHEMA_VERSION } from '../../src/moderation/store.ts';
import { KNOWLEDGE, ROOT } from '../core/helpers.ts';

const open: FeedbackStore[] = [];
function store(file = path.join(mkdtempSync(path.join(tmpdir(), 'store-test-')), 'db.sqlite')): FeedbackStore {
  const s = new FeedbackStore(file);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const G = '200000000000000002';
const asked = (question: string, answered = false, passageIds: string[] = []) => ({
  at: Date.now(),
  guild: G,
  question,
  answered,
  passageIds,
});

describe('FeedbackStore', () => {
  it('writes a plain SQLite file in WAL mode at the current schema version', () => {
    const s = store();
    expect(readFileSync(s.file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // libsql ignores its `readonly` option; SQLite's URI form opens read-only for real
    const db = new Database(`file:${s.file}?mode=ro`);
    expect(db.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toMatchObject({ user_version: SCHEMA_VERSION });
    expect(() => db.exec(`DELETE FROM meta`)).toThrow(/readonly/);
    db.close();
  });

  it('brings an empty database forward and refuses one from a newer release, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
    const old = path.join(dir, 'old.sqlite');
    new Database(old).close();
    expect(store(old).schemaVersion).toBe(SCHEMA_VERSION);
    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new FeedbackStore(newer)).toThrow(`${newer}: schema version ${SCHEMA_VERSION + 1} is newer`);
  });

  it('processes that open a new file at once (shards starting together) migrate it once and share one salt', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'store-test-')), 'db.sqlite');
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const children = Array.from({ length: 3 }, () =>
      spawn(tsx, [path.join(import.meta.dirname, 'open-store.ts'), file], { stdio: ['pipe', 'pipe', 'pipe'] }),
    );
    const outputs = children.map((child) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('ready') && resolve()));
      const exit = new Promise<string>((resolve) => child.on('exit', (code) => resolve(`${code} ${out}${err}`)));
      return { ready, exit };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const child of children) child.stdin.write('go\n');
    const results = await Promise.all(outputs.map((o) => o.exit));
    for (const r of results) expect(r).toMatch(/^0 ready\n\{/);
    const opened = results.map((r) => JSON.parse(r.split('\n')[1]!) as { version: number; voter: string });
    expect(opened.map((o) => o.version)).toEqual([SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION]);
    expect(new Set(opened.map((o) => o.voter)).size).toBe(1);
  });

  it('returns rows with their fields only', () => {
    const s = store();
    const id = s.recordAsked(asked('Who mediated?', true, ['a#p1']));
    expect(s.asked(id)).toStrictEqual({ ...asked('Who mediated?', true, ['a#p1']), at: s.asked(id)!.at, id });
    expect(s.asked(id + 1)).toBeNull();
    expect(s.tally(id)).toStrictEqual({ up: 0, down: 0 });
    expect(s.counts()).toStrictEqual({ asked: 1, declined: 0, votes: 0 });
  });

  it('counts one vote per member per answer; a second press adds nothing, a change moves the vote', () => {
    const s = store();
    const id = s.recordAsked(asked('Who mediated?', true, ['a#p1']));
    expect(s.vote(id, G, 'm1', 1, 1)).toEqual({ previous: 0, up: 1, down: 0 });
    expect(s.vote(id, G, 'm1', 1, 2)).toEqual({ previous: 1, up: 1, down: 0 });
    expect(s.vote(id, G, 'm2', 1, 3)).toEqual({ previous: 0, up: 2, down: 0 });
    expect(s.vote(id, G, 'm1', -1, 4)).toEqual({ previous: 1, up: 1, down: 1 });
    expect(s.vote(id, G, 'm1', -1, 5)).toEqual({ previous: -1, up: 1, down: 1 });
    expect(s.vote(id, 'another guild', 'm3', 1, 6)).toBeNull();
    expect(s.vote(id + 1, G, 'm3', 1, 6)).toBeNull();
  });

  it('stores no member id, only a salted hash', () => {
    const s = store();
    const id = s.recordAsked(asked('Who mediated?', true, ['a#p1']));
    s.vote(id, G, '412345678901234567', -1, 1);
    expect(s.comment(id, '412345678901234567', 'the names of the mediators')).toBe(true);
    s.close();
    const bytes = readFileSync(s.file).toString('latin1') + readFileSync(`${s.file}-wal`, { flag: 'a+' }).toString();
    expect(bytes).not.toContain('412345678901234567');
    const other = store();
    expect(other.voterHash('412345678901234567')).not.toBe(new FeedbackStore(s.file).voterHash('412345678901234567'));
  });

  it('survives a restart: the same file opens with the same votes and salt', () => {
    const file = databasePath(mkdtempSync(path.join(tmpdir(), 'store-test-')));
    const a = store(file);
    const id = a.recordAsked(asked('Who mediated?', true, ['a#p1']));
    a.vote(id, G, 'm1', -1, 1);
    a.recordAsked(asked('Who won the World Cup?'));
    a.close();
    const b = store(file);
    expect(b.tally(id)).toEqual({ up: 0, down: 1 });
    expect(b.vote(id, G, 'm1', -1, 2)!.previous).toBe(-1);
    expect(b.declined(0).map((r) => r.question)).toEqual(['Who won the World Cup?']);
    expect(b.downvoted(0)).toEqual([{ question: 'Who mediated?', passageIds: ['a#p1'], votes: 1, comments: [] }]);
  });

  it('forgets one guild and keeps the others', () => {
    const s = store();
    const id = s.recordAsked(asked('Who mediated?', true, ['a#p1']));
    s.vote(id, G, 'm1', 1, 1);
    s.recordAsked(asked('Bitcoin price?'));
    s.recordAsked({ ...asked('Weather in Baku?'), guild: 'other' });
    expect(s.forgetGuild(G)).toEqual({ asked: 2, declined: 1, votes: 1 });
    expect(s.counts(G)).toEqual({ asked: 0, declined: 0, votes: 0 });
    expect(s.counts()).toEqual({ asked: 1, declined: 1, votes: 0 });
  });

  it('prunes old answered questions nobody voted on, keeping declined and voted ones', () => {
    const s = store();
    const old = Date.now() - 40 * 86_400_000;
    s.recordAsked({ ...asked('unrated', true), at: old });
    const voted = s.recordAsked({ ...asked('rated', true), at: old });
    s.vote(voted, G, 'm', 1, old);
    s.recordAsked({ ...asked('declined'), at: old });
    expect(s.pruneUnrated(Date.now())).toBe(1);
    expect(s.counts()).toEqual({ asked: 2, declined: 1, votes: 1 });
  });
});

describe('gaps', () => {
  it('groups similar declined questions by content terms, most frequent first', () => {
    const groups = groupQuestions([
      'Who won the 2018 World Cup?',
      'who won the 2018 world cup',
      'Who won the world cup in 2018?',
      'What is the price of Bitcoin?',
      'Bitcoin price today?',
      'Who won the 2018 World Cup?',
      'What is the weather in Baku tomorrow?',
    ]);
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['Who won the 2018 World Cup', 4],
      ['Bitcoin price today', 2],
      ['What is the weather in Baku tomorrow', 1],
    ]);
    expect(groups[0]!.examples).toEqual(['Who won the 2018 World Cup', 'Who won the world cup in 2018']);
  });

  it('names the nearest article and section, or null when the material shares no term', () => {
    const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
    const rows = ['How many embassies does Azerbaijan have in Africa?', 'What is the price of Bitcoin?'].map(
      (question, i) => ({ ...asked(question), id: i }),
    );
    const report = GapsReportSchema.parse(gapsReport(rows, [], engine.index));
    const africa = report.declined.find((g) => g.question.includes('Africa'))!;
    expect(africa.nearest?.title).toMatch(/Azerbaijan/);
    expect(africa.nearest?.section).toMatch(/Diplomacy/);
    expect(report.declined.find((g) => g.question.includes('Bitcoin'))!.nearest).toBeNull();
  });

  it('lists 👎 answers by question and cited passage, votes added up', () => {
    const report = gapsReport(
      [],
      [
        { question: 'Who mediated?', passageIds: ['a#p1'], votes: 1, comments: [] },
        { question: 'who mediated', passageIds: ['a#p1'], votes: 2, comments: ['names'] },
        { question: 'When?', passageIds: ['a#p2'], votes: 1, comments: [] },
      ],
      null,
    );
    expect(report.downvoted).toEqual([
      { question: 'Who mediated', passageId: 'a#p1', votes: 3, comments: ['names'] },
      { question: 'When', passageId: 'a#p2', votes: 1, comments: [] },
    ]);
  });
});
