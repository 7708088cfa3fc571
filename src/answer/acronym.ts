import { fold, terms } from '../text/terms.ts';
import type { Slot } from './slots.ts';

/**
 * Acronyms a question writes ("the FBI", "IIT graduates") that the material spells out instead ("the Federal Bureau of
 * Investigation", "Illinois Institute of Technology"): news writes the long form, often only the long form, and a
 * member types the short one. A long form found in the candidate passages stands in for the acronym, as an alias does.
 */

/** Small words a long form keeps between its capitalised words ("Bureau *of* Investigation"). */
const JOINERS = ['of', 'for', 'and', 'on', 'in', 'the', 'de', '&'];
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/u;

/** Whether the code point at `i` of `text` (in UTF-16 units) is in a word's letters after its capital: lower case, ', ’, -. */
function wordTail(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (c === "'" || c === '’' || c === '-') return true;
  const code = c.charCodeAt(0);
  if (code >= 97 && code <= 122) return true;
  if (code < 128) return false;
  return LOWER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** The UTF-16 length of the code point at `i`. */
function width(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Whether a letter or digit ends at `i` (the code point before `i`). */
function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const at = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether a letter or digit starts at `i`. */
function letterAt(text: string, i: number): boolean {
  return i < text.length && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Where a joining word (`JOINERS`) that starts at `i` and is followed by white space ends, or `i`. */
function joinerEnd(text: string, i: number): number {
  for (const j of JOINERS) if (text.startsWith(j, i) && SPACE.test(text[i + j.length] ?? '')) return i + j.length;
  return i;
}

/** The end of the white space from `i` (`i` itself when there is none). */
function skipSpace(text: string, i: number): number {
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

/**
 * Where a long form of the capitals `letters` that starts at `at` ends, or -1: each capital followed by at least one
 * lower-case letter (or ', ’, -), white space between the words and small joining words (`JOINERS`) each followed by
 * white space, and no letter or digit after the last word. The last word gives back a trailing ', ’ or - when a letter
 * or digit follows it ("Investigation-2" ends at "Investigation"). Read by hand rather than by one regular expression
 * an acronym: compiling a new Unicode pattern for each acronym a question writes cost milliseconds on its first ask.
 */
function longFormAt(text: string, at: number, letters: string): number {
  let i = at;
  for (let k = 0; k < letters.length; k++) {
    if (text[i] !== letters[k]) return -1;
    const from = ++i;
    while (wordTail(text, i)) i += width(text, i);
    if (i === from) return -1;
    if (k === letters.length - 1) {
      if (!letterAt(text, i)) return i;
      // A letter or digit follows: the word ends before its last ', ’ or - instead, if one comes after its first letter.
      for (let end = i - 1; end > from; end--)
        if (text[end] === "'" || text[end] === '’' || text[end] === '-') return end;
      return -1;
    }
    const spaced = skipSpace(text, i);
    if (spaced === i) return -1;
    i = spaced;
    for (let after = joinerEnd(text, i); after > i; after = joinerEnd(text, i)) i = skipSpace(text, after);
  }
  return i;
}

/** The long forms of `acronym` (folded, "fbi") that `text` writes, as written ("Federal Bureau of Investigation"). */
export function longForms(text: string, acronym: string): string[] {
  if (!/^[a-z]{2,6}$/.test(acronym)) return [];
  const letters = acronym.toUpperCase();
  const out: string[] = [];
  for (let at = text.indexOf(letters[0]!); at >= 0; at = text.indexOf(letters[0]!, at + 1)) {
    if (letterBefore(text, at)) continue;
    const end = longFormAt(text, at, letters);
    if (end < 0) continue;
    out.push(text.slice(at, end));
    at = end - 1;
  }
  return out;
}

/**
 * Letters each word of a long form gives an acronym that takes more than initials ("FEDeral EXpress", "PAN
 * AMerican"), at least and at most: with a word of its initial alone allowed, three capitals matched too much ("MIT" read
 * as "MInister Tom"; on the eval, an organisation's acronym read from two other words once its own paragraph was left
 * out).
 */
const MIN_LETTERS_A_WORD = 2;
const MAX_LETTERS_A_WORD = 3;

/**
 * The words of a run of capitalised words from `at` (small joining words between them skipped): each word's start and
 * end, for `spells`.
 */
function capitalisedRun(text: string, at: number): { from: number; to: number }[] {
  const words: { from: number; to: number }[] = [];
  let i = at;
  while (i < text.length) {
    // A capital letter (one whose lower-case form differs) starts each word of the run.
    const c = text[i]!;
    if (c === c.toLowerCase()) break;
    const from = i++;
    while (wordTail(text, i)) i += width(text, i);
    if (i === from + 1 || letterAt(text, i)) break;
    words.push({ from, to: i });
    let next = skipSpace(text, i);
    if (next === i) break;
    for (let after = joinerEnd(text, next); after > next; after = joinerEnd(text, next)) next = skipSpace(text, after);
    i = next;
  }
  return words;
}

/**
 * Whether the capitals `letters` are spelled by the words `words` of `text` from word `w` and letter `k` on: each word
 * gives its initial and then one or two more of the acronym's letters from inside it, in order (`MIN_LETTERS_A_WORD`,
 * `MAX_LETTERS_A_WORD`), and the last letter falls in the last word. The number of words used (two at least), or 0.
 */
function spells(text: string, words: { from: number; to: number }[], letters: string, w: number, k: number): number {
  if (k === letters.length) return w >= 2 ? w : 0;
  const word = words[w];
  if (!word || text[word.from] !== letters[k]) return 0;
  // The letters taken inside the word, most first, so the longest reading is tried before a shorter one.
  const inner: number[] = [];
  for (
    let i = word.from + 1, j = k + 1;
    i < word.to && j < letters.length && inner.length < MAX_LETTERS_A_WORD - 1;
    i++
  )
    if (text[i]!.toUpperCase() === letters[j]) {
      inner.push(i);
      j++;
    }
  for (let n = inner.length; n >= MIN_LETTERS_A_WORD - 1; n--) {
    const used = spells(text, words, letters, w + 1, k + 1 + n);
    if (used) return used;
  }
  return 0;
}

/**
 * The long forms of `acronym` (folded, "fedex") whose words give it more than their initials, as a company or an agency
 * often is shortened: "Federal Express" (FedEx, in capitals FEDEX), "Pan American" (PanAm). At least two
 * capitalised words, every one of them giving its initial and one or two letters more. Read only for an acronym the
 * material never writes (`addLongForms`): a looser reading than `longForms`.
 */
export function innerLongForms(text: string, acronym: string): string[] {
  if (!/^[a-z]{4,6}$/.test(acronym)) return [];
  const letters = acronym.toUpperCase();
  const out: string[] = [];
  for (let at = text.indexOf(letters[0]!); at >= 0; at = text.indexOf(letters[0]!, at + 1)) {
    if (letterBefore(text, at)) continue;
    const words = capitalisedRun(text, at);
    if (words.length < 2) continue;
    const used = spells(text, words, letters, 0, 0);
    if (used === 0) continue;
    const end = words[used - 1]!.to;
    out.push(text.slice(at, end));
    at = end - 1;
  }
  return out;
}

/**
 * A blend, a name's short form made from the front of its long form's words ("Interama" for the "Inter-American Center
 * Authority"): letters the first word gives (`MIN_BLEND_HEAD` at least), then the front of two or more later words of
 * the same run of capitalised words (each of a hyphenated word's parts a word), one to `MAX_BLEND_PIECE` letters each,
 * in order, at most `MAX_BLEND_SKIPS` words passed over. With one later word, a name's plural or other form read as a
 * blend ("Kennedys" as "Kennedy Smith"). Read only for a rare word of the question (`MAX_BLEND_DF` passages at most)
 * of `MIN_BLEND` letters or more that the dictionary does not know.
 */
const MIN_BLEND = 7;
const MIN_BLEND_HEAD = 5;
const MAX_BLEND_PIECE = 3;
const MAX_BLEND_SKIPS = 1;
const MAX_BLEND_DF = 5;

/**
 * Whether `rest` is spelled by the fronts of the words `parts` from `p` on (folded), passing over at most `skips` of
 * them, `pieces` fronts taken so far (two at least in all): the index of the last word used plus one, or 0.
 */
function blends(parts: string[], rest: string, p: number, skips: number, pieces = 0): number {
  if (rest === '') return pieces >= 2 ? p : 0;
  for (let q = p; q < parts.length && q <= p + skips; q++) {
    const part = parts[q]!;
    for (let n = Math.min(MAX_BLEND_PIECE, rest.length, part.length); n >= 1; n--) {
      if (!part.startsWith(rest.slice(0, n))) continue;
      const end = blends(parts, rest.slice(n), q + 1, skips - (q - p), pieces + 1);
      if (end) return end;
    }
  }
  return 0;
}

/** A run of capitalised words (hyphenated ones whole) with the small joining words (`JOINERS`) between them. */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*)*/gu;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;

/** Whether `text` has a letter outside ASCII ("é", "ß", "ﬁ", or a code point beyond 16 bits, read as one). */
function nonAsciiLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if ((code >= 0xd800 && code <= 0xdfff) || /\p{L}/u.test(text[i]!)) return true;
  }
  return false;
}

/**
 * Whether a capitalised word of `text` may start with the folded letters `letters` (a to z, `fold`): a capital of
 * the first and the others in either case, or, in a text with a letter outside ASCII, the letters anywhere in the
 * folded text. Never false when the word is there; true now and then when it is not (the blend scan then reads the
 * text). Folding or lower-casing every candidate passage cost more than the rest of the blend scan.
 */
function mayStartWord(text: string, letters: string): boolean {
  const capital = letters[0]!.toUpperCase();
  for (let at = text.indexOf(capital); at >= 0; at = text.indexOf(capital, at + 1)) {
    let k = 1;
    // An ASCII letter or'ed with 32 is its lower case.
    while (k < letters.length && (text.charCodeAt(at + k) | 32) === letters.charCodeAt(k)) k++;
    if (k === letters.length) return true;
  }
  return nonAsciiLetter(text) && fold(text).includes(letters);
}

/**
 * The long forms of the blend `word` (folded, "interama") that `text` writes, as written ("Inter-American Center
 * Authority").
 */
export function blendLongForms(text: string, word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < MIN_BLEND) return [];
  // A long form's first word starts with the blend's first `MIN_BLEND_HEAD` letters: a text with no such word has
  // none, and most candidate passages are passed over without reading their runs of capitalised words.
  if (!mayStartWord(text, word.slice(0, MIN_BLEND_HEAD))) return [];
  const out: string[] = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    // The run's words, a hyphenated word's parts apart: each part's folded letters and where its word starts and ends.
    const parts: { letters: string; from: number; to: number }[] = [];
    for (const w of run[0].matchAll(CAPITALISED_WORD))
      for (const part of w[0].split('-'))
        if (/^\p{Lu}/u.test(part))
          parts.push({ letters: fold(part), from: run.index + w.index, to: run.index + w.index + w[0].length });
    const letters = parts.map((x) => x.letters);
    for (let h = 0; h + 2 < parts.length; h++) {
      const head = letters[h]!;
      let end = 0;
      for (let n = Math.min(head.length, word.length - 1); n >= MIN_BLEND_HEAD && end === 0; n--)
        if (word.startsWith(head.slice(0, n))) end = blends(letters, word.slice(n), h + 1, MAX_BLEND_SKIPS);
      if (end === 0) continue;
      out.push(text.slice(parts[h]!.from, parts[end - 1]!.to));
      break;
    }
  }
  return out;
}

/** Adds the terms of the long form `form` to `slot` as full alternatives, its rarest the evidence (`addLongForms`). */
function addLongForm(slot: Slot, form: string, df: (term: string) => number): void {
  const words = terms(form);
  // Every word of the long form finds it, but only its rarest is evidence that the material answers: "Commission"
  // alone is any commission, not the Atomic Energy Commission ("the aec"); a sentence that writes the long form
  // has its rarest word too.
  let rarest = words[0];
  for (const t of words) if (df(t) < df(rarest!)) rarest = t;
  for (const t of words) {
    const at = slot.alternatives.indexOf(t);
    if (at >= 0) {
      if (t === rarest) slot.evidence[at] = Math.max(slot.evidence[at]!, 1);
      continue;
    }
    slot.alternatives.push(t);
    slot.credits.push(1);
    slot.evidence.push(t === rarest ? 1 : 0);
    if (t === rarest) slot.unknown = false;
  }
}

/**
 * Adds to each acronym slot the terms of the long forms that `texts` (the candidate passages) write, as full
 * alternatives, as an alias group's other names are: "fbi" is then found in a story that says "Federal Bureau of
 * Investigation". A slot the material knew only through them stops being unknown.
 */
export function addLongForms(
  slots: Slot[],
  texts: () => Iterable<string>,
  df: (term: string) => number = () => 0,
  dictionary: (word: string) => boolean = () => false,
): void {
  const wanted = slots.filter((s) => s.acronym && /^[a-z]{2,6}$/.test(s.token));
  // A rare long word, no word of the dictionary, that may be a blend of a name the candidate passages write
  // ("Interama"; "transit" is no "Trans-Caspian International Transport").
  const blended = slots.filter(
    (s) => !s.acronym && s.token.length >= MIN_BLEND && df(s.term) <= MAX_BLEND_DF && !dictionary(s.token),
  );
  if (wanted.length === 0 && blended.length === 0) return;
  const all = [...texts()];
  for (const slot of wanted) {
    const strict = all.some((text) => longForms(text, slot.token).length > 0);
    // Only an acronym the material never writes, and no story spells out by its initials, is read more loosely.
    const read = strict || !slot.unknown ? longForms : innerLongForms;
    for (const text of all) for (const form of read(text, slot.token)) addLongForm(slot, form, df);
  }
  for (const slot of blended)
    for (const text of all) for (const form of blendLongForms(text, slot.token)) addLongForm(slot, form, df);
}
