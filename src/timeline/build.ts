import type { Knowledge, Problem } from '../knowledge/types.ts';
import { fold, terms } from '../text/terms.ts';
import { firstDay, lastDay, parsePartial } from './dates.ts';
import { compareEvents, extractArticleEvents, mergeDuplicates, toPublic, type DraftEvent } from './events.ts';
import { applyOverrides, loadOverrideFiles } from './overrides.ts';
import { TimelineFiltersSchema, type TimelineEvent, type TimelineFilters } from './schema.ts';

export interface Timeline {
  /** Filtered events, in the requested order. */
  events: TimelineEvent[];
  /** How many events the material holds before filtering (context events excluded unless asked for). */
  total: number;
  /** `timeline.yaml` files or entries that were skipped, and why. */
  problems: Problem[];
}

/** Thrown for filters a user got wrong; the message names the filter ("from: must be YYYY, …"). */
export class TimelineFilterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface Extracted {
  events: DraftEvent[];
  problems: Problem[];
}

/**
 * All events of the material, overrides applied and duplicates merged, oldest first. It depends only on the
 * knowledge, which never changes once loaded: the engine extracts once and passes the result to `buildTimeline`.
 */
export function extractTimeline(knowledge: Knowledge): Extracted {
  const problems: Problem[] = [];
  const drafts = knowledge.articles.flatMap(extractArticleEvents);
  const fixed = applyOverrides(drafts, loadOverrideFiles(knowledge, problems), knowledge.articles, problems);
  const events = mergeDuplicates([...fixed].sort(compareEvents));
  return { events, problems };
}

function matchesQuery(e: DraftEvent, query: string): boolean {
  const hay = `${e.text} ${e.passage.section} ${e.article.title}`;
  if (fold(hay).includes(fold(query))) return true;
  const wanted = terms(query);
  if (wanted.length === 0) return false;
  const have = new Set(terms(hay));
  return wanted.every((t) => have.has(t));
}

/**
 * The timeline for moderators: every dated event in the material, filtered and ordered. An event
 * is kept when the span it covers overlaps [from, to]; `from: 2025-08` keeps "2025" and "2025-08-08".
 */
export function buildTimeline(
  knowledge: Knowledge,
  filters: TimelineFilters = {},
  extracted: Extracted = extractTimeline(knowledge),
): Timeline {
  const parsed = TimelineFiltersSchema.safeParse(filters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TimelineFilterError(String(issue.path[0] ?? 'filters'), issue.message);
  }
  const f = parsed.data;
  const { events, problems } = extracted;
  const visible = events.filter((e) => f.includeContext || e.kind !== 'context');
  const from = f.from ? firstDay(parsePartial(f.from)!) : null;
  const to = f.to ? lastDay(parsePartial(f.to)!) : null;
  const query = f.query?.trim() || null;
  const kept = visible.filter(
    (e) =>
      (from === null || lastDay(e.endDate ?? e.date) >= from) &&
      (to === null || firstDay(e.date) <= to) &&
      (query === null || matchesQuery(e, query)),
  );
  if (f.order === 'newest') kept.reverse();
  return { events: kept.map(toPublic), total: visible.length, problems };
}
