import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { z } from 'zod';
import { customId, defineCommand } from '../bot/command.ts';
import { errorReply, type Reply } from '../bot/replies/respond.ts';
import { timelineReply } from '../bot/replies/timeline.ts';
import type { Engine } from '../src/engine.ts';
import { TimelineFilterError, TimelineFiltersSchema } from '../src/timeline/index.ts';

/** /timeline [from] [to] [query] [order]: every dated event in the material, for moderators. */

const NAME = 'timeline';
const PAGE = 'pg';
/** Keeps the whole state (page and filters) inside a button's 100-character custom id. */
const QUERY_MAX = 60;

const Options = TimelineFiltersSchema.superRefine((o, ctx) => {
  if (o.query && o.query.length > QUERY_MAX)
    ctx.addIssue({ code: 'custom', path: ['query'], message: `must be at most ${QUERY_MAX} characters` });
});
type Options = z.infer<typeof Options>;

/** Button state: `<page>|<o|n>|<from>|<to>|<query>`; the query is last, so it may hold "|". */
export function encodeState(page: number, o: Pick<Options, 'from' | 'to' | 'query' | 'order'>): string {
  return [page, o.order === 'newest' ? 'n' : 'o', o.from ?? '', o.to ?? '', o.query ?? ''].join('|');
}

export function decodeState(state: string): { page: number; options: Options } | null {
  const parts = state.split('|');
  if (parts.length < 5) return null;
  const [page, order, from, to] = parts as [string, string, string, string];
  const query = parts.slice(4).join('|');
  const parsed = Options.safeParse({
    from: from || undefined,
    to: to || undefined,
    query: query || undefined,
    order: order === 'n' ? 'newest' : 'oldest',
  });
  if (!/^\d{1,4}$/.test(page) || !parsed.success) return null;
  return { page: Number(page), options: parsed.data };
}

async function render(engine: Engine, page: number, options: Options): Promise<Reply> {
  let t;
  try {
    t = await engine.timeline(options);
  } catch (e) {
    if (e instanceof TimelineFilterError) return errorReply(`That didn't work — ${e.message}.`);
    throw e;
  }
  return timelineReply(t, {
    page,
    filters: options,
    pageButtonId: (p) => customId(NAME, PAGE, encodeState(p, options)),
  });
}

export const timeline = defineCommand({
  definition: {
    name: NAME,
    description: 'Every dated event in the articles, ordered and cited (moderators)',
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    dm_permission: false,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'from',
        description: 'Earliest date: YYYY, YYYY-MM or YYYY-MM-DD',
        max_length: 10,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'to',
        description: 'Latest date: YYYY, YYYY-MM or YYYY-MM-DD',
        max_length: 10,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Only events mentioning these words',
        max_length: QUERY_MAX,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'order',
        description: 'Oldest first (default) or newest first',
        choices: [
          { name: 'Oldest first', value: 'oldest' },
          { name: 'Newest first', value: 'newest' },
        ],
      },
    ],
  },
  options: Options,
  // The bot's handler checks this again before anything runs and refuses ephemerally:
  // server admins can override default_member_permissions per channel or role.
  permissions: PermissionFlagsBits.ManageMessages,
  defer: 'public',
  execute: ({ engine, options }) => render(engine, 1, options),
  button: {
    accepts: ({ action, state }) => action === PAGE && decodeState(state) !== null,
    defer: 'update',
    run: async ({ engine, action, state }) => {
      const decoded = action === PAGE ? decodeState(state) : null;
      if (!decoded) return errorReply('That button no longer works.');
      return { ...(await render(engine, decoded.page, decoded.options)), update: true };
    },
  },
});
