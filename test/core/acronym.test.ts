import { describe, expect, it } from 'vitest';
import { addLongForms, blendLongForms, innerLongForms, longForms } from '../../src/answer/acronym.ts';
import type { Slot } from '../../src/answer/slots.ts';
import { createAnswerContext } from '../../src/answer/context.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { createEngine } from '../../src/engine.ts';
import { article, plainSlot, tempKnowledge, newsEngine } from './helpers.ts';

/**
 * An acronym the question writes and the material spells out (src/answer/acronym.ts), on a small many-story folder
 * built the way `npm run eval`'s news rows build theirs: two Brown Corpus press editorial documents (short letters and
 * editorials), the bundled article and the Notre Dame article.
 */
const engine = newsEngine(['cb12', 'cb16']);
const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);

describe('an acronym and its long form', () => {
  it('reads capitalised words whose initials spell the acronym, small words between them', () => {
    expect(longForms('the Federal Bureau of Investigation identified', 'fbi')).toEqual([
      'Federal Bureau of Investigation',
    ]);
    expect(longForms('graduates of Illinois Institute of Technology are', 'iit')).toEqual([
      'Illinois Institute of Technology',
    ]);
    // Lower-case words are no long form, and neither are the acronym's letters in another order.
    expect(longForms('the federal Bureau of Investigation', 'fbi')).toEqual([]);
    expect(longForms('Bureau of Federal Investigation', 'fbi')).toEqual([]);
  });

  it('reads long forms as a regular expression over the text would (the reader is written by hand)', () => {
    // Each case's expected list is what the pattern the reader replaced gave: capitals, then lower-case letters, ' ’
    // or -, white space and joining words between words, no letter or digit on either side of the whole.
    expect(longForms("the Federal Bureau of Investigation's agents", 'fbi')).toEqual([
      "Federal Bureau of Investigation's",
    ]);
    expect(longForms('Federal Bureau of Investigation-2 and Federal Bureau of the Investigation', 'fbi')).toEqual([
      'Federal Bureau of Investigation',
      'Federal Bureau of the Investigation',
    ]);
    expect(longForms('XFederal Bureau of Investigation, Federal Bureau Investigations', 'fbi')).toEqual([
      'Federal Bureau Investigations',
    ]);
    expect(longForms('Société Générale and Société Générale2', 'sg')).toEqual(['Société Générale']);
    expect(longForms('Research & Development', 'rd')).toEqual(['Research & Development']);
  });

  it('keeps an acronym the material never writes out of the unknown names when a story spells it out', () => {
    const slot = buildSlots(ctx, 'what do IIT engineering graduates earn').find((s) => s.token === 'iit');
    expect(slot?.acronym).toBe(true);
    const r = engine.ask('what do IIT engineering graduates earn when they start');
    expect(r.reason ?? '').not.toContain('never mentions');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$550 a month');
  });

  it('reads a lower-case acronym the material never writes as one: members rarely type capitals', () => {
    const slot = buildSlots(ctx, 'what do iit engineering graduates earn').find((s) => s.token === 'iit');
    expect(slot?.acronym).toBe(true);
    const r = engine.ask('what do iit engineering graduates earn when they start');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$550 a month');
    // A word the dictionary knows, or one the material writes, is no acronym.
    expect(buildSlots(ctx, 'what do the engineering graduates earn').some((s) => s.acronym)).toBe(false);
    expect(buildSlots(ctx, 'what do zqx engineering graduates earn').find((s) => s.token === 'zqx')?.acronym).toBe(
      true,
    );
  });
  it('reads a lower-case acronym the dictionary writes in capitals as one, even when the material writes it too', () => {
    const kb = tempKnowledge({
      'spies.md': article(
        'Spies sentenced in London',
        '1961-03-23',
        'Five spies were sentenced in London.\n\nIn Washington, the Federal Bureau of Investigation identified the Krogers as Morris and Lola Cohen.',
      ),
      'reports.md': article('Old reports', '1961-03-01', 'Harry Dexter White was named in F.B.I. reports.'),
    });
    const news = createEngine({ knowledgeDir: kb, cacheDir: null });
    const newsCtx = createAnswerContext(news.knowledge, news.index, news.topics);
    expect(buildSlots(newsCtx, 'who did the fbi say the krogers were').find((s) => s.token === 'fbi')?.acronym).toBe(
      true,
    );
    const r = news.ask('the fbi said the krogers were really who');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Morris and Lola Cohen');
    // A word the dictionary writes in lower case is no acronym, whatever its length.
    expect(buildSlots(newsCtx, 'who were the spies').some((s) => s.acronym)).toBe(false);
  });
  it('still declines an acronym no story spells out', () => {
    const r = engine.ask('what do MIT engineering graduates earn when they start');
    expect(r.answered).toBe(false);
  });
});

/** An acronym slot as buildSlots makes one, `unknown` when the material never writes the acronym. */
function acronymSlot(token: string, unknown: boolean): Slot {
  return plainSlot(token, token, { named: true, unknown, acronym: true });
}

describe('a long form as evidence', () => {
  it('finds a long form by any of its words, but only its rarest is evidence that the material answers', () => {
    const slot = acronymSlot('aec', false);
    const df = new Map([
      ['atom', 3],
      ['energi', 20],
      ['commiss', 50],
    ]);
    addLongForms(
      [slot],
      () => ['the Atomic Energy Commission reported'],
      (t) => df.get(t) ?? 0,
    );
    expect(slot.alternatives).toEqual(['aec', 'atom', 'energi', 'commiss']);
    expect(slot.credits).toEqual([1, 1, 1, 1]);
    // "Commission Chairman Emmerich" is the chairman of some commission, not of the AEC.
    expect(slot.evidence).toEqual([1, 1, 0, 0]);
  });
});

describe('an acronym made of more than initials', () => {
  it('reads capitalised words that each give their initial and one or two letters more', () => {
    expect(innerLongForms('a Federal Express van was late', 'fedex')).toEqual(['Federal Express']);
    expect(innerLongForms('the Pan American Airways clipper', 'panam')).toEqual(['Pan American']);
    // Every word gives two letters at least: three capitals are no such acronym, nor initials alone.
    expect(innerLongForms('the State Consultation Council met', 'sco')).toEqual([]);
    expect(innerLongForms('the State Consultation Council met', 'scco')).toEqual([]);
    // One word alone is no long form, and the letters must come in order.
    expect(innerLongForms('Fedexpress', 'fedex')).toEqual([]);
    expect(innerLongForms('a Express Federal van', 'fedex')).toEqual([]);
  });

  it('stands in for an acronym the material never writes, not for one it does', () => {
    const unknown = acronymSlot('fedex', true);
    addLongForms([unknown], () => ['a Federal Express van was late']);
    expect(unknown.alternatives).toEqual(['fedex', 'feder', 'express']);
    expect(unknown.unknown).toBe(false);
    const known = acronymSlot('fedex', false);
    addLongForms([known], () => ['a Federal Express van was late']);
    expect(known.alternatives).toEqual(['fedex']);
  });
});

describe("a blend of a name's long form", () => {
  it("reads the front of the first word and of two later ones (a hyphenated word's parts apart)", () => {
    const text = 'All nine members of the Inter-American Center Authority voted for the plan.';
    expect(blendLongForms(text, 'interama')).toEqual(['Inter-American Center Authority']);
    // One later word gives a name's other form ("Kennedys"), not a blend; nor do letters out of order or lower case.
    expect(blendLongForms('Jack Kennedy Smith spoke', 'kennedys')).toEqual([]);
    expect(blendLongForms('the Church Estates Fund', 'churches')).toEqual([]);
    expect(blendLongForms('the Authority of the Inter-American Center', 'interama')).toEqual([]);
    expect(blendLongForms('the inter-american center authority', 'interama')).toEqual([]);
  });

  it('finds a long form whose first word is in capitals or has letters outside ASCII, as the word folded', () => {
    expect(blendLongForms('the INTER-AMERICAN CENTER AUTHORITY met', 'interama')).toEqual([
      'INTER-AMERICAN CENTER AUTHORITY',
    ]);
    expect(blendLongForms('the Ínter-American Center Authority met', 'interama')).toEqual([
      'Ínter-American Center Authority',
    ]);
    expect(blendLongForms('the Inter’s “American” Center', 'interama')).toEqual([]);
  });

  it('stands in for a rare word the candidate passages spell out as a blend', () => {
    const slot = plainSlot('interama', 'interama');
    addLongForms([slot], () => ['members of the Inter-American Center Authority voted']);
    expect(slot.alternatives).toEqual(['interama', 'inter', 'american', 'center', 'author']);
    expect(slot.evidence.filter((e) => e > 0).length).toBe(2); // A word of the dictionary is read as itself: "transit" is no "Trans-Caspian International Transport".
    const transit = plainSlot('transit', 'transit');
    addLongForms(
      [transit],
      () => ['the Trans-Caspian International Transport Route'],
      () => 0,
      (w) => w === 'transit',
    );
    expect(transit.alternatives).toEqual(['transit']);
  });

  it('finds the count of a body the question names by its blend (Brown cb04)', () => {
    const news = newsEngine(['cb04']);
    const r = news.ask('how many of the Interama authority members backed the Goodbody plan');
    expect(r.snippets[0]?.text).toContain('All nine members of the Inter-American Center Authority');
  });
});
