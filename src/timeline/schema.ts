import { z } from 'zod';
import { firstDay, lastDay, parsePartial } from './dates.ts';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date. */
export const PartialDateString = z
  .string()
  .trim()
  .refine((s) => parsePartial(s) !== null, 'must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)');

/**
 * What an event is: something that happened (`event`), a date after publication such as
 * "expected … by 2030" (`target`), or the article's own year named as a frame ("In 2025,
 * the country made progress…"), which is hidden unless asked for (`context`).
 */
export const EventKind = z.enum(['event', 'target', 'context']);
export type EventKind = z.infer<typeof EventKind>;

/** One timeline event, as `npm run timeline -- --json` prints it (see docs/CONTRACTS.md; extra fields are allowed). */
export const TimelineEventSchema = z.object({
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
  precision: z.enum(['day', 'month', 'year']),
  endDate: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
    .optional(),
  /** Verbatim from the article: the sentence, or the clause around the date when a sentence names several. */
  text: z.string().min(1),
  passageId: z.string().min(1),
  title: z.string(),
  articleId: z.string(),
  section: z.string(),
  url: z.string().optional(),
  published: z.string(),
  /** The date phrase as written ("August 8th of this year"). */
  mention: z.string(),
  kind: EventKind,
  /** True for a date after the article's publication ("expected … by 2030"). */
  future: z.boolean(),
  /** Other passages that reported the same thing on the same date. */
  alsoIn: z.array(z.string()).optional(),
  /** Set when a `timeline.yaml` override changed this event. */
  curated: z.boolean().optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelineResultSchema = z.object({ events: z.array(TimelineEventSchema) });
export type TimelineResult = z.infer<typeof TimelineResultSchema>;

/** Filters shared by the CLI and `/timeline`. */
export const TimelineFiltersSchema = z
  .object({
    from: PartialDateString.optional(),
    to: PartialDateString.optional(),
    query: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    order: z.enum(['oldest', 'newest']).default('oldest'),
    /** Include `context` events (the publication year named as a frame). */
    includeContext: z.boolean().default(false),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && firstDay(parsePartial(f.from)!) > lastDay(parsePartial(f.to)!)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `is after to (${f.to})` });
    }
  });
export type TimelineFilters = z.input<typeof TimelineFiltersSchema>;

/** A date given as a YAML scalar: `2024` arrives as a number, so accept that too. */
const YamlPartialDate = z.preprocess(
  (v) =>
    typeof v === 'number'
      ? String(v)
      : v instanceof Date && !Number.isNaN(v.getTime())
        ? v.toISOString().slice(0, 10)
        : v,
  PartialDateString,
);

/**
 * `timeline.yaml`: curated fixes. Each override picks the extracted events of one article whose
 * sentence contains `quote` (narrowed by `when`, the extracted date, if the sentence has several)
 * and hides them or corrects them. With `date` and no extracted event to fix, it adds one.
 */
export const TimelineOverrideSchema = z
  .strictObject({
    article: z.string().trim().min(1),
    quote: z.string().trim().min(1),
    when: YamlPartialDate.optional(),
    hide: z.boolean().optional(),
    date: YamlPartialDate.optional(),
    endDate: YamlPartialDate.optional(),
    text: z.string().trim().min(1).optional(),
    kind: EventKind.optional(),
  })
  .superRefine((o, ctx) => {
    const fixes = ['date', 'endDate', 'text', 'kind'].filter((k) => o[k as keyof typeof o] !== undefined);
    if (o.hide && fixes.length)
      ctx.addIssue({ code: 'custom', path: ['hide'], message: `cannot be combined with ${fixes.join(', ')}` });
    if (!o.hide && !fixes.length)
      ctx.addIssue({ code: 'custom', path: [], message: 'needs hide: true or a fix (date, endDate, text, kind)' });
    if (o.endDate && !o.date) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'needs date as well' });
    if (o.date && o.endDate && lastDay(parsePartial(o.endDate)!) <= lastDay(parsePartial(o.date)!)) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must be after date (${o.date})` });
    }
  });
export type TimelineOverride = z.infer<typeof TimelineOverrideSchema>;

export const TimelineFileSchema = z.strictObject({ overrides: z.array(TimelineOverrideSchema) });
