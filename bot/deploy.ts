import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from './command.ts';
import { loadEnv, type Env } from './env.ts';

/**
 * `npm run deploy [-- --dry-run | --clear]`: registers every command in `commands/` in one guild
 * (DISCORD_GUILD_ID, instant) or globally, printing what changed against what is registered.
 */

export interface DeployResult {
  scope: string;
  added: string[];
  changed: { name: string; keys: string[] }[];
  removed: string[];
  unchanged: string[];
  /** False when nothing differed (or a dry run): no PUT was sent. */
  written: boolean;
}

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

export async function deployCommands(o: {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
  definitions: Definition[];
  dryRun?: boolean;
}): Promise<DeployResult> {
  const route = o.guildId
    ? Routes.applicationGuildCommands(o.applicationId, o.guildId)
    : Routes.applicationCommands(o.applicationId);
  const remote = (await o.rest.get(route)) as Record<string, unknown>[];
  const byName = new Map(remote.map((c) => [String(c.name), c]));
  const result: DeployResult = {
    scope: o.guildId ? `guild ${o.guildId}` : 'global',
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    written: false,
  };
  for (const def of o.definitions) {
    const old = byName.get(def.name);
    if (!old) result.added.push(def.name);
    else {
      const keys = differingKeys(def as unknown as Record<string, unknown>, old);
      if (keys.length) result.changed.push({ name: def.name, keys });
      else result.unchanged.push(def.name);
    }
  }
  const local = new Set(o.definitions.map((d) => d.name));
  for (const c of remote) if (!local.has(String(c.name))) result.removed.push(String(c.name));
  const dirty = result.added.length + result.changed.length + result.removed.length > 0;
  if (dirty && !o.dryRun) {
    await o.rest.put(route, { body: o.definitions });
    result.written = true;
  }
  return result;
}

/** Keys whose meaning differs, ignoring what Discord adds (ids, versions) and its defaults. */
function differingKeys(local: Record<string, unknown>, remote: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(local), 'default_member_permissions', 'options', 'description', 'nsfw']);
  return [...keys].filter((k) => JSON.stringify(normal(local[k])) !== JSON.stringify(normal(remote[k])));
}

function normal(v: unknown): unknown {
  if (v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0)) return undefined;
  if (Array.isArray(v)) return v.map(normal);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      if (k.endsWith('_localizations')) continue;
      const n = normal((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

export function formatDeploy(r: DeployResult, dryRun = false): string {
  const lines = [`Slash commands (${r.scope}):`];
  for (const n of r.added) lines.push(`  + ${n} (new)`);
  for (const c of r.changed) lines.push(`  ~ ${c.name} (changed: ${c.keys.join(', ')})`);
  for (const n of r.removed) lines.push(`  - ${n} (removed)`);
  for (const n of r.unchanged) lines.push(`  = ${n} (unchanged)`);
  if (!r.written) lines.push(dryRun ? 'Dry run: nothing was sent.' : 'Nothing changed; nothing was sent.');
  else
    lines.push(
      `Registered ${r.added.length + r.changed.length + r.unchanged.length} command(s)${r.scope === 'global' ? '; global commands can take up to an hour to appear' : ''}.`,
    );
  return lines.join('\n');
}

export async function runDeploy(env: Env, commands: readonly Command[], args: string[]): Promise<DeployResult> {
  if (!env.DISCORD_APPLICATION_ID) throw new Error('DISCORD_APPLICATION_ID is required for deploy');
  const rest = new REST(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}).setToken(env.DISCORD_TOKEN);
  const dryRun = args.includes('--dry-run');
  const definitions = args.includes('--clear') ? [] : commands.map((c) => c.definition);
  const result = await deployCommands({
    rest,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_GUILD_ID,
    definitions,
    dryRun,
  });
  process.stdout.write(formatDeploy(result, dryRun) + '\n');
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = loadEnv();
  const { commands } = await import('../commands/index.ts');
  try {
    await runDeploy(env, commands, process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`Deploy failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
