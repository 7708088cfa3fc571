import { describe, expect, it } from 'vitest';
import { kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * "How long is X", "how deep is X" ask a measure of X itself (src/answer/kinds.ts, the check's `subject`): when the best
 * sentence names X without it, the stories that name X are read for a sentence that gives the measure of a thing it
 * points back to ("this three-hour film"), the best one's story first and then those of the close candidates
 * (answer.ts). A measure of something else in the story ("haul a boat fifty miles to a lake") is none.
 */
const column = [
  '“Notte Bianca”, the dynamite Italian flicker, opens at popular prices at the Loop theater Nov. 2. My idea of masterful movie making.',
  '',
  'The mayor will open the new bridge on Friday, and the band will play.',
].join('\n');
const review = [
  'For many seasons I have been looking at the naughty stuff on television, so I thought I ought to see a movie.',
  '',
  'So I went to see “Notte Bianca”.',
  '',
  'It has been billed as a towering monument to immorality. All the sins of ancient Rome are said to be collected into this three-hour film.',
  '',
  'After television, “Notte Bianca” seems as harmless as a bus tour of North Beach at night.',
].join('\n');
describe('a measure of what the question names, further down a story that names it', () => {
  const engine = tempEngine({
    'column.md': article('Around the town', '1961-06-01', column),
    'review.md': article('Immorality at the movies', '1961-06-02', review),
  });

  it('finds "this three-hour film" for "how long is notte bianca"', () => {
    const r = engine.ask('how long is notte bianca');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('three-hour film');
  });

  it('reads only a measure of a thing pointed back to there, not of a trip', () => {
    const deep = kindChecks('how deep is lake mirren').find((k) => k.measure)!;
    expect(deep.subject).toBe(true);
    expect(deep.attached!.test('It is a simple task to haul a boat fifty or one hundred miles to a lake.')).toBe(false);
    expect(deep.attached!.test('The lake is 120 feet deep at the dam.')).toBe(true);
    // A measure the question does not ask of a named thing is checked as before, in the best sentence alone.
    expect(kindChecks('how far did the boat travel').find((k) => k.measure)!.subject).toBeUndefined();
  });
});
