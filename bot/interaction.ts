import { z } from 'zod';

/**
 * One interaction as Discord sends it, on either transport: the `d` of a gateway
 * INTERACTION_CREATE, or the body of a signed `POST /interactions`. The pipeline in
 * `bot/handler.ts` works on this plain data only, so a command behaves the same whichever way
 * the interaction arrived. The schema checks what the pipeline reads and keeps everything else.
 */

/** Interaction types (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export const InteractionType = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Option types that hold other options rather than a value. */
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
/** An attachment option's value is an id into `data.resolved.attachments`. */
const ATTACHMENT = 11;

const Snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id');

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

const OptionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z
    .object({
      name: z.string().max(100),
      type: z.number().int(),
      value: z.union([z.string(), z.number(), z.boolean()]).optional(),
      focused: z.boolean().optional(),
      options: z.array(OptionSchema).max(25).optional(),
    })
    .loose(),
);

const UserSchema = z.object({ id: Snowflake, username: z.string().optional(), bot: z.boolean().optional() }).loose();

export const RawInteractionSchema = z
  .object({
    id: Snowflake,
    application_id: Snowflake,
    type: z.number().int(),
    /** PINGs carry a token too; every other type needs one for its replies. */
    token: z.string().min(1).max(1000),
    guild_id: Snowflake.optional(),
    channel_id: Snowflake.optional(),
    locale: z.string().optional(),
    member: z
      .object({ user: UserSchema, permissions: z.string().regex(/^\d+$/).optional() })
      .loose()
      .optional(),
    user: UserSchema.optional(),
    data: z
      .object({
        name: z.string().max(100).optional(),
        custom_id: z.string().max(100).optional(),
        options: z.array(OptionSchema).max(25).optional(),
        resolved: z.record(z.string(), z.unknown()).optional(),
      })
      .loose()
      .optional(),
    message: z.object({ id: z.string().optional(), flags: z.number().int().optional() }).loose().optional(),
  })
  .loose();
export type RawInteraction = z.infer<typeof RawInteractionSchema>;

/** What a command handler may know about the interaction, whichever transport it came by. */
export interface InteractionInfo {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  user: { id: string; username: string; bot: boolean };
  /** Null outside a guild (a DM), as in discord.js. */
  guildId: string | null;
  channelId: string | null;
  locale?: string;
  /** The member's permissions in the channel; null outside a guild. */
  memberPermissions: bigint | null;
  /** The payload itself, for anything not lifted out above. */
  raw: RawInteraction;
}

export function infoOf(raw: RawInteraction): InteractionInfo {
  const user = raw.member?.user ?? raw.user;
  return {
    id: raw.id,
    token: raw.token,
    applicationId: raw.application_id,
    type: raw.type,
    user: { id: user?.id ?? '0', username: user?.username ?? '', bot: user?.bot === true },
    guildId: raw.guild_id ?? null,
    channelId: raw.channel_id ?? null,
    locale: raw.locale,
    memberPermissions: raw.member?.permissions !== undefined ? BigInt(raw.member.permissions) : null,
    raw,
  };
}

/** An attachment option's value: what a command needs of the file, or undefined if unresolved. */
function attachment(a: unknown) {
  if (!a || typeof a !== 'object') return undefined;
  const r = a as { filename?: unknown; url?: unknown; size?: unknown; content_type?: unknown };
  return { name: r.filename, url: r.url, size: r.size, contentType: r.content_type ?? null };
}

/**
 * The options as one flat object `{ [name]: value }` for the command's zod schema. A subcommand
 * adds `subcommand: <name>` (and a group `group: <name>`) beside its own options; an attachment is
 * `{ name, url, size, contentType }` from `data.resolved.attachments`. `focused` is the option being typed (autocomplete).
 */
export function optionValues(raw: RawInteraction): {
  values: Record<string, unknown>;
  focused?: { name: string; value: string };
} {
  const values: Record<string, unknown> = {};
  let focused: { name: string; value: string } | undefined;
  const attachments = (raw.data?.resolved?.attachments ?? {}) as Record<string, unknown>;
  const walk = (options: RawOption[] | undefined) => {
    for (const o of options ?? []) {
      if (o.type === SUBCOMMAND_GROUP) {
        values.group = o.name;
        walk(o.options);
      } else if (o.type === SUBCOMMAND) {
        values.subcommand = o.name;
        walk(o.options);
      } else {
        values[o.name] =
          o.type === ATTACHMENT && typeof o.value === 'string' ? attachment(attachments[o.value]) : o.value;
        if (o.focused) focused = { name: o.name, value: String(o.value ?? '') };
      }
    }
  };
  walk(raw.data?.options);
  return { values, focused };
}
