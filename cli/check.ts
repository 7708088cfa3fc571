import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { displayPath, loadKnowledge } from '../src/knowledge/load.ts';
import { overlongParagraphs, PASSAGE_MAX_CHARS } from '../src/knowledge/passages.ts';
import { extractTimeline } from '../src/timeline/build.ts';
import { parseCli, runCli } from './args.ts';

/** `npm run check`: validates every knowledge file; non-zero exit on any problem, like a content linter in CI. */
await runCli('check', () => {
  const args = parseCli(
    process.argv.slice(2),
    { knowledge: { type: 'string' } },
    z.object({
      knowledge: z
        .string()
        .min(1)
        .default(process.env['KNOWLEDGE_DIR'] || 'knowledge'),
      positionals: z.array(z.string()).max(0, 'check takes no positional arguments'),
    }),
  );
  const k = loadKnowledge(args.knowledge);
  // timeline.yaml belongs to the timeline module, which validates it against the extracted events.
  k.problems.push(...extractTimeline(k).problems);
  for (const p of k.problems) console.error(`${p.file}: ${p.message}`);
  // Not a problem (the article loads), but a sign the file lost its blank lines.
  const warnings = k.articles.flatMap((a) => overlongWarnings(path.join(k.dir, a.path), a.body));
  for (const w of warnings) console.error(`warning: ${w}`);
  const passages = k.articles.reduce((n, a) => n + a.passages.length, 0);
  const sentences = k.articles.reduce((n, a) => n + a.passages.reduce((m, p) => m + p.sentences.length, 0), 0);
  console.log(
    `${k.articles.length} article(s), ${passages} passages, ${sentences} sentences, ${k.aliases.length} alias group(s), ${k.curatedCards.length} curated card(s); ${k.problems.length} problem(s)${warnings.length ? `, ${warnings.length} warning(s)` : ''}`,
  );
  if (k.problems.length > 0) process.exitCode = 1;
});

/** One line per paragraph too long to be one passage, naming the file and the line it starts on. */
function overlongWarnings(file: string, body: string): string[] {
  const long = overlongParagraphs(body);
  if (long.length === 0) return [];
  const source = readFileSync(file, 'utf8');
  const before = source.slice(0, source.length - body.length).split('\n').length - 1;
  const n = (x: number) => x.toLocaleString('en-US');
  return long.map(
    (p) =>
      `${displayPath(file)}:${before + p.line}: a paragraph of ${n(p.chars)} characters (no blank line in it); ` +
      `it is answered from as passages of at most ${n(PASSAGE_MAX_CHARS)} characters. Separate paragraphs with a blank line.`,
  );
}
