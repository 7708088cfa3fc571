import { STOP_WORDS, termOf } from '../text/terms.ts';
import { NOUN_LOCATION, type WordNet } from '../text/wordnet.ts';
import { standIn, type Slot } from './slots.ts';
import { SLOTS } from './tuning.ts';

/**
 * A kind of place the question names and the material never writes ("which city hosted …", "in the US capital"): news
 * names the place itself ("in Baku", "in Paris") and seldom says what kind of place it is. A capitalised word of the
 * candidate passages that WordNet files as an instance of that kind (a city, a capital, a port) stands in for it.
 */

/** Capitalised words of a text, each a candidate place name. Fixed source at module level: compiled once. */
const CAPITALISED = /\b[A-Z][a-z]{2,}\b/g;
/** The capitalised word right before one, if any. */
const BEFORE = /\b([A-Z][A-Za-z]*)\s+$/;

/** Whether WordNet files `word`'s first noun senses as locations ("city", "capital", "port"; not "president"). */
function placeNoun(wordnet: WordNet, word: string): boolean {
  return wordnet.nounClasses(wordnet.nounBase(word) ?? word).includes(NOUN_LOCATION);
}

/**
 * Adds to each slot of a place's kind that the material never uses the terms of the place names in `texts` (the
 * candidate passages) that WordNet lists as that kind of place, as stand-ins worth a close synonym.
 */
export function addPlaceInstances(slots: Slot[], texts: () => Iterable<string>, wordnet: WordNet | null): void {
  if (!wordnet) return;
  const wanted = slots.filter(
    (s) => s.unknown && !s.named && /^[a-z]{3,}$/.test(s.token) && placeNoun(wordnet, s.token),
  );
  if (wanted.length === 0) return;
  const names = new Set<string>();
  for (const text of texts()) {
    for (const m of text.matchAll(CAPITALISED)) {
      // After another capitalised word that is no small word ("President Lincoln", "George Washington"; not "In
      // Paris"), it is part of a longer name, a person's or a thing's.
      const before = BEFORE.exec(text.slice(Math.max(0, m.index - 20), m.index));
      if (before && !STOP_WORDS.has(before[1]!.toLowerCase())) continue;
      names.add(m[0].toLowerCase());
    }
  }
  for (const slot of wanted) {
    const kind = wordnet.nounBase(slot.token) ?? slot.token;
    for (const name of names) {
      if (!wordnet.placeKinds(name).includes(kind)) continue;
      const t = termOf(name);
      if (!t || !standIn(slot, t, SLOTS.placeInstanceCredit, SLOTS.placeInstanceEvidence)) continue;
      slot.unknown = false;
      (slot.instances ??= new Set()).add(t);
    }
  }
}
