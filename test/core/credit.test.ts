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
