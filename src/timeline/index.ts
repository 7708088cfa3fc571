/** Dated events across the knowledge base, for `/timeline` and `npm run timeline`. No Discord here. */
export { buildTimeline, extractTimeline, TimelineFilterError, type Timeline } from './build.ts';
export { formatPartial, parsePartial, unixSeconds, type PartialDate, type Precision } from './dates.ts';
export { extractMentions, type DateMention } from './extract.ts';
export {
  PartialDateString,
  TimelineEventSchema,
  TimelineFiltersSchema,
  TimelineResultSchema,
  type TimelineEvent,
  type TimelineFilters,
  type TimelineResult,
} from './schema.ts';
