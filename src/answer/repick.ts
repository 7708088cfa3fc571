import { DATE_PATTERN } from '../text/patterns.ts';
import type { AnswerContext } from './context.ts';
import { irregularForms } from '../text/irregular.ts';
import { termOf, termsOfWords } from '../text/terms.ts';
import {
  creditLinkedName,
  doerLinkedName,
  namesPeople,
  opensOnName,
  personNameCount,
  typedEvidence,
  typedSpanCount,
  roleLinkedName,
  verbLinkedName,
  type AskedFor,
  type SlotLookup,
} from './evidence.ts';
import { typeEvidence } from './question.ts';
import type { Candidate } from './rank.ts';
import type { Slot } from './slots.ts';
import { joinableNeighbours } from './span.ts';
import { storyRange } from './story.ts';
import { REPICK } from './tuning.ts';

/**
 * The answering sentence, re-picked within the chosen story. A news story restates the question's names in one
 * sentence and gives the figure, the date or the name in the next one or the next paragraph, in words the question
 * does not use: the restatement wins the ranking on coverage and search score, the answer has neither. So once the
 * ranking has chosen the story, and the decision to answer is taken on that ranking (the abstention model reads its
 * score and margin, which this step leaves alone), a sentence of the same story that holds typed evidence for the
 * question's answer type (evidence.ts: a number before the counted noun for "how many", a date near the question's
 * words for "when", a new name for "who", a place for "where", a name holding X for "which X") goes first when the top
 * sentence, with the neighbour its snippet may join, holds nothing of that kind at all (a number that is no date's day,
 * a date, a new name; for "who", a name that reads as a person's: `personNameCount`, so that "the Fulton County Grand
 * Jury" or "Lake Avenue" in the restatement leaves room for the person's name in the next sentence): what it holds may
 * be the answer, and then the ranking stands, unless (for a date, a name or a place, never a number) another sentence's
 * typed evidence beats the top's by `REPICK.overTop`.
 *
 * Bounded: the top candidate's own passage, the opening sentences of the `REPICK.nextPassages` paragraphs after it,
 * and the other candidates of the same article among the best `REPICK.candidates`; each read once with
 * `typedEvidence`, a few regular expressions over one sentence.
 *
 * Returns the candidate to put first (one of `ranked`, or a new one for a sentence the ranking never scored, carrying
 * the top candidate's score), or null to keep the ranking's order.
 */
export function repick(
  ctx: AnswerContext,
  ranked: readonly Candidate[],
  asked: AskedFor,
  lookup: SlotLookup,
  questionTokens: Set<string>,
  verb?: Slot,
  role?: string | null,
): Candidate | null {
  const best = ranked[0];
  if (!best || !TYPED.has(asked.type)) return null;
  const { index } = ctx;
  const counting = asked.type === 'quantity' && lookup.counted.size > 0;
  /** A sentence's text, with the neighbours that can join it in a snippet when `window`. */
  const textOf = (sentence: number, window: boolean): string => {
    const ref = index.sentences[sentence]!;
    const passage = index.passages[ref.passage]!;
    let from = ref.sentence;
    let to = ref.sentence;
    if (window)
      for (const at of joinableNeighbours(passage, ref.sentence)) {
        from = Math.min(from, at);
        to = Math.max(to, at);
      }
    return passage.text.slice(passage.sentences[from]!.start, passage.sentences[to]!.end);
  };
  // "What is X called", "what's the name of X": the sentence that gives a name as one ("collectively known as the
  // Brown Act", "it was called Byzantium", "under the name Democratic Study Group") says what X is called; the
  // restatement of X's words above or below it gives no name. It goes first when the top, with the neighbour its
  // snippet may join, gives none that way, and it gives a name the question lacks, in the top's own paragraph (read
  // farther, a naming sentence of another part of the story cost a Notre Dame answer).
  if (asked.type === 'other' && asked.head === null) {
    if (!NAMING_ASKED.some((t) => questionTokens.has(t))) return null;
    const named = linkedSentence(
      ctx,
      ranked,
      (s, w) => index.sentences[s]!.passage === best.passage && namesAnew(textOf(s, w), questionTokens),
      0,
    );
    return named === 'top' ? null : named;
  }
  const creditVerb = verb ? verbTermsOf(verb) : null;
  /**
   * Whether a text holds anything of the kind asked for: a number that is no date's day, a date, a name, a place the
   * question lacks (question.ts), near its words or not; for "which X", a name holding X.
   */
  const holds = (text: string): boolean => {
    if (asked.type === 'other') return typedSpanCount(asked, lookup, text, true) > 0;
    // A name that opens a sentence is one too ("Balenciaga is her favorite European designer").
    if (asked.type === 'person' && opensOnName(lookup, text)) return true;
    // "Who attended": people named by what they are ("brought together representatives from local and international
    // media") say who as well as a name does.
    if (asked.type === 'person' && asked.someone)
      return personNameCount(lookup, text, creditVerb) > 0 || namesPeople(lookup, text);
    // "April 8 and 9" is a date, no count; "in November" no place.
    const undated = asked.type === 'quantity' || asked.type === 'place' ? text.replace(DATES, ' ') : text;
    return typeEvidence(asked.type, undated, questionTokens, asked.day) > 0;
  };
  /** The evidence a sentence holds for the answer type (0 none): a count before its noun, else the kind near the question. */
  const strength = (sentence: number): number => {
    const text = textOf(sentence, false);
    if (!holds(text)) return 0;
    const typed = typedEvidence(asked, lookup, text, true);
    return counting ? typed.countUnit : typed.typedNear;
  };
  // The top snippet quotes its sentence with a neighbour that fits: what it holds there counts, and may be the answer.
  // A place is often a name without a cue word before it ("in western Kazakhstan"): any new name there counts too.
  // "Who attended X": the one a sentence quotes speaking at X ("…," said Foreign Minister Y at the annual press
  // conference) is its speaker, not who came to it; the names of speech are read out of the top before it is read for
  // who was there, so that a sentence of the story naming who attended ("which brought together representatives from
  // local and international media") may go first.
  const top = asked.presence ? withoutSpeakers(textOf(best.sentence, true)) : textOf(best.sentence, true);
  const roleTerm = role ? termOf(role) : null;
  if (asked.type === 'person') {
    const byVerb = creditVerb
      ? linkedSentence(ctx, ranked, (s, w) => verbLinkedName(lookup, textOf(s, w), creditVerb), REPICK.linkPassages)
      : null;
    if (byVerb !== null && byVerb !== 'top') return byVerb;
    // The top names the doer of the question's verb, in its own forms or in a word WordNet gives for it ("the Dutch
    // East India Company hired Hudson" for "who employed Hudson", "built in 1895 by the German Emperor"): that name is
    // who did it, whether or not it reads as a person's, and no sentence naming someone else goes before it.
    if (verb && doerLinkedName(lookup, top, synonymTermsOf(ctx, verb))) return null;
    // "Who's giving the main address": the name the thing asked about is credited to ("address will be delivered by
    // Gerald T. Owens"), when the top links no name to the question's verb and credits nothing itself.
    if (byVerb === null && asked.someone) {
      const byCredit = linkedSentence(
        ctx,
        ranked,
        (s, w) => creditLinkedName(lookup, textOf(s, w)),
        REPICK.linkPassages,
      );
      if (byCredit && byCredit !== 'top') return byCredit;
    }
    // "Who was the amateur that …": the name news gives beside the role's noun ("with amateur Bill Hyndman"), when the
    // top links no name to the question's verb or to the role.
    const byRole =
      byVerb === null && roleTerm
        ? linkedSentence(ctx, ranked, (s, w) => roleLinkedName(lookup, textOf(s, w), roleTerm), REPICK.linkPassages)
        : null;
    // The top names the role's holder itself: no other sentence's name goes before it.
    if (byRole === 'top') return null;
    if (byRole) return byRole;
  }
  const topTyped = typedEvidence(asked, lookup, top, true);
  const topHolds =
    holds(top) ||
    (counting && topTyped.countUnit > 0) ||
    ((asked.type === 'place' || asked.type === 'other') &&
      typeEvidence('person', top.replace(DATES, ' '), questionTokens) > 0);
  // What the top holds may be the answer. A number or an amount stands: a count's typed evidence does not tell the
  // answer's figure from another well enough. For a date, a name or a place, another sentence of the story goes first
  // when its evidence is far better placed than the top's (a stray name in the restatement, far from the question's
  // words, against the flight's name beside them).
  // But "how much" asks for an amount: when the top holds only bare numbers ("the 1961 program", "13 counties") and no
  // sum of money or share, a sentence of the story that gives one ("$1.1 billion", "26 per cent") goes first. A share
  // in words in the top ("by more than half", "doubled") may be the amount itself: the ranking stands.
  const amountOnly =
    topHolds && asked.type === 'quantity' && asked.amount === true && !AMOUNT.test(top) && !WORDED.test(top);
  // But for "how many X", when every number of the top counts something else ("seven-concert cycle", "twenty-five
  // programs", "five different communities" for "how many people") and stands apart from the question's other words
  // (a number beside them may count X in words of its own: "2,418 units"), a sentence of the story with a number right before
  // X ("the 2,800 persons who filled the hall") goes first.
  const countsOther = counting && topHolds && topTyped.countUnit === 0 && topTyped.typedNear < REPICK.minStrength;
  if (topHolds && asked.type === 'quantity' && !amountOnly && !countsOther) return null;
  const bar = countsOther ? 1 : topHolds && !amountOnly ? topTyped.typedNear + REPICK.overTop : 0;
  // "Which gang": a top that holds only a person's name gives no gang; a sentence that names one by X itself ("the
  // vicious Market Street gang", "the Lancashire Pact") needs no lead over it.
  const nameOfX =
    asked.type === 'other' && asked.head && topTyped.typedNear === 0 && personNameCount(lookup, top) > 0
      ? namedAs(asked.head)
      : null;
  // The top names the role asked about and no one who could hold it.
  const byRoleOnly =
    !topHolds && roleTerm !== null && (top.match(/\p{L}+/gu) ?? []).some((w) => termOf(w.toLowerCase()) === roleTerm);

  const article = index.passages[best.passage]!.articleId;
  // The story around the top candidate (story.ts): a long article or a page of several items is not one story.
  const near = storyRange(ctx, best.passage);
  // The strongest so far: a candidate of `ranked`, or a sentence number (-1 none); the first wins a tie.
  const found = { candidate: null as Candidate | null, sentence: -1, strength: 0 };
  /** `follows`: the opening sentence of the paragraph right after the top candidate's. */
  const consider = (c: Candidate | null, sentence: number, follows = false, precedes = false) => {
    if (sentence === best.sentence || sentence === found.sentence) return;
    if (amountOnly && !AMOUNT.test(textOf(sentence, false))) return;
    let s = strength(sentence);
    // News names the person of its opening sentence at the start of the next paragraph, referring back in words of
    // its own ("The dead youth was identified as Robert E. Sims, 19"): none of the question's words is near the name.
    if (s === 0 && follows && asked.someone) {
      const text = textOf(sentence, false);
      // Or the top speaks of the person by role alone, naming no one ("Cambodia's chief of state, who has been
      // accused …"), and the next paragraph opens on a titled name ("… is Prince Sihanouk that he …"): that is whom.
      if ((REFERS_BACK.test(text) || (byRoleOnly && TITLED.test(text))) && holds(text)) s = REPICK.minStrength;
    }
    // The top refers back to a person the sentence just before it names by a title ("his letter of resignation as
    // principal" after "Few know Dr. Martin Keel well"): that name is whom the top speaks of, over a stray name of a
    // church or a place in the top itself. (The same for a titled name opening the next paragraph cost news 3 answers.)
    if (s === 0 && precedes && asked.someone && PRONOUN.test(textOf(best.sentence, false))) {
      const text = textOf(sentence, false);
      if (TITLED.test(text)) s = Math.max(REPICK.minStrength, bar);
    }
    // News names the people of its restatement a paragraph or two below, in a sentence that says who they were
    // identified as ("A Havana radio broadcast identified the Americans as Howard Anderson and …", "He identified the
    // man as Lewis Martin Parker"): the name is what "who" asks for, whatever question words stand near it.
    if (s < REPICK.minStrength && asked.someone) {
      const text = textOf(sentence, false);
      if (NAMED_AS.test(text) && holds(text)) s = REPICK.minStrength;
    }
    // "Who attended X": a sentence that says whom X brought together or drew, or who was there ("attended by",
    // "in attendance", "among those present"), names them by what they are as often as by name, far from the
    // question's words ("This press conference, which brought together representatives from local and international
    // media"): that is who was there.
    if (s < REPICK.minStrength && asked.presence) {
      const text = textOf(sentence, false);
      if (GATHERED.test(text) && holds(text)) s = REPICK.minStrength;
    }
    const over = nameOfX?.test(textOf(sentence, false)) ? 0 : bar;
    if (s < (amountOnly ? REPICK.minAmountStrength : REPICK.minStrength) || s < over || s <= found.strength) return;
    found.candidate = c;
    found.sentence = sentence;
    found.strength = s;
  };
  // Other candidates of the same article that the ranking scored, best first.
  const limit = Math.min(ranked.length, REPICK.candidates);
  for (let i = 1; i < limit; i++) {
    const c = ranked[i]!;
    if (index.passages[c.passage]!.articleId !== article) continue;
    // A candidate of the same article farther off, in a long review or column, is still the story when its own
    // sentence covers most of the question, and as much as the top's ("the performance of Yuri Tolubeyev … as Sancho Panza"
    // five paragraphs below the sentence restating the film's Sancho Panza).
    const within = c.passage >= near[0] && c.passage < near[1];
    const far =
      Math.abs(c.passage - best.passage) <= REPICK.farPassages &&
      c.sentenceCoverage >= Math.max(best.sentenceCoverage, REPICK.farCoverage);
    if (within || far) consider(c, c.sentence);
  }
  // The top candidate's own passage, then the opening sentences of the paragraphs after it in the same article.
  const first = index.firstSentence(best.passage);
  const own = index.passages[best.passage]!.sentences.length;
  for (let k = 0; k < Math.min(own, REPICK.ownSentences); k++)
    consider(null, first + k, false, first + k === best.sentence - 1);
  const story = ctx.storyRange(best.passage);
  if (story) {
    for (let p = best.passage + 1; p <= best.passage + REPICK.nextPassages && p < story.to; p++) {
      const f = index.firstSentence(p);
      const n = Math.min(index.passages[p]!.sentences.length, REPICK.nextSentences);
      for (let k = 0; k < n; k++) consider(null, f + k, p === best.passage + 1 && k === 0);
    }
  }
  if (found.sentence < 0) return null;
  const known = found.candidate ?? ranked.find((c) => c.sentence === found.sentence);
  if (known) return known;
  return { ...best, sentence: found.sentence, passage: index.sentences[found.sentence]!.passage, typeMatches: 1 };
}

/** The terms of the question's verb, with its irregular forms; null for a light verb, which links any name. */
function verbTermsOf(verb: Slot): Set<string> | null {
  // The verb's own forms: its derived nouns and aliases ("chairmanship", "call") name no doer.
  if (LIGHT_VERBS.has(verb.token)) return null;
  const terms = new Set([verb.term]);
  for (const form of irregularForms(verb.token)) {
    const t = termOf(form);
    if (t) terms.add(t);
  }
  return terms;
}

/**
 * The terms of the question's verb, its irregular forms, the words that stand in for it (no soft match by word
 * vectors) and its WordNet synonyms in its two commonest senses ("employed": hire, engage).
 */
function synonymTermsOf(ctx: AnswerContext, verb: Slot): Set<string> {
  return new Set([
    ...(verbTermsOf(verb) ?? []),
    ...verb.alternatives.slice(0, verb.softFrom ?? verb.alternatives.length),
    ...termsOfWords(ctx.wordnet()?.synonyms(verb.token, 2) ?? []),
  ]);
}

/**
 * "Who directed X" wants the name the verb acts on: "directed by Grigory Kozintsev", "conductor Eugene Ormandy",
 * "Shelley Berman as Charley" (evidence.ts `verbLinkedName`); "who was the amateur that …" the name beside the role's
 * noun (`roleLinkedName`). When the top sentence, with the neighbour its snippet may join, links no name that way
 * (`links`), and a sentence of the same story does (the ranking's other candidates of the article within the story,
 * the top's own paragraph, the first sentences of the few paragraphs after it), that sentence goes first: a
 * restatement of the question's names, or a credits line naming another person, does not say who did what was asked.
 * Returns 'top' when the top links one itself, null when no sentence does.
 */
function linkedSentence(
  ctx: AnswerContext,
  ranked: readonly Candidate[],
  links: (sentence: number, window: boolean) => boolean,
  passages: number,
): Candidate | 'top' | null {
  const best = ranked[0]!;
  const { index } = ctx;
  if (links(best.sentence, true)) return 'top';
  const article = index.passages[best.passage]!.articleId;
  const near = storyRange(ctx, best.passage);
  const limit = Math.min(ranked.length, REPICK.candidates);
  for (let i = 1; i < limit; i++) {
    const c = ranked[i]!;
    if (index.passages[c.passage]!.articleId !== article || c.passage < near[0] || c.passage >= near[1]) continue;
    if (links(c.sentence, false)) return c;
  }
  let found = -1;
  const first = index.firstSentence(best.passage);
  const own = index.passages[best.passage]!.sentences.length;
  for (let k = 0; k < Math.min(own, REPICK.ownSentences) && found < 0; k++)
    if (first + k !== best.sentence && links(first + k, false)) found = first + k;
  const story = ctx.storyRange(best.passage);
  if (story)
    for (let p = best.passage + 1; p <= best.passage + passages && p < story.to && found < 0; p++) {
      const f = index.firstSentence(p);
      const n = Math.min(index.passages[p]!.sentences.length, REPICK.linkSentences);
      for (let k = 0; k < n && found < 0; k++) if (links(f + k, false)) found = f + k;
    }
  if (found < 0) return null;
  return (
    ranked.find((c) => c.sentence === found) ?? {
      ...best,
      sentence: found,
      passage: index.sentences[found]!.passage,
      typeMatches: 1,
    }
  );
}

/**
 * Whom a text quotes or reports speaking, by name: the capitalised run after a verb of speech ("said Trade
 * Minister Oskar Lund", "told Sen. Hale") or before one ("Dr. Keel said"), with "according to" the same.
 */
const SPEAKER_AFTER =
  /\b(?:said|says|told|tells|added|adds|stated|states|noted|notes|according to)\s+(?:(?:\p{Lu}[\p{L}'’.-]*|of|the|de)\s+)*\p{Lu}[\p{L}'’.-]*/gu;
const SPEAKER_BEFORE =
  /\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|the|de))*,?\s+(?:said|says|told|tells|added|adds|stated|states|noted|notes)\b/gu;

/** `text` with the names of its speakers blanked out (`SPEAKER_AFTER`, `SPEAKER_BEFORE`). */
function withoutSpeakers(text: string): string {
  return text.replace(SPEAKER_AFTER, ' ').replace(SPEAKER_BEFORE, ' ');
}

/** Verbs that link any name to anything in news ("Hemphill said", "Burns became president", "WVFI began as"). */
const LIGHT_VERBS = new Set(
  'be become became becomes begin began begun begins say said says get got gets go went goes make made makes take took takes have had has come came comes'.split(
    ' ',
  ),
);

/** A name given by "identified … as": "identified the engineers as Walter Finch", "was identified as Mrs. Ruth Hale". */
const NAMED_AS = /\bidentified\b[^.;:]{0,40}?\bas\s+(?:(?:Mr|Mrs|Dr|Miss)\.?\s+)?\p{Lu}/u;

/** Question terms that ask for what something is called (the question's own words). */
const NAMING_ASKED = ['called', 'call', 'name', 'named', 'known'];

/**
 * A name given as one: "known as the Brown Act", "called Byzantium", "under the name Democratic Study Group", "named
 * “Signal”".
 */
const NAMED =
  /\b(?:known as|under the name|(?:is|was|were|are|be|been|being) (?:called|named|dubbed|known as))\s+(?:the\s+)?["“]?(\p{Lu}[\p{L}'’-]*)/gu;

/**
 * Whether a text gives a name as one (`NAMED`) that the question does not hold ("it was called Byzantium" for "what was
 * the city called before it became Constantinople").
 */
function namesAnew(text: string, questionTokens: Set<string>): boolean {
  for (const m of text.matchAll(NAMED)) if (!questionTokens.has(m[1]!.toLowerCase())) return true;
  return false;
}

/** Words that say who was at a gathering: "brought together", "attended by", "drew", "in attendance", "among those present". */
const GATHERED =
  /\b(?:brought together|bringing together|brings together|gathered|attended by|joined by|drew|draws|drawing|in attendance|among (?:those|the) (?:present|attending)|participants|attendees)\b/i;

/** An opening that refers back to what came before: "He identified the man as …", "The dead youth was …". */
const REFERS_BACK = /^["“]?(?:he|she|they|his|her|their|the)\b/i;

/**
 * A figure given as money or a share: "$1.1 billion", "17 million dollars", "26 per cent", "7%", and in words
 * ("two hundred and sixty-two percent", "a few dollars").
 */
const AMOUNT =
  /[$£€¥]\s?\d|\d[\d,.]*\s*(?:(?:million|billion|thousand)\s+)?(?:dollars?|cents?|pounds?|euros?)\b|\d[\d,.]*\s*%|\b(?:per\s?cent|percent|dollars|euros)\b/i;

/** An amount in words ("more than half", "a third", "doubled"). */
const WORDED = /\b(?:half|third|quarter|doubled|tripled|twice)\b/i;

/** A person's name after a title ("Dr. Martin Keel", "Prince Albert", "Sen. Hale"). */
const TITLED =
  /\b(?:Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Rev|Prince|Princess|King|Queen|Judge|Mayor|President|Premier|Secretary)\.? (?:[A-Z]\. )*[A-Z][a-z]+/;

/** A pronoun that refers back to a person named before ("his letter", "she said"). */
const PRONOUN = /\b(?:he|she|his|her|him)\b/i;

/** Dates, blanked out of a text before it is read for a count. */
const DATES = new RegExp(`${DATE_PATTERN.source}(?:\\s*(?:and|or|to|-|–)\\s*\\d{1,2}\\b)?`, 'gi');

/** A name right before the noun `head` or ending in it ("Market Street gang", "Lancashire Pact"); null for no noun. */
function namedAs(head: string): RegExp | null {
  const h = head.replace(/[^\p{L}]/gu, '');
  if (!h) return null;
  const cap = h.charAt(0).toUpperCase() + h.slice(1);
  return new RegExp(`\\p{Lu}[\\p{L}'’.&-]*\\s+(?:${h}|${cap})s?\\b`, 'u');
}

/** Answer types whose evidence evidence.ts reads from a sentence's own words. */
const TYPED = new Set<AskedFor['type']>(['quantity', 'date', 'person', 'place', 'other']);
