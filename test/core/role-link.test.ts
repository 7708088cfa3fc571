import { describe, expect, it } from 'vitest';
import { roleLinkedName, slotLookup } from '../../src/answer/evidence.ts';
import { roleNoun } from '../../src/answer/role.ts';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

/**
 * "Who was the amateur that played with X": news gives a role's holder beside the role's noun ("in a twosome with
 * amateur Tom Wendell") while a sentence of the same story restating the question's names holds other names. The
 * name beside the role goes first (src/answer/repick.ts, evidence.ts `roleLinkedName`).
 */
const story = [
  'The spring open ended at Brookfield on Sunday. Ray Calder, the defending champion, finished second.',
  'As Calder began his second round in a twosome with amateur Tom Wendell, his gallery was small for a contender. Calder began with a birdie on the first hole.',
  'On Friday Calder played the back nine half an hour behind club champion Victor Nagy and the favourite of the amateur field, Dean Harlow, who birdied four holes.',
].join('\n\n');

const dir = tempKnowledge({ 'golf.md': article('Spring open ends at Brookfield', '2024-04-10', story) }, true);
const engine = createEngine({ knowledgeDir: dir, cacheDir: null });

describe('the name beside the role a "who" question asks the holder of', () => {
  it('reads the role of "who was the X that …" and "who is Y\'s X"', () => {
    expect(roleNoun('who was the amateur that played with calder on friday')).toBe('amateur');
    expect(roleNoun("who is cambodia's chief of state")).toBe('chief');
    expect(roleNoun('who played with calder')).toBeNull();
  });

  it('links a name right after the role noun, or after it in apposition, never a name modifying the noun', () => {
    const lookup = slotLookup(
      [{ term: 'calder', token: 'calder', alternatives: ['calder'], weight: 1, named: true } as never],
      { type: 'person', counted: [], head: null, someone: true },
      new Set(['calder']),
    );
    expect(roleLinkedName(lookup, 'Calder played with amateur Tom Wendell.', 'amateur')).toBe(true);
    expect(roleLinkedName(lookup, 'Calder played with Tom Wendell, the young amateur from Ohio.', 'amateur')).toBe(
      true,
    );
    expect(roleLinkedName(lookup, 'Calder played with the Oklahoma amateur.', 'amateur')).toBe(false);
    // Another holder of the role, in a sentence that says nothing else of the question, is not the one asked for.
    expect(roleLinkedName(lookup, 'The crowd cheered amateur Tom Wendell.', 'amateur')).toBe(false);
  });

  it('quotes the sentence naming the role holder over the restatement with other names', () => {
    const r = engine.ask('who was the amateur that played with calder on friday');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('amateur Tom Wendell');
  });
});
