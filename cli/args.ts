import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { describeZodError } from '../src/knowledge/schema.ts';

/** A mistake in how a command was called: printed as one line, exit status 2. */
export class UsageError extends Error {}

/**
 * Parses argv with node's parseArgs, then validates the values with a zod schema, so every CLI
 * reports an unknown flag or a bad value in one line that names it.
 */
export function parseCli<T>(argv: string[], options: NonNullable<ParseArgsConfig['options']>, schema: z.ZodType<T>): T {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) throw new UsageError(describeZodError(result.error));
  return result.data;
}

/** Runs a CLI body: usage errors and unexpected errors become one line on stderr, never a stack trace. */
export async function runCli(name: string, body: () => Promise<void> | void): Promise<void> {
  endQuietlyOnClosedOutput();
  try {
    await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
    if (process.env['DEBUG'] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

/** Reports knowledge files that were skipped, one line each, on stderr. */
export function reportProblems(problems: { file: string; message: string }[]): void {
  for (const p of problems) process.stderr.write(`knowledge: ${p.file}: ${p.message} (skipped)\n`);
}

/**
 * A reader that closes the pipe early (`| head -1`) is done with the output: end at once, with
 * the exit status so far and no stack trace, as `cat` and `grep` do. Other stdout errors still throw.
 */
function endQuietlyOnClosedOutput(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit();
  });
}
