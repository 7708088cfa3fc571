import { z } from 'zod';
import type { SearchIndex } from '../search/index.ts';
import { terms } from '../text/terms.ts';
import type { AskedRow, DownvotedRow } from './store.ts';

/**
 * What members asked that the material cannot answer: declined questions grouped by their
 * content terms (the same term pipeline as the index, so "Who won the World Cup?" and "world
 * cup winner" share `world` and `cup`), most frequent first, each with the nearest article and
 * section when the material shares any term with the group; and the answers members voted 👎.
 */

/** Two questions are one group when their term sets overlap this much (Dice: 2|A∩B| / (|A|+|B|)). */
export const GROUP_SIMILARITY = 0.6;
/** Examples shown per group: enough to see the variety, few enough to read. */
export const GROUP_EXAMPLES = 3;
/** A term in more than this share of the passages does not make a passage "near" a question. */
export const NEAREST_MAX_DF_SHARE = 0.5;
/** The nearest passage holds at least this share of a group's terms (2 of 5: a topic, not one shared word). */
export const NEAREST_MIN_SHARE = 0.4;
/** The period a report covers unless asked otherwise, and the longest it may ask for. */
export const DEFAULT_GAPS_DAYS = 30;
export const MAX_GAPS_DAYS = 3650;
/** Groups and answers listed in a report. */
export const GAPS_LIMIT = 20;

export const NearestSchema = z.object({ title: z.string(), section: z.string() });
export const DeclinedGroupSchema = z.object({
  /** The group's most asked wording. */
  question: z.string(),
  count: z.number().int(),
  /** Wordings in the group, most asked first (the first is `question`). */
  examples: z.array(z.string()),
  nearest: NearestSchema.nullable(),
});
export const DownvotedAnswerSchema = z.object({
  question: z.string(),
  passageId: z.string(),
  votes: z.number().int(),
  /** What members said they were looking for (extension; may be empty). */
  comments: z.array(z.string()).optional(),
});
/** `npm run gaps -- --json` (docs/CONTRACTS.md, "Moderators' data"). */
export const GapsReportSchema = z.object({
  declined: z.array(DeclinedGroupSchema),
  downvoted: z.array(DownvotedAnswerSchema),
});
export type GapsReport = z.infer<typeof GapsReportSchema>;
export type DeclinedGroup = z.infer<typeof DeclinedGroupSchema>;

export interface QuestionGroup {
  question: string;
  count: number;
  examples: string[];
  /** Terms shared by most of the group, for looking up the nearest material. */
  terms: string[];
}

/** One wording, counted: questions that differ only in case, spacing or final punctuation are one. */
function normalise(q: string): string {
  return q
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.\s]+$/, '');
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Groups questions by content terms. Wordings are taken most asked first; each joins the first
 * group whose founding wording it resembles (comparing with the founder, not every member, so
 * groups do not drift along a chain of small steps), or founds a new one.
 */
export function groupQuestions(questions: string[]): QuestionGroup[] {
  const wordings = new Map<string, { text: string; count: number; terms: Set<string> }>();
  for (const q of questions) {
    const text = normalise(q);
    if (!text) continue;
    const key = text.toLowerCase();
    const w = wordings.get(key);
    if (w) w.count++;
    else wordings.set(key, { text, count: 1, terms: new Set(terms(text)) });
  }
  const ordered = [...wordings.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const groups: { founder: Set<string>; members: typeof ordered }[] = [];
  for (const w of ordered) {
    const home = w.terms.size ? groups.find((g) => dice(g.founder, w.terms) >= GROUP_SIMILARITY) : undefined;
    if (home) home.members.push(w);
    else groups.push({ founder: w.terms, members: [w] });
  }
  return groups
    .map((g) => {
      const count = g.members.reduce((n, m) => n + m.count, 0);
      const termCounts = new Map<string, number>();
      for (const m of g.members) for (const t of m.terms) termCounts.set(t, (termCounts.get(t) ?? 0) + m.count);
      const shared = [...termCounts].filter(([, n]) => n * 2 >= count).map(([t]) => t);
      return {
        question: g.members[0]!.text,
        count,
        examples: g.members.slice(0, GROUP_EXAMPLES).map((m) => m.text),
        terms: shared.length ? shared : [...g.founder],
      };
    })
    .sort((a, b) => b.count - a.count);
}

/**
 * The article title and section of the passage that best matches `queryTerms`, or null when that
 * passage (with its headings) holds less than `NEAREST_MIN_SHARE` of the terms or no
 * distinguishing one (a term found in at most `NEAREST_MAX_DF_SHARE` of the passages: every
 * passage of an article about Norway says "Norway"). "Who won the 2018 World Cup?" is
 * not near a section that mentions "the world".
 */
export function nearestMaterial(index: SearchIndex, queryTerms: string[]): z.infer<typeof NearestSchema> | null {
  const n = index.passages.length;
  const distinguishing = [...new Set(queryTerms)].filter((t) => {
    const df = index.df.get(t) ?? 0;
    return df > 0 && df <= NEAREST_MAX_DF_SHARE * n;
  });
  if (distinguishing.length === 0) return null;
  const [hit] = index.passageIndex.search(queryTerms.join(' '), { limit: 1 });
  const passage = hit && hit.score > 0 ? index.passages[hit.id] : undefined;
  if (!hit || !passage) return null;
  const present = new Set([...index.passageTerms(hit.id), ...index.headingTerms(hit.id)]);
  if (!distinguishing.some((t) => present.has(t))) return null;
  const unique = new Set(queryTerms);
  const held = [...unique].filter((t) => present.has(t)).length;
  if (held < NEAREST_MIN_SHARE * unique.size) return null;
  return { title: index.titles[hit.id] ?? passage.articleId, section: passage.section };
}

/** The report: declined questions grouped, then 👎 answers (one line per question and cited passage). */
export function gapsReport(
  declined: AskedRow[],
  downvoted: DownvotedRow[],
  index: SearchIndex | null,
  limit = GAPS_LIMIT,
): GapsReport {
  const groups = groupQuestions(declined.map((r) => r.question)).slice(0, limit);
  const merged = new Map<string, { question: string; passageId: string; votes: number; comments: string[] }>();
  for (const d of downvoted) {
    const passageId = d.passageIds[0] ?? '';
    const key = `${normalise(d.question).toLowerCase()}\0${passageId}`;
    const m = merged.get(key);
    if (m) {
      m.votes += d.votes;
      m.comments.push(...d.comments);
    } else merged.set(key, { question: normalise(d.question), passageId, votes: d.votes, comments: [...d.comments] });
  }
  return {
    declined: groups.map((g) => ({
      question: g.question,
      count: g.count,
      examples: g.examples,
      nearest: index ? nearestMaterial(index, g.terms) : null,
    })),
    downvoted: [...merged.values()].sort((a, b) => b.votes - a.votes).slice(0, limit),
  };
}
