import {
  approximatedCount,
  DATE_PATTERN,
  DAY_DATE,
  DAY_DATES,
  hasDate,
  NUMBER_WORDS,
  verbNotMonth,
  YEAR,
} from '../text/patterns.ts';
import { fold, STOP_WORDS, termOf } from '../text/terms.ts';
import { NOUN_PERSON, type WordNet } from '../text/wordnet.ts';
import { asksDay, namesPerson, PERSON_HEADS, whichHead, type AnswerType } from './question.ts';
import type { Slot } from './slots.ts';
import { opensStory } from './span.ts';
import { EVIDENCE, SLOTS } from './tuning.ts';

/**
 * Answer-type evidence that separates the sentence that answers from the one that restates the question. Both
 * usually hold some number, date or name; what tells them apart is *where*: the answer's number stands before what
 * the question counts ("five undergraduate colleges" for "how many colleges"), its date, name or place sits next to
 * the question's matched words, and it is not a word the question already has.
 *
 * Read from the candidate sentence's own text with a few regular expressions (no tagger), so it costs microseconds a
 * candidate. Two features for ranking (rank.ts), both 0–1:
 * - `typedNear`: the best span of the asked-for kind, scored on how much of the question's weight is matched close to
 *   it (full credit within `EVIDENCE.nearWords` words, fading to none at `EVIDENCE.farWords`);
 * - `countUnit`: for "how many X", a number right before X (or a stand-in for X), or just after it ("faculty … 950").
 */

/** What the question asks for beyond its answer type, read once per question. */
export interface AskedFor {
  type: AnswerType;
  /** For "how many X": X's words, folded ("how many undergraduate colleges" → undergraduate, colleges). */
  counted: string[];
  /** For "which X" / "what X": the noun X, folded ("which prize" → prize); null when there is none. */
  head: string | null;
  /** "who", "whom", "whose": the answer is a person's name (or a body's), not a team's, a country's or a firm's. */
  someone?: boolean;
  /** "On what date", "what day": a date to the day answers, a month or a year alone does not (question.ts `asksDay`). */
  day?: boolean;
  /** "How much did X pay", "how much did sales rise": an amount (money or a share) is asked for, not a count. */
  amount?: boolean;
  /** "per the intro", "in the opening paragraph": the answer is in the article's opening (question.ts `asksLede`). */
  lede?: boolean;
  /**
   * "Who attended X", "who was at X", "who showed up": who was there, which news answers with people named by what they
   * are as often as by name ("brought together representatives from local and international media").
   */
  presence?: boolean;
}

/**
 * A question of who was there: attending, showing up, being at, present at or in the room, taking part, gathering.
 */
const PRESENCE =
  /\bwho\b.*?\b(?:attend(?:s|ed|ing)?|show(?:s|ed|ing)? up|turn(?:s|ed|ing)? (?:up|out)|(?:is|are|was|were) (?:at|present|in (?:the )?(?:room|audience|crowd|attendance))|else (?:was|were) (?:at|in|there)|t(?:ake|akes|ook|aking) part|participat(?:e|es|ed|ing)|gather(?:s|ed|ing)?|c(?:ame|ome|omes) to)\b/;

const AUXILIARY =
  /^(?:is|are|was|were|be|been|being|did|do|does|has|have|had|can|could|will|would|should|may|might|must)$/;
/** Nouns after "what"/"which" that only say a name or a kind is wanted. */
export const EMPTY_HEADS = new Set(['name', 'type', 'kind', 'sort', 'term', 'thing', 'word', 'title', 'one', 'way']);

/**
 * Reads "how many X" and "which X" from the question's wording. "Which X" asks for a person, as "who" does, when X names
 * one (`namesPerson` in question.ts, with WordNet when given: "which judge", "which juror"); an answer type read as
 * 'other' then becomes 'person'.
 */
export function askedFor(question: string, type: AnswerType, wordnet?: WordNet | null): AskedFor {
  const words = (fold(question).match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((w) => w.replace(/'s$/, ''));
  const counted: string[] = [];
  let head: string | null = null;
  let person = false;
  words.forEach((w, i) => {
    if (w === 'how' && (words[i + 1] === 'many' || words[i + 1] === 'much') && counted.length === 0) {
      for (let j = i + 2; j < words.length && counted.length < EVIDENCE.maxCountedWords; j++) {
        const x = words[j]!;
        if (x === 'and' || x === 'or') continue; // "how many bilateral and multilateral documents"
        if (AUXILIARY.test(x) || STOP_WORDS.has(x)) break;
        counted.push(x);
      }
    }
    if ((w === 'which' || w === 'what') && head === null && !person) {
      const at = whichHead(words, i);
      const last = at < 0 ? null : words[at]!;
      // "Which individual", "what person": a person is asked for, by name, and the noun says nothing more.
      if (last && PERSON_HEADS.has(last)) person = true;
      else if (last && !EMPTY_HEADS.has(last)) {
        head = last;
        // "Which judge": a person, whose name holds or follows the noun ("Judge Durwood Pye").
        if (namesPerson(last, wordnet)) person = true;
      }
    }
  });
  return {
    type: person && type === 'other' ? 'person' : type,
    counted,
    head,
    someone: person || words.some((w) => w === 'who' || w === 'whom' || w === 'whose'),
    day: type === 'date' && asksDay(question),
    amount: type === 'quantity' && AMOUNT_ASKED.test(fold(question)),
    presence: PRESENCE.test(fold(question)),
  };
}

/** "How much" asking for money or a share; not a time, a distance or a weight ("how much longer", "how much time"). */
const AMOUNT_ASKED =
  /\bhow much\b(?! (?:time|longer|later|earlier|farther|further|older|younger|taller|heavier|land|water|space|room)\b)/;

/** One word of a candidate sentence; kept for the next reads of its text (`wordsOf`), so never changed. */
interface Word {
  readonly start: number;
  readonly end: number;
  /** Its term, or null for a stop word. */
  readonly term: string | null;
  readonly folded: string;
  readonly capital: boolean;
  readonly number: boolean;
}

/**
 * A word, with its inner dots, commas, apostrophes and hyphens ("U.S", "6,500", "Norway's"). Letters beyond ASCII are
 * the ranges outside general punctuation (no "–", "“" or "’" inside a word): twice as fast as Unicode property classes.
 */
const WORD = /[A-Za-z0-9$\u00C0-\u1FFF\u2070-\uFFFF]+(?:[.,'’&-][A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF]+)*%?\.?/g;
const NUMBER_WORD = new Set(NUMBER_WORDS.split('|'));
/** A digit or a number word somewhere in the text. */
const MAY_COUNT = new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, 'i');
const ASCII = /^[\x20-\x7e]*$/;
const DOTTED = /\p{L}\.\p{L}/u;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/;
const REWRITE = /[',’.%$]/;
const POSSESSIVE = /['’]s$/;
const APOSTROPHES = /['’]/g;
const COMMAS = /,/g;
const DOTS = /\./g;
const TRAILING = /[.%]$/;
const DOLLAR = /^\$/;
const CAPITAL = /^\p{Lu}/u;
/** A lone capital with its full stop: a name's initial ("John I. Jenkins"), after which a capital is still the name. */
const INITIAL = /^\p{Lu}\.$/u;

/** What one written word reads as: a pure function of the word, memoised (bounded) like the term pipeline's stems. */
interface WordForm {
  folded: string;
  term: string | null;
  number: boolean;
  capital: boolean;
}
const forms = new Map<string, WordForm>();
const MAX_FORMS = 50_000;

function formOf(raw: string): WordForm {
  let f = forms.get(raw);
  if (f) return f;
  const ascii = ASCII.test(raw);
  let folded = ascii ? raw.toLowerCase() : fold(raw);
  // Only the rarer forms pay for a rewrite: "Norway's", "6,500", "U.S.", "8%".
  if (REWRITE.test(folded)) {
    folded = folded.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
    if (GROUPED.test(folded)) folded = folded.replace(COMMAS, '');
    if (DOTTED.test(folded)) folded = folded.replace(DOTS, '');
    folded = folded.replace(TRAILING, '').replace(DOLLAR, '');
  }
  const first = raw.charCodeAt(0);
  f = {
    folded,
    term: folded ? termOf(folded) : null,
    number: (first >= 48 && first <= 57) || first === 36 || NUMBER_WORD.has(folded),
    capital: ascii ? first >= 65 && first <= 90 : CAPITAL.test(raw),
  };
  if (forms.size < MAX_FORMS) forms.set(raw, f);
  return f;
}

/**
 * The words of the texts read lately (`wordsOf`), which are never changed: a question reads the same sentence's words
 * again (its typed evidence while ranking, then re-picking and the checks), about a third of its reads. Emptied when
 * `MAX_RECENT_WORDS` texts are kept (a few questions' worth).
 */
const recentWords = new Map<string, readonly Word[]>();
const MAX_RECENT_WORDS = 64;

function wordsOf(text: string): readonly Word[] {
  let words = recentWords.get(text);
  if (words === undefined) {
    words = readWords(text);
    if (recentWords.size >= MAX_RECENT_WORDS) recentWords.clear();
    recentWords.set(text, words);
  }
  return words;
}

function readWords(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let raw = m[0];
    // A full stop belongs to an initial or a dotted acronym ("J.", "U.S."), not to a word ending a sentence.
    if (raw.charCodeAt(raw.length - 1) === 46 && !INITIAL.test(raw) && !DOTTED.test(raw)) raw = raw.slice(0, -1);
    const f = formOf(raw);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      term: f.term,
      folded: f.folded,
      capital: f.capital,
      number: f.number,
    });
  }
  return out;
}

/** Question words by term: the slot each term stands for and the slot's share of the question's weight. */
export interface SlotLookup {
  bySlot: Map<string, { slot: number; share: number }>;
  /** Terms that stand for what "how many X" counts (X's words and their stand-ins). */
  counted: Set<string>;
  /** Terms of the noun after "which"/"what". */
  head: Set<string>;
  /** The question's own folded words: a span made only of these adds nothing. */
  questionWords: Set<string>;
  /**
   * For "who": whether a lower-case word names people by what they are ("representatives", "officials"; WordNet's
   * noun.person), which say who in the plural, with half a name's credit.
   */
  people?: (word: string) => boolean;
  /**
   * For "who" and "which X" of a person: whether a folded word that opens a sentence, capitalised as every first word
   * is, is a name all the same: WordNet writes it capitalised or does not know it, and it is no stop word ("Balenciaga
   * is her favorite European designer"; not "Dignity and comfort …").
   */
  opening?: (word: string) => boolean;
}

export function slotLookup(
  slots: readonly Slot[],
  asked: AskedFor,
  questionTokens: Set<string>,
  wordnet: WordNet | null = null,
): SlotLookup {
  const total = slots.reduce((s, x) => s + x.weight, 0) || 1;
  const bySlot = new Map<string, { slot: number; share: number }>();
  const counted = new Set<string>();
  const head = new Set<string>();
  const countedTerms = new Set(asked.counted.map((w) => termOf(w)).filter((t): t is string => !!t));
  const headTerm = asked.head ? termOf(asked.head) : null;
  slots.forEach((s, slot) => {
    // A place standing in for the kind the question names ("Paris" for "which city") is the answer, not its words.
    for (const alt of s.alternatives)
      if (!bySlot.has(alt) && !s.instances?.has(alt)) bySlot.set(alt, { slot, share: s.weight / total });
    if (countedTerms.has(s.term)) for (const alt of s.alternatives) counted.add(alt);
    // A name of an X holds X or a word for it, not a word derived from it: "Central Asian" names no centre, "National
    // Assembly" no nation.
    if (headTerm && s.term === headTerm)
      s.alternatives.forEach((alt, i) => {
        if (i === 0 || s.credits[i] !== SLOTS.derivedCredit) head.add(alt);
      });
  });
  for (const t of countedTerms) {
    counted.add(t);
    // "How many people": news counts them as persons ("the 2,800 persons who filled the hall"), and the other way.
    const plural = PLURAL_OF.get(t);
    if (plural) counted.add(plural);
  }
  if (headTerm) head.add(headTerm);
  const people =
    wordnet && asked.type === 'person' && asked.someone && asked.presence
      ? (w: string) => wordnet.nounClasses(w, 1)[0] === NOUN_PERSON
      : undefined;
  const opening =
    wordnet && asked.type === 'person'
      ? (w: string) =>
          !STOP_WORDS.has(w) &&
          !UNLISTED_FUNCTION_WORDS.has(w) &&
          (wordnet.capitalised(w) || wordnet.primaryPos(w) === null)
      : undefined;
  return {
    bySlot,
    counted,
    head,
    questionWords: questionTokens,
    ...(people ? { people } : {}),
    ...(opening ? { opening } : {}),
  };
}

/**
 * Words of a closed class (conjunctions, prepositions, pronouns) that WordNet, a dictionary of nouns, verbs, adjectives
 * and adverbs, does not list and the stop words do not hold: unknown to WordNet, yet no name ("Whether in his
 * forthcoming book C. P. Snow commits …").
 */
const UNLISTED_FUNCTION_WORDS = new Set(
  `whether although unless whereas whilst albeit whoever whenever whichever wherever whatever wherein whereby everyone
  anyone everybody anybody nobody someone somebody something everything anything among amongst amid amidst upon unto
  without toward towards since onto via per beside versus thy thee ye`.split(/\s+/),
);

/** A noun's term and its plural's, where the plural is another word: "people" counts persons. */
const PLURAL_OF = new Map([
  [termOf('people')!, termOf('person')!],
  [termOf('person')!, termOf('people')!],
]);

export interface TypedEvidence {
  typedNear: number;
  countUnit: number;
}

const NONE: TypedEvidence = { typedNear: 0, countUnit: 0 };
/** Prepositions that put a place after them ("in Rome", "at the Grotto", "on the first floor of Stanford Hall"). */
const LOCATIVE = /^(?:in|at|from|near|to|across|outside|inside|on|into|within|beside|behind|opposite|throughout)$/;
/** Words inside a name ("Master of Divinity", "U.S. News & World Report", "Basilica of the Sacred Heart"). */
const NAME_JOINER = /^(?:of|the|de|du|la|von|van|and|&|for|on)$/;

/** A span of words [from, to] of the kind asked for. */
interface Span {
  from: number;
  to: number;
  /** Its share of a span's credit (1 when absent): people named by what they are get `EVIDENCE.peopleCredit`. */
  credit?: number;
}

/** The question's words that the parts of a hyphened word are, each slot once, at the word's position `at`. */
function addPartHits(
  lookup: SlotLookup,
  folded: string,
  at: number,
  matched: { at: number; slot: number; share: number }[],
): void {
  const from = matched.length;
  for (const part of folded.split('-')) {
    const t = part ? termOf(part) : null;
    const hit = t === null ? undefined : lookup.bySlot.get(t);
    if (hit && !matched.slice(from).some((m) => m.slot === hit.slot)) matched.push({ at, ...hit });
  }
}

/**
 * A lower-case plural the question lacks that names people by what they are ("representatives", "officials"), read
 * for "who was there" (`SlotLookup.people`).
 */
function isPeopleWord(lookup: SlotLookup, w: Word): boolean {
  return (
    lookup.people !== undefined &&
    !w.capital &&
    w.folded.length > 4 &&
    w.folded.endsWith('s') &&
    !lookup.questionWords.has(w.folded) &&
    lookup.people(w.folded)
  );
}

/** Whether a text names people by what they are as "who was there" reads them (`isPeopleWord`): repick.ts. */
export function namesPeople(lookup: SlotLookup, text: string): boolean {
  return lookup.people !== undefined && wordsOf(text).some((w) => isPeopleWord(lookup, w));
}

/** The typed evidence of one candidate sentence. */
export function typedEvidence(asked: AskedFor, lookup: SlotLookup, text: string, headAfter = false): TypedEvidence {
  if (asked.type === 'other' && asked.head === null) return NONE;
  if (asked.type === 'expansion') return NONE;
  // Most sentences hold no number or date at all: one test spares them the word scan.
  if (asked.type === 'quantity' && !MAY_COUNT.test(text)) return NONE;
  if (asked.type === 'date' && !(asked.day ? DAY_DATE.test(text) : hasDate(text))) return NONE;
  const words = wordsOf(text);
  if (words.length === 0) return NONE;
  const spans = typedSpans(asked, lookup, words, text, headAfter);
  if (spans.length === 0) return NONE;

  // The question's words matched in the sentence, by position.
  const matched: { at: number; slot: number; share: number }[] = [];
  words.forEach((w, at) => {
    const hit = w.term === null ? undefined : lookup.bySlot.get(w.term);
    if (hit) matched.push({ at, ...hit });
    // A hyphened name ("D-8", "Russia-Ukraine") is one word here and its parts in the index, where the question's
    // words were matched: each part is the question's word it is ("d8" read "d" and "8", "Russia"). Not a hyphened
    // phrase in lower case ("a three-round total"), whose parts are no names and may say another thing.
    else if (w.capital && w.term !== null && w.term.includes('-')) addPartHits(lookup, w.folded, at, matched);
  });

  let typedNear = 0;
  let countUnit = 0;
  for (const span of spans) {
    const best = new Map<number, number>();
    for (const m of matched) {
      // The question's words inside the span are no evidence for it, but for the noun of "which X" in a name: "Flight
      // 54" for "what flight" is the thing asked for, by name.
      const inside = m.at >= span.from && m.at <= span.to;
      if (inside && !(asked.type === 'other' && lookup.head.has(words[m.at]!.term!))) continue;
      const d = inside ? 0 : m.at < span.from ? span.from - m.at : m.at - span.to;
      const closeness =
        d <= EVIDENCE.nearWords
          ? 1
          : Math.max(0, 1 - (d - EVIDENCE.nearWords) / (EVIDENCE.farWords - EVIDENCE.nearWords));
      const credit = m.share * closeness;
      if (credit > (best.get(m.slot) ?? 0)) best.set(m.slot, credit);
    }
    let near = 0;
    for (const c of best.values()) near += c;
    near *= span.credit ?? 1;
    if (near > typedNear) typedNear = near;
    if (asked.type === 'quantity' && lookup.counted.size > 0)
      countUnit = Math.max(countUnit, unitNear(lookup, words, text, span));
  }
  return { typedNear: Math.min(1, typedNear), countUnit };
}

/**
 * How many spans of the kind asked for a text holds that the question lacks, near the question's words or not: what
 * tells whether a sentence holds anything that may answer (repick.ts), where `typedEvidence` tells how well placed it is.
 */
export function typedSpanCount(asked: AskedFor, lookup: SlotLookup, text: string, headAfter = false): number {
  if (asked.type === 'expansion' || (asked.type === 'other' && asked.head === null)) return 0;
  const words = wordsOf(text);
  return words.length === 0 ? 0 : typedSpans(asked, lookup, words, text, headAfter).length;
}

/**
 * How many names a text holds that read as a person's and that the question lacks: what "who" asks for. A name reads as
 * a person's when a title stands before it ("Judge Durwood Pye", "Mr. Hawksley"), an age follows it ("Robert E. Sims,
 * 19,"), or it has two words or more and none of them names an institution or a place ("Ivan Allen Jr.", not "Fulton
 * County Grand Jury", "Lake Avenue" or "Salvation Army's Social Center"). A lone word ("Birmingham", "FBI") is not
 * taken without a cue: news writes places and bodies as often as people that way.
 */
export function personNameCount(
  lookup: SlotLookup,
  text: string,
  verbTerms?: ReadonlySet<string> | null,
  doer = false,
): number {
  const words = wordsOf(text);
  let n = 0;
  for (const span of nameSpans(words, text)) {
    if (!isNewName(lookup, words, span)) continue;
    // Read for who did a thing (`doer`), a name is not theirs when it ends in the question's own name, the question's
    // person or their kin ("Mayor William B. Hartsfield" for "who's representing Pearl Hartsfield"), nor when it owns
    // a thing the question names ("Miguel De Cervantes' 'Don Quixote'": its author, not who played in it).
    if (doer) {
      if (lookup.questionWords.has(words[span.to]!.folded)) continue;
      // A work's title capitalises its small words ("Birth Of A Nation"); a person's name does not ("Clark of Hays").
      if (words.slice(span.from + 1, span.to).some((w) => w.capital && TITLE_JOINER.test(w.folded))) continue;
      // An office names no one: its title alone ("the Commissioner announced") or with what it is of ("Commissioner
      // of Internal Revenue").
      const first = words[span.from]!.folded;
      if (PERSON_TITLE.test(first) && (span.to === span.from || words[span.from + 1]!.folded === 'of')) continue;
      // Nor does a name after "the" ("the Amici Curiae", "the Government"): a thing's or a body's, not a person's.
      if (words[span.from - 1]?.folded === 'the' && !words[span.from - 1]!.capital) continue;
      const next = words[span.to + 1];
      const raw = text.slice(words[span.to]!.start, next?.start ?? text.length);
      if (/['’]s?\W*$/.test(raw) && next?.term && lookup.bySlot.has(next.term)) continue;
    }
    const before = words[span.from - 1];
    // The place of a wire dateline ("New York -- (UPI) The university …") is where the story was filed.
    if (datelinePlace(text, words, span.from)) continue;
    // A credit for another act ("directed by Christopher Hewett", "choreography by Peter Conlow") names who did that,
    // not who did what the question's verb asks ("who played Charley"); a work's title before "by" ("'We Must Join
    // the Common Market' by Eric Johnston") credits its author, and an act the question names ("who wrote the music":
    // "music by Frank Loesser") is what it asks about.
    if (verbTerms && before?.folded === 'by') {
      const act = words[span.from - 2];
      const asked = act?.term ? verbTerms.has(act.term) || lookup.bySlot.has(act.term) : false;
      if (act && !act.capital && spaced(text, act, before) && !asked) continue;
    }
    const after = words[span.to + 1];
    const aged =
      after !== undefined &&
      after.number &&
      /^,\s*$/.test(text.slice(words[span.to]!.end, after.start)) &&
      /^\d{1,2}$/.test(after.folded);
    if (aged || personLike(words, text, span)) n++;
  }
  return n;
}

const ACRONYM = /^[A-Z]{2,}$/;

/** Small words that a work's title capitalises inside it ("Birth Of A Nation"), never a person's name. */
const TITLE_JOINER = /^(?:of|a|an|the|and|for|on|in|to)$/;

/** Whether the name at word `from` opens a sentence of `text` with a wire dateline (span.ts `opensStory`). */
function datelinePlace(text: string, words: readonly Word[], from: number): boolean {
  const start = words[from]!.start;
  if (from > 0 && !SENTENCE_END.test(text.slice(words[from - 1]!.start, start))) return false;
  return opensStory(text.slice(start));
}
/** A word that ends a sentence, and the space after it. */
const SENTENCE_END = /[.!?]["”’)]?\s+$/;

/** Words before or opening a name that make it a person's: titles and offices. */
export const PERSON_TITLE =
  /^(?:mr|mrs|ms|miss|dr|judge|gov|governor|sen|senator|rep|rev|father|fr|mayor|president|coach|gen|col|capt|lt|sgt|patrolman|officer|prof|professor|sheriff|chief|pope|king|queen|prince|princess|lord|sir|dame|sister|brother|bishop|cardinal|archbishop|justice|commissioner|secretary|minister|chairman|director|dean|councilman|alderman|assemblyman|congressman|attorney|detective|lieutenant|sergeant|captain|general|admiral|colonel|major|mayor-nominate|mme|mlle|herr|signor|senor|madame)$/;

/** Words that make a name an institution's, a place's, a document's or an event's rather than a person's. */
const NOT_PERSON = new Set(
  (
    'jury court county city street st avenue ave road rd drive dr boulevard blvd circle cir lane place square park plaza ' +
    'hotel hall building center centre tower bridge university college school academy church cathedral basilica chapel ' +
    'company co corp corporation inc ltd association club committee commission council board department dept bureau ' +
    'agency party army navy corps force forces bank hospital institute museum theater theatre stadium field arena river ' +
    'lake mountain mount island islands valley state states republic kingdom union society league conference team ' +
    'senate house assembly legislature administration office times news post journal press review tribune herald ' +
    'airlines airport station library foundation fund trust group ministry government authority act bill law program ' +
    'project festival prize award cup series bowl games day week north south east west northern southern eastern western ' +
    'northeast northwest southeast southwest northeastern northwestern southeastern southwestern ' +
    'ne nw se sw monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december christmas easter high junior senior elementary district region province ' +
    'territory coast bay harbor port gulf ocean sea desert forest county airport railroad railway line lines highway ' +
    'route federal national international american motors motor industries electric steel chemical oil mills'
  ).split(' '),
);

/** Prepositions that end a number's noun phrase before what it counts. */
const AFTER_COUNT_STOP =
  /^(?:for|per|in|at|on|to|from|with|by|during|after|before|since|into|over|under|than|against|among|between|through)$/;

/** 1 when what "how many X" counts follows the number within a few words, half when it comes just before it. */
function unitNear(lookup: SlotLookup, words: readonly Word[], text: string, span: Span): number {
  // "120 trade and security agreements": a conjunction does not count towards the distance; a comma or a
  // bracket ends the number's phrase ("$110,000, among colleges").
  for (let k = span.to + 1, seen = 0; k < words.length && seen < EVIDENCE.unitAfter; k++) {
    const w = words[k]!;
    if (/[,;:()]/.test(text.slice(words[k - 1]!.end, w.start))) break;
    if (w.term && lookup.counted.has(w.term)) return 1;
    // A preposition ends the number's own phrase: "eight for each university graduate" counts no graduates, "one in
    // three adults" no adults ("five of the colleges" does count colleges).
    if (AFTER_COUNT_STOP.test(w.folded)) break;
    if (w.folded !== 'and' && w.folded !== 'or') seen++;
  }
  for (let k = span.from - 1; k >= 0 && k >= span.from - EVIDENCE.unitBefore; k--) {
    const t = words[k]!.term;
    if (t && lookup.counted.has(t)) return EVIDENCE.unitBeforeCredit;
  }
  return 0;
}

/** The span has a content word the question lacks: "in 1920", not "in 2005" when the question says 2005. */
function isNovel(lookup: SlotLookup, words: readonly Word[], from: number, to: number): boolean {
  return novelShare(lookup, words, from, to) > 0;
}

/** Share of the span's content words that the question lacks. */
function novelShare(lookup: SlotLookup, words: readonly Word[], from: number, to: number): number {
  let content = 0;
  let novel = 0;
  for (let i = from; i <= to; i++) {
    const w = words[i]!;
    if (w.term === null) continue;
    content++;
    if (!lookup.questionWords.has(w.folded) && !lookup.bySlot.has(w.term)) novel++;
  }
  return content ? novel / content : 0;
}

/** A name mostly new to the question ("Kite Realty"; not "University of Notre Dame" when it asks about Notre Dame). */
function isNewName(lookup: SlotLookup, words: readonly Word[], span: Span): boolean {
  return novelShare(lookup, words, span.from, span.to) >= EVIDENCE.newNameShare;
}

/**
 * The text's first word as a name of its own (`SlotLookup.opening`), which `nameSpans` leaves out when no capital
 * follows it, or null.
 */
function openingSpan(lookup: SlotLookup, words: readonly Word[]): Span | null {
  const w = words[0];
  if (!lookup.opening || !w?.capital || w.number || words[1]?.capital || w.folded.length < 2) return null;
  const span = { from: 0, to: 0 };
  return lookup.opening(w.folded) && isNewName(lookup, words, span) ? span : null;
}

/** Whether `text` opens on a name the question lacks that `nameSpans` leaves out (`openingSpan`). */
export function opensOnName(lookup: SlotLookup, text: string): boolean {
  return openingSpan(lookup, wordsOf(text)) !== null;
}

/**
 * Spans of the kind asked for that the question does not already have. `headAfter`: for "which X", a name right before
 * X itself counts too ("the vicious Market Street gang" for "which gang"). Only re-pick reads names so: read in the
 * ranking's evidence as well (with X's stand-ins, two words on), it turned that very question to a decline.
 */
function typedSpans(
  asked: AskedFor,
  lookup: SlotLookup,
  words: readonly Word[],
  text: string,
  headAfter = false,
): Span[] {
  const out: Span[] = [];
  switch (asked.type) {
    case 'quantity':
      words.forEach((w, i) => {
        // A year is a date, not a count ("in 2016" does not answer "how many").
        // But "about 1500 delegates" counts them.
        if (!w.number || lookup.questionWords.has(w.folded)) return;
        if (YEAR.test(w.folded) && !approximatedCount(text, w.start, w.end)) return;
        if (i > 0 && words[i - 1]!.number && words[i - 1]!.end + 1 >= w.start) return; // "4 million": one span
        let to = i;
        while (to + 1 < words.length && words[to + 1]!.number && words[to]!.end + 1 >= words[to + 1]!.start) to++;
        out.push({ from: i, to });
      });
      break;
    case 'date':
      for (const m of text.matchAll(asked.day ? DAY_DATES : DATE_PATTERN)) {
        if (verbNotMonth(m[0])) continue;
        const span = wordSpan(words, m.index, m.index + m[0].length);
        if (span && isNovel(lookup, words, span.from, span.to)) out.push(span);
      }
      break;
    case 'person': {
      const opening = openingSpan(lookup, words);
      if (opening) out.push(opening);
      for (const span of nameSpans(words, text)) if (isNewName(lookup, words, span)) out.push(span);
      if (lookup.people)
        words.forEach((w, i) => {
          if (isPeopleWord(lookup, w)) out.push({ from: i, to: i, credit: EVIDENCE.peopleCredit });
        });
      break;
    }
    case 'place':
      for (const span of nameSpans(words, text)) {
        // "in Rome", "at the Grotto", "on the first floor of Stanford Hall".
        let located = false;
        for (let k = span.from - 1; k >= 0 && k >= span.from - EVIDENCE.placeReach && !located; k--)
          located = LOCATIVE.test(words[k]!.folded);
        if (located && isNewName(lookup, words, span)) out.push(span);
      }
      break;
    default:
      // "which prize", "what conference": a name holding the noun, or right after it ("the developer, Kite Realty").
      for (const named of nameSpans(words, text)) {
        // A name numbered after its noun is one name: "Flight 54", "Apollo 11", "Route 66".
        const next = words[named.to + 1];
        const numbered = next?.number && /^\s+$/.test(text.slice(words[named.to]!.end, next.start));
        const span = numbered ? { from: named.from, to: named.to + 1 } : named;
        if (!isNovel(lookup, words, span.from, span.to)) continue;
        let holds = false;
        for (let i = Math.max(0, span.from - EVIDENCE.headReach); i <= span.to; i++) {
          const t = words[i]!.term;
          if (t && lookup.head.has(t)) holds = true;
        }
        // X itself right after the name, not a word standing in for it: "SCO family" names no subject.
        const after = words[span.to + 1]?.term;
        if (headAfter && after && asked.head !== null && after === termOf(asked.head)) holds = true;
        if (holds) out.push(span);
      }
  }
  return out;
}

/** The words that a character range covers. */
function wordSpan(words: readonly Word[], start: number, end: number): Span | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.end <= start) continue;
    if (w.start >= end) break;
    if (from < 0) from = i;
    to = i;
  }
  return from < 0 ? null : { from, to };
}

/** Whether only spaces, or an abbreviation's full stop and spaces, are between words `a` and `b` of `text`. */
function spaced(text: string, a: Word, b: Word): boolean {
  return /^\.?\s+$/.test(text.slice(a.end, b.start));
}

/**
 * Runs of capitalised words ("Kite Realty", "John I. Jenkins", "U.S. News & World Report"), with the lower-case words
 * that join a name's parts. The sentence's first word starts a name only when a capital follows it ("Jenkins took" is
 * not taken, "Holy Cross Father …" is).
 */
function nameSpans(words: readonly Word[], text: string): Span[] {
  // Two words of one name have only spaces between them ("Kite Realty", not "Malloy, Kite"), or the full stop of an
  // abbreviation: inside one sentence it is never an ending ("Rev. John Jenkins", "St. Joseph").
  const out: Span[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.capital || words[i]!.number) {
      i++;
      continue;
    }
    let to = i;
    while (to + 1 < words.length) {
      const next = words[to + 1]!;
      if (next.capital && !next.number && spaced(text, words[to]!, next)) to++;
      else if (
        NAME_JOINER.test(next.folded) &&
        words[to + 2]?.capital &&
        spaced(text, words[to]!, next) &&
        spaced(text, next, words[to + 2]!)
      )
        to += 2;
      else break;
    }
    if (i > 0 || to > i) out.push({ from: i, to });
    i = to + 1;
  }
  return out;
}

/** Verbs of a performance, whose doer is named before "as" and the part ("Shelley Berman as Charley"). */
const PERFORMING = new Set(['plai', 'star', 'portrai', 'sing', 'sang', 'sung', 'danc', 'appear', 'act']);

/**
 * Whether a sentence names someone new beside a form of the question's verb: "directed by Grigory Kozintsev",
 * "Kozintsev directed", "conductor Eugene Ormandy", "Ormandy conducting"; for a performance, "Shelley Berman as
 * Charley"; a relative clause after the name, "Dr. J. R. McLemore, who will retire at the close of the term" (a
 * finite verb: what follows it is no participle's place or time). `verbTerms` are the verb's terms (its slot's
 * alternatives, irregular forms included); its doer's noun ("director", "conductor", "singer") counts as the verb.
 */
export function verbLinkedName(lookup: SlotLookup, text: string, verbTerms: ReadonlySet<string>): boolean {
  const words = wordsOf(text);
  const performing = [...verbTerms].some((t) => PERFORMING.has(t));
  const isVerb = (w: Word): boolean => {
    if (w.term && verbTerms.has(w.term)) return true;
    // A performer's noun names the cast, not the part's ("Konstantin Shatilov, a great character dancer").
    return !performing && agentNounOf(w.folded, verbTerms);
  };
  const verbs: number[] = [];
  /** Word indexes of a "by" that names the verb's doer: "built in 1895 by the German Emperor". */
  const agents: number[] = [];
  // A verb is written in lower case past a sentence's first word: a capitalised match is a name ("Governor Tawes"
  // when the question's "did tawes pick" was read with the name as its verb).
  words.forEach((w, i) => {
    if ((i > 0 && w.capital) || !isVerb(w)) return;
    const by = agentAfter(words, text, i);
    if (by >= 0) agents.push(by);
    // A participle with a place or a time after it ("the meeting held in Tashkent", "built in 1900") heads a clause of
    // its own: the name before it is what was done, the one after where or when, and neither is who did it.
    if (!PLACE_OR_TIME.test(words[i + 1]?.folded ?? '')) verbs.push(i);
  });
  if (verbs.length === 0 && agents.length === 0 && !performing && !words.some((w) => w.folded === 'who')) return false;
  for (const span of nameSpans(words, text)) {
    if (!isNewName(lookup, words, span)) continue;
    // The doer of a passive, past a place or a time: "built in 1895 by the German Emperor".
    if (agents.includes(byBefore(words, span))) return true;
    if (verbs.some((v) => v !== span.from && v >= span.from - LINK_GAP && v <= span.to + LINK_GAP)) {
      if (!verbs.some((v) => v >= span.from && v <= span.to)) return true;
    }
    const after = words[span.to + 1];
    // A relative clause: "Dr. J. R. McLemore, who will retire at the close of the term", "Ormandy, who has conducted".
    if (after?.folded === 'who') {
      let v = span.to + 2;
      while (
        v <= span.to + 1 + RELATIVE_GAP &&
        words[v] &&
        (AUXILIARY.test(words[v]!.folded) || words[v]!.folded === 'also')
      )
        v++;
      if (words[v] && !words[v]!.capital && isVerb(words[v]!)) return true;
    }
    // The part must be one the question names: "Paul Lipson, as Morris" is another player, not who played Fiorello.
    const part = words[span.to + 2];
    if (performing && after?.folded === 'as' && part?.capital && part.term && lookup.bySlot.has(part.term)) return true;
  }
  return false;
}

/**
 * Whether a word is the doer's noun of one of `verbTerms` ("director" of "direct", "conductor" of "conduct", "manager"
 * of "manage"): the verb's stem with "or" or "er".
 */
export function agentNounOf(folded: string, verbTerms: ReadonlySet<string>): boolean {
  const m = /^(.{3,})(?:or|er)s?$/.exec(folded);
  if (!m) return false;
  const t1 = termOf(m[1]!);
  const t2 = termOf(`${m[1]!}e`);
  return (!!t1 && verbTerms.has(t1)) || (!!t2 && verbTerms.has(t2));
}

/**
 * The word index of the "by" that follows a verb at word `v` within `AGENT_GAP` words of its own sentence ("built in
 * 1895 by", "designed by"), or -1.
 */
function agentAfter(words: readonly Word[], text: string, v: number): number {
  for (let k = v + 1; k <= v + AGENT_GAP && k < words.length; k++) {
    if (/[.;:!?]/.test(text.slice(words[k - 1]!.end, words[k]!.start))) return -1;
    if (words[k]!.folded === 'by') return k;
    if (words[k]!.capital) return -1;
  }
  return -1;
}

/** Where the "by" before a name would be: right before it, or before its "the" ("by the German Emperor"). */
function byBefore(words: readonly Word[], span: Span): number {
  return words[span.from - 1]?.folded === 'the' ? span.from - 2 : span.from - 1;
}

/** Words between a verb and the "by" of its doer ("built in 1895 by"). */
const AGENT_GAP = 4;

/** Auxiliaries between "who" and the verb of a relative clause ("who will retire", "who has been named"). */
const RELATIVE_GAP = 3;

/** Prepositions of place or time right after a verb (`verbLinkedName`). */
const PLACE_OR_TIME = /^(?:in|at|on|during|from|since|until|near|inside|outside)$/;

/**
 * Whether `text` names the doer of the question's verb (`verbTerms`, any of its forms) as such, with a name the
 * question lacks: its subject right before it ("the Dutch East India Company hired Hudson") or the doer of its passive
 * after "by" ("built in 1895 by the German Emperor", "designed by Hans Vogt"). Stricter than `verbLinkedName`, whose
 * names merely near the verb ("was killed early Sunday") say when or where as often as who; whether the name reads as
 * a person's is left open ("who employed" may be a company).
 */
export function doerLinkedName(lookup: SlotLookup, text: string, verbTerms: ReadonlySet<string>): boolean {
  const words = wordsOf(text);
  const subjects = new Set<number>();
  const agents = new Set<number>();
  words.forEach((w, i) => {
    if (i === 0 || w.capital || !w.term || !verbTerms.has(w.term)) return;
    if (spaced(text, words[i - 1]!, w)) subjects.add(i - 1);
    const by = words[i + 1]?.folded === 'by' ? i + 1 : agentAfter(words, text, i);
    if (by >= 0) agents.add(by);
  });
  if (subjects.size === 0 && agents.size === 0) return false;
  for (const span of nameSpans(words, text)) {
    if (!isNewName(lookup, words, span)) continue;
    if (subjects.has(span.to) || agents.has(byBefore(words, span))) return true;
  }
  return false;
}

/**
 * Whether a sentence credits a thing the question names to a person by "by": "Principal address will be delivered by
 * Gerald T. Owens" for "who's giving the main address", "Its decor is by John Hultberg" for "who did the decor". The
 * question's word (a lower-case one) is at most `CREDIT_GAP` words before "by", in the same sentence, and the name
 * reads as a person's.
 */
export function creditLinkedName(lookup: SlotLookup, text: string): boolean {
  const words = wordsOf(text);
  for (const span of nameSpans(words, text)) {
    if (words[span.from - 1]?.folded !== 'by' || !isNewName(lookup, words, span) || !personLike(words, text, span))
      continue;
    for (let k = span.from - 2; k >= Math.max(0, span.from - 1 - CREDIT_GAP); k--) {
      const w = words[k]!;
      if (/[;:!?]|\.\s/.test(text.slice(w.end, words[k + 1]!.start))) break;
      if (!w.capital && w.term && lookup.bySlot.has(w.term)) return true;
    }
  }
  return false;
}

/** Words between the thing credited and "by" ("address will be delivered by"). */
const CREDIT_GAP = 4;

/** Words between the verb and its doer's name ("directed by Grigory Kozintsev", "conductor Eugene Ormandy"). */
const LINK_GAP = 2;

/**
 * Whether a sentence names someone new in the place news gives a role's holder: right after the role's noun, as a
 * title ("with amateur Bill Hyndman", "the Republican nominee Arthur Levitt"), or after the name in apposition ("Bill
 * Hyndman, the Baltimore amateur"). The name must read as a person's (`personNameCount`'s reading: a title before it,
 * or two words or more, none an institution's or a place's); a name before the noun with no comma modifies it ("the
 * Oklahoma amateur") and holds no role. `roleTerm` is the role's term ("amateur"). The sentence must also hold one of
 * the question's other words.
 */
export function roleLinkedName(lookup: SlotLookup, text: string, roleTerm: string): boolean {
  const words = wordsOf(text);
  // The sentence speaks of the question's matter beyond the role ("with amateur Bill Hyndman" beside "Player"): another
  // holder of the role elsewhere in the story ("college president Fr. Matthew Walsh") is not the one asked for.
  if (!words.some((w) => w.term !== null && w.term !== roleTerm && lookup.bySlot.has(w.term))) return false;
  for (const span of nameSpans(words, text)) {
    if (!isNewName(lookup, words, span)) continue;
    const before = words[span.from - 1];
    // The role's noun in lower case right before the name, as a title is: "amateur Bill Hyndman" (a first name that is
    // also a common noun, "Bill", does not make it a bill's name), not "chairman Fulton County".
    const last = words[span.to]!;
    if (
      before &&
      !before.capital &&
      before.term === roleTerm &&
      spaced(text, before, words[span.from]!) &&
      !NOT_PERSON.has(last.folded) &&
      !ACRONYM.test(text.slice(last.start, last.end))
    )
      return true;
    if (!personLike(words, text, span)) continue;
    // "Bill Hyndman, the tall Baltimore amateur," : a comma, a determiner, then the noun within a few words.
    const after = words[span.to + 1];
    if (!after || !/^\s*,\s*$/.test(text.slice(words[span.to]!.end, after.start)) || !APPOSITION.test(after.folded))
      continue;
    for (let k = span.to + 2; k < words.length && k <= span.to + 1 + ROLE_REACH; k++) {
      if (/[,;:()]/.test(text.slice(words[k - 1]!.end, words[k]!.start))) break;
      if (!words[k]!.capital && words[k]!.term === roleTerm) return true;
    }
  }
  return false;
}

/** A determiner that opens an appositive role after a name ("Bill Hyndman, the amateur"). */
const APPOSITION = /^(?:the|a|an|its|his|her|their)$/;
/** Words after the determiner within which an appositive's noun is read ("the tall and deliberate Baltimorean"). */
const ROLE_REACH = 4;

/**
 * A name reads as a person's: a title before or opening it, or two words or more, none an institution's or a place's
 * ("FBI", "NE": an acronym is a body or a direction).
 */
function personLike(words: readonly Word[], text: string, span: Span): boolean {
  // Initials alone name no one: "U. S." (a law report's "U. S., at 606"), "U. N.".
  if (words.slice(span.from, span.to + 1).every((w) => w.folded.length === 1)) return false;
  const before = words[span.from - 1];
  if (before !== undefined && PERSON_TITLE.test(before.folded)) return true;
  // A title that opens a name ending in an institution's word is part of that name: "General Motors", "General
  // Electric" (no general's), "President Hotel".
  if (PERSON_TITLE.test(words[span.from]!.folded))
    return span.to === span.from || !NOT_PERSON.has(words[span.to]!.folded);
  if (span.to === span.from) return false;
  for (let i = span.from; i <= span.to; i++)
    if (NOT_PERSON.has(words[i]!.folded) || ACRONYM.test(text.slice(words[i]!.start, words[i]!.end))) return false;
  return true;
}
