import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkLabel, plain, safeUrl } from '../../bot/replies/markdown.ts';
import { gapsReply, reloadReply } from '../../bot/replies/moderation.ts';
import { answerReply, declinedReply, helpReply, passageReply } from '../../bot/replies/respond.ts';
import { timelineReply } from '../../bot/replies/timeline.ts';
import type { AskResult } from '../../src/answer/result.ts';
import { createEngine } from '../../src/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { article, tempKnowledge } from '../core/helpers.ts';
import { DiscordEmulator, messageOf, startTestBot, type TestBot } from './emulator.ts';

/**
 * Nothing from the knowledge files renders as a live link, heading or formatting in Discord: the
 * only links are the articles' own http(s) `url`s, made safe inside `[label](url)`.
 */

/** Characters after a backslash render as themselves and start nothing (Discord's escape rule). */
const ESCAPED = /\\([^\p{L}\p{N}\s])/gu;

/** The links Discord would render in `md`: masked links with an unescaped `[`, then bare URLs with an unescaped `:`. */
function liveLinks(md: string): string[] {
  const links: string[] = [];
  const open = md.replace(ESCAPED, '\u0000');
  const rest = open.replace(/\[[^\]]*\]\(\s*<?([^\s)>]*)>?\s*\)/g, (_m, url: string) => {
    links.push(url);
    return ' ';
  });
  for (const m of rest.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s<]+/gi)) links.push(m[0]);
  return links;
}

/** What a member reads: the text with the escapes rendered. */
const rendered = (md: string) => md.replace(ESCAPED, '$1');

/** Every piece of a message that Discord renders as Markdown (titles and field names: formatting, not links). */
function markdownOf(msg: any): string {
  return [
    msg.content ?? '',
    ...(msg.embeds ?? []).flatMap((e: any) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]),
    ]),
  ].join('\n');
}

/** No formatting character left unescaped: Discord shows `md` as plain text. */
const formattingOf = (md: string) => md.replace(/\\./g, '').match(/[*_~|`]/g) ?? [];

const HOSTILE_TEXT =
  'The mayor promised [click here](https://evil.example/phish) and <https://evil.example/auto> and https://evil.example/bare_link_here before **the** vote.';
const HOSTILE_TITLE = 'Council [news](https://evil.example/title) update';
const BREAKOUT_URL = 'https://ok.example/a)**[pwn](https://evil.example)';
const SAFE_BREAKOUT = 'https://ok.example/a%29**%5Bpwn%5D%28https://evil.example%29';

describe('plain', () => {
  it('leaves no live link and renders every character as written', () => {
    const alphabet = fc.constantFrom(...'ab1 []()<>*_~|`#-.:/\\htps@!'.split(''), 'https://', '\n', '1. ', '# ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        expect(liveLinks(plain(s))).toEqual([]);
        expect(rendered(plain(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('masked links, angle-bracket autolinks and bare URLs are text', () => {
    const md = plain(HOSTILE_TEXT);
    expect(liveLinks(md)).toEqual([]);
    expect(rendered(md)).toBe(HOSTILE_TEXT);
    expect(liveLinks(linkLabel(HOSTILE_TITLE))).toEqual([]);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) URLs, refuses other schemes, and encodes what could leave [label](url)', () => {
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(BREAKOUT_URL)).toBe(SAFE_BREAKOUT);
    expect(safeUrl('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe('https://en.wikipedia.org/wiki/Foo_%28bar%29');
  });
});

describe('replies built from hostile knowledge', () => {
  const result: AskResult = {
    question: 'What did the mayor promise?',
    answered: true,
    snippets: [
      {
        text: HOSTILE_TEXT,
        passageId: 'a#p1',
        articleId: 'a',
        title: HOSTILE_TITLE,
        section: 'See [this](https://evil.example/section)',
        url: BREAKOUT_URL,
        score: 1,
      },
    ],
    facts: [
      {
        title: 'Key figures',
        fields: [{ name: 'Link', value: '[x](https://evil.example/field)' }],
        citation: { passageId: 'a#p1' },
      },
    ],
    suggestions: [],
  };

  it('an answer: quotes, Sources and fact cards carry only the article link, made safe', () => {
    const md = markdownOf(answerReply(result, { heading: HOSTILE_TITLE }));
    expect(liveLinks(md)).toEqual([SAFE_BREAKOUT]);
  });

  it("a fact card's title and field names (which Discord formats) show as written", () => {
    const title = 'Key **figures** of __2025__ [x](https://evil.example/t)';
    const name = '||Documents|| signed ~~by~~ `all`';
    const card = { title, fields: [{ name, value: '191' }], citation: { passageId: 'a#p1' } };
    const embed = answerReply({ ...result, facts: [card] }).embeds![1]!;
    expect(rendered(embed.title!)).toBe(`${title} [1]`);
    expect(rendered(embed.fields![0]!.name)).toBe(name);
    expect(formattingOf(embed.title!)).toEqual([]);
    expect(formattingOf(embed.fields![0]!.name)).toEqual([]);
    const shown = passageReply({ title, section: 'S', passageId: 'a#p1', text: 'Text.' }).embeds![0]!;
    expect(rendered(shown.title!)).toBe(title);
    expect(formattingOf(shown.title!)).toEqual([]);
  });

  it('/gaps and /knowledge add: article titles and sections are text', () => {
    const section = '**Sect** [y](https://evil.example/s)';
    const gaps = gapsReply(
      {
        declined: [
          { question: 'Who won?', count: 2, examples: ['Who won?'], nearest: { title: HOSTILE_TITLE, section } },
        ],
        downvoted: [],
      },
      7,
    );
    const md = markdownOf(gaps);
    expect(liveLinks(md)).toEqual([]);
    expect(rendered(md)).toContain(`${HOSTILE_TITLE} — ${section}`);
    const heading = `Added ${HOSTILE_TITLE} **now**`;
    const report = { at: 0, reason: 'command' as const, ok: true, added: ['c.md'], removed: [], changed: [] };
    const added = reloadReply({ ...report, articles: 1, passages: 1, problems: [], ms: 5 }, heading);
    expect(liveLinks(markdownOf(added))).toEqual([]);
    expect(rendered(added.content!)).toContain(heading);
  });

  it('a declined answer: topics from titles are text', () => {
    const declined = { ...result, answered: false, snippets: [], facts: [], suggestions: [HOSTILE_TITLE] };
    expect(liveLinks(markdownOf(declinedReply(declined, { heading: HOSTILE_TITLE })))).toEqual([]);
  });

  it('/help: a javascript: url gives no link, a breakout url one safe link', () => {
    const md = markdownOf(
      helpReply(
        [{ name: 'ask', description: 'Ask' }],
        [
          { title: HOSTILE_TITLE, published: '2025-01-01', url: 'javascript:alert(1)' },
          { title: HOSTILE_TITLE, published: '2025-01-02', url: BREAKOUT_URL, source: '[s](https://evil.example)' },
        ],
      ),
    );
    expect(liveLinks(md)).toEqual([SAFE_BREAKOUT]);
  });

  it('Show passage: the text is text and the embed url is the safe one (none for javascript:)', () => {
    const p = { title: HOSTILE_TITLE, section: 'S', passageId: 'a#p1', text: HOSTILE_TEXT };
    const shown = passageReply({ ...p, url: BREAKOUT_URL }).embeds![0]!;
    expect(liveLinks(shown.description!)).toEqual([]);
    expect(shown.url).toBe(SAFE_BREAKOUT);
    expect(passageReply({ ...p, url: 'javascript:alert(1)' }).embeds![0]!.url).toBeUndefined();
  });

  it('/timeline: event text and citations', () => {
    const event = {
      date: '2025-01-01',
      precision: 'day' as const,
      text: HOSTILE_TEXT,
      passageId: 'a#p1',
      title: HOSTILE_TITLE,
      articleId: 'a',
      section: 'S [x](https://evil.example/s)',
      url: BREAKOUT_URL,
      published: '2025-01-02',
      mention: 'January 1',
      kind: 'event' as const,
      future: false,
    };
    const reply = timelineReply({ events: [event, { ...event, url: 'javascript:alert(1)' }], total: 2 } as any, {
      page: 1,
      filters: { order: 'oldest' },
      pageButtonId: () => null,
    });
    expect(liveLinks(markdownOf(reply))).toEqual([SAFE_BREAKOUT]);
  });
});

describe('front matter url', () => {
  it('must be http or https; check names the file and the field', () => {
    const dir = tempKnowledge({
      'js.md': article('Js', '2025-01-01', 'Text.', 'url: "javascript:alert(1)"\n'),
      'ftp.md': article('Ftp', '2025-01-01', 'Text.', 'url: "ftp://example.com/a"\n'),
      'ok.md': article('Ok', '2025-01-01', 'Text.', 'url: "https://example.com/a"\n'),
    });
    const k = loadKnowledge(dir);
    expect(k.articles.map((a) => a.id)).toEqual(['ok']);
    expect(k.problems.map((p) => [p.file.split('/').pop(), p.message])).toEqual([
      ['ftp.md', 'url: must be an http or https URL'],
      ['js.md', 'url: must be an http or https URL'],
    ]);
  });
});

describe('through the Discord API emulator', () => {
  let emu: DiscordEmulator;
  let tb: TestBot;
  beforeAll(async () => {
    const dir = tempKnowledge({
      'council.md': article(
        'Council [news](https://evil.example/title) update',
        '2025-01-02',
        `${HOSTILE_TEXT}\n\nThe bridge will cost 12 million euros, the council said on January 1.`,
        `url: "${BREAKOUT_URL}"\n`,
      ),
    });
    emu = await DiscordEmulator.start();
    tb = await startTestBot(emu, { engine: createEngine({ knowledgeDir: dir, cacheDir: null }) });
  });
  afterAll(async () => {
    await tb?.bot.shutdown();
    await emu?.close();
  });

  it('/ask, a declined /ask and /help show no live link but the safe article link', async () => {
    const answered = messageOf(await emu.slash('ask', { question: 'What did the mayor promise?' }).final());
    expect(answered.content).toContain('mayor promised');
    expect(liveLinks(markdownOf(answered))).toEqual([SAFE_BREAKOUT]);
    const declined = messageOf(await emu.slash('ask', { question: 'What is the price of Bitcoin?' }).final());
    expect(liveLinks(markdownOf(declined))).toEqual([]);
    const help = messageOf(await emu.slash('help').final());
    expect(liveLinks(markdownOf(help))).toEqual([SAFE_BREAKOUT]);
  });
});

describe('formatting characters', () => {
  it('plain leaves no bare *, _, ~, | or ` (escapeMarkdown leaves one in "****"), so added bold cannot pair with them', () => {
    expect(plain('****')).toBe('\\*\\*\\*\\*');
    fc.assert(
      fc.property(fc.stringMatching(/^[*_~|`a \\]{0,12}$/), (s) => {
        // Dropping every escape pair leaves no formatting character.
        expect(plain(s).replace(/\\./g, '')).not.toMatch(/[*_~|`]/);
      }),
      { numRuns: 500 },
    );
  });
});
