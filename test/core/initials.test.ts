import { describe, expect, it } from 'vitest';
import { createAnswerContext } from '../../src/answer/context.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * A short lower-case word with no vowel ("gm") spells no English word: it is initials, read as an acronym whose long form
 * the candidate stories spell out ("General Motors"), even when the dictionary files it under something else ("gm", a
 * gram) and another story writes it in lower case ("vp & gm" of a division).
 */
const engine = tempEngine({
  'case.md': article(
    'The Du Pont case',
    '1961-06-01',
    "A former Du Pont official became a General Motors vice president. Within a few years various Du Pont items were filling the requirements of from four to seven of General Motors' eight operating divisions.",
  ),
  'people.md': article(
    'People in industry',
    '1961-05-02',
    'Harold E. Strang, for a long period vp & gm of the Industrial Products Division, retires this year after many years with the operating divisions of the company.',
  ),
});
const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);

describe('initials typed in lower case', () => {
  it('reads a short word with no vowel as an acronym', () => {
    expect(buildSlots(ctx, 'how many operating divisions did gm have').find((s) => s.token === 'gm')?.acronym).toBe(
      true,
    );
    // A word with a vowel is a word.
    expect(buildSlots(ctx, 'how many operating divisions did strang run').some((s) => s.acronym)).toBe(false);
  });

  it('finds the story that spells the initials out', () => {
    const r = engine.ask('how many operating divisions did gm have back then');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain("General Motors' eight operating divisions");
  });
});
