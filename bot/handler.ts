import { DiscordAPIError as RestDiscordAPIError } from '@discordjs/rest';
import { ComponentType, DiscordAPIError, PermissionsBitField, TextInputStyle } from 'discord.js';
import type { Logger } from 'pino';
import type { Engine } from '../src/engine.ts';
import type { FeedbackStore } from '../src/moderation/store.ts';
import { parseCustomId, type Command, type CommandContext, type DeferKind, type ModalSpec } from './command.ts';
import { infoOf, InteractionType, optionValues, type InteractionInfo, type RawInteraction } from './interaction.ts';
import type { EngineHolder, LiveKnowledge } from './knowledge/live.ts';
import { EPHEMERAL, LIMITS } from './limits.ts';
import {
  cooldownReply,
  errorReply,
  missingPermissionsReply,
  somethingWentWrong,
  truncate,
  type Reply,
} from './replies/respond.ts';
import { CallbackType, messageBody, type Responder } from './responder.ts';

/**
 * The interaction pipeline, the same on both transports (gateway and HTTP): it routes every
 * interaction to its command module and applies what the module declares: per-user cooldown,
 * permission re-check, zod-parsed options, defer, then sends the reply through the transport's
 * `Responder`. A handler that throws gets an ephemeral "something went wrong (code <interaction id>)".
 */

/** Discord errors that only mean the interaction is gone or already answered. */
export const EXPECTED_DISCORD_ERRORS = new Set<number | string>([
  10062, // Unknown interaction (expired, or answered elsewhere)
  40060, // Interaction has already been acknowledged
  10008, // Unknown message (deleted meanwhile)
  10015, // Unknown webhook (token expired after 15 minutes)
]);

/**
 * discord.js loads `@discordjs/rest` as CommonJS and this project imports it as ESM: two copies
 * of the error class, one per transport's REST manager.
 */
export function isExpectedDiscordError(err: unknown): err is DiscordAPIError {
  return (
    (err instanceof DiscordAPIError || err instanceof RestDiscordAPIError) && EXPECTED_DISCORD_ERRORS.has(err.code)
  );
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
  /** Runs one interaction; resolves when its last reply is sent (or dropped). Never rejects. */
  handle(raw: RawInteraction, responder: Responder): Promise<void>;
  /** Stops taking new interactions and resolves when every reply in flight is sent. */
  drain(): Promise<void>;
  readonly inFlight: number;
  readonly draining: boolean;
}

/** Administrators pass every permission check, as in Discord itself. */
const ADMINISTRATOR = PermissionsBitField.Flags.Administrator;

/** Per-user cooldowns are forgotten once this many users are tracked and theirs have run out. */
const COOLDOWN_SWEEP_AT = 10_000;

/**
 * One interaction's reply state, with discord.js's semantics: a first response (reply, defer,
 * update), then edits and follow-ups on the webhook.
 */
class ReplyChannel {
  deferred = false;
  replied = false;
  ephemeral = false;
  /** How the interaction was acknowledged before its handler ran. */
  ack: DeferKind | 'update' = 'none';
  constructor(private responder: Responder) {}

  async reply(reply: Reply) {
    const data = messageBody(reply);
    await this.responder.callback({ type: CallbackType.Message, data });
    this.replied = true;
    this.ephemeral = reply.ephemeral === true;
  }
  async defer(kind: DeferKind | 'update') {
    this.ack = kind;
    if (kind === 'none') return;
    if (kind === 'update') await this.responder.callback({ type: CallbackType.DeferredUpdate });
    else {
      this.ephemeral = kind === 'ephemeral';
      await this.responder.callback({
        type: CallbackType.DeferredMessage,
        data: { flags: this.ephemeral ? EPHEMERAL : 0 },
      });
    }
    this.deferred = true;
  }
  async update(reply: Reply) {
    await this.responder.callback({ type: CallbackType.UpdateMessage, data: messageBody(reply) });
    this.replied = true;
  }
  async editReply(reply: Reply) {
    await this.responder.editOriginal(messageBody(reply));
    this.replied = true;
  }
  async followUp(reply: Reply) {
    await this.responder.followUp(messageBody(reply));
  }
  async deleteReply() {
    await this.responder.deleteOriginal();
  }
  /** Shows a form (callback type 9); the submit arrives as a new interaction. */
  async showModal(modal: ModalSpec) {
    await this.responder.callback({ type: CallbackType.Modal, data: modalPayload(modal) });
    this.replied = true;
  }
  async respond(choices: { name: string; value: string | number }[]) {
    await this.responder.callback({ type: CallbackType.Autocomplete, data: { choices } });
    this.replied = true;
  }
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
    if (uses.size > COOLDOWN_SWEEP_AT)
      for (const [k, v] of uses) if (!v.some((u) => t - u < seconds * 1000)) uses.delete(k);
    return 0;
  }

  function missing(info: InteractionInfo, command: Command): string[] {
    if (!command.permissions) return [];
    const has = info.memberPermissions;
    if (has !== null && ((has & ADMINISTRATOR) !== 0n || (has & command.permissions) === command.permissions))
      return [];
    return new PermissionsBitField(command.permissions).toArray();
  }

  async function send(ch: ReplyChannel, reply: Reply & { update?: boolean }, isButton = false) {
    if (isButton) return sendForButton(ch, reply);
    if (ch.deferred || ch.replied) await ch.editReply(reply);
    else await ch.reply(reply);
  }

  /**
   * Only a reply with `update` changes the message the button sits on. Anything else is a new
   * message: after a deferred update, a follow-up (ephemeral when the reply is); after a public
   * "thinking…", an ephemeral reply replaces that placeholder (the bot's own new message).
   */
  async function sendForButton(ch: ReplyChannel, reply: Reply & { update?: boolean }) {
    if (ch.ack === 'none') await (reply.update ? ch.update(reply) : ch.reply(reply));
    else if (ch.ack === 'update') await (reply.update ? ch.editReply(reply) : ch.followUp(reply));
    else if (ch.ack === 'public' && reply.ephemeral) {
      await ch.deleteReply();
      await ch.followUp(reply);
    } else await ch.editReply(reply);
  }

  async function runCommand(info: InteractionInfo, ch: ReplyChannel) {
    const name = info.raw.data?.name ?? '';
    const command = byName.get(name);
    if (!command) return send(ch, errorReply('I do not know that command any more.'));
    const lacking = missing(info, command);
    if (lacking.length) return send(ch, missingPermissionsReply(command.definition.name, lacking));
    const wait = cooldown(info.user.id, command);
    if (wait > 0) return send(ch, cooldownReply(wait));
    const raw = optionValues(info.raw).values;
    const parsed = command.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return send(ch, errorReply(`That didn't work — ${where}${issue?.message ?? 'invalid options'}.`));
    }
    const kind = typeof command.defer === 'function' ? command.defer(parsed.data) : command.defer;
    await ch.defer(kind);
    const t0 = performance.now();
    const reply = await command.execute({ ...ctx, interaction: info, options: parsed.data });
    const handlerMs = Math.round((performance.now() - t0) * 100) / 100;
    await send(ch, reply);
    o.logger.info(
      {
        interaction: info.id,
        command: command.definition.name,
        user: info.user.id,
        handlerMs,
        options: summarise(raw),
      },
      'command',
    );
  }

  async function runButton(info: InteractionInfo, ch: ReplyChannel) {
    const id = parseCustomId(info.raw.data?.custom_id ?? '');
    const command = id && byName.get(id.command);
    const spec = command?.button;
    if (!id || !command || !spec || (spec.accepts && !spec.accepts(id)))
      return send(ch, errorReply('That button no longer works.'), true);
    const lacking = missing(info, command);
    if (lacking.length) return send(ch, missingPermissionsReply(command.definition.name, lacking), true);
    const wait = cooldown(info.user.id, command);
    if (wait > 0) return send(ch, cooldownReply(wait), true);
    const kind = typeof spec.defer === 'function' ? spec.defer(id) : (spec.defer ?? 'none');
    await ch.defer(kind);
    const reply = await spec.run({ ...ctx, interaction: info, action: id.action, state: id.state });
    if (reply.modal && !ch.deferred && !ch.replied) await ch.showModal(reply.modal);
    else await send(ch, reply, true);
    o.logger.info({ interaction: info.id, command: id.command, action: id.action, user: info.user.id }, 'button');
  }

  async function runModal(info: InteractionInfo, ch: ReplyChannel) {
    const id = parseCustomId(info.raw.data?.custom_id ?? '');
    const command = id && byName.get(id.command);
    if (!id || !command?.modal) return ch.reply(errorReply('That form no longer works.'));
    const lacking = missing(info, command);
    if (lacking.length) return ch.reply(missingPermissionsReply(command.definition.name, lacking));
    const fields = modalFields(info.raw);
    const reply = await command.modal.run({ ...ctx, interaction: info, action: id.action, state: id.state, fields });
    await ch.reply({ ...reply, ephemeral: true });
    o.logger.info({ interaction: info.id, command: id.command, action: id.action, user: info.user.id }, 'modal');
  }

  async function runAutocomplete(info: InteractionInfo, ch: ReplyChannel) {
    const command = byName.get(info.raw.data?.name ?? '');
    let choices: { name: string; value: string | number }[] = [];
    const { focused } = optionValues(info.raw);
    if (command?.autocomplete && focused) choices = await command.autocomplete({ ...ctx, interaction: info, focused });
    await ch.respond(
      choices.slice(0, LIMITS.autocompleteChoices).map((c) => ({
        name: truncate(c.name, LIMITS.choiceName),
        value: typeof c.value === 'string' ? truncate(c.value, LIMITS.choiceValue) : c.value,
      })),
    );
  }

  async function handleOne(raw: RawInteraction, responder: Responder) {
    const info = infoOf(raw);
    if (info.user.bot) return;
    const ch = new ReplyChannel(responder);
    try {
      if (raw.type === InteractionType.Command) await runCommand(info, ch);
      else if (raw.type === InteractionType.Autocomplete) await runAutocomplete(info, ch);
      else if (raw.type === InteractionType.Component) await runButton(info, ch);
      else if (raw.type === InteractionType.ModalSubmit) await runModal(info, ch);
    } catch (err) {
      if (isExpectedDiscordError(err)) {
        // Logged at info: the member got no reply (or no second one), worth seeing in production.
        o.logger.info({ interaction: info.id, code: err.code }, 'expected Discord error, ignored');
        return;
      }
      o.logger.error({ err, interaction: info.id }, 'handler failed');
      await apologise(info, ch).catch((e: unknown) => {
        if (!isExpectedDiscordError(e))
          o.logger.warn({ err: e, interaction: info.id }, 'could not send the error reply');
      });
    }
  }

  /**
   * The error goes back ephemerally: a public "thinking…" is replaced by an ephemeral follow-up.
   * A button press never edits or deletes the message the button sits on: the presser alone
   * gets the apology.
   */
  async function apologise(info: InteractionInfo, ch: ReplyChannel) {
    if (info.type === InteractionType.Autocomplete) {
      if (!ch.replied) await ch.respond([]);
      return;
    }
    const reply = somethingWentWrong(info.id);
    if (info.type === InteractionType.Component && ch.ack === 'update') {
      if (ch.deferred || ch.replied) await ch.followUp(reply);
      else await ch.reply(reply);
    } else if (ch.deferred && !ch.replied) {
      if (ch.ephemeral) await ch.editReply(reply);
      else {
        await ch.deleteReply().catch(() => undefined);
        await ch.followUp(reply);
      }
    } else if (ch.replied || ch.deferred) await ch.followUp(reply);
    else await ch.reply(reply);
  }

  return {
    get inFlight() {
      return running.size;
    },
    get draining() {
      return draining;
    },
    handle(raw, responder) {
      if (draining) return Promise.resolve();
      const p = handleOne(raw, responder).finally(() => running.delete(p));
      running.add(p);
      return p;
    },
    async drain() {
      draining = true;
      await Promise.allSettled([...running]);
    },
  };
}

/** Options for the log: strings shortened, never anything but the option values. */
function summarise(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? truncate(v, 200) : v]));
}

/** A modal as Discord wants it: one text input per action row. */
function modalPayload(m: ModalSpec) {
  return {
    custom_id: m.customId,
    title: truncate(m.title, LIMITS.modalTitle),
    components: m.fields.map((f) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
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

/**
 * A submitted form's values by text input id, from `data.components`: action rows of text
 * inputs (`{ custom_id, value }`), or newer label components holding one (`component`).
 */
export function modalFields(raw: RawInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  const visit = (c: unknown) => {
    if (!c || typeof c !== 'object') return;
    const o = c as { custom_id?: unknown; value?: unknown; components?: unknown; component?: unknown };
    if (typeof o.custom_id === 'string' && typeof o.value === 'string')
      fields[o.custom_id] = o.value.slice(0, LIMITS.textInputValue);
    if (Array.isArray(o.components)) o.components.forEach(visit);
    if (o.component) visit(o.component);
  };
  const components = (raw.data as { components?: unknown } | undefined)?.components;
  if (Array.isArray(components)) components.forEach(visit);
  return fields;
}
