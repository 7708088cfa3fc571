import { describe, expect, it } from 'vitest';
import { addHeldSynonyms } from '../../src/answer/slots.ts';
import { article, plainSlot, tempAnswerContext, tempEngine } from './helpers.ts';

/**
 * A question word the material uses elsewhere, which the answering story writes as its synonym ("country" / "nation"):
 * its close synonyms that a best passage's story holds without the word count as evidence for it (src/answer/slots.ts
 * `addHeldSynonyms`), so the story that answers is not declined for lacking the member's word.
 */
const files = {
  'club.md': article(
    'Club opens a pool',
    '1961-05-02',
    'The country club on Elm Road opened a new swimming pool on Saturday.\n\nMembers of the country club paid for the pool with dues.',
  ),
  'vote.md': article('Officials speak', '1961-05-03', 'The nation votes on June 12, officials announced today.'),
  'farm.md': article(
    'Farm prices fall',
    '1961-05-04',
    'Wheat prices fell across the country this spring, farmers said.',
  ),
};

describe('close synonyms of a word the material uses', () => {
  it('stand in for the word as evidence only, never for a name or a number', () => {
    const ctx = tempAnswerContext(files);
    const slots = [plainSlot('country', 'countri'), plainSlot('june', 'june', { named: true }), plainSlot('12', '12')];
    addHeldSynonyms(ctx.wordnet(), slots, () => (t) => ctx.index.df.has(t));
    const [country, june, twelve] = slots;
    const at = country!.alternatives.indexOf('nation');
    expect(at).toBeGreaterThan(0);
    expect(country!.credits[at]).toBe(0);
    expect(country!.evidence[at]).toBeLessThan(1);
    expect(june!.alternatives).toEqual(['june']);
    expect(twelve!.alternatives).toEqual(['12']);
    // Never a synonym the stemmer cuts short: "earnings" would be found in "earned".
    const pay = [plainSlot('salary', 'salari')];
    addHeldSynonyms(ctx.wordnet(), pay, () => () => true);
    expect(pay[0]!.alternatives).toContain('wage');
    expect(pay[0]!.alternatives).not.toContain('earn');
    // Not when no best story holds a synonym without the word (one story that writes both).
    const alone = [plainSlot('country', 'countri')];
    addHeldSynonyms(ctx.wordnet(), alone, () => () => false);
    expect(alone[0]!.alternatives).toEqual(['countri']);
  });

  it('answers from the story that writes the synonym', () => {
    const r = tempEngine(files).assess('when does the country vote');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('June 12');
    // "nation" counts as a close synonym's evidence for "country" (0.77 without it).
    expect(r.trace.abstention!.features.evidence).toBeGreaterThan(0.8);
  });
});
