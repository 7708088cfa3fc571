import type { Passage } from '../knowledge/types.ts';
import { SNIPPETS } from './tuning.ts';

/** Characters from the start of the first to the end of the last of two sentences of a passage. */
export function spanLength(passage: Passage, a: number, b: number): number {
  return passage.sentences[Math.max(a, b)]!.end - passage.sentences[Math.min(a, b)]!.start;
}

/**
 * A wire dateline opening a sentence: the place the story was filed, maybe a day, and the agency or "special" in
 * brackets ("Birmingham, Ala. -- (AP) The FBI …", "New York (UPI) …", "Kansas City, Mo., Feb. 9 (UPI) …", "Paris,
 * Texas (sp.)"). It starts another story, even inside a paragraph of a page of several.
 */
const WIRE_DATELINE =
  /^\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|\d{1,2}))*,?\s*(?:--?\s*)?\((?:[A-Z]{2,6}|special|sp\.)\)/u;

/** Whether a sentence opens with a wire dateline: another story begins there. */
export function opensStory(text: string): boolean {
  return WIRE_DATELINE.test(text);
}

/**
 * The sentences next to sentence `k` of a passage that can join it in one snippet (the two fit in
 * `SNIPPETS.maxChars`, and the later does not open another story with a wire dateline), the one before first. Ranking
 * scores a sentence with its better neighbour, and the answer joins that neighbour: both ask here, so they always
 * agree on what a snippet can hold.
 */
export function joinableNeighbours(passage: Passage, k: number): number[] {
  const out: number[] = [];
  for (const at of [k - 1, k + 1]) {
    const later = passage.sentences[Math.max(k, at)];
    if (passage.sentences[at] && spanLength(passage, k, at) <= SNIPPETS.maxChars && !opensStory(later!.text))
      out.push(at);
  }
  return out;
}
