import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
} from 'discord.js';
import type { Problem } from '../../src/knowledge/types.ts';
import type { GapsReport } from '../../src/moderation/gaps.ts';
import type { StoreCounts, Vote, VoteOutcome } from '../../src/moderation/store.ts';
import type { ReloadReport } from '../knowledge/live.ts';
import { LAYOUT, LIMITS } from '../limits.ts';
import { plain } from './markdown.ts';
import { errorReply, fitLines, quoteUser, truncate, type Reply } from './respond.ts';

/** Replies of the moderators' loop: answer feedback, /knowledge and /gaps. Built like every reply (respond.ts). */

export const THUMBS_UP = '👍';
export const THUMBS_DOWN = '👎';

/** The 👍 / 👎 row under a public answer. */
export function feedbackRow(upId: string, downId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: THUMBS_UP }, custom_id: upId },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: THUMBS_DOWN }, custom_id: downId },
    ],
  };
}

/** The ephemeral acknowledgement of a vote; a 👎 offers the "what were you looking for?" form. */
export function voteReply(vote: Vote, outcome: VoteOutcome, lookingForId: string | null): Reply {
  const mark = vote === 1 ? THUMBS_UP : THUMBS_DOWN;
  const tally = `(${THUMBS_UP} ${outcome.up} · ${THUMBS_DOWN} ${outcome.down})`;
  const text =
    outcome.previous === vote
      ? `You already rated this answer ${mark}; your vote counts once. ${tally}`
      : outcome.previous === 0
        ? `Thanks, your ${mark} is noted. ${tally}`
        : `Changed your vote to ${mark}. ${tally}`;
  const reply: Reply = { content: text, ephemeral: true };
  if (vote === -1 && lookingForId)
    reply.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: 'What were you looking for?',
            custom_id: lookingForId,
          },
        ],
      },
    ];
  return reply;
}

export function ratingGoneReply(): Reply {
  return errorReply('This answer can no longer be rated.');
}

// ---------------------------------------------------------------------------------------------
// /knowledge

function when(ms: number): string {
  return `<t:${Math.floor(ms / 1000)}:R>`;
}

function problemLines(problems: Problem[]): string[] {
  return problems.map(
    (p) => `- \`${escapeMarkdown(truncate(p.file, 120))}\`: ${escapeMarkdown(truncate(p.message, 300))}`,
  );
}

export interface StatusInfo {
  articles: number;
  passages: number;
  problems: Problem[];
  last: ReloadReport | null;
  stored: StoreCounts;
  live: boolean;
}

export function knowledgeStatusReply(s: StatusInfo): Reply {
  const lines = [
    `**Knowledge:** ${s.articles} article${s.articles === 1 ? '' : 's'}, ${s.passages} passages.`,
    s.last
      ? `**Last reload:** ${when(s.last.at)} (${s.last.reason}, ${s.last.ok ? `${s.last.ms} ms` : `failed: ${escapeMarkdown(s.last.error ?? '')}`}).`
      : '**Last reload:** never.',
    s.live ? 'The folder is watched: changes are picked up within seconds.' : 'The folder is not watched.',
    `**Stored for this server:** ${s.stored.asked} questions (${s.stored.declined} declined), ${s.stored.votes} votes.`,
  ];
  if (s.problems.length) lines.push('', `**Problems (${s.problems.length}):**`, ...problemLines(s.problems));
  else lines.push('', 'No problems.');
  return { content: fitLines(lines, LIMITS.content), ephemeral: true };
}

export function reloadReply(r: ReloadReport, heading = 'Reloaded'): Reply {
  if (!r.ok)
    return errorReply(`The reload failed, so the previous knowledge keeps serving: ${r.error ?? 'unknown error'}`);
  const list = (files: string[]) => files.map((f) => `\`${escapeMarkdown(f)}\``).join(', ');
  const lines = [`**${plain(heading)}** in ${r.ms} ms: ${r.articles} articles, ${r.passages} passages.`];
  if (r.added.length) lines.push(`Added: ${list(r.added)}`);
  if (r.changed.length) lines.push(`Changed: ${list(r.changed)}`);
  if (r.removed.length) lines.push(`Removed: ${list(r.removed)}`);
  if (!r.added.length && !r.changed.length && !r.removed.length) lines.push('No article changed.');
  if (r.problems.length) lines.push('', `**Problems (${r.problems.length}):**`, ...problemLines(r.problems));
  return { content: fitLines(lines, LIMITS.content), ephemeral: true };
}

export function forgetConfirmReply(stored: StoreCounts, confirmId: string | null): Reply {
  if (stored.asked === 0) return { content: 'Nothing is stored for this server.', ephemeral: true };
  return {
    content:
      `This deletes everything stored for this server: ${stored.asked} questions (${stored.declined} declined) ` +
      `and ${stored.votes} votes. It cannot be undone.`,
    components: confirmId
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Delete', custom_id: confirmId },
            ],
          },
        ]
      : [],
    ephemeral: true,
  };
}

export function forgotReply(deleted: StoreCounts): Reply {
  return {
    content: `Deleted ${deleted.asked} questions and ${deleted.votes} votes stored for this server.`,
    components: [],
  };
}

// ---------------------------------------------------------------------------------------------
// /gaps

export function gapsReply(report: GapsReport, days: number): Reply {
  const declined = report.declined.map((g) => {
    const examples = g.examples.filter((e) => e !== g.question).slice(0, 2);
    const also = examples.length ? ` — also ${examples.map((e) => `“${quoteUser(e, 80)}”`).join(', ')}` : '';
    const near = g.nearest
      ? `nearest: ${plain(truncate(g.nearest.title, LAYOUT.titleChars))} — ${plain(g.nearest.section)}`
      : 'the material has nothing on it';
    return `**${g.count}×** “${quoteUser(g.question, 120)}”${also}\n  ↳ ${near}`;
  });
  const downvoted = report.downvoted.map(
    (d) => `**${d.votes}× ${THUMBS_DOWN}** “${quoteUser(d.question, 120)}” → \`${escapeMarkdown(d.passageId)}\``,
  );
  const embeds = [
    {
      title: `Declined questions, last ${days} day${days === 1 ? '' : 's'}`,
      description: fitLines(declined, LIMITS.embedDescription - 100) || 'None.',
      color: LAYOUT.accent,
    },
    {
      title: `Answers rated ${THUMBS_DOWN}`,
      description: fitLines(downvoted, 1500) || 'None.',
      color: LAYOUT.accent,
    },
  ];
  return {
    content: 'What members asked that the material could not answer, most frequent first.',
    embeds,
    ephemeral: true,
  };
}
