import type { WinkMethods } from 'wink-nlp';
import { tagInstance } from '../facts/nlp.ts';
import { splitSentences } from '../text/sentences.ts';
import { fold, STOP_WORDS, termOf, tokenize } from '../text/terms.ts';
import { CLOCK_TIME, DATE_PATTERN, MONTH_ABBR, MONTHS, WEEKDAYS } from '../text/patterns.ts';
import { answerType, questionVerb, type AnswerType } from './question.ts';
import type { FactCard, FactField } from './result.ts';
import { PHRASE, PHRASE_WEIGHTS } from './tuning.ts';
import type { WordNet } from '../text/wordnet.ts';

/**
 * The answering phrase inside the quote: the words of the best snippet that answer the question
 * ("12 bilateral and multilateral treaties" for "How many treaties …?"), as a verbatim
 * substring of it, or null when no phrase can be singled out honestly.
 *
 * Candidates are noun chunks, names, numbers, dates, quoted titles and long forms written before
 * an acronym, read from wink-nlp's part-of-speech tags (wink-eng-lite-web-model: about 0.2 ms
 * for a two-sentence snippet; the tagger, without entities, loads on first use in about 0.15 s). Each is scored
 * on what the question asks for (its answer type and the noun after "which"/"what"), on how close
 * it sits to the words the question and the sentence share, and on what it adds: a candidate made
 * only of the question's own words is never chosen.
 */

export interface PhraseOptions {
  /** The answer type read from the question; computed from it when absent. */
  type?: AnswerType;
  /**
   * The question's content words as the ranking weighed them: each with the terms that stand
   * for it (the word, an alias, a spelling correction, a synonym) and its rarity weight. Without
   * them every content word of the question counts once, as itself.
   */
  terms?: readonly { alternatives: readonly string[]; weight: number }[];
  /**
   * For "who …": whether a name's capitalised words name no person (`notPersonName`, with WordNet); such a name is held
   * back. Without it no name is.
   */
  notPerson?: (words: readonly string[]) => boolean;
}

export function answerPhrase(question: string, text: string, options: PhraseOptions = {}): string | null {
  const q = readQuestion(question, options);
  if (q.slots.size === 0) return null;
  const tokens = tag(text);
  if (tokens.length === 0) return null;
  mark(q, tokens);
  const best = rankCandidates(q, tokens)[0];
  if (!best || best.score < PHRASE.minScore) return null;
  const phrase = text.slice(tokens[best.from]!.start, tokens[best.to]!.end);
  return phrase.trim() ? phrase : null;
}

/**
 * Fact cards reordered so that the first leads with the phrase when the phrase is one of their facts: the card holding
 * it comes first, with that field first. Cards are otherwise unchanged.
 */
export function leadWithPhrase(cards: FactCard[], phrase: string | null): FactCard[] {
  if (!phrase) return cards;
  // Compared as whole words: "5" is not a fact of "55 countries".
  const words = (t: string) =>
    ` ${fold(t)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
  const p = words(phrase);
  const matches = (f: FactField) => {
    const v = words(f.value);
    return v.trim().length > 0 && (p.includes(v) || v.includes(p));
  };
  const at = cards.findIndex((c) => c.fields.some(matches));
  if (at < 0) return cards;
  const card = cards[at]!;
  const lead: FactCard = {
    ...card,
    fields: [...card.fields.filter(matches), ...card.fields.filter((f) => !matches(f))],
  };
  return [lead, ...cards.slice(0, at), ...cards.slice(at + 1)];
}

// ---------------------------------------------------------------------------------------------
// Tagging

interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  folded: string;
  stem: string | null;
  sentence: number;
  inQuestion: boolean;
  /** The question word this token matches: its index and weight (0–1), or none. */
  slot: number;
  weight: number;
  /** Whether it is a number (worked out once, on first use). */
  num?: boolean;
}

/** wink-nlp without entity recognition: the phrase needs tags only (src/facts/nlp.ts). */
const tagger: () => WinkMethods = tagInstance;

/** The term of a folded token as the question's words are compared with it; "8th" is "8", "6,500" is "6500". */
const stems = new Map<string, string | null>();
/** Bounds the memo of `stemOf`: a pure function of one word, shared harmlessly, like the term pipeline's stem memo. */
const MAX_MEMO = 50_000;
function stemOf(folded: string): string | null {
  let s = stems.get(folded);
  if (s === undefined) {
    s = computeStem(folded);
    if (stems.size < MAX_MEMO) stems.set(folded, s);
  }
  return s;
}

function computeStem(folded: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  return termOf(
    folded
      .replace(/'s$/, '')
      .replace(/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, (n) => n.replace(/,/g, '')) // "6,500" is "6500", as the index reads it
      .replace(/\./g, '')
      .replace(/^(\d+)(?:st|nd|rd|th)$/, '$1'),
  );
}

/** Tags that a capitalised word inside a sentence is retagged from. */
const RETAGGED = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'X', 'INTJ', 'ADP', 'DET']);

/** wink-nlp's tokens with their offsets in `text` (found in order, so the phrase is cut verbatim). */
function tag(text: string): Token[] {
  const nlp = tagger();
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(nlp.its.value) as string[];
  const tags = tokens.out(nlp.its.pos) as string[];
  const sentences = splitSentences(text);
  const out: Token[] = [];
  let at = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const start = text.indexOf(value, at);
    if (start < 0) continue;
    at = start + value.length;
    // "14-story", "80,795-seat": the number is its own token, so it can be the answer without its unit.
    const first = value.charCodeAt(0);
    const joined = first >= 48 && first <= 57 ? JOINED_NUMBER.exec(value) : null;
    if (joined) {
      s = pushToken(out, sentences, s, values, i, joined[1]!, start, 'NUM');
      s = pushToken(out, sentences, s, values, i, joined[2]!, start + joined[1]!.length, 'PUNCT');
      s = pushToken(out, sentences, s, values, i, joined[3]!, start + joined[1]!.length + 1, 'NOUN');
    } else s = pushToken(out, sentences, s, values, i, value, start, tags[i]!, true);
  }
  return out;
}

/** Tags after which a plural word before "of" is a noun, not a verb. */
const NOUN_LEADS = new Set(['ADP', 'SCONJ', 'CCONJ', 'DET', 'ADJ']);

/** A number joined to its unit by a hyphen ("14-story", "80,795-seat"). */
const JOINED_NUMBER = /^(\d[\d,.]*)([-–])(\p{L}+)$/u;
/** A token that opens a quotation or a list: a capitalised word after it starts anew. */
const OPENER = /^["“'‘(:]$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const UPPER_FIRST = /^\p{Lu}/u;

/** Whether `value` begins with a capital letter (`\p{Lu}`; A to Z without the pattern for plain ASCII). */
function capitalFirst(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(value);
}

/**
 * Appends one token to `out` (`tag`), in sentence `s` or a later one; returns the sentence it is in. `retag`: the
 * token is wink's `values[i]` as it is, and may be retagged as a name (a capitalised word inside a sentence); a
 * capitalised preposition or article only before another capital ("Under Armour", "Birth Of A Nation").
 */
function pushToken(
  out: Token[],
  sentences: { end: number }[],
  s: number,
  values: string[],
  i: number,
  value: string,
  start: number,
  tag: string,
  retag = false,
): number {
  while (s < sentences.length - 1 && start >= sentences[s]!.end) s++;
  // Plain ASCII needs no Unicode folding (the common case, and fold's normalisation is costly).
  const folded = PRINTABLE_ASCII.test(value) ? value.toLowerCase() : fold(value);
  let pos = tag;
  // A capitalised word inside a sentence is a name, whatever the tagger guessed ("Under *Armour*", "Holy *Cross*").
  if (RETAGGED.has(tag) && capitalFirst(value)) {
    const prev = out.at(-1);
    const midSentence = prev !== undefined && prev.sentence === s && !OPENER.test(prev.text);
    if (midSentence && ((tag !== 'ADP' && tag !== 'DET') || (retag && capitalFirst(values[i + 1] ?? ''))))
      pos = 'PROPN';
  }
  // "as well as *heads* of various departments": a plural after a preposition or a conjunction and before "of" is a noun.
  if (
    tag === 'VERB' &&
    folded.endsWith('s') &&
    values[i + 1]?.toLowerCase() === 'of' &&
    NOUN_LEADS.has(out.at(-1)?.pos ?? '')
  )
    pos = 'NOUN';
  out.push({
    text: value,
    start,
    end: start + value.length,
    pos,
    folded,
    stem: stemOf(folded),
    sentence: s,
    inQuestion: false,
    slot: -1,
    weight: 0,
  });
  return s;
}

// ---------------------------------------------------------------------------------------------
// The question

interface QuestionInfo {
  type: AnswerType;
  /** Stems of the question's content words. */
  stems: Set<string>;
  /** Each term that matches a question word: which word (slot) and its weight, the rarest 1. */
  slots: Map<string, { slot: number; weight: number }>;
  /** Sum of the question words' weights. */
  totalWeight: number;
  /** Folded words of the question, stop words included (a candidate of only these adds nothing). */
  words: Set<string>;
  /** Stem of the noun after "which"/"what" ("which prize", "what institute"), when there is one. */
  head: string | null;
  /** For "how many X": the stems of X. */
  unit: Set<string>;
  /** Acronyms and other words the question asks to expand. */
  acronyms: Set<string>;
  /** The question asks for a share ("what percentage"). */
  percent: boolean;
  /** The question asks what something is called. */
  wantsName: boolean;
  /** The question asks for a year. */
  wantsYear: boolean;
  /** "How long", "how far", "how old": the answer is a measure, its unit part of it ("seven years"). */
  wantsMeasure: boolean;
  /** "What time …": a time of day answers, where for "when" a day, month or year is the better date. */
  wantsTime: boolean;
  /** For "who VERB …" ("who will star", "who leads", "who did X pick"): the verb's slot, or -1. */
  verbSlot: number;
  /** "Who else …", "besides X, what …": the question asks for what a sentence adds to what it already names. */
  addition: boolean;
  /** `PhraseOptions.notPerson`. */
  notPerson?: (words: readonly string[]) => boolean;
}

/** A question that sets something aside and asks for the rest ("who else", "besides X", "apart from X"). */
const ADDITION_QUESTION =
  /\b(?:who|what) else\b|\bbesides\b|\b(?:apart|aside) from\b|\bother than\b|\bin addition to\b/i;
/** What a sentence says to add one thing to another ("X as well as Y", "not only X but also Y"). */
const ADDITIVE = /^(?:as well as|but also|along with|together with|in addition to)$/;

/** Nouns after "what"/"which" that only restate that a name or a kind is wanted. */
const EMPTY_HEADS = new Set(['name', 'type', 'kind', 'sort', 'term', 'thing', 'word', 'title', 'one']);
const AUXILIARY = /^(?:is|are|was|were|be|been|did|do|does|has|have|had|can|could|will|would|should|may|might|must)$/;

function readQuestion(question: string, options: PhraseOptions): QuestionInfo {
  const { terms, notPerson } = options;
  let type = options.type ?? answerType(question);
  // Only "which X" and "what X" need the question's own tags (for X).
  const qTokens = /\b(?:which|what)\b/i.test(question) ? tag(question) : [];
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  const folded = words.map((w) => fold(w).replace(/[.]+$/, ''));
  const stems = new Set<string>();
  for (const w of folded) {
    const t = stemOf(w);
    if (t) stems.add(t);
  }
  let head: string | null = null;
  qTokens.forEach((w, i) => {
    if (head !== null || (w.folded !== 'which' && w.folded !== 'what')) return;
    // "which prize", "what famous institute": the last noun of the words right after it.
    let last: Token | undefined;
    for (let j = i + 1; j < qTokens.length && j <= i + 3 && NOMINAL.has(qTokens[j]!.pos); j++)
      if (qTokens[j]!.pos !== 'ADJ') last = qTokens[j];
    if (last?.stem && !EMPTY_HEADS.has(last.folded)) head = last.stem;
  });
  let unit = new Set<string>();
  folded.forEach((w, i) => {
    if (w === 'how' && (folded[i + 1] === 'many' || folded[i + 1] === 'much')) {
      const run: string[] = [];
      for (let j = i + 2; j < folded.length && run.length < 4; j++) {
        const x = folded[j]!;
        if (x === 'and' || x === 'or') continue; // "how many bilateral and multilateral documents"
        if (AUXILIARY.test(x) || STOP_WORDS.has(x)) break;
        run.push(x);
      }
      unit = new Set(run.map((x) => termOf(x)).filter((x): x is string => !!x));
    }
  });
  const acronyms = new Set<string>();
  for (const w of words) {
    const bare = w.replace(/[.'’s]+$/u, '');
    if (/\p{Lu}.*\p{Lu}|\p{Lu}\.\p{L}/u.test(bare)) acronyms.add(fold(bare).replace(/[.]/g, ''));
  }
  const percent = /\b(?:percent|percentage|proportion|share)\b|%/i.test(question);
  // "In what year": the year alone answers ("1879", not "April 1879").
  const wantsYear = /\b(?:what|which) year\b|\byear did\b/i.test(question);
  const slots = new Map<string, { slot: number; weight: number }>();
  let totalWeight = 0;
  if (terms && terms.length > 0) {
    const max = Math.max(...terms.map((t) => t.weight), 1e-9);
    terms.forEach((t, slot) => {
      const weight = t.weight / max;
      totalWeight += weight;
      const own = t.alternatives[0]!;
      for (const alt of t.alternatives) {
        if (!slots.has(alt)) slots.set(alt, { slot, weight });
        // A spelling correction or a derived form is still the question's word; an alias or a synonym is not: the
        // long form of an acronym the question names is new to the question (and may be its answer).
        if (sameWord(alt, own)) stems.add(alt);
      }
    });
  } else {
    [...stems].forEach((stem, slot) => slots.set(stem, { slot, weight: 1 }));
    totalWeight = stems.size;
  }
  const wantsName = /\b(?:called|named|known as|referred to as|the name|what name|title)\b/i.test(question);
  // "During what years", "which decades": a span of years answers, as a date does.
  if (type === 'other' && /\b(?:what|which) (?:years|decades|centuries)\b/i.test(question)) type = 'date';
  return {
    type,
    stems,
    slots,
    totalWeight,
    words: new Set(folded),
    head,
    unit,
    acronyms,
    percent,
    wantsName,
    wantsYear,
    wantsMeasure: /\bhow (?:long|far|old|big|large|tall|high|wide|deep|heavy|often|fast)\b/i.test(question),
    wantsTime: /\b(?:what|which) (?:time|hour)\b/i.test(question),
    verbSlot: verbSlot(type, question, slots),
    addition: ADDITION_QUESTION.test(question),
    ...(notPerson ? { notPerson } : {}),
  };
}

/** The slot of the verb of "who will star …" (`questionVerb`), or -1. */
function verbSlot(type: AnswerType, question: string, slots: Map<string, { slot: number; weight: number }>): number {
  const verb = type === 'person' ? questionVerb(question) : null;
  const term = verb ? stemOf(verb) : null;
  return term === null ? -1 : (slots.get(term)?.slot ?? -1);
}

/** Two terms for one word: one a derivation of the other, or a few letters apart (a spelling correction). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= SAME_WORD_PREFIX && a.slice(0, SAME_WORD_PREFIX) === b.slice(0, SAME_WORD_PREFIX))
    return true;
  return editDistance(a, b) <= SAME_WORD_EDITS;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** Marks the tokens that are the question's words, with the word they match and its weight. */
function mark(q: QuestionInfo, tokens: Token[]): void {
  for (const t of tokens) {
    const hit = t.stem === null ? undefined : q.slots.get(t.stem);
    // The question's own words (and their misspellings or derived forms): a stand-in places the answer, but it is not
    // a word the question already has.
    t.inQuestion =
      (t.stem !== null && q.stems.has(t.stem)) ||
      q.words.has(t.folded) ||
      // "7th" is the question's "seventh", as the term pipeline reads it.
      (/^\d+(?:st|nd|rd|th)$/.test(t.folded) && tokenize(t.folded).some((w) => q.words.has(w)));
    t.slot = hit?.slot ?? -1;
    t.weight = hit?.weight ?? 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Candidates

type Kind = 'quantity' | 'date' | 'name' | 'noun' | 'quote' | 'expansion';

interface Candidate {
  from: number;
  to: number;
  kind: Kind;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ']);
const HEAD = new Set(['NOUN', 'PROPN', 'NUM']);
/** Words that join two nominals into one phrase ("Master of Divinity", "prayer and reflection"). */
const JOINERS = new Set(['of', 'for', 'and', '&', 'de']);
/** Two terms sharing this many first letters are forms of one word ("chair" / "chairmanship"). */
const SAME_WORD_PREFIX = 4;
/** Two terms this few edits apart are one word misspelt ("documnet" / "document"). */
const SAME_WORD_EDITS = 2;
/** A token without which no date can match (a pre-check that spares most snippets the date pattern). */
const MAY_START_DATE = /^(?:\d{1,4}(?:s|st|nd|rd|th)?|[A-Z][a-z]+\.?)$/;
/** Shortest shared beginning for two forms of the counted word to match ("undergrad"). */
const MIN_UNIT_PREFIX = 6;
/** Lower-case words inside a name ("Conference on Interaction", "Prize for Preaching"). */
const NAME_JOINERS = new Set([...JOINERS, 'on']);
/** Lower-case words inside a long form ("Conference on Interaction … in Asia"). */
const LONG_FORM_JOINERS = new Set([...JOINERS, 'on', 'in', 'the', 'to', 'at']);
/** Words before a number that belong to it ("more than 750 miles"). */
const NUMBER_MODIFIERS = /^(?:over|under|about|around|nearly|almost|approximately|roughly|some|circa|only)$/;
const QUANTITY_TEXT =
  /^(?:\d[\d,.]*%?|\d+(?:st|nd|rd|th)|\$|%|percent|per|cent|hundred|thousand|million|billion|trillion)$/i;
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|twice|once|thrice)$/i;

function isNumber(t: Token): boolean {
  return (t.num ??= t.pos === 'NUM' || QUANTITY_TEXT.test(t.text) || NUMBER_WORD.test(t.text));
}

/** Whether tokens `a` and `b` are in one sentence. */
function sameSentence(tokens: Token[], a: number, b: number): boolean {
  return tokens[a]!.sentence === tokens[b]!.sentence;
}

/** The folded token `k` before token `i` in its sentence, or '' (none there). */
function foldedBefore(tokens: Token[], i: number, k: number): string {
  return i - k >= 0 && sameSentence(tokens, i - k, i) ? tokens[i - k]!.folded : '';
}

function candidates(q: QuestionInfo, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const n = tokens.length;

  // Noun chunks: determiners and modifiers, then nominals joined by "of", "for", "and", "'s".
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const starts = NOMINAL.has(t.pos) || t.pos === 'DET' || t.pos === 'PRON';
    if (!starts || (i > 0 && sameSentence(tokens, i - 1, i) && continuesChunk(tokens, i))) continue;
    let j = i;
    let lastHead = HEAD.has(t.pos) ? i : -1;
    while (j + 1 < n && sameSentence(tokens, j, j + 1)) {
      const next = tokens[j + 1]!;
      if (yearBeforeName(tokens, j)) break;
      if (NOMINAL.has(next.pos) || next.pos === 'PART' || next.text === '-' || next.text === '–') j++;
      else if (
        (JOINERS.has(next.folded) || (next.text === '.' && tokens[j]!.pos === 'PROPN')) &&
        j + 2 < n &&
        NOMINAL.has(tokens[j + 2]!.pos) &&
        sameSentence(tokens, j, j + 2)
      )
        j++;
      else break;
      if (HEAD.has(tokens[j]!.pos)) lastHead = j;
    }
    if (lastHead < 0) continue;
    let from = i;
    while (from <= lastHead && (tokens[from]!.pos === 'PRON' || tokens[from]!.pos === 'DET') && from < lastHead) {
      if (tokens[from]!.pos === 'DET') break;
      from++;
    }
    if (tokens[from]!.pos === 'PRON') continue;
    out.push({ from, to: lastHead, kind: chunkKind(tokens, from, lastHead) });
    // The name without the lower-case words before it: "Pat O'Brien" of "starred Pat O'Brien", "Driehaus
    // Architecture Prize" of "the renowned annual Driehaus Architecture Prize".
    let name = from;
    while (
      name < lastHead &&
      tokens[name]!.pos !== 'PROPN' &&
      /^\p{Ll}/u.test(tokens[name]!.text) &&
      !JOINERS.has(tokens[name]!.folded)
    )
      name++;
    if (name > from && tokens[name]!.pos === 'PROPN' && (name > from + 1 || tokens[from]!.pos !== 'DET'))
      out.push({ from: name, to: lastHead, kind: chunkKind(tokens, name, lastHead) });
    // The chunk before its first "of"/"for" too: "a copper statue" as well as "a copper statue of Christ"
    // (but a name stays whole: "Jordan Hall of Science").
    for (let k = from + 1; k < lastHead; k++) {
      if (
        JOINERS.has(tokens[k]!.folded) &&
        tokens[k]!.folded !== 'and' &&
        HEAD.has(tokens[k - 1]!.pos) &&
        !(tokens[k - 1]!.pos === 'PROPN' && tokens[k + 1]!.pos === 'PROPN')
      ) {
        out.push({ from, to: k - 1, kind: chunkKind(tokens, from, k - 1) });
        break;
      }
    }
    // A possessor on its own: "McDonald's" of "McDonald's owner Ray Kroc".
    for (let k = from; k < lastHead; k++) {
      if (tokens[k]!.pos === 'PART' && /^['’]s?$/.test(tokens[k]!.folded.replace(/^['’]/, "'").slice(0, 2))) {
        out.push({ from, to: k, kind: chunkKind(tokens, from, k) });
        out.push({ from: k + 1, to: lastHead, kind: chunkKind(tokens, k + 1, lastHead) });
        break;
      }
    }
  }

  // Names: runs of proper nouns, joined by "of", "for", "&" ("Congregation of Holy Cross").
  for (let i = 0; i < n; i++) {
    if (tokens[i]!.pos !== 'PROPN' || (i > 0 && tokens[i - 1]!.pos === 'PROPN' && sameSentence(tokens, i - 1, i)))
      continue;
    let j = i;
    while (j + 1 < n && sameSentence(tokens, j, j + 1)) {
      const next = tokens[j + 1]!;
      if (next.pos === 'PROPN') j++;
      else if (
        (NAME_JOINERS.has(next.folded) ||
          next.text === '.' ||
          (next.text === '-' && next.start === tokens[j]!.end) ||
          (/^['’]s?$/.test(next.text) && next.start === tokens[j]!.end)) && // "Saint Mary's College", "Drummers' Circle"
        j + 2 < n &&
        tokens[j + 2]!.pos === 'PROPN' &&
        !CALENDAR_WORD.test(tokens[j + 2]!.folded) && // "Malloy on July 1" is a name and a date
        sameSentence(tokens, j, j + 2)
      )
        j += 2;
      else if (
        NAME_JOINERS.has(next.folded) &&
        tokens[j + 2]?.folded === 'the' &&
        tokens[j + 3]?.pos === 'PROPN' &&
        sameSentence(tokens, j, j + 3)
      )
        j += 3; // "Congregation of the Holy Cross"
      else break;
    }
    if (!isCalendarWord(tokens, i, j)) out.push({ from: i, to: j, kind: 'name' });
  }

  // Numbers, with the words before them that belong to them and, for "how many X", X after them.
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!isNumber(t) || (i > 0 && isNumber(tokens[i - 1]!) && sameSentence(tokens, i - 1, i))) continue;
    // The second number of a range ("21–24%") is part of the first's candidate.
    if (
      i > 1 &&
      /^[-–]$/.test(tokens[i - 1]!.text) &&
      isNumber(tokens[i - 2]!) &&
      tokens[i - 1]!.start === tokens[i - 2]!.end
    )
      continue;
    if (t.text === '$' && !(i + 1 < n && isNumber(tokens[i + 1]!))) continue;
    let j = i;
    while (j + 1 < n && sameSentence(tokens, j, j + 1)) {
      const next = tokens[j + 1]!;
      if (isNumber(next) || next.text === '%') j++;
      else if (/^[-–]$/.test(next.text) && j + 2 < n && isNumber(tokens[j + 2]!) && next.start === tokens[j]!.end)
        j += 2;
      // A magnitude written onto the number ("$400m", "5bn", "3k"), which the tagger cuts off.
      else if (next.start === tokens[j]!.end && /^(?:m|bn|b|k|mn|tn)$/i.test(next.text)) j++;
      else break;
    }
    let from = i;
    const before1 = foldedBefore(tokens, i, 1);
    const before2 = foldedBefore(tokens, i, 2);
    if (/^(?:than)$/.test(before1) && /^(?:more|less|fewer)$/.test(before2)) from = i - 2;
    else if (/^(?:least|most)$/.test(before1) && before2 === 'at') from = i - 2;
    else if (before1 === 'to' && before2 === 'up') from = i - 2;
    else if (NUMBER_MODIFIERS.test(before1)) from = i - 1;
    const kind: Kind = isYear(tokens, i, j) || isYearRange(tokens, i, j) ? 'date' : 'quantity';
    out.push({ from, to: j, kind });
    // The number with what it counts, when the question names that ("how many agreements" → "120 … agreements").
    let unitEnd = -1;
    for (let k = j + 1; k < n && k <= j + PHRASE.unitReach && sameSentence(tokens, j, k); k++) {
      const u = tokens[k]!;
      if (!(NOMINAL.has(u.pos) || u.pos === 'CCONJ' || u.text === '-')) break;
      if (u.stem && (isUnit(q, u.stem) || (q.unit.size === 0 && u.inQuestion))) unitEnd = k;
    }
    out.push({ from, to: unitEnd > 0 ? unitEnd : j, kind: unitEnd > 0 ? 'quantity' : kind });
    // "How long": the number with its unit, which the question does not name ("seven years", "13-year").
    if (q.wantsMeasure && kind === 'quantity') {
      let k = j + 1;
      if (tokens[k]?.text === '-' && tokens[k]!.start === tokens[j]!.end) k++;
      const u = tokens[k];
      if (u && sameSentence(tokens, j, k) && u.pos === 'NOUN' && !u.inQuestion)
        out.push({ from, to: k, kind: 'quantity' });
    }
  }

  // Dates written out ("September 1876", "December 26, 2025", "the 1870s").
  // Only where a month, a season, a century or a four-digit number could start one.
  if (tokens.some((t) => MAY_START_DATE.test(t.text)))
    for (const span of regexSpans(tokens, DATE_PATTERN)) out.push({ ...span, kind: 'date' });

  // Quoted titles: "Touchdown Jesus".
  for (let i = 0; i < n; i++) {
    if (!/^["“]$/.test(tokens[i]!.text)) continue;
    for (let j = i + 1; j < n && j <= i + PHRASE.maxTokens && sameSentence(tokens, i, j); j++) {
      if (/^["”]$/.test(tokens[j]!.text)) {
        if (j > i + 1) out.push({ from: i + 1, to: j - 1, kind: 'quote' });
        break;
      }
    }
  }

  // Brackets: the long form before an acronym the question names ("Master of Divinity (M.Div.)"),
  // and the other name of something the question names ("Middle Corridor" (Trans-Caspian …)).
  for (let i = 1; i < n; i++) {
    if (tokens[i]!.text !== '(') continue;
    let k = i + 1;
    while (k < n && tokens[k]!.text !== ')' && k <= i + PHRASE.maxTokens) k++;
    if (k >= n || tokens[k]!.text !== ')' || k === i + 1) continue;
    const inside = fold(text(tokens, i + 1, k - 1)).replace(/[.\s]/g, '');
    if (q.acronyms.has(inside)) {
      let from = i - 1;
      while (
        from > 0 &&
        sameSentence(tokens, from - 1, i) &&
        (/^\p{Lu}/u.test(tokens[from - 1]!.text) ||
          (LONG_FORM_JOINERS.has(tokens[from - 1]!.folded) && from > 1 && /^\p{Lu}/u.test(tokens[from - 2]!.text)))
      )
        from--;
      if (/^\p{Lu}/u.test(tokens[from]!.text)) out.push({ from, to: i - 1, kind: 'expansion' });
    } else {
      let before = i - 1;
      while (before > 0 && /^["”']$/.test(tokens[before]!.text)) before--;
      if (tokens[before]!.inQuestion) out.push({ from: i + 1, to: k - 1, kind: 'expansion' });
    }
  }
  return out;
}

/** The text from token `from` to token `to`, with the spaces between them as written. */
function text(tokens: Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i <= to; i++)
    out += (i > from && tokens[i]!.start > tokens[i - 1]!.end ? ' ' : '') + tokens[i]!.text;
  return out;
}

/** Whether token `i` continues the chunk begun before it (so a chunk starts only at its first word). */
function continuesChunk(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]!;
  if (yearBeforeName(tokens, i - 1)) return false;
  return NOMINAL.has(prev.pos) || prev.pos === 'DET' || prev.pos === 'PART' || prev.text === '-';
}

/** "in 1919 Father James Burns": a year does not modify the name after it. */
function yearBeforeName(tokens: Token[], j: number): boolean {
  return tokens[j]!.pos === 'NUM' && isYear(tokens, j, j) && tokens[j + 1]?.pos === 'PROPN';
}

function chunkKind(tokens: Token[], from: number, to: number): Kind {
  const span = tokens.slice(from, to + 1);
  if (isYear(tokens, from, to)) return 'date';
  if (isCalendarWord(tokens, from, to)) return 'noun'; // the date around it is a candidate of its own
  if (WHOLE_DATE.test(text(tokens, from, to).replace(/^the\s+/i, ''))) return 'date'; // "April 1879" is no name
  // "the Saturday night": a weekday or a month is no one's name.
  if (span.some((t) => t.pos === 'PROPN' && !CALENDAR_WORD.test(t.folded.replace(/\.$/, '')))) return 'name';
  if (span.every((t) => isNumber(t) || t.pos === 'DET')) return 'quantity';
  return 'noun';
}

/** A time of day and nothing else ("8 p.m."). */
const CLOCK_ONLY = new RegExp(`^${CLOCK_TIME}\\.?$`, 'i');
const WHOLE_DATE = new RegExp(`^(?:${DATE_PATTERN.source})$`, 'i');

/** A month or a weekday alone ("April", "Saturday"): never a person's or a place's name; the date pattern reads it. */
const CALENDAR_WORD = new RegExp(`^(?:${MONTHS}|${MONTH_ABBR}|${WEEKDAYS}|mon|tue|tues|thu|thurs|fri)$`);
function isCalendarWord(tokens: Token[], from: number, to: number): boolean {
  const span = tokens.slice(from, to + 1).filter((t) => t.pos !== 'DET');
  return span.length === 1 && CALENDAR_WORD.test(span[0]!.folded);
}

/** The candidate starts or ends inside a word the tagger cut in pieces ("trovi" of "Meštrović"). */
function splitsWord(tokens: Token[], c: Candidate): boolean {
  return glued(tokens[c.from - 1], tokens[c.from]) || glued(tokens[c.to], tokens[c.to + 1]);
}

/** Two tokens of one word: letters or digits meeting with nothing between them. */
function glued(a: Token | undefined, b: Token | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.end === b.start &&
    /[\p{L}\p{N}]$/u.test(a.text) &&
    /^[\p{L}\p{N}]/u.test(b.text)
  );
}

/** Letters after a name and its comma ("John Jenkins, C.S.C."): part of the name before, never a name of their own. */
function postNominal(tokens: Token[], from: number, to: number): boolean {
  return (
    from === to &&
    from > 1 &&
    /\p{L}\.\p{L}/u.test(tokens[from]!.text) &&
    tokens[from - 1]!.text === ',' &&
    tokens[from - 2]!.pos === 'PROPN'
  );
}

/** "1987–2005", "1851–1921": a span of years. */
function isYearRange(tokens: Token[], from: number, to: number): boolean {
  return (
    to === from + 2 &&
    isYear(tokens, from, from) &&
    /^[-–]$/.test(tokens[from + 1]!.text) &&
    /^\d{2,4}$/.test(tokens[to]!.text)
  );
}

function isYear(tokens: Token[], from: number, to: number): boolean {
  const span = tokens.slice(from, to + 1).filter((t) => t.pos !== 'DET');
  return span.length === 1 && /^(?:1[0-9]|20)\d{2}s?$/.test(span[0]!.text);
}

/** Token spans that a pattern matches in the text the tokens came from. */
function regexSpans(tokens: Token[], re: RegExp): { from: number; to: number }[] {
  if (tokens.length === 0) return [];
  // Rebuild the text with the tokens' own offsets (spaces elsewhere), so spans map back exactly.
  let text = '';
  for (const t of tokens) {
    // Tokens come in order; one that overlaps the one before (never seen) would be written over it, as it was.
    if (t.start >= text.length) text += ' '.repeat(t.start - text.length) + t.text;
    else text = text.slice(0, t.start) + t.text + text.slice(t.start + t.text.length);
  }
  const out: { from: number; to: number }[] = [];
  // A copy of the pattern, so that its `lastIndex` is this scan's alone.
  const pattern = (patternCopies.get(re) ?? patternCopies.set(re, new RegExp(re.source, re.flags)).get(re))!;
  pattern.lastIndex = 0;
  // Matches come in order, so the first token of each is searched from the last one's.
  let first = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (m[0].length === 0) pattern.lastIndex++;
    while (first < tokens.length && !(tokens[first]!.end > s)) first++;
    const from = first < tokens.length ? first : -1;
    let to = from;
    while (to + 1 < tokens.length && tokens[to + 1]!.start < e) to++;
    if (from >= 0 && tokens[from]!.sentence === tokens[to]!.sentence) out.push({ from, to });
  }
  return out;
}
const patternCopies = new Map<RegExp, RegExp>();

// ---------------------------------------------------------------------------------------------
// Scoring

const TYPE_KINDS: Record<AnswerType, Kind[]> = {
  quantity: ['quantity'],
  date: ['date'],
  person: ['name'],
  place: ['name'],
  expansion: ['expansion'],
  other: [],
};

/** Every candidate with its score, best first: for tests and for tuning. */
export function explainPhrase(
  question: string,
  text: string,
  options: PhraseOptions = {},
): { phrase: string; kind: string; score: number }[] {
  const q = readQuestion(question, options);
  const tokens = tag(text);
  mark(q, tokens);
  return rankCandidates(q, tokens).map((c) => ({
    phrase: text.slice(tokens[c.from]!.start, tokens[c.to]!.end),
    kind: c.kind,
    score: Math.round(c.score * 100) / 100,
  }));
}

function rankCandidates(q: QuestionInfo, tokens: Token[]): (Candidate & { score: number })[] {
  if (tokens.length === 0) return [];
  let sentenceCount = 0;
  for (const t of tokens) if (t.sentence + 1 > sentenceCount) sentenceCount = t.sentence + 1;
  // Per sentence, in one pass: the weight of each question word it matches (in order of first match, summed in that
  // order), and the matched tokens, for closeness.
  const slotWeights: Map<number, number>[] = [];
  const matchedIn: number[][] = [];
  for (let s = 0; s < sentenceCount; s++) {
    slotWeights.push(new Map());
    matchedIn.push([]);
  }
  tokens.forEach((t, i) => {
    if (t.slot < 0) return;
    slotWeights[t.sentence]!.set(t.slot, t.weight);
    matchedIn[t.sentence]!.push(i);
  });
  const matchShare = slotWeights.map((m) => [...m.values()].reduce((a, b) => a + b, 0) / Math.max(q.totalWeight, 1e-9));
  const scored: (Candidate & { score: number })[] = [];
  const tried = new Set<string>();
  for (const raw of candidates(q, tokens)) {
    const rawKey = `${raw.from}:${raw.to}:${raw.kind}`;
    if (tried.has(rawKey)) continue;
    tried.add(rawKey);
    const c = trim(q, tokens, raw);
    if (!c || splitsWord(tokens, c) || (c.kind === 'name' && postNominal(tokens, c.from, c.to))) continue;
    const key = `${c.from}:${c.to}:${c.kind}`;
    if (key !== rawKey && tried.has(key)) continue;
    tried.add(key);
    const sentence = tokens[c.from]!.sentence;
    scored.push({ ...c, score: scoreCandidate(q, tokens, c, matchShare[sentence]!, matchedIn[sentence]!) });
  }
  // Of two as good, the earlier, then the fuller ("December 26, 2025" rather than "December 26").
  scored.sort((a, b) => b.score - a.score || a.from - b.from || b.to - a.to);
  const seen = new Set<string>();
  return scored.filter((c) => {
    const key = `${c.from}:${c.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Drops the question's own words and loose function words from the candidate's edges ("the
 * Main Building's gold dome" keeps "gold dome" for a question naming the Main Building), unless
 * the word is the noun the question asks for. Null when nothing new is left.
 */
function isHead(q: QuestionInfo, t: Token): boolean {
  return q.head !== null && t.stem === q.head;
}
/** What "how many X" counts: X's words, or a longer or shorter form of one ("undergrad" / "undergraduates"). */
function isUnit(q: QuestionInfo, stem: string): boolean {
  if (q.unit.has(stem)) return true;
  for (const u of q.unit)
    if (Math.min(u.length, stem.length) >= MIN_UNIT_PREFIX && (u.startsWith(stem) || stem.startsWith(u))) return true;
  return false;
}

function isContent(t: Token): boolean {
  return t.stem !== null && !STOP_WORDS.has(t.folded);
}
/** A content word the question does not have, or the noun it asks for. */
function isNovel(q: QuestionInfo, t: Token): boolean {
  return isContent(t) && (!t.inQuestion || isHead(q, t));
}
/** A new word that says something: not a lone initial ("E." of "Charles E. Sheedy"). */
function isNovelWord(q: QuestionInfo, t: Token): boolean {
  return isNovel(q, t) && (t.stem?.length ?? 0) > 1;
}
function isLoose(t: Token): boolean {
  return t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'ADP' || t.pos === 'PART' || t.pos === 'DET';
}
function isAsked(q: QuestionInfo, t: Token): boolean {
  return t.inQuestion && !isHead(q, t) && !isNumber(t);
}
function countIn(
  q: QuestionInfo,
  tokens: Token[],
  from: number,
  to: number,
  test: (q: QuestionInfo, t: Token) => boolean,
) {
  let n = 0;
  for (let i = from; i <= to; i++) if (test(q, tokens[i]!)) n++;
  return n;
}

/**
 * Drops the question's own words and loose function words from the candidate's edges ("the
 * Main Building's gold dome" keeps "gold dome" for a question naming the Main Building), unless
 * the word is the noun the question asks for. Null when nothing new is left.
 */
function trim(q: QuestionInfo, tokens: Token[], c: Candidate): Candidate | null {
  let { from, to } = c;
  // A name mostly new to the question is kept whole ("Buechner Prize for Preaching" for "which prize did Buechner create").
  const keepWhole =
    c.kind === 'expansion' ||
    c.kind === 'quote' ||
    c.kind === 'quantity' ||
    (c.kind === 'name' &&
      countIn(q, tokens, from, to, isNovel) /
        Math.max(
          1,
          countIn(q, tokens, from, to, (_, t) => isContent(t)),
        ) >
        PHRASE.keepNameShare);
  if (!keepWhole) {
    let cut = false;
    while (
      from <= to &&
      (isAsked(q, tokens[from]!) || (isLoose(tokens[from]!) && from < to && isAsked(q, tokens[from + 1]!)))
    ) {
      cut ||= isAsked(q, tokens[from]!);
      from++;
    }
    while (to >= from && isAsked(q, tokens[to]!)) {
      cut = true;
      to--;
    }
    // What is left of a name the question gives is a title or a first name ("Father" of "Father John Zahm"), not an answer.
    if (cut && c.kind === 'name' && countIn(q, tokens, from, to, isNovelWord) <= 1) return null;
  }
  // A number keeps the word before it that belongs to it ("over 700", "around 1899").
  const numeric = c.kind === 'quantity' || c.kind === 'date';
  while (
    from <= to &&
    isLoose(tokens[from]!) &&
    !(tokens[from]!.pos === 'DET' && from < to) &&
    !(numeric && NUMBER_MODIFIERS.test(tokens[from]!.folded))
  )
    from++;
  while (to >= from && (isLoose(tokens[to]!) || tokens[to]!.pos === 'DET')) to--;
  if (from > to || to - from + 1 > PHRASE.maxTokens) return null;
  // Never only the question's words: at least one content word the question does not have.
  if (countIn(q, tokens, from, to, (_, t) => isContent(t) && !t.inQuestion) === 0) return null;
  return { from, to, kind: c.kind };
}

/** Lower-case words other than a determiner before a name's first proper noun ("the renowned annual Driehaus …"). */
function looseLead(span: Token[]): boolean {
  let k = 0;
  while (k < span.length && span[k]!.pos === 'DET') k++;
  if (k >= span.length || !/^\p{Ll}/u.test(span[k]!.text)) return false;
  while (k < span.length && span[k]!.pos !== 'PROPN' && /^\p{Ll}/u.test(span[k]!.text)) {
    if (JOINERS.has(span[k]!.folded)) return false; // "a copper statue of Christ" is a noun phrase, not a name
    k++;
  }
  return k < span.length && span[k]!.pos === 'PROPN';
}

/**
 * The question's own words among those a number qualifies (itself, its unit and "of …" right after it): their share of
 * the question's weight, and whether what "how many" counts is among them.
 */
function attachedWords(q: QuestionInfo, tokens: Token[], c: Candidate): { share: number; unit: boolean } {
  const seen = new Map<number, number>();
  let unit = false;
  for (let i = c.from; i <= c.to; i++) unit = attach(q, tokens[i]!, seen) || unit;
  const sentence = tokens[c.to]!.sentence;
  for (let k = c.to + 1, n = 0; k < tokens.length && n < PHRASE.unitReach && tokens[k]!.sentence === sentence; k++) {
    const t = tokens[k]!;
    if (!(NOMINAL.has(t.pos) || t.pos === 'CCONJ' || t.text === '-' || t.folded === 'of')) break;
    unit = attach(q, t, seen) || unit;
    n++;
  }
  let got = 0;
  for (const w of seen.values()) got += w;
  return { share: q.totalWeight > 0 ? got / q.totalWeight : 0, unit };
}

/**
 * Counts token `t` among the question's words a number qualifies (`seen`: slot → weight) when it is one, and tells
 * whether it is what "how many" counts. A stand-in found by word vectors places the answer, but "students" is not
 * "undergrads".
 */
function attach(q: QuestionInfo, t: Token, seen: Map<number, number>): boolean {
  const counted = t.stem !== null && isUnit(q, t.stem);
  if (t.slot >= 0 && (t.inQuestion || counted)) seen.set(t.slot, t.weight);
  return counted;
}

function scoreCandidate(
  q: QuestionInfo,
  tokens: Token[],
  c: Candidate,
  sentenceMatch: number,
  matchedTokens: readonly number[],
): number {
  const W = PHRASE_WEIGHTS;
  const sentence = tokens[c.from]!.sentence;
  let score = W.sentenceMatch * sentenceMatch;

  // Closeness: each matched question word within the window counts, the nearer the more.
  let near = 0;
  let matched = 0;
  for (const i of matchedTokens) {
    if (i >= c.from && i <= c.to) continue;
    const t = tokens[i]!;
    matched += t.weight;
    const d = i < c.from ? c.from - i : i - c.to;
    if (d <= PHRASE.proximityWindow) near += t.weight / d;
  }
  score += W.proximity * Math.min(1, matched ? near / Math.min(matched, 3) : 0);

  const span = tokens.slice(c.from, c.to + 1);
  const wanted = TYPE_KINDS[q.type];
  // "Who else came": what the sentence adds after "as well as" / "but also" ("heads of various departments"), of
  // whatever kind, rather than a name of what it already had.
  const added = q.addition && afterAdditive(tokens, c.from);
  if (added) score += W.addition;
  if (wanted.length) score += wanted.includes(c.kind) || added ? W.typeMatch : W.typeMismatch;
  // Another name for what the question names, or the long form of its acronym, answers "what is X (called)".
  else if (c.kind === 'expansion') score += W.typeMatch;
  if (q.type === 'quantity' && c.kind === 'date') score += W.typeMismatch;
  // A question that does not ask for a date is rarely answered by one ("What field did X study?" is not "1907–1982").
  if (q.type === 'other' && c.kind === 'date') score += W.untypedDate;
  if (q.wantsYear && c.kind === 'date' && isYear(tokens, c.from, c.to)) score += W.yearAlone;
  // "When's the vote": "Dec. 4" over "8 p.m." beside it; "what time" asks the time of day.
  if (c.kind === 'date' && !q.wantsTime && CLOCK_ONLY.test(text(tokens, c.from, c.to))) score += W.clockAlone;
  // The question's words in the number's own phrase ("15 *male dorms*" for "how many dorms for males", "80% of
  // *undergraduates*"): typed evidence that this number, not its neighbour, is the one asked for; what "how many"
  // counts most of all.
  if (c.kind === 'quantity' || c.kind === 'date') {
    const attached = attachedWords(q, tokens, c);
    score += W.attached * attached.share;
    if (c.kind === 'quantity' && attached.unit) score += W.unit;
  }
  if (q.percent && c.kind === 'quantity')
    score += tokens.slice(c.from, c.to + 1).some((t) => /%|percent/i.test(t.text)) ? W.typeMatch / 2 : W.typeMismatch;

  // The noun the question asks for, in the candidate or just before it ("artist Millard Sheets").
  const headBefore = c.from > 0 && tokens[c.from - 1]!.stem === q.head && tokens[c.from - 1]!.sentence === sentence;
  if (q.head && (headBefore || span.some((t) => t.stem === q.head))) score += W.headNoun;
  const content = span.filter((t) => t.stem !== null);
  if (content.length) score += (W.novelty * content.filter((t) => !t.inQuestion).length) / content.length;
  if (c.kind === 'name' || c.kind === 'quantity' || c.kind === 'date' || c.kind === 'quote') score += W.named;
  // "What is the name of …", "which prize …", "what … called": a name, a title or another name answers.
  if ((q.wantsName || q.head) && (c.kind === 'name' || c.kind === 'quote' || c.kind === 'expansion'))
    score += W.nameWanted;
  if (q.wantsName && c.kind === 'quote') score += W.quotedName;
  // "Who will star …": the name right before or after the matched verb ("Birgit Nilsson will be starred").
  if (c.kind === 'name' && q.verbSlot >= 0 && nextToVerb(q, tokens, c)) score += W.verbNear;
  // A lower-case word before a name ("starred Pat O'Brien") belongs to the sentence, not to the name.
  if (c.kind === 'name' && looseLead(span)) score += W.looseLead;
  // "Who …": a name that names no person ("New York", "Handler", "the Class") is held back.
  if (q.type === 'person' && c.kind === 'name' && q.notPerson && q.notPerson(nameWords(span))) score += W.notPerson;
  score += W.length * Math.max(0, span.length - PHRASE.shortTokens);
  return score;
}

/** Whether the candidate starts within `PHRASE.additiveWindow` words after an additive connective of its sentence. */
function afterAdditive(tokens: Token[], from: number): boolean {
  const sentence = tokens[from]!.sentence;
  for (let end = from - 1; end >= 0 && from - end <= PHRASE.additiveWindow; end--) {
    if (tokens[end]!.sentence !== sentence) return false;
    for (const n of [3, 2]) {
      if (end - n + 1 < 0) continue;
      const words = tokens.slice(end - n + 1, end + 1);
      if (words.every((t) => t.sentence === sentence) && ADDITIVE.test(words.map((t) => t.folded).join(' ')))
        return true;
    }
  }
  return false;
}

/** The capitalised words of a name, without trailing punctuation or a possessive ("the Dog Writers Ass'n" → Dog, Writers, Ass'n). */
function nameWords(span: Token[]): string[] {
  return span
    .filter((t) => UPPER_FIRST.test(t.text))
    .map((t) => t.text.replace(/['’]s$/u, '').replace(/[^\p{L}'’-]+$/u, ''))
    .filter((w) => w.length > 0);
}

/**
 * For "who …" (`PhraseOptions.notPerson`): whether a name's capitalised words name no person by WordNet: a place it
 * writes capitalised ("New York", "Montpelier", "Hudson" of the river), or a single word it knows only in lower case
 * ("Handler", "Class", "Army" written with a capital in a sentence). A surname that is also a common word comes with
 * its given name ("John Cross"), so only a single word is read so.
 */
export function notPersonName(wordnet: WordNet, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const folded = words.map((w) => fold(w));
  if (folded.every((w) => /^[a-z]+$/.test(w)) && wordnet.placeName(folded.join('_'))) return true;
  if (folded.length !== 1) return false;
  const w = folded[0]!;
  return (
    /^[a-z]{3,}$/.test(w) &&
    wordnet.lemmas(w).some((l) => l.lemma === w) &&
    !wordnet.capitalised(w) &&
    !wordnet.properNoun(w)
  );
}

/** Whether a token of the question's verb is within `PHRASE.verbReach` tokens of the candidate, in its sentence. */
function nextToVerb(q: QuestionInfo, tokens: Token[], c: Candidate): boolean {
  const sentence = tokens[c.from]!.sentence;
  const lo = Math.max(0, c.from - PHRASE.verbReach);
  const hi = Math.min(tokens.length - 1, c.to + PHRASE.verbReach);
  for (let i = lo; i <= hi; i++) {
    if (i >= c.from && i <= c.to) continue;
    const t = tokens[i]!;
    if (t.sentence === sentence && t.slot === q.verbSlot) return true;
  }
  return false;
}
