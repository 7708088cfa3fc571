import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * What must outlast a restart, in one SQLite file (better-sqlite3, WAL mode): the questions the
 * bot was asked where moderators need them (every public answer, so that its 👍/👎 buttons have
 * something to point at, and every declined question), and the members' votes on answers.
 *
 * Nothing here knows Discord: a guild is an opaque string and so is a member. No user name is
 * stored; a member's id only as a salted hash (the salt lives in the database, made once), which
 * is all the one-vote-per-member rule needs. The caller passes the file's path (front ends read
 * `DATA_DIR`), so this module reads no environment.
 *
 * The schema is versioned with SQLite's `user_version`: `MIGRATIONS[i]` takes version i to i + 1,
 * each in a transaction, so a database from an older release is brought forward on open.
 */

/** The database file inside `DATA_DIR`. */
export const DATABASE_FILE = 'newsdesk.sqlite';
/** Answered questions nobody voted on are kept this long (a member may still vote), then deleted. */
export const UNRATED_ANSWER_DAYS = 30;
/** A 👎 comment ("what were you looking for?") is cut to this many characters. */
export const COMMENT_MAX = 500;
const DAY_MS = 86_400_000;

const MIGRATIONS: string[] = [
  `CREATE TABLE asked (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,            -- milliseconds since the epoch
     guild TEXT NOT NULL,            -- '' outside a guild
     question TEXT NOT NULL,
     answered INTEGER NOT NULL,      -- 1 answered, 0 declined
     passage_ids TEXT NOT NULL       -- JSON array, best first
   );
   CREATE INDEX asked_guild_at ON asked (guild, at);
   CREATE TABLE votes (
     asked_id INTEGER NOT NULL REFERENCES asked (id) ON DELETE CASCADE,
     voter TEXT NOT NULL,            -- salted hash of the member's id
     vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     at INTEGER NOT NULL,
     comment TEXT,
     PRIMARY KEY (asked_id, voter)
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export interface AskedRecord {
  at: number;
  guild: string;
  question: string;
  answered: boolean;
  passageIds: string[];
}

export interface AskedRow extends AskedRecord {
  id: number;
}

export type Vote = 1 | -1;

export interface VoteOutcome {
  /** The member's vote before this press (0 for none). */
  previous: Vote | 0;
  /** Votes on this answer after the press, one per member. */
  up: number;
  down: number;
}

export interface DownvotedRow {
  question: string;
  passageIds: string[];
  votes: number;
  comments: string[];
}

export interface StoreCounts {
  asked: number;
  declined: number;
  votes: number;
}

export class FeedbackStore {
  private readonly db: Database.Database;
  private readonly salt: string;

  /** Opens (creating when needed) the database at `file`, or in memory for ':memory:'. */
  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // WAL's usual pairing: durable at each checkpoint, fast commits
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 2000'); // a CLI reading while the bot writes waits instead of failing
    this.migrate();
    this.salt = this.saltValue();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const from = this.schemaVersion;
    if (from > MIGRATIONS.length)
      throw new Error(`${this.file}: schema version ${from} is newer than this program (${MIGRATIONS.length})`);
    for (let v = from; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private saltValue(): string {
    const row = this.db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'salt'`).get();
    if (row) return row.value;
    const salt = randomBytes(32).toString('hex');
    this.db.prepare(`INSERT INTO meta (key, value) VALUES ('salt', ?)`).run(salt);
    return salt;
  }

  /** The stored form of a member: a salted hash, never the id itself. */
  voterHash(memberId: string): string {
    return createHash('sha256').update(this.salt).update('\0').update(memberId).digest('base64url').slice(0, 32);
  }

  /** Records a question and what became of it; returns its id (for the vote buttons). */
  recordAsked(r: AskedRecord): number {
    const info = this.db
      .prepare(`INSERT INTO asked (at, guild, question, answered, passage_ids) VALUES (?, ?, ?, ?, ?)`)
      .run(r.at, r.guild, r.question, r.answered ? 1 : 0, JSON.stringify(r.passageIds));
    return Number(info.lastInsertRowid);
  }

  asked(id: number): AskedRow | null {
    const row = this.db
      .prepare<[number], RawAsked>(`SELECT id, at, guild, question, answered, passage_ids FROM asked WHERE id = ?`)
      .get(id);
    return row ? fromRaw(row) : null;
  }

  /**
   * One vote per member per answer: a new press replaces the member's earlier vote (so a second
   * 👍 changes nothing, and 👎 after 👍 moves the vote). Null when the answer is not stored (any
   * more) or belongs to another guild.
   */
  vote(askedId: number, guild: string, memberId: string, vote: Vote, at: number): VoteOutcome | null {
    return this.db.transaction((): VoteOutcome | null => {
      const owner = this.db.prepare<[number], { guild: string }>(`SELECT guild FROM asked WHERE id = ?`).get(askedId);
      if (!owner || owner.guild !== guild) return null;
      const voter = this.voterHash(memberId);
      const before = this.db
        .prepare<[number, string], { vote: Vote }>(`SELECT vote FROM votes WHERE asked_id = ? AND voter = ?`)
        .get(askedId, voter);
      this.db
        .prepare(
          `INSERT INTO votes (asked_id, voter, vote, at) VALUES (?, ?, ?, ?)
           ON CONFLICT (asked_id, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at,
             comment = CASE WHEN votes.vote = excluded.vote THEN votes.comment END`,
        )
        .run(askedId, voter, vote, at);
      return { previous: before?.vote ?? 0, ...this.tally(askedId) };
    })();
  }

  tally(askedId: number): { up: number; down: number } {
    const row = this.db
      .prepare<[number], { up: number | null; down: number | null }>(
        `SELECT SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM votes WHERE asked_id = ?`,
      )
      .get(askedId);
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /** Saves what a member who voted 👎 was looking for. False when there is no such 👎 vote. */
  comment(askedId: number, memberId: string, text: string): boolean {
    const info = this.db
      .prepare(`UPDATE votes SET comment = ? WHERE asked_id = ? AND voter = ? AND vote = -1`)
      .run(text.slice(0, COMMENT_MAX), askedId, this.voterHash(memberId));
    return info.changes > 0;
  }

  /** Declined questions since `since` (ms), oldest first; every guild when `guild` is undefined. */
  declined(since: number, guild?: string): AskedRow[] {
    const rows = this.db
      .prepare<[number, string | null, string | null], RawAsked>(
        `SELECT id, at, guild, question, answered, passage_ids FROM asked
         WHERE answered = 0 AND at >= ? AND (? IS NULL OR guild = ?) ORDER BY at, id`,
      )
      .all(since, guild ?? null, guild ?? null);
    return rows.map(fromRaw);
  }

  /** Answers with at least one 👎 (each member's last press) asked since `since`, most 👎 first. */
  downvoted(since: number, guild?: string): DownvotedRow[] {
    const rows = this.db
      .prepare<
        [number, string | null, string | null],
        { question: string; passage_ids: string; votes: number; comments: string | null }
      >(
        `SELECT a.question, a.passage_ids, COUNT(*) AS votes,
                json_group_array(v.comment) FILTER (WHERE v.comment IS NOT NULL) AS comments
         FROM asked a JOIN votes v ON v.asked_id = a.id
         WHERE v.vote = -1 AND a.at >= ? AND (? IS NULL OR a.guild = ?)
         GROUP BY a.id ORDER BY votes DESC, a.at DESC`,
      )
      .all(since, guild ?? null, guild ?? null);
    return rows.map((r) => ({
      question: r.question,
      passageIds: JSON.parse(r.passage_ids) as string[],
      votes: r.votes,
      comments: r.comments ? (JSON.parse(r.comments) as string[]) : [],
    }));
  }

  counts(guild?: string): StoreCounts {
    const g = guild ?? null;
    const row = this.db
      .prepare<[string | null, string | null], { asked: number; declined: number | null }>(
        `SELECT COUNT(*) AS asked, SUM(answered = 0) AS declined FROM asked WHERE ? IS NULL OR guild = ?`,
      )
      .get(g, g);
    const votes = this.db
      .prepare<[string | null, string | null], { n: number }>(
        `SELECT COUNT(*) AS n FROM votes v JOIN asked a ON a.id = v.asked_id WHERE ? IS NULL OR a.guild = ?`,
      )
      .get(g, g);
    return { asked: row?.asked ?? 0, declined: row?.declined ?? 0, votes: votes?.n ?? 0 };
  }

  /** Deletes everything stored for one guild (questions, and with them their votes). */
  forgetGuild(guild: string): StoreCounts {
    return this.db.transaction(() => {
      const before = this.counts(guild);
      this.db.prepare(`DELETE FROM asked WHERE guild = ?`).run(guild);
      return before;
    })();
  }

  /** Deletes answered questions older than `UNRATED_ANSWER_DAYS` that nobody voted on. */
  pruneUnrated(now: number): number {
    const info = this.db
      .prepare(
        `DELETE FROM asked WHERE answered = 1 AND at < ?
         AND NOT EXISTS (SELECT 1 FROM votes WHERE votes.asked_id = asked.id)`,
      )
      .run(now - UNRATED_ANSWER_DAYS * DAY_MS);
    return info.changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface RawAsked {
  id: number;
  at: number;
  guild: string;
  question: string;
  answered: number;
  passage_ids: string;
}

function fromRaw(r: RawAsked): AskedRow {
  return {
    id: r.id,
    at: r.at,
    guild: r.guild,
    question: r.question,
    answered: r.answered === 1,
    passageIds: JSON.parse(r.passage_ids) as string[],
  };
}

/** `DATA_DIR/newsdesk.sqlite`. */
export function databasePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), DATABASE_FILE);
}
