import { terms } from '../text/terms.ts';
import type { Slot } from './slots.ts';

/**
 * Acronyms a question writes ("the FBI", "IIT graduates") that the material spells out instead ("the Federal Bureau of
 * Investigation", "Illinois Institute of Technology"): news writes the long form, often only the long form, and a
 * member types the short one. A long form found in the candidate passages stands in for the acronym, as an alias does.
 */

/** Small words a long form keeps between its capitalised words ("Bureau *of* Investigation"). */
const JOINERS = '(?:of|for|and|on|in|the|de|&)';
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 1_000;

/** Capitalised words, one a letter of `acronym` (folded), small joining words between them. */
function longFormPattern(acronym: string): RegExp {
  let re = patterns.get(acronym);
  if (!re) {
    const words = [...acronym.toUpperCase()].map((letter) => `${letter}[\\p{Ll}'’-]+`);
    re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join(`\\s+(?:${JOINERS}\\s+)*`)}(?![\\p{L}\\p{N}])`, 'gu');
    if (patterns.size < MAX_PATTERNS) patterns.set(acronym, re);
  }
  return re;
}

/** The long forms of `acronym` (folded, "fbi") that `text` writes, as written ("Federal Bureau of Investigation"). */
export function longForms(text: string, acronym: string): string[] {
  if (!/^[a-z]{2,6}$/.test(acronym)) return [];
  return [...text.matchAll(longFormPattern(acronym))].map((m) => m[0]);
}

/**
 * Adds to each acronym slot the terms of the long forms that `texts` (the candidate passages) write, as full
 * alternatives, as an alias group's other names are: "fbi" is then found in a story that says "Federal Bureau of
 * Investigation". A slot the material knew only through them stops being unknown.
 */
export function addLongForms(slots: Slot[], texts: () => Iterable<string>): void {
  const wanted = slots.filter((s) => s.acronym && /^[a-z]{2,6}$/.test(s.token));
  if (wanted.length === 0) return;
  const all = [...texts()];
  for (const slot of wanted) {
    for (const text of all) {
      for (const form of longForms(text, slot.token)) {
        for (const t of terms(form)) {
          if (slot.alternatives.includes(t)) continue;
          slot.alternatives.push(t);
          slot.credits.push(1);
          slot.evidence.push(1);
          slot.unknown = false;
        }
      }
    }
  }
}
