import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "X's wife's name" (src/answer/kinds.ts `namesAnew`): the name must be written beside the word for the relative; a
 * sentence that names someone else and mentions the wife ("employed by Gorton's wife") does not say what she is called.
 */
const story = (text: string) => tempEngine({ 'gorton.md': article('Samuel Gorton', '1961-05-01', text) });

describe("a relative's name", () => {
  it('declines on another name beside a mention of the wife, answers her name beside the word', () => {
    const other = story(
      "Soon Gorton was in trouble, for defending a woman. She was Ellen Aldridge, a widow who was employed by Gorton's wife and lived with the family.",
    );
    expect(other.ask("what was gorton's wife's name").answered).toBe(false);
    const named = story('Soon Gorton was in trouble. In 1637 he sailed with his wife, Mary Mawer, and their children.');
    const r = named.ask("what was gorton's wife's name");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Mary Mawer');
  });
});
