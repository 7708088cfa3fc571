import { describe, expect, it } from 'vitest';
import { rankQuestion } from '../../src/answer/answer.ts';
import { createAnswerContext } from '../../src/answer/context.ts';
import { slotLookup } from '../../src/answer/evidence.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * A long alias stands in for its short name only whole (src/answer/rank.ts, `QuestionTerms.joints`): a sentence that
 * holds one of its words ("international") holds no part of the name. And the name "which X" asks for holds X, not a
 * word derived from it (src/answer/evidence.ts, `slotLookup`).
 */
describe('long aliases count whole in ranking', () => {
  const body = [
    'The country is a key node in the North Route (Northern International Freight Corridor) and trades widely.',
    '',
    'Its international standing grew through swift and constructive diplomacy.',
  ].join('\n');
  const engine = tempEngine(
    {
      'trade.md': article('Trade', '2024-01-02', body),
      'aliases.yaml': 'aliases:\n  - [North Route, Northern International Freight Corridor]\n',
    },
    { vectorsDir: null },
  );
  const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);

  it('gives no credit to a sentence holding one word of the long form', () => {
    const { ranked } = rankQuestion(ctx, 'north route is short for what longer name');
    const text = (si: number) => {
      const ref = engine.index.sentences[si]!;
      const p = engine.index.passages[ref.passage]!;
      return p.text.slice(p.sentences[ref.sentence]!.start, p.sentences[ref.sentence]!.end);
    };
    expect(text(ranked[0]!.sentence)).toMatch(/^The country is a key node/);
    const standing = ranked.find((c) => text(c.sentence).startsWith('Its international standing'));
    if (standing) expect(standing.sentenceCoverage).toBe(0);
  });
});

describe('the name "which X" asks for', () => {
  const engine = tempEngine(
    {
      'centre.md': article('Centre', '2024-01-02', 'A new centre opened.\n\nThe Central Asian meeting was held.'),
    },
    { vectorsDir: null },
  );
  const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);

  it('holds X or its stand-ins, never a word derived from it ("Central" for "centre")', () => {
    const slots = buildSlots(ctx, 'what centre was opened');
    const centre = slots.find((s) => s.token === 'centre')!;
    expect(centre.alternatives).toContain('central');
    const lookup = slotLookup(slots, { type: 'other', counted: [], head: 'centre' }, new Set(['centre', 'opened']));
    expect(lookup.head.has('centr')).toBe(true);
    expect(lookup.head.has('central')).toBe(false);
  });
});
