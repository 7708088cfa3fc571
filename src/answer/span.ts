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

/**
 * Whether a sentence opens with a wire dateline: another story begins there. A dateline has its agency in brackets, so
 * a text without "(" (nearly every sentence) is answered by `indexOf` before the pattern: this runs on both neighbours
 * of every candidate sentence.
 */
export function opensStory(text: string): boolean {
  return text.indexOf('(') >= 0 && WIRE_DATELINE.test(text);
}

/**
 * The sentences next to sentence `k` of a passage that can join it in one snippet (the two fit in
 * `SNIPPETS.maxChars`, and the later does not open another story with a wire dateline), the one before first. Ranking
 * scores a sentence with its better neighbour, and the answer joins that neighbour: both ask here, so they always
 * agree on what a snippet can hold.
 */
export function joinableNeighbours(passage: Passage, k: number): number[] {
  const out: number[] = [];
  if (joinable(passage, k, k - 1)) out.push(k - 1);
  if (joinable(passage, k, k + 1)) out.push(k + 1);
  return out;
}

/** Whether sentence `at` of a passage can join sentence `k` in one snippet (`joinableNeighbours`). */
function joinable(passage: Passage, k: number, at: number): boolean {
  const later = passage.sentences[Math.max(k, at)];
  return !!passage.sentences[at] && spanLength(passage, k, at) <= SNIPPETS.maxChars && !opensStory(later!.text);
}
