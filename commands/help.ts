import { z } from 'zod';
import { defineCommand } from '../bot/command.ts';
import { helpReply } from '../bot/replies/respond.ts';

/** /help: the commands, and the articles the bot answers from, with their dates and sources. */
export const help = defineCommand({
  definition: { name: 'help', description: 'What this bot does, and the articles it answers from' },
  options: z.object({}),
  defer: 'none',
  execute: ({ commands, engine }) =>
    helpReply(
      commands.map((c) => c.definition),
      engine.knowledge.articles,
    ),
});
