import { describe, expect, it } from 'vitest';
import { article, plainSlot, tempAnswerContext } from './helpers.ts';
import { opensOnName, slotLookup, typedEvidence, type AskedFor } from '../../src/answer/evidence.ts';
import { termOf } from '../../src/text/terms.ts';

/**
 * A name that opens a sentence: every sentence's first word is capitalised, so a lone capitalised word there was never
 * read as a name, and the re-pick for "which designer" put a sentence naming someone else ("Greer Garson was born in
 * County Down") over "Balenciaga is her favorite European designer". A word WordNet writes capitalised or does not
 * know is a name wherever it stands (src/answer/evidence.ts `openingSpan`); a common word opening a sentence is not.
 */
describe('a name that opens a sentence', () => {
  const ctx = tempAnswerContext({ 'a.md': article('Fashion award', '1961-06-01', 'Varley wins the award.') });
  const asked: AskedFor = { type: 'person', counted: [], head: 'designer', someone: true };
  const slots = ['italian', 'designer', 'varley', 'like'].map((w) => plainSlot(w, termOf(w)!));
  const tokens = new Set(['which', 'italian', 'designer', 'does', 'varley', 'like', 'best']);
  const lookup = slotLookup(slots, asked, tokens, ctx.wordnet());

  it('reads a lone first word WordNet lacks, or writes capitalised, as a name', () => {
    for (const text of [
      'Zorbatelli is her favorite Italian designer.',
      'Balenciaga is her favorite Italian designer.',
    ]) {
      expect(opensOnName(lookup, text)).toBe(true);
      expect(typedEvidence(asked, lookup, text).typedNear).toBeGreaterThan(0);
    }
  });

  it('reads no common word, stop word or name of the question there as one', () => {
    for (const text of [
      'Dignity and comfort keynote the Italian designer collection.',
      'She is her favorite Italian designer.',
      'Varley is a favorite of the Italian designer.',
      'Whether the designer pleases her is not known.',
    ]) {
      expect(opensOnName(lookup, text)).toBe(false);
      expect(typedEvidence(asked, lookup, text).typedNear, text).toBe(0);
    }
  });
});
