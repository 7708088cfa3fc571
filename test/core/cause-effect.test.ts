import { describe, expect, it } from 'vitest';
import { causeCheck } from '../../src/answer/scope.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "Why did the dock strike last so long?": "losses resulting from the dock strike" tells what the strike caused, not
 * why it lasted. A cause connective ("resulting from", "due to", "because of") whose object is the question's own
 * subject is no cause of it (src/answer/scope.ts `causeCheck`).
 */
const window = (text: string) => ({ text, passageTerms: new Set<string>(), headingTerms: new Set<string>() });
describe('a cause connective whose object is the asked subject', () => {
  const cause = causeCheck('why did the dock strike last so long')!;

  it('gives an effect of the subject, not its cause', () => {
    expect(cause.holds(window('Shipping firms reported heavy losses resulting from the dock strike.'))).toBe(false);
    expect(cause.holds(window('Exports fell sharply due to the dock strike.'))).toBe(false);
    // Another cause in the window, or a cause of something else, still counts.
    expect(cause.holds(window('The dock strike dragged on because of a dispute over pensions.'))).toBe(true);
    expect(cause.holds(window('The dock strike dragged on due to pensions, and losses resulting from it grew.'))).toBe(
      true,
    );
  });

  it('is not told by a sentence about another one of the kind, nor the sentence after it', () => {
    expect(
      cause.holds(
        window('Exports fell. The rail strikes are over, so they cannot be blamed. The odds thus look good.'),
      ),
    ).toBe(false);
    expect(cause.holds(window('Exports fell. The dock strike dragged on, so the odds thus look poor.'))).toBe(true);
  });

  it('is declined by the engine when the article gives no other cause', () => {
    const engine = tempEngine({
      'port.md': article(
        'Port news',
        '2024-05-01',
        'The dock strike at the port began in March and ended in September.\n\nShipping firms reported heavy losses resulting from the dock strike. The port reopened in October with new cranes.',
      ),
    });
    expect(engine.ask('why did the dock strike last so long').answered).toBe(false);
  });
});
