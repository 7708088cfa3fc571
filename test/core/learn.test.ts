import { describe, expect, it } from 'vitest';
import { dot, fitLogistic, sigmoid } from '../../scripts/train/learn.ts';

describe('the abstention fit (scripts/train/learn.ts)', () => {
  // A feature on a large scale beside a near-constant one, as the abstention features are (a score near 3, a flag
  // that is 1 for nearly every question): the case raw gradient descent handled badly.
  const x = Array.from({ length: 60 }, (_v, i) => [2 + (i % 7) * 0.4, i % 20 === 0 ? 0 : 1, (i % 5) / 4]);
  const y = x.map((xi) => xi[0]! + xi[2]! > 3.4);
  const weight = x.map(() => 1);
  const o = { iterations: 2000, rate: 2, l2: 0.01 };

  it('returns weights on the raw features when it fits on z-scores: the engine applies them unchanged', () => {
    const fit = fitLogistic(x, y, weight, { ...o, standardize: true });
    // The same fit by hand on z-scores gives the same probabilities.
    const mean = [0, 1, 2].map((k) => x.reduce((s, xi) => s + xi[k]!, 0) / x.length);
    const sd = [0, 1, 2].map((k) => Math.sqrt(x.reduce((s, xi) => s + (xi[k]! - mean[k]!) ** 2, 0) / x.length));
    const z = x.map((xi) => xi.map((v, k) => (v - mean[k]!) / sd[k]!));
    const onZ = fitLogistic(z, y, weight, o);
    for (let i = 0; i < x.length; i++)
      expect(sigmoid(fit.bias + dot(fit.w, x[i]!))).toBeCloseTo(sigmoid(onZ.bias + dot(onZ.w, z[i]!)), 9);
  });

  it('separates what the features separate, and gives the same numbers on a re-run', () => {
    const a = fitLogistic(x, y, weight, { ...o, standardize: true });
    const b = fitLogistic(x, y, weight, { ...o, standardize: true });
    expect(a).toEqual(b);
    const right = x.filter((_v, i) => y[i]).map((xi) => sigmoid(a.bias + dot(a.w, xi)));
    const wrong = x.filter((_v, i) => !y[i]).map((xi) => sigmoid(a.bias + dot(a.w, xi)));
    expect(Math.min(...right)).toBeGreaterThan(Math.max(...wrong));
  });
});
