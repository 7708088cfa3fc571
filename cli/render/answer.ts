import { citationNumbers, type AskResult } from '../../src/answer/result.ts';

/** Terminal rendering of an answer: snippets with [n] citations, fact cards, sources. */
export function renderAnswer(r: AskResult): string {
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
    const text = s.text.replace(/\s+/g, ' ');
    if (i === 0) lines.push(`${text} [${sources.get(s.passageId)}]`);
    else {
      if (i === 1) lines.push('', 'Also relevant:');
      lines.push(`  - ${text} [${sources.get(s.passageId)}]`);
    }
  });
  for (const card of r.facts) {
    lines.push('', `== ${card.title} [${sources.get(card.citation.passageId) ?? card.citation.passageId}]`);
    const width = Math.min(32, Math.max(...card.fields.map((f) => f.name.length)));
    for (const f of card.fields) lines.push(`   ${f.name.padEnd(width)}  ${f.value}`);
  }
  lines.push('', 'Sources:');
  for (const [passageId, n] of sources) {
    const s = r.snippets.find((x) => x.passageId === passageId);
    const card = r.facts.find((c) => c.citation.passageId === passageId);
    const title = s?.title ?? card?.citation.title ?? '';
    const section = s?.section ?? card?.citation.section ?? '';
    const url = s?.url ?? card?.citation.url;
    const meta = [s?.source, s?.published].filter(Boolean).join(', ');
    lines.push(`  [${n}] ${title} — ${section}${meta ? ` (${meta})` : ''} ${url ?? ''} #${passageId}`.trimEnd());
  }
  return lines.join('\n');
}
