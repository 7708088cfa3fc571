import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { defineCommand } from '../bot/command.ts';
import { gapsReply } from '../bot/replies/moderation.ts';
import { DEFAULT_GAPS_DAYS, gapsReport, MAX_GAPS_DAYS } from '../src/moderation/gaps.ts';

/** /gaps [days]: what members asked that the material cannot answer, and the answers they rated 👎 (moderators). */
export const gaps = defineCommand({
  definition: {
    name: 'gaps',
    description: 'Questions the material could not answer, and answers rated 👎 (moderators)',
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    dm_permission: false,
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'days',
        description: `The last N days (${DEFAULT_GAPS_DAYS} by default)`,
        min_value: 1,
        max_value: MAX_GAPS_DAYS,
      },
    ],
  },
  options: z.object({ days: z.number().int().min(1).max(MAX_GAPS_DAYS).default(DEFAULT_GAPS_DAYS) }),
  permissions: PermissionFlagsBits.ManageMessages,
  defer: 'ephemeral',
  execute: ({ options, store, engine, interaction }) => {
    const since = Date.now() - options.days * 86_400_000;
    const guild = interaction.guildId ?? '';
    const report = gapsReport(store.declined(since, guild), store.downvoted(since, guild), engine.index);
    return gapsReply(report, options.days);
  },
});
