import { escapeMarkdown } from 'discord.js';

/**
 * Text from the knowledge files (or typed by a member) shown in Discord Markdown as the text it
 * is: never a link, a heading or formatting. discord.js `escapeMarkdown` leaves masked links
 * (`[label](url)`) and URLs alone by default, and both would be live in a reply.
 */

/** What Discord turns into a link by itself: a scheme, `://`, and what follows up to a space. */
const AUTOLINK = /[a-z][a-z0-9+.-]*:\/\/[^\s<>]*/gi;

/**
 * `text` escaped so that it renders as written: formatting, headings and list markers escaped,
 * every `[` and `]` escaped (so no masked link can form), and every punctuation mark of a URL
 * escaped (it shows the same, but Discord no longer makes it a link).
 */
export function plain(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(AUTOLINK)) {
    out += prose(text.slice(last, m.index)) + m[0].replace(/[^\p{L}\p{N}]/gu, '\\$&');
    last = m.index + m[0].length;
  }
  return out + prose(text.slice(last));
}

function prose(text: string): string {
  return escapeLeftovers(
    escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true }).replace(/[[\]]/g, '\\$&'),
  );
}

/**
 * Escapes the formatting characters that `escapeMarkdown` leaves bare: it turns "****" into "\*\*\**", and an
 * unescaped one could pair with bold that a reply adds (the answer phrase). A backslash and the character after it
 * are an escape and are copied as they are.
 */
function escapeLeftovers(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += c + text[++i];
      continue;
    }
    out += /[*_~|`]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** The label of a masked link: plain text without brackets (an escaped bracket can still end a label). */
export function linkLabel(text: string): string {
  return plain(text.replace(/[[\]]/g, ''));
}

/**
 * An http(s) URL that is safe inside `[label](url)` and as an embed url, or undefined for any
 * other URL (`javascript:`, a typo). Characters that could end the link or start another are
 * percent-encoded, so the link goes where the URL says and nowhere else.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(
    /[()[\]<>\\"'`\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** `[label](url)` when `url` is a safe http(s) URL, else the label alone; `label` is already escaped. */
export function maskedLink(label: string, url: string | undefined): string {
  const href = safeUrl(url);
  return href ? `[${label}](${href})` : label;
}
