import { z } from 'zod';

/** `YYYY-MM-DD` that is also a real calendar day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

/**
 * Front matter of an article (see docs/CONTRACTS.md). Unknown keys are kept.
 * YAML may hand us a Date for an unquoted date, so accept one and normalise it.
 */
export const FrontMatterSchema = z.looseObject({
  title: z.string().trim().min(1, 'must not be empty'),
  published: z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    IsoDate,
  ),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, "-" or "_"')
    .optional(),
  source: z.string().trim().min(1).optional(),
  // http(s) only: the url becomes a link in replies, and a javascript: or data: link must never reach one.
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
  authors: z.union([z.string(), z.array(z.string())]).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** `aliases.yaml`: groups of names that mean the same thing (an acronym and its long form, a capital for its government). */
export const AliasesFileSchema = z.strictObject({
  aliases: z.array(z.array(z.string().trim().min(1)).min(2, 'an alias group needs at least two names')),
});
export type AliasesFile = z.infer<typeof AliasesFileSchema>;

/** `facts.yaml`: curated fact cards; each card quotes its article verbatim. */
export const CuratedFactsFileSchema = z.strictObject({
  cards: z.array(
    z.strictObject({
      article: z.string().min(1),
      title: z.string().trim().min(1).max(256),
      quote: z.string().trim().min(1),
      fields: z
        .array(z.strictObject({ name: z.string().trim().min(1).max(256), value: z.string().trim().min(1).max(1024) }))
        .min(1)
        .max(25),
    }),
  ),
});
export type CuratedFactsFile = z.infer<typeof CuratedFactsFileSchema>;

/** Turns a zod error into one line that names the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
