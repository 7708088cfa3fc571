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

  it('"what was the title": the words in quotation marks, not the name of the one who wrote it', () => {
    expect(
      answerPhrase(
        'ward wrote his first song at 15, what was the title',
        'At the age of 15, John H. Ward turned out his first song, a jazzy little thing he called “Sister Susie, Strut Your Stuff”.',
      ),
    ).toBe('Sister Susie, Strut Your Stuff');
  });
});
