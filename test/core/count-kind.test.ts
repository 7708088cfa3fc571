import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "How many X": a count of a kind of X counts X (WordNet's hyponyms of a thing): "five or more rigs" (a rig is a trailer
 * truck) answers "how many trucks".
 */
const engine = tempEngine({
  'insurance.md': article(
    'Truck insurance',
    '1961-04-10',
    'Are you paying too much for your truck insurance? With many company policies you get a fleet discount if you insure five or more rigs. Discounts run up to 2% of cost.',
  ),
  'roads.md': article(
    'Roads',
    '1961-04-11',
    'The state highway department bought new trucks for snow clearing. The trucks will be ready by winter.',
  ),
});

describe('a count of a kind of the thing asked', () => {
  it('counts rigs for "how many trucks"', () => {
    const r = engine.ask('how many trucks do you need to insure to get the fleet discount');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('five or more rigs');
  });
});
