import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { firstDay, lastDay, type PartialDate } from './dates.ts';

/** One date named in a sentence, resolved against the article's publication date. */
export interface DateMention {
  /** Offsets of the date phrase in the sentence. */
  start: number;
  end: number;
  /** The date phrase, verbatim ("August 8th of this year", "November 15th to 16th", "2016"). */
  text: string;
  date: PartialDate;
  endDate?: PartialDate | undefined;
  /** The date lies after the publication date ("expected … by 2030"). */
  future: boolean;
  /** Introduced by "by" ("by 2030"): a deadline or target rather than an occurrence. */
  deadline: boolean;
}

const MONTH_NAME =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?/;
const NUMERIC_DATE = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/;

/** "of this year", "of last year", after a month or day that has no year of its own. */
const RELATIVE_YEAR = /^(\s*,?\s*(?:of\s+)?(this|last|next|the\s+same|the\s+previous|the\s+following)\s+year)\b/i;
const RELATIVE_YEAR_OFFSET: Record<string, number> = {
  this: 0,
  'the same': 0,
  last: -1,
  'the previous': -1,
  next: 1,
  'the following': 1,
};

/** Words that turn a yearless month towards the future instead of the recent past. */
const FUTURE_TENSE =
  /\b(?:will|shall|is expected|are expected|expected to|plans? to|planned|scheduled|set to|to be held|upcoming|forthcoming)\b/i;

/**
 * A four-digit year on its own, or a year range ("2024-2025", "2024–25", "from 2020 to 2022",
 * "between 2020 and 2022"). chrono-node 2 does not read bare years, so this covers them.
 */
const BARE_YEAR =
  /(?<![\p{L}\p{N},.$£€¥#/-])(?:(from|between)\s+)?(1[6-9]\d\d|20\d\d)(?:\s*(?:[-–—]|\s(?:to|and|until|through)\s)\s*(1[6-9]\d\d|20\d\d|\d\d)(?![\p{N}]))?(?![\p{L}\p{N}%]|[,.]\d)/giu;

/** A number followed by one of these is a quantity, not a year ("2000 people"). */
const QUANTITY_NOUN =
  /^\s+(?:people|persons|residents|troops|soldiers|km|kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|barrels|megawatts|mw|gw|units|cars|vehicles|passengers|votes|cases|members|companies|projects|hectares|documents|times|dollars|euros|usd|eur|manat|students|jobs|homes|households|sq)\b/i;

function publishedParts(published: string): { year: number; month: number; day: number } {
  const [y, m, d] = published.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

/** Resolves a month (and maybe day) without a year: the latest one on or before publication, or the next one for future tense. */
function yearFor(month: number, day: number | undefined, published: string, future: boolean): number {
  const pub = publishedParts(published);
  const candidate: PartialDate = { year: pub.year, month, day };
  if (future)
    return firstDay(candidate) >= firstDay({ ...pub, day: day === undefined ? 1 : pub.day }) ? pub.year : pub.year + 1;
  return firstDay(candidate) <= published ? pub.year : pub.year - 1;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isFuture(date: PartialDate, endDate: PartialDate | undefined, published: string): boolean {
  // A range that began by publication is under way, not a target.
  void endDate;
  return firstDay(date) > published;
}

let chronoModule: typeof Chrono | undefined;
/**
 * chrono-node, loaded on first use: it costs about 30 MB and a second to load, and the engine imports this module
 * (fact naming reads dates with it) although only a build of the index or the timeline ever calls it.
 */
function chrono(): typeof Chrono {
  chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chronoModule;
}

/** Dates chrono-node finds (days, months, day ranges), with its quirks smoothed over. */
function calendarMentions(sentence: string, published: string): DateMention[] {
  const pub = publishedParts(published);
  // Noon UTC with timezone 0, so no local-time shift ever moves a day.
  const ref = { instant: new Date(Date.UTC(pub.year, pub.month - 1, pub.day, 12)), timezone: 0 };
  const results = chrono().parse(sentence, ref, { forwardDate: false });
  const futureTense = FUTURE_TENSE.test(sentence);
  const out: DateMention[] = [];

  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    // Only calendar dates: relative phrases ("this year", "the past year", "next five years") and clock times are not events.
    if (!r.start.isCertain('month')) continue;
    // chrono reads "may" and "march" as months; insist on a capitalised month name or a numeric date.
    if (!MONTH_NAME.test(r.text) && !NUMERIC_DATE.test(r.text)) continue;

    // chrono leaves trailing words and punctuation on the match ("July of", "December,").
    let text = r.text.replace(/(?:\s+(?:of|in|on|the))+$/i, '').replace(/[\s,.;:]+$/, '');
    const start = r.index + (r.text.length - r.text.trimStart().length);
    text = text.trimStart();
    let end = start + text.length;

    const month = r.start.get('month')!;
    const day = r.start.isCertain('day') ? r.start.get('day')! : undefined;
    let year: number | undefined = r.start.isCertain('year') ? r.start.get('year')! : undefined;

    const rel = RELATIVE_YEAR.exec(sentence.slice(end));
    if (year === undefined && rel) {
      year = pub.year + (RELATIVE_YEAR_OFFSET[rel[2]!.toLowerCase().replace(/\s+/g, ' ')] ?? 0);
      end += rel[1]!.length;
      text = sentence.slice(start, end);
    }

    // "between March and May 2023": chrono gives "March" and "May 2023" separately; join them.
    const next = results[i + 1];
    let endDate: PartialDate | undefined;
    if (
      year === undefined &&
      next &&
      next.start.isCertain('month') &&
      next.start.isCertain('year') &&
      MONTH_NAME.test(next.text)
    ) {
      const gap = sentence.slice(r.index + r.text.length, next.index);
      if (
        /^\s*(?:and|to|until|through|-|–|—)\s*$/i.test(gap) &&
        /\b(?:between|from)\s+$/i.test(sentence.slice(0, start))
      ) {
        const endMonth = next.start.get('month')!;
        const endYear = next.start.get('year')!;
        const endDay = next.start.isCertain('day') ? next.start.get('day')! : undefined;
        endDate = { year: endYear, month: endMonth, day: day === undefined ? undefined : endDay };
        year = month > endMonth ? endYear - 1 : endYear;
        end = next.index + next.text.replace(/[\s,.;:]+$/, '').length;
        text = sentence.slice(start, end);
        i++;
      }
    }

    if (year === undefined) year = yearFor(month, day, published, futureTense);
    const date: PartialDate = { year, month, day };

    // A range chrono found itself ("November 15th to 16th", "3 to 5 March 2024").
    if (!endDate && r.end && r.end.isCertain('month')) {
      const endMonth = r.end.get('month')!;
      const endDay = day !== undefined && r.end.isCertain('day') ? r.end.get('day')! : undefined;
      let endYear = r.end.isCertain('year') ? r.end.get('year')! : year;
      if (!r.end.isCertain('year') && (endMonth < month || (endMonth === month && (endDay ?? 0) < (day ?? 0))))
        endYear += 1;
      endDate = { year: endYear, month: endMonth, day: endDay };
    }
    if (endDate && firstDay(endDate) <= firstDay(date) && lastDay(endDate) <= lastDay(date)) endDate = undefined;

    const deadline = /\bby\s+(?:the\s+end\s+of\s+)?$/i.test(sentence.slice(0, start));
    out.push({ start, end, text, date, endDate, future: isFuture(date, endDate, published), deadline });
  }
  return out;
}

/** Bare years and year ranges, outside the phrases chrono-node already took. */
function yearMentions(sentence: string, published: string, taken: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const lead = m[1];
    let start = m.index;
    if (lead) start += m[0].indexOf(m[2]!);
    const text = sentence.slice(start, m.index + m[0].length);
    const span = { start, end: start + text.length };
    if (taken.some((t) => overlaps(t, span))) continue;
    if (QUANTITY_NOUN.test(sentence.slice(span.end))) continue;
    // "to"/"and" join two years only after "from"/"between"; otherwise they are two separate years.
    const endYearText = m[3];
    if (endYearText && /\s(?:to|and|until|through)\s/i.test(text) && !lead) {
      const first = m[2]!;
      out.push(...yearMentions(sentence.slice(0, start + first.length), published, taken));
      const restStart = start + text.indexOf(endYearText, first.length);
      const rest = yearMentions(' '.repeat(restStart) + sentence.slice(restStart), published, taken);
      out.push(...rest.filter((r) => !out.some((o) => o.start === r.start)));
      continue;
    }
    const year = Number(m[2]);
    let endYear: number | undefined;
    if (endYearText) {
      endYear = endYearText.length === 2 ? Math.floor(year / 100) * 100 + Number(endYearText) : Number(endYearText);
      if (endYear <= year) endYear = undefined; // "2024-12" or nonsense: keep only the first year
    }
    const shown = endYear === undefined && endYearText ? m[2]! : text;
    const date: PartialDate = { year };
    const endDate = endYear === undefined ? undefined : { year: endYear };
    const deadline = /\bby\s+(?:the\s+end\s+of\s+)?$/i.test(sentence.slice(0, start));
    out.push({
      start,
      end: start + shown.length,
      text: shown,
      date,
      endDate,
      future: isFuture(date, endDate, published),
      deadline,
    });
  }
  return out;
}

/** Every calendar date named in one sentence, in reading order, resolved against `published` (YYYY-MM-DD). */
export function extractMentions(sentence: string, published: string): DateMention[] {
  const calendar = calendarMentions(sentence, published);
  const years = yearMentions(sentence, published, calendar);
  return [...calendar, ...years].sort((a, b) => a.start - b.start);
}
