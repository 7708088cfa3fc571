import type { Article, Passage, Sentence } from '../knowledge/types.ts';
import { terms } from '../text/terms.ts';
import { comparePartial, formatPartial, precisionOf, type PartialDate } from './dates.ts';
import { extractMentions, type DateMention } from './extract.ts';
import type { EventKind, TimelineEvent } from './schema.ts';

/** An event before rendering: the public fields plus what overrides and merging need. */
export interface DraftEvent {
  date: PartialDate;
  endDate?: PartialDate | undefined;
  text: string;
  mention: string;
  kind: EventKind;
  future: boolean;
  article: Article;
  passage: Passage;
  sentence: Sentence;
  alsoIn: string[];
  curated: boolean;
}

/** Clause boundaries inside a sentence: a semicolon, or a comma before a conjunction that starts a new clause. */
const CLAUSE_BREAK = /;\s+|,\s+(?=(?:while|whereas|but|although|though|and|as|yet)\s)/g;

/** The clause of `sentence` around [start, end), or the whole sentence when it cannot be cut cleanly. */
export function clauseAround(sentence: string, start: number, end: number): string {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const cut = m.index;
    if (cut + m[0].length <= start) from = cut + m[0].length;
    else if (cut >= end) {
      to = cut;
      break;
    }
  }
  // The conjunction that opened the clause belongs to the sentence, not to the event.
  const clause = sentence
    .slice(from, to)
    .trim()
    .replace(/^(?:while|whereas|but|although|though|and|as|yet)\s+/i, '');
  // A clause of a few words says nothing by itself.
  return clause.split(/\s+/).length >= 6 ? clause : sentence.trim();
}

function kindOf(m: DateMention, published: string): EventKind {
  if (m.future) return 'target';
  // The publication year named on its own is the article's frame ("In 2025, …"), not a dated event.
  if (precisionOf(m.date) === 'year' && !m.endDate && m.date.year === Number(published.slice(0, 4))) return 'context';
  return 'event';
}

/** Every dated statement of one article, one draft event per date mention, in reading order. */
export function extractArticleEvents(article: Article): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const passage of article.passages) {
    for (const sentence of passage.sentences) {
      const mentions = extractMentions(sentence.text, article.published);
      for (const m of mentions) {
        // Only one date in the sentence: the sentence is the event. Several: the clause around each.
        const text = mentions.length > 1 ? clauseAround(sentence.text, m.start, m.end) : sentence.text.trim();
        out.push({
          date: m.date,
          endDate: m.endDate,
          text,
          mention: m.text,
          kind: kindOf(m, article.published),
          future: m.future,
          article,
          passage,
          sentence,
          alsoIn: [],
          curated: false,
        });
      }
    }
  }
  return out;
}

function sameDate(a: DraftEvent, b: DraftEvent): boolean {
  return (
    formatPartial(a.date) === formatPartial(b.date) &&
    (a.endDate ? formatPartial(a.endDate) : '') === (b.endDate ? formatPartial(b.endDate) : '')
  );
}

/** Share of content terms two texts have in common (Jaccard). */
export function similarity(a: string, b: string): number {
  const ta = new Set(terms(a));
  const tb = new Set(terms(b));
  if (ta.size === 0 || tb.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Threshold above which two statements with the same date are taken to report the same thing. */
const SAME_THING = 0.5;

/**
 * Merges events that name the same date and the same thing: the first one (in article order)
 * stays, the others become `alsoIn` citations. Same text, or one containing the other, or most
 * content words shared.
 */
export function mergeDuplicates(events: DraftEvent[]): DraftEvent[] {
  const kept: DraftEvent[] = [];
  for (const e of events) {
    const twin = kept.find(
      (k) =>
        sameDate(k, e) &&
        (k.text === e.text ||
          k.text.includes(e.text) ||
          e.text.includes(k.text) ||
          similarity(k.text, e.text) >= SAME_THING),
    );
    if (!twin) {
      kept.push(e);
      continue;
    }
    for (const id of [e.passage.id, ...e.alsoIn])
      if (id !== twin.passage.id && !twin.alsoIn.includes(id)) twin.alsoIn.push(id);
  }
  return kept;
}

/** Oldest first; ties by coarser precision first, then by where the text sits. */
export function compareEvents(a: DraftEvent, b: DraftEvent): number {
  return (
    comparePartial(a.date, b.date) ||
    a.article.id.localeCompare(b.article.id) ||
    a.passage.n - b.passage.n ||
    a.sentence.start - b.sentence.start
  );
}

export function toPublic(e: DraftEvent): TimelineEvent {
  return {
    date: formatPartial(e.date),
    precision: precisionOf(e.date),
    ...(e.endDate ? { endDate: formatPartial(e.endDate) } : {}),
    text: e.text,
    passageId: e.passage.id,
    title: e.article.title,
    articleId: e.article.id,
    section: e.passage.section,
    ...(e.article.url ? { url: e.article.url } : {}),
    published: e.article.published,
    mention: e.mention,
    kind: e.kind,
    future: e.future,
    ...(e.alsoIn.length ? { alsoIn: e.alsoIn } : {}),
    ...(e.curated ? { curated: true } : {}),
  };
}
