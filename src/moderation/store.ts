import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { z } from 'zod';

/**
 * What must outlast a restart, in one SQLite file (libsql, WAL mode): the questions the
 * bot was asked where moderators need them (every public answer, so that its 👍/👎 buttons have
 * something to point at, and every declined question), and the members' votes on answers.
 *
 * Nothing here knows Discord: a guild is an opaque string and so is a member. No user name is
 * stored; a member's id only as a salted hash (the salt lives in the database, made once), which
 * is all the one-vote-per-member rule needs. The caller passes the file's path (front ends read
 * `DATA_DIR`), so this module reads no environment.
 *
 * The schema is versioned with SQLite's `user_version`: `MIGRATIONS[i]` takes version i to i + 1,
 * all in one transaction, so a database from an older release is brought forward on open.
 *
 * The driver is `libsql` (the libSQL fork's better-sqlite3-like API, plain SQLite files), chosen
 * because its binaries come prebuilt from the npm registry. Its differences that matter here are
 * handled in one place, the `one`/`many`/`run` helpers: every row goes through a zod schema (which
 * checks the columns' types and drops the `_metadata` property libsql adds to `get()` rows), bind
 * parameters go as one array (a lone `null` argument would be read as named parameters), and
 * pragmas are read as rows (its `pragma(…, { simple: true })` returns the row, not the value).
 * Its transactions do not nest: no method that runs in `transaction` calls another that does.
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

/** A bind parameter: what the store writes and filters by. */
type Param = string | number | null;

/** `passage_ids`, stored as a JSON array of strings. */
const PassageIds = z.string().transform((text): string[] => z.array(z.string()).parse(JSON.parse(text)));

const AskedColumns = 'id, at, guild, question, answered, passage_ids';
const AskedRowSchema = z
  .object({
    id: z.number().int(),
    at: z.number(),
    guild: z.string(),
    question: z.string(),
    answered: z.number().int(),
    passage_ids: PassageIds,
  })
  .transform((r): AskedRow => ({
    id: r.id,
    at: r.at,
    guild: r.guild,
    question: r.question,
    answered: r.answered === 1,
    passageIds: r.passage_ids,
  }));

const DownvotedRowSchema = z
  .object({
    question: z.string(),
    passage_ids: PassageIds,
    votes: z.number().int(),
    comments: z.string().nullable(), // a JSON array; NULL when no 👎 has a comment
  })
  .transform((r): DownvotedRow => ({
    question: r.question,
    passageIds: r.passage_ids,
    votes: r.votes,
    comments: r.comments ? z.array(z.string()).parse(JSON.parse(r.comments)) : [],
  }));

/** SUM over no rows is NULL: read as 0. */
const Total = z
  .number()
  .nullable()
  .transform((n) => n ?? 0);

/** How long opening waits for another process to finish switching a new file to WAL. */
const WAL_WAIT_MS = 5000;
/** A buffer `Atomics.wait` sleeps on between tries (nothing ever wakes it). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export class FeedbackStore {
  private readonly db: Database.Database;
  private readonly salt: string;

  /** Opens (creating when needed) the database at `file`, or in memory for ':memory:'. */
  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // First: a CLI reading while the bot writes, or shards opening the file at once, wait instead of failing.
    this.db.pragma('busy_timeout = 2000');
    this.walMode();
    this.db.pragma('synchronous = NORMAL'); // WAL's usual pairing: durable at each checkpoint, fast commits
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    this.salt = this.saltValue();
  }

  /**
   * WAL, so a CLI reads while the bot writes. Switching a new file's journal mode needs its lock for a moment and does
   * not wait on `busy_timeout`: when shards open the file at once, one may find it taken ("database is locked"), so it
   * tries again for up to `WAL_WAIT_MS`.
   */
  private walMode(): void {
    const until = Date.now() + WAL_WAIT_MS;
    for (;;) {
      try {
        this.db.pragma('journal_mode = WAL');
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw err;
        Atomics.wait(PAUSE, 0, 0, 10 + Math.floor(Math.random() * 20));
      }
    }
  }

  get schemaVersion(): number {
    return this.one(z.object({ user_version: z.number().int() }), 'PRAGMA user_version')!.user_version;
  }

  /** The first row of `sql` through `schema` (only its columns), or undefined when there is none. */
  private one<T>(schema: z.ZodType<T>, sql: string, ...params: Param[]): T | undefined {
    const row = this.db.prepare(sql).get(params);
    return row === undefined ? undefined : schema.parse(row);
  }

  /** Every row of `sql` through `schema`. */
  private many<T>(schema: z.ZodType<T>, sql: string, ...params: Param[]): T[] {
    return this.db
      .prepare(sql)
      .all(params)
      .map((row) => schema.parse(row));
  }

  /** Runs a statement that returns no rows. */
  private run(sql: string, ...params: Param[]): Database.RunResult {
    return this.db.prepare(sql).run(params);
  }

  /**
   * In one IMMEDIATE transaction, which takes the write lock before the version is read: processes
   * that open a new file at once (shards starting together) migrate it once, the others wait and
   * find it done.
   */
  private migrate(): void {
    this.db
      .transaction(() => {
        const from = this.schemaVersion;
        if (from > MIGRATIONS.length)
          throw new Error(`${this.file}: schema version ${from} is newer than this program (${MIGRATIONS.length})`);
        for (let v = from; v < MIGRATIONS.length; v++) {
          this.db.exec(MIGRATIONS[v]!);
          this.db.pragma(`user_version = ${v + 1}`);
        }
      })
      .immediate();
  }

  /** Made once: of two processes that open a new file at once, the first one's salt is kept by both. */
  private saltValue(): string {
    const salt = randomBytes(32).toString('hex');
    this.run(`INSERT INTO meta (key, value) VALUES ('salt', ?) ON CONFLICT (key) DO NOTHING`, salt);
    return this.one(z.object({ value: z.string() }), `SELECT value FROM meta WHERE key = 'salt'`)!.value;
  }

  /** The stored form of a member: a salted hash, never the id itself. */
  voterHash(memberId: string): string {
    return createHash('sha256').update(this.salt).update('\0').update(memberId).digest('base64url').slice(0, 32);
  }

  /** Records a question and what became of it; returns its id (for the vote buttons). */
  recordAsked(r: AskedRecord): number {
    const info = this.run(
      `INSERT INTO asked (at, guild, question, answered, passage_ids) VALUES (?, ?, ?, ?, ?)`,
      r.at,
      r.guild,
      r.question,
      r.answered ? 1 : 0,
      JSON.stringify(r.passageIds),
    );
    return Number(info.lastInsertRowid);
  }

  asked(id: number): AskedRow | null {
    return this.one(AskedRowSchema, `SELECT ${AskedColumns} FROM asked WHERE id = ?`, id) ?? null;
  }

  /**
   * One vote per member per answer: a new press replaces the member's earlier vote (so a second
   * 👍 changes nothing, and 👎 after 👍 moves the vote). Null when the answer is not stored (any
   * more) or belongs to another guild.
   */
  vote(askedId: number, guild: string, memberId: string, vote: Vote, at: number): VoteOutcome | null {
    return this.db.transaction((): VoteOutcome | null => {
      const owner = this.one(z.object({ guild: z.string() }), `SELECT guild FROM asked WHERE id = ?`, askedId);
      if (!owner || owner.guild !== guild) return null;
      const voter = this.voterHash(memberId);
      const before = this.one(
        z.object({ vote: z.union([z.literal(1), z.literal(-1)]) }),
        `SELECT vote FROM votes WHERE asked_id = ? AND voter = ?`,
        askedId,
        voter,
      );
      this.run(
        `INSERT INTO votes (asked_id, voter, vote, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (asked_id, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at,
           comment = CASE WHEN votes.vote = excluded.vote THEN votes.comment END`,
        askedId,
        voter,
        vote,
        at,
      );
      return { previous: before?.vote ?? 0, ...this.tally(askedId) };
    })();
  }

  tally(askedId: number): { up: number; down: number } {
    const row = this.one(
      z.object({ up: Total, down: Total }),
      `SELECT SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM votes WHERE asked_id = ?`,
      askedId,
    );
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /** Saves what a member who voted 👎 was looking for. False when there is no such 👎 vote. */
  comment(askedId: number, memberId: string, text: string): boolean {
    const info = this.run(
      `UPDATE votes SET comment = ? WHERE asked_id = ? AND voter = ? AND vote = -1`,
      text.slice(0, COMMENT_MAX),
      askedId,
      this.voterHash(memberId),
    );
    return info.changes > 0;
  }

  /** Declined questions since `since` (ms), oldest first; every guild when `guild` is undefined. */
  declined(since: number, guild?: string): AskedRow[] {
    return this.many(
      AskedRowSchema,
      `SELECT ${AskedColumns} FROM asked
       WHERE answered = 0 AND at >= ? AND (? IS NULL OR guild = ?) ORDER BY at, id`,
      since,
      guild ?? null,
      guild ?? null,
    );
  }

  /** Answers with at least one 👎 (each member's last press) asked since `since`, most 👎 first. */
  downvoted(since: number, guild?: string): DownvotedRow[] {
    return this.many(
      DownvotedRowSchema,
      `SELECT a.question, a.passage_ids, COUNT(*) AS votes,
              json_group_array(v.comment) FILTER (WHERE v.comment IS NOT NULL) AS comments
       FROM asked a JOIN votes v ON v.asked_id = a.id
       WHERE v.vote = -1 AND a.at >= ? AND (? IS NULL OR a.guild = ?)
       GROUP BY a.id ORDER BY votes DESC, a.at DESC`,
      since,
      guild ?? null,
      guild ?? null,
    );
  }

  counts(guild?: string): StoreCounts {
    const g = guild ?? null;
    const row = this.one(
      z.object({ asked: z.number().int(), declined: Total }),
      `SELECT COUNT(*) AS asked, SUM(answered = 0) AS declined FROM asked WHERE ? IS NULL OR guild = ?`,
      g,
      g,
    );
    const votes = this.one(
      z.object({ n: z.number().int() }),
      `SELECT COUNT(*) AS n FROM votes v JOIN asked a ON a.id = v.asked_id WHERE ? IS NULL OR a.guild = ?`,
      g,
      g,
    );
    return { asked: row?.asked ?? 0, declined: row?.declined ?? 0, votes: votes?.n ?? 0 };
  }

  /** Deletes everything stored for one guild (questions, and with them their votes). */
  forgetGuild(guild: string): StoreCounts {
    return this.db.transaction(() => {
      const before = this.counts(guild);
      this.run(`DELETE FROM asked WHERE guild = ?`, guild);
      return before;
    })();
  }

  /** Deletes answered questions older than `UNRATED_ANSWER_DAYS` that nobody voted on. */
  pruneUnrated(now: number): number {
    const info = this.run(
      `DELETE FROM asked WHERE answered = 1 AND at < ?
       AND NOT EXISTS (SELECT 1 FROM votes WHERE votes.asked_id = asked.id)`,
      now - UNRATED_ANSWER_DAYS * DAY_MS,
    );
    return info.changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** `DATA_DIR/newsdesk.sqlite`. */
export function databasePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), DATABASE_FILE);
}
