import { describe, expect, it } from 'vitest';
import { failedChecks, kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

describe('money in other currencies', () => {
  it('reads an amount in francs, lire or shillings as money', () => {
    const worth = kindChecks('the prize was worth how much');
    expect(failedChecks(worth, 'an essay submitted for its annual prize of 3,000 francs')).toEqual([]);
    expect(failedChecks(worth, 'a fine of ten shillings')).toEqual([]);
    expect(failedChecks(worth, 'tickets at 500 lire')).toEqual([]);
    // A number beside no currency is still no money.
    expect(failedChecks(worth, 'an essay of 3,000 words')).toEqual(['an amount of money']);
  });

  it('answers "how much" with a prize paid in francs', () => {
    const engine = tempEngine({
      'physicist.md': article(
        'A Danish physicist',
        '2024-03-01',
        [
          'Hans Lund studied pharmacy in Copenhagen and later taught physics at the university.',
          "He remodeled his late friend's notes into an essay in French, which was submitted to the Academy for its annual prize of 3,000 francs.",
          'The essay did not win, but it made his name known in Paris.',
        ].join('\n\n'),
      ),
    });
    const r = engine.ask('the academy prize the essay went in for was worth how much');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]?.text).toContain('3,000 francs');
  });
});
