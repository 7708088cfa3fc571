import type { FactStore, PassageField } from '../facts/store.ts';
import { LEAD_SECTION } from '../knowledge/passages.ts';
import type { Article, CuratedCard, Passage } from '../knowledge/types.ts';
import { terms } from '../text/terms.ts';
import type { FactCard, FactField } from './result.ts';
import { CARDS, SNIPPETS } from './tuning.ts';

/**
 * Fact cards for an answer: the first card belongs to the answering sentences (their fields
 * first), the others to the other cited snippets, with only the fields that share a word with
 * the question; curated cards from `facts.yaml` win over derived fields with the same value.
 * No card repeats a name or a value. The fields themselves, each named in words of its own
 * sentence, are worked out when the index is built (`src/facts/`).
 */

/** A cited span: sentences `from`..`to` of a passage. */
export interface CitedSpan {
  article: Article;
  passage: Passage;
  from: number;
  to: number;
  /** The sentence that answers, when a neighbour was joined to it: its fields come first. */
  focus?: number;
}

/** "02 A Key Breakthrough …" → "A Key Breakthrough …"; the lead section is named by the article. */
export function cardTitle(article: Article, passage: Passage): string {
  if (passage.section === LEAD_SECTION) return article.title;
  const bare = passage.section
    .replace(/^\s*(?:(?:chapter|part|section)\s+)?(?:\d+|[IVXLC]+)(?:[.):]|\s*[-–—])?\s+/i, '')
    .trim();
  return bare || article.title;
}

function citation(article: Article, passage: Passage): FactCard['citation'] {
  return {
    passageId: passage.id,
    articleId: article.id,
    title: article.title,
    section: passage.section,
    ...(article.url ? { url: article.url } : {}),
  };
}

export function curatedFactCard(card: CuratedCard, article: Article, passage: Passage): FactCard {
  return {
    title: card.title,
    fields: card.fields.map((f) => ({ ...f, kind: 'curated' as const })),
    citation: citation(article, passage),
    curated: true,
  };
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Adds fields to a card while it has room, skipping repeated names and values, and values a curated card shows. */
function fill(card: FactCard, fields: PassageField[], passage: Passage, taken: Set<string>): void {
  for (const f of fields) {
    if (card.fields.length >= CARDS.maxFields) return;
    const value = passage.text.slice(f.start, f.end);
    const v = norm(value);
    if (card.fields.some((g) => norm(g.name) === norm(f.name))) continue;
    if (card.fields.some((g) => norm(g.value).includes(v) || v.includes(norm(g.value)))) continue;
    if ([...taken].some((t) => t.includes(v) || v.includes(t))) continue;
    const field: FactField = { name: f.name, value, kind: f.kind };
    card.fields.push(field);
  }
}

/**
 * The span's fields, the answering sentence's first: a card has room for a few, and a value the joined neighbour
 * holds ("since 2005") must not take the place of the answer's ("on July 1, 2005", which repeats it).
 */
function spanFields(store: FactStore, span: CitedSpan): PassageField[] {
  const fields = store.fieldsOf(span.passage).filter((f) => f.sentence >= span.from && f.sentence <= span.to);
  // The focus sentence's fields first (a stable sort keeps their order otherwise).
  return fields.sort((a, b) => Number(a.sentence !== span.focus) - Number(b.sentence !== span.focus));
}

/** True when the field's name or value shares a content word with the question. */
function related(f: PassageField, passage: Passage, question: Set<string>): boolean {
  return terms(`${f.name} ${passage.text.slice(f.start, f.end)}`).some((t) => question.has(t));
}

/**
 * Cards for the cited spans (the answer first) and the curated cards of the cited passages.
 * `curated` holds every curated card; only those of cited passages are shown.
 */
export function factCards(store: FactStore, spans: CitedSpan[], curated: CuratedCard[], question: string): FactCard[] {
  const first = spans[0];
  if (!first) return [];
  const cited = new Map(spans.map((s) => [s.passage.id, s]));
  const answerText = first.passage.text.slice(
    first.passage.sentences[first.from]!.start,
    first.passage.sentences[first.to]!.end,
  );
  const shownCurated = curated.filter((c) => cited.has(c.passageId));
  // Curated cards about the answering sentences come first; the rest after the derived answer card.
  const answerCurated = shownCurated.filter((c) => c.passageId === first.passage.id && answerText.includes(c.quote));
  const otherCurated = shownCurated.filter((c) => !answerCurated.includes(c));
  const taken = new Set(shownCurated.flatMap((c) => c.fields.map((f) => norm(f.value))));

  const asked = new Set(terms(question));
  const derived: FactCard[] = [];
  const byPassage = new Map<string, FactCard>();
  for (const span of spans) {
    let card = byPassage.get(span.passage.id);
    if (!card) {
      card = {
        title: cardTitle(span.article, span.passage),
        fields: [],
        citation: citation(span.article, span.passage),
      };
      byPassage.set(span.passage.id, card);
      derived.push(card);
    }
    const fields = spanFields(store, span);
    fill(card, span === first ? fields : fields.filter((f) => related(f, span.passage, asked)), span.passage, taken);
  }
  const [answerCard, ...otherDerived] = derived;
  const cards: FactCard[] = [
    ...answerCurated.map((c) => curatedFactCard(c, cited.get(c.passageId)!.article, cited.get(c.passageId)!.passage)),
    ...(answerCard ? [answerCard] : []),
    ...otherCurated.map((c) => curatedFactCard(c, cited.get(c.passageId)!.article, cited.get(c.passageId)!.passage)),
    ...otherDerived,
  ];
  return cards.filter((c) => c.fields.length > 0).slice(0, SNIPPETS.maxCards);
}
