import type { Article, CuratedCard, Passage } from '../knowledge/types.ts';
import { DATE_PATTERN } from './question.ts';
import type { FactCard, FactField } from './result.ts';

/**
 * Fact cards, derived from the text of the passages that answer, so they work for any article.
 * Every value is a verbatim span of the cited passage.
 */

const MAX_FIELDS = 6;
const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen';
const STOP_AFTER_NUMBER = new Set(
  'with of in on at for to from by and or but as than that which who during since after before into per while its their his her the a an was were is are has have had'.split(' '),
);

/** "191 bilateral and multilateral documents", "more than 20 cooperation documents", "6,500 megawatts", "86%". */
const QUANTITY = new RegExp(
  `\\b((?:more than|over|about|around|approximately|nearly|almost|some|at least|up to|fewer than|less than)\\s+)?(\\d[\\d,]*(?:\\.\\d+)?(?:\\s*(?:%|percent\\b))?|(?:${NUMBER_WORD})\\b)(?:\\s+(million|billion|thousand|trillion)\\b)?`,
  'gi',
);

const ROLE =
  "(?:(?:Vice |Deputy |Prime |Foreign |Defen[cs]e |Finance |Interior |Former |First )*(?:President|Minister|Secretary(?:-General)?|Chancellor|Ambassador|Governor|Mayor|Senator|Chairman|Chairwoman|Chair|CEO|Director|Professor|Dr\\.|King|Queen|Prince|Princess|Pope|Bishop|Archbishop|Cardinal|Father|General|Commander|Spokesperson|Spokesman|Founder|Premier|Emir|Sultan|Sheikh|Coach|Captain|Judge|Justice))";
/** "Azerbaijani Foreign Minister Ceyhon Bayramov", "President Aliyev". */
const PERSON = new RegExp(`((?:\\p{Lu}[\\p{L}-]+\\s+)?${ROLE})\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`, 'gu');
/** "Shanghai Cooperation Organisation (SCO)". */
const ORGANIZATION =
  /((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*)+)\s+\((\p{Lu}[\p{Lu}\d&.-]{1,11})\)/gu;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quantityFields(text: string): FactField[] {
  const out: FactField[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const number = m[2]!;
    const digits = number.replace(/,/g, '');
    // A bare year is a date, not a quantity.
    if (/^(1[5-9]|20)\d{2}$/.test(digits) && !m[3]) continue;
    const value = m[0].trim();
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (/%|percent/.test(number)) {
      out.push({ name: 'Percentage', value, kind: 'quantity' });
      continue;
    }
    // What it counts: the words after the number, up to a preposition or punctuation.
    const clause = /^[^,.;:!?()"“”]*/u.exec(after)![0].trim();
    const words: string[] = [];
    for (const word of clause.split(/\s+/).filter(Boolean)) {
      if (!/^[\p{L}-]+$/u.test(word)) break;
      if (STOP_AFTER_NUMBER.has(word.toLowerCase()) && !(word === 'and' && words.length > 0)) break;
      words.push(word);
      if (words.length >= 4) break;
    }
    while (words.length && STOP_AFTER_NUMBER.has(words[words.length - 1]!.toLowerCase())) words.pop();
    if (words.length === 0) continue;
    if (/^(one|first)$/i.test(number) && !/\d/.test(value)) continue; // "one of the …" is not a count
    out.push({ name: capitalise(words.join(' ')), value, kind: 'quantity' });
  }
  return out;
}

function dateFields(text: string): FactField[] {
  const out: FactField[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const value = m[0];
    // A month name alone ("may") is too ambiguous to show.
    if (!/\d/.test(value)) continue;
    out.push({ name: 'Date', value, kind: 'date' });
  }
  return out;
}

function personFields(text: string): FactField[] {
  return [...text.matchAll(PERSON)].map((m) => ({ name: m[1]!.trim(), value: m[2]!.trim(), kind: 'person' as const }));
}

function organizationFields(text: string): FactField[] {
  return [...text.matchAll(ORGANIZATION)].map((m) => ({ name: m[2]!, value: m[1]!.trim(), kind: 'organization' as const }));
}

/** Facts in one span of text, most specific kinds first, without repeated values. */
export function extractFields(text: string): FactField[] {
  const all = [...personFields(text), ...organizationFields(text), ...quantityFields(text), ...dateFields(text)];
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = f.value.toLowerCase();
    if ([...seen].some((s) => s.includes(key))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One card per cited passage: facts in the answering sentences first, then the rest of the
 * passage, at most MAX_FIELDS.
 */
export function factCard(article: Article, passage: Passage, focus: string): FactCard | null {
  const fields = extractFields(focus);
  for (const f of extractFields(passage.text)) {
    if (fields.length >= MAX_FIELDS) break;
    if (!fields.some((g) => g.value.toLowerCase().includes(f.value.toLowerCase()))) fields.push(f);
  }
  if (fields.length === 0) return null;
  return {
    title: passage.section === 'Introduction' ? article.title : `${passage.section}`,
    fields: fields.slice(0, MAX_FIELDS),
    citation: {
      passageId: passage.id,
      articleId: article.id,
      title: article.title,
      section: passage.section,
      ...(article.url ? { url: article.url } : {}),
    },
  };
}

export function curatedCard(card: CuratedCard, article: Article, passage: Passage): FactCard {
  return {
    title: card.title,
    fields: card.fields.map((f) => ({ ...f, kind: 'curated' as const })),
    citation: {
      passageId: card.passageId,
      articleId: article.id,
      title: article.title,
      section: passage.section,
      ...(article.url ? { url: article.url } : {}),
    },
    curated: true,
  };
}
