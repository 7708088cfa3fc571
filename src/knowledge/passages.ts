import { splitSentences } from '../text/sentences.ts';
import type { Passage } from './types.ts';

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
export const LEAD_SECTION = 'Introduction';

/**
 * Splits a Markdown body into passages (paragraphs) grouped by heading. A blank line ends a
 * paragraph; a `## Heading` line starts a section. Passage and sentence texts are verbatim
 * slices of the body.
 */
export function splitPassages(articleId: string, body: string): Passage[] {
  const passages: Passage[] = [];
  let section = LEAD_SECTION;
  let buffer: string[] = [];

  const flush = () => {
    if (buffer.length === 0) return;
    const text = buffer.join('\n').trim();
    buffer = [];
    if (!text) return;
    const n = passages.length + 1;
    const id = `${articleId}#p${n}`;
    const sentences = splitSentences(text).map((span, k) => ({
      id: `${id}.s${k + 1}`,
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    }));
    passages.push({ id, articleId, n, section, text, sentences });
  };

  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      section = heading[1]!.trim();
    } else if (line.trim() === '') {
      flush();
    } else {
      buffer.push(line);
    }
  }
  flush();
  return passages;
}
