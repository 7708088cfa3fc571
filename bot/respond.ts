import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { EPHEMERAL } from './limits.ts';

/**
 * Every reply the bot sends is built here. A `Reply` is plain data; `toPayload` turns it into
 * discord.js options with `allowed_mentions: { parse: [] }`, so no reply ever pings anyone.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Visible to the caller only. Ignored when editing a deferred reply (the defer decided). */
  ephemeral?: boolean;
}

export const NO_MENTIONS = { parse: [] as [] };

export function toPayload(reply: Reply) {
  return {
    content: reply.content ?? '',
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}
