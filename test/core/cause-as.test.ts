import { describe, expect, it } from 'vitest';
import { causeCheck } from '../../src/answer/scope.ts';

/**
 * "What made fans lose interest": news often tells a cause as an "as" clause before the main clause ("In 1920, as the
 * startling news … leaked out, fans grew disillusioned"), which the cause check reads (src/answer/scope.ts). An "as"
 * of comparison or role inside a clause ("as a byproduct", "as good as") is none.
 */
const window = (text: string) => ({ text, passageTerms: new Set<string>(), headingTerms: new Set<string>() });
describe('a cause told by an "as" clause', () => {
  const cause = causeCheck('what made fans lose interest in baseball in 1920')!;

  it('is read before the main clause', () => {
    expect(
      cause.holds(
        window(
          'In 1920, as the startling news that the White Sox had conspired to lose the World Series leaked out, fans grew disillusioned and disinterested in baseball.',
        ),
      ),
    ).toBe(true);
    expect(cause.holds(window('As the price of tickets rose all season, fans stayed home.'))).toBe(true);
  });

  it('is not "as" of a role or a comparison', () => {
    expect(cause.holds(window('The team, as a whole, played as well as it did in 1919.'))).toBe(false);
    expect(cause.holds(window('Fans grew disinterested in baseball in 1920.'))).toBe(false);
  });
});

describe('a cause told by "for … reason(s)"', () => {
  const cause = causeCheck('why did the us gymnasts lose so badly in 1960')!;

  it('reads "for one reason", "for this reason", "for two reasons", "for security reasons" as a cause', () => {
    for (const text of [
      'The Russian gymnasts beat the American gymnasts in the 1960 Olympics for one reason -- they were better.',
      'For this reason the gymnasts trained all winter.',
      'The team lost for two reasons.',
      'The meet was moved for security reasons.',
    ])
      expect(cause.holds(window(text)), text).toBe(true);
  });

  it('is not "reason" alone, nor "for" without it', () => {
    expect(cause.holds(window('The gymnasts lost in 1960 by a wide margin.'))).toBe(false);
    expect(cause.holds(window('He trained for years, and he was reasonably good.'))).toBe(false);
  });
});
