/** Ranking weights as `npm run train` and `scripts/shape-check.ts` read and write them. */
import { FEATURES, type FeatureName } from '../../src/answer/rank.ts';
import { WEIGHTS } from '../../src/answer/tuning.ts';
import { dot, type RankingList } from './learn.ts';

/** A weight vector in `FEATURES` order as the model's ranking record. */
export const toRanking = (w: number[]) =>
  Object.fromEntries(FEATURES.map((f, k) => [f, w[k]!])) as Record<FeatureName, number>;

/**
 * Learned weights on the hand weights' scale (the same sum of absolute values): a ranking is unchanged by scale, and
 * the checks compare score gaps in those units (`KINDS.maxScoreGap`).
 */
export function onHandScale(w: number[]): number[] {
  const hand = FEATURES.reduce((s, f) => s + Math.abs(WEIGHTS[f]), 0);
  const got = w.reduce((s, v) => s + Math.abs(v), 0) || 1;
  return w.map((v) => (v * hand) / got);
}

/** Ranking Hit@1 alone: the top-scored candidate is right (before the checks reorder). */
export function rankHit1(lists: RankingList[], w: number[]): number {
  let hits = 0;
  for (const { x, right } of lists) {
    let best = -1;
    let bestScore = -Infinity;
    x.forEach((xi, i) => {
      const s = dot(w, xi);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0 && right[best]) hits++;
  }
  return hits;
}
