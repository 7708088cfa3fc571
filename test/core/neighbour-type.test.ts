import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { FIXTURES } from './helpers.ts';

/**
 * A snippet joins its best sentence with one neighbour (src/answer/answer.ts, expand). When the best sentence lacks the
 * kind of thing asked for and a neighbour has it, that neighbour is joined, not one that only repeats question words:
 * the checks read the sentence with both neighbours for a date, so the quote must show the one that gives it. The
 * Notre Dame article's paragraph on the fire of 1879 is a real case ("The library collection was also rebuilt …" is
 * promoted for its window's date, between "Construction was started on the 17th of May …" and "Around the time of the
 * fire, a music hall was opened.").
 */
describe('the neighbour a snippet joins', () => {
  const engine = createEngine({ knowledgeDir: path.join(FIXTURES, 'notre-dame', 'knowledge'), cacheDir: null });

  it('is the one that gives the date asked for', () => {
    const r = engine.ask('On what date was the rebuilding of the Main Building begun after the fire?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('17th of May');
  });
});
