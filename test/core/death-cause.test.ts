import { describe, expect, it } from 'vitest';
import { failedChecks, kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

describe('a cause of death', () => {
  it('asks a cause when the question does, which a date of death does not give', () => {
    const died = kindChecks('what did lucian sharpe die of');
    expect(died.map((c) => c.what)).toEqual(['a cause of death']);
    expect(failedChecks(died, 'He died of pneumonia at his home in Providence.')).toEqual([]);
    expect(failedChecks(died, 'The founder died from his wounds two days later.')).toEqual([]);
    expect(failedChecks(died, 'Commencing with the death of Lucian Sharpe in 1899, the company grew.')).toEqual([
      'a cause of death',
    ]);
    expect(failedChecks(died, 'Ritter died in 1810.')).toEqual(['a cause of death']);
    expect(kindChecks('what was the cause of her death').map((c) => c.what)).toEqual(['a cause of death']);
    expect(kindChecks('when did lucian sharpe die').map((c) => c.what)).toEqual([]);
  });

  it('declines "what did X die of" when the story gives only the year', () => {
    const engine = tempEngine({
      'company.md': article(
        'A century of machine tools',
        '1961-06-01',
        [
          'Commencing with the death of Lucian Sharpe in 1899, the name of Henry Sharpe was for more than 50 years interwoven with the destiny of the company.',
          'During his presidency the plant was enormously expanded.',
        ].join('\n\n'),
      ),
    });
    expect(engine.ask('what did lucian sharpe die of').answered).toBe(false);
    expect(engine.ask('when did lucian sharpe die').answered).toBe(true);
  });
});
