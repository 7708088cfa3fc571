import { describe, expect, it } from 'vitest';
import { newsEngine } from './helpers.ts';

/**
 * "What" questions that ask for an amount (src/answer/question.ts `asksAmount`, the amount check of scope.ts), on a
 * small many-story folder built the way `npm run eval`'s news rows build theirs: a Brown Corpus sports column that
 * names Nevada only in a quip about its population, the bundled article and the Notre Dame article.
 */
const engine = newsEngine(['cb10']);

describe('an amount asked with "what"', () => {
  it('declines "what is the population of X" when the story that names X gives no number', () => {
    const r = engine.ask('What is the population of Nevada?');
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('an amount');
  });

  it('answers with the number when the story gives it', () => {
    const r = engine.ask('How many runs did Jim Gentile drive in?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('98 runs');
  });
});
