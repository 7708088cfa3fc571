import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankQuestion } from '../../src/answer/answer.ts';
import { createAnswerContext } from '../../src/answer/context.ts';
import type { RankWork } from '../../src/answer/rank.ts';
import { RANKING } from '../../src/answer/tuning.ts';
import { createEngine } from '../../src/engine.ts';
import { splitFrontMatter } from '../../src/knowledge/load.ts';
import { PASSAGE_MAX_CHARS } from '../../src/knowledge/passages.ts';
import { FIXTURES, SEED_ARTICLE, article, tempKnowledge, tempEngine } from './helpers.ts';

/**
 * One article written as a single paragraph (no blank lines) once made the work per question grow
 * with the square of its length (issue 9): every sentence of a candidate passage was scored, and
 * each rebuilt the passage's term set. The work is now bounded whatever the material.
 */

/** Real text (the seed article and the Notre Dame article) as one paragraph of about `kb` kilobytes. */
function oneParagraph(kb: number): string {
  const bodies = [SEED_ARTICLE, path.join(FIXTURES, 'notre-dame', 'knowledge', 'university_of_notre_dame.md')].map(
    (f) =>
      splitFrontMatter(readFileSync(f, 'utf8'))!
        .body.split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .join(' '),
  );
  const text = bodies.join(' ');
  return Array.from({ length: Math.ceil((kb * 1000) / text.length) }, () => text).join(' ');
}

const QUESTIONS = [
  'How many documents did Azerbaijan sign in 2025?',
  'What sits atop the Main Building?',
  'Who was the main mediator?',
  'When was the press conference?',
];

function workFor(kb: number) {
  const body = oneParagraph(kb);
  const dir = tempKnowledge({ 'long.md': article('One long paragraph', '2025-01-01', body) });
  const engine = createEngine({ knowledgeDir: dir, cacheDir: null });
  const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);
  const work = QUESTIONS.map((q) => {
    const w: RankWork = { candidates: 0, termsRead: 0 };
    rankQuestion(ctx, q, w);
    return w;
  });
  return { body, engine, work };
}

describe('one long paragraph', () => {
  const small = workFor(50);
  const large = workFor(400);

  it('is loaded as passages of at most PASSAGE_MAX_CHARS, each verbatim, with every sentence kept', () => {
    const { body, engine } = large;
    const passages = engine.knowledge.articles[0]!.passages;
    expect(passages.length).toBeGreaterThan(body.length / PASSAGE_MAX_CHARS);
    let at = 0;
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
      const found = body.indexOf(p.text, at);
      // In order, and nothing but spaces between two passages.
      expect(body.slice(at, found).trim()).toBe('');
      at = found + p.text.length;
      for (const s of p.sentences) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(body.slice(at).trim()).toBe('');
  });

  it('scores a bounded number of candidates per question and reads a bounded number of terms', () => {
    const maxCandidates = RANKING.sentenceCandidates + RANKING.passageCandidates * RANKING.sentencesPerPassage;
    for (const { engine, work } of [small, large]) {
      // Each passage read is bounded by PASSAGE_MAX_CHARS: at most the 30 + 6 candidate passages once each, the
      // sentences of the 6 when choosing among them, and each candidate with its two neighbours.
      const { index } = engine;
      const maxPassageTerms = Math.max(...index.passages.map((_p, i) => index.passageTerms(i).length));
      const maxSentenceTerms = Math.max(...index.sentences.map((_s, i) => index.sentenceTerms(i).length));
      const maxTerms =
        (RANKING.sentenceCandidates + 2 * RANKING.passageCandidates) * maxPassageTerms +
        3 * maxCandidates * maxSentenceTerms;
      for (const w of work) {
        expect(w.candidates).toBeGreaterThan(0);
        expect(w.candidates).toBeLessThanOrEqual(maxCandidates);
        expect(w.termsRead).toBeLessThanOrEqual(maxTerms);
        // Before the fix, the 400 KB paragraph scored about 3,000 sentences, each reading the passage's 60,000 terms.
        expect(w.termsRead).toBeLessThan(100_000);
      }
    }
  });

  it('still answers from it', () => {
    const r = large.engine.ask('How many documents did Azerbaijan sign in 2025?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('191');
  });
});

describe('a sentence longer than a passage', () => {
  it('is cut at spaces, or every PASSAGE_MAX_CHARS characters without one, verbatim', () => {
    const words = Array.from({ length: 2500 }, (_v, i) => `word${i}`).join(' ');
    const run = 'x'.repeat(9000);
    const body = `${words} ${run} end.`;
    const engine = tempEngine({ 'run-on.md': article('Run-on', '2025-01-01', body) });
    const passages = engine.knowledge.articles[0]!.passages;
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
      expect(body).toContain(p.text);
      expect(p.text).toBe(p.text.trim());
    }
    // Every character but the spaces at the cuts is kept, in order.
    expect(passages.map((p) => p.text.replace(/ /g, '')).join('')).toBe(body.replace(/ /g, ''));
  });
});
