import { describe, expect, it } from 'vitest';
import { kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * Sums named by what they are (src/answer/kinds.ts): "how much was X fined", "how big is the loan", "what was X's
 * bail" ask that sum, which the answer writes beside its word; money elsewhere in the sentence is another sum.
 */
const story = (text: string) => tempEngine({ 'quack.md': article('Ozone machines', '1961-05-01', text) });

describe('a sum named by what it is', () => {
  it('declines "how much was X fined" on money paid for something else, answers the fine', () => {
    const paid = story(
      'Mrs. Lund never joined the thousand people who paid Ola Berg some $30,000 for his ozone machines. Berg was later fined by the court.',
    );
    expect(paid.ask('how much was ola berg fined').answered).toBe(false);
    const fined = story('Ola Berg, who sold ozone machines to a thousand people, was fined $1,000 by the court.');
    const r = fined.ask('how much was ola berg fined');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$1,000');
  });

  it('reads the sum asked only where the word heads what is asked', () => {
    expect(kindChecks('how big is the chase manhattan loan for the warwick plant').map((c) => c.what)).toContain(
      'the amount of the loan',
    );
    expect(kindChecks('what was the bail for the beardens').map((c) => c.what)).toContain('the amount of the bail');
    expect(kindChecks('what was the loan for')).toEqual([]);
    expect(kindChecks('who paid the fine')).toEqual([]);
  });
});
