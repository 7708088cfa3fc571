import { describe, expect, it } from 'vitest';
import { article, tempEngine, newsEngine } from './helpers.ts';
import { kindChecks } from '../../src/answer/kinds.ts';

/**
 * A check of what the question names ("X's wife", "how old is X") passed by a paragraph of the best candidate's story
 * that the search never scored (src/answer/answer.ts `storySentencePassing`), on Brown Corpus press pages built the
 * way `npm run eval`'s news row builds its own. Whether to answer is then the abstention model's to decide (in the full
 * news folder it answers "Who is Pfaff's wife?"; in this small one its margin is too thin).
 */
const engine = newsEngine(['ca05', 'ca08', 'ca12']);

describe('a check of what the question names, further down the story', () => {
  it('passes the wife check five paragraphs below, "He is married to …" after a paragraph naming him', () => {
    const r = engine.assess("Who is Pfaff's wife?");
    expect(r.reason ?? '').not.toContain('wife');
    expect(r.trace.abstention).not.toBeNull();
  });

  it('still fails it where no paragraph of the story gives it', () => {
    for (const q of ["Who is Moritz's wife?", "Who is Hawksley's wife?"]) {
      const r = engine.ask(q);
      expect(r.answered).toBe(false);
      expect(r.reason).toContain('wife');
    }
  });
});

describe('an attribute the question names the holder of', () => {
  it('asks nothing of the attribute when a name follows it ("the robber\'s wife Marjory Tolliver")', () => {
    const text = [
      'The wife of convicted bank robber Carl B. Tolliver was arrested in Reno last week and will be returned to Boise to face charges of robbery, detectives said Friday.',
      '',
      'Mrs. Marjory Tolliver is accused of driving the getaway car used in a robbery of a feed store in May of 1958.',
      '',
      'Her husband is serving 12 years in prison for the robbery of a bank.',
    ].join('\n');
    const small = tempEngine({ 'arrest.md': article('Robber wife arrested', '1961-06-01', text) });
    const r = small.ask("what is the bank robber's wife marjory tolliver accused of doing");
    expect(r.snippets[0]?.text).toContain('getaway car');
    // The word after an attribute is only looked at: "what's john smith's salary" still asks Smith's salary.
    expect(kindChecks("what's john smith's salary").map((k) => [k.what, k.of])).toEqual([['salary', 'smith']]);
  });
});
