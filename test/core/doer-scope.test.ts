import { describe, expect, it } from 'vitest';
import { newsEngine } from './helpers.ts';

/**
 * "Who VERB X" (src/answer/scope.ts `doerCheck`): a window that writes neither the verb, nor its doer's noun, nor the
 * asked role's noun, nor a name that reads as a doer's (evidence.ts `personNameCount`, read for a doer) says nothing of
 * who did it, however much it says of X; the same stories still answer who did what they tell of.
 */
const engine = newsEngine(['cf43', 'cc01', 'ca01']);

describe('who did the asked thing', () => {
  it.each([
    // Of the film, a work's title ("Birth Of A Nation") and a lone surname ("Porter's film"): no actor.
    'who starred in the great train robbery',
    // The question's person and her kin ("Mayor William B. Hartsfield", "Pearl Williams Hartsfield") are not her lawyer.
    "who's representing pearl hartsfield in the divorce",
  ])('declines %s', (q) => {
    expect(engine.ask(q).answered).toBe(false);
  });

  it('still answers who played the part, named without the verb beside it', () => {
    const r = engine.ask('who plays don quixote in the russian film');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Nikolai Cherkasov');
  });
});
