/**
 * Text patterns shared by question reading, answer typing, fact cards and the term pipeline: one home for each, so
 * the question and the material are always read the same way.
 */

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
/** Month names and their abbreviations, as regular-expression alternatives. */
export const MONTHS = MONTH_NAMES.join('|');
export const MONTH_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
/** The days of the week, lower case, for an alternation. */
export const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** "first" … "tenth": ordinals written as words, which match "1st" … "10th" (see the term pipeline). */
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
] as const;

const UNITS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** Numbers written as words, as regular-expression alternatives: "one" … "nineteen", the tens, and "one" … "nine". */
export const UNIT_WORDS = UNITS;
export const TENS_WORDS = TENS;
export const DIGIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';

/** "one" … "nineteen": the counts a member may type as a digit instead ("5 year anniversary", "which 3 countries"). */
export const UNIT_WORD_LIST = UNITS.split('|');

/** Spelled-out counts ("three newspapers", "a dozen projects"), as regular-expression alternatives. */
export const CARDINAL_WORDS = `${UNITS}|${TENS}|hundred|thousand|dozen`;

/** Every word that can answer "how many" or "how much": counts, magnitudes, multiples and ordinals. */
export const NUMBER_WORDS = `${UNITS}|${TENS}|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|twice|once|thrice|single|double|triple|several|${ORDINAL_WORDS.join('|')}`;

/** A year written on its own (1500–2099): a date, not a count ("in 2016" does not answer "how many"). */
export const YEAR = /^(1[5-9]|20)\d{2}$/;

/** Words that make the number after them a rough count, never a year ("about 1500 delegates", "more than 1800 men"). */
const APPROXIMATE_WORDS = 'about|some|nearly|almost|around|roughly|approximately|than|over|estimated';
export const APPROXIMATE = new RegExp(`^(?:${APPROXIMATE_WORDS})$`, 'i');
const APPROXIMATE_BEFORE = new RegExp(`\\b(?:${APPROXIMATE_WORDS})\\s+$`, 'i');

/**
 * Whether the number shaped like a year at `text[at, end)` counts the plural after it: "About 1500 delegates are
 * expected" (a year is "in 1500", "the 1960 elections", never "about 1500" of a thing).
 */
export function approximatedCount(text: string, at: number, end: number): boolean {
  return (
    APPROXIMATE_BEFORE.test(text.slice(Math.max(0, at - 16), at)) && /^\s+\p{Ll}+s\b/u.test(text.slice(end, end + 40))
  );
}

/**
 * A date to the day: a day of a month ("May 17", "17th of May", "the 8th of March"), a weekday, or a day named relative to
 * another ("yesterday"): what "on what date" and "what day" ask for, where a month or a year alone does not answer.
 */
export const DAY_DATE = new RegExp(
  `\\b(?:(?:${MONTHS}|(?:${MONTH_ABBR})\\.?)\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?![.,]?\\d)|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS}|(?:${MONTH_ABBR})\\.?)\\b|(?:${WEEKDAYS})s?\\b|yesterday|today|tomorrow)`,
  'i',
);

/** Every date to the day in a text (`DAY_DATE` with the global flag, for scanning). */
export const DAY_DATES = new RegExp(DAY_DATE.source, 'gi');

/** A time of day ("4:45 p.m.", "7 a.m.", "10:30 pm"): what "what time did X start" asks, a "when" too. */
export const CLOCK_TIME = String.raw`\d{1,2}(?::\d{2})?\s*(?:[ap]\.m|[ap]m)`;

/** Day, month, year, decade, century and season mentions ("August 8th", "8 August 2025", "April 2025", "1990s"). */
export const DATE_PATTERN = new RegExp(
  `\\b(?:(?:${MONTHS}|(?:${MONTH_ABBR})\\.?)\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})(?:,?\\s+\\d{4})?|(?:${MONTHS})(?:\\s+(?:of\\s+)?\\d{4})?|(?:1[0-9]|20)\\d{2}s?|\\d{1,2}(?:st|nd|rd|th)\\s+century|(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?\\d{4}|${CLOCK_TIME})\\b`,
  'gi',
);

/**
 * Whether a `DATE_PATTERN` match is a verb rather than a month: "may" and "march" alone, in lower case ("prices may
 * rise", "they march on"). The pattern is case-blind so that a member's "may 17" reads as a date; a month alone in the
 * material is written with its capital.
 */
export function verbNotMonth(match: string): boolean {
  return match === 'may' || match === 'march';
}

/** Whether `text` mentions a date (`DATE_PATTERN`), a lower-case "may" or "march" alone not counting. */
export function hasDate(text: string): boolean {
  DATE_SCAN.lastIndex = 0;
  for (let m = DATE_SCAN.exec(text); m !== null; m = DATE_SCAN.exec(text)) {
    if (!verbNotMonth(m[0])) {
      DATE_SCAN.lastIndex = 0;
      return true;
    }
  }
  return false;
}
const DATE_SCAN = new RegExp(DATE_PATTERN.source, 'gi');

/**
 * A capitalised long form followed by its acronym in brackets: "Shanghai Cooperation Organisation (SCO)". Group 1 is
 * the long form, group 2 the acronym.
 */
export const LONG_FORM_ACRONYM =
  /((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*)+)\s+\((\p{Lu}[\p{Lu}\d&.-]{1,11})\)/gu;
