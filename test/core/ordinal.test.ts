import { describe, expect, it } from 'vitest';
import { ordinalCheck } from '../../src/answer/scope.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "The previous (6th) summit" (src/answer/scope.ts `ordinalCheck`): a window that numbers the series otherwise ("the
 * 7th … Meeting") and never as asked tells of another one of it.
 */
describe('an ordinal asked', () => {
  const engine = tempEngine({
    'summit.md': article(
      'Nordic summit',
      '2025-12-01',
      'At the 7th Nordic Heads of State Consultation Meeting held in Oslo from November 15th to 16th, Iceland officially became a full member of the council.',
    ),
  });

  it('declines another of the series, answers the one the window numbers', () => {
    expect(engine.ask('the previous (6th) nordic heads of state consultation meeting, what date').answered).toBe(false);
    expect(engine.ask('what dates was the 7th nordic heads of state consultation meeting').answered).toBe(true);
  });

  it('reads the ordinal in figures or in words, and passes a window that numbers nothing', () => {
    const check = ordinalCheck('when was the 6th meeting')!;
    const window = (text: string) => ({ text, passageTerms: new Set<string>(), headingTerms: new Set<string>() });
    expect(check.holds(window('The sixth meeting was held in May.'))).toBe(true);
    expect(check.holds(window('The meeting was held in May.'))).toBe(true);
    expect(check.holds(window('The 7th meeting was held in May.'))).toBe(false);
    expect(ordinalCheck('when was the meeting')).toBeNull();
  });
});
