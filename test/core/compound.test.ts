import { describe, expect, it } from 'vitest';
import { splitJoinedWords } from '../../src/answer/slots.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * A compound typed closed that the material writes with a hyphen ("bakeoffs" for "bake-offs"): read as the material's
 * two words (src/answer/slots.ts `splitJoinedWords`), so the sentence that writes it is found and its count read.
 */
const body = [
  'Mrs. Alma Fenn of Tulsa won the top prize at a luncheon yesterday.',
  '',
  'Mrs. Fenn entered 10 past bake-offs before she got into the finals.',
  '',
  'She said she would bake for her family all weekend, and the prize money would pay off the house.',
].join('\n');

describe('a closed compound the material hyphens', () => {
  const engine = tempEngine({ 'bake.md': article('Tulsa woman wins the contest', '1961-06-01', body) });

  it('splits "bakeoffs" where the material writes "bake-offs", and leaves words it has', () => {
    const { index } = engine;
    expect(splitJoinedWords(index, 'how many bakeoffs had fenn tried')).toBe('how many bake-offs had fenn tried');
    expect(splitJoinedWords(index, 'what did the luncheon honor')).toBe('what did the luncheon honor');
  });

  it('answers the count the hyphened compound is written with', () => {
    const r = engine.ask('how many bakeoffs had fenn tried before she made the finals');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('10 past bake-offs');
  });
});
