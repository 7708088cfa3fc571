import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

/**
 * A snippet joins its best sentence with one neighbour (src/answer/answer.ts, expand). A next sentence that opens with
 * a participle's clause and then refers back by a pronoun ("Located on the first floor of Stanford Hall, it is …")
 * goes on about what the best sentence named, as one opening with the pronoun does: it is joined over the sentence
 * before when neither adds question words.
 */
const libraries = [
  'The library system also includes branch libraries for Architecture, Chemistry and Law, and a slide library in Riley Hall. A theology library was also opened in the fall of 2015. Located on the first floor of Stanford Hall, it is the first branch of the system to be housed in a dorm.',
  '',
  'The library system holds over three million volumes.',
].join('\n');

describe('the neighbour after a sentence', () => {
  const engine = createEngine({
    knowledgeDir: tempKnowledge({ 'libraries.md': article('Libraries', '2016-01-01', libraries) }),
    cacheDir: null,
  });

  it('is joined when it refers back after an opening participle', () => {
    const r = engine.ask('Where is the theology library?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Stanford Hall');
  });
});
