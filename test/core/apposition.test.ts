import { describe, expect, it } from 'vitest';
import { newsEngine } from './helpers.ts';

/**
 * The role check (src/answer/scope.ts) on a role written in apposition to its owner: "the No. 2 man in the Tunisian
 * Government, Defense Minister Bahi Ladgham" (Brown Corpus ca42, in a folder built the way `npm run eval`'s news row
 * builds its own).
 */
const engine = newsEngine(['ca42']);

describe('a role in apposition to its owner', () => {
  it('names the holder after the role, not a place after "in"', () => {
    for (const q of ["Who is Tunisia's defense minister?", "who is tunisia's defense minister"]) {
      const r = engine.ask(q);
      expect(r.answered).toBe(true);
      expect(r.snippets[0]!.text).toContain('Defense Minister Bahi Ladgham');
    }
  });

  it('still declines another owner’s role', () => {
    expect(engine.ask("Who is France's defense minister?").answered).toBe(false);
  });
});
