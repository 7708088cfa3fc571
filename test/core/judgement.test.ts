import { describe, expect, it } from 'vitest';
import { judgementCheck } from '../../src/answer/scope.ts';
import { termOf } from '../../src/text/terms.ts';
import { plainSlot } from './helpers.ts';

/**
 * A judgement (src/answer/scope.ts `judgementCheck`) is of what the question judges: the judging word in a sentence
 * that names it, or one that points back to the sentence that does; "better … than" asks a comparison.
 */
const slot = (token: string) => plainSlot(token, termOf(token)!);
const slots = ['harbour', 'deal', 'good', 'norway', 'hansen', 'better', 'mayor', 'olsen'].map(slot);
const window = (text: string) => ({ text, passageTerms: new Set<string>(), headingTerms: new Set<string>() });

describe('a judgement of what the question judges', () => {
  it('needs the judging word beside what is judged', () => {
    const judged = judgementCheck('was the harbour deal a good deal for norway', slots)!;
    expect(judged.holds(window('The fishing talks had limited success. The harbour deal was signed in May.'))).toBe(
      false,
    );
    expect(judged.holds(window('Critics called the harbour deal a costly mistake.'))).toBe(true);
    expect(judged.holds(window('The harbour deal was signed in May. It was hailed as a success.'))).toBe(true);
  });

  it('needs a comparison for "better … than"', () => {
    const compared = judgementCheck('was hansen a better mayor than olsen', slots)!;
    expect(compared.what).toBe('a comparison');
    expect(compared.holds(window('Mayor Hansen has been guessing wrong on the budget.'))).toBe(false);
    expect(compared.holds(window('Hansen was a better mayor than Olsen, the paper said.'))).toBe(true);
  });
});
