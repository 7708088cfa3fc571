import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import {
  citationNumbers,
  phraseParts,
  sourceGroups,
  type AskResult,
  type SourceInfo,
} from '../../src/answer/result.ts';
import { cleanHeading } from '../../src/answer/suggest.ts';
import { linkLabel, maskedLink, plain, safeUrl } from './markdown.ts';
import { EPHEMERAL, LAYOUT, LIMITS } from '../limits.ts';

/**
 * Every reply the bot sends is built here. A `Reply` is plain data; `toPayload` turns it into
 * discord.js options with `allowed_mentions: { parse: [] }`, so no reply ever pings anyone.
 * Everything is cut to Discord's limits in whole units (a line, a card), so a citation
 * marker like `[2]` is never cut in half.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Visible to the caller only. Ignored when editing a deferred reply (the defer decided). */
  ephemeral?: boolean;
}

export const NO_MENTIONS = { parse: [] as [] };

export function toPayload(reply: Reply) {
  return {
    content: fitContent(reply.content ?? ''),
    embeds: fitEmbeds(reply.embeds ?? []),
    components: (reply.components ?? []).slice(0, LIMITS.actionRows),
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/**
 * What a cut text may not end on before its ellipsis: a full stop or other punctuation ("signed.…"
 * reads as a typo; "and so on...…" says it twice), a dash, or a backslash (it would escape the ellipsis).
 */
const BEFORE_ELLIPSIS = /[\s.,;:…\u2013\u2014\\-]+$/u;

/**
 * Cuts `text` to `max` characters at a word boundary, with an ellipsis and no punctuation before it;
 * never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return cut.replace(BEFORE_ELLIPSIS, '') + '…';
}

/** Cuts `text` so that `text + suffix` fits in `max`; the suffix (a citation) stays whole. */
export function truncateKeeping(text: string, suffix: string, max: number): string {
  return truncate(text, Math.max(1, max - suffix.length)) + suffix;
}

/** Joins whole lines while they fit in `max`, then says how many were left out. */
export function fitLines(lines: string[], max: number, more = (n: number) => `…and ${n} more`): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tail = i < lines.length - 1 ? more(lines.length - i - 1).length + 1 : 0;
    if (length + line.length + (out.length ? 1 : 0) + tail > max) {
      if (out.length === 0) out.push(truncate(line, max - tail - 1));
      else {
        out.push(more(lines.length - i));
        return out.join('\n');
      }
      const rest = lines.length - i - 1;
      if (rest) out.push(more(rest));
      return out.join('\n');
    }
    out.push(line);
    length += line.length + (out.length > 1 ? 1 : 0);
  }
  return out.join('\n');
}

/** Text a user typed, shown back: mentions are neutralised even though nothing can ping. */
export function quoteUser(text: string, max: number = LAYOUT.userTextChars): string {
  const flat = text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain(truncate(flat, max)).replace(/@/g, '@\u200b');
}

function fitContent(content: string): string {
  return content.length <= LIMITS.content
    ? content
    : fitLines(content.split('\n'), LIMITS.content, (n) => `…(${n} more lines)`);
}

// ---------------------------------------------------------------------------------------------
// Embeds

export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Each embed cut to the per-part limits; then whole embeds dropped from the end until all fit. */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const out: APIEmbed[] = [];
  let total = 0;
  for (const raw of embeds.slice(0, LIMITS.embedsPerMessage)) {
    const e: APIEmbed = { ...raw };
    if (e.title) e.title = truncate(e.title, LIMITS.embedTitle);
    if (e.description) e.description = truncate(e.description, LIMITS.embedDescription);
    if (e.footer) e.footer = { ...e.footer, text: truncate(e.footer.text, LIMITS.embedFooter) };
    if (e.author) e.author = { ...e.author, name: truncate(e.author.name, LIMITS.embedAuthor) };
    if (e.fields)
      e.fields = e.fields.slice(0, LIMITS.embedFields).map((f) => ({
        ...f,
        name: truncate(f.name, LIMITS.embedFieldName) || '\u200b',
        value: truncate(f.value, LIMITS.embedFieldValue) || '\u200b',
      }));
    const n = embedLength(e);
    if (total + n > LIMITS.embedTotal) {
      // The first embed (the sources) must survive: shorten it rather than drop it.
      if (out.length === 0 && e.description) {
        e.description = fitLines(
          e.description.split('\n'),
          Math.max(1, LIMITS.embedTotal - (n - e.description.length)),
        );
        out.push(e);
      }
      break;
    }
    total += n;
    out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Components

export interface ButtonSpec {
  label: string;
  customId: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
}

/** Buttons in rows of five, at most five rows. */
export function buttonRows(buttons: ButtonSpec[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const max = LIMITS.actionRows * LIMITS.buttonsPerRow;
  buttons.slice(0, max).forEach((b, i) => {
    if (i % LIMITS.buttonsPerRow === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows.at(-1)!.components.push({
      type: ComponentType.Button,
      style: b.style ?? ButtonStyle.Secondary,
      label: truncate(b.label, LIMITS.buttonLabel),
      custom_id: b.customId,
    });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// /ask

export type { SourceInfo };

export interface AnswerReplyOptions {
  ephemeral?: boolean;
  /** A line shown first, e.g. the suggested question a button ran. Shown as given (trusted text). */
  heading?: string;
  /** Where a cited passage comes from (for passages cited only by a fact card). */
  sourceOf?: (passageId: string) => SourceInfo | undefined;
  /** Custom id of the "Show passage" button for a passage, or null for none. */
  passageButtonId?: (passageId: string) => string | null;
}

const flat = (t: string) => t.replace(/\s+/g, ' ');

/**
 * The best snippet, verbatim, with the answer phrase in bold: the only Markdown added. Each part is escaped on its
 * own, so the quote's own `*`, `_` or `~` never pair with the bold markers. When the line must be cut, the bold
 * phrase is kept whole (cut after it first); if even the phrase does not fit, the line is cut without bold.
 */
export function quoteWithPhrase(r: AskResult, suffix: string, max: number): string {
  const s = r.snippets[0]!;
  const unbolded = truncateKeeping(plain(flat(s.text)), suffix, max);
  const parts = phraseParts(r);
  // A backslash just before the phrase would escape the bold marker: such a quote is shown without bold.
  if (!parts || /\\$/.test(parts.before)) return unbolded;
  const before = plain(flat(parts.before));
  const phrase = `**${plain(flat(parts.phrase))}**`;
  const after = plain(flat(parts.after));
  const whole = `${before}${phrase}${after}${suffix}`;
  if (whole.length <= max) return whole;
  const room = max - before.length - phrase.length - suffix.length;
  if (room < 1) return unbolded;
  // Cut after the phrase, at a word, with an ellipsis (or right after it when nothing more fits).
  const tail = after.length <= room ? after : room > 1 ? truncate(after, room) : '…';
  const cut = `${before}${phrase}${tail}${suffix}`;
  return cut.length <= max ? cut : unbolded;
}

/**
 * The Sources embed's lines: each cited article once (title, linked when it has a url, then publisher and date),
 * then its cited sections, one a line, each with its [n].
 */
export function sourceLines(r: AskResult, sourceOf?: (passageId: string) => SourceInfo | undefined): string[] {
  const lines: string[] = [];
  for (const g of sourceGroups(r, sourceOf)) {
    const linked = maskedLink(linkLabel(truncate(g.title, LAYOUT.titleChars)), g.url);
    const meta = [g.source, g.published].filter(Boolean).join(', ');
    lines.push(`**${linked}**${meta ? ` · ${plain(meta)}` : ''}`);
    // Indented under their article with an em space (Discord keeps it; plain spaces are trimmed).
    for (const sec of g.sections)
      lines.push(`\u2003**[${sec.n}]** ${plain(truncate(sec.section, LAYOUT.sectionChars))}`.trimEnd());
  }
  return lines;
}

export function answerReply(r: AskResult, o: AnswerReplyOptions = {}): Reply {
  const numbers = citationNumbers(r);
  const cite = (passageId: string) => ` [${numbers.get(passageId)}]`;

  const lines: string[] = [];
  if (o.heading) lines.push(`**${quoteUser(o.heading)}**`, '');
  r.snippets.forEach((s, i) => {
    if (i === 0) {
      const others = Math.min(r.snippets.length - 1, 2) * (LAYOUT.alsoRelevantChars + 3);
      const max = Math.max(LIMITS.content - LAYOUT.contentReserve - others, LAYOUT.minSnippetChars);
      lines.push(quoteWithPhrase(r, cite(s.passageId), max));
      return;
    }
    if (i === 1) lines.push('', '**Also relevant:**');
    // One line each: cut at a word, the citation kept whole.
    lines.push(`- ${truncateKeeping(plain(flat(s.text)), cite(s.passageId), LAYOUT.alsoRelevantChars)}`);
  });

  const embeds: APIEmbed[] = [
    {
      title: 'Sources',
      description: fitLines(sourceLines(r, o.sourceOf), LAYOUT.sourcesChars),
      color: LAYOUT.accent,
    },
  ];

  for (const card of r.facts.slice(0, LIMITS.embedsPerMessage - 1)) {
    const n = numbers.get(card.citation.passageId);
    const info = o.sourceOf?.(card.citation.passageId);
    embeds.push({
      // Titles and field names render Markdown formatting (not links): escaped like every other text from the material.
      title: truncateKeeping(plain(cleanHeading(card.title)), ` [${n}]`, LIMITS.embedTitle),
      fields: card.fields.slice(0, LIMITS.embedFields).map((f) => ({
        name: plain(truncate(f.name, LIMITS.embedFieldName)),
        value: plain(truncate(f.value, LIMITS.embedFieldValue)),
        inline: true,
      })),
      footer: {
        text: truncate(
          `[${n}] ${card.citation.title ?? info?.title ?? ''} — ${cleanHeading(card.citation.section ?? info?.section ?? '')}`,
          LAYOUT.footerChars,
        ),
      },
      color: LAYOUT.accent,
    });
  }

  const buttons: ButtonSpec[] = [];
  for (const [passageId, n] of numbers) {
    const id = o.passageButtonId?.(passageId);
    if (id && buttons.length < LIMITS.buttonsPerRow) buttons.push({ label: `Show passage [${n}]`, customId: id });
  }
  return { content: lines.join('\n'), embeds, components: buttonRows(buttons), ephemeral: o.ephemeral };
}

export interface DeclinedReplyOptions {
  ephemeral?: boolean;
  heading?: string;
  /** Custom id of the button that asks a suggestion, or null for none. */
  suggestionButtonId?: (suggestion: string) => string | null;
}

export function declinedReply(r: AskResult, o: DeclinedReplyOptions = {}): Reply {
  const lines: string[] = [];
  if (o.heading) lines.push(`**${quoteUser(o.heading)}**`, '');
  lines.push("That is not in the material, so I can't answer it.");
  if (r.reason) lines.push(plain(r.reason));
  const buttons: ButtonSpec[] = [];
  for (const s of r.suggestions) {
    const id = o.suggestionButtonId?.(s);
    if (id) buttons.push({ label: s, customId: id, style: ButtonStyle.Primary });
  }
  if (r.suggestions.length) {
    lines.push('', 'It can answer questions about:');
    for (const s of r.suggestions.slice(0, LAYOUT.suggestions)) lines.push(`- ${plain(s)}`);
  }
  return { content: lines.join('\n'), components: buttonRows(buttons.slice(0, 5)), ephemeral: o.ephemeral };
}

export interface PassageInfo extends SourceInfo {
  passageId: string;
  text: string;
}

export function passageReply(p: PassageInfo): Reply {
  const meta = [p.section, p.source, p.published].filter(Boolean).join(' · ');
  return {
    embeds: [
      {
        title: truncate(plain(p.title), LIMITS.embedTitle),
        ...(safeUrl(p.url) ? { url: safeUrl(p.url) } : {}),
        description: plain(p.text),
        footer: { text: `${meta} · ${p.passageId}` },
        color: LAYOUT.accent,
      },
    ],
    ephemeral: true,
  };
}

// ---------------------------------------------------------------------------------------------
// /help

export interface HelpArticle {
  title: string;
  published: string;
  source?: string | undefined;
  url?: string | undefined;
}

export function helpReply(
  commands: { name: string; description: string }[],
  articles: HelpArticle[],
  ephemeral = true,
): Reply {
  const content = [
    'I answer questions about the news articles below, quoting them word for word with numbered citations. If the articles do not hold the answer, I say so.',
    '',
    ...commands.map((c) => `**/${c.name}** — ${plain(c.description)}`),
  ].join('\n');
  const sorted = [...articles].sort((a, b) => b.published.localeCompare(a.published));
  const lines = sorted.map((a) => {
    const linked = maskedLink(linkLabel(truncate(a.title, LAYOUT.titleChars)), a.url);
    return `- ${linked} — ${a.published}${a.source ? `, ${plain(a.source)}` : ''}`;
  });
  return {
    content,
    embeds: [
      {
        title: `Articles (${articles.length})`,
        description: fitLines(lines, LIMITS.embedDescription) || 'No articles loaded.',
        color: LAYOUT.accent,
      },
    ],
    ephemeral,
  };
}

// ---------------------------------------------------------------------------------------------
// Errors and refusals: always ephemeral, never a stack trace.

export function errorReply(message: string): Reply {
  return { content: truncate(message, LIMITS.content), ephemeral: true };
}

export function somethingWentWrong(interactionId: string): Reply {
  return errorReply(`Sorry, something went wrong (code ${interactionId}).`);
}

export function cooldownReply(seconds: number): Reply {
  return errorReply(`You're going a bit fast — try again in ${Math.max(1, Math.ceil(seconds))} s.`);
}

export function missingPermissionsReply(command: string, permissions: string[]): Reply {
  const names = permissions.map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2')).join(', ');
  return errorReply(`You need the ${names} permission to use /${command}.`);
}
