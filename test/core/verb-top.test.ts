import { describe, expect, it } from 'vitest';
import { doerLinkedName, slotLookup, verbLinkedName } from '../../src/answer/evidence.ts';
import { termOf } from '../../src/text/terms.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "Who built X": the doer of a passive stands after "by", past a time or a place the participle takes first ("built in
 * 1895 by the German Emperor"), and is linked to the verb (src/answer/evidence.ts `verbLinkedName`).
 */
describe('the doer after "by", past a time or a place', () => {
  const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set(['fountain']));
  const built = new Set([termOf('built')!, termOf('build')!]);

  it('links the name after "by" to the verb', () => {
    expect(verbLinkedName(lookup, 'The fountain was built in 1895 by the German Emperor.', built)).toBe(true);
    expect(verbLinkedName(lookup, 'The fountain was built last year by Hans Vogt.', built)).toBe(true);
  });

  it('still links no place or time to the verb', () => {
    expect(verbLinkedName(lookup, 'The fountain was built in Bremen.', built)).toBe(false);
    expect(verbLinkedName(lookup, 'The fountain was built in 1895. By then Hans Vogt had left.', built)).toBe(false);
  });
});

/**
 * The re-pick (src/answer/repick.ts) moves off a top sentence that names no person to one of its story that does; but
 * a top that links a new name to the question's verb, in its own forms or in a word WordNet gives for it ("the Coastal
 * Trading Company hired Olsen" for "who employed Olsen"), says who did it, person or not, and stands.
 */
describe('a top that links a name to the question verb stands', () => {
  const engine = tempEngine({
    'harbor.md': article(
      'Harbor notes',
      '1961-05-02',
      [
        'The old lighthouse on Gull Point was restored last spring by volunteers from the village.',
        'In 1902, the Coastal Trading Company hired Olsen for the northern voyage, gave him a crew of six and sent him to the ice.',
        'Captain Mikkel Strand, a friend of Olsen, later wrote about the northern voyage in his memoirs.',
      ].join('\n\n'),
    ),
    'weather.md': article(
      'Weather',
      '1961-05-03',
      'Rain is expected along the coast tomorrow, with winds from the north.',
    ),
  });

  it('quotes the sentence where the verb has its doer', () => {
    const r = engine.ask('who employed olsen for the northern voyage');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Coastal Trading Company hired Olsen');
  });
});

describe('the doer of the verb, not a name near it', () => {
  const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set(['olsen']));
  const hire = new Set([termOf('hire')!]);
  const kill = new Set([termOf('kill')!]);

  it('reads the subject right before the verb and the doer after "by"', () => {
    expect(doerLinkedName(lookup, 'In 1902, the Coastal Trading Company hired Olsen.', hire)).toBe(true);
    expect(doerLinkedName(lookup, 'Olsen was hired in 1902 by the Coastal Trading Company.', hire)).toBe(true);
  });

  it('reads no weekday or place after the verb as its doer', () => {
    expect(doerLinkedName(lookup, 'A man was killed early Sunday on Mill Road.', kill)).toBe(false);
    expect(doerLinkedName(lookup, 'Olsen hired a crew in Bergen.', hire)).toBe(false);
  });
});
