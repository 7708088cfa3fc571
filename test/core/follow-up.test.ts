import { describe, expect, it } from 'vitest';
import { followUpCheck } from '../../src/answer/scope.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "Did X actually …", "did X ever …" (src/answer/scope.ts `followUpCheck`): whether what a story looked ahead to came
 * about is after its events; a window that only expects or proposes it does not say.
 */
describe('a follow-up after the story', () => {
  it('declines on a window that only looks ahead to the event', () => {
    const engine = tempEngine({
      'report.md': article(
        'Annual report',
        '1961-03-01',
        'Major activity at Providence in 1961 will involve the scheduled completion of tooling for the Uniconer coning machine. This work is progressing on schedule and we expect to make initial shipments of the Uniconer in the fourth quarter of this year.',
      ),
    });
    expect(engine.ask('did the uniconer actually start shipping in late 1961').answered).toBe(false);
  });

  it('is read off the question as asked, and passes a window that tells what happened', () => {
    const check = followUpCheck('did the uniconer actually start shipping')!;
    expect(check).not.toBeNull();
    expect(followUpCheck('did the uniconer start shipping')).toBeNull();
    expect(
      check.holds({
        text: 'We expect to make initial shipments this year.',
        passageTerms: new Set(),
        headingTerms: new Set(),
      }),
    ).toBe(false);
    expect(
      check.holds({
        text: 'The first Uniconers were shipped in October.',
        passageTerms: new Set(),
        headingTerms: new Set(),
      }),
    ).toBe(true);
  });
});
