import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "How long is the ninth hole at Augusta": the name after "at" is where the measured thing is, which news names once
 * near the story's top, not beside the measure many paragraphs on. The check that a measure's owner is named with it
 * (src/answer/answer.ts) reads such a name in the story, as it does the question's other names.
 */
describe('a measure of a thing at a place the story names once', () => {
  const body = [
    'The Masters golf tournament opened Thursday at Augusta before a record gallery.',
    'Gary Player took the lead with a 69 on the first day.',
    'Arnold Palmer trailed by two strokes after a bogey on the final green.',
    "Player's real test came on the ninth hole, a downhill dogleg to the left measuring 420 yards.",
  ].join('\n\n');
  const engine = tempEngine({ 'masters.md': article('Player leads the Masters', '1961-04-08', body) });

  it('answers with the measure a few paragraphs below the place', () => {
    const result = engine.ask('how long is the ninth hole at augusta');
    expect(result.answered).toBe(true);
    expect(result.snippets[0]!.text).toContain('420 yards');
  });
});
