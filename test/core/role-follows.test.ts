import { describe, expect, it } from 'vitest';
import { personNameCount, slotLookup } from '../../src/answer/evidence.ts';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

/**
 * "Who is Ruritania's chief of state": the story's sentence restating the role names no one who could hold it ("…'s
 * chief of state, who has been accused of …"), and the next paragraph opens on a titled name ("… is Prince Ostrova
 * that he …"): that is whom the story speaks of (src/answer/repick.ts, the paragraph that follows).
 */
const story = [
  "Little resistance Ruritania's chief of state, who has been accused of sheltering smugglers and otherwise making life hard for neighbouring Borduria, insists he would be very unhappy if the smugglers' cartel took power in Southeast Europe.",
  'But so convinced of the cartel\'s coming triumph is Prince Ostrova that he is ready to give up. "I have to see the facts", is the way the prince puts it.',
  'Diplomats in the capital expect talks with the neighbours to resume in the spring.',
].join('\n\n');

const dir = tempKnowledge({ 'ruritania.md': article('Ruritania gives up', '2024-04-10', story) }, true);
const engine = createEngine({ knowledgeDir: dir, cacheDir: null });

describe("the titled name opening the paragraph after a sentence that names a role's holder by role alone", () => {
  it('reads a compass region as a place, not a person ("Southeast Asia")', () => {
    const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set());
    expect(personNameCount(lookup, 'He fears communism in Southeast Asia.')).toBe(0);
    expect(personNameCount(lookup, 'He met Ivan Allen Jr. in Atlanta.')).toBe(1);
  });

  it('quotes the next paragraph that names the holder', () => {
    const r = engine.ask("who is ruritania's chief of state");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Prince Ostrova');
  });
});
