import { z } from 'zod';
import { cleanHeading } from './suggest.ts';

/** The result objects every front end renders. The CLI's `--json` output is exactly `AskResult`. */

export const SnippetSchema = z.object({
  /** Verbatim span of the article: one or two sentences. */
  text: z.string(),
  passageId: z.string(),
  articleId: z.string(),
  title: z.string(),
  section: z.string(),
  url: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
  score: z.number(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

export const FactFieldSchema = z.object({
  name: z.string(),
  value: z.string(),
  kind: z.enum(['quantity', 'date', 'person', 'organization', 'curated']).optional(),
});
export type FactField = z.infer<typeof FactFieldSchema>;

export const FactCardSchema = z.object({
  title: z.string(),
  fields: z.array(FactFieldSchema),
  citation: z.object({
    passageId: z.string(),
    articleId: z.string().optional(),
    title: z.string().optional(),
    section: z.string().optional(),
    url: z.string().optional(),
  }),
  curated: z.boolean().optional(),
});
export type FactCard = z.infer<typeof FactCardSchema>;

export const AskResultSchema = z.object({
  question: z.string(),
  answered: z.boolean(),
  snippets: z.array(SnippetSchema),
  facts: z.array(FactCardSchema),
  suggestions: z.array(z.string()),
  /**
   * The phrase that answers, a verbatim substring of `snippets[0].text` ("12 bilateral and multilateral treaties"),
   * or null when none can be singled out honestly (and when the question is declined).
   */
  answer: z.string().nullable().optional(),
  /** How much of the question's content the answer covers (0–1), the evidence behind `answered`. */
  confidence: z.number().optional(),
  /** Why a question was declined, for people. */
  reason: z.string().optional(),
  ms: z.number().optional(),
});
export type AskResult = z.infer<typeof AskResultSchema>;

/** The question as accepted from any front end. */
export const MAX_QUESTION_LENGTH = 1000;

/** A question's text as `QuestionSchema` accepts it: control characters as spaces, trimmed. */
export function cleanQuestion(s: string): string {
  return s.replace(/\p{Cc}+/gu, ' ').trim();
}

/**
 * `QuestionSchema.parse` of a question it accepts, without zod: the same text for a string whose cleaned text is 1 to
 * `MAX_QUESTION_LENGTH` characters long, else null (then the schema's parse gives the reason). A parse through zod's
 * transform and pipe cost about 1% of answering a question asked the first time (a CPU profile of the bench).
 */
export function acceptedQuestion(question: unknown): string | null {
  if (typeof question !== 'string') return null;
  const text = cleanQuestion(question);
  return text.length >= 1 && text.length <= MAX_QUESTION_LENGTH ? text : null;
}
export const QuestionSchema = z
  .string()
  .transform((s) => cleanQuestion(s))
  .pipe(
    z
      .string()
      .min(1, 'the question is empty')
      .max(MAX_QUESTION_LENGTH, `the question is longer than ${MAX_QUESTION_LENGTH} characters`),
  );

/** Citation numbers by passage, in order of first appearance: snippets first, then cards. */
export function citationNumbers(r: AskResult): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of [...r.snippets.map((s) => s.passageId), ...r.facts.map((c) => c.citation.passageId)]) {
    if (!map.has(id)) map.set(id, map.size + 1);
  }
  return map;
}

/** The first snippet split around the answer phrase, for front ends that emphasise it; null when there is none. */
export function phraseParts(r: AskResult): { before: string; phrase: string; after: string } | null {
  const text = r.snippets[0]?.text;
  if (!text || !r.answer) return null;
  const at = text.indexOf(r.answer);
  if (at < 0) return null;
  return { before: text.slice(0, at), phrase: r.answer, after: text.slice(at + r.answer.length) };
}

/** Where a cited passage comes from. */
export interface SourceInfo {
  articleId?: string | undefined;
  title: string;
  section: string;
  url?: string | undefined;
  source?: string | undefined;
  published?: string | undefined;
}

/** One cited article with its cited sections, each with its citation number. */
export interface SourceGroup {
  title: string;
  url?: string | undefined;
  source?: string | undefined;
  published?: string | undefined;
  sections: { n: number; passageId: string; section: string }[];
}

/**
 * The cited passages grouped by article, in citation order: each article once, then its sections with their [n]
 * (numbering such as "03. " dropped from the heading). `sourceOf` fills in a passage that only a fact card cites.
 */
export function sourceGroups(r: AskResult, sourceOf?: (passageId: string) => SourceInfo | undefined): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const [passageId, n] of citationNumbers(r)) {
    const s = r.snippets.find((x) => x.passageId === passageId);
    const card = r.facts.find((c) => c.citation.passageId === passageId)?.citation;
    const info: SourceInfo = s ??
      sourceOf?.(passageId) ?? {
        articleId: card?.articleId,
        title: card?.title ?? passageId,
        section: card?.section ?? '',
        url: card?.url,
      };
    const key = info.articleId ?? `${info.title}\u0000${info.url ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { title: info.title, url: info.url, source: info.source, published: info.published, sections: [] };
      groups.set(key, group);
    }
    group.sections.push({ n, passageId, section: cleanHeading(info.section) });
  }
  return [...groups.values()];
}
