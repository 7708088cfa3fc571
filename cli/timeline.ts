import { z } from 'zod';
import { createEngine } from '../src/engine.ts';
import { TimelineFilterError, TimelineResultSchema } from '../src/timeline/index.ts';
import { renderTimeline } from './render/timeline.ts';
import { UsageError, parseCli, reportProblems, runCli } from './args.ts';

const USAGE =
  'usage: npm run timeline -- [--json] [--from YYYY[-MM[-DD]]] [--to YYYY[-MM[-DD]]] [--query WORDS] [--newest] [--all] [--knowledge DIR]';

const TimelineArgs = z.object({
  json: z.boolean().default(false),
  from: z.string().optional(),
  to: z.string().optional(),
  query: z.string().optional(),
  newest: z.boolean().default(false),
  all: z.boolean().default(false),
  knowledge: z
    .string()
    .min(1, '--knowledge needs a folder')
    .default(process.env['KNOWLEDGE_DIR'] || 'knowledge'),
  help: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, `unexpected argument (${USAGE})`),
});

await runCli('timeline', async () => {
  const args = parseCli(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      query: { type: 'string' },
      newest: { type: 'boolean' },
      all: { type: 'boolean' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    TimelineArgs,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const engine = createEngine({
    knowledgeDir: args.knowledge,
    cacheDir: process.env['NEWSBOT_CACHE_DIR'] || undefined,
  });
  reportProblems(engine.knowledge.problems);
  let timeline;
  try {
    timeline = await engine.timeline({
      from: args.from,
      to: args.to,
      query: args.query,
      order: args.newest ? 'newest' : 'oldest',
      includeContext: args.all,
    });
  } catch (e) {
    if (e instanceof TimelineFilterError) throw new UsageError(`--${e.message}`);
    throw e;
  }
  reportProblems(timeline.problems);
  if (args.json) console.log(JSON.stringify(TimelineResultSchema.parse({ events: timeline.events })));
  else console.log(renderTimeline(timeline));
});
