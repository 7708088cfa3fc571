import { describe, expect, it } from 'vitest';
import { FEATURES, scoreOf, type FeatureName, type Features } from '../../src/answer/rank.ts';

/** The weighted sum as defined: every feature, in `FEATURES`' order. */
function reference(features: Features, weights: Record<FeatureName, number>): number {
  let score = 0;
  for (const name of FEATURES) score += weights[name] * features[name];
  return score;
}

/** A record of every feature, each value from `value`. */
function record(value: (name: FeatureName, i: number) => number): Record<FeatureName, number> {
  return Object.fromEntries(FEATURES.map((name, i) => [name, value(name, i)])) as Record<FeatureName, number>;
}

describe('scoreOf (a candidate score, written out feature by feature)', () => {
  it('counts every feature once, with its own weight', () => {
    for (const name of FEATURES) {
      const features = record((n) => (n === name ? 1 : 0));
      const weights = record((_n, i) => i + 2);
      expect(scoreOf(features, weights)).toBe(FEATURES.indexOf(name) + 2);
    }
  });

  it("gives the very double of the sum in FEATURES' order", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 2000; k++) {
      const features = record(() => (random() < 0.3 ? 0 : random() * 3 - 1));
      const weights = record(() => random() * 20 - 10);
      expect(scoreOf(features, weights)).toBe(reference(features, weights));
    }
  });
});
