import type { Timeline } from '../../src/timeline/build.ts';
import { humanDate } from '../../src/timeline/dates.ts';
import type { TimelineEvent } from '../../src/timeline/schema.ts';

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
