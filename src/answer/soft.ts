import { irregularForms } from '../text/irregular.ts';
import { ORDINAL_WORDS } from '../text/patterns.ts';
import { termOf, terms } from '../text/terms.ts';
import { WORD_KEY, type TermVectors } from '../text/vectors.ts';
import type { WordNet } from '../text/wordnet.ts';
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
  singular: (token: string) => string | null = () => null,
  relatives: (token: string) => ReadonlySet<string> = () => new Set(),
  isWord: (word: string) => boolean = () => false,
): void {
  const wanted: { slot: Slot; keys: string[]; kin: Set<string>; heads: string[] }[] = [];
  for (const slot of slots) {
    // Only a word the material does not use is looked for in other words: one it uses is matched as written, and
    // soft matches for it cost time and shuffle candidates that already hold it (measured with npm run bench).
    if (/\d/.test(slot.term) || ORDINAL_TERMS.has(slot.term) || inMaterial(slot.term)) continue;
    // A name the material has is that name: one country must not find its neighbour (their cosine is often about 0.8).
    if (slot.named && !slot.unknown) continue;
    // The question's word as typed ("founded", never its term "found", keyed by the word "found" of "find"), and a
    // plural noun also as its singular, the closer of the two: candidates' words are terms keyed by their commonest
    // word, mostly singular, so "frontiers" (0.38 to "border") is compared as "frontier" too (0.72). A word without a
    // vector (most typos) has no match.
    const single = singular(slot.token);
    const words = slot.meanings ?? [slot.token, ...(single && single !== slot.token ? [single] : [])];
    const keys = words.map((w) => WORD_KEY + w).filter((k) => vectors.vector(k));
    if (keys.length === 0) continue;
    // WordNet's relatives of the word (broader, similar, see-also, derived: `WordNet.relatives`), as terms: a vector
    // that agrees with the dictionary is a paraphrase at a lower cosine ("rich" / "abundant" 0.55). Read only for a
    // word with a vector: the dictionary is read from disk on demand.
    // A lower-case word that may name a place ("turkey") is held as a name: no neighbour country stands in for it.
    const name = slot.named || slot.nameLike === true;
    const kin = name ? new Set<string>() : new Set(words.flatMap((w) => [...relatives(w)]));
    // The word as written and its irregular base ("shown" → show), for compounds of it ("show" / "showcased").
    const heads = name
      ? []
      : [slot.token, ...irregularForms(slot.token)].filter((w) => w.length >= SOFT.minCompoundHead);
    wanted.push({ slot, keys, kin, heads });
  }
  if (wanted.length === 0) return;
  const own = new Set(slots.map((s) => s.term));
  const pool: string[] = [];
  for (const t of candidateTerms()) if (!own.has(t) && !/\d/.test(t) && t.length > 2) pool.push(t);
  for (const { slot, keys, kin, heads } of wanted) {
    const min = slot.named || slot.nameLike ? SOFT.minCosineName : SOFT.minCosine;
    const found: { term: string; cos: number; related: boolean }[] = [];
    // How close the word is to the candidates' words in general: a common word ("people", "go") is near many of them,
    // so its nearest ("countries" 0.72, "next" 0.77) is no paraphrase; a paraphrase stands out ("frontier" / "border"
    // 0.72 is 3.9 standard deviations above the word's mean over the pool, "people" / "countries" 2.3).
    let n = 0;
    let sum = 0;
    let squares = 0;
    for (const t of pool) {
      let cos: number | null = null;
      for (const k of keys) {
        const c = vectors.cosine(k, t);
        if (c !== null && (cos === null || c > cos)) cos = c;
      }
      if (cos === null) continue;
      n++;
      sum += cos;
      squares += cos * cos;
      // A compound of the word and another word ("show" + "case"), near it by the vectors, is a relative too.
      const compound = compoundCosine(vectors, heads, t, isWord);
      if (compound !== null && compound > cos) cos = compound;
      const related = (kin.has(t) || compound !== null) && cos >= SOFT.minCosineRelated;
      if ((cos >= min || related) && !slot.alternatives.includes(t)) found.push({ term: t, cos, related });
    }
    const mean = n > 0 ? sum / n : 0;
    const sd = n > 0 ? Math.sqrt(Math.max(0, squares / n - mean * mean)) : 0;
    const standsOut = (cos: number) => n >= SOFT.minPool && sd > 0 && (cos - mean) / sd >= SOFT.minEvidenceZ;
    // A relative counts only when it is also near by the vectors for this word: above its mean by `minRelatedZ`.
    for (const f of found) f.related &&= sd > 0 && (f.cos - mean) / sd >= SOFT.minRelatedZ;
    found.splice(0, found.length, ...found.filter((f) => f.related || f.cos >= min));
    found.sort((a, b) => b.cos - a.cos || (a.term < b.term ? -1 : 1));
    let evidence = false;
    if (found.length > 0) slot.softFrom ??= slot.alternatives.length;
    // The dictionary's relatives come besides the closest words, never in place of them.
    const kept = [
      ...found.filter((f) => f.cos >= min).slice(0, SOFT.maxPerSlot),
      ...found.filter((f) => f.cos < min).slice(0, SOFT.maxPerSlot),
    ];
    for (const { term, cos, related } of kept) {
      const strong =
        slot.named ||
        related ||
        cos >= SOFT.minEvidenceCosineAlone ||
        (cos >= SOFT.minEvidenceCosine && standsOut(cos));
      if (related && cos < min) (slot.related ??= new Set()).add(term);
      slot.alternatives.push(term);
      slot.credits.push(SOFT.credit * cos);
      slot.evidence.push(strong ? SOFT.evidence : 0);
      evidence ||= strong;
    }
    if (evidence) slot.unknown = false;
  }
}

/**
 * Ordinals written as words ("sixth"), as terms: like digits they never match softly. Their vectors sit close together,
 * so a question's "sixth" summit found the material's "seventh": an ordinal names one of a series, and another one is
 * another thing. (A count may: "the three leaders" finds the text that lists them without the word.)
 */
const ORDINAL_TERMS = new Set(ORDINAL_WORDS.map((w) => termOf(w) ?? w));

/** The index terms of WordNet's one-step relatives of `word` (`WordNet.relatives`), for `addSoftMatches`. */
export function relativeTerms(wordnet: WordNet | null, word: string): Set<string> {
  return new Set(wordnet ? wordnet.relatives(word).flatMap((w) => terms(w)) : []);
}

/**
 * The cosine of a question word (one of `heads`) to a candidate's term that writes it and then another English word
 * ("show" and "showcased": "show" + "case"), or null when `term` is no such compound. The rest must be a word of three
 * letters or more that `isWord` knows (with the "e" stemming took off: "cas" is "case"), so "press" is no part of
 * "pressure".
 */
function compoundCosine(
  vectors: TermVectors,
  heads: readonly string[],
  term: string,
  isWord: (word: string) => boolean,
): number | null {
  let best: number | null = null;
  for (const head of heads) {
    const h = termOf(head) ?? head;
    if (!term.startsWith(head) && !term.startsWith(h)) continue;
    const rest = term.slice(term.startsWith(head) ? head.length : h.length);
    if (rest.length < 3 || !(isWord(rest) || isWord(`${rest}e`))) continue;
    const cos = vectors.cosine(WORD_KEY + head, term);
    if (cos !== null && (best === null || cos > best)) best = cos;
  }
  return best;
}
