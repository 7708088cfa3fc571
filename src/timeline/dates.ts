/**
 * Partial calendar dates: a day, a month or a year, written as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 * A month-only date never gets an invented day; comparisons use the first and last day it covers.
 */

export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
  year: number;
  /** 1-12, present for month and day precision. */
  month?: number | undefined;
  /** 1-31, present for day precision. */
  day?: number | undefined;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function precisionOf(d: PartialDate): Precision {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2025`, `2025-08` or `2025-08-08`, as precise as the date is and no more. */
export function formatPartial(d: PartialDate): string {
  if (d.month === undefined) return pad(d.year, 4);
  if (d.day === undefined) return `${pad(d.year, 4)}-${pad(d.month)}`;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when it is not a real calendar date. */
export function parsePartial(s: string): PartialDate | null {
  const m = PARTIAL_DATE.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The first day the date covers, as `YYYY-MM-DD` (for sorting and filtering only, never shown as the date). */
export function firstDay(d: PartialDate): string {
  return `${pad(d.year, 4)}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day the date covers, as `YYYY-MM-DD`. */
export function lastDay(d: PartialDate): string {
  const month = d.month ?? 12;
  return `${pad(d.year, 4)}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** Compares two partial dates by the first day they cover; a coarser date sorts first on a tie. */
export function comparePartial(a: PartialDate, b: PartialDate): number {
  const byDay = firstDay(a).localeCompare(firstDay(b));
  if (byDay !== 0) return byDay;
  const rank: Record<Precision, number> = { year: 0, month: 1, day: 2 };
  return rank[precisionOf(a)] - rank[precisionOf(b)];
}

/** Unix seconds at 00:00 UTC of a day-precision date (Discord's `<t:…:D>` markup). */
export function unixSeconds(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / 1000);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "8 August 2025", "August 2025", "2025"; a range as "15–16 November 2025" or "2024–2025". Never a day that the text did not give. */
export function humanDate(date: string, endDate?: string): string {
  const one = (d: string) => {
    const [y, m, day] = d.split('-');
    if (!m) return y!;
    const month = MONTHS[Number(m) - 1]!;
    return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
  };
  if (!endDate) return one(date);
  const [y1, m1, d1] = date.split('-');
  const [y2, m2, d2] = endDate.split('-');
  if (d1 && d2 && y1 === y2 && m1 === m2) return `${Number(d1)}–${Number(d2)} ${MONTHS[Number(m1) - 1]} ${y1}`;
  return `${one(date)} – ${one(endDate)}`;
}
