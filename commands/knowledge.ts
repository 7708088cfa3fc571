import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { customId, defineCommand, type CommandContext } from '../bot/command.ts';
import { forgetConfirmReply, forgotReply, knowledgeStatusReply, reloadReply } from '../bot/replies/moderation.ts';
import { errorReply } from '../bot/replies/respond.ts';
import { checkUpload, MAX_UPLOAD_BYTES, validateUpload, writeAtomically } from '../src/knowledge/upload.ts';

/** /knowledge status | reload | add file:<attachment> | forget: the knowledge folder and the stored data (moderators). */

const NAME = 'knowledge';
const FORGET = 'forget';
/** An upload that has not arrived by then is given up (Discord's CDN answers in well under a second). */
const DOWNLOAD_TIMEOUT_MS = 15_000;

const Attachment = z.object({
  name: z.string(),
  url: z.url(),
  size: z.number().int().nonnegative(),
  contentType: z.string().nullish(),
});

const Options = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('status') }),
  z.object({ subcommand: z.literal('reload') }),
  z.object({ subcommand: z.literal('add'), file: Attachment }),
  z.object({ subcommand: z.literal('forget') }),
]);

export const knowledge = defineCommand({
  definition: {
    name: NAME,
    description: 'The articles the bot answers from, and what it stores (moderators)',
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    dm_permission: false,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: 'Articles, passages, the last reload and problems by file',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'reload',
        description: 'Rebuild from the knowledge folder now, and say what changed',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description: 'Add a Markdown article (front matter with title and published)',
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: 'file',
            description: `A .md file of at most ${MAX_UPLOAD_BYTES / 1024} KB`,
            required: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'forget',
        description: "Delete this server's stored questions and votes",
      },
    ],
  },
  options: Options,
  // Checked again by the handler: server admins can override default_member_permissions.
  permissions: PermissionFlagsBits.ManageMessages,
  defer: 'ephemeral',
  execute: async (ctx) => {
    const { options, engine, live, store, interaction } = ctx;
    const guild = interaction.guildId ?? '';
    switch (options.subcommand) {
      case 'status':
        return knowledgeStatusReply({
          articles: engine.knowledge.articles.length,
          passages: engine.index.passages.length,
          problems: live?.last.problems ?? engine.knowledge.problems,
          last: live?.last ?? null,
          stored: store.counts(guild),
          live: live !== null,
        });
      case 'reload':
        if (!live) return errorReply('This bot was started with fixed knowledge; it cannot reload.');
        return reloadReply(await live.reload('command'));
      case 'add':
        return add(ctx, options.file);
      case 'forget':
        return forgetConfirmReply(store.counts(guild), customId(NAME, FORGET, guild));
    }
  },
  button: {
    defer: 'update',
    run: ({ action, state, store, interaction }) => {
      if (action !== FORGET || state !== (interaction.guildId ?? '')) return errorReply('That button no longer works.');
      return { ...forgotReply(store.forgetGuild(state)), update: true };
    },
  },
});

async function add(ctx: CommandContext, file: z.infer<typeof Attachment>) {
  const { live, logger } = ctx;
  if (!live) return errorReply('This bot was started with fixed knowledge; it cannot add articles.');
  const early = checkUpload(file);
  if (early) return errorReply(`Not added — ${early}. Nothing was written.`);
  let bytes: Uint8Array;
  try {
    bytes = await download(file.url);
  } catch (e) {
    logger.warn({ err: e }, 'upload download failed');
    return errorReply('Not added — the file could not be downloaded from Discord. Nothing was written.');
  }
  const check = validateUpload(file, bytes, live.current.knowledge);
  if (!check.ok) return errorReply(`Not added — ${check.error}. Nothing was written.`);
  writeAtomically(check.file, bytes);
  logger.info({ file: check.file, article: check.article.id, bytes: bytes.byteLength }, 'article uploaded');
  const report = await live.reload('upload');
  return reloadReply(report, `Added ${check.article.title}`);
}

/** The attachment's bytes, at most one byte over the limit (so an oversized file is refused, not read whole). */
async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > MAX_UPLOAD_BYTES) break;
  }
  return Buffer.concat(chunks);
}
