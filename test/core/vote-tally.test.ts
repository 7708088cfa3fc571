import { describe, expect, it } from 'vitest';
import { kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "What was the vote on X" asks a tally (src/answer/kinds.ts): two numbers ("81 to 65", "85-0"), a number of votes, a
 * unanimous or voice vote. A sentence about X that gives none ("to allow three-fifths of the Senators present and
 * voting to cut off debate") is no answer.
 */
const senate = [
  "New Mexico's Clint Anderson offered a resolution to change the Senate's Rule 22 to allow three-fifths of the Senators present and voting to cut off debate.",
  '',
  'Fair Dealer Humphrey upped the ante, asked cloture power for a mere majority of Senators.',
].join('\n');
const budget = 'The Senate passed the defense budget by a vote of 85 to 0 after a short debate.';
describe('a question that asks a vote tally', () => {
  const engine = tempEngine({
    'senate.md': article('The Senate week', '1961-01-10', senate),
    'budget.md': article('Defense', '1961-06-10', budget),
  });

  it('is declined when the sentence about it gives no tally', () => {
    const r = engine.ask('what was the final vote count on changing rule 22');
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('a vote tally');
  });

  it('is answered by two numbers', () => {
    const r = engine.ask('what was the senate vote on the defense budget');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('85 to 0');
  });

  it('reads the ways a tally is written, and not a share of the vote', () => {
    const tally = kindChecks('whats the vote on the bill').find((k) => k.what === 'a vote tally')!.test;
    for (const t of [
      'passed 81 to 65',
      'by a vote of 45-37',
      'approved unanimously',
      'twenty-one to nine',
      'got 312 votes',
    ])
      expect(tally.test(t)).toBe(true);
    expect(tally.test('three-fifths of the Senators present and voting')).toBe(false);
    expect(kindChecks('what share of the vote did the party get').some((k) => k.what === 'a vote tally')).toBe(false);
  });
});
