/**
 * SQuAD v1.1 answer scoring, as the official evaluation script does it: both strings are
 * normalised (lower case, ASCII punctuation removed, the articles a/an/the removed, white space
 * collapsed), then exact match and token-level F1 are taken, each the best over the gold answers.
 * A missing prediction (null) scores 0 on both.
 */

/** ASCII punctuation, as Python's `string.punctuation` (the official script's set). */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function normalizeAnswer(s: string): string {
  return s
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

function tokens(s: string): string[] {
  const n = normalizeAnswer(s);
  return n ? n.split(' ') : [];
}

export function exactMatch(prediction: string, gold: string): boolean {
  return normalizeAnswer(prediction) === normalizeAnswer(gold);
}

export function f1(prediction: string, gold: string): number {
  const p = tokens(prediction);
  const g = tokens(gold);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export interface AnswerScore {
  em: number;
  f1: number;
}

/** Exact match (0 or 1) and F1 (0–1) of one prediction, the best over the gold answers. */
export function scoreAnswer(prediction: string | null | undefined, golds: readonly string[]): AnswerScore {
  if (prediction == null) return { em: 0, f1: 0 };
  let em = 0;
  let best = 0;
  for (const g of golds) {
    if (exactMatch(prediction, g)) em = 1;
    best = Math.max(best, f1(prediction, g));
  }
  return { em, f1: best };
}

/** Totals over a set: EM and F1 in percent, and the share of questions with a phrase. */
export class SquadTally {
  count = 0;
  withPhrase = 0;
  private em = 0;
  private f1 = 0;

  add(prediction: string | null | undefined, golds: readonly string[]): AnswerScore {
    const s = scoreAnswer(prediction, golds);
    this.count++;
    if (prediction != null) this.withPhrase++;
    this.em += s.em;
    this.f1 += s.f1;
    return s;
  }

  get summary(): { em: number; f1: number; phraseShare: number } {
    const pct = (n: number) => (this.count ? Math.round((1000 * n) / this.count) / 10 : 0);
    return { em: pct(this.em), f1: pct(this.f1), phraseShare: pct(this.withPhrase) };
  }
}
