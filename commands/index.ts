import type { Command } from '../bot/command.ts';
import { ask } from './ask.ts';
import { gaps } from './gaps.ts';
import { help } from './help.ts';
import { knowledge } from './knowledge.ts';
import { timeline } from './timeline.ts';

/** Every slash command the bot serves and `npm run deploy` registers. Add a command here. */
export const commands: readonly Command[] = [ask, help, timeline, knowledge, gaps];
