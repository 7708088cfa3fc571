import { describe, expect, it } from 'vitest';
import { createAnswerContext } from '../../src/answer/context.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { rankQuestion } from '../../src/answer/answer.ts';
import { sentenceOf } from '../../src/search/index.ts';
import { createEngine } from '../../src/engine.ts';
import { article, tempKnowledge } from './helpers.ts';

describe('a lower-case word the material writes only as a name', () => {
  const dir = tempKnowledge({
    'camp.md': article(
      'Spring Camp',
      '2024-03-17',
      'The Orioles were told today that Ron Hansen is ready for spring training.\n\nThe shortstop drove in 86 runs, and the state of his arm is good.',
    ),
    'giants.md': article(
      'The Giants',
      '2024-03-18',
      'Willie Mays drove in as many as 120 runs.\n\nThe state fair opens on Monday.',
    ),
  });
  const engine = createEngine({ knowledgeDir: dir, cacheDir: null });

  it('reads it as a name for ranking ("hansen"), never a word the material writes in lower case ("state")', () => {
    const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);
    const slots = buildSlots(ctx, 'how many runs did hansen drive in for the state');
    expect(slots.find((s) => s.token === 'hansen')!.writtenAsName).toBe(true);
    expect(slots.find((s) => s.token === 'state')!.writtenAsName).toBeUndefined();
  });

  it('counts the name in its story for the sentences that leave it out ("The shortstop drove in 86 runs")', () => {
    const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);
    const { ranked } = rankQuestion(ctx, 'how many runs did hansen drive in');
    const text = (c: (typeof ranked)[number]) =>
      sentenceOf(engine.index.passages, engine.index.sentences[c.sentence]!).text;
    const shortstop = ranked.find((c) => text(c).includes('86 runs'))!;
    expect(shortstop.features.storyNames).toBeGreaterThan(0);
    expect(shortstop.features.carriedCoverage).toBeGreaterThan(shortstop.features.sentenceCoverage);
    const mays = ranked.find((c) => text(c).includes('120 runs'))!;
    expect(mays.features.storyNames).toBe(0);
  });
});
