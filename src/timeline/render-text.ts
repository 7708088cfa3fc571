import type { Timeline } from './build.ts';
import type { TimelineEvent } from './schema.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

/** A label after the date for events that are not plain past occurrences. */
export function kindLabel(e: TimelineEvent): string {
  return e.kind === 'target' ? ' (target)' : e.kind === 'context' ? ' (context)' : '';
}

/** The readable terminal timeline: one block an event, with its citation. */
export function renderTimeline(t: Timeline): string {
  if (t.events.length === 0) {
    return t.total === 0 ? 'No dated events in the material.' : `No events match (the material holds ${t.total}).`;
  }
  const lines: string[] = [];
  for (const e of t.events) {
    lines.push(`${humanDate(e.date, e.endDate)}${kindLabel(e)}`);
    lines.push(`  ${e.text}`);
    lines.push(`  — ${e.title}, ${e.section} [${e.passageId}]${e.alsoIn ? ` (also ${e.alsoIn.join(', ')})` : ''}`);
    lines.push('');
  }
  lines.push(`${t.events.length} of ${t.total} events`);
  return lines.join('\n');
}
