import { describe, expect, it } from 'vitest';
import { asksLede } from '../../src/answer/question.ts';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

describe('a question that points at the opening', () => {
  it('reads "the intro", "per the opening", "the first paragraph" as pointing there, and not an opening ceremony', () => {
    expect(asksLede('what word does the intro use for the plan')).toBe(true);
    expect(asksLede('what region is it in per the opening')).toBe(true);
    expect(asksLede('who is named in the first paragraph')).toBe(true);
    expect(asksLede('how does the story open')).toBe(true);
    expect(asksLede('when is the opening ceremony of the embassy')).toBe(false);
    expect(asksLede('what was the opening of the new bridge like')).toBe(false);
    expect(asksLede('what does the plan say about roads')).toBe(false);
  });

  it("answers from the article's opening when the question says the answer is there", () => {
    const dir = tempKnowledge({
      'city.md': article(
        'City Planning in 2025',
        '2025-01-02',
        [
          'With its calm and careful approach, the city of Norden grew without conflict.',
          '',
          'The mayor opened two schools in March.',
          '',
          '## 01 Roads',
          '',
          'The council spent the year on roads and bridges.',
          '',
          '## 02 Later',
          '',
          'By the end of the year, the careful approach to planning of Norden was praised by its rivals as flexible and open.',
        ].join('\n'),
      ),
    });
    const engine = createEngine({ knowledgeDir: dir, cacheDir: null, vectorsDir: null });
    const text = (q: string) => engine.ask(q).snippets[0]?.text ?? '';
    expect(text("what word does the intro use for norden's approach to planning besides careful")).toContain('calm');
  });
});
