import { APPROXIMATE, MONTH_ABBR, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, WEEKDAYS, YEAR } from '../text/patterns.ts';
import { splitSentences } from '../text/sentences.ts';
import { STOP_WORDS, fold, termOf, termsOfWords, tokenize } from '../text/terms.ts';
import {
  EMPTY_HEADS,
  PERSON_TITLE,
  agentNounOf,
  askedFor,
  personNameCount,
  slotLookup,
  type AskedFor,
  type SlotLookup,
} from './evidence.ts';
import type { QuestionChecks } from './kinds.ts';
import type { AskedRole } from './role.ts';
import { asksAmount, looksInflected, questionVerb, typeEvidence, whichHead } from './question.ts';
import type { Slot } from './slots.ts';
import { SCOPE, SOFT } from './tuning.ts';
import { WORD_KEY, type TermVectors } from '../text/vectors.ts';
import { NOUN_LOCATION, NOUN_PERSON, type WordNet } from '../text/wordnet.ts';

/**
 * Scope checks: what a quoted window (a sentence and the neighbour it joins) must hold for a close-to-topic question
 * to be answered by it, beyond the kind checks of kinds.ts. A sentence about the same people and places is no answer
 * when it lacks what the question asks for:
 * - "how many X": a count (a number that is not a year or a date) next to X or a stand-in for X;
 * - "how much X" (not money, which kinds.ts checks): a number;
 * - "who is the R of Y" (the role as role.ts reads it, the one reader of it): the role R (its word, a stand-in that
 *   counts as evidence, or a word-vector stand-in) in the window with a person's name the question does not give next
 *   to it, its modifiers ("prime" minister), every name of Y and Y's other words ("hockey" team) in the passage;
 * - "who will …", "the next R": the question's verb or role with words of the future (will, expected, next…); "when
 *   will …": words of the future;
 * - "N in Y" ("an embassy in Baku"): where the window places N in another of the question's names and never in Y, the
 *   relation is the other way round;
 * - "who shot X", "who designed X" (a verb of harm or making): the verb, by its own forms or a synonym, in the window;
 * - "how many … the Krakatoa tsunami": a window that never names Krakatoa puts no other name on a tsunami;
 * - "when did X close/die/retire" (a verb of an ending): the verb, by its own forms or a synonym, in the window.
 */
export interface ScopeCheck {
  /** What the window must say, for the reason given when it is missing. */
  what: string;
  holds: (w: ScopeWindow) => boolean;
  /**
   * A check that only declines, and leaves the abstention model's input alone when it passes: whether a question was
   * checked is one of its features (answer.ts), which a check added after training would otherwise shift.
   */
  quiet?: boolean;
}

/** A candidate's window as the checks read it. */
export interface ScopeWindow {
  /** The quoted text: the sentence and the neighbour it joins. */
  text: string;
  /** The terms of the whole passage that holds it, and of its headings (the article title among them). */
  passageTerms: Set<string>;
  /** The terms of its headings alone (the article title among them). */
  headingTerms: Set<string>;
  /** The text of its article (or of the item of a page of several: `AnswerContext.storyRange`), read when needed. */
  story?: () => string;
  /** The terms of its story's first paragraph, read when needed. */
  lede?: () => Set<string>;
  /**
   * The terms of the paragraphs before it back to the top of its story, read when needed: a story names its city in
   * the paragraph that opens it (and dates itself there: "was asked Monday"), and its officials by title a few
   * paragraphs later. Empty when no such top is within `SCOPE.leadUp` paragraphs of its article.
   */
  leadUp?: () => Set<string>;
}

/** A word of the question, by the slot that reads it (its alternatives the material uses), or null. */
function slotOf(slots: Slot[], word: string): Slot | null {
  const term = termOf(word);
  return term ? (slots.find((s) => s.term === term) ?? null) : null;
}

/** The terms that stand for a slot's word in a window: its own and every stand-in ranking reads ("counsel" for "lawyer"). */
function usable(slot: Slot): Set<string> {
  return new Set(slot.alternatives);
}

interface Word {
  raw: string;
  /** The word's terms ("14-story" is "14" and "stori"). */
  terms: string[];
}

/** A slot's own word and the stand-ins that count as evidence: "foreign" is close to "prime" (minister), but no evidence. */
function strong(slot: Slot): Set<string> {
  return new Set(slot.alternatives.filter((_, k) => slot.evidence[k]! > 0));
}

/**
 * The window must write the slot's verb, by its own forms or a WordNet stand-in that counts as evidence; never a
 * word-vector one ("year" and "next" are close to "end", "died" to "killed").
 */
function writesVerb(what: string, slot: Slot): ScopeCheck {
  const soft = slot.softFrom ?? slot.alternatives.length;
  const own = new Set(slot.alternatives.filter((_, k) => k < soft && slot.evidence[k]! > 0));
  return { what, holds: ({ text }) => words(text).some((w) => has(w, own)) };
}

/**
 * A slot that names something: written as a name, a lower-case word WordNet writes capitalised ("norwegian"), or one of
 * a run the material writes as a name ("the park service").
 */
function namesSomething(slot: Slot, wordnet: WordNet): boolean {
  return slot.named || slot.nameLike === true || wordnet.capitalised(slot.token);
}

/** The window's words with their terms, in order. */
function words(text: string): Word[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ raw, terms: tokenize(raw).flatMap((t) => termOf(t) ?? []) }));
}

const has = (w: Word, terms: Set<string>) => w.terms.some((t) => terms.has(t));

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
/** Spelled numbers that count, without "one" ("one of the world's …" is no count), "several" (no number) and ordinals. */
const COUNT_WORD = new RegExp(
  `^(?:${NUMBER_WORDS.split('|')
    .filter((w) => !/^(?:one|once|single|first|second|third|half|twice|thrice|double|triple|several)$/.test(w))
    .join('|')})$`,
  'i',
);

/** Units of time and measure: "a 13-year hiatus", "a 20-mile drive", "a 14-story library" measure something, they count no thing. */
const MEASURE =
  /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|year-old|miles?|feet|foot|inch|inches|yards?|acres?|hectares?|stor(?:y|ies|eys?)|floors?|met(?:er|re)s?|kilomet(?:er|re)s?|pounds?|tons?|degrees?|percent|(?:kilo|mega|giga)?watts?|barrels?|gallons?|lit(?:er|re)s?)$/i;

/**
 * A number written like a year that counts the counted noun right after it: "About 1500 delegates are expected", "these
 * 1750 cases were carted off" (a year is "the 1960 elections", "in 1500", never "about 1500", "more than 1800" or "these
 * 1750" of a thing: a demonstrative points at things, and a year is never counted out with one).
 */
function yearShapedCount(ws: { raw: string }[], i: number, counted?: Set<string>): boolean {
  const before = ws[i - 1]?.raw ?? '';
  if (!counted || !(APPROXIMATE.test(before) || /^(?:these|those)$/i.test(before)) || /[,;:.]$/.test(ws[i]!.raw))
    return false;
  const next = tokenize(ws[i + 1]?.raw ?? '');
  return next.length === 1 && counted.has(termOf(next[0]!) ?? '');
}

/** Whether word `i` of `ws` is a count: a number (digits, "33-man", a number word) that is not a year, a day of a month or a measure. */
function isCount(ws: { raw: string }[], i: number, counted?: Set<string>): boolean {
  const w = ws[i]!.raw.replace(/^[("“$£€]+|[)"”,.;:!?%]+$/g, '');
  const [head, ...rest] = w.split('-');
  // A measure counts what the question counts by it ("how many stories": "a 14-story building").
  const unit = rest.join('-');
  if (rest.length > 0 && MEASURE.test(unit) && !counted?.has(termOf(unit) ?? '')) return false;
  // So does a measure written after the number ("two years of squabbling", "6,500 megawatts"): no count of members.
  const next = ws[i + 1]?.raw.replace(/[^\p{L}-]/gu, '') ?? '';
  if (counted && rest.length === 0 && MEASURE.test(next) && !counted.has(termOf(next) ?? '')) return false;
  // "21 per cent" is a share.
  if (counted && /^per$/i.test(next) && /^cent\b/i.test(ws[i + 2]?.raw ?? '') && !counted.has(termOf('percent') ?? ''))
    return false;
  // So does one of a range, whose measure follows the range's other end ("from 48 to 74 percent", "5 or 6 miles").
  const [link, end, after] = [1, 2, 3].map((k) => ws[i + k]?.raw.replace(/[^\p{L}\p{N}-]/gu, '') ?? '');
  const range = /^(?:to|and|or)$/i.test(link!) && /^\d/.test(end!) && MEASURE.test(after!);
  if (counted && rest.length === 0 && range && !counted.has(termOf(after!) ?? '')) return false;
  // A share ("4%") counts nothing but a percentage.
  if (counted && /\d%/.test(ws[i]!.raw) && !counted.has(termOf('percent') ?? 'percent')) return false;
  if (/^\d[\d,.]*$/u.test(head!)) {
    if (rest.length === 0 && YEAR.test(w) && !yearShapedCount(ws, i, counted)) return false;
    if (i > 0 && MONTH.test(ws[i - 1]!.raw)) return false;
    return true;
  }
  // "Thirty-eighth" is an ordinal.
  if (rest.length === 1 && /(?:first|second|third|th)$/i.test(rest[0]!)) return false;
  return COUNT_WORD.test(head!);
}

/** Amounts that are no number: "more than half", "doubled". */
const SHARE = /^(?:half|twice|thrice|doubled?|tripled?|quadrupled?|quarter|third|percent|fold)$/i;

/** The sentences of a window, by the project's splitter (initials and abbreviations kept: "Paul R. Screvane"). */
function sentencesOf(text: string): string[] {
  return splitSentences(text).map((r) => text.slice(r.start, r.end));
}

/** A capitalised word before a role that can say whose it is: not a sentence's "The", nor a word ending a clause. */
const ownerWord = (raw: string) =>
  /^\p{Lu}/u.test(raw) && !/[.,;:!?]$/.test(raw) && !/^(?:the|a|an|this|that|its|his|her|their|our)$/i.test(raw);

/** Words that say a role's holder no longer holds it. */
const FORMER = /^(?:former|ex|ex-\p{L}+|onetime|one-time|erstwhile|late|retired)$/iu;

/** Words that place what a window says in the future. */
const FUTURE = new RegExp(
  String.raw`\b(?:will|shall|going to|to be|(?<!\bthan )expected|expects|next (?:season|year|month|week|term|election|summer|winter|spring|fall|autumn|weekend|${MONTHS}|(?:${MONTH_ABBR})\.?|${WEEKDAYS})|upcoming|plans?|planned|set to|scheduled|designate|elect|nominee|(?<!\bwent on )to (?:succeed|replace|become|take)|(?:agreed|agrees|promised|promises|decided|vowed|pledged|intends|hopes|aims) to|tomorrow|tonight|coming)\b`,
  'i',
);

/**
 * Whether a window's word stands in for one of `keys` (terms, or words as `WORD_KEY` + word) by word vectors, as
 * terms or as the written word: "people" ≈ "persons" only as words (0.66; their stems 0.49). `kind`, when given, reads
 * the written word (its WordNet classes) and says how close it must be: `min`, more (then as written), or never
 * (Infinity).
 */
function closeTo(
  keys: string[],
  vectors: TermVectors | null,
  min = SOFT.minCosine,
  kind?: (word: string) => number,
): (w: Word) => boolean {
  const own = keys.filter((k) => vectors?.vector(k));
  if (!vectors || own.length === 0) return () => false;
  return (w) => {
    const word = fold(w.raw).replace(/[^\p{L}]/gu, '');
    const need = kind ? Math.max(min, kind(word)) : min;
    if (need > 1) return false;
    // A word held to more than `min` is compared as written: a stem stands for several words ("resid" for
    // "residence" and "residents").
    return [...(need > min ? [] : w.terms), WORD_KEY + word]
      .filter((t) => !/\d/.test(t))
      .some((t) => own.some((o) => (vectors.cosine(o, t) ?? 0) >= need));
  };
}

/**
 * WordNet's classes of nouns for people and groups of them (noun.Tops holds "person", noun.group "people", noun.person
 * "workers"): a count of people may be written with any of them.
 */
const PEOPLE_CLASSES = [3, 14, NOUN_PERSON];

/** The WordNet classes of a noun's first senses, people's classes as one. */
function nounKinds(wordnet: WordNet, word: string): Set<number> {
  const classes = wordnet.nounClasses(word, SCOPE.standInSenses);
  return new Set(classes.flatMap((c) => (PEOPLE_CLASSES.includes(c) ? PEOPLE_CLASSES : [c])));
}

/**
 * The question read as asking for a person (question.ts `askedFor`) and its slots' lookup for that reading
 * (evidence.ts `slotLookup`), by which the role, leader and doer checks read a person's name: each built once a
 * question, when a check first needs it.
 */
interface PersonReading {
  asked: () => AskedFor;
  lookup: () => SlotLookup;
}

function personReading(q: string, slots: Slot[], qTokens: Set<string>, wordnet: WordNet | null): PersonReading {
  let asked: AskedFor | undefined;
  let lookup: SlotLookup | undefined;
  const reading: PersonReading = {
    asked: () => (asked ??= askedFor(q, 'person', wordnet)),
    lookup: () => (lookup ??= slotLookup(slots, reading.asked(), qTokens, wordnet)),
  };
  return reading;
}

/** What the checks read besides the question: word vectors and WordNet (either may be missing). */
export interface ScopeLexicon {
  vectors: TermVectors | null;
  wordnet: WordNet | null;
}

/** The checks a question asks for, read against its slots; `read` is the question as kinds.ts read it for its checks. */
export function scopeChecks(
  question: string,
  read: QuestionChecks,
  slots: Slot[],
  lexicon: ScopeLexicon = { vectors: null, wordnet: null },
): ScopeCheck[] {
  const q = fold(question).replace(/[?!.]+$/, '');
  const qTokens = new Set(tokenize(question));
  const person = personReading(q, slots, qTokens, lexicon.wordnet);
  const out: ScopeCheck[] = [];
  const count = countCheck(q, slots, lexicon);
  if (count) out.push(count);
  // Money has its own kind check. "What was X's total", "what is the population of X" ask for an amount as "how
  // much" does (question.ts `asksAmount`).
  const much =
    (/\bhow much\b/.test(q) || asksAmount(q)) && !read.kinds.some((c) => c.what === 'an amount of money')
      ? muchCheck()
      : null;
  if (much) out.push(much);
  if (read.role) out.push(...roleChecks(read.role, slots, qTokens, lexicon, person));
  const future = futureCheck(q, read.role, slots, qTokens) ?? whenWillCheck(q, qTokens);
  if (future) out.push(future);
  out.push(...directionChecks(question, slots));
  const leader = leaderCheck(q, slots, lexicon, person);
  if (leader) out.push(leader);
  const speaker = speakerCheck(q, slots, lexicon);
  if (speaker) out.push(speaker);
  const subject = countSubjectCheck(q, slots, lexicon);
  if (subject) out.push(subject);
  const kind = unknownKindCheck(q, slots, lexicon);
  if (kind) out.push(kind);
  const unnamed = unnamedCheck(q, slots, lexicon);
  if (unnamed) out.push(unnamed);
  const settlement = settlementCheck(q, qTokens, lexicon);
  if (settlement) out.push(settlement);
  const doer = winCheck(q) ?? doerCheck(q, read, slots, qTokens, lexicon, person);
  if (doer) out.push(doer);
  const event = endCheck(q, slots);
  if (event) out.push(event);
  const rival = rivalCheck(question, slots);
  if (rival) out.push(rival);
  out.push(...modifierChecks(question, slots));
  const year = yearCheck(question);
  if (year) out.push(year);
  const hypothetical = hypotheticalCheck(q, slots, lexicon.wordnet);
  if (hypothetical) out.push(hypothetical);
  const ordinal = ordinalCheck(q);
  if (ordinal) out.push(ordinal);
  const outcome = outcomeCheck(q);
  if (outcome) out.push(outcome);
  const judgement = judgementCheck(q, slots);
  if (judgement) out.push(judgement);
  const cause = causeCheck(q);
  if (cause) out.push(cause);
  const when = whenCheck(q, qTokens);
  if (when) out.push(when);
  const start = startCheck(q, qTokens, slots);
  if (start) out.push(start);
  const pointed = pointedTimeCheck(q);
  if (pointed) out.push(pointed);
  const relative = relativeTimeCheck(q);
  if (relative) out.push(relative);
  return out;
}

/**
 * "Did the machine actually start shipping", "did the surgeon ever get reinstated": whether what the story looked ahead
 * to came about, asked after its events.
 */
const FOLLOW_UP =
  /^\W*(?:did|does|do|has|have|had|was|were|is|are)\b.*\b(?:actually|ever|eventually|finally|really|end(?:ed)? up|(?:go|went) on to)\b/;
/** Words that tell of a thing still to come or only proposed: "we expect to make initial shipments", "proposed that … verify". */
const PENDING = /\b(?:expect|expecting|propos(?:e|es|ed|ing|al)|should|would|hope[sd]?|hoping)\b/i;

/**
 * A follow-up (`FOLLOW_UP`) is not answered by a window that only looks ahead to the event (every sentence of it in the
 * future, expected or proposed): whether it came about is after the story. Read off the question as asked: reading it
 * drops "actually" and "ever" as fillers (question.ts `readShorthand`).
 */
export function followUpCheck(asked: string): ScopeCheck | null {
  if (!FOLLOW_UP.test(fold(asked))) return null;
  return {
    what: 'whether it came about',
    quiet: true,
    holds: ({ text }) => sentencesOf(text).some((s) => !FUTURE.test(s) && !PENDING.test(s)),
  };
}

/** An ordinal in figures: "6th", "21st". */
const ORDINAL = /\b(\d{1,3})(?:st|nd|rd|th)\b/gi;

/**
 * "The previous (6th) summit": the question numbers which of a series it asks. A window that numbers the series
 * otherwise ("the 7th Central Asian … Meeting") and never as asked (in figures or in words) tells of another one.
 */
export function ordinalCheck(q: string): ScopeCheck | null {
  const asked = [...q.matchAll(ORDINAL)];
  if (asked.length !== 1) return null;
  const n = Number(asked[0]![1]);
  const word = ORDINAL_WORDS[n - 1];
  const same = new RegExp(`\\b${n}(?:st|nd|rd|th)\\b${word ? `|\\b${word}\\b` : ''}`, 'i');
  return {
    what: `the ${asked[0]![0]}`,
    quiet: true,
    holds: ({ text }) => same.test(text) || ![...text.matchAll(ORDINAL)].some((m) => Number(m[1]) !== n),
  };
}

/** A time pointed at as one already spoken of: "that year", "that same season", "that Sunday". */
const POINTED_TIME = new RegExp(
  `\\bthat (?:same |very )?(year|day|week|month|season|night|morning|afternoon|evening|weekend|summer|winter|spring|fall|autumn|${WEEKDAYS})\\b(?![-'’])`,
);
/** Words of a question that name a time a later "that year" may point back to: a year, a month, a date. */
const NAMED_TIME =
  /\b(?:1[5-9]\d\d|20\d\d|january|february|march|april|june|july|august|september|october|november|december)\b/;

/**
 * "Who won the Pulitzer Prize for drama that year", "what was the score that Sunday": "that year" points back to a
 * year named before, and a question asked on its own names none (the bot reads each question alone). Whatever year a
 * window tells of, the question never said it was that one: no window answers, unless the question itself names the
 * time it points back to ("in 1960 … that year").
 */
export function pointedTimeCheck(q: string): ScopeCheck | null {
  const m = POINTED_TIME.exec(q);
  if (!m || NAMED_TIME.test(q)) return null;
  return { what: `which ${m[1]} "that ${m[1]}" means`, holds: () => false };
}

/** The day a news story dates itself by, once, at its top: "last night", "yesterday", a weekday. */
export const STORY_DAY = new RegExp(
  `\\b(?:${WEEKDAYS}|yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\\b`,
  'i',
);

/** Words that date without a number: a weekday, a season, "yesterday", "last week", "ago", "recently". */
const UNNUMBERED_DATE = new RegExp(
  `\\b(?:${WEEKDAYS}|yesterday|today|tonight|tomorrow|spring|summer|fall|autumn|winter|christmas|easter|ago|century|decade|weekend|(?:last|next|this) (?:night|week|month|year|season|term))\\b`,
  'i',
);

/**
 * "When did X …" (the future has its own check): a date the question does not give, or a season, weekday or "ago" in
 * the window. A window that only says it happened ("the dispatch of General X") dates nothing.
 */
export function whenCheck(q: string, qTokens: Set<string>): ScopeCheck | null {
  if (!/^\W*when\b/.test(q) || /^\W*when (?:will|shall)\b|\bgoing to\b/.test(q)) return null;
  return {
    what: 'a date',
    // typeEvidence reads "may" and "march" alone in lower case as verbs ("there may be"), no month.
    // News dates a story once, at its top ("last night"): a story that does dates what its sentences tell.
    holds: ({ text, story }) =>
      typeEvidence('date', text, qTokens) > 0 ||
      UNNUMBERED_DATE.test(text) ||
      (story !== undefined && STORY_DAY.test(story())),
  };
}

/** A time set by another occasion: "the year before Palmer", "the season after the merger" (not "the day before June 4"). */
const RELATIVE_TIME = new RegExp(
  `\\bthe (year|season|day|week|month|night|summer|winter|spring|fall|autumn) (before|after) (?!(?:the |a |an )?(?:\\d|${MONTHS}|${WEEKDAYS}|(?:${MONTH_ABBR})\\b|last|this|next|that\\b))`,
);
/**
 * Words that tie one time to another: "a year earlier", "the previous season", "the next day", "the year before"; not
 * "a month ago", which ties it to the day of writing.
 */
const TIME_RELATION =
  /\b(?:(?:years?|seasons?|days?|weeks?|months?|nights?) (?:before|after|earlier|later)|(?:previous|preceding|following|next|prior|succeeding) (?:years?|seasons?|days?|weeks?|months?|nights?|summer|winter|spring|fall|autumn))\b/i;

/**
 * "Who won the Masters the year before Palmer": a time set by another occasion is answered by a window that ties the
 * two ("a year earlier", "the previous season"); one that tells of the occasion itself (Palmer's year) or of another
 * year does not say it was the one before.
 */
export function relativeTimeCheck(q: string): ScopeCheck | null {
  const m = RELATIVE_TIME.exec(q);
  if (!m) return null;
  return { what: `the ${m[1]} ${m[2]}`, holds: ({ text }) => TIME_RELATION.test(text) };
}

/** "When does X open / begin / start": the date of a beginning. */
const ASKS_START =
  /^\W*when (?:does|did|do|will|is|was|are|were)\b.*\b(?:open|opens|opening|begin|begins|start|starts|premiere|premieres|debut|debuts|kick off|kicks off|arrive|arrives)\b/;
/** A date that ends a run: "(through Sept. 30)", "until June 4", "thru Oct. 1". */
const END_DATE = new RegExp(
  `\\b(?:through|thru|until|till|to|ending|ends)\\s+(?:(?:${MONTHS}|(?:${MONTH_ABBR})\\.?)\\s+\\d{1,2}\\b|(?:${WEEKDAYS})\\b)`,
  'gi',
);
/** `END_DATE` for a test (no global flag, no `lastIndex` carried between texts). */
const HAS_END_DATE = new RegExp(END_DATE.source, 'i');

/**
 * "When does X open in New York": a window whose only date ends the run ("begins its tour in New York (through Sept.
 * 30)") says how long it lasts, not when it begins. A window with another date, or none (whenCheck's), is left alone.
 */
export function startCheck(q: string, qTokens: Set<string>, slots: Slot[] = []): ScopeCheck | null {
  if (!ASKS_START.test(q)) return null;
  // The sentences that name what begins ("the Kirov Ballet"): another's run in the next sentence dates it not.
  const names = new Set(slots.filter((s) => s.named || s.nameLike).flatMap((s) => [...strong(s)]));
  const dates = (text: string) => {
    const rest = text.replace(END_DATE, ' ');
    return typeEvidence('date', rest, qTokens) > 0 || UNNUMBERED_DATE.test(rest);
  };
  return {
    what: 'the date it begins',
    holds: ({ text }) => {
      if (!HAS_END_DATE.test(text)) return true;
      const own = sentencesOf(text).filter((s) => words(s).some((w) => has(w, names)));
      return own.length === 0 ? dates(text) : own.some(dates);
    },
  };
}

/** Words that say what would or could be: a window that speaks of a possibility. */
const CONDITIONAL =
  /\b(?:would|could|might|may|if|unless|otherwise|risk|risks|threat|threatens?|likely|possibility|possible|expected|feared?|warned?|predict(?:s|ed)?|forecasts?)\b/i;

/**
 * "What would (may) happen if X …", "what if X", "is there a risk X …": a window that tells what did happen, with no word of what would or could
 * be, does not answer a hypothetical.
 */
export function hypotheticalCheck(q: string, slots: Slot[] = [], wordnet: WordNet | null = null): ScopeCheck | null {
  if (
    !/^\W*(?:what (?:would|will|could|might|may|can) (?:happen|be|have happened)\b.*\bif\b|what if\b|what happens\b.*\bif\b|(?:is|are) there (?:a |any )?(?:risk|chance|danger|possibility|threat)s?\b)/.test(
      q,
    )
  )
    return null;
  // The condition's verb ("if Russia cuts ties", "if the West recognized X"), by its own forms or a stand-in that counts
  // as evidence: a window that speaks of what may be about something else answers no such question.
  const condition = / \bif\b (.*)$/.exec(q)?.[1] ?? '';
  const verbs = slots.filter(
    (s) =>
      !s.named &&
      !s.nameLike &&
      new RegExp(`\\b${s.token}\\b`).test(condition) &&
      (s.inflected || wordnet?.primaryPos(s.token) === 'verb'),
  );
  return {
    what: 'what would happen',
    holds: ({ text }) =>
      CONDITIONAL.test(text) && (verbs.length === 0 || words(text).some((w) => verbs.some((v) => has(w, strong(v))))),
  };
}

/**
 * A sentence that tells no outcome: what could or may be ("Pohl could receive from 1 to 15 years"), what is to come, or
 * what was not (yet) done ("did not set a date for sentencing").
 */
const NO_OUTCOME =
  /\b(?:could|might|may|would|will|shall|can|(?:did|does|do|has|have|had|was|were|is|are)(?: not|n't)|not yet|no date|pending|undecided|expected|likely|faces?|possible)\b/i;

/**
 * "What sentence did X end up getting", "did the bill eventually pass": an outcome after the story's events is asked.
 * A window each of whose sentences tells only what could be, what is to come or what was not done ("did not set a
 * date for sentencing. Pohl could receive from 1 to 15 years") tells no outcome.
 */
export function outcomeCheck(q: string): ScopeCheck | null {
  if (!/\b(?:end(?:s|ed)? up|wind up|wound up|in the end|eventually|ultimately)\b/.test(q)) return null;
  return { what: 'how it ended', holds: ({ text }) => sentencesOf(text).some((s) => !NO_OUTCOME.test(s)) };
}

/** Words that judge: good or bad, a success or a mistake, right or wrong. */
const JUDGING =
  /\b(?:good|bad|better|worse|best|worst|great|poor|fair|unfair|wise|unwise|smart|right|wrong|mistakes?|success(?:ful)?|failures?|failed|fiasco|disaster|disastrous|worth|worthwhile|praised?|criticized?|criticised?|hailed|welcomed?|condemned?|beneficial|harmful|excellent|terrible|effective|ineffective|deserved?|legal|illegal|illegally)\b/i;

/** Words that compare: "better than", "the best", "superior", "compared with". */
const COMPARING =
  /\b(?:than|best|worst|superior|inferior|outperform(?:s|ed)?|outdid|outdo(?:es)?|surpass(?:es|ed)?|compared?|comparison|unlike|eclipsed?)\b/i;

/** A sentence that opens by pointing back to what the one before it named: "It was a mistake", "This marked …". */
const POINTS_BACK =
  /^["“]?(?:it|its|this|that|these|those|they|their|he|his|she|her|the (?:move|deal|decision|plan|step))\b/i;

/**
 * "Was the deal a good one?", "is X a good president?": a judgement is answered by a window that judges (good, bad, a
 * success, a mistake, praised, illegal…) what the question judges: the judging word in a sentence that names it (a
 * word the question writes before the judgement: "the harbour deal", "the mayor's reform"), or that opens
 * by pointing back to the sentence before it ("It was a mistake"). A window that only tells what happened gives no
 * verdict, and "with limited success" of another body judges not this one. "Was X a better Y than Z" compares: the
 * window compares too ("better than", "the best", "compared with").
 */
export function judgementCheck(q: string, slots: Slot[] = []): ScopeCheck | null {
  const m =
    /^\W*(?:is|was|were|are|will|would)\b(.*?)\b(?:a |an |any )?(?:good|bad|fair|wise|smart|right|wrong|mistake|success|failure|worth|legal|great|better|worse)\b/.exec(
      q,
    ) ?? /^\W*(?:did|does|do)\b(.*?)\b(?:worth|pay off|succeed|work out|deserve)\b/.exec(q);
  if (!m) return null;
  // The words of what is judged, by the slots that read them.
  const judged = (m[1]!.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((w) => {
    const slot = slotOf(slots, w);
    return slot ? [...strong(slot)] : [];
  });
  const subject = new Set(judged);
  const names = (sentence: string) => subject.size === 0 || words(sentence).some((w) => has(w, subject));
  const compares = /\b(?:better|worse|more|less)\b.*\bthan\b/.test(q);
  return {
    what: compares ? 'a comparison' : 'a judgement',
    holds: ({ text }) => {
      if (compares && !COMPARING.test(text)) return false;
      const sentences = sentencesOf(text);
      return sentences.some(
        (s, k) => JUDGING.test(s) && (names(s) || (k > 0 && POINTS_BACK.test(s.trim()) && names(sentences[k - 1]!))),
      );
    },
  };
}

/** Words that give a cause or a purpose. */
const CAUSAL =
  /\b(?:because|since|due to|owing to|thanks to|as a result|result(?:ed|s)? (?:of|from)|caused|causes?|cause of|led to|leads? to|lead to|(?:the|one|main|a) reasons? (?:for|why|is|was|were)|for (?:[a-z]+ ){0,2}reasons?|so that|in order to|to (?:protest|avoid|prevent|protect|ensure|stop|meet|help|make|pay|win|save|end|keep|get|give|support|settle|reduce|boost|counter|force)|why|for fear|amid|amidst|after (?!a\b|an\b|\d|the \d)|following|over (?:the|a|an|his|her|their)|blamed|blames|attributed|therefore|thus|hence|since then|given|forced|forces|drove|driven|prompted|sparked|triggered|spurred|provoked|brought about|motivated|inspired)\b/i;

/**
 * "Why did X fail?": a cause (because, due to, after the crash, led to, to avoid…) in the window. A window that says only
 * that it happened ("with limited success", "after a 13-year hiatus") gives no reason.
 */
export function causeCheck(q: string): ScopeCheck | null {
  if (!/^\W*(?:why|how come|what (?:caused|made|led to)|for what reason)\b/.test(q)) return null;
  // "Why is X a big deal / important" asks what X means, which a text says in other words ("signifies a shift").
  if (/\b(?:big deal|important|significant|matters?|notable|key|crucial|special)\b/.test(q)) return null;
  // "Why did the strike last so long?" is not answered by "decisions resulting from the strike": a connective whose
  // object is the question's own subject tells what that subject caused. Such a span counts for nothing, and a window
  // that names the subject only there is about its effects.
  const asked = new Set(tokenize(q).flatMap((t) => (STOP_WORDS.has(t) ? [] : (termOf(t) ?? []))));
  const contentTerms = (span: string) => words(span).flatMap((w) => w.terms.filter((t) => !STOP_WORDS.has(t)));
  // "Why did the steel strike …": a sentence that writes "strike" only after another lower-case word ("auto strikes")
  // and never "steel" tells of another strike.
  const pair = /^\W*why (?:did|does|do|is|was|were|are|has|have|had) (?:the |a |an )?([\p{L}]+) ([\p{L}]+) /u.exec(q);
  const [which, thing] = pair ? [pair[1]!, pair[2]!].map((w) => termOf(w)) : [null, null];
  const another = (text: string) => {
    if (!which || !thing || STOP_WORDS.has(which) || STOP_WORDS.has(thing)) return false;
    const ws = words(text);
    if (ws.some((w) => w.terms.includes(which))) return false;
    const at = ws.flatMap((w, k) => (w.terms.includes(thing) ? [k] : []));
    return (
      at.length > 0 &&
      at.every((k) => {
        const before = ws[k - 1];
        return (
          before !== undefined &&
          /^\p{Ll}+$/u.test(before.raw) &&
          /^\p{Ll}/u.test(ws[k]!.raw) &&
          before.terms.some((t) => !STOP_WORDS.has(t))
        );
      })
    );
  };
  const names = (s: string) => contentTerms(s).some((t) => asked.has(t));
  const holds = (window: string) => {
    const effects: string[] = [];
    // A sentence that tells of another one gives no cause of the asked one.
    const all = sentencesOf(window);
    const aboutAnother = all.map(another);
    const sentences = all
      .map((s, k) => ({ s, other: aboutAnother[k]!, after: k > 0 && aboutAnother[k - 1]! }))
      .filter((s) => !s.other)
      .map(({ s, after }) => ({
        // The sentence after one about another thing goes on about it unless it names what is asked.
        told: !after || names(s),
        rest: s.replace(EFFECT_OF, (whole: string, object: string) => {
          const terms = contentTerms(object);
          if (terms.length === 0 || terms.some((t) => !asked.has(t))) return whole;
          effects.push(...terms);
          return ' ';
        }),
      }));
    const rest = sentences.map((s) => s.rest).join(' ');
    if (effects.length > 0 && !contentTerms(rest).some((t) => effects.includes(t))) return false;
    const told = sentences
      .filter((s) => s.told)
      .map((s) => s.rest)
      .join(' ');
    return CAUSAL.test(told) || AS_CLAUSE.test(told);
  };
  return { what: 'a cause', holds: ({ text }) => holds(text) };
}

/** A connective and its object (up to six words), which is the cause: "resulting from X", "due to X", "caused by X". */
const EFFECT_OF =
  /\b(?:(?:resulting|resulted|results?|stemming|arising) from|because of|due to|caused by|as a result of|owing to|thanks to)((?:\s+[^\s,.;:!?()]+){1,6})/gi;

/**
 * A clause of "as" that opens a sentence, or follows its opening phrase, before its main clause: "In 1920, as the
 * startling news that the White Sox had conspired to lose the World Series leaked out, fans grew disillusioned". What
 * happened as it did is told as its cause.
 */
const AS_CLAUSE =
  /(?:^|[.!?]["”]?\s+|^[^.,;]{0,40},\s*|[.!?]["”]?\s+[^.,;]{0,40},\s*)as (?:the|a|an|his|her|its|their|word|news|reports?)\b[^.;]{10,200}?,\s*\p{L}/imu;

/**
 * "How much did traffic grow in 2019?": a year the question asks about is in the window, its passage or its headings.
 * A window that dates what it says by another year ("In 2024, traffic surged by 86%") answers another year's question.
 */
export function yearCheck(question: string): ScopeCheck | null {
  const years = [...new Set(tokenize(question).filter((t) => YEAR.test(t)))];
  if (years.length === 0) return null;
  return {
    what: `what happened in ${years.join(' and ')}`,
    holds: ({ text, passageTerms, headingTerms }) => {
      const written = new Set(tokenize(text));
      const spans = yearSpans(text);
      // A window that dates what it says by another year of its own ("In 2024, traffic surged") is not dated by its
      // passage or headings (a title's "in 2025"), unless it also says "this year", which is theirs.
      const ownYear =
        [...written].some((t) => YEAR.test(t) && !years.includes(t)) && !/\b(?:this|that|the same) year\b/i.test(text);
      return years.every(
        (y) =>
          written.has(y) ||
          (!ownYear && (passageTerms.has(y) || headingTerms.has(y))) ||
          spans.some(([from, to]) => from <= Number(y) && Number(y) <= to),
      );
    },
  };
}

/** The spans of years a text writes: "from 1946 to 1952", "during 1916–20", "the 1940s". */
function yearSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\b(1[5-9]\d\d|20\d\d)\s*(?:[-–—]|to|through|until|and)\s*(\d{4}|\d{2})\b/g)) {
    const from = Number(m[1]);
    const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (to > from) out.push([from, to]);
  }
  for (const m of text.matchAll(/\b(1[5-9]\d0|20\d0)['’]?s\b/g)) out.push([Number(m[1]), Number(m[1]) + 9]);
  return out;
}

/**
 * "How many people did the *Krakatoa* tsunami kill?": a count of a thing the question names by a name ("the Krakatoa
 * tsunami") is not given by a window that never names it and puts another name on the same thing ("a Japanese tsunami
 * killed 27,000 people", "the Hawaiian tsunami"): that is another one's count. Only for "how many" and "how much".
 */
function rivalCheck(question: string, slots: Slot[]): ScopeCheck | null {
  if (!/\bhow (?:many|much)\b/i.test(question)) return null;
  for (const m of question.matchAll(/\b(\p{Lu}[\p{L}'’-]*) ([\p{Ll}][\p{L}-]*)\b/gu)) {
    const name = slotOf(slots, m[1]!);
    const thing = slotOf(slots, m[2]!);
    if (!name?.named || !thing || thing.named) continue;
    const nameTerms = usable(name);
    const thingTerms = strong(thing);
    return {
      what: `the ${m[1]} ${m[2]}`,
      holds: ({ text }) => {
        const ws = words(text);
        if (ws.some((w) => has(w, nameTerms))) return true;
        // Another capitalised word (not a sentence's first) right before the thing: another one's.
        return !ws.some(
          (w, i) =>
            i > 0 &&
            has(w, thingTerms) &&
            /^\p{Lu}/u.test(ws[i - 1]!.raw) &&
            !/[.!?:;"”]$/.test(ws[i - 2]?.raw ?? '.') &&
            !/[,.;:!?]$/.test(ws[i - 1]!.raw),
        );
      },
    };
  }
  return null;
}

/** Modifiers that say which one of a kind without naming it ("the current president", "the new embassy"). */
const PLAIN_MODIFIER =
  /^(?:current|present|new|newest|old|former|next|last|latest|first|top|main|chief|big|bigger|biggest|large|larger|largest|small|real|actual|official|whole|total|late|future|previous|then|incumbent|sitting|own|same|other|local|major|recent|annual|big|little|long|short|high|low|early|final)$/;

/** The last word of an event's name: a member types it in lower case ("the super bowl", "the world cup"). */
const EVENT_HEAD =
  /^(?:bowl|cup|series|open|games|olympics?|championships?|tournament|trophy|prize|awards?|medal|festival|marathon|derby|classic|grand prix|league|expo|fair|summit|conference|congress|convention|olympiad)$/;

/** Words a name runs across ("Ministry of Foreign Affairs", "Heads of State"). */
const NAME_JOINER = /^(?:of|and|for|the|de|du|la|le|von|van|&)$/i;

/**
 * "Who won the *super* bowl?", "who is *china's* president?": a question's word that says which one (a noun or a
 * name right before the thing, as typed) is not answered by a window where the thing is part of another name ("won
 * the Rose Bowl", "Brazilian President Lula"): that is another one. A window that writes the thing with the
 * question's word (in the same name or right before it) or only without a capitalised word before it says nothing
 * against.
 */
function modifierChecks(question: string, slots: Slot[]): ScopeCheck[] {
  // Read where a member types in lower case: a question that capitalises ("Notre Dame studies") marks its names itself.
  const typed = question
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter(Boolean);
  const out: ScopeCheck[] = [];
  for (let i = 0; i + 1 < typed.length; i++) {
    const [a, b] = [typed[i]!, typed[i + 1]!];
    if (/\d/.test(a + b) || !/^\p{Ll}+$/u.test(a + b) || PLAIN_MODIFIER.test(a)) continue;
    const which = slotOf(slots, a);
    const thing = slotOf(slots, b);
    if (!which || !thing || which === thing || thing.named || thing.nameLike) continue;
    // Only a lower-case word that may name a place or a people ("chinese", "turkish") or the name of an event ("super
    // bowl", "world cup") says which one. A name the material writes says nothing (a first name before a surname: the
    // window may name the father, "Leon Smith", when the son is asked), and a common word describes ("the security
    // partnership" is NATO's Partnership for Peace).
    if (!which.nameLike && !EVENT_HEAD.test(b)) continue;
    const whichTerms = strong(which);
    const thingTerms = strong(thing);
    out.push({
      what: `the ${a} ${b}`,
      holds: ({ text }) => {
        const ws = words(text);
        const capital = (k: number) => /^[("“']*\p{Lu}/u.test(ws[k]!.raw);
        // The capitalised run a word stands in (joiners inside it), as word positions.
        const run = (k: number) => {
          let from = k;
          while (
            from > 0 &&
            !/[.!?:;,"”)]$/.test(ws[from - 1]!.raw) &&
            (capital(from - 1) || NAME_JOINER.test(ws[from - 1]!.raw))
          )
            from--;
          let to = k;
          while (
            to + 1 < ws.length &&
            !/[.!?:;,"”(]$/.test(ws[to]!.raw) &&
            (capital(to + 1) || NAME_JOINER.test(ws[to + 1]!.raw))
          )
            to++;
          return ws.slice(from, to + 1);
        };
        let other = false;
        for (let k = 0; k < ws.length; k++) {
          if (!has(ws[k]!, thingTerms)) continue;
          if (k > 0 && has(ws[k - 1]!, whichTerms)) return true;
          if (!capital(k)) continue;
          if (run(k).some((w) => has(w, whichTerms))) return true;
          // Another capitalised word right before it, which no sentence or clause starts with: another one's name.
          other ||= k > 0 && ownerWord(ws[k - 1]!.raw) && !/[.!?:;"”]$/.test(ws[k - 2]?.raw ?? '.');
        }
        return !other;
      },
    });
  }
  return out;
}

/**
 * "Who shot X?", "who killed X?", "who built X?" ask for the one who did it: a window without the question's verb (its
 * own forms, an irregular form, a WordNet synonym that counts as evidence; never a word-vector stand-in, "died" for
 * "killed") names no doer, however much it says of X ("Schiele, who died 42 years ago at the age of 28" names no
 * killer). A role ("who is the mayor of X") and the future ("who will …") have checks of their own.
 *
 * Any other verb ("who starred in X", "who's representing X", "which judge handled X") is often answered in other
 * words ("who beat X": "X lost to Y"; "who played Charley": "Shelley Berman as Charley"), but not by a window with
 * neither the verb (its forms or a stand-in the ranking reads), nor its doer's noun ("director" of "directed"), nor
 * the asked role's noun ("judge"), nor a name the question lacks that reads as a doer's (evidence.ts
 * `personNameCount`): "Porter's film multiplied the standard running time" tells of the film, not who starred in "The
 * Great Train Robbery", and "General Motors" is no person's name.
 */
function doerCheck(
  q: string,
  read: QuestionChecks,
  slots: Slot[],
  qTokens: Set<string>,
  { wordnet }: ScopeLexicon,
  person: PersonReading,
): ScopeCheck | null {
  if (read.role || /\bwill\b/.test(q)) return null;
  // "Which judge handled X" asks as "who handled X" does, with the role's noun as a word of the answer.
  const which = /^\W*which (\p{L}+) (\p{L}+)\b/u.exec(q);
  const roleWord =
    which && wordnet && !STOP_WORDS.has(which[2]!) && wordnet.nounClasses(which[1]!, 1).includes(NOUN_PERSON)
      ? which[1]!
      : null;
  // "Who heads X" has a check of its own (`leaderCheck`), which reads leading in whatever words a text says it.
  if ((!/^\W*who\b/.test(q) && !roleWord) || LEADS_VERB.test(q)) return null;
  const verb = roleWord ? which![2]! : questionVerb(q);
  // "Who's gonna be …" asks of the future (`futureCheck`).
  if (!verb || verb === 'going' || verb === 'gonna') return null;
  const slot = slotOf(slots, verb);
  if (!slot || slot.named) return null;
  if (DOER_VERBS.has(termOf(verb) ?? '') && !roleWord) return writesVerb(`who ${verb}`, slot);
  // A verb, not an adjective after "was" ("who was present"): inflected, or the present after "who" ("who plays").
  if (!looksInflected(verb) && !roleWord && !(verb.endsWith('s') && q.includes(`who ${verb}`))) return null;
  const asked = person.asked();
  // "Who attended X" is answered by people named by what they are as well ("representatives from the media").
  if (asked.presence) return null;
  // The verb's terms and stand-ins, and its WordNet synonyms as re-picking reads them ("released by" for "who
  // published").
  const verbTerms = usable(slot);
  for (const t of termsOfWords(wordnet?.synonyms(verb, 2) ?? [])) verbTerms.add(t);
  const role = roleWord ? slotOf(slots, roleWord) : null;
  const roleTerms = role ? strong(role) : new Set<string>();
  const anyTerm = [...verbTerms, ...roleTerms];
  const lookup = person.lookup();
  return {
    what: roleWord ? `which ${roleWord} ${verb}` : `who ${verb}`,
    quiet: true,
    holds: (w) =>
      // The passage's other sentences, where re-picking finds the doer the ranking's restatement leaves out ("Dr. J. R.
      // McLemore, who will retire" after "Paris Junior College's president").
      anyTerm.some((t) => w.passageTerms.has(t)) ||
      words(w.text).some(
        (x) => has(x, roleTerms) || has(x, verbTerms) || tokenize(x.raw).some((t) => agentNounOf(t, verbTerms)),
      ) ||
      personNameCount(lookup, w.text, null, true) > 0,
  };
}

/** Words that say who won: the verb, its nouns, and what a text says of a winner instead ("was elected", "received the award"). */
const WINNING =
  /\b(?:wins?|won|winning|winners?|victor(?:y|ies|ious)?|champions?|championships?|(?:re-?)?elected|defeat(?:s|ed|ing)?|beat(?:s|en)?|triumph\w*|awarded|receiv(?:e|es|ed|ing)|recipients?|took|taken|takes|carried|captured|clinched|swept|prevailed|edged)\b/i;

/**
 * "Who won X?": a window that writes no word of winning tells of the contest, not who won it ("getting encouragement
 * to enter a candidate in the 1962 governor's race").
 */
function winCheck(q: string): ScopeCheck | null {
  if (!/^\W*(?:who|which \p{L}+)(?: has| had)? (?:won|wins)\b/u.test(q)) return null;
  return { what: 'who won', holds: ({ text }) => WINNING.test(text) };
}

/**
 * "When did X close?", "when did X die?", "what year did X die?" ask the date of an ending: a window without the verb
 * (its own forms or a WordNet synonym) dates something else of X ("in 1950 was raised to the status of an Institute").
 */
function endCheck(q: string, slots: Slot[]): ScopeCheck | null {
  // "What year did X die", "in what year did X close" ask the same date.
  if (!/^\W*(?:when|(?:in |on )?what (?:year|date|day|month)) (?:did|does|do|will|was|were|is|has|had)\b/.test(q))
    return null;
  // "His end of year presser": a noun before "of" names no ending.
  const slot = slots.find((s) => !s.named && END_VERBS.has(s.term) && !q.includes(`${fold(s.token)} of `));
  if (!slot) return null;
  const verb = writesVerb(`when ${slot.token}`, slot);
  // The ending's noun dates it as well, in a sentence that names what ended: "Sorel led the college until his death
  // in 1893" (not "Maret, a painter, worked with him in 1860" beside it).
  const noun = END_NOUNS[slot.term];
  if (!noun) return verb;
  const names = new Set(slots.filter((s) => s.named || s.nameLike).flatMap((s) => [...strong(s)]));
  const ended = (s: string) => noun.test(s) && (names.size === 0 || words(s).some((w) => has(w, names)));
  return { what: verb.what, holds: (w) => verb.holds(w) || sentencesOf(w.text).some(ended) };
}

/** Nouns of the verbs of an ending, by the verb's term. */
const END_NOUNS: Record<string, RegExp> = Object.fromEntries(
  Object.entries({
    die: /\b(?:death|dead|deceased|funeral|obituary)\b/i,
    close: /\b(?:closing|closure|closed)\b/i,
    retire: /\bretirement\b/i,
    resign: /\bresignation\b/i,
    marry: /\b(?:marriage|wedding|wedded|wed)\b/i,
    divorce: /\bdivorced?\b/i,
    demolish: /\bdemolition\b/i,
    dissolve: /\bdissolution\b/i,
    expire: /\bexpir(?:y|ation)\b/i,
    conclude: /\bconclusion\b/i,
  }).map(([verb, noun]) => [termOf(verb) ?? verb, noun]),
);

/** Verbs of an ending, whose date a "when" question asks: the answer writes the verb (or a synonym) with it. */
const END_VERBS = new Set(
  [
    'close',
    'die',
    'shut',
    'dissolve',
    'disband',
    'retire',
    'resign',
    'marry',
    'divorce',
    'demolish',
    'end',
    'expire',
    'finish',
    'conclude',
  ].map((w) => termOf(w) ?? w),
);

/**
 * Verbs whose doer a "who" question asks for and whose answer writes the verb (or a WordNet synonym) beside the doer:
 * harm done to someone, and making a thing. Other verbs are often answered in other words ("who beat X": "X lost to
 * Y"; "who leads X": "X's chairman"), which the abstention model weighs.
 */
const DOER_VERBS = new Set(
  [
    'shoot',
    'shot',
    'kill',
    'murder',
    'assassinate',
    'stab',
    'strangle',
    'poison',
    'kidnap',
    'abduct',
    'rob',
    'slay',
    'slew',
    'slain',
    'behead',
    'wound',
    'injure',
    'bomb',
    'design',
    'found',
    'build',
    'built',
    'invent',
    'sculpt',
  ].map((w) => termOf(w) ?? w),
);

/**
 * "How many megawatts of *solar* power …": a quantity of a kind of thing the material never names (an adjective before
 * the thing that no passage uses, nor any stand-in of it) is not the quantity the material gives of the thing in
 * general ("total installed power generation capacity"). Only for "how many" and "how much": elsewhere a missing
 * modifier is weighed by the abstention model.
 */
function unknownKindCheck(q: string, slots: Slot[], { wordnet }: ScopeLexicon): ScopeCheck | null {
  if (!wordnet || !/\bhow (?:many|much)\b/.test(q)) return null;
  const ws = q.match(/[\p{L}\p{N}'-]+/gu) ?? [];
  for (let i = 0; i < ws.length; i++) {
    const mod = slots.find((s) => s.token === ws[i]);
    // "Megawatts of solar": the kind after "of" stands for its thing ("solar power").
    const after = ws[i - 1] === 'of';
    const headWord = after ? ws[i - 2] : ws[i + 1];
    const head = slots.find((s) => s.token === headWord);
    if (!mod || !head || mod.named || !mod.unknown || head.unknown) continue;
    if (mod.alternatives.some((_, k) => k > 0 && mod.evidence[k]! > 0)) continue;
    if (wordnet.primaryPos(mod.token) !== 'adj') continue;
    return { what: after ? `${headWord} of ${ws[i]}` : `${ws[i]} ${headWord}`, holds: () => false };
  }
  return null;
}

/** Whether a word as written ends its sentence ("1958.", "said!”"). */
const endsSentence = (raw: string) => /[.!?]["”]?$/.test(raw);
/** Whether a word as written ends its clause or sentence ("Oregon,", "1958."). */
const endsClause = (raw: string) => /[,;:.!?]["”]?$/.test(raw);

/** "Which city", "what town", "in which chinese village": a settlement asked for by the kind of place it is. */
const SETTLEMENT = /\b(?:which|what) (?:(?!(?:is|was|are|were|the|a|an)\b)[\p{L}-]+ )?(?:city|town|village|hamlet)\b/u;
/** Kinds of place WordNet files settlements under ("Paris": capital, city, town). */
const SETTLEMENT_KINDS = new Set([
  'city',
  'town',
  'village',
  'hamlet',
  'capital',
  'port',
  'municipality',
  'metropolis',
]);
/** Words that put a name where something is or happens: "in Paris", "to Osaka", "Mrs. Hale of Springfield". */
const AT_PLACE = /^(?:in|at|to|from|near|of|outside|inside)$/;

/**
 * "Which Japanese city did X land in": a window that names no settlement the question lacks names none. A name counts
 * when WordNet files it as a settlement ("Osaka": a city), or when it follows "in", "to", "of" … and WordNet does not
 * know it (news names small towns WordNet lacks: "Weatherford"); never a country, a state or a continent ("a state
 * visit to Japan"), a people's word ("Japanese"), a month or a common noun.
 */
function settlementCheck(q: string, qTokens: Set<string>, { wordnet }: ScopeLexicon): ScopeCheck | null {
  if (!wordnet || !SETTLEMENT.test(q)) return null;
  /** Whether WordNet files a word as a settlement; null when it does not know the word. */
  const settlement = (w: string): boolean | null => {
    const kinds = wordnet.placeKinds(w);
    if (kinds.length > 0) return kinds.some((k) => SETTLEMENT_KINDS.has(k));
    return wordnet.lemmas(w).length === 0 ? null : false;
  };
  return {
    what: 'which place by name',
    holds: ({ text }) => {
      const ws = words(text);
      return ws.some((w, i) => {
        if (i === 0 || !/^\p{Lu}\p{Ll}/u.test(w.raw) || endsSentence(ws[i - 1]!.raw)) return false;
        const bare = fold(w.raw)
          .replace(/['’]s$/, '')
          .replace(/[^\p{L}]/gu, '');
        if (!bare || qTokens.has(bare) || STOP_WORDS.has(bare) || PERSON_TITLE.test(bare)) return false;
        const kind = settlement(bare);
        if (kind !== null) return kind;
        // Unknown to WordNet: a settlement's name where one is placed ("in Weatherford", "to the town of X").
        let k = i - 1;
        while (k > 0 && (/^the$/i.test(ws[k]!.raw) || /^\p{Lu}/u.test(ws[k]!.raw))) k--;
        return AT_PLACE.test(ws[k]!.raw.toLowerCase());
      });
    },
  };
}

/** Determiners of a thing left unnamed: "a Philadelphia distiller", "some firms", "several companies". */
const INDEFINITE = /^(?:a|an|some|several|many|various|numerous|certain|unnamed|unidentified|unspecified)$/;
/** Determiners that may point back to a thing named before: "the company", "its firms". */
const DEFINITE = /^(?:the|this|that|these|those|its|their|his|her|our|your|my|whose)$/;

/**
 * "Which company is building the plants": a window that speaks of the noun asked about only as one left unnamed ("A
 * Philadelphia distiller", "Chinese companies": an indefinite article, or a bare plural) with no name of its own in it
 * or right after it ("the developer, Kite Realty") does not say which one. A capitalised word before the noun names it
 * unless the question has it, it is a people's word ("Chinese", which WordNet lists as an adjective too) or a place
 * (WordNet's noun.location, "Philadelphia") that is not itself the kind asked for; the noun written as a name ("Oil
 * Company") names it. A definite mention ("the company") may point back to a name, and leaves it open.
 */
function unnamedCheck(q: string, slots: Slot[], { wordnet }: ScopeLexicon): ScopeCheck | null {
  if (!wordnet) return null;
  const raw = q.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  const qs = raw.map((w) => w.replace(/'s$/, ''));
  // "What centre", "what cake" often ask what kind ("a clean energy center"); "which" asks which one, and so does "the
  // name of the X" ("what's the name of the masseur sarah gross went to").
  const which = qs.indexOf('which');
  const at = which >= 0 ? which : namedAt(qs);
  const h = at < 0 ? -1 : which >= 0 ? whichHead(qs, at) : nameHead(qs, at, slots, wordnet);
  // "Which senator's bill" asks whose.
  if (h < 0 || raw.slice(at + 1, h).some((w) => /'s$/.test(w))) return null;
  const head = qs[h]!;
  if (EMPTY_HEADS.has(head) || !wordnet.lemmas(head).some((l) => l.pos === 'noun')) return null;
  const slot = slotOf(slots, head);
  if (!slot || slot.unknown) return null;
  const own = strong(slot);
  const asked = new Set(qs);
  const place = wordnet.nounClasses(head, 1)[0] === NOUN_LOCATION;
  const bare = (raw: string) =>
    fold(raw)
      .replace(/['’]s$/, '')
      .replace(/[^\p{L}\p{N}-]/gu, '');
  const names = (raw: string) => {
    const w = bare(raw);
    if (!/^\p{Lu}/u.test(raw) || !w || asked.has(w) || STOP_WORDS.has(w)) return false;
    // A title ("Mr.") or a run of initials ("N.Y.", "A.") names no one by itself.
    if (PERSON_TITLE.test(w) || /^["“(]?(?:\p{Lu}\.)+[,;:)]*$/u.test(raw)) return false;
    if (wordnet.lemmas(w).some((l) => l.pos === 'adj')) return false;
    return place || wordnet.nounClasses(w, 1)[0] !== NOUN_LOCATION;
  };
  return {
    what: `which ${head} by name`,
    holds: ({ text }) => {
      const ws = words(text);
      let unnamed = false;
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i]!;
        if (!has(w, own)) continue;
        // The noun written as a name: "Oil Company".
        if (i > 0 && /^\p{Lu}/u.test(w.raw) && !endsSentence(ws[i - 1]!.raw)) return true;
        let k = i - 1;
        while (k >= 0 && k >= i - 4 && !endsClause(ws[k]!.raw) && !STOP_WORDS.has(bare(ws[k]!.raw))) k--;
        const det = k >= 0 && !endsClause(ws[k]!.raw) ? bare(ws[k]!.raw) : '';
        const plural = bare(w.raw) !== head && /s$/.test(bare(w.raw));
        if (INDEFINITE.test(det) || (plural && !DEFINITE.test(det))) unnamed = true;
        // "A Roman Catholic hospital … the hospital staff": a definite mention after the unnamed one points back to it.
        else if (!unnamed) return true;
      }
      if (!unnamed) return true;
      // Any name of the right sort the question lacks may be the one: "a notable alumnus … is … Eric F. Wieschaus", "a
      // bill by Sen. A. R. Schwartz". A sentence's first word is a name only when WordNet writes it so or lacks it.
      return ws.some((w, i) => {
        if (!names(w.raw) || afterThe(ws, i)) return false;
        if (i > 0 && !endsSentence(ws[i - 1]!.raw)) return true;
        const b = bare(w.raw);
        return wordnet.capitalised(b) || wordnet.primaryPos(b) === null;
      });
    },
  };
}

/** Where "the name of the X" or "names of the X" asks a name (the word before X's first), or -1. */
function namedAt(qs: readonly string[]): number {
  for (let i = 0; i + 2 < qs.length; i++)
    if (/^names?$/.test(qs[i]!) && qs[i + 1] === 'of' && /^(?:the|those|these)$/.test(qs[i + 2]!)) return i + 2;
  return -1;
}

/**
 * The noun of "the name of the X" (question.ts `whichHead`), read no further than a name that follows it
 * (a word the material writes as a name, or one WordNet lacks): "the masseur sarah gross went to" asks of the masseur.
 */
function nameHead(qs: readonly string[], at: number, slots: Slot[], wordnet: WordNet): number {
  const h = whichHead(qs, at);
  for (let j = at + 2; j <= h; j++) {
    const slot = slotOf(slots, qs[j]!);
    if (slot?.named || slot?.nameLike || wordnet.lemmas(qs[j]!).length === 0) return j - 1;
  }
  return h;
}

/**
 * Whether word `i` is in a run of capitalised words led by "the" ("the Planned Parenthood Association", "the National
 * Association of Broadcasters"): a body spoken of as known, not the name of one just left unnamed ("a hospital").
 */
function afterThe(ws: Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (/^\p{Lu}/u.test(ws[k]!.raw) || /^(?:of|and|&)$/.test(ws[k]!.raw)) && !endsClause(ws[k]!.raw)) k--;
  return k >= 0 && /^the$/i.test(ws[k]!.raw);
}

/** Nouns that count people in general, whatever they are: "how many people", "how many guys". */
const GENERIC_PEOPLE = /^(?:people|persons|individuals|folks?|guys|humans|men|women)$/;
/** Nouns of a gathering of people, whose size is written "a crowd of 1,400". */
const GATHERING = /^(?:crowds?|throngs?|audiences?|attendance|turnout|gatherings?|congregations?|multitudes?)$/i;

/** Verbs whose subject a count of people alone can be: "More than 200 are expected", "about 300 attended". */
const BARE_COUNT_VERB =
  /^(?:are|were|will|have|had|attended|came|gathered|turned|showed|jammed|packed|filled|crowded|watched|registered)$/i;

/** "How many X …": the counted noun X, the last word before an auxiliary, or the first word when none follows soon. */
function countCheck(q: string, slots: Slot[], { vectors, wordnet }: ScopeLexicon): ScopeCheck | null {
  // "How many of the 20 treaties …" counts treaties.
  const m = /\bhow many (?:of (?:the|those|these|its|their|his|her|our) )?((?:[\p{L}\p{N}'-]+ ?){1,4})/u.exec(q);
  if (!m) return null;
  // A number the question gives before the noun is no part of it ("how many of the 20 treaties").
  const run = m[1]!
    .trim()
    .split(' ')
    .filter((w, k, all) => !(/^\d[\d,.]*$/.test(w) && k < all.length - 1));
  const aux = run.findIndex((w) =>
    /^(?:is|are|was|were|did|do|does|has|have|had|will|would|can|could|should|may|might)$/.test(w),
  );
  // "how many extra points has …": any word up to the auxiliary; with none soon, the first ("how many ppl work …"),
  // or the first noun after the adjectives that lead ("how many deaf kids go …" counts kids).
  const plural = aux > 0 ? -1 : namedPlural(run, slots, wordnet);
  const nouns =
    aux > 0
      ? run.slice(0, aux)
      : plural > 0
        ? run.slice(0, plural + 1)
        : run.slice(0, leadingAdjectives(run, wordnet) + 1);
  const noun = nouns[nouns.length - 1]!;
  // The noun's own terms and the stand-ins that count as evidence; the others are read as stand-ins below (ranking's
  // soft matches for "people" include "five").
  const terms = new Set(
    nouns.flatMap((w) => {
      const slot = slotOf(slots, w);
      return slot ? [...strong(slot)] : [];
    }),
  );
  // A kind of the thing counts it: "five or more rigs" for "how many trucks" (a rig is a trailer truck).
  for (const kind of wordnet?.thingKinds(noun) ?? []) {
    const t = termOf(kind);
    if (t) terms.add(t);
  }
  // Word vectors tell a stand-in for the noun ("children" for "kids", "persons" for "people").
  const own = [...terms, ...nouns.map((w) => WORD_KEY + w)].filter((t) => vectors?.vector(t));
  // A stand-in is a noun in WordNet and no number ("five" and "including" are close to "people", and count nothing
  // of them); one of another kind than the counted noun ("present" for "people") must be closer.
  const kinds = wordnet ? nounKinds(wordnet, noun) : new Set<number>();
  const close = closeTo(
    own,
    vectors,
    SOFT.minCosine,
    wordnet && kinds.size > 0
      ? (word) => {
          if (COUNT_WORD.test(word)) return Infinity;
          const its = nounKinds(wordnet, word);
          if (its.size === 0) return Infinity;
          return [...its].some((c) => kinds.has(c)) ? SOFT.minCosine : SCOPE.otherKindCosine;
        }
      : undefined,
  );
  // The counted noun written as a noun: "fanned" shares the stem of "fans" and counts none (WordNet has no noun
  // "fanned"; "building" and "housing" are nouns).
  const asNoun = (w: Word) => {
    if (!has(w, terms) || !wordnet) return has(w, terms);
    const word = fold(w.raw).replace(/[^\p{L}]/gu, '');
    return !looksInflected(word) || nouns.some((n) => n === word) || wordnet.nounClasses(word, 1).length > 0;
  };
  // A number the question writes is what it counts within, not the answer: "how many of the 20 treaties …".
  const given = new Set((q.match(/\b\d[\d,.]*\b/g) ?? []).map((n) => n.replace(/,/g, '')));
  // A number right before another plural noun counts that ("the two sides signed more than 20 documents" gives no
  // count of documents but 20): a lower-case plural WordNet knows as a noun, no stand-in for the counted noun.
  // A count of people in general ("how many people", "how many guys") is written by what they are: "11 candidates",
  // "three male dancers", "a crowd of 1,400"; so is a count of a kind of person ("how many kids": "182 scholastics",
  // WordNet's noun.person).
  const people = wordnet !== null && (GENERIC_PEOPLE.test(noun) || wordnet.nounClasses(noun, 1)[0] === NOUN_PERSON);
  // The question's other words (not the counted noun), each slot's strong terms, and all of them together.
  const others = slots.filter((s) => !nouns.includes(s.token)).map(strong);
  const asked = new Set(others.flatMap((terms) => [...terms]));
  const personNoun = (w: Word | undefined) => {
    if (!people || !w || !/^\p{Ll}[\p{Ll}-]*[,;:.]?$/u.test(w.raw)) return false;
    return wordnet.nounClasses(w.raw.replace(/[^\p{L}-]/gu, ''), 1)[0] === NOUN_PERSON;
  };
  const peopleCount = (ws: Word[], i: number) => {
    if (!people) return false;
    // "11 candidates", "three male dancers": a person's noun right after the count, or after one adjective.
    if (personNoun(ws[i + 1]) && !/[,;:.]$/.test(ws[i]!.raw)) return true;
    const between = ws[i + 1]?.raw ?? '';
    const adjective = /^\p{Ll}+$/u.test(between) && wordnet.lemmas(between).some((l) => l.pos === 'adj');
    if (adjective && personNoun(ws[i + 2])) return true;
    // "A crowd of 1,400", "an attendance of 32,589".
    return /^of$/i.test(ws[i - 1]?.raw ?? '') && GATHERING.test(ws[i - 2]?.raw ?? '');
  };
  // "More than 200 are expected", "about 300 attended": a count standing alone for the people, its verb right after it.
  const bareCount = (ws: Word[], i: number) =>
    people && !/[,;:.]$/.test(ws[i]!.raw) && BARE_COUNT_VERB.test(ws[i + 1]?.raw ?? '');
  // The noun a count counts is the first after it, past the adjectives between ("two previous grand juries").
  const countsOther = (ws: Word[], i: number) => {
    // "A 13-year hiatus" counts years, which the number's own unit says.
    if (!wordnet || /[,;:.]$/.test(ws[i]!.raw) || /\d-\p{L}/u.test(ws[i]!.raw)) return false;
    for (let k = i + 1; k <= i + 1 + SCOPE.countAdjectives && k < ws.length; k++) {
      const next = ws[k]!;
      // The noun may end the phrase ("grand juries, the …").
      const word = next.raw.replace(/[,;:.]$/, '');
      // A stop word is no noun: "a crowd of 1,400 is expected" ("is" is WordNet's plural of the letter "i").
      if (STOP_WORDS.has(word)) return false;
      if (/^\p{Ll}+s$/u.test(word)) {
        if (asNoun(next) || close(next) || personNoun(next)) return false;
        if (wordnet.nounClasses(word, 1).length > 0 && wordnet.primaryPos(word) === 'noun') return true;
      }
      // An adjective ("previous", "grand") before the noun, not one that ends the phrase.
      if (word !== next.raw || !/^\p{Ll}+$/u.test(word) || asNoun(next) || close(next)) return false;
      if (wordnet.primaryPos(word) !== 'adj') return false;
    }
    return false;
  };
  const newCount = (ws: Word[], i: number) =>
    isCount(ws, i, terms) &&
    !countsOther(ws, i) &&
    !given.has(
      ws[i]!.raw.replace(/^[^\d]+|[^\d]+$/g, '')
        .replace(/,/g, '')
        .split('-')[0]!,
    );
  return {
    what: `a count of ${noun}`,
    holds: ({ text }) => {
      const sentences = sentencesOf(text).map((sentence) => {
        const ws = words(sentence);
        return { ws, counted: ws.some((_, i) => newCount(ws, i)) };
      });
      if (!sentences.some((s) => s.counted)) return false;
      // People counted by what they are, in a sentence that holds another word of the question ("the Oak Lodge Water
      // district board … attracted 11 candidates"; "8,000 undergraduates live on campus" tells no museum's staff).
      if (
        people &&
        sentences.some(
          (s) => s.ws.some((w) => has(w, asked)) && s.ws.some((_, i) => newCount(s.ws, i) && peopleCount(s.ws, i)),
        )
      )
        return true;
      // A count of people standing alone names none of them: its sentence holds another word of the question, and the
      // window more of them ("Fall foliage … will decorate Los Angeles Country Club for the annual formal party …. More
      // than 200 are expected at the autumn event" for "how many guests are expected at the country club party").
      if (
        sentences.some(
          (s) => s.ws.some((w) => has(w, asked)) && s.ws.some((_, i) => newCount(s.ws, i) && bareCount(s.ws, i)),
        ) &&
        others.filter((terms) => sentences.some((s) => s.ws.some((w) => has(w, terms)))).length >= SCOPE.bareCountWords
      )
        return true;
      // The counted noun in the window: a count in its sentence ("Tractor production … rose to 2,418 units").
      if (sentences.some((s) => s.ws.some(asNoun))) return sentences.some((s) => s.counted && s.ws.some(asNoun));
      // A stand-in for it, by word vectors: a count in its sentence.
      if (own.length > 0) return sentences.some((s) => s.counted && s.ws.some(close));
      // A noun the vectors do not know ("ppl"): any count in the window.
      return true;
    },
  };
}

/**
 * How many words lead a question's run of words as adjectives before a noun ("deaf" in "deaf kids go to …"): WordNet
 * lists each as an adjective (among its other parts of speech) and the word after them as a noun.
 */
function leadingAdjectives(run: string[], wordnet: WordNet | null): number {
  if (!wordnet) return 0;
  let k = 0;
  const adjective = (w: string) => !STOP_WORDS.has(w) && wordnet.lemmas(w).some((l) => l.pos === 'adj');
  while (k < run.length - 1 && k < SCOPE.countAdjectives && adjective(run[k]!)) k++;
  const noun = run[k]!;
  return k > 0 && !STOP_WORDS.has(noun) && wordnet.lemmas(noun).some((l) => l.pos === 'noun') ? k : 0;
}

/**
 * Where the counted noun is in a question's run of words led by a name (capitalised as typed): "how many Interama
 * authority members backed …" counts members of it, not Interamas. The first lower-case plural noun after the name,
 * past nouns and adjectives ("authority"), within `SCOPE.countAdjectives` words; -1 when none is.
 */
function namedPlural(run: string[], slots: Slot[], wordnet: WordNet | null): number {
  if (!wordnet) return -1;
  let k = 0;
  while (k < run.length && slotOf(slots, run[k]!)?.named) k++;
  if (k === 0) return -1;
  for (let j = k; j < run.length && j <= k + SCOPE.countAdjectives; j++) {
    const w = run[j]!;
    if (STOP_WORDS.has(w) || !/^\p{Ll}+$/u.test(w)) return -1;
    if (/s$/.test(w) && wordnet.nounClasses(w, 1).length > 0) return j;
    if (!wordnet.lemmas(w).some((l) => l.pos === 'noun' || l.pos === 'adj')) return -1;
  }
  return -1;
}

/** "How much X" (money is a kind check): a number. */
function muchCheck(): ScopeCheck {
  return {
    what: 'an amount',
    holds: ({ text }) => {
      const ws = words(text);
      return ws.some((w, i) => isCount(ws, i) || SHARE.test(w.raw.replace(/[^\p{L}]/gu, '')));
    },
  };
}

/**
 * The capitalised words after "of (the)" right after word `i` of a sentence, up to a comma: "Secretary of the
 * Interior" gives "Interior"; "Secretary of State Dean Rusk" gives "State Dean Rusk".
 */
function ofRun(ws: Word[], i: number): Word[] {
  if (!/^of$/i.test(ws[i + 1]?.raw ?? '')) return [];
  let j = i + 2;
  if (/^the$/i.test(ws[j]?.raw ?? '')) j++;
  const out: Word[] = [];
  for (; j < ws.length && /^["“']?\p{Lu}/u.test(ws[j]!.raw); j++) {
    out.push(ws[j]!);
    if (/[,;:.]$/.test(ws[j]!.raw)) break;
  }
  return out;
}

/**
 * Whether the role at word `i` (its modifiers before it) stands in apposition right after a name, closed by a comma or
 * its "of": "Dr. Melvin W. Barnes, superintendent, said", "James Gray, state chairman of the party".
 */
function apposed(ws: Word[], i: number, modTerms: Set<string>): boolean {
  let k = i - 1;
  while (k >= 0 && has(ws[k]!, modTerms) && !/,$/.test(ws[k]!.raw)) k--;
  const name = ws[k]?.raw ?? '';
  if (!/^\p{Lu}[\p{L}.'’-]*,$/u.test(name) || k < 1 || !/^\p{Lu}/u.test(ws[k - 1]!.raw)) return false;
  return /,$/.test(ws[i]!.raw) || /^of$/i.test(ws[i + 1]?.raw ?? '');
}

/** Roles that name no title but whoever leads: "who is the head of X". */
const GENERIC_HEADS = new Set(['head', 'leader', 'boss', 'chief']);
/** The titles of leading something, as terms. */
const HEAD_TITLES = [
  'president',
  'chairman',
  'chairwoman',
  'chair',
  'director',
  'chief',
  'head',
  'leader',
  'commissioner',
  'dean',
  'principal',
  'governor',
  'mayor',
  'superintendent',
  'manager',
  'premier',
  'chancellor',
  'rector',
].map((w) => termOf(w) ?? w);

/**
 * "Who is the president of Y": the role word in a sentence of the window with a person's name the question does not
 * give a few words from it; its modifiers ("prime", "US") in the passage; every name of Y in the passage. The one role
 * check: a story that names Y but no president does not answer.
 */
function roleChecks(
  asked: AskedRole,
  slots: Slot[],
  qTokens: Set<string>,
  { vectors, wordnet }: ScopeLexicon,
  person: PersonReading,
): ScopeCheck[] {
  const role = slotOf(slots, asked.role);
  if (!role) return [];
  // "What's the name of the R": a holder's name only when R names a person (not "the name of the treaty").
  if (asked.byName && wordnet?.nounClasses(wordnet.nounBase(asked.role) ?? asked.role, 1)[0] !== NOUN_PERSON) return [];
  // The role's word and the stand-ins that count as evidence (a loose WordNet synonym is often another role).
  const roleTerms = strong(role);
  // A word WordNet only relates to the role ("diplomat", broader than "ambassador") holds no such role.
  for (const t of role.related ?? []) roleTerms.delete(t);
  // A holder of a kind of the role holds it: a "minister" is a kind of "diplomat" in WordNet, an "envoy" too.
  if (wordnet)
    for (const kind of wordnet.personKinds(asked.role)) for (const t of tokenize(kind)) roleTerms.add(termOf(t) ?? t);
  // "The head of X" is whoever leads it, by any title of leading: "Dr. Elmer Ellis, president of the University".
  if (GENERIC_HEADS.has(asked.role)) for (const t of HEAD_TITLES) roleTerms.add(t);
  const own = role.alternatives[0]!;
  // A holder is read as a person's name (`personNameCount`) beside a plural of the role (`group`).
  const lookup = person.lookup();
  // A stand-in by word vectors names a person in WordNet: "counsel" for "lawyer", never "trial", "team" or "former".
  const standIn = closeTo(
    [own, WORD_KEY + asked.role],
    vectors,
    SCOPE.roleCosine,
    wordnet
      ? (word) => (wordnet.nounClasses(word, SCOPE.standInSenses).includes(NOUN_PERSON) ? 0 : Infinity)
      : undefined,
  );
  const mods = asked.mods.map((w) => slotOf(slots, w)).filter((s): s is Slot => s !== null);
  // Whose role it is: the names among the owner's words ("Notre Dame" of "the Notre Dame football team").
  const owners = asked.ofWords
    .map((w) => slotOf(slots, w))
    .filter((s): s is Slot => s !== null && (s.named || s.nameLike === true));
  const ownerTerms = owners.length > 0 ? new Set(owners.flatMap((s) => [...usable(s)])) : null;
  // The owner's other words tell one owner from another: "the hockey team" is not the football team. A story may leave
  // such a word out (a sports story rarely says "football"); a rival word of its kind in its place, close by word
  // vectors and no WordNet synonym, says the passage speaks of another owner. The head noun ("team") is left out.
  const ownerWords = asked.ofWords
    .slice(0, -1)
    .map((w) => slotOf(slots, w))
    .filter((s): s is Slot => s !== null && !s.named)
    .map((s) => {
      const soft = s.softFrom ?? s.alternatives.length;
      const terms = s.alternatives.filter((_, k) => k < soft && s.evidence[k]! > 0);
      const synonyms = new Set(termsOfWords(wordnet?.synonyms(s.token) ?? []));
      const own = s.alternatives[0]!;
      const rival = (t: string) =>
        !terms.includes(t) && !synonyms.has(t) && !/\d/.test(t) && (vectors?.cosine(own, t) ?? 0) >= SCOPE.rivalCosine;
      return { terms, rival };
    });
  const modTerms = new Set(mods.flatMap((s) => [...strong(s)]));
  /** A lower-case word naming another kind of person in WordNet ("counsel", "judge"), not the role or its modifiers. */
  const otherPerson = (w: Word) => {
    if (!wordnet || !/^\p{Ll}+$/u.test(w.raw) || has(w, roleTerms) || has(w, modTerms) || standIn(w)) return false;
    return wordnet.primaryPos(w.raw) === 'noun' && wordnet.nounClasses(w.raw, 1)[0] === NOUN_PERSON;
  };
  // An agent noun's role is written as one: "controller" (stem "control") is not "the control the party exercised".
  const agent = /(?:er|or|ist)$/.test(asked.role);
  const holdsRole = (w: Word) =>
    has(w, roleTerms) && !(agent && w.terms.includes(own) && !/(?:er|or|ist)s?$/i.test(w.raw.replace(/\P{L}+$/u, '')));
  // What the owner is, as a story calls it once it has named it: its kind of place as WordNet files its name ("new
  // jersey": a state; "chicago": a city), or the head noun of the question's owner ("the oregon welfare agency": the
  // agency).
  const ownerKinds = new Set<string>();
  if (wordnet && owners.length > 0)
    for (const name of [asked.ofWords.join('_'), ...owners.map((s) => s.token)])
      for (const kind of wordnet.placeKinds(name)) ownerKinds.add(kind);
  const head = asked.ofWords.length > 1 ? slotOf(slots, asked.ofWords[asked.ofWords.length - 1]!) : null;
  if (head && !head.named && head.nameLike !== true && owners.length > 0) ownerKinds.add(head.token);
  const byKind =
    ownerKinds.size > 0
      ? new RegExp(
          `\\bthe (?:${[...ownerKinds].map((k) => k.replace(/[^\p{L}]/gu, '\\$&')).join('|')})\\b(?![-\\w])`,
          'i',
        )
      : null;
  /** A capitalised word WordNet knows as a place that is no word of the owner's ("Chicago" where London is asked). */
  const otherPlace = (w: Word) =>
    wordnet !== null &&
    /^\p{Lu}/u.test(w.raw) &&
    !(ownerTerms && has(w, ownerTerms)) &&
    wordnet.placeName(fold(w.raw).replace(/[^\p{L}]/gu, ''));
  return [
    {
      what: `${asked.of ? `${asked.of}'s ` : ''}${[...asked.mods, asked.role].join(' ')} by name`,
      holds: ({ text, passageTerms, headingTerms, lede, leadUp, story }) => {
        const windowTerms = new Set(words(text).flatMap((w) => w.terms));
        const spoken = (t: string) => passageTerms.has(t) || windowTerms.has(t);
        // Whose role it is, every name of it, in the passage; or at the story's top, for a role written as a title
        // before a name ("Mayor Robert F. Wagner", "Conservation Commissioner Salvatore A. Bontempo"): a news story
        // names its city or state in its first paragraph, and its officials by their titles after.
        const inPassage = owners.every((s) => [...usable(s)].some(spoken));
        let top: Set<string> | undefined;
        // Each name in the passage or at the top: "Missouri" in the lede, "the Business School" in the passage; or in
        // the paragraphs from its story's top ("The Portland school board was asked Monday …" four paragraphs before
        // "Dr. Melvin W. Barnes, superintendent, said"), where a story that is one of several in an article opens.
        const atTop = () => {
          top ??= new Set([...(lede ? lede() : []), ...(leadUp ? leadUp() : [])]);
          return owners.every((s) => [...usable(s)].some((t) => top!.has(t) || headingTerms.has(t) || spoken(t)));
        };
        // The window calls the owner by its kind ("forest fires in the state", "the agency now would be handicapped")
        // and its story names it ("New Jersey", "Oregon" a few paragraphs away): that is the owner the story speaks of.
        let named: boolean | undefined;
        const namedByKind = () => {
          if (named !== undefined) return named;
          if (!byKind?.test(text) || !story) return (named = false);
          const storyTerms = new Set(words(story()).flatMap((w) => w.terms));
          return (named = owners.every((s) => [...usable(s)].some((t) => storyTerms.has(t))));
        };
        const inStory = () => atTop() || namedByKind();
        if (!inPassage && !inStory()) return false;
        // Modifiers tell roles apart ("prime" minister, "basketball" coach): the passage speaks of that kind of role.
        if (!mods.every((s) => [...strong(s)].some(spoken))) return false;
        // A rival in the owner word's place is another owner: "football" where "hockey" is asked.
        if (ownerWords.some((o) => !o.terms.some(spoken) && [...passageTerms, ...windowTerms].some(o.rival)))
          return false;
        // The owner named by the headings is the whole article's ("University of Notre Dame" over "its president").
        const headed = ownerTerms !== null && [...ownerTerms].some((t) => headingTerms.has(t));
        let previous: Word[] = [];
        for (const sentence of sentencesOf(text)) {
          const ws = words(sentence);
          const before = previous;
          previous = ws;
          // Whose role a sentence speaks of is in that sentence, or in the one before that leads to it ("… the
          // hallmarks of Beethoven. Igor Oistrakh will be the next soloist"): "President Kennedy" beside a Lockheed
          // share price in the next sentence is not Lockheed's president.
          const ownerIn = !ownerTerms || headed || ws.some((w) => has(w, ownerTerms));
          const ownerBefore = ownerTerms !== null && before.some((w) => has(w, ownerTerms));
          // A paragraph that names the owner names it in the role's sentence ("President Adams spoke …. Shares in
          // Granite Steel rose" names no president of Granite Steel). One that does not may leave it to the story's
          // top, but a sentence naming another place speaks of that place's ("Mayor Richard Daley of Chicago").
          const ownerAway = !ownerIn && (inPassage || !inStory() || ws.some(otherPlace));
          if (ownerAway && !ownerBefore) continue;
          for (let i = 0; i < ws.length; i++) {
            if (!holdsRole(ws[i]!) && !standIn(ws[i]!)) continue;
            // The owner in the sentence before stands for the role's own word only, never a stand-in by word vectors
            // ("a contractor hired non-union workers" after "Eddy Street Commons" names no developer of it).
            const ownerHere = ownerIn || (ownerBefore && holdsRole(ws[i]!));
            if (!ownerHere && ownerAway) continue;
            // Away from its owner, only a title before its holder's name ("Mayor Robert F. Wagner said") or one in
            // apposition after it ("Dr. Melvin W. Barnes, superintendent, said").
            if (
              !ownerHere &&
              !(/^\p{Lu}/u.test(ws[i]!.raw) && /^\p{Lu}\p{Ll}/u.test(ws[i + 1]?.raw ?? '')) &&
              !apposed(ws, i, modTerms)
            )
              continue;
            // "Who is the coach" is not answered by a "former coach" ("who was" is).
            if (!asked.past && ws.slice(Math.max(0, i - 2), i).some((w) => FORMER.test(w.raw))) continue;
            // Capitalised words just before the role say whose role it is ("US President", "Notre Dame's Vice
            // President"), not who holds it: another owner than the question's is another role.
            let start = i;
            // A sentence's first word is capitalised whatever it is ("Council chairman Kenji Mori"): never taken for an owner.
            while (start > 1 && ownerWord(ws[start - 1]!.raw)) start--;
            // So do capitalised words after "of (the)" ("Secretary of the Interior"): when the question says whose
            // role or which kind, a role of another ("the commerce secretary") is another role.
            // After an office's noun the name is its holder's: "under the general editorship of Louis Kronenberger".
            const office = /(?:ship|ncy)\W*$/i.test(ws[i]!.raw);
            const whose = office ? null : asked.of !== null ? ownerTerms : modTerms.size > 0 ? modTerms : null;
            if (whose) {
              const of = ofRun(ws, i);
              if (of.length > 0 && !of.some((w) => has(w, whose))) continue;
            }
            if (ownerTerms && start < i && !ws.slice(start, i).some((w) => has(w, ownerTerms))) {
              // Only the role's own modifiers before it ("Defense Minister"): the owner may head the name they stand
              // in apposition to ("the Tunisian Government, Defense Minister Bahi Ladgham"), or be the story's, for
              // a title away from its owner ("Conservation Commissioner Salvatore A. Bontempo").
              if (!ws.slice(start, i).every((w) => has(w, modTerms))) continue;
              // Or the owner follows the role, after "of": "John Cross, Jr., Bench Show Chmn. of Westminster".
              let owned = !ownerHere || ofRun(ws, i).some((w) => has(w, ownerTerms));
              for (let k = start - 1; k >= 1 && /^\p{Lu}/u.test(ws[k]!.raw) && !/[.;:!?]$/.test(ws[k]!.raw); k--)
                if (has(ws[k]!, ownerTerms)) owned = true;
              if (!owned) continue;
            }
            // A name beyond another person's noun is that one's ("Ruth Calder, defense counsel, asked the judge"):
            // the names read stop at the nearest on each side.
            let from = Math.max(0, i - SCOPE.nameNear);
            for (let k = start - 1; k >= from; k--) if (otherPerson(ws[k]!)) from = k + 1;
            let to = Math.min(ws.length, i + SCOPE.nameNear + 1);
            for (let k = i + 1; k < to; k++) if (otherPerson(ws[k]!)) to = k;
            // Names after "in", "at", "to", "from" are places ("embassies in Thailand and Oman"), not who holds it.
            let place = false;
            const near = ws.slice(from, to).map((w, j) => {
              const capital = /^\p{Lu}/u.test(w.raw);
              const out =
                (from + j >= start && from + j <= i) || (place && capital) || (from + j === 0 && start === 1)
                  ? 'x'
                  : w.raw;
              // The owner and the role end a place's name: "the No. 2 man in the Tunisian Government, Defense Minister
              // Bahi Ladgham" names the minister after the role, not a place.
              if (from + j >= start && from + j <= i) place = false;
              else if (/^(?:in|at|to|from|near)$/i.test(w.raw)) place = true;
              else if (!capital && !/^(?:and|or|the|of)$/i.test(w.raw)) place = false;
              return out;
            });
            // A leading word stands for the rest of the sentence, so a name at the slice's start still counts.
            const beside = `and ${near.join(' ')}`;
            // The role in the plural where one holder is asked ("the summit of leaders of Y, Z and W") names a group:
            // the names beside it say whose leaders they are, unless one reads as a person's.
            const group =
              /s$/i.test(ws[i]!.raw.replace(/\P{L}+$/u, '')) &&
              !asked.role.endsWith('s') &&
              fold(ws[i]!.raw.replace(/\P{L}+$/u, '')) !== asked.role;
            if (group ? personNameCount(lookup, beside, null, true) > 0 : typeEvidence('person', beside, qTokens) > 0)
              return true;
          }
        }
        return false;
      },
    },
  ];
}

/**
 * "When will X …" asks when something yet to come will be: the window speaks of the future (will, expected, planned…).
 * What happened ("X was told in court yesterday") does not say it. The verb is not required: the future is often
 * written in other words ("are planned to open").
 */
function whenWillCheck(q: string, qTokens: Set<string>): ScopeCheck | null {
  // "When is the treaty (actually) getting signed": the progressive of "get" asks after what is still to come; so do
  // "when's X coming out", "when is X due", "when are they set to meet".
  if (
    !/^\W*when (?:will|shall|is .* going to|are .* going to|(?:is|are) .*\bgetting)\b/.test(q) &&
    !/^\W*when(?:'s| is| are) .*\b(?:coming|due|expected|scheduled|slated|set to|planned)\b/.test(q)
  )
    return null;
  return {
    what: 'when it will be',
    holds: ({ text }) => sentencesOf(text).some((s) => FUTURE.test(s) && datesTime(s, qTokens)),
  };
}

/**
 * Whether a sentence dates what it tells: a date the question does not give, or a weekday, season, "tomorrow". "Will
 * be published at a future date" says it is to come and gives no date; the dated sentence beside it tells of another
 * time ("revised in 1881-85").
 */
function datesTime(sentence: string, qTokens: Set<string>): boolean {
  return typeEvidence('date', sentence, qTokens) > 0 || UNNUMBERED_DATE.test(sentence);
}

/** "Who will …", "the next R": the question's verb or role in the window, with words of the future. */
function futureCheck(q: string, asked: AskedRole | null, slots: Slot[], qTokens: Set<string>): ScopeCheck | null {
  const who = /^\W*who\b/.test(q);
  // "Who", "when" and "where will …" ask after an event to come, so does "the next X" (the one to come of something
  // that recurs); "how many … will …" is often answered in the present ("the sale shows 100 artists").
  if (!(/^\W*(?:who|when|where)\b/.test(q) ? /\bwill\b|\bnext\b/ : /\bthe next\b/).test(q)) return null;
  const verb = questionVerb(q);
  // Words of the future in the question ("next") are what the sentence must add, not what it must share.
  const own = slots.filter((s) => s.token !== 'next' && !FUTURE.test(s.token));
  const plain = own.filter((s) => !s.named);
  // "Who will …": the question's verb or role beside words of the future; "when", "where will …", "the next X": one of
  // the question's own words ("reopen", "embassy"), or of its names when it has nothing else ("the next D-8 Week").
  const keys = who
    ? [verb && verb !== 'be' ? verb : null, asked?.role ?? null]
        .filter((w): w is string => w !== null)
        .map((w) => slotOf(slots, w))
        .filter((s): s is Slot => s !== null)
    : plain.length > 0
      ? plain
      : own;
  if (keys.length === 0) return null;
  const when = /^\W*when\b/.test(q);
  return {
    what: who ? 'who it will be' : when ? 'when it will be' : 'what is to come',
    // In one sentence: "would hire … next year" beside "the embassy reopened in March" says nothing of the embassy.
    holds: ({ text }) =>
      sentencesOf(text).some((sentence) => {
        // "When will …": the sentence of the future dates it.
        if (!FUTURE.test(sentence) || (when && !datesTime(sentence, qTokens))) return false;
        const terms = new Set(words(sentence).flatMap((w) => w.terms));
        return keys.some((s) => [...usable(s)].some((t) => terms.has(t)));
      }),
  };
}

/**
 * "An embassy in Baku" asked, "embassies in Thailand and Oman" written, with Oman the question's other name: the
 * window places the thing in another of the question's names, never in the one asked.
 */
function directionChecks(question: string, slots: Slot[]): ScopeCheck[] {
  const named = slots.filter((s) => s.named);
  if (named.length < 2) return [];
  const out: ScopeCheck[] = [];
  // Members rarely capitalise: the place is a name by its slot ("baku" as much as "Baku").
  for (const m of question.matchAll(/\b([\p{L}-]+) (in|to) ([\p{L}-]+)/gu)) {
    const noun = slotOf(slots, m[1]!);
    const place = slotOf(slots, m[3]!);
    if (!noun || noun.named || !place?.named) continue;
    const nounTerms = usable(noun);
    const placeTerms = usable(place);
    const others = named.filter((s) => s !== place).flatMap((s) => [...usable(s)]);
    const prep = m[2]!;
    out.push({
      what: `${m[1]} ${prep} ${m[3]}`,
      holds: ({ text }) => {
        const ws = words(text);
        let other = false;
        for (let i = 0; i < ws.length; i++) {
          if (!has(ws[i]!, nounTerms)) continue;
          const p = ws.slice(i + 1, i + 1 + SCOPE.relationGap).findIndex((w) => w.raw.toLowerCase() === prep);
          if (p < 0) continue;
          const after = ws.slice(i + 2 + p, i + 2 + p + SCOPE.relationPlaces);
          if (after.some((w) => has(w, placeTerms))) return true;
          if (after.some((w) => w.terms.some((t) => others.includes(t)))) other = true;
        }
        return !other;
      },
    });
  }
  return out;
}

/** "Who heads / leads / runs / chairs Y": the verb asks who leads, in whatever words a text says it. */
const LEADS_VERB =
  /^\W*(?:who|which (?:person|man|woman|country|countries|company|group))(?:'s|\s+is|\s+was)?(?:\s+(?:currently|now|actually))?\s+(?:heads?|headed|heading|leads?|led|leading|runs?|ran|running|chairs?|chaired|chairing|governs?|governed|directs?|directed|manages?|managed|presides? over|presided over)\s+(.+)$/u;
/**
 * Words that say who leads something: its head, leader, chair, director, president…, and its command ("the regiment was
 * under the command of Major Posey", "commanded by").
 */
const LEADING =
  /^(?:command|commands|commanded|commanding|heads?|headed|heading|leads?|led|leading|leaders?|leadership|runs?|ran|running|chairs?|chaired|chairing|chairm[ae]n|chairwom[ae]n|chairpersons?|chairmanship|presidents?|presidency|directors?|director-general|directed|chiefs?|governors?|governed|managers?|managed|secretary-general|ministers?|premiers?|mayors?|ceos?|commanders?|captains?|bosses|boss|presided|presides?)$/i;

/** Plural nouns of leading ("leaders", "chairmen"): a group of holders, who lead only beside a name of one. */
const LEADERS =
  /^(?:leaders|presidents|chairmen|chairwomen|chairpersons|directors|chiefs|governors|managers|ministers|premiers|mayors|ceos|commanders|captains|bosses)$/i;

/**
 * "Who heads the Peruvian government", "who runs the OECD": a word of leading a few words from a word of what the
 * question names after the verb (Y, which names something) in a sentence of the candidate's article ("the board of
 * commissioners, headed by"). An article that only mentions Y ("within the framework of the OECD") says nothing of who
 * leads it.
 */
function leaderCheck(q: string, slots: Slot[], { wordnet }: ScopeLexicon, person: PersonReading): ScopeCheck | null {
  const m = LEADS_VERB.exec(q);
  if (!m) return null;
  const owners = m[1]!
    .split(/\s+/)
    .map((w) => slotOf(slots, w.replace(/['’]s$/, '')))
    .filter((s): s is Slot => s !== null);
  // Only for a Y that names something ("the OECD", "the peruvian government", "the DeKalb county commissioners").
  if (!owners.some((s) => (wordnet ? namesSomething(s, wordnet) : s.named))) return null;
  // The owner's own word and its derived forms, aliases and corrections: a word-vector neighbour is another name.
  const terms = new Set(
    owners.flatMap((s) => s.alternatives.filter((_, k) => k < (s.softFrom ?? s.alternatives.length))),
  );
  const joint = new Map(owners.flatMap((s) => [...(s.joint ?? [])]));
  const asked = new Set(tokenize(q).flatMap((t) => termOf(t) ?? []));
  // A word of leading written as a title ("Heads of State", "President Kennedy") says who leads only beside a person's
  // name the question lacks (evidence.ts `personNameCount`, read as a doer's): "the Nordic Heads of Government Meeting
  // held in Y" names an office, and no one who heads Y's side. A plural noun of leading ("the summit of leaders of Y")
  // names a group, likewise. A word of leading in lower case ("led by Britain and Norway") tells who leads, a person
  // or not.
  const lookup = person.lookup();
  return {
    what: `who leads ${owners.map((s) => s.token).join(' ')}`,
    // Who leads Y is said once in an article, often paragraphs from the sentence that answers the rest: the whole
    // article is read, so the check picks articles, never one sentence of an article over another.
    holds: ({ text, story }) =>
      sentencesOf(story ? story() : text).some((sentence) => {
        const ws = words(sentence);
        const all = new Set(ws.flatMap((w) => w.terms));
        // A word of a long alias stands for the owner only with the rest of it ("Cooperation" of another organisation).
        const owner = (o: Word) => o.terms.some((t) => terms.has(t) && (joint.get(t) ?? [t]).every((x) => all.has(x)));
        let named: boolean | undefined;
        return ws.some((w, i) => {
          const bare = w.raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
          if (!LEADING.test(bare)) return false;
          const office = (i > 0 && /^\p{Lu}/u.test(bare)) || LEADERS.test(bare);
          if (office && !(named ??= personNameCount(lookup, sentence, null, true) > 0)) return false;
          // The question's own verb ("who directed X": "X by John Osborne and Anthony Creighton, directed by Wallace
          // Gray") ties the owner anywhere in its sentence; another word of leading, only a few words from it.
          if (w.terms.some((t) => asked.has(t))) return ws.some(owner);
          return ws.slice(Math.max(0, i - SCOPE.leaderNear), i + SCOPE.leaderNear + 1).some(owner);
        });
      }),
  };
}

/** "What did X say / tell": X is a speaker. */
const SAYS_VERB =
  /^\W*what (?:did|does|do|has|have|had|will|would) (.+?) (?:say|said|tell|told|state|stated|announce|announced|claim|claimed|declare|declared)\b/u;
/** Words that report speech: X said, told, stressed, pointed out, advised, according to X. */
const SPEECH =
  /^(?:say|says|said|saying|tell|tells|told|telling|state|states|stated|stressed|emphasi[sz]ed?|emphasi[sz]es|noted|notes|pointed|announced|announces|declared|declares|added|adds|called|calls|advised|advises|urged|urges|warned|warns|according|remarked|insisted|argued|claimed|claims|explained|explains|replied|asked|wrote|writes|quoted|summari[sz]ing|summari[sz]ed|promised|promises|vowed|vows|pledged|pledges|predicted|predicts|threatened|threatens|identified|identifies|testified|testifies|reported|reports|conceded|admitted|denied|denies|suggested|suggests|proposed|proposes|recalled)$/i;

/**
 * "What did the US president say at the summit": a person the question names (a name, or a noun WordNet files under
 * people) with a word of speech a few words from it in a sentence of the window. A sentence that only places the
 * person there ("in the presence of the US President") quotes nothing of theirs.
 */
function speakerCheck(q: string, slots: Slot[], { wordnet }: ScopeLexicon): ScopeCheck | null {
  const m = SAYS_VERB.exec(q);
  if (!m || !wordnet) return null;
  const speakers = m[1]!
    .split(/\s+/)
    .map((w) => slotOf(slots, w.replace(/['’]s$/, '')))
    .filter((s): s is Slot => s !== null);
  const named = (s: Slot) => namesSomething(s, wordnet);
  const person = (s: Slot) => named(s) || wordnet.nounClasses(s.token, 1)[0] === NOUN_PERSON;
  if (!speakers.some(person)) return null;
  // Whose words: the speaker's names when the question gives any ("the *swedish* prime minister"; another minister's
  // words are not theirs), else the person's noun.
  const by = speakers.some(named) ? speakers.filter(named) : speakers;
  const terms = new Set(by.flatMap((s) => s.alternatives.filter((_, k) => k < (s.softFrom ?? s.alternatives.length))));
  return {
    what: `what ${speakers.map((s) => s.token).join(' ')} said`,
    holds: ({ text }) =>
      sentencesOf(text).some((sentence) => {
        const ws = words(sentence);
        // The sentence's subject speaks through a clause between: "James P. Mitchell, when he was the head of the
        // department, promised to eat his hat".
        const subject = ws.slice(0, SCOPE.subjectWords).findIndex((o) => has(o, terms));
        return ws.some(
          (w, i) =>
            // In lower case: "the United States" states nothing.
            SPEECH.test(w.raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')) &&
            /^[^\p{L}]*\p{Ll}/u.test(w.raw) &&
            ((subject >= 0 &&
              i > subject &&
              i - subject <= SCOPE.subjectSpeechNear &&
              // No other name between: "Ola Berg met Kari Lund, who promised …" is Lund's promise.
              !ws.slice(subject + 1, i).some((o) => /^\p{Lu}/u.test(o.raw) && !has(o, terms))) ||
              ws.slice(Math.max(0, i - SCOPE.speakerNear), i + SCOPE.speakerNear + 1).some((o) => has(o, terms))),
        );
      }),
  };
}

/** A clause that opens a sentence before its subject: "In 2025,", "Throughout the year,", "After the crash in May,". */
const LEAD_IN =
  /^(?:in|on|at|during|throughout|after|before|since|by|following|amid|amidst|regarding|according to|under|within|as|when|while|although|though|despite|earlier|later|last|this)\b[^,]{0,100},\s*/i;
const PRONOUN = /^(?:it|they|he|she)$/i;

/**
 * The name a sentence opens its main clause with (its subject, as far as a name says it): the words of its capitalised
 * run, the head last ("Norway", "President *Lincoln*", "The Norwegian *embassies*" is no name; "Union Oil *Co.*"):
 * 'pronoun' for "it", "they"; null when it opens with anything else (a common noun, a number).
 */
function subjectName(sentence: string): Word[] | 'pronoun' | null {
  let rest = sentence.trim();
  for (let k = 0; k < 2 && LEAD_IN.test(rest); k++) rest = rest.replace(LEAD_IN, '');
  const ws = words(rest).filter((w, i) => i > 0 || !/^(?:the|a|an)$/i.test(w.raw));
  const first = ws[0];
  if (!first) return null;
  if (PRONOUN.test(first.raw.replace(/[^\p{L}]/gu, ''))) return 'pronoun';
  const run: Word[] = [];
  for (const w of ws) {
    if (!/^\p{Lu}/u.test(w.raw)) break;
    run.push(w);
    if (/[,;:]$|['’]s$/.test(w.raw)) break;
  }
  return run.length > 0 ? run : null;
}

/** A name's WordNet class (noun.location for a country), by its first noun sense; null when WordNet lacks it. */
function nameClass(wordnet: WordNet, raw: string): number | null {
  const word = fold(raw)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}]/gu, '');
  return wordnet.nounClasses(word, 1)[0] ?? null;
}

/**
 * "How many treaties did Peru sign": the names between the auxiliary and the verb do the counting. A window whose
 * sentences holding a count each open with another name of the same kind (another country: "Chile … it signed
 * 40 treaties", "it" read back to the sentence before) gives another one's count. A subject that is no name, or a
 * name of another kind or one WordNet does not know ("President Lincoln", "the two sides"), leaves it open.
 */
function countSubjectCheck(q: string, slots: Slot[], { wordnet }: ScopeLexicon): ScopeCheck | null {
  if (!wordnet) return null;
  const m =
    /\bhow (?:many|much)\b.*?\b(?:did|does|do|has|have|had|will|would|can|could|is|are|was|were)\s+((?:the\s+)?[\p{L}\p{N}'’.-]+(?:\s+(?:and\s+)?[\p{L}\p{N}'’.-]+){0,3})/u.exec(
      q,
    );
  if (!m) return null;
  const subjects: Slot[] = [];
  for (const w of m[1]!.split(/\s+/)) {
    if (/^(?:the|and)$/.test(w)) continue;
    const slot = slotOf(slots, w.replace(/['’]s$/, ''));
    // A name, also typed in lower case ("china", which WordNet writes capitalised first).
    if (!slot || !namesSomething(slot, wordnet) || /\d/.test(slot.term)) break;
    subjects.push(slot);
  }
  if (subjects.length === 0) return null;
  const terms = new Set(subjects.flatMap((s) => [...strong(s)]));
  const classes = new Set(subjects.map((s) => nameClass(wordnet, s.token)).filter((c): c is number => c !== null));
  if (classes.size === 0) return null;
  return {
    what: `a count of ${subjects.map((s) => s.token).join(' and ')}'s`,
    holds: ({ text }) => {
      const sentences = sentencesOf(text);
      let other = false;
      for (let k = 0; k < sentences.length; k++) {
        const ws = words(sentences[k]!);
        if (!ws.some((_, i) => isCount(ws, i))) continue;
        let subject = subjectName(sentences[k]!);
        if (subject === 'pronoun') subject = k > 0 ? subjectName(sentences[k - 1]!) : null;
        // The run holding the question's name is that name, whatever its head ("Union Oil Co." for "union oil").
        if (subject === null || subject === 'pronoun' || subject.some((w) => has(w, terms))) return true;
        const c = nameClass(wordnet, subject[subject.length - 1]!.raw);
        if (c === null || !classes.has(c)) return true;
        other = true;
      }
      return !other;
    },
  };
}

/** The checks the window fails, by what they ask for. */
export function failedScope(checks: ScopeCheck[], window: ScopeWindow): string[] {
  return checks.filter((c) => !c.holds(window)).map((c) => c.what);
}
