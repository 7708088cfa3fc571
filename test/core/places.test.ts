import { describe, expect, it } from 'vitest';
import { slotLookup } from '../../src/answer/evidence.ts';
import { addPlaceInstances } from '../../src/answer/places.ts';
import type { Slot } from '../../src/answer/slots.ts';
import { termOf } from '../../src/text/terms.ts';
import { WordNet } from '../../src/text/wordnet.ts';
import { plainSlot } from './helpers.ts';

/** A kind of place the question names and the material never writes, found in the places it names (places.ts). */
const wordnet = WordNet.open()!;

function slot(token: string, unknown: boolean): Slot {
  return plainSlot(token, termOf(token)!, { unknown });
}

const TEXT = 'The talks were held in Paris on Monday, and President Lincoln wrote to Ohio about them.';

describe('a kind of place and the places of that kind', () => {
  it('reads what kinds of place WordNet files a place name under', () => {
    expect(wordnet.placeKinds('paris')).toEqual(expect.arrayContaining(['capital', 'city']));
    expect(wordnet.placeKinds('ohio')).toContain('state');
    expect(wordnet.placeKinds('lincoln')).not.toContain('president');
    expect(wordnet.placeKinds('monday')).toEqual([]);
  });

  it('lets a place of the kind stand in for a kind of place the material never writes', () => {
    const city = slot('city', true);
    addPlaceInstances([city], () => [TEXT], wordnet);
    expect(city.alternatives).toEqual(['citi', termOf('paris')]);
    expect(city.unknown).toBe(false);
    // A small word before the place starts no longer name ("In Paris"); a capitalised one does ("President Lincoln").
    const town = slot('town', true);
    addPlaceInstances([town], () => ['In Paris the talks ended.'], wordnet);
    expect(town.alternatives).toContain(termOf('paris'));
    // The place is what is asked for, not the question's word: typed evidence reads it as new.
    const lookup = slotLookup([city], { type: 'place', counted: [], head: 'city' }, new Set(['city']));
    expect(lookup.bySlot.has(termOf('paris')!)).toBe(false);
  });

  it('leaves alone a kind the material writes, a name, and a noun that names no place', () => {
    const known = slot('capital', false);
    const president = slot('president', true);
    addPlaceInstances([known, president], () => [TEXT], wordnet);
    expect(known.alternatives).toEqual([known.term]);
    expect(president.alternatives).toEqual([president.term]);
  });
});
