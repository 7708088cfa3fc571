import { describe, expect, it } from 'vitest';
import { personNameCount, slotLookup } from '../../src/answer/evidence.ts';
import { termOf } from '../../src/text/terms.ts';

/**
 * "Who played Charley": a credits line ("directed by Christopher Hewett, choreography by Peter Conlow") names who did
 * other acts, so a sentence whose only names are such credits holds no answer to the question's verb, and the re-pick
 * (src/answer/repick.ts) reads on to the sentence of the story that names the player.
 */
describe('credits for another act hold no name for the question verb', () => {
  const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set(['charley']));
  const played = new Set([termOf('played')!, termOf('play')!]);
  const credits =
    'With music and lyrics by Frank Loesser, directed by Christopher Hewett, choreography by Peter Conlow, musical direction by Samuel Matlowsky.';

  it('skips names credited to another act when the question has a verb', () => {
    expect(personNameCount(lookup, credits)).toBe(4);
    expect(personNameCount(lookup, credits, played)).toBe(0);
    expect(personNameCount(lookup, 'Charley was played by Shelley Berman.', played)).toBe(1);
  });

  it("keeps a work's author after its title", () => {
    const title = 'I read “We Must Join the Common Market” by Mr. Eric Johnston.';
    expect(personNameCount(lookup, title, played)).toBe(personNameCount(lookup, title));
  });

  it('keeps a credit for an act the question names ("who wrote the lyrics": "lyrics by Frank Loesser")', () => {
    const lyrics = termOf('lyrics')!;
    const asking = slotLookup(
      [{ term: lyrics, token: 'lyrics', alternatives: [lyrics], weight: 1, named: false } as never],
      { type: 'person', counted: [], head: null, someone: true },
      new Set(['lyrics']),
    );
    expect(personNameCount(asking, credits, new Set([termOf('wrote')!, termOf('write')!]))).toBe(1);
  });
});

describe("names that read as no doer's", () => {
  const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set(['judge']));

  it('reads no person in a company a title opens, initials alone, an office or a name after "the"', () => {
    expect(personNameCount(lookup, 'It proposed selling its General Motors stock.')).toBe(0);
    expect(personNameCount(lookup, 'The court agreed with the trial court. U. S., at 606.')).toBe(0);
    const office = 'A ruling was obtained from the Commissioner of Internal Revenue on motion of the Amici Curiae.';
    expect(personNameCount(lookup, office, null, true)).toBe(0);
    // A person with a title still counts.
    expect(personNameCount(lookup, 'General Lucius Clay proposed it.')).toBe(1);
    expect(personNameCount(lookup, 'It was heard by Judge Walter LaBuy.', null, true)).toBe(1);
  });
});
