import { config } from 'dotenv';
import { z } from 'zod';

/**
 * The environment, validated by one schema. `.env` is loaded through dotenv, which never
 * overrides a variable already set, so the real environment wins.
 */
const Snowflake = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'must be a Discord id (digits only)');
const Blank = z.literal('').transform(() => undefined);

export const EnvSchema = z.object({
  DISCORD_TOKEN: z.string().min(1, 'is required'),
  /** Required by `npm run deploy`; the bot itself learns it at login. */
  DISCORD_APPLICATION_ID: Snowflake.optional().or(Blank),
  DISCORD_GUILD_ID: Snowflake.optional().or(Blank),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
    .optional()
    .or(Blank),
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  /** What must last: the moderators' database (votes, declined questions). Git-ignored by default. */
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Per-user rate limit: at most COMMAND_COOLDOWN_USES runs of one command in this many seconds. */
  COMMAND_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  COMMAND_COOLDOWN_USES: z.coerce.number().int().min(1).max(1000).default(30),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Validates `source`; throws `EnvError` with one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const message =
    source[name] === undefined
      ? 'is required'
      : issue.message.replace(/^Invalid (?:input|option): (?:expected )?/, 'must be ');
  throw new EnvError(`${name} ${message}`);
}

/** Loads `.env` (without overriding) and validates, or exits with one line naming the variable. */
export function loadEnv(): Env {
  config({ quiet: true });
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    process.stderr.write(`Configuration error: ${err.message} (see .env.example)\n`);
    process.exit(1);
  }
}
