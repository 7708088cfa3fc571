import type { Article, CuratedCard, Passage } from '../knowledge/types.ts';
import { LEAD_SECTION } from '../knowledge/passages.ts';
import { CARDS } from './tuning.ts';
import { CARDINAL_WORDS, DATE_PATTERN, LONG_FORM_ACRONYM, YEAR } from '../text/patterns.ts';
import type { FactCard, FactField } from './result.ts';

/**
 * Fact cards, derived from the text of the passages that answer, so they work for any article.
 * Every value is a verbatim span of the cited passage.
 */

/** "12 bilateral and multilateral treaties", "more than 20 cooperation documents", "6,500 megawatts", "86%". */
const QUANTITY = new RegExp(
  `\\b((?:more than|over|about|around|approximately|nearly|almost|some|at least|up to|fewer than|less than)\\s+)?(\\d[\\d,]*(?:\\.\\d+)?(?![\\w])(?:\\s*(?:%|percent\\b))?|(?:${CARDINAL_WORDS})\\b)(?:\\s+(million|billion|thousand|trillion)\\b)?`,
  'gi',
);

const ROLE =
  '(?:(?:Vice |Deputy |Prime |Foreign |Defen[cs]e |Finance |Interior |Former |First )*(?:President|Minister|Secretary(?:-General)?|Chancellor|Ambassador|Governor|Mayor|Senator|Chairman|Chairwoman|Chair|CEO|Director|Professor|Dr\\.|King|Queen|Prince|Princess|Pope|Bishop|Archbishop|Cardinal|Father|General|Commander|Spokesperson|Spokesman|Founder|Fr\\.|Rev\\.|Reverend|Premier|Emir|Sultan|Sheikh|Coach|Captain|Judge|Justice))';
/** "Norwegian Foreign Minister Espen Eide", "President Macron". */
const PERSON = new RegExp(
  `((?:\\p{Lu}[\\p{L}-]+\\s+)?${ROLE})\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`,
  'gu',
);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Units whose count is named by the "of …" phrase after them: "6,500 megawatts of renewable capacity". */
const UNITS =
  /^(?:megawatts?|gigawatts?|kilowatts?|MW|GW|kilometres?|kilometers?|km|miles?|metres?|meters?|tons?|tonnes?|barrels?|dollars?|euros?|manats?|percent|per cent|hectares?|square \w+|cubic \w+|years?|months?|days?|hours?)$/i;
const RISE = /\b(?:rose|risen|rises|surged|grew|grown|increased|jumped|climbed|up)\s+(?:by\s+)?$/i;
const FALL = /\b(?:fell|fallen|dropped|declined|decreased|shrank|down)\s+(?:by\s+)?$/i;
/** Words that end a noun phrase when read backwards or forwards. */
const PHRASE_BREAK = new Set(
  'is are was were be been has have had will would could may might of in on at by for to from with and or but as than that which who during since after before into per while its their his her the a an this these those it they he she there also even between among against over under through across about around without within toward towards via near next last past when where whether because although though if once until'.split(
    ' ',
  ),
);
const VERBISH = /(?:ed|ing)$/i;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** The noun phrase just before `end` in the same clause: "annual press conference" in "…'s annual press conference on". */
function phraseBefore(text: string, end: number): string {
  const clause =
    text
      .slice(0, end)
      .split(/[,;:()"“”]|[.!?]\s/u)
      .pop() ?? '';
  const ws = words(clause);
  while (ws.length && PHRASE_BREAK.has(ws[ws.length - 1]!.toLowerCase())) ws.pop();
  const out: string[] = [];
  for (let i = ws.length - 1; i >= 0 && out.length < 4; i--) {
    const w = ws[i]!.replace(/['’]s$/u, '');
    if (!/^[\p{L}-]+$/u.test(w) || PHRASE_BREAK.has(w.toLowerCase()) || (VERBISH.test(w) && out.length > 0)) break;
    out.unshift(w);
  }
  return out.join(' ');
}

/** The words right after `start`, up to a break: what a number counts ("bilateral and multilateral documents"). */
function phraseAfter(text: string, start: number, max = 4): string {
  const clause = /^[^,.;:!?()"“”]*/u.exec(text.slice(start))![0];
  const out: string[] = [];
  for (const w of words(clause)) {
    if (!/^[\p{L}-]+$/u.test(w)) break;
    const lower = w.toLowerCase();
    if (PHRASE_BREAK.has(lower) && !(lower === 'and' && out.length > 0)) break;
    if (VERBISH.test(w) && out.length > 0) break;
    out.push(w);
    if (out.length >= max) break;
  }
  while (out.length && PHRASE_BREAK.has(out[out.length - 1]!.toLowerCase())) out.pop();
  return out.join(' ');
}

function quantityFields(text: string): FactField[] {
  const out: FactField[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const number = m[2]!;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const spelled = !/\d/.test(number);
    // A bare year is a date, not a quantity.
    if (YEAR.test(number.replace(/,/g, '')) && !m[3]) continue;
    // Spelled-out numbers are kept only as counts of something: "three newspapers", not "the two sides" or "one of".
    if (
      spelled &&
      (/\b(?:the|next|last|past|first|these|those)\s+$/i.test(text.slice(0, start)) || /^\s+of\b/.test(text.slice(end)))
    )
      continue;
    // "13-year hiatus", "14-story library": the number and its unit describe the noun after them.
    const hyphen = /^-[\p{L}]+/u.exec(text.slice(end));
    if (hyphen && spelled) continue;
    if (hyphen) {
      const noun = phraseAfter(text, end + hyphen[0].length, 3);
      if (noun)
        out.push({ name: capitalise(noun), value: text.slice(start, end + hyphen[0].length).trim(), kind: 'quantity' });
      continue;
    }
    if (/%|percent/.test(number)) {
      const before = text.slice(0, start);
      const name = RISE.test(before)
        ? 'Increase'
        : FALL.test(before)
          ? 'Decrease'
          : capitalise(phraseBefore(text, start)) || 'Share';
      out.push({ name, value: m[0].trim(), kind: 'quantity' });
      continue;
    }
    const counted = phraseAfter(text, end);
    if (!counted) continue;
    if (UNITS.test(counted.split(' ')[0]!)) {
      // "6,500 megawatts of renewable energy …": the value carries the unit, the name says what it measures.
      const unit = counted.split(' ')[0]!;
      const valueEnd = text.indexOf(unit, end) + unit.length;
      const of = /^\s+of\s+/.exec(text.slice(valueEnd));
      const measured = of ? phraseAfter(text, valueEnd + of[0].length, 5) : phraseBefore(text, start);
      out.push({ name: capitalise(measured || unit), value: text.slice(start, valueEnd).trim(), kind: 'quantity' });
      continue;
    }
    if (spelled && !/s$/i.test(counted.split(' ').pop()!)) continue;
    out.push({ name: capitalise(counted), value: m[0].trim(), kind: 'quantity' });
  }
  return out;
}

function dateFields(text: string): FactField[] {
  const out: FactField[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const value = m[0];
    // A month name alone ("may") is too ambiguous to show.
    if (!/\d/.test(value)) continue;
    // Name the date by what happened on it: the phrase before "on/in …", else the clause after it.
    const start = m.index ?? 0;
    const before = text.slice(0, start);
    const prep = /\b(?:on|in|at|since|by|from|until|during)\s+(?:(?:early|late|mid)-?\s*)?$/i.exec(before);
    let name = prep ? phraseBefore(text, start - prep[0].length) : '';
    if (!name)
      name = phraseAfter(text, start + value.length + (/^\s*,/.test(text.slice(start + value.length)) ? 1 : 0), 4);
    out.push({ name: name ? capitalise(name) : 'Date', value, kind: 'date' });
  }
  return out;
}

function personFields(text: string): FactField[] {
  return [...text.matchAll(PERSON)].map((m) => ({ name: m[1]!.trim(), value: m[2]!.trim(), kind: 'person' as const }));
}

function organizationFields(text: string): FactField[] {
  return [...text.matchAll(LONG_FORM_ACRONYM)].map((m) => ({
    name: m[2]!,
    value: m[1]!.trim(),
    kind: 'organization' as const,
  }));
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
 * passage, at most CARDS.maxFields.
 */
export function factCard(article: Article, passage: Passage, focus: string): FactCard | null {
  const fields = extractFields(focus);
  for (const f of extractFields(passage.text)) {
    if (fields.length >= CARDS.maxFields) break;
    if (!fields.some((g) => g.value.toLowerCase().includes(f.value.toLowerCase()))) fields.push(f);
  }
  if (fields.length === 0) return null;
  return {
    title: passage.section === LEAD_SECTION ? article.title : `${passage.section}`,
    fields: fields.slice(0, CARDS.maxFields),
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
