import { citationNumbers, phraseParts, sourceGroups, type AskResult } from '../../src/answer/result.ts';

export interface RenderOptions {
  /** Show the answer phrase in bold (ANSI): on a terminal, never when piped. */
  bold?: boolean;
}

const BOLD = '\x1b[1m';
const NORMAL = '\x1b[22m';

const flat = (t: string) => t.replace(/\s+/g, ' ');

/**
 * A fact card's name column is as wide as its longest name up to this, so a value still has about
 * 25 columns on an 80-column terminal; a longer name stands on its own line, its value below in the column.
 */
export const FACT_NAME_COLUMN_MAX = 48;

/** Terminal rendering of an answer: snippets with [n] citations, the answer phrase emphasised, fact cards, sources. */
export function renderAnswer(r: AskResult, o: RenderOptions = {}): string {
  const lines: string[] = [];
  if (!r.answered) {
    lines.push("I couldn't find that in the material.");
    if (r.reason) lines.push(r.reason);
    if (r.suggestions.length) {
      lines.push('', 'It can answer questions about:');
      for (const s of r.suggestions) lines.push(`  - ${s}`);
    }
    return lines.join('\n');
  }
  const sources = citationNumbers(r);
  r.snippets.forEach((s, i) => {
    if (i === 0) {
      const parts = phraseParts(r);
      const text =
        parts && o.bold
          ? `${flat(parts.before)}${BOLD}${flat(parts.phrase)}${NORMAL}${flat(parts.after)}`
          : flat(s.text);
      lines.push(`${text} [${sources.get(s.passageId)}]`);
    } else {
      if (i === 1) lines.push('', 'Also relevant:');
      lines.push(`  - ${flat(s.text)} [${sources.get(s.passageId)}]`);
    }
  });
  for (const card of r.facts) {
    lines.push('', `== ${card.title} [${sources.get(card.citation.passageId) ?? card.citation.passageId}]`);
    const width = Math.max(0, ...card.fields.map((f) => f.name.length).filter((n) => n <= FACT_NAME_COLUMN_MAX));
    for (const f of card.fields)
      if (f.name.length <= width) lines.push(`   ${f.name.padEnd(width)}  ${f.value}`);
      else lines.push(`   ${f.name}`, `   ${' '.repeat(width)}  ${f.value}`);
  }
  lines.push('', 'Sources:');
  for (const g of sourceGroups(r)) {
    const meta = [g.source, g.published].filter(Boolean).join(', ');
    lines.push(`  ${g.title}${meta ? ` (${meta})` : ''}${g.url ? ` ${g.url}` : ''}`);
    for (const s of g.sections) lines.push(`    [${s.n}] ${s.section} #${s.passageId}`);
  }
  return lines.join('\n');
}
