import { existsSync } from 'node:fs';
import { z } from 'zod';
import { createEngine } from '../src/engine.ts';
import { DEFAULT_GAPS_DAYS, gapsReport, GapsReportSchema, MAX_GAPS_DAYS } from '../src/moderation/gaps.ts';
import { databasePath, FeedbackStore } from '../src/moderation/store.ts';
import { parseCli, reportProblems, runCli } from './args.ts';
import { renderGaps } from './render/gaps.ts';

/** `npm run gaps`: the same report as /gaps, from the database in DATA_DIR, for every guild unless --guild. */

const USAGE = 'usage: npm run gaps -- [--days N] [--json] [--data DIR] [--knowledge DIR] [--guild ID]';

const GapsArgs = z.object({
  days: z.coerce
    .number({ error: '--days must be a whole number of days' })
    .int('--days must be a whole number of days')
    .min(1, '--days must be at least 1')
    .max(MAX_GAPS_DAYS, `--days must be at most ${MAX_GAPS_DAYS}`)
    .default(DEFAULT_GAPS_DAYS),
  json: z.boolean().default(false),
  data: z
    .string()
    .min(1, '--data needs a folder')
    .default(process.env['DATA_DIR'] || 'data'),
  knowledge: z
    .string()
    .min(1, '--knowledge needs a folder')
    .default(process.env['KNOWLEDGE_DIR'] || 'knowledge'),
  guild: z
    .string()
    .regex(/^\d{1,20}$/, '--guild must be a Discord id')
    .optional(),
  help: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, `unexpected argument (${USAGE})`),
});

await runCli('gaps', () => {
  const args = parseCli(
    process.argv.slice(2),
    {
      days: { type: 'string' },
      json: { type: 'boolean' },
      data: { type: 'string' },
      knowledge: { type: 'string' },
      guild: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    GapsArgs,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const since = Date.now() - args.days * 86_400_000;
  const file = databasePath(args.data);
  let declined: ReturnType<FeedbackStore['declined']> = [];
  let downvoted: ReturnType<FeedbackStore['downvoted']> = [];
  if (existsSync(file)) {
    const store = new FeedbackStore(file);
    try {
      declined = store.declined(since, args.guild);
      downvoted = store.downvoted(since, args.guild);
    } finally {
      store.close();
    }
  }
  let index = null;
  if (declined.length && existsSync(args.knowledge)) {
    const engine = createEngine({
      knowledgeDir: args.knowledge,
      cacheDir: process.env['NEWSBOT_CACHE_DIR'] || undefined,
    });
    reportProblems(engine.knowledge.problems);
    index = engine.index;
  }
  const report = gapsReport(declined, downvoted, index);
  if (args.json) console.log(JSON.stringify(GapsReportSchema.parse(report)));
  else console.log(renderGaps(report, args.days));
});
