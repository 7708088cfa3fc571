/**
 * Rule-based English sentence splitter. Returns [start, end) offsets into the input,
 * so that every sentence is a verbatim slice of the text it came from.
 *
 * A boundary is a ".", "!" or "?" (with any closing quotes or brackets after it) followed by
 * white space and then something that can start a sentence. It is *not* a boundary after a
 * known abbreviation ("Dr.", "No. 5", "Jan."), a single initial ("J. Smith", "John I. Jenkins") or a
 * dotted acronym ("U.S.") unless the next word is one that usually starts a sentence.
 */

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vol',
  'vols',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'est',
  'fig',
  'figs',
  'pp',
  'p',
  'al',
  'fr',
  'msgr',
  'br',
  'sr',
  'sra',
  'mme',
  'mlle',
  'dept',
  'univ',
  'assn',
  'bros',
  'cf',
  'ca',
  'c',
  'op',
  'ed',
  'eds',
  'mx',
  'messrs',
]);

/** Words that, after a dotted acronym such as "U.S.", suggest a new sentence has started. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'he',
  'she',
  'they',
  'we',
  'i',
  'in',
  'on',
  'at',
  'but',
  'and',
  'however',
  'after',
  'before',
  'when',
  'while',
  'there',
  'his',
  'her',
  'their',
  'our',
  'as',
  'for',
  'since',
  'although',
  'meanwhile',
  'moreover',
  'also',
  'then',
  'today',
  'yesterday',
]);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS = /["'“‘([«]/u;

export interface TextRange {
  start: number;
  end: number;
}

export function splitSentences(text: string): TextRange[] {
  const spans: TextRange[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      if (end < text.length && /\s/u.test(text[end]!) && isBoundary(text, i, end)) {
        spans.push({ start, end });
        start = skipSpace(text, end);
        i = start;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  const tail = text.slice(start).trimEnd();
  if (tail.length > 0) spans.push({ start, end: start + tail.length });
  return spans;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function isBoundary(text: string, punct: number, after: number): boolean {
  const next = skipSpace(text, after);
  if (next >= text.length) return true;
  const nextCh = text[next]!;
  // A sentence starts with a capital, a digit or an opening quote/bracket.
  if (!(/[\p{Lu}\p{N}]/u.test(nextCh) || OPENERS.test(nextCh))) return false;
  if (text[punct] !== '.') return true;

  const word = precedingWord(text, punct);
  const nextWord = (/^[\p{L}\p{N}]+/u.exec(text.slice(next).replace(/^["'“‘([«]+/u, ''))?.[0] ?? '').toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // Dotted acronym (U.S., e.g., a.m.): a boundary only if a typical sentence opener follows.
    return SENTENCE_STARTERS.has(nextWord);
  }
  // A lone initial ("J. Smith", "John I. Jenkins"): a name goes on after it, with a surname, never a word that opens
  // sentences ("World War I. The war ended" does end there).
  if (/^\p{Lu}$/u.test(word)) return SENTENCE_STARTERS.has(nextWord) && nextWord !== 'a' && nextWord !== 'i';
  if (ABBREVIATIONS.has(word.toLowerCase())) {
    // "No. 5", "Dr. Smith", "Jan. 5" never end here; "etc." may end a sentence.
    return word.toLowerCase() === 'etc' && SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

/** The run of letters and inner dots just before position `punct` ("U.S" for "U.S."). */
function precedingWord(text: string, punct: number): string {
  let j = punct;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  return text.slice(j, punct).replace(/^\.+/, '');
}
