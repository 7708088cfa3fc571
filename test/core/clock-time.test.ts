import { describe, expect, it } from 'vitest';
import { answerPhrase } from '../../src/answer/phrase.ts';
import { answerType, typeEvidence } from '../../src/answer/question.ts';
import { tokenSet } from '../../src/answer/rank.ts';
import { hasDate } from '../../src/text/patterns.ts';

/**
 * "What time did the class go on": a time of day answers it ("was held at 4:45 p.m."), as a date answers "when"
 * (src/text/patterns.ts DATE_PATTERN): ranking's answer type, the checks and the phrase read it.
 */
describe('a time of day as the date a question asks', () => {
  const q = 'what time did the juniors class go on this year';

  it('is a date question', () => {
    expect(answerType(q)).toBe('date');
  });

  it('reads "4:45 p.m.", "7 a.m." and "10:30 pm" as typed evidence, not a bare number', () => {
    const asked = tokenSet(q);
    expect(typeEvidence('date', 'The Juniors Class at Westminster was held at 4:45 p.m..', asked)).toBe(1);
    expect(typeEvidence('date', 'The gates open at 7 a.m. and close at 10:30 pm.', asked)).toBe(2);
    expect(hasDate('The judging took one hour, 45 minutes.')).toBe(false);
    expect(hasDate('Gate 7 amended its hours.')).toBe(false);
  });

  it('is the phrase of "what time", while "when" takes the day beside it', () => {
    const text =
      'Three positions on the water district board have attracted 11 candidates. The election will be Dec. 4 from 8 a.m. to 8 p.m.. Polls will be in the water offices.';
    expect(answerPhrase("when's the water district vote", text, { type: 'date' })).toBe('Dec. 4');
    expect(answerPhrase('what time do the polls close for the water district vote', text, { type: 'date' })).toMatch(
      /^8 [ap]\.m\.$/,
    );
  });
});
