import { createHash } from 'node:crypto';
import { ApplicationCommandOptionType, type APIApplicationCommandOptionChoice } from 'discord.js';
import { z } from 'zod';
import { QuestionSchema } from '../src/answer/result.ts';
import type { Engine } from '../src/engine.ts';
import type { Passage } from '../src/knowledge/types.ts';
import { customId, defineCommand } from '../bot/command.ts';
import { LIMITS } from '../bot/limits.ts';
import { answerReply, declinedReply, errorReply, passageReply, truncate } from '../bot/replies/respond.ts';
import { recordAsked } from '../bot/feedback.ts';
import { feedbackRow, ratingGoneReply, voteReply } from '../bot/replies/moderation.ts';
import { COMMENT_MAX } from '../src/moderation/store.ts';

/** /ask question:<text> [private:<bool>]: a cited, verbatim answer from the material. */

const NAME = 'ask';
/** Button actions: show a passage; ask a suggestion publicly; ask it privately. */
const SHOW = 'p';
/** Show a passage whose id is too long for a custom id, by a hash of the id. */
const SHOW_HASHED = 'ph';
const ASK = 'q';
const ASK_PRIVATE = 'qp';
/** Feedback on an answer (state: the stored answer's id): 👍, 👎, and the 👎 form "what were you looking for?". */
const UP = 'up';
const DOWN = 'dn';
const LOOKING_FOR = 'why';
const LOOKING_FOR_FIELD = 'looking_for';

export const ask = defineCommand({
  definition: {
    name: NAME,
    description: 'Ask a question about the news articles; the answer is quoted and cited.',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'What you want to know',
        required: true,
        autocomplete: true,
        max_length: 1000,
      },
      { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer' },
    ],
  },
  options: z.object({ question: QuestionSchema, private: z.boolean().default(false) }),
  defer: (o) => (o.private ? 'ephemeral' : 'public'),
  execute: ({ engine, logger, options, store, interaction }) => {
    const result = engine.ask(options.question);
    logger.info(
      { answered: result.answered, engineMs: result.ms, snippets: result.snippets.length, facts: result.facts.length },
      'ask',
    );
    const stored = recordAsked(store, interaction.guildId, options.question, result, options.private);
    return replyFor(engine, result, options.private, undefined, stored);
  },
  autocomplete: ({ engine, focused }) => complete(engine, focused.value),
  button: {
    accepts: ({ action, state }) =>
      action === SHOW || action === SHOW_HASHED
        ? state.length > 0
        : action === UP || action === DOWN || action === LOOKING_FOR
          ? storedId(state) !== null
          : (action === ASK || action === ASK_PRIVATE) && QuestionSchema.safeParse(state).success,
    defer: ({ action }) => (action === ASK ? 'public' : action === ASK_PRIVATE ? 'ephemeral' : 'none'),
    run: ({ engine, action, state, store, interaction }) => {
      if (action === UP || action === DOWN) {
        const id = storedId(state);
        const vote = action === UP ? 1 : -1;
        const outcome = id && store.vote(id, interaction.guildId ?? '', interaction.user.id, vote, Date.now());
        if (!outcome) return ratingGoneReply();
        return voteReply(vote, outcome, customId(NAME, LOOKING_FOR, String(id)));
      }
      if (action === LOOKING_FOR) {
        if (!storedId(state)) return ratingGoneReply();
        return {
          modal: {
            customId: customId(NAME, LOOKING_FOR, state)!,
            title: 'What were you looking for?',
            fields: [
              {
                id: LOOKING_FOR_FIELD,
                label: 'What were you looking for?',
                placeholder: 'Optional: what the answer should have said',
                long: true,
                maxLength: COMMENT_MAX,
              },
            ],
          },
        };
      }
      if (action === SHOW || action === SHOW_HASHED) {
        const p = action === SHOW ? engine.passage(state) : hashedPassages(engine).get(state);
        const source = p && engine.source(p.id);
        if (!p || !source) return errorReply('That passage is no longer in the material.');
        return passageReply({ ...source, passageId: p.id, text: p.text });
      }
      const question = QuestionSchema.parse(state); // checked by `accepts`
      const ephemeral = action === ASK_PRIVATE;
      const result = engine.ask(question);
      const stored = recordAsked(store, interaction.guildId, question, result, ephemeral);
      return replyFor(engine, result, ephemeral, question, stored);
    },
  },
  modal: {
    run: ({ action, state, fields, store, interaction }) => {
      const id = storedId(state);
      const text = (fields[LOOKING_FOR_FIELD] ?? '').trim();
      if (action !== LOOKING_FOR || !id) return errorReply('That form no longer works.');
      if (!text) return { content: 'Thanks all the same.' };
      return store.comment(id, interaction.user.id, text)
        ? { content: 'Thanks, that helps the moderators improve the material.' }
        : errorReply('Your 👎 on that answer is no longer there, so the note was not kept.');
    },
  },
});

/** A stored answer id from a button's state, or null. */
function storedId(state: string): number | null {
  return /^\d{1,15}$/.test(state) ? Number(state) : null;
}

function replyFor(
  engine: Engine,
  result: ReturnType<Engine['ask']>,
  ephemeral: boolean,
  heading?: string,
  stored?: number | null,
) {
  const reply = answerOrDecline(engine, result, ephemeral, heading);
  if (result.answered && !ephemeral && stored) {
    const up = customId(NAME, UP, String(stored));
    const down = customId(NAME, DOWN, String(stored));
    if (up && down) reply.components = [...(reply.components ?? []), feedbackRow(up, down)];
  }
  return reply;
}

function answerOrDecline(engine: Engine, result: ReturnType<Engine['ask']>, ephemeral: boolean, heading?: string) {
  if (!result.answered)
    return declinedReply(result, {
      ephemeral,
      heading,
      suggestionButtonId: (s) =>
        customId(NAME, ephemeral ? ASK_PRIVATE : ASK, fitState(s, ephemeral ? ASK_PRIVATE : ASK)),
    });
  return answerReply(result, {
    ephemeral,
    heading,
    sourceOf: (id) => engine.source(id),
    passageButtonId: (id) => customId(NAME, SHOW, id) ?? customId(NAME, SHOW_HASHED, hashOf(id)),
  });
}

/** A suggested question cut at a word so that its custom id fits in 100 characters. */
function fitState(question: string, action: string): string {
  const room = LIMITS.customId - NAME.length - action.length - 2;
  if (question.length <= room) return question;
  const cut = question.slice(0, room);
  const space = cut.lastIndexOf(' ');
  return space > room / 2 ? cut.slice(0, space) : cut;
}

const hashOf = (passageId: string) => createHash('sha256').update(passageId).digest('base64url').slice(0, 22);
/** Passages by the hash their "Show passage" button carries when the id itself is too long for a custom id. */
function hashedPassages(engine: Engine): Map<string, Passage> {
  return engine.memo('ask:hashed-passages', (e) => new Map(e.index.passages.map((p) => [hashOf(p.id), p])));
}

// ---------------------------------------------------------------------------------------------
// Autocomplete: topics (titles, sections, names), curated fact labels; exact, then prefix,
// then word-prefix, then substring matches, then topics sharing words with the text.

function candidates(engine: Engine): string[] {
  return engine.memo('ask:autocomplete', () => {
    const seen = new Set<string>();
    const list: string[] = [];
    const add = (s: string) => {
      const label = s.replace(/\s+/g, ' ').trim();
      if (!label || seen.has(label.toLowerCase())) return;
      seen.add(label.toLowerCase());
      list.push(label);
    };
    for (const t of engine.topics) add(t.label);
    for (const c of engine.knowledge.curatedCards) {
      add(c.title);
      for (const f of c.fields) add(f.name);
    }
    return list;
  });
}

export function complete(engine: Engine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const all = candidates(engine);
  const q = typed
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, 200);
  let ranked: string[];
  if (!q) ranked = all;
  else {
    const tiers: string[][] = [[], [], [], []];
    for (const c of all) {
      const l = c.toLowerCase();
      if (l === q) tiers[0]!.push(c);
      else if (l.startsWith(q)) tiers[1]!.push(c);
      else if (l.includes(` ${q}`)) tiers[2]!.push(c);
      else if (l.includes(q)) tiers[3]!.push(c);
    }
    ranked = tiers.flat();
    // Nothing matches the text itself (a question, say): topics sharing words with it.
    if (ranked.length === 0) ranked = engine.suggest(q, LIMITS.autocompleteChoices);
  }
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  const seen = new Set<string>();
  for (const label of ranked) {
    const value = truncate(label, LIMITS.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ name: truncate(label, LIMITS.choiceName), value });
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return out;
}
