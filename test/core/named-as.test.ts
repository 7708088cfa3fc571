import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * News names the people of its opening sentence a paragraph or two below, in a sentence that says who they were
 * "identified as" (repick.ts): that sentence holds none of the question's other words, so the ranking puts the
 * restatement first, and re-picking must read the name there as the answer to "who".
 */
describe('re-picking for "who": a name given by "identified … as"', () => {
  it('takes the people a later paragraph identifies, when the restatement names no one', () => {
    // The restatement ranks first; the paragraph after it names no one; the one after that identifies them.
    const text = [
      'Two engineers were arrested yesterday on charges of selling harbor bridge plans to a foreign agent.',
      '',
      'The arrests followed an eight-month inquiry, and more charges may follow, officials said.',
      '',
      'A state radio broadcast identified the engineers as Walter Finch and Paul Dorsey of Trenton.',
      '',
      'The bridge opened in 1952 and carries forty thousand cars a day.',
    ].join('\n');
    const engine = tempEngine({ 'arrest.md': article('Engineers held in plans case', '1961-06-01', text) });
    const assessed = engine.assess('which engineers were arrested for selling harbor bridge plans', {
      candidates: true,
    });
    expect(assessed.trace.candidates![0]!.text).toContain('Two engineers were arrested');
    expect(assessed.answered).toBe(true);
    expect(assessed.snippets[0]!.text).toContain('Walter Finch');
  });
});
