import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

/**
 * The count check (src/answer/scope.ts `countCheck`) reads the noun a count counts past the adjectives between them:
 * "two previous grand juries" counts juries, no people; "a 13-year hiatus" still counts years by its own unit.
 */
const body = [
  'The grand jury said it found the court had followed the recommendations of two previous grand juries, the bar association and a citizens committee.',
  '',
  'The consulate in Lagos reopened in March after a 13-year hiatus, the ministry said.',
  '',
  'The county hired 40 new deputies for the jail.',
].join('\n');

describe('the noun a count counts', () => {
  const engine = createEngine({
    knowledgeDir: tempKnowledge({ 'jury.md': article('Grand jury report', '1961-06-01', body) }),
    cacheDir: null,
  });

  it('reads "two previous grand juries" as a count of juries, not of people on the jury', () => {
    expect(engine.ask('how many people sat on the grand jury that followed the recommendations').answered).toBe(false);
  });

  it('still reads a count by its own unit and a count of people', () => {
    const years = engine.ask('how many years was the consulate in lagos closed before it reopened');
    expect(years.answered).toBe(true);
    expect(years.snippets[0]!.text).toContain('13-year hiatus');
    expect(engine.ask('how many new deputies did the county hire for the jail').answered).toBe(true);
  });
});
