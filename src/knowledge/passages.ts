import { splitSentences, type TextRange } from '../text/sentences.ts';
import type { Passage } from './types.ts';

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
export const LEAD_SECTION = 'Introduction';

/**
 * A paragraph longer than this many characters is split into passages of at most this length
 * (at sentence ends; an overlong sentence at a space). News paragraphs are under 2,000; the work
 * of answering a question grows with the length of the passages it reads, so one article
 * written as a single paragraph must not be one passage. A passage also fits one Discord embed.
 */
export const PASSAGE_MAX_CHARS = 4000;

/**
 * Splits a Markdown body into passages (paragraphs) grouped by heading. A blank line ends a
 * paragraph; a `## Heading` line starts a section; a paragraph over `PASSAGE_MAX_CHARS` becomes
 * several passages. Passage and sentence texts are verbatim slices of the body.
 */
export function splitPassages(articleId: string, body: string): Passage[] {
  const passages: Passage[] = [];
  const push = (section: string, text: string, spans: TextRange[]) => {
    const n = passages.length + 1;
    const id = `${articleId}#p${n}`;
    const sentences = spans.map((span, k) => ({
      id: `${id}.s${k + 1}`,
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    }));
    passages.push({ id, articleId, n, section, text, sentences });
  };
  for (const { section, text } of paragraphs(body)) {
    const spans = splitSentences(text);
    if (text.length <= PASSAGE_MAX_CHARS) {
      push(section, text, spans);
      continue;
    }
    for (const part of boundedParts(text, spans, PASSAGE_MAX_CHARS)) {
      const from = part[0]!.start;
      push(
        section,
        text.slice(from, part.at(-1)!.end),
        part.map((r) => ({ start: r.start - from, end: r.end - from })),
      );
    }
  }
  return passages;
}

/** Paragraphs of `body` longer than `PASSAGE_MAX_CHARS`, each split into several passages: its first line and length. */
export function overlongParagraphs(body: string): { line: number; chars: number }[] {
  return [...paragraphs(body)]
    .filter((p) => p.text.length > PASSAGE_MAX_CHARS)
    .map((p) => ({ line: p.line, chars: p.text.length }));
}

/** The body's paragraphs, trimmed, with their section and 1-based first line. */
function* paragraphs(body: string): Generator<{ section: string; text: string; line: number }> {
  let section = LEAD_SECTION;
  let buffer: string[] = [];
  let first = 0;
  const lines = body.split(/\r?\n/);
  const flush = function* () {
    const text = buffer.join('\n').trim();
    buffer = [];
    if (text) yield { section, text, line: first + 1 };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    if (heading || line.trim() === '') {
      yield* flush();
      if (heading) section = heading[1]!.trim();
    } else {
      if (buffer.length === 0) first = i;
      buffer.push(line);
    }
  }
  yield* flush();
}

/**
 * Groups sentence spans into runs of at most `max` characters, in order. A sentence longer than
 * `max` is first cut at spaces (or, with none, every `max` characters) into pieces that fit.
 */
function boundedParts(text: string, spans: TextRange[], max: number): TextRange[][] {
  const pieces: TextRange[] = [];
  for (const s of spans) {
    let { start } = s;
    while (s.end - start > max) {
      let cut = text.lastIndexOf(' ', start + max);
      if (cut <= start + max / 2) cut = start + max;
      if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--; // never split a surrogate pair
      const end = text.slice(start, cut).trimEnd().length + start;
      pieces.push({ start, end });
      start = cut;
      while (/\s/.test(text[start] ?? '')) start++;
    }
    if (start < s.end) pieces.push({ start, end: s.end });
  }
  const parts: TextRange[][] = [];
  for (const piece of pieces) {
    const last = parts.at(-1);
    if (last && piece.end - last[0]!.start <= max) last.push(piece);
    else parts.push([piece]);
  }
  return parts;
}
