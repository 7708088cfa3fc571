import type { GapsReport } from '../../src/moderation/gaps.ts';

/** The readable terminal gaps report: groups of declined questions, then answers rated 👎. */
export function renderGaps(r: GapsReport, days: number): string {
  const lines = [`Declined questions, last ${days} day${days === 1 ? '' : 's'} (most frequent first):`];
  if (r.declined.length === 0) lines.push('  none');
  for (const g of r.declined) {
    lines.push(`  ${g.count}× "${g.question}"`);
    for (const e of g.examples.filter((x) => x !== g.question)) lines.push(`      also "${e}"`);
    lines.push(
      g.nearest
        ? `      nearest: ${g.nearest.title} — ${g.nearest.section}`
        : `      members keep asking about this; the material has nothing on it`,
    );
  }
  lines.push('', 'Answers rated 👎:');
  if (r.downvoted.length === 0) lines.push('  none');
  for (const d of r.downvoted) {
    lines.push(`  ${d.votes}× 👎 "${d.question}" → ${d.passageId}`);
    for (const c of d.comments ?? []) lines.push(`      looking for: ${c}`);
  }
  return lines.join('\n');
}
