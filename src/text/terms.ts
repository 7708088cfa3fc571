import { stemmer } from './porter.ts';
import { ORDINAL_WORDS } from './patterns.ts';

/**
 * One term pipeline for questions and text alike: tokens, diacritic folding, number forms,
 * stop words and Porter stemming. The index and the question analysis both call these, so a
 * word is always turned into the same term.
 */

export const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both
  but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get gets
  got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's
  i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
  once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some
  such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
  this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's whats when
  when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've
  your yours yourself yourselves also may might must shall s t tell give name please whose just like much many one ones
  kind type`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/'/g, '')),
);

/** Printable ASCII text (and tabs and line breaks): Unicode normalisation leaves it as it is. */
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Lower-case, fold diacritics (é → e) and typographic quotes. */
export function fold(text: string): string {
  // Most text is plain ASCII, where only the backtick and the case change; normalising costs more than the rest.
  if (ASCII.test(text)) return text.replace(/`/g, "'").toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[ıøæœßłđðþə]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ə: 'e',
};

const TOKEN = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*|%/gu;
/** Spellings of one word that the stemmer does not join. */
const SAME_WORD = new Map([
  ['%', 'percent'],
  ['percentage', 'percent'],
  ['percentages', 'percent'],
  ['pct', 'percent'],
  // Ordinals as digits and as words: "3rd year" finds "the third year".
  ...ORDINAL_WORDS.map((word, i) => [`${i + 1}${['st', 'nd', 'rd'][i] ?? 'th'}`, word] as [string, string]),
]);
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A token with a full stop, comma or apostrophe inside: only such a token has parts or marks to strip. */
const MARKED_TOKEN = /[.,']/;

/**
 * Raw word tokens, folded but neither stemmed nor filtered. "6,500" → "6500", "U.S." → "us", "Norway's" → "norway".
 * One scan with `exec` (no iterator and no copy of the pattern per call: this runs on every candidate's matches); a
 * token of letters and digits alone, nearly every one, is itself and skips the rewriting.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const folded = fold(text);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const tok = m[0];
    const same = SAME_WORD.get(tok);
    if (same) {
      out.push(same);
      continue;
    }
    if (!MARKED_TOKEN.test(tok)) {
      out.push(tok);
      continue;
    }
    if (GROUPED_NUMBER.test(tok)) {
      out.push(tok.replace(/,/g, ''));
      continue;
    }
    for (let part of tok.split(',')) {
      part = part.replace(/'s$/, '').replace(/'/g, '');
      if (/\p{L}\.\p{L}/u.test(part)) part = part.replace(/\./g, '');
      if (part) out.push(part);
    }
  }
  return out;
}

const stemCache = new Map<string, string>();

/**
 * Stems Porter leaves as another word's or as none: "used", "using", "useful" stem to "us", which is "US" (the country,
 * kept as it is because it is short), so "not using force" matched every sentence on the US; "goes" stems to "goe",
 * never "go". They are written as the short word they come from ("use", "go"), which is how that word itself is kept.
 */
const STEM_FIXES = new Map([
  ['us', 'use'],
  ['goe', 'go'],
]);

/**
 * Stem one folded token; numbers and short tokens are kept as they are. `cache: false` is for
 * throwaway words (the spelling variants tried for a typo), which would only fill the cache.
 */
export function stem(token: string, cache = true): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    s = STEM_FIXES.get(s) ?? s;
    if (cache && stemCache.size < 200_000) stemCache.set(token, s);
  }
  return s;
}

/**
 * `termOf(word, false)` for a word of the letters a–z alone (the spelling variants tried for a typo): no digit to test
 * for, and no look-up in the stem cache, whose entries are what `stemmer` gives anyway and which a made-up variant
 * is nearly never in.
 */
export function termOfLetters(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (word.length <= 3) return word;
  const s = stemmer(word);
  return STEM_FIXES.get(s) ?? s;
}

/** Index term for one token, or null for a stop word. */
export function termOf(token: string, cache = true): string | null {
  if (STOP_WORDS.has(token)) return null;
  return stem(token, cache);
}

/** The index terms of single words (a WordNet synonym list), stop words left out. */
export function termsOfWords(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const word of words) {
    const t = termOf(word);
    if (t) out.push(t);
  }
  return out;
}

/** Content terms of a text, in order, with repeats. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const tok of tokenize(text)) {
    const t = termOf(tok);
    if (t) out.push(t);
  }
  return out;
}

/** `s` with its first letter in capitals ("february" → "February"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
