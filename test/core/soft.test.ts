import { describe, expect, it } from 'vitest';
import { addSoftMatches } from '../../src/answer/soft.ts';
import type { Slot } from '../../src/answer/slots.ts';
import type { TermVectors } from '../../src/text/vectors.ts';
import { WORD_KEY } from '../../src/text/vectors.ts';
import { plainSlot } from './helpers.ts';

/** Word vectors as a table of cosines: every question word against every candidate term. */
function tableVectors(table: Record<string, number>): TermVectors {
  return {
    dims: 1,
    cosine: (a, b) => table[`${a.replace(WORD_KEY, '')}|${b}`] ?? 0,
    vector: () => ({ q: new Int8Array(1), norm: 1 }),
    rank: () => 0,
  };
}

function slot(token: string): Slot {
  return plainSlot(token, token, { unknown: true });
}

/** Candidate terms: a compound of the question's word and others far from it, so the compound stands out. */
const POOL = [
  'showcas',
  'pressur',
  ...Array.from(
    { length: 40 },
    (_, i) => `other${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
  ),
];
const WORDS = new Set(['case', 'show']);

describe('soft matches: compounds of the question word', () => {
  it('counts a compound of the word and another word ("show" + "case") as a relative, by its irregular base too', () => {
    const vectors = tableVectors({ 'show|showcas': 0.61, 'shown|showcas': 0.41 });
    const shown = slot('shown');
    addSoftMatches(
      vectors,
      [shown],
      () => POOL,
      () => false,
      () => null,
      () => new Set(),
      (w) => WORDS.has(w),
    );
    expect(shown.alternatives).toContain('showcas');
    const show = slot('show');
    addSoftMatches(
      vectors,
      [show],
      () => POOL,
      () => false,
      () => null,
      () => new Set(),
      (w) => WORDS.has(w),
    );
    expect(show.evidence[show.alternatives.indexOf('showcas')]).toBeGreaterThan(0);
    expect(show.unknown).toBe(false);
  });

  it('not a longer word whose rest is no word ("press" / "pressure")', () => {
    const vectors = tableVectors({ 'press|pressur': 0.55 });
    const press = slot('press');
    addSoftMatches(
      vectors,
      [press],
      () => POOL,
      () => false,
      () => null,
      () => new Set(),
      (w) => WORDS.has(w),
    );
    expect(press.alternatives).toEqual(['press']);
  });
});

describe('soft matches: ordinals written as words', () => {
  it('never match another number word ("sixth" / "seventh")', () => {
    const vectors = tableVectors({ 'sixth|seventh': 0.9, 'sixth|eighth': 0.85 });
    const sixth = slot('sixth');
    addSoftMatches(
      vectors,
      [sixth],
      () => ['seventh', 'eighth', ...POOL],
      () => false,
    );
    expect(sixth.alternatives).toEqual(['sixth']);
    expect(sixth.unknown).toBe(true);
  });
});
