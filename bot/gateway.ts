import { GatewayCloseCodes } from 'discord.js';

/**
 * Gateway close codes after which Discord will not take the bot back until a person changes
 * something (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway).
 * discord.js stops reconnecting after these; the bot then exits non-zero with one line saying
 * what to do, so a supervisor restarts it and the operator sees why it stopped.
 */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, { name: string; fix: string }> = new Map([
  [
    GatewayCloseCodes.AuthenticationFailed,
    {
      name: 'authentication failed',
      fix: 'DISCORD_TOKEN is wrong or was reset; put the current bot token from the Developer Portal in DISCORD_TOKEN',
    },
  ],
  [
    GatewayCloseCodes.InvalidShard,
    { name: 'invalid shard', fix: 'the shard id or count is wrong; start the bot without a shard setting' },
  ],
  [
    GatewayCloseCodes.ShardingRequired,
    {
      name: 'sharding required',
      fix: 'the bot is in too many servers for one gateway connection; it must run sharded',
    },
  ],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    { name: 'invalid API version', fix: 'discord.js is too old for the gateway; update it (npm update discord.js)' },
  ],
  [
    GatewayCloseCodes.InvalidIntents,
    { name: 'invalid intents', fix: 'the intents the bot asks for are not valid; check the Client intents' },
  ],
  [
    GatewayCloseCodes.DisallowedIntents,
    {
      name: 'disallowed intents',
      fix: 'the bot asks for a privileged intent that is not enabled; enable it in the Developer Portal (Bot, Privileged Gateway Intents) or stop asking for it',
    },
  ],
]);

/** The gateway closed with a code from `FATAL_CLOSE_CODES`: the bot cannot go on. */
export class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    const known = FATAL_CLOSE_CODES.get(code);
    const what = known ? ` (${known.name}): ${known.fix}` : ', and does not take the bot back';
    super(`Discord closed the gateway with code ${code}${what}.`);
  }
}

export function isFatalClose(code: number): boolean {
  return FATAL_CLOSE_CODES.has(code);
}
