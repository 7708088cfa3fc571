import { stemmer as packageStemmer } from 'stemmer';

/**
 * The Porter stemmer of the `stemmer` package (2.0.1, MIT, Titus Wormer), giving the same stem for every token, with
 * its suffix patterns read by hand: the package finds a suffix with patterns such as `/^(.+?)(ational|…|logi)$/`,
 * which try every alternative at every position of the word, where this looks only at the suffixes ending in the
 * word's last letter. The measure tests (`gt0`, `eq1`, `gt1`, `vowelInStem`, `consonantLike`) are the package's own
 * expressions, anchored at the start. `test/core/porter.test.ts` checks the two against each other.
 */

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};

const STEP3: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/**
 * Suffixes by their last letter, longest first: `^(.+?)(a|b|…)$` takes the shortest stem, so the longest suffix that
 * leaves at least one letter before it.
 */
function byLastLetter(list: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const s of [...list].sort((a, b) => b.length - a.length)) {
    const last = s.charCodeAt(s.length - 1);
    out.set(last, [...(out.get(last) ?? []), s]);
  }
  return out;
}
const STEP2_SUFFIXES = byLastLetter(Object.keys(STEP2));
const STEP3_SUFFIXES = byLastLetter(Object.keys(STEP3));
const STEP4_SUFFIXES = byLastLetter(STEP4);

// Consonant-vowel sequences, as the package writes them.
const consonant = '[^aeiou]';
const vowel = '[aeiouy]';
const consonants = '(' + consonant + '[^aeiouy]*)';
const vowels = '(' + vowel + '[aeiou]*)';

const gt0 = new RegExp('^' + consonants + '?' + vowels + consonants);
const eq1 = new RegExp('^' + consonants + '?' + vowels + consonants + vowels + '?$');
const gt1 = new RegExp('^' + consonants + '?(' + vowels + consonants + '){2,}');
const vowelInStem = new RegExp('^' + consonants + '?' + vowel);
const consonantLike = new RegExp('^' + consonants + vowel + '[^aeiouwxy]$');

/** Line breaks, which the package's `.` does not match: a string with one is left to the package itself. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The longest of the suffixes that `word` ends with, leaving at least one letter before it, or null. */
function suffixOf(word: string, suffixes: Map<number, string[]>): string | null {
  const list = suffixes.get(word.charCodeAt(word.length - 1));
  if (list === undefined) return null;
  for (const s of list) if (word.length > s.length && word.endsWith(s)) return s;
  return null;
}

/** `/([^aeiouylsz])\1$/`: the word ends with a doubled letter other than a vowel, "y", "l", "s" or "z". */
function endsWithDoubleConsonant(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const c = word.charCodeAt(n - 1);
  return c === word.charCodeAt(n - 2) && !NOT_DOUBLED.has(c);
}
const NOT_DOUBLED = new Set([...'aeiouylsz'].map((c) => c.charCodeAt(0)));

export function stemmer(value: string): string {
  let result = String(value).toLowerCase();
  if (result.length < 3) return result;
  if (LINE_BREAK.test(result)) return packageStemmer(value);

  // An initial "y" never counts as a vowel.
  const initialY = result.charCodeAt(0) === 121;
  if (initialY) result = 'Y' + result.slice(1);

  // Step 1a: /^.+?(ss|i)es$/, else /^.+?[^s]s$/.
  let n = result.length;
  if ((n >= 5 && result.endsWith('sses')) || (n >= 4 && result.endsWith('ies'))) result = result.slice(0, -2);
  else if (n >= 3 && result.charCodeAt(n - 1) === 115 && result.charCodeAt(n - 2) !== 115) result = result.slice(0, -1);

  // Step 1b: /^(.+?)eed$/, else /^(.+?)(ed|ing)$/.
  n = result.length;
  if (n >= 4 && result.endsWith('eed')) {
    if (gt0.test(result.slice(0, -3))) result = result.slice(0, -1);
  } else {
    const stem =
      n >= 4 && result.endsWith('ing')
        ? result.slice(0, -3)
        : n >= 3 && result.endsWith('ed')
          ? result.slice(0, -2)
          : null;
    if (stem !== null && vowelInStem.test(stem)) {
      result = stem;
      if (result.endsWith('at') || result.endsWith('bl') || result.endsWith('iz')) result += 'e';
      else if (endsWithDoubleConsonant(result)) result = result.slice(0, -1);
      else if (consonantLike.test(result)) result += 'e';
    }
  }

  // Step 1c: /^(.+?)y$/.
  if (result.length >= 2 && result.charCodeAt(result.length - 1) === 121) {
    const stem = result.slice(0, -1);
    if (vowelInStem.test(stem)) result = stem + 'i';
  }

  // Step 2.
  let suffix = suffixOf(result, STEP2_SUFFIXES);
  if (suffix !== null) {
    const stem = result.slice(0, -suffix.length);
    if (gt0.test(stem)) result = stem + STEP2[suffix]!;
  }

  // Step 3.
  suffix = suffixOf(result, STEP3_SUFFIXES);
  if (suffix !== null) {
    const stem = result.slice(0, -suffix.length);
    if (gt0.test(stem)) result = stem + STEP3[suffix]!;
  }

  // Step 4: the suffixes, else /^(.+?(s|t))(ion)$/.
  suffix = suffixOf(result, STEP4_SUFFIXES);
  n = result.length;
  if (suffix !== null) {
    const stem = result.slice(0, -suffix.length);
    if (gt1.test(stem)) result = stem;
  } else if (n >= 5 && result.endsWith('ion') && (result[n - 4] === 's' || result[n - 4] === 't')) {
    const stem = result.slice(0, -3);
    if (gt1.test(stem)) result = stem;
  }

  // Step 5: /^(.+?)e$/, then /ll$/.
  if (result.length >= 2 && result.charCodeAt(result.length - 1) === 101) {
    const stem = result.slice(0, -1);
    if (gt1.test(stem) || (eq1.test(stem) && !consonantLike.test(stem))) result = stem;
  }
  if (result.endsWith('ll') && gt1.test(result)) result = result.slice(0, -1);

  if (initialY) result = 'y' + result.slice(1);
  return result;
}
