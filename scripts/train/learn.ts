/**
 * The two linear models `npm run train` fits, in plain TypeScript (a linear model needs no ML package): a listwise
 * softmax ranking model and a logistic regression, both with L2 and full-batch gradient descent for a fixed number
 * of iterations from a fixed start, so a re-run gives the same numbers (nothing is random).
 */

/** One question's candidates: feature vectors and which are right. */
export interface RankingList {
  x: number[][];
  right: boolean[];
  /** How much the question counts (default 1). */
  weight?: number;
}

export interface FitOptions {
  iterations: number;
  rate: number;
  l2: number;
  /** Where L2 pulls the weights (default zero): the hand weights, to learn only what the data say against them. */
  prior?: number[];
}

/**
 * Listwise softmax: maximises, over questions, the log of the probability mass the softmax of the scores puts on the
 * right candidates, minus `l2` times the squared weights (their distance from `prior` when given). Lists without a right or without a wrong candidate teach
 * nothing and are skipped.
 */
export function fitRanking(lists: RankingList[], start: number[], o: FitOptions): number[] {
  const useful = lists.filter((l) => l.right.some(Boolean) && l.right.some((r) => !r));
  const w = [...start];
  const d = w.length;
  const total = sum(useful.map((l) => l.weight ?? 1));
  for (let it = 0; it < o.iterations; it++) {
    const grad = w.map((wi, k) => 2 * o.l2 * (wi - (o.prior?.[k] ?? 0)));
    for (const { x, right, weight = 1 } of useful) {
      const s = x.map((xi) => dot(w, xi));
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const z = sum(e);
      const zr = sum(e.filter((_v, i) => right[i]));
      // d(-log(zr/z))/dw = E_all[x] - E_right[x]
      for (let i = 0; i < x.length; i++) {
        const p = e[i]! / z - (right[i] ? e[i]! / zr : 0);
        if (p === 0) continue;
        for (let k = 0; k < d; k++) grad[k]! += (weight * p * x[i]![k]!) / total;
      }
    }
    for (let k = 0; k < d; k++) w[k]! -= o.rate * grad[k]!;
  }
  return w;
}

/**
 * Logistic regression with a bias (returned first), examples weighted. With `o.standardize` each feature is fitted on
 * its z-score (its mean and standard deviation over the examples, unweighted; a constant feature keeps scale 1) and
 * the weights returned are on the raw features, so the engine applies them unchanged. Gradient descent on raw
 * features of very different scales (a score near 3 beside 0–1 shares, a feature that is 1 for nearly every example
 * and so almost the bias) is ill-conditioned: at a fixed step and iteration count such a feature made the fit diverge
 * from the optimum (cross-validated, on-topic-unanswerable accepted at 97% of right answers kept rose from 123 to 177
 * of 253). On z-scores the same step converges, and `l2` weighs every feature alike.
 */
export function fitLogistic(
  x: number[][],
  y: boolean[],
  weight: number[],
  o: FitOptions & { standardize?: boolean },
): { bias: number; w: number[] } {
  if (o.standardize) {
    const d = x[0]?.length ?? 0;
    const mean = new Array<number>(d).fill(0);
    const sd = new Array<number>(d).fill(0);
    for (const xi of x) for (let k = 0; k < d; k++) mean[k]! += xi[k]! / x.length;
    for (const xi of x) for (let k = 0; k < d; k++) sd[k]! += (xi[k]! - mean[k]!) ** 2 / x.length;
    for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
    const z = x.map((xi) => xi.map((v, k) => (v - mean[k]!) / sd[k]!));
    const fit = fitLogistic(z, y, weight, { ...o, standardize: false });
    const w = fit.w.map((v, k) => v / sd[k]!);
    return { bias: fit.bias - w.reduce((s, v, k) => s + v * mean[k]!, 0), w };
  }
  const d = x[0]?.length ?? 0;
  let bias = 0;
  const w = new Array<number>(d).fill(0);
  const total = sum(weight);
  for (let it = 0; it < o.iterations; it++) {
    let gb = 0;
    const g = w.map((wi) => 2 * o.l2 * wi);
    for (let i = 0; i < x.length; i++) {
      const p = sigmoid(bias + dot(w, x[i]!));
      const err = ((p - (y[i] ? 1 : 0)) * weight[i]!) / total;
      gb += err;
      for (let k = 0; k < d; k++) g[k]! += err * x[i]![k]!;
    }
    bias -= o.rate * gb;
    for (let k = 0; k < d; k++) w[k]! -= o.rate * g[k]!;
  }
  return { bias, w };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function sum(a: number[]): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}
