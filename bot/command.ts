import type { APIApplicationCommandOptionChoice, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Engine } from '../src/engine.ts';
import type { FeedbackStore } from '../src/moderation/store.ts';
import type { InteractionInfo } from './interaction.ts';
import type { LiveKnowledge } from './knowledge/live.ts';
import { LIMITS } from './limits.ts';
import type { Reply } from './replies/respond.ts';

/**
 * The shape of one slash command. A module in `commands/` exports one `Command` (definition and
 * handlers together) and is listed in `commands/index.ts`. `bot/handler.ts` applies everything
 * declared here: cooldown, permission re-check, zod-parsed options, defer, sending the reply.
 * Handlers never reply themselves: they return a `Reply` built with `bot/replies/respond.ts`,
 * so every message goes through the same limits and `allowed_mentions`, on either transport
 * (the gateway bot, or the HTTP endpoint in `bot/http/`).
 */

/** How the handler acknowledges a slash command before `execute` runs. */
export type DeferKind = 'public' | 'ephemeral' | 'none';

/** What every handler gets. */
export interface CommandContext {
  /** The engine current when the interaction arrived; a live reload swaps in another for later ones. */
  engine: Engine;
  logger: Logger;
  /** Every registered command (for /help). */
  commands: readonly Command[];
  /** The knowledge folder, watched and rebuilt while the bot runs; null when the bot was given a fixed engine. */
  live: LiveKnowledge | null;
  /** The moderators' database (votes, declined questions), in `DATA_DIR`. */
  store: FeedbackStore;
}

export interface ExecuteContext<Options> extends CommandContext {
  /** Who ran it, where, with which permissions: plain data, the same on the gateway and over HTTP. */
  interaction: InteractionInfo;
  /** The command's options, parsed by its zod schema. */
  options: Options;
}

export interface AutocompleteContext extends CommandContext {
  interaction: InteractionInfo;
  /** The option being typed, and what has been typed so far. */
  focused: { name: string; value: string };
}

/** A button press, decoded from its custom id `<command>:<action>:<state>`. */
export interface ButtonPress {
  action: string;
  state: string;
}

export interface ButtonContext extends CommandContext, ButtonPress {
  interaction: InteractionInfo;
}

/**
 * What a button handler returns. `update: true` edits the message the button sits on (paging);
 * otherwise a new reply is sent, ephemeral when `reply.ephemeral` is set.
 */
export type ButtonReply = Reply & { update?: boolean; modal?: ModalSpec };

/** A form to show instead of a reply (a button whose handler returns one must not defer). */
export interface ModalSpec {
  /** `<command>:<action>:<state>`, routed like a button to the command's `modal.run`. */
  customId: string;
  title: string;
  /** One text field each, in order. */
  fields: { id: string; label: string; placeholder?: string; long?: boolean; required?: boolean; maxLength?: number }[];
}

export interface ModalContext extends CommandContext, ButtonPress {
  interaction: InteractionInfo;
  /** Each field's value by id ('' when left empty). */
  fields: Record<string, string>;
}

// `any`: one list holds commands with different option schemas, and `execute` takes each one's own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Command<Schema extends z.ZodType = any> {
  /** Sent to Discord as is by `npm run deploy`; plain data, written `as const`/`satisfies`. */
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Parses the options object `{ [optionName]: value }` built from the interaction. */
  options: Schema;
  /** Acknowledge first (when the work may pass Discord's 3-second window), then edit. */
  defer: DeferKind | ((options: z.infer<Schema>) => DeferKind);
  /** Seconds between two uses by one user; defaults to `COMMAND_COOLDOWN_SECONDS`. */
  cooldownSeconds?: number;
  /**
   * Permission bits (e.g. `PermissionFlagsBits.ManageMessages`) a member needs. Put the same
   * value in `definition.default_member_permissions`; the handler checks it again and refuses
   * ephemerally, since server admins can override the default.
   */
  permissions?: bigint;
  execute(ctx: ExecuteContext<z.infer<Schema>>): Reply | Promise<Reply>;
  /** At most 25 choices; the handler trims names and values to 100 characters. */
  autocomplete?(
    ctx: AutocompleteContext,
  ): APIApplicationCommandOptionChoice[] | Promise<APIApplicationCommandOptionChoice[]>;
  /**
   * Handles presses of buttons whose custom id starts with `<definition.name>:`. A press counts
   * against the same per-user cooldown as the command (it runs the same work). An error reply
   * goes to the presser alone (ephemeral); the message the button sits on is only ever changed
   * by a reply with `update: true`.
   */
  button?: {
    /**
     * Whether the action and state decode. Checked before the press is acknowledged, so a forged
     * or stale id gets an ephemeral "no longer works" and is never deferred publicly.
     */
    accepts?(press: ButtonPress): boolean;
    /** Acknowledge before running: 'update' defers an edit of the message the button sits on. */
    defer?: DeferKind | 'update' | ((press: ButtonPress) => DeferKind | 'update');
    run(ctx: ButtonContext): ButtonReply | Promise<ButtonReply>;
  };
  /** Handles submitted forms whose custom id starts with `<definition.name>:`; the reply is ephemeral. */
  modal?: {
    run(ctx: ModalContext): Reply | Promise<Reply>;
  };
}

/** Identity helper that keeps the options type inferred from the schema. */
export function defineCommand<Schema extends z.ZodType>(command: Command<Schema>): Command<Schema> {
  return command;
}

/**
 * A button's custom id: `<command>:<action>:<state>`, at most 100 characters. The state is the
 * whole state the press needs (nothing is kept in memory), so buttons work after a restart.
 * Returns null when it does not fit, so the caller can drop or shorten the button.
 */
export function customId(command: string, action: string, state: string): string | null {
  const id = `${command}:${action}:${state}`;
  return id.length <= LIMITS.customId ? id : null;
}

export function parseCustomId(id: string): ({ command: string } & ButtonPress) | null {
  const a = id.indexOf(':');
  const b = a < 0 ? -1 : id.indexOf(':', a + 1);
  if (a <= 0 || b < 0) return null;
  return { command: id.slice(0, a), action: id.slice(a + 1, b), state: id.slice(b + 1) };
}
