import {
  ApplicationCommandOptionType,
  ComponentType,
  DiscordAPIError,
  TextInputStyle,
  type CommandInteractionOption,
  type ModalSubmitInteraction,
  MessageFlags,
  PermissionsBitField,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Engine } from '../src/engine.ts';
import type { FeedbackStore } from '../src/moderation/store.ts';
import type { EngineHolder, LiveKnowledge } from './knowledge/live.ts';
import { parseCustomId, type Command, type CommandContext, type DeferKind, type ModalSpec } from './command.ts';
import { LIMITS } from './limits.ts';
import {
  cooldownReply,
  errorReply,
  missingPermissionsReply,
  somethingWentWrong,
  toPayload,
  truncate,
  type Reply,
} from './replies/respond.ts';

type Payload = ReturnType<typeof toPayload>;

/**
 * Routes every interaction to its command module and applies what the module declares:
 * per-user cooldown, permission re-check, zod-parsed options, defer, then sends the reply.
 * A handler that throws gets an ephemeral "something went wrong (code <interaction id>)".
 */

/** Discord errors that only mean the interaction is gone or already answered. */
export const EXPECTED_DISCORD_ERRORS = new Set<number | string>([
  10062, // Unknown interaction (expired, or answered elsewhere)
  40060, // Interaction has already been acknowledged
  10008, // Unknown message (deleted meanwhile)
  10015, // Unknown webhook (token expired after 15 minutes)
]);

export function isExpectedDiscordError(err: unknown): boolean {
  return err instanceof DiscordAPIError && EXPECTED_DISCORD_ERRORS.has(err.code);
}

export interface HandlerOptions {
  commands: readonly Command[];
  /** The engine, or a holder whose `current` engine is read as each interaction arrives (live reload). */
  engine: Engine | EngineHolder;
  live?: LiveKnowledge | null;
  store: FeedbackStore;
  logger: Logger;
  /** Per user and command: at most `cooldownUses` runs within `cooldownSeconds`. */
  cooldownSeconds: number;
  cooldownUses: number;
  now?: () => number;
}

export interface InteractionHandler {
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new interactions and resolves when every reply in flight is sent. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

export function createHandler(o: HandlerOptions): InteractionHandler {
  const byName = new Map(o.commands.map((c) => [c.definition.name, c]));
  const holder: EngineHolder = 'current' in o.engine ? o.engine : { current: o.engine };
  // A getter: spreading `ctx` into each interaction's context reads the engine current at that moment.
  const ctx: CommandContext = {
    get engine() {
      return holder.current;
    },
    logger: o.logger,
    commands: o.commands,
    live: o.live ?? null,
    store: o.store,
  };
  const now = o.now ?? Date.now;
  const uses = new Map<string, number[]>();
  const running = new Set<Promise<void>>();
  let draining = false;

  /** Seconds to wait before the user may run the command again, or 0. Records the use when allowed. */
  function cooldown(userId: string, command: Command): number {
    const seconds = command.cooldownSeconds ?? o.cooldownSeconds;
    if (seconds <= 0) return 0;
    const key = `${userId}:${command.definition.name}`;
    const t = now();
    const recent = (uses.get(key) ?? []).filter((u) => t - u < seconds * 1000);
    if (recent.length >= o.cooldownUses) {
      uses.set(key, recent);
      return (recent[0]! + seconds * 1000 - t) / 1000;
    }
    recent.push(t);
    uses.set(key, recent);
    if (uses.size > 10_000) for (const [k, v] of uses) if (!v.some((u) => t - u < seconds * 1000)) uses.delete(k);
    return 0;
  }

  function missing(interaction: ChatInputCommandInteraction | ButtonInteraction, command: Command): string[] {
    if (!command.permissions) return [];
    const has = interaction.memberPermissions;
    if (has?.has(command.permissions)) return [];
    return new PermissionsBitField(command.permissions).toArray();
  }

  /** How each button press was acknowledged, so that an error never lands on the message others see. */
  const acks = new WeakMap<ButtonInteraction, DeferKind | 'update'>();

  async function send(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    reply: Reply & { update?: boolean },
  ) {
    const payload = toPayload(reply);
    if (interaction.isButton()) return sendForButton(interaction, reply, payload);
    if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
    else await interaction.reply(payload);
  }

  /**
   * Only a reply with `update` changes the message the button sits on. Anything else is a new
   * message: after a deferred update, a follow-up (ephemeral when the reply is); after a public
   * "thinking…", an ephemeral reply replaces that placeholder (the bot's own new message).
   */
  async function sendForButton(interaction: ButtonInteraction, reply: Reply & { update?: boolean }, payload: Payload) {
    const ack = acks.get(interaction) ?? 'none';
    if (ack === 'none') await (reply.update ? interaction.update(payload) : interaction.reply(payload));
    else if (ack === 'update') await (reply.update ? interaction.editReply(payload) : interaction.followUp(payload));
    else if (ack === 'public' && reply.ephemeral) {
      await interaction.deleteReply();
      await interaction.followUp(payload);
    } else await interaction.editReply(payload);
  }

  async function defer(interaction: ChatInputCommandInteraction | ButtonInteraction, kind: DeferKind | 'update') {
    if (interaction.isButton()) acks.set(interaction, kind);
    if (kind === 'none') return;
    if (kind === 'update' && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply(kind === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  }

  async function runChatInput(interaction: ChatInputCommandInteraction) {
    const command = byName.get(interaction.commandName);
    if (!command) return send(interaction, errorReply('I do not know that command any more.'));
    const lacking = missing(interaction, command);
    if (lacking.length) return send(interaction, missingPermissionsReply(command.definition.name, lacking));
    const wait = cooldown(interaction.user.id, command);
    if (wait > 0) return send(interaction, cooldownReply(wait));
    const raw = optionValues(interaction.options.data);
    const parsed = command.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return send(interaction, errorReply(`That didn't work — ${where}${issue?.message ?? 'invalid options'}.`));
    }
    const kind = typeof command.defer === 'function' ? command.defer(parsed.data) : command.defer;
    await defer(interaction, kind);
    const t0 = performance.now();
    const reply = await command.execute({ ...ctx, interaction, options: parsed.data });
    const handlerMs = Math.round((performance.now() - t0) * 100) / 100;
    await send(interaction, reply);
    o.logger.info(
      {
        interaction: interaction.id,
        command: command.definition.name,
        user: interaction.user.id,
        handlerMs,
        options: summarise(raw),
      },
      'command',
    );
  }

  async function runButton(interaction: ButtonInteraction) {
    const id = parseCustomId(interaction.customId);
    const command = id && byName.get(id.command);
    const spec = command?.button;
    if (!id || !command || !spec || (spec.accepts && !spec.accepts(id)))
      return send(interaction, errorReply('That button no longer works.'));
    const lacking = missing(interaction, command);
    if (lacking.length) return send(interaction, missingPermissionsReply(command.definition.name, lacking));
    const wait = cooldown(interaction.user.id, command);
    if (wait > 0) return send(interaction, cooldownReply(wait));
    const kind = typeof spec.defer === 'function' ? spec.defer(id) : (spec.defer ?? 'none');
    await defer(interaction, kind);
    const reply = await spec.run({ ...ctx, interaction, action: id.action, state: id.state });
    if (reply.modal && !interaction.deferred && !interaction.replied)
      await interaction.showModal(modalPayload(reply.modal));
    else await send(interaction, reply);
    o.logger.info(
      { interaction: interaction.id, command: id.command, action: id.action, user: interaction.user.id },
      'button',
    );
  }

  async function runModal(interaction: ModalSubmitInteraction) {
    const id = parseCustomId(interaction.customId);
    const command = id && byName.get(id.command);
    if (!id || !command?.modal)
      return void (await interaction.reply(toPayload(errorReply('That form no longer works.'))));
    const lacking = command.permissions && !interaction.memberPermissions?.has(command.permissions);
    if (lacking)
      return void (await interaction.reply(
        toPayload(
          missingPermissionsReply(command.definition.name, new PermissionsBitField(command.permissions).toArray()),
        ),
      ));
    const fields: Record<string, string> = {};
    for (const row of interaction.fields.fields.values())
      if ('value' in row && typeof row.value === 'string') fields[row.customId] = row.value;
    const reply = await command.modal.run({ ...ctx, interaction, action: id.action, state: id.state, fields });
    await interaction.reply(toPayload({ ...reply, ephemeral: true }));
    o.logger.info(
      { interaction: interaction.id, command: id.command, action: id.action, user: interaction.user.id },
      'modal',
    );
  }

  async function runAutocomplete(interaction: AutocompleteInteraction) {
    const command = byName.get(interaction.commandName);
    let choices: { name: string; value: string | number }[] = [];
    if (command?.autocomplete) {
      const focused = interaction.options.getFocused(true);
      choices = await command.autocomplete({
        ...ctx,
        interaction,
        focused: { name: focused.name, value: String(focused.value ?? '') },
      });
    }
    await interaction.respond(
      choices.slice(0, LIMITS.autocompleteChoices).map((c) => ({
        name: truncate(c.name, LIMITS.choiceName),
        value: typeof c.value === 'string' ? truncate(c.value, LIMITS.choiceValue) : c.value,
      })),
    );
  }

  async function handleOne(interaction: Interaction) {
    if (interaction.user.bot) return;
    try {
      if (interaction.isChatInputCommand()) await runChatInput(interaction);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction);
      else if (interaction.isButton()) await runButton(interaction);
      else if (interaction.isModalSubmit()) await runModal(interaction);
    } catch (err) {
      if (isExpectedDiscordError(err)) {
        o.logger.debug(
          { interaction: interaction.id, code: (err as DiscordAPIError).code },
          'expected Discord error, ignored',
        );
        return;
      }
      o.logger.error({ err, interaction: interaction.id }, 'handler failed');
      await apologise(interaction).catch((e: unknown) => {
        if (!isExpectedDiscordError(e))
          o.logger.warn({ err: e, interaction: interaction.id }, 'could not send the error reply');
      });
    }
  }

  /**
   * The error goes back ephemerally: a public "thinking…" is replaced by an ephemeral follow-up.
   * A button press never edits or deletes the message the button sits on: the presser alone
   * gets the apology.
   */
  async function apologise(interaction: Interaction) {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const payload = toPayload(somethingWentWrong(interaction.id));
    const placeholder = interaction.deferred && !interaction.replied;
    if (interaction.isButton() && acks.get(interaction) === 'update') {
      if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
      else await interaction.reply(payload);
    } else if (placeholder) {
      if (interaction.ephemeral) await interaction.editReply(payload);
      else {
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(payload);
      }
    } else if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
    else await interaction.reply(payload);
  }

  return {
    get inFlight() {
      return running.size;
    },
    handle(interaction) {
      if (draining) return Promise.resolve();
      const p = handleOne(interaction).finally(() => running.delete(p));
      running.add(p);
      return p;
    },
    async drain() {
      draining = true;
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * The options object a command's schema parses: `{ [name]: value }`; a subcommand adds
 * `subcommand: name` and its own options; an attachment is `{ name, url, size, contentType }`.
 */
export function optionValues(data: readonly CommandInteractionOption[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const opt of data) {
    if (opt.type === ApplicationCommandOptionType.Subcommand) {
      out['subcommand'] = opt.name;
      Object.assign(out, optionValues(opt.options ?? []));
    } else if (opt.type === ApplicationCommandOptionType.SubcommandGroup) {
      out['group'] = opt.name;
      Object.assign(out, optionValues(opt.options ?? []));
    } else if (opt.attachment) {
      const a = opt.attachment;
      out[opt.name] = { name: a.name, url: a.url, size: a.size, contentType: a.contentType };
    } else out[opt.name] = opt.value;
  }
  return out;
}

/** A modal as Discord wants it: one text input per action row. */
function modalPayload(m: ModalSpec) {
  return {
    custom_id: m.customId,
    title: truncate(m.title, LIMITS.modalTitle),
    components: m.fields.map((f) => ({
      type: ComponentType.ActionRow as const,
      components: [
        {
          type: ComponentType.TextInput as const,
          custom_id: f.id,
          label: truncate(f.label, LIMITS.textInputLabel),
          style: f.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: f.required ?? false,
          ...(f.placeholder ? { placeholder: truncate(f.placeholder, LIMITS.textInputPlaceholder) } : {}),
          ...(f.maxLength ? { max_length: f.maxLength } : {}),
        },
      ],
    })),
  };
}

/** Options for the log: strings shortened, never anything but the option values. */
function summarise(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? truncate(v, 200) : v]));
}
