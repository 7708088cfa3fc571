import { describe, expect, it } from 'vitest';
import { slotLookup } from '../../src/answer/evidence.ts';
import { termOf } from '../../src/text/terms.ts';
import { newsEngine } from './helpers.ts';

/**
 * "How many people were at X": the sentence restating the question's names holds numbers that count other things
 * ("its seven-concert Beethoven cycle", "twenty-five programs", "five different communities"); the next paragraph
 * counts the people, as persons ("the 2,800 persons who filled the hall"). That sentence goes first
 * (src/answer/repick.ts). A small many-story folder built as `npm run eval` builds its news row (scripts/kb/news.ts):
 * a concert review page and a few society-news pages.
 */
const engine = newsEngine(['cc09', 'ca17', 'ca18', 'ca19', 'ca31']);

describe('a count of what is asked, over numbers that count other things', () => {
  it('counts persons for "how many people"', () => {
    const lookup = slotLookup([], { type: 'quantity', counted: ['people'], head: null }, new Set(['people']));
    expect(lookup.counted.has(termOf('persons')!)).toBe(true);
  });

  for (const q of [
    'how many people came to carnegie hall to hear van cliburn open the beethoven cycle',
    'how many people were in carnegie hall for the symphony of the air',
  ])
    it(`quotes the sentence with the number before the counted noun: ${q}`, () => {
      const r = engine.assess(q, { candidates: true });
      expect(r.trace.candidates![0]!.text).not.toContain('2,800'); // the ranking alone misses it
      expect(r.answered).toBe(true);
      expect(r.snippets[0]!.text).toContain('2,800 persons');
    });
});
