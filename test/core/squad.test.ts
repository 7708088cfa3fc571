import { describe, expect, it } from 'vitest';
import { exactMatch, f1, normalizeAnswer, scoreAnswer, SquadTally } from '../../scripts/squad.ts';

describe('SQuAD answer scoring (official normalisation)', () => {
  it('normalises: lower case, no ASCII punctuation, no articles, white space collapsed', () => {
    expect(normalizeAnswer('The  Observer!')).toBe('observer');
    expect(normalizeAnswer('an early wind-tunnel, A test')).toBe('early windtunnel test');
    expect(normalizeAnswer('Theatre')).toBe('theatre'); // "the" only as a word
    expect(normalizeAnswer('1851–1921')).toBe('1851–1921'); // the en dash is not ASCII punctuation
  });

  it('exact match after normalisation', () => {
    expect(exactMatch('the 1870s', '1870s')).toBe(true);
    expect(exactMatch('19.7%', '197')).toBe(true);
    expect(exactMatch('Rome, Italy', 'Rome')).toBe(false);
  });

  it('token F1', () => {
    expect(f1('191 bilateral and multilateral documents', '191')).toBeCloseTo((2 * (1 / 5)) / (1 / 5 + 1));
    expect(f1('more than 750', 'more than 750 miles')).toBeCloseTo((2 * 0.75) / 1.75);
    expect(f1('a b', 'c')).toBe(0);
    expect(f1('the', 'a')).toBe(0); // nothing left after normalisation
    expect(f1('cat cat', 'cat')).toBeCloseTo((2 * 0.5) / 1.5); // repeats count once per gold token
  });

  it('takes the best over the gold answers; null scores zero', () => {
    expect(scoreAnswer('Rome', ['Italy', 'Rome'])).toEqual({ em: 1, f1: 1 });
    expect(scoreAnswer(null, ['Rome'])).toEqual({ em: 0, f1: 0 });
  });

  it('tallies EM, F1 and the share with a phrase in percent', () => {
    const t = new SquadTally();
    t.add('Rome', ['Rome']);
    t.add(null, ['Paris']);
    t.add('in Paris', ['Paris']);
    t.add('x', ['y']);
    expect(t.summary).toEqual({ em: 25, f1: 41.7, phraseShare: 75 });
  });
});
