import { z } from 'zod';
import { loadKnowledge } from '../src/knowledge/load.ts';
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
  const passages = k.articles.reduce((n, a) => n + a.passages.length, 0);
  const sentences = k.articles.reduce((n, a) => n + a.passages.reduce((m, p) => m + p.sentences.length, 0), 0);
  console.log(
    `${k.articles.length} article(s), ${passages} passages, ${sentences} sentences, ${k.aliases.length} alias group(s), ${k.curatedCards.length} curated card(s); ${k.problems.length} problem(s)`,
  );
  if (k.problems.length > 0) process.exitCode = 1;
});
