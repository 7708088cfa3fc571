import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * Counts the count check (src/answer/scope.ts `countCheck`) and the answer type (question.ts `typeEvidence`) read
 * beyond "40 engineers": a number shaped like a year that an approximation marks as a count ("About 1500 delegates"); a
 * count of people standing alone before its verb ("More than 200 are expected"), in a window with more of the question.
 */
const body = [
  'About 1500 delegates are expected to register today for the annual session of the Grange in Omaha.',
  '',
  'The 1958 delegates voted to hold the next meeting in Denver, the secretary said.',
  '',
  'Some 30 delegates from Iowa arrived yesterday by train.',
  '',
  'Thieves emptied the Sibley warehouse of its bonded whisky overnight. These 1750 cases were carted off in trucks, and barrels of water were left in their place.',
  '',
  'Fall flowers will decorate the Riverside Club for the annual formal party Saturday evening. More than 200 are expected at the autumn event.',
].join('\n');

describe('counts beyond a number before its noun', () => {
  const engine = tempEngine({ 'grange.md': article('Grange opens its session', '1961-06-01', body) });

  it('reads "about 1500 delegates" as a count, not a year', () => {
    const r = engine.ask('how many delegates are they expecting for the grange session');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('About 1500 delegates');
  });

  it('reads "these 1750 cases" as a count: a demonstrative points at things, never at a year', () => {
    const r = engine.ask('how many cases did the thieves haul out of the sibley warehouse');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('These 1750 cases');
  });

  it('still reads "the 1958 delegates" as a year', () => {
    expect(engine.ask('how many delegates voted to hold the next meeting in denver').answered).toBe(false);
  });

  it('reads "more than 200 are expected" as a count of people, of no other thing', () => {
    const r = engine.ask('how many guests r expected at the riverside club formal party');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('More than 200 are expected');
    expect(engine.ask('how many cars are expected at the riverside club formal party').answered).toBe(false);
  });
});
