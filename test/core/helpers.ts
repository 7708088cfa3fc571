import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnswerContext, type AnswerContext } from '../../src/answer/context.ts';
import type { Slot } from '../../src/answer/slots.ts';
import { createEngine, type Engine, type EngineOptions } from '../../src/engine.ts';
import { writeNewsKb } from '../../scripts/kb/news.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const KNOWLEDGE = path.join(ROOT, 'knowledge');
/** Copies of the dev questions, the received seed article and the Notre Dame set (see test/fixtures/README.md). */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SEED_ARTICLE = path.join(KNOWLEDGE, 'azerbaijan-diplomacy-2025.md');

/** A fresh temp folder with the given files (path → contents). */
export function tempKnowledge(files: Record<string, string>, copySeed = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-test-'));
  if (copySeed) cpSync(KNOWLEDGE, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** An engine, without a cache, over a fresh temp folder with the given files (tempKnowledge); `options` adds to that. */
export function tempEngine(files: Record<string, string>, options: Omit<EngineOptions, 'knowledgeDir'> = {}): Engine {
  return createEngine({ knowledgeDir: tempKnowledge(files), cacheDir: null, ...options });
}

/** The answering context (what buildSlots and the checks read) of a tempEngine without word vectors. */
export function tempAnswerContext(files: Record<string, string>): AnswerContext {
  const engine = tempEngine(files, { vectorsDir: null });
  return createAnswerContext(engine.knowledge, engine.index, engine.topics);
}

/**
 * An engine, without a cache, over a small many-story folder built the way `npm run eval`'s news rows build theirs
 * (scripts/kb/news.ts), in a fresh temp folder: the named Brown Corpus documents, the bundled article and Notre Dame.
 */
export function newsEngine(only: string[]): Engine {
  return createEngine({
    knowledgeDir: writeNewsKb(mkdtempSync(path.join(tmpdir(), 'kb-news-')), [], only),
    cacheDir: null,
  });
}

export function article(title: string, published: string, body: string, extra = ''): string {
  return `---\ntitle: "${title}"\npublished: ${published}\n${extra}---\n\n${body}\n`;
}

/** A question's slot as buildSlots makes one for a plain word: only its own term, full credit and evidence. */
export function plainSlot(token: string, term: string, extra: Partial<Slot> = {}): Slot {
  return {
    term,
    token,
    alternatives: [term],
    credits: [1],
    evidence: [1],
    weight: 1,
    named: false,
    inflected: false,
    unknown: false,
    ...extra,
  };
}
