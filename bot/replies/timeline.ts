import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { Timeline } from '../../src/timeline/build.ts';
import { humanDate, unixSeconds } from '../../src/timeline/dates.ts';
import type { TimelineEvent } from '../../src/timeline/schema.ts';
import { LAYOUT, LIMITS } from '../limits.ts';
import { linkLabel, maskedLink, plain, safeUrl } from './markdown.ts';
import { fitLines, quoteUser, truncate, truncateKeeping, type Reply } from './respond.ts';

/**
 * The /timeline reply: one embed listing a page of events. An exact day is Discord timestamp
 * markup (`<t:UNIX:D>`) so each member reads it in their own locale; a month or a year is text,
 * since a timestamp would invent a day. Every event carries its citation.
 */

export const EVENTS_PER_PAGE = 5;

/** `<t:…:D>` for a day, "April 2025" / "2016" for coarser dates; ranges joined with an en dash. */
export function discordDate(e: Pick<TimelineEvent, 'date' | 'endDate' | 'precision'>): string {
  if (e.precision !== 'day') return humanDate(e.date, e.endDate);
  const day = (d: string) => `<t:${unixSeconds(d)}:D>`;
  if (!e.endDate) return day(e.date);
  return e.endDate.length === 10 ? `${day(e.date)} – ${day(e.endDate)}` : `${day(e.date)} – ${humanDate(e.endDate)}`;
}

function citation(e: TimelineEvent): string {
  const title = linkLabel(truncate(e.title, LAYOUT.timelineCiteChars));
  const linked = safeUrl(e.url) ? maskedLink(title, e.url) : `*${title}*`;
  const also = e.alsoIn?.length ? ` (+${e.alsoIn.length} more)` : '';
  return `— ${linked}, ${plain(truncate(e.section, LAYOUT.timelineCiteChars))} · \`${e.passageId}\`${also}`;
}

function eventBlock(e: TimelineEvent, room: number): string {
  const label = e.kind === 'target' ? ' · target' : e.kind === 'context' ? ' · context' : '';
  const head = `**${discordDate(e)}**${label}`;
  const cite = `\n${citation(e)}`;
  const text = `> ${plain(e.text.replace(/\s+/g, ' '))}`;
  return `${head}\n${truncateKeeping(text, cite, Math.max(LAYOUT.timelineMinEventChars, room - head.length - 1))}`;
}

export interface TimelinePageOptions {
  /** 1-based page wanted; clamped to the pages there are. */
  page: number;
  /** Filters as the user gave them, shown in the title. */
  filters: {
    from?: string | undefined;
    to?: string | undefined;
    query?: string | undefined;
    order: 'oldest' | 'newest';
  };
  /** Custom id of the button that shows `page`, or null when it does not fit. */
  pageButtonId: (page: number) => string | null;
}

export function pageCount(events: number): number {
  return Math.max(1, Math.ceil(events / EVENTS_PER_PAGE));
}

export function timelineReply(t: Timeline, o: TimelinePageOptions): Reply {
  const pages = pageCount(t.events.length);
  const page = Math.min(Math.max(1, Math.trunc(o.page) || 1), pages);
  const shown = t.events.slice((page - 1) * EVENTS_PER_PAGE, page * EVENTS_PER_PAGE);

  const f = o.filters;
  const scope = [
    f.from ? `from ${f.from}` : '',
    f.to ? `to ${f.to}` : '',
    f.query ? `matching “${quoteUser(f.query, LAYOUT.timelineQueryChars)}”` : '',
    f.order === 'newest' ? 'newest first' : 'oldest first',
  ].filter(Boolean);

  const room = Math.floor((LIMITS.embedDescription - 100) / Math.max(1, shown.length)) - 2;
  const description = shown.length
    ? fitLines(
        shown
          .map((e) => eventBlock(e, room))
          .join('\n\n')
          .split('\n'),
        LIMITS.embedDescription,
      )
    : t.total === 0
      ? 'No dated events in the material.'
      : `No events match these filters (the material holds ${t.total}).`;

  const embed: APIEmbed = {
    title: truncate(`Timeline — ${scope.join(', ')}`, LIMITS.embedTitle),
    description,
    footer: { text: `Page ${page} of ${pages} · ${t.events.length} event${t.events.length === 1 ? '' : 's'}` },
    color: LAYOUT.accent,
  };

  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  const prev = o.pageButtonId(page - 1);
  const next = o.pageButtonId(page + 1);
  if (pages > 1 && prev && next) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Previous',
          custom_id: prev,
          disabled: page <= 1,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Next',
          custom_id: next,
          disabled: page >= pages,
        },
      ],
    });
  }
  return { embeds: [embed], components };
}
