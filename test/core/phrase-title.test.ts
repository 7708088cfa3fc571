import { describe, expect, it } from 'vitest';
import { answerPhrase } from '../../src/answer/phrase.ts';

/** The answer phrase of a title (src/answer/phrase.ts), on made-up sentences. */
describe('a title', () => {
  it('keeps an article between its capitalised words ("Birth Of A Nation")', () => {
    expect(
      answerPhrase(
        'which movie of the director broke the limit',
        'The standard length held until the director shattered that limit forever with Birth Of A Nation.',
      ),
    ).toBe('Birth Of A Nation');
  });
});
