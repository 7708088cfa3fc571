import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from 'pino';
import { engineFor, type Engine } from '../../src/engine.ts';
import { FactStore } from '../../src/facts/store.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import {
  engineFromCaches,
  servedSources,
  StaleRebuildError,
  type RebuildRequest,
  type RebuildResult,
} from '../../src/knowledge/rebuild.ts';
import { KnowledgeSnapshot } from '../../src/knowledge/snapshot.ts';
import type { Problem } from '../../src/knowledge/types.ts';

/**
 * Live knowledge: the engine the bot answers with, replaced while it runs.
 *
 * A kept watcher (chokidar) sees a file under the knowledge folder added, changed or removed;
 * after a quiet `DEBOUNCE_MS` a rebuild runs in a worker thread, which parses the folder,
 * builds the index and writes the cache files (src/knowledge/rebuild.ts). This thread then loads
 * the new engine from those files (milliseconds: views on the bytes), checks it, and swaps it in
 * with one assignment. Every interaction reads `current` when it starts, so a question asked
 * during a rebuild is answered by the old engine, and nothing waits for the rebuild.
 *
 * Rebuilds never overlap: a change during a rebuild schedules one more after it. A rebuild that
 * fails, or whose worker dies, leaves the old engine serving and is reported.
 */

/** Quiet time after the last file event before a rebuild: an editor's save or a copy of many files is one reload. */
export const DEBOUNCE_MS = 300;
/** A rebuild that takes longer is abandoned (the worker is restarted) and the old engine keeps serving. */
export const REBUILD_TIMEOUT_MS = 5 * 60_000;

/** `manager`: a shard's reload when its shard manager, which watches the folder, has rebuilt. */
export type ReloadReason = 'start' | 'watch' | 'command' | 'upload' | 'manager';

export interface ReloadReport {
  at: number;
  reason: ReloadReason;
  ok: boolean;
  /** Why the reload failed (the old engine still serves). */
  error?: string;
  /** Article files, relative to the knowledge folder. */
  added: string[];
  removed: string[];
  changed: string[];
  articles: number;
  passages: number;
  problems: Problem[];
  ms: number;
}

export interface EngineHolder {
  readonly current: Engine;
}

export interface LiveKnowledgeOptions {
  knowledgeDir: string;
  /** Where the worker writes the index, snapshot and fact fields; a private temporary folder when null. */
  cacheDir: string | null;
  logger: Logger;
  /** Watch the folder (default true). */
  watch?: boolean;
}

type Pending = { resolve: (r: RebuildResult) => void; reject: (e: Error) => void };

export class LiveKnowledge implements EngineHolder {
  private engine: Engine;
  private lastGood: Map<string, string>;
  private readonly request: Omit<RebuildRequest, 'lastGood'>;
  private readonly ownCacheDir: string | null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private worker: Worker | null = null;
  private workerReady: Promise<Worker> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: { reason: ReloadReason; resolve: (r: ReloadReport) => void }[] = [];
  private looping = false;
  /** The running reload loop's end (resolved when none runs). */
  private settled: Promise<void> = Promise.resolve();
  private watchReady: Promise<void> = Promise.resolve();
  private closed = false;
  /** The last reload, its time and what it found. */
  last: ReloadReport;
  /** Called after each reload that swapped in a new engine (a shard manager tells its shards). */
  onReload: ((report: ReloadReport) => void) | null = null;
  /**
   * Set in a shard, whose manager alone watches the folder: a reload asked here (`/knowledge
   * reload`, an upload) runs in the manager instead, which rebuilds once and tells every shard to
   * reload (this one too) before it answers with its report.
   */
  reloadVia: ((reason: ReloadReason) => Promise<ReloadReport>) | null = null;

  /** Loads the knowledge once on this thread (start-up has nothing to keep answering), then watches. */
  constructor(private readonly o: LiveKnowledgeOptions) {
    // The worker hands the engine over through the cache files, so the folder must be writable.
    const usable = o.cacheDir !== null && writable(o.cacheDir);
    if (o.cacheDir && !usable) o.logger.warn({ cacheDir: o.cacheDir }, 'cache folder not writable; using a temporary one');
    this.ownCacheDir = usable ? null : mkdtempSync(path.join(tmpdir(), 'newsdesk-live-'));
    this.request = { knowledgeDir: path.resolve(o.knowledgeDir), cacheDir: this.ownCacheDir ?? o.cacheDir! };
    // As createEngine does (a start from cache parses nothing), keeping the texts as the last good versions.
    const t0 = performance.now();
    const snapshot = new KnowledgeSnapshot(this.request.cacheDir);
    const sources = new Map<string, string>();
    const knowledge = loadKnowledge(this.request.knowledgeDir, snapshot, { sourcesOut: sources });
    this.engine = engineFor(knowledge, this.request.cacheDir, snapshot);
    this.lastGood = servedSources(knowledge, sources);
    this.last = {
      at: Date.now(),
      reason: 'start',
      ok: true,
      added: [...this.lastGood.keys()].map((f) => this.relative(f)),
      removed: [],
      changed: [],
      articles: knowledge.articles.length,
      passages: this.engine.index.passages.length,
      problems: knowledge.problems,
      ms: Math.round(performance.now() - t0),
    };
    if (o.watch !== false) {
      this.startWatching();
      // Started now, so that the first change does not wait for the worker to load (seconds on a busy machine).
      this.startWorker().catch((err: unknown) => o.logger.warn({ err }, 'the rebuild worker did not start'));
    }
  }

  get current(): Engine {
    return this.engine;
  }

  get knowledgeDir(): string {
    return this.request.knowledgeDir;
  }

  /** True while a rebuild runs or is queued. */
  get busy(): boolean {
    return this.looping;
  }

  /**
   * Rebuilds now, and resolves with the report of a rebuild that read the files after this call.
   * While a rebuild runs, requests wait for the next one, which serves them all: rebuilds never
   * overlap, and a change that arrives mid-rebuild is never lost.
   */
  reload(reason: ReloadReason): Promise<ReloadReport> {
    if (this.closed) return Promise.resolve({ ...this.last, ok: false, error: 'stopped' });
    if (this.reloadVia && (reason === 'command' || reason === 'upload')) return this.reloadElsewhere(reason, this.reloadVia);
    return new Promise((resolve) => {
      this.waiters.push({ reason, resolve });
      if (!this.looping) this.settled = this.loop();
    });
  }

  private async reloadElsewhere(
    reason: ReloadReason,
    via: (reason: ReloadReason) => Promise<ReloadReport>,
  ): Promise<ReloadReport> {
    let report: ReloadReport;
    try {
      report = await via(reason);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.o.logger.error({ reason, error }, 'knowledge reload failed; the previous knowledge keeps serving');
      return { ...this.last, at: Date.now(), reason, ok: false, error, added: [], removed: [], changed: [], ms: 0 };
    }
    // This process was told to reload before the answer came: its own reload has started; answer once it is done.
    await this.settled;
    return report;
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      while (this.waiters.length && !this.closed) {
        const waiters = this.waiters.splice(0);
        const reason = waiters.find((w) => w.reason !== 'watch')?.reason ?? waiters[0]!.reason;
        const report = await this.run(reason);
        for (const w of waiters) w.resolve(report);
      }
    } finally {
      this.looping = false;
    }
    for (const w of this.waiters.splice(0)) w.resolve({ ...this.last, ok: false, error: 'stopped' });
  }

  private async run(reason: ReloadReason): Promise<ReloadReport> {
    const t0 = performance.now();
    const before = this.lastGood;
    let report: ReloadReport;
    try {
      const result = await this.rebuildInWorker({ ...this.request, lastGood: [...before] });
      const engine = engineFromCaches(this.request, result);
      const after = new Map(result.sources);
      const old = this.engine;
      this.engine = engine; // the swap: interactions that start from now on get the new engine
      this.lastGood = after;
      this.removeCaches(old, engine);
      report = {
        at: Date.now(),
        reason,
        ok: true,
        ...this.diff(before, after),
        articles: result.articles,
        passages: result.passages,
        problems: result.problems,
        ms: Math.round(performance.now() - t0),
      };
      this.o.logger.info(
        {
          reason,
          added: report.added,
          removed: report.removed,
          changed: report.changed,
          articles: report.articles,
          passages: report.passages,
          workerMs: result.ms,
          indexCacheHit: result.indexCacheHit,
          ms: report.ms,
        },
        'knowledge reloaded',
      );
      for (const p of report.problems) this.o.logger.warn({ file: p.file }, `knowledge file skipped: ${p.message}`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      report = { ...this.last, at: Date.now(), reason, ok: false, error, added: [], removed: [], changed: [] };
      report.ms = Math.round(performance.now() - t0);
      this.o.logger.error({ reason, error }, 'knowledge reload failed; the previous knowledge keeps serving');
      // The files changed between the worker's read and this one: read them again.
      if (e instanceof StaleRebuildError) this.waiters.push({ reason, resolve: () => undefined });
    }
    this.last = report;
    if (report.ok) this.onReload?.(report);
    return report;
  }

  /** The replaced engine's cache files, once no longer current, so that edits do not fill the cache folder. */
  private removeCaches(old: Engine, current: Engine): void {
    if (old.knowledge.hash === current.knowledge.hash) return;
    const files = [
      old.cache.file,
      new KnowledgeSnapshot(this.request.cacheDir).file(old.knowledge.hash),
      FactStore.file(this.request.cacheDir, old.knowledge.hash),
    ];
    for (const file of files) {
      try {
        if (file) rmSync(file, { force: true });
      } catch {
        // a read-only file stays; it is only a cache
      }
    }
  }

  private diff(before: Map<string, string>, after: Map<string, string>) {
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    for (const [file, text] of after) {
      const old = before.get(file);
      if (old === undefined) added.push(this.relative(file));
      else if (old !== text) changed.push(this.relative(file));
    }
    for (const file of before.keys()) if (!after.has(file)) removed.push(this.relative(file));
    return { added, removed, changed };
  }

  private relative(file: string): string {
    return path.relative(this.request.knowledgeDir, file).split(path.sep).join('/');
  }

  // -------------------------------------------------------------------------------------------
  // The worker: started on first use and kept; restarted when it dies or hangs.

  private startWorker(): Promise<Worker> {
    this.workerReady ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL('./rebuild-worker.mjs', import.meta.url), { execArgv: [] });
      worker.unref();
      worker.on('message', (m: { ready?: true; id?: number; result?: RebuildResult; error?: string }) => {
        if (m.ready) return resolve(worker);
        const p = m.id !== undefined ? this.pending.get(m.id) : undefined;
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.result!);
      });
      const fail = (err: Error) => {
        if (this.worker === worker || !this.worker) {
          this.worker = null;
          this.workerReady = null;
        }
        reject(err);
        for (const [id, p] of this.pending) {
          this.pending.delete(id);
          p.reject(err);
        }
      };
      worker.on('error', (err) => fail(err));
      worker.on('exit', (code) => fail(new Error(`the rebuild worker stopped (exit code ${code})`)));
      this.worker = worker;
    });
    return this.workerReady;
  }

  private async rebuildInWorker(request: RebuildRequest): Promise<RebuildResult> {
    const worker = await this.startWorker();
    const id = this.nextId++;
    return new Promise<RebuildResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the rebuild took longer than ${REBUILD_TIMEOUT_MS / 1000} s`));
        void worker.terminate();
      }, REBUILD_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      worker.postMessage({ id, request });
    });
  }

  // -------------------------------------------------------------------------------------------
  // The watcher

  private startWatching(): void {
    const root = this.request.knowledgeDir;
    this.watcher = watch(root, {
      ignoreInitial: true,
      // Dot files are temporary files (an upload being written, an editor's swap file), never knowledge.
      ignored: (file) => file !== root && path.basename(file).startsWith('.'),
    });
    this.watcher.on('all', (event, file) => {
      const isDir = event === 'addDir' || event === 'unlinkDir';
      if (!isDir && !/\.(md|ya?ml)$/i.test(file)) return;
      this.o.logger.debug({ event, file: this.relative(file) }, 'knowledge file event');
      this.schedule();
    });
    const watcher = this.watcher;
    this.watchReady = new Promise((resolve) => watcher.once('ready', () => resolve()));
    this.watcher.on('error', (err) => this.o.logger.warn({ err }, 'knowledge watcher error'));
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload('watch');
    }, DEBOUNCE_MS);
  }

  /** Resolves once the watcher is watching (tests wait for it before changing files). */
  ready(): Promise<void> {
    return this.watchReady;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
    await this.worker?.terminate(); // a rebuild in flight fails, and the loop ends
    this.worker = null;
    while (this.looping) await new Promise((r) => setTimeout(r, 10));
    if (this.ownCacheDir) rmSync(this.ownCacheDir, { recursive: true, force: true });
  }
}

function writable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
