import type { Passage } from '../knowledge/types.ts';
import { SNIPPETS } from './tuning.ts';

/** Characters from the start of the first to the end of the last of two sentences of a passage. */
export function spanLength(passage: Passage, a: number, b: number): number {
  return passage.sentences[Math.max(a, b)]!.end - passage.sentences[Math.min(a, b)]!.start;
}

/**
 * The sentences next to sentence `k` of a passage that can join it in one snippet (the two fit in
 * `SNIPPETS.maxChars`), the one before first. Ranking scores a sentence with its better neighbour, and the answer
 * joins that neighbour: both ask here, so they always agree on what a snippet can hold.
 */
export function joinableNeighbours(passage: Passage, k: number): number[] {
  const out: number[] = [];
  for (const at of [k - 1, k + 1]) {
    if (passage.sentences[at] && spanLength(passage, k, at) <= SNIPPETS.maxChars) out.push(at);
  }
  return out;
}
