import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

/**
 * "Who is the bench show chairman at Westminster": the holder is named before a title whose owner follows it after
 * "of" ("John Cross, Jr., Bench Show Chmn. of Westminster"), which the role check reads as the owner's role
 * (src/answer/scope.ts), as it does an owner before the title ("Westminster's Bench Show Chmn.").
 */
const story = [
  'The junior handlers met at the Garden on Monday before the finals of the dog show.',
  "As has been the custom for the past several years, John Cross, Jr., Bench Show Chmn. of Westminster, arranged for the juniors' meeting before the class.",
  'The club hopes to hold the finals earlier in the day next year.',
].join('\n\n');

const dir = tempKnowledge({ 'show.md': article('Junior handlers meet', '2024-02-14', story) }, true);
const engine = createEngine({ knowledgeDir: dir, cacheDir: null });

describe('a titled role whose owner follows it after "of"', () => {
  it('answers who holds it with the name before the title', () => {
    const r = engine.ask('whos the bench show chmn at westminster');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('John Cross');
  });
});
