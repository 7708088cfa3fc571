import { WORD_KEY, type TermVectors } from '../text/vectors.ts';
import type { Slot } from './slots.ts';
import { SOFT } from './tuning.ts';

/**
 * Soft matches: words of the candidate sentences whose vectors are close to a question word's ("papers" ≈
 * "documents", "deal" ≈ "agreement"), added to the word's slot as alternatives that count for less than the word
 * itself. Numbers never match softly; names only at a high cosine. A slot that the material knew only through soft
 * matches stops being unknown, so "Damascus" finds "Syria" instead of declining.
 */
export function addSoftMatches(
  vectors: TermVectors,
  slots: Slot[],
  candidateTerms: () => Iterable<string>,
  inMaterial: (term: string) => boolean,
): void {
  const wanted: { slot: Slot; word: string }[] = [];
  for (const slot of slots) {
    // Only a word the material does not use is looked for in other words: one it uses is matched as written, and
    // soft matches for it cost time and shuffle candidates that already hold it (measured with npm run bench).
    if (/\d/.test(slot.term) || inMaterial(slot.term)) continue;
    // A name the material has is that name: one country must not find its neighbour (their cosine is often about 0.8).
    if (slot.named && !slot.unknown) continue;
    // The question's word as typed ("founded"), else its term; a word without a vector (most typos) has no match.
    const word = vectors.vector(WORD_KEY + slot.token) ? WORD_KEY + slot.token : slot.term;
    if (vectors.vector(word)) wanted.push({ slot, word });
  }
  if (wanted.length === 0) return;
  const own = new Set(slots.map((s) => s.term));
  const pool: string[] = [];
  for (const t of candidateTerms()) if (!own.has(t) && !/\d/.test(t) && t.length > 2) pool.push(t);
  for (const { slot, word } of wanted) {
    const min = slot.named ? SOFT.minCosineName : SOFT.minCosine;
    const found: { term: string; cos: number }[] = [];
    for (const t of pool) {
      if (slot.alternatives.includes(t)) continue;
      const cos = vectors.cosine(word, t);
      if (cos !== null && cos >= min) found.push({ term: t, cos });
    }
    found.sort((a, b) => b.cos - a.cos || (a.term < b.term ? -1 : 1));
    let evidence = false;
    for (const { term, cos } of found.slice(0, SOFT.maxPerSlot)) {
      const strong = slot.named || cos >= SOFT.minEvidenceCosine;
      slot.alternatives.push(term);
      slot.credits.push(SOFT.credit * cos);
      slot.evidence.push(strong ? SOFT.evidence : 0);
      evidence ||= strong;
    }
    if (evidence) slot.unknown = false;
  }
}
