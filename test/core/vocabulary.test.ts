import { describe, expect, it } from 'vitest';
import { buildSlots, splitJoinedWords } from '../../src/answer/slots.ts';
import { article, tempAnswerContext } from './helpers.ts';

const MILL = article(
  'Mill town news',
  '2025-10-01',
  [
    'The town council met in March to plan the new library.',
    'In March, the mayor asked the mill owners to pay for the library roof.',
    'In July, the mayor asked the mill owners to keep the old bridge open.',
    'The fall of the old mill in December left forty people without work.',
  ].join('\n\n'),
);

const BLOC = article(
  'Bloc news',
  '2025-10-01',
  'The town joined the Non-Aligned League of mill towns, and the council stayed nonpartisan.',
);

describe('vocabulary: words the material does not use', () => {
  it('reads a season as its months ("over the summer" / "in July")', () => {
    const ctx = tempAnswerContext({ 'mill.md': MILL });
    const summer = buildSlots(ctx, 'What did the mayor urge over the summer?').find((s) => s.token === 'summer')!;
    expect(summer.alternatives).toContain('juli');
    expect(summer.evidence[summer.alternatives.indexOf('juli')]).toBeGreaterThan(0);
    const spring = buildSlots(ctx, 'What did the council do in the spring?').find((s) => s.token === 'spring')!;
    expect(spring.alternatives).toContain('march');
    // "fall" is the season only after a word of time: "the fall of the mill" is no autumn.
    const fall = buildSlots(ctx, 'What did the fall of the mill cost?').find((s) => s.token === 'fall');
    expect(fall?.alternatives ?? []).not.toContain('decemb');
    expect(buildSlots(ctx, 'What happened last fall?').find((s) => s.token === 'fall')!.alternatives).not.toContain(
      'juli',
    );
  });

  it('reads a word negated by "un-" with the "non-" the material writes ("unaligned" / "Non-Aligned")', () => {
    const ctx = tempAnswerContext({ 'bloc.md': BLOC });
    expect(splitJoinedWords(ctx.index, 'which league of unaligned towns did it join')).toBe(
      'which league of non-aligned towns did it join',
    );
    expect(splitJoinedWords(ctx.index, 'was the council unpartisan')).toBe('was the council nonpartisan');
    // A word the material has, or one it never negates by "non-", is left as typed.
    expect(splitJoinedWords(ctx.index, 'was the council unhappy')).toBe('was the council unhappy');
  });
});
