import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankQuestion } from '../../src/answer/answer.ts';
import { createAnswerContext } from '../../src/answer/context.ts';
import { novelty, rangeHas, storyRange, supported } from '../../src/answer/story.ts';
import { ABSTENTION, STORY } from '../../src/answer/tuning.ts';
import { createEngine } from '../../src/engine.ts';
import { tokenize } from '../../src/text/terms.ts';
import { FIXTURES, SEED_ARTICLE } from './helpers.ts';

/** The bundled knowledge and the Notre Dame article: real stories of many paragraphs. */
const engine = createEngine({ knowledgeDir: path.dirname(SEED_ARTICLE), cacheDir: null });
const nd = createEngine({ knowledgeDir: path.join(FIXTURES, 'notre-dame', 'knowledge'), cacheDir: null });

describe('story of a passage', () => {
  for (const e of [engine, nd]) {
    const ctx = createAnswerContext(e.knowledge, e.index, e.topics);
    const { passages } = e.index;

    it('stays within the passage’s article and STORY.window of it', () => {
      passages.forEach((p, i) => {
        const [from, to] = storyRange(ctx, i);
        expect(from).toBeLessThanOrEqual(i);
        expect(to).toBeGreaterThan(i);
        expect(to - from).toBeLessThanOrEqual(2 * STORY.window + 1);
        for (let k = from; k < to; k++) expect(passages[k]!.articleId).toBe(p.articleId);
        if (from > 0 && i - from < STORY.window) expect(passages[from - 1]!.articleId).not.toBe(p.articleId);
      });
    });

    it('finds a term in its passages exactly when one of them uses it (postings search = scan)', () => {
      const sample = passages.map((_p, i) => i).filter((i) => i % 3 === 0);
      for (const i of sample) {
        const [from, to] = storyRange(ctx, i);
        const terms = new Set<string>();
        for (let k = from; k < to; k++) for (const t of e.index.passageTerms(k)) terms.add(t);
        // Terms of this story, and terms of other passages that this story may or may not use.
        const probe = [...e.index.passageTerms(i), ...e.index.passageTerms((i + 17) % passages.length)];
        for (const t of probe) expect(rangeHas(e.index, t, from, to)).toBe(terms.has(t));
      }
      expect(rangeHas(e.index, 'zzzznotaterm', 0, passages.length)).toBe(false);
    });
  }
});

describe('novelty', () => {
  const q = (text: string) => new Set(tokenize(text));

  it('is 1 when the sentence holds a number or name the question lacks', () => {
    expect(novelty('The board met with Mayor Grady on Tuesday.', q('Who did the board meet?'))).toBe(1);
    expect(novelty('Sales rose to 6,500 units.', q('How many units were sold?'))).toBe(1);
  });

  it('is 0 when it only restates the question’s names and numbers', () => {
    expect(novelty('The board met the mayor.', q('Did the board meet the mayor?'))).toBe(0);
    expect(novelty('Sales of 6,500 units were reported by Grady.', q('Did Grady report 6500 units?'))).toBe(0);
  });
});

describe('answering from the story', () => {
  const ctx = createAnswerContext(nd.knowledge, nd.index, nd.topics);

  it('never supports a candidate below both thresholds, and supports any at the passage threshold', () => {
    for (const question of ['What sits atop the Main Building?', 'When was the university founded?', 'Who won?']) {
      const { type, ranked } = rankQuestion(ctx, question);
      for (const c of ranked) {
        if (c.evidence >= ABSTENTION.minCoverage) expect(supported(c, type)).toBe(true);
        if (c.evidence < STORY.minOwnEvidence) expect(supported(c, type)).toBe(false);
        if (c.storyEvidence < STORY.minStoryEvidence && c.evidence < ABSTENTION.minCoverage)
          expect(supported(c, type)).toBe(false);
        expect(c.storyEvidence).toBeGreaterThanOrEqual(c.evidence - 1e-9);
      }
    }
  });
});

describe('which X asks for a person when X names one', () => {
  const ctx = createAnswerContext(nd.knowledge, nd.index, nd.topics);

  it('reads "which judge", "which juror" as "who", and "which firm", "which film" as a name holding X', () => {
    for (const q of ['Which judge told the jury to look into the election?', 'which juror did the FBI arrest']) {
      const { type, asked } = rankQuestion(ctx, q);
      expect(type).toBe('person');
      expect(asked.someone).toBe(true);
    }
    for (const q of ['Which firm got the repair job?', 'which film won her the academy award']) {
      const { type, asked } = rankQuestion(ctx, q);
      expect(type).toBe('other');
      expect(asked.head).not.toBeNull();
    }
  });
});
