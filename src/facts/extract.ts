import { CARDS } from '../answer/tuning.ts';
import { CARDINAL_WORDS, LONG_FORM_ACRONYM, MONTH_NAMES } from '../text/patterns.ts';
import { capitalise } from '../text/terms.ts';
import { extractMentions } from '../timeline/extract.ts';
import { annotate, type Token } from './nlp.ts';

/**
 * Fact fields of one sentence, each named in words of its own sentence so that "name: value"
 * reads as a true statement: the counted thing and its verb for a quantity ("Countries with
 * political consultations: 52"), the event for a date ("State visit to China: April 2025"),
 * the role for a person, the long form for an acronym. A value that cannot be named well is
 * left out.
 *
 * Dates come from the timeline's reader (chrono-node plus years and ranges, so a range is one
 * value); quantities from wink-nlp's entities (CARDINAL, PERCENT, MONEY) and number tags; the
 * names from its part-of-speech tags. Runs when the index is built (see store.ts).
 */

export type FieldKind = 'quantity' | 'date' | 'person' | 'organization';

export interface FieldCandidate {
  kind: FieldKind;
  name: string;
  /** Offsets of the value in the sentence. */
  start: number;
  end: number;
}

const MAX_NAME_WORDS = CARDS.maxNameWords;
const MIN_NAME_CHARS = CARDS.minNameChars;

/** Any of these makes a sentence worth tagging: a digit, a number word or a month. */
const MAY_HOLD_NUMBER = new RegExp(`\\d|\\b(?:${CARDINAL_WORDS}|million|billion)\\b`, 'i');
/** Capitalised, so the verb "may" does not count. */
const MONTH = new RegExp(`\\b(?:${MONTH_NAMES.map(capitalise).join('|')})\\b`);

const ROLE =
  '(?:(?:Vice |Deputy |Prime |Foreign |Defen[cs]e |Finance |Interior |Former |First |Head |Executive )*(?:President|Minister|Secretary(?:-General)?|Chancellor|Ambassador|Governor|Mayor|Senator|Chairman|Chairwoman|Chair|CEO|Director|Professor|King|Queen|Prince|Princess|Pope|Bishop|Archbishop|Cardinal|General|Commander|Spokesperson|Spokesman|Founder|Premier|Emir|Sultan|Sheikh|Coach|Captain|Judge|Justice))';
/** "Norwegian Foreign Minister Espen Eide", "President Macron": a role, then a capitalised name. */
const PERSON = new RegExp(
  `((?:\\p{Lu}[\\p{L}-]+\\s+)?${ROLE})\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`,
  'gu',
);
/** "Middle Corridor" (Trans-Caspian International Transport Corridor): a name of two or more capitalised words, then a longer one. */
const SHORT_THEN_LONG =
  /["“]((?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*)+)["”]\s+\(((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*){2,})\)/gu;
/** "Shanghai Cooperation Organisation (SCO)". */
const ORGANIZATION = LONG_FORM_ACRONYM;

/** Words before a number that belong to its value: "more than 20", "approximately 8,000". */
const APPROXIMATION =
  /(?:more than|over|about|around|approximately|nearly|almost|some|at least|up to|fewer than|less than|roughly|just over|just under)\s+$/i;
/** Units that belong to the value: "6,500 megawatts", "1,250 acres". */
const UNIT =
  /^(?:megawatts?|gigawatts?|kilowatts?|MW|GW|kWh|kilometres?|kilometers?|km|miles?|metres?|meters?|feet|foot|tons?|tonnes?|barrels?|acres?|hectares?|square|cubic|percent|per|cent|points?|degrees?|years?|months?|weeks?|days?|hours?|minutes?)$/i;
/** Unit words that take a second word ("square feet", "per cent"). */
const UNIT_PREFIX = /^(?:square|cubic|per)$/i;
/** A past form reads as what was done to the counted thing: "documents signed", "countries signed with". */
const IRREGULAR_PAST =
  /^(?:held|won|made|built|took|taken|paid|sold|given|gave|brought|bought|began|begun|became|wrote|written|drew|drawn|grew|grown|rose|risen|fell|fallen|spent|lost|sent|led|met|found|kept|left|ran|saw|seen|told|came|got|put|set|hit|cut|struck|taught|caught|fought|sought|chose|chosen|won|hosted|shown|known|done|read)$/i;
function isPast(word: string): boolean {
  return /[a-z]ed$/i.test(word) || IRREGULAR_PAST.test(word);
}
const BE = /^(?:is|are|was|were|be|been|being|'s|’s|am)$/i;
const MODAL = /^(?:will|would|shall|should|can|could|may|might|must)$/i;
/** Verbs that carry their object as the event: "paid a state visit", "held talks". */
const LIGHT_VERB =
  /^(?:paid|pays|pay|made|makes|make|held|holds|hold|took|takes|take|conducted|hosted|undertook|staged)$/i;
/** Words that open a clause without naming its event. */
const OPENER =
  /^(?:after|before|following|since|when|while|whereas|although|though|as|because|if|once|until|during|at|in|on|by|from|with|and|but|so|then|also|finally|likewise|however|meanwhile|today)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|several|some|many|its|their|his|her|our|such|both|each|every)$/i;
const PRONOUN = /^(?:it|they|he|she|we|i|you|this|that|these|those|which|who|there)$/i;
/** Words that do not say what a number or date is, alone. */
const GENERIC =
  /^(?:date|dates|year|years|time|times|number|numbers|figure|figures|value|amount|total|share|increase|decrease|day|days|month|months|period|count|some|one|ones|others?|part|level|rate|percent|people|things?|factor|update|fall|spring|summer|autumn|winter|record)$/i;
/** Nouns that only measure time: a date that describes one is named by its clause. */
const TIME_NOUN = /^(?:year|years|season|seasons|semester|term|quarter|period|decade|century|era|time)$/i;
const CLAUSE_BREAK = /^(?:[,;:()"“”[\]!?]|[–—]|--|\.)$/;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** A sentence without a digit or number word has no quantity or date to tag. */
export function mayHoldValue(sentence: string): boolean {
  return MAY_HOLD_NUMBER.test(sentence) || MONTH.test(sentence);
}

/**
 * Tokens as naming reads them: hyphenated words wink splits ("Fifty - seven", "13 - year") joined again, editorial
 * notes in brackets dropped, and two tagging slips mended.
 */
function tidyTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (prev && next && /^[-‐]$/.test(t.text) && prev.end === t.start && t.end === next.start) {
      const numeric = /\d/.test(prev.text) || prev.pos === 'NUM';
      out[out.length - 1] = {
        text: `${prev.text}${t.text}${next.text}`,
        start: prev.start,
        end: next.end,
        // "Fifty-seven" stays a number; "13-year" and "80,795-seat" measure the noun after them.
        pos: numeric && next.pos === 'NUM' ? 'NUM' : numeric ? 'NUMADJ' : next.pos === 'NOUN' ? 'NOUN' : 'ADJ',
        entity: prev.entity ?? next.entity,
      };
      i++;
      continue;
    }
    out.push({ ...t });
  }
  // Editorial notes in square brackets ("[update]", "[when?]") are not part of the text's meaning.
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]!.text !== ']') continue;
    let k = i;
    while (k >= 0 && out[k]!.text !== '[') k--;
    if (k >= 0 && i - k <= 4) {
      out.splice(k, i - k + 1);
      i = k;
    }
  }
  // wink tags a capitalised word inside a proper name as a verb now and then ("Heads of State Consultation Meeting").
  for (let i = 1; i < out.length; i++) {
    const t = out[i]!;
    if (
      (t.pos === 'VERB' || t.pos === 'PRON') &&
      /^\p{Lu}/u.test(t.text) &&
      (out[i - 1]!.pos === 'PROPN' || out[i + 1]?.pos === 'PROPN')
    )
      t.pos = 'PROPN';
    // "will officially open": after a modal, the word is the verb.
    if (t.pos !== 'VERB' && t.pos !== 'AUX' && /^[a-z]+$/.test(t.text)) {
      const before = out[i - 1]!.pos === 'ADV' ? out[i - 2] : out[i - 1];
      if (before && MODAL.test(before.text)) t.pos = 'VERB';
    }
  }
  return out;
}

/**
 * "Shanghai Cooperation Organisation (SCO)" becomes one token reading "SCO", so names stay short
 * and the brackets do not end a clause.
 */
function joinAcronyms(sentence: string, tokens: Token[]): Token[] {
  const spans = [...sentence.matchAll(ORGANIZATION)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    acronym: m[2]!,
  }));
  if (spans.length === 0) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const span = spans.find((s) => t.start >= s.start && t.end <= s.end);
    if (!span) out.push(t);
    else if (t.start === span.start) out.push({ text: span.acronym, start: span.start, end: span.end, pos: 'PROPN' });
  }
  return out;
}

const isBreak = (t: Token) => t.pos === 'PUNCT' && CLAUSE_BREAK.test(t.text);
const isVerb = (t: Token) => t.pos === 'VERB' || (t.pos === 'AUX' && BE.test(t.text));
const isNominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN';
const NP_PART = new Set(['NOUN', 'PROPN', 'ADJ', 'NUMADJ']);

/** First token of the clause holding token i. */
function clauseStart(tokens: Token[], i: number): number {
  let k = i;
  while (k > 0 && !isBreak(tokens[k - 1]!)) k--;
  return k;
}
function clauseEnd(tokens: Token[], i: number): number {
  let k = i;
  while (k < tokens.length - 1 && !isBreak(tokens[k + 1]!)) k++;
  return k;
}

/** The noun phrase starting at token i ("bilateral and multilateral documents"), as [from, to] ending on its head noun. */
function nounPhraseAt(tokens: Token[], i: number, maxWords = 6): [number, number] | null {
  let head = -1;
  for (let k = i; k < tokens.length && k - i < maxWords; k++) {
    const t = tokens[k]!;
    if (NP_PART.has(t.pos)) {
      if (isNominal(t)) head = k;
      continue;
    }
    // "the city's famous harbour": a possessive inside the phrase.
    if (t.pos === 'PART' && /^['’]s$/.test(t.text) && k > i && tokens[k + 1] && NP_PART.has(tokens[k + 1]!.pos))
      continue;
    // "bilateral and multilateral documents": a conjunction between two modifiers.
    if (t.pos === 'CCONJ' && k > i && tokens[k - 1]!.pos === 'ADJ' && tokens[k + 1]?.pos === 'ADJ') continue;
    break;
  }
  return head >= 0 ? [i, head] : null;
}

/**
 * The noun phrase that ends at token j, read leftwards: "Ministry of Foreign Affairs' annual
 * press conference", "text of the agreement", "China's chairmanship". Stops at a determiner.
 */
function nounPhraseEndingAt(tokens: Token[], j: number, maxWords = 8): [number, number] | null {
  if (!tokens[j] || !isNominal(tokens[j]!)) return null;
  let from = j;
  for (let k = j - 1; k >= 0 && j - k < maxWords; k--) {
    const t = tokens[k]!;
    if (NP_PART.has(t.pos) || t.pos === 'NUM') {
      from = k;
      continue;
    }
    // "current total installed power generation capacity": a participle between modifiers and the noun.
    if (
      t.pos === 'VERB' &&
      /(?:ed|ing)$/i.test(t.text) &&
      k < j &&
      tokens[k - 1] &&
      /^(?:ADJ|DET|PART)$/.test(tokens[k - 1]!.pos)
    ) {
      from = k;
      continue;
    }
    // Possessives and "of" inside a name: "Ministry of Foreign Affairs' …", "text of the agreement".
    if ((t.pos === 'PART' && /^['’]s$/.test(t.text)) || /^['’]$/.test(t.text)) {
      if (tokens[k - 1] && isNominal(tokens[k - 1]!)) continue;
      break;
    }
    if (/^of$/i.test(t.text)) {
      const m = k - 1;
      if (tokens[m] && isNominal(tokens[m]!)) {
        from = m;
        continue;
      }
      break;
    }
    if (t.pos === 'DET' && /^the$/i.test(t.text) && tokens[k - 1] && /^of$/i.test(tokens[k - 1]!.text)) continue;
    break;
  }
  return [from, j];
}

/** Text of tokens [from, to], without a leading determiner or a be-auxiliary, with "Long Form (ACR)" as "ACR". */
function phrase(tokens: Token[], from: number, to: number, drop = new Set<number>()): string {
  const parts: string[] = [];
  let k = from;
  while (k <= to && (DETERMINER.test(tokens[k]!.text) || OPENER.test(tokens[k]!.text))) k++;
  let prevEnd = -1;
  for (; k <= to; k++) {
    const t = tokens[k]!;
    if (drop.has(k)) continue;
    if (t.pos === 'AUX' && BE.test(t.text) && tokens[k + 1] && tokens[k + 1]!.pos !== 'DET') continue;
    if (/^(?:has|have|had)$/i.test(t.text) && tokens[k + 1] && /^been$/i.test(tokens[k + 1]!.text)) continue;
    if (t.pos === 'PUNCT' && !/^['’]$/.test(t.text)) continue;
    const glue = prevEnd === t.start && parts.length > 0;
    if (glue) parts[parts.length - 1] += t.text;
    else parts.push(t.text);
    prevEnd = t.end;
  }
  let text = parts.join(' ');
  text = text.replace(
    /((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*)+)\s*\(\s*(\p{Lu}[\p{Lu}\d&.-]{1,11})\s*\)/gu,
    '$2',
  );
  return text;
}

/** Words a name never ends on; after a cut, prepositions too ("… of the", but "Countries signed with" is whole). */
const DANGLING = /^(?:and|or|the|a|an|that|which|who|its|their|'s|’s|than)$/i;
const DANGLING_CUT =
  /^(?:of|in|on|at|by|for|to|from|with|and|or|the|a|an|as|that|which|who|its|their|'s|’s|than|between)$/i;

const PREPOSITION = /^(?:of|in|on|at|by|for|to|from|with|between|among|into|after|before|during)$/i;

/** Cuts a name to MAX_NAME_WORDS and drops words left dangling at its end ("of", "the", "and"). */
function trimName(name: string): string {
  let ws = words(name);
  if (ws.length > MAX_NAME_WORDS) {
    const next = ws[MAX_NAME_WORDS]!;
    const cut = ws.slice(0, MAX_NAME_WORDS);
    // Cut inside a noun phrase ("… with eight Holy Cross | brothers"): go back to before its preposition.
    if (!DANGLING_CUT.test(next)) {
      let k = cut.length - 1;
      while (k > 2 && !PREPOSITION.test(cut[k]!)) k--;
      ws = k > 2 ? cut.slice(0, k) : cut;
    } else {
      ws = cut;
    }
    while (ws.length && (DANGLING_CUT.test(ws[ws.length - 1]!) || /['’]s$/.test(ws[ws.length - 1]!))) ws.pop();
  }
  while (ws.length && DANGLING.test(ws[ws.length - 1]!)) ws.pop();
  return capitalise(ws.join(' '));
}

/** True when a name says what a number or date is: some content word that is not a proper name or a generic word. */
function saysWhat(tokens: Token[], from: number, to: number, name: string): boolean {
  if (name.length < MIN_NAME_CHARS) return false;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'ADP' || t.pos === 'PUNCT' || t.pos === 'PRON') continue;
    if (t.pos === 'CCONJ' || t.pos === 'PART' || t.pos === 'NUM' || (t.pos === 'AUX' && BE.test(t.text))) continue;
    if (GENERIC.test(t.text)) continue;
    if (!name.toLowerCase().includes(t.text.toLowerCase())) continue;
    return true;
  }
  return false;
}

/** The nearest verb before token i in its clause (skipping a number phrase), or -1. */
function verbBefore(tokens: Token[], i: number, from: number): number {
  for (let k = i - 1; k >= from; k--) if (isVerb(tokens[k]!)) return k;
  return -1;
}

/** The subject of the verb at v: the noun phrase before it (skipping adverbs and auxiliaries), or null for a pronoun. */
function subjectOf(tokens: Token[], v: number): [number, number] | null {
  let k = v - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k--;
  // "Notre Dame's most recent[when?] capital campaign": skip a bracketed note.
  if (k >= 0 && tokens[k]!.text === ']') {
    while (k >= 0 && tokens[k]!.text !== '[') k--;
    k--;
  }
  if (k < 0 || PRONOUN.test(tokens[k]!.text)) return null;
  const np = nounPhraseEndingAt(tokens, k);
  if (!np) return null;
  // "transit traffic between the two countries": the head noun comes before the preposition.
  for (let n = 0; n < 2; n++) {
    let p = np[0] - 1;
    if (tokens[p]?.pos === 'DET') p--;
    if (
      !tokens[p] ||
      tokens[p]!.pos !== 'ADP' ||
      !/^(?:between|of|in|for|from|on|at|to|across|among)$/i.test(tokens[p]!.text)
    )
      break;
    const head = nounPhraseEndingAt(tokens, p - 1);
    if (!head) break;
    np[0] = head[0];
  }
  return np;
}

interface Built {
  name: string;
  from: number;
  to: number;
}

function built(tokens: Token[], from: number, to: number, drop?: Set<number>): Built | null {
  if (from < 0 || to < from) return null;
  const name = trimName(phrase(tokens, from, to, drop));
  return name ? { name, from, to } : null;
}

/** What a quantity counts or measures, in words of its sentence; null when it cannot be said well. */
function nameQuantity(sentence: string, tokens: Token[], a: number, b: number): Built | null {
  const start = clauseStart(tokens, a);
  const after = b + 1;
  // "6,500 megawatts of renewable energy power generation capacity": the measured thing follows "of".
  const unitTok = tokens[b]!;
  const hasUnit = UNIT.test(unitTok.text) || unitTok.pos === 'SYM' || /%$/.test(unitTok.text);
  if ((hasUnit || tokens[b]!.entity === 'PERCENT') && /^of$/i.test(tokens[after]?.text ?? '')) {
    let k = after + 1;
    while (tokens[k] && DETERMINER.test(tokens[k]!.text)) k++;
    let np = nounPhraseAt(tokens, k);
    // "80% of the university's 8,000 undergraduates": the undergraduates, not the university.
    if (np && /^['’]s?$/.test(tokens[np[1] + 1]?.text ?? '') && tokens[np[1] + 2]?.pos === 'NUM')
      np = nounPhraseAt(tokens, np[1] + 3) ?? np;
    if (np) {
      // "57.6% of students choosing to study abroad": the verb after the noun says which ones.
      let to = np[1];
      if (tokens[to + 1]?.pos === 'VERB' && !isBreak(tokens[to + 1]!)) {
        to = Math.min(clauseEnd(tokens, to + 1), to + 4);
        while (to > np[1] && !isNominal(tokens[to]!) && tokens[to]!.pos !== 'VERB') to--;
      }
      // "expected to add 6,500 megawatts of …": what is to be added, not what there is.
      const verb = tokens[a - 1];
      if (verb?.pos === 'VERB') {
        const measured = phrase(tokens, np[0], to);
        const infinitive = /^to$/i.test(tokens[a - 2]?.text ?? '');
        if (infinitive || isPast(verb.text))
          return { name: trimName(`${measured} ${infinitive ? 'to ' : ''}${verb.text}`), from: np[0], to };
      }
      return built(tokens, np[0], to);
    }
  }
  const counted = hasUnit ? null : nounPhraseAt(tokens, after);
  const prev = tokens[a - 1];
  const prep = prev && prev.pos === 'ADP' && a - 1 >= start ? a - 1 : -1;

  if (counted) {
    const [cFrom, cTo] = counted;
    if (prep >= 0) {
      const p = tokens[prep]!.text.toLowerCase();
      const v = verbBefore(tokens, prep, start);
      const between = v >= 0 ? tokens.slice(v + 1, prep) : [];
      // The verb's object, when it is one plain noun phrase: "held political consultations with …".
      const object =
        between.length > 0 &&
        between.some(isNominal) &&
        !between.some((t) => /^(?:NUM|NUMADJ|ADP|VERB|AUX|PRON)$/.test(t.pos) || isBreak(t));
      const c = phrase(tokens, cFrom, cTo);
      const o = object ? phrase(tokens, v + 1, prep - 1) : '';
      // "increased the faculty by more than 500 professors": faculty increased by.
      if (object && p === 'by') return { name: trimName(`${o} ${tokens[v]!.text} by`), from: v + 1, to: cTo };
      // "the student body consisted of 12,179 students": student body consisted of.
      if (v >= 0 && p === 'of' && between.length === 0) {
        const subject = subjectOf(tokens, v);
        if (subject)
          return {
            name: trimName(`${phrase(tokens, subject[0], subject[1])} ${tokens[v]!.text} of`),
            from: subject[0],
            to: cTo,
          };
      }
      // "held political consultations with 52 countries": countries with political consultations.
      if (object) return { name: trimName(`${c} ${p} ${o}`), from: v + 1, to: cTo };
      // "signed 120 agreements with 35 countries": countries signed with.
      const plain = between.length === 0 || between.some((t) => t.pos === 'NUM');
      if (v >= 0 && plain && isPast(tokens[v]!.text))
        return { name: trimName(`${c} ${tokens[v]!.text} ${p}`), from: v, to: cTo };
      // "62 members in the College Football Hall of Fame": the counted thing with its place.
      return nameCountedWithPlace(sentence, tokens, cFrom, cTo);
    }
    const v = verbBefore(tokens, a, Math.max(start, a - 2));
    if (v >= 0 && isPast(tokens[v]!.text)) {
      // "signed more than 20 cooperation documents": cooperation documents signed.
      const c = phrase(tokens, cFrom, cTo);
      return { name: trimName(`${c} ${tokens[v]!.text}`), from: v, to: cTo };
    }
    // "the student body represents all 50 states": states the student body represents.
    if (v >= 0 && tokens[v]!.pos === 'VERB') {
      const subject = subjectOf(tokens, v);
      const said = subject ? phrase(tokens, subject[0], subject[1]) : '';
      if (subject && said) {
        const det = tokens[subject[0] - 1];
        const the = det && /^the$/i.test(det.text) ? 'the ' : '';
        const c = phrase(tokens, cFrom, cTo);
        return { name: trimName(`${c} ${the}${said} ${tokens[v]!.text}`), from: subject[0], to: cTo };
      }
    }
    // "Fifty-seven chapels are located throughout the campus": the verb after says where or what.
    let k = cTo + 1;
    while (tokens[k] && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV')) k++;
    if (tokens[k]?.pos === 'VERB') {
      let end = Math.min(clauseEnd(tokens, k), k + 3);
      while (end > k && /^(?:ADP|DET|CCONJ|PART)$/.test(tokens[end]!.pos)) end--;
      return built(tokens, cFrom, end, undefined);
    }
    return nameCountedWithPlace(sentence, tokens, cFrom, cTo);
  }

  // No counted noun: "surged by 86%", "raised $1.1 billion", "capacity is approximately 8,000 megawatts", "budget of $1.2 million".
  if (prev && /^(?:of|worth)$/i.test(prev.text)) {
    let k = a - 2;
    if (tokens[k] && tokens[k]!.text === ',') k--;
    const np = nounPhraseEndingAt(tokens, k);
    if (np)
      return built(tokens, np[0], /^worth$/i.test(prev.text) ? a - 1 : np[1], k < a - 2 ? new Set([k + 1]) : undefined);
    return null;
  }
  const v = verbBefore(tokens, a, start);
  if (v < 0) return null;
  let subject = subjectOf(tokens, v);
  if (!subject && tokens[v]!.pos === 'VERB' && /ing$/i.test(tokens[v]!.text)) {
    // "with the incoming class enrolling in fall 2015 admitting 3,577": the participle's noun opens the clause.
    let k = start;
    while (k < v && (OPENER.test(tokens[k]!.text) || DETERMINER.test(tokens[k]!.text))) k++;
    const np = nounPhraseAt(tokens, k);
    if (np && np[1] < v) subject = np;
  }
  if (!subject) return null;
  if (BE.test(tokens[v]!.text)) return built(tokens, subject[0], subject[1]);
  // "transit traffic between the two countries surged by 86%": the subject and its verb.
  return {
    name: trimName(`${phrase(tokens, subject[0], subject[1])} ${tokens[v]!.text}`),
    from: subject[0],
    to: v,
  };
}

/** "members in the College Football Hall of Fame", or the counted noun alone. */
function nameCountedWithPlace(sentence: string, tokens: Token[], cFrom: number, cTo: number): Built | null {
  const next = tokens[cTo + 1];
  if (next && next.pos === 'ADP' && /^(?:in|of|at|on|for)$/i.test(next.text)) {
    let k = cTo + 2;
    while (tokens[k] && DETERMINER.test(tokens[k]!.text)) k++;
    const np = nounPhraseAt(tokens, k, 8);
    if (np && !tokens.slice(k, np[1] + 1).some((t) => t.pos === 'NUM')) return built(tokens, cFrom, np[1]);
  }
  return built(tokens, cFrom, cTo);
}

/** The event a date belongs to, in words of its sentence; null when it cannot be said well. */
function nameDate(sentence: string, tokens: Token[], a: number, b: number): Built | null {
  const start = clauseStart(tokens, a);
  const next = tokens[b + 1];
  const prev = tokens[a - 1];
  // "China's 2024-2025 chairmanship of the SCO", "the 1940 film": the date describes the noun after it.
  // "2025 marks the fifth anniversary of …": the date is the subject; its object names it.
  const third = tokens[b + 2];
  if (next && (next.pos === 'VERB' || isNominal(next)) && third?.pos === 'DET' && (!prev || prev.pos !== 'ADP')) {
    let k = b + 3;
    while (tokens[k] && DETERMINER.test(tokens[k]!.text)) k++;
    const np = nounPhraseAt(tokens, k);
    if (!np) return null;
    let to = np[1];
    if (tokens[to + 1] && /^of$/i.test(tokens[to + 1]!.text)) {
      const of = nounPhraseAt(tokens, to + 2, 8) ?? nounPhraseAt(tokens, to + 3, 8);
      if (of) to = of[1];
    }
    return built(tokens, np[0], to);
  }
  const insideNoun = prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || /^['’]s?$/.test(prev.text));
  if (next && isNominal(next) && insideNoun) {
    const np = nounPhraseAt(tokens, b + 1);
    // "the 2012–13 season", "the 2013–14 school year": a span of time, named by the clause instead.
    if (np && !TIME_NOUN.test(tokens[np[1]]!.text)) {
      let from = np[0];
      let to = np[1];
      if (tokens[to + 1] && /^of$/i.test(tokens[to + 1]!.text)) {
        let k = to + 2;
        while (tokens[k] && DETERMINER.test(tokens[k]!.text)) k++;
        const of = nounPhraseAt(tokens, k, 8);
        if (of) to = of[1];
        // "(SCO)" after the long form goes with it.
        if (tokens[to + 1]?.text === '(' && tokens[to + 3]?.text === ')') to += 3;
      }
      let drop: Set<number> | undefined;
      if (prev && ((prev.pos === 'PART' && /^['’]s$/.test(prev.text)) || /^['’]$/.test(prev.text))) {
        const owner = nounPhraseEndingAt(tokens, a - 2);
        if (owner) {
          from = owner[0];
          drop = new Set(Array.from({ length: b - a + 1 }, (_, i) => a + i));
        }
      }
      return drop ? built(tokens, from, to, drop) : built(tokens, from, to);
    }
  }
  const hasPrep = prev && prev.pos === 'ADP' && a - 1 >= start;
  const before = hasPrep ? a - 2 : a - 1;
  // A date that opens its clause ("In April 2025, …", "On August 8th of this year, …"): the clause after it.
  if (before < start || tokens.slice(start, before + 1).every((t) => OPENER.test(t.text))) {
    return eventAfter(sentence, tokens, b + 1);
  }
  // "the Ministry's annual press conference on December 26": the noun phrase the date belongs to.
  const np = nounPhraseEndingAt(tokens, before);
  if (np && tokens[before]!.pos === 'NOUN') {
    let l = np[0] - 1;
    if (tokens[l]?.pos === 'DET') l--;
    const lead = tokens[l];
    // Not after "as" (a role: "served as president") nor "by" (the agent: "destroyed by a fire").
    if (!lead || (lead.pos === 'ADP' && !/^(?:as|by)$/i.test(lead.text)) || isBreak(lead)) {
      let from = np[0];
      if (tokens[from - 1]?.pos === 'DET') from--;
      const verbInside = tokens.slice(start, np[0]).some(isVerb);
      if (!verbInside || lead?.pos === 'ADP') return built(tokens, from, before);
    }
  }
  // Otherwise the clause before the date: "a passenger plane crashed in the northern mountains".
  let from = start;
  // "Lourdes, France where the Virgin Mary appeared": the event starts after the relative word.
  for (let k = before; k >= start; k--)
    if (/^(?:where|when|which|who|whom|that)$/i.test(tokens[k]!.text)) {
      from = k + 1;
      break;
    }
  while (from <= before && (OPENER.test(tokens[from]!.text) || DETERMINER.test(tokens[from]!.text))) from++;
  if (from > before || PRONOUN.test(tokens[from]!.text)) return null;
  if (isVerb(tokens[from]!) || tokens[from]!.pos === 'AUX') {
    // "…, released by the foreign ministries on August 11th": the subject is in the clause before.
    let k = start - 2;
    while (k >= 0 && isBreak(tokens[k]!)) k--;
    const subject = k >= 0 ? nounPhraseEndingAt(tokens, k) : null;
    if (!subject) return null;
    const s = phrase(tokens, subject[0], subject[1]);
    const rest = phrase(tokens, from, before);
    return { name: trimName(`${s} ${rest}`), from: subject[0], to: before };
  }
  // "Following the outbreak of the Russia-Ukraine conflict in 2022": no verb, the noun phrase is the event.
  if (!tokens.slice(from, before + 1).some(isVerb)) return np && np[0] >= from ? built(tokens, np[0], before) : null;
  return built(tokens, from, before);
}

/**
 * A clause that stops at the first comma of a list ("leaders of Norway, the United States, and Chile") would
 * name only the list's first item: end it before the preposition that opens the list instead.
 */
function beforeList(sentence: string, tokens: Token[], from: number, end: number): number {
  const last = tokens[end];
  if (!last || last.pos !== 'PROPN' || tokens[end + 1]?.text !== ',') return end;
  if (!/^,\s+(?:the\s+)?\p{Lu}[^,.;]*,?\s+and\s+/u.test(sentence.slice(tokens[end + 1]!.start))) return end;
  for (let k = end - 1; k > from + 1; k--) if (tokens[k]!.pos === 'ADP') return k - 1;
  return end;
}

/** The event of the clause that starts at token k (after a fronted date): its subject, verb and object. */
function eventAfter(sentence: string, tokens: Token[], k: number): Built | null {
  let i = k;
  // Skip the rest of the date phrase ("of this year") and subordinate clauses ("when some students believed …").
  while (i < tokens.length) {
    while (i < tokens.length && isBreak(tokens[i]!)) i++;
    if (i >= tokens.length) return null;
    const end = clauseEnd(tokens, i);
    const clause = tokens.slice(i, end + 1);
    if (
      /^(?:when|while|although|though|because|as|if|whereas|which|who|of)$/i.test(tokens[i]!.text) ||
      !clause.some(isVerb)
    ) {
      i = end + 1;
      continue;
    }
    const v = clause.findIndex(isVerb) + i;
    // "paid a state visit to China": the object is the event.
    if (LIGHT_VERB.test(tokens[v]!.text)) {
      let o = v + 1;
      while (tokens[o] && DETERMINER.test(tokens[o]!.text)) o++;
      const np = nounPhraseAt(tokens, o);
      if (np) {
        let to = np[1];
        const p = tokens[to + 1];
        if (p && p.pos === 'ADP' && /^(?:to|in|with|on|at|of|between)$/i.test(p.text)) {
          let q = to + 2;
          while (tokens[q] && DETERMINER.test(tokens[q]!.text)) q++;
          const pp = nounPhraseAt(tokens, q);
          if (pp) to = pp[1];
        }
        return built(tokens, np[0], to);
      }
    }
    let from = i;
    while (from < v && (OPENER.test(tokens[from]!.text) || tokens[from]!.pos === 'ADV')) from++;
    if (PRONOUN.test(tokens[from]!.text)) return null;
    return built(tokens, from, beforeList(sentence, tokens, from, end));
  }
  return null;
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

/** Token range [a, b] covering the characters [start, end), or null. */
function tokenRange(tokens: Token[], span: Span): [number, number] | null {
  const a = tokens.findIndex((t) => t.end > span.start);
  let b = -1;
  for (let k = tokens.length - 1; k >= 0; k--)
    if (tokens[k]!.start < span.end) {
      b = k;
      break;
    }
  return a >= 0 && b >= a ? [a, b] : null;
}

/** Quantity values: wink's CARDINAL, PERCENT and MONEY entities and number tags, with "more than" and units. */
function quantitySpans(sentence: string, tokens: Token[], dates: Span[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const entity = t.entity && /^(?:CARDINAL|PERCENT|MONEY)$/.test(t.entity);
    const numeric = (t.pos === 'NUM' || t.pos === 'NUMADJ') && /\d/.test(t.text);
    if (!entity && !numeric && !(t.pos === 'NUMADJ' || (t.pos === 'NUM' && t.entity === 'CARDINAL'))) continue;
    let a = i;
    let b = i;
    // The rest of the entity ("$ 1.1 billion", "19.7 %"); indexes from wink are stale after joining tokens.
    while (entity && tokens[b + 1] && tokens[b + 1]!.entity === t.entity && !isBreak(tokens[b + 1]!)) b++;
    // Extend over "million", "%" and the like that wink left outside the entity.
    while (
      tokens[b + 1] &&
      (/^(?:%|million|billion|thousand|trillion|percent)$/i.test(tokens[b + 1]!.text) ||
        (/^(?:m|bn|mn|k)$/i.test(tokens[b + 1]!.text) && tokens[b + 1]!.start === tokens[b]!.end) ||
        (tokens[b + 1]!.pos === 'NUM' && tokens[b + 1]!.start === tokens[b]!.end))
    )
      b++;
    i = b;
    const span = { start: tokens[a]!.start, end: tokens[b]!.end };
    if (dates.some((d) => overlaps(d, span))) continue;
    if (t.entity === 'ORDINAL' || /^\d+(?:st|nd|rd|th)$/i.test(t.text)) continue;
    // A number inside a name or a score: "D-8", "Council #1477", "52–21".
    const before = sentence.slice(0, span.start);
    if (/[#\p{L}–—-]$/u.test(before) || /^[–—-]\d/.test(sentence.slice(span.end))) continue;
    // A decade or a year the date reader left alone ("the 1870s", "Best Colleges 2016") is no count.
    if (/^(?:1[5-9]|20)\d\d(?:s|['’]s)?$/.test(sentence.slice(span.start, span.end))) continue;
    // A share in brackets restates the number before it: "18,156 (19.7%)".
    if (/\(\s*$/.test(before)) continue;
    // "the two sides", "one of": a spelled-out number is kept only as a count of something.
    if (!/\d/.test(sentence.slice(span.start, span.end)) && !tokens[b + 1]?.text.match(/s$/i)) continue;
    if (
      !/\d/.test(sentence.slice(span.start, span.end)) &&
      /^(?:the|these|those|first|last|next|past)$/i.test(tokens[a - 1]?.text ?? '')
    )
      continue;
    // "more than 20", "approximately 8,000".
    const approx = APPROXIMATION.exec(before);
    if (approx) {
      const r = tokenRange(tokens, { start: span.start - approx[0].length, end: span.start });
      if (r) a = r[0];
    }
    // "6,500 megawatts", "83,000 square feet".
    const unit = tokens[b + 1];
    if (unit && UNIT.test(unit.text) && !/^(?:years?|months?|weeks?|days?|hours?|minutes?)$/i.test(unit.text)) {
      b++;
      if (UNIT_PREFIX.test(unit.text) && tokens[b + 1]) b++;
    } else if (unit && /^(?:years?|months?|weeks?|days?)$/i.test(unit.text)) {
      b++;
    }
    out.push([a, b]);
  }
  // "from $9.7 million to $176.6 million", "389 to 950": a range is one value.
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] === last[1] + 2 && /^(?:to|through)$/i.test(tokens[last[1] + 1]!.text)) last[1] = r[1];
    else merged.push(r);
  }
  return merged;
}

/** The publication year as the frame of a sentence ("In 2025, the city made …"): the article's own year, not an event. */
function isFrame(sentence: string, start: number, end: number, text: string, published: string): boolean {
  if (text !== published.slice(0, 4)) return false;
  return (
    /^\s*(?:(?:in|by|throughout|during|for)\s+)?$/i.test(sentence.slice(0, start)) && /^\s*,/.test(sentence.slice(end))
  );
}

/** Every field of one sentence that can be named well, in reading order. */
export function sentenceFields(sentence: string, published: string): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (const m of sentence.matchAll(PERSON)) {
    // "President Emeritus of …" is a title, not a name.
    if (/^(?:Emeritus|Emerita|Elect)\b/.test(m[2]!)) continue;
    const start = (m.index ?? 0) + m[0].length - m[2]!.length;
    out.push({ kind: 'person', name: m[1]!.trim(), start, end: start + m[2]!.length });
  }
  for (const m of sentence.matchAll(ORGANIZATION)) {
    const start = m.index ?? 0;
    out.push({ kind: 'organization', name: m[2]!, start, end: start + m[1]!.length });
  }
  // The other way round: a short name, then its long form in brackets ("the "Middle Corridor" (Trans-Caspian …)").
  for (const m of sentence.matchAll(SHORT_THEN_LONG)) {
    const start = (m.index ?? 0) + m[0].indexOf('(') + 1;
    out.push({ kind: 'organization', name: m[1]!, start, end: start + m[2]!.length });
  }
  if (mayHoldValue(sentence)) {
    const tokens = joinAcronyms(sentence, tidyTokens(annotate(sentence)));
    const mentions = extractMentions(sentence, published);
    for (const m of mentions) {
      // A lifespan or aside in brackets ("John Zahm (1851–1921)") dates a name, not an event.
      if (/\(\s*$/.test(sentence.slice(0, m.start))) continue;
      if (isFrame(sentence, m.start, m.end, m.text, published)) continue;
      const r = tokenRange(tokens, m);
      if (!r) continue;
      const named = nameDate(sentence, tokens, r[0], r[1]);
      if (!named || !saysWhat(tokens, named.from, named.to, named.name)) continue;
      out.push({ kind: 'date', name: named.name, start: m.start, end: m.end });
    }
    for (const [a, b] of quantitySpans(sentence, tokens, mentions)) {
      const named = nameQuantity(sentence, tokens, a, b);
      if (!named || !saysWhat(tokens, named.from, named.to, named.name)) continue;
      out.push({ kind: 'quantity', name: named.name, start: tokens[a]!.start, end: tokens[b]!.end });
    }
  }
  // "In 2024, transit traffic … surged by 86%": a date whose event is a quantity of the same sentence dates that
  // quantity ("… surged in 2024: 86%") instead of repeating it in a second name.
  for (const d of out.filter((f) => f.kind === 'date')) {
    const q = out.find((f) => f.kind === 'quantity' && d.name.includes(sentence.slice(f.start, f.end)));
    if (!q) continue;
    const prep = /\b(in|by|during|since|on)\s+$/i.exec(sentence.slice(0, d.start))?.[1]?.toLowerCase() ?? 'in';
    const dated = `${q.name} ${prep} ${sentence.slice(d.start, d.end)}`;
    if (words(dated).length <= MAX_NAME_WORDS) q.name = dated;
    out.splice(out.indexOf(d), 1);
  }
  return out.sort((x, y) => x.start - y.start);
}
