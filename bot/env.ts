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
  /** `npm run serve`: the application's Ed25519 public key (Developer Portal → General Information). */
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters of the application public key')
    .optional()
    .or(Blank),
  INTERACTIONS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  INTERACTIONS_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Requests to POST /interactions larger than this get 413 unread (see bot/http/server.ts). */
  INTERACTIONS_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(65_536),
});
export type Env = z.infer<typeof EnvSchema>;

/** `npm run serve` needs the public key that every request is checked against. */
export const ServeEnvSchema = EnvSchema.extend({
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters of the application public key'),
});
export type ServeEnv = z.infer<typeof ServeEnvSchema>;

export class EnvError extends Error {}

/** Validates `source`; throws `EnvError` with one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env;
export function parseEnv<S extends z.ZodType>(source: Record<string, string | undefined>, schema: S): z.infer<S>;
export function parseEnv(source: Record<string, string | undefined>, schema: z.ZodType = EnvSchema): unknown {
  const result = schema.safeParse(source);
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
export function loadEnv(): Env;
export function loadEnv<S extends z.ZodType>(schema: S): z.infer<S>;
export function loadEnv(schema: z.ZodType = EnvSchema): unknown {
  config({ quiet: true });
  try {
    return parseEnv(process.env, schema);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    process.stderr.write(`Configuration error: ${err.message} (see .env.example)\n`);
    process.exit(1);
  }
}
