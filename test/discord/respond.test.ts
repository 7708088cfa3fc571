import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationNumbers, type AskResult } from '../../src/answer/result.ts';
import { LAYOUT, LIMITS } from '../../bot/limits.ts';
import {
  answerReply,
  declinedReply,
  embedLength,
  fitLines,
  quoteUser,
  toPayload,
  truncate,
} from '../../bot/replies/respond.ts';

const word = fc.stringMatching(/^[A-Za-z0-9@*_~`|<>#&]{1,14}$/);
const text = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

const result = fc.record({
  snippets: fc.array(
    fc.record({ text: text(400), passage: fc.integer({ min: 1, max: 40 }), title: text(80), section: text(60) }),
    { minLength: 1, maxLength: 8 },
  ),
  facts: fc.array(
    fc.record({
      title: text(100),
      passage: fc.integer({ min: 1, max: 40 }),
      fields: fc.array(fc.record({ name: text(60), value: text(300) }), { minLength: 1, maxLength: 40 }),
    }),
    { maxLength: 20 },
  ),
});

function toAsk(r: any): AskResult {
  return {
    question: 'q',
    answered: true,
    snippets: r.snippets.map((s: any) => ({
      text: s.text,
      passageId: `a#p${s.passage}`,
      articleId: 'a',
      title: s.title,
      section: s.section,
      url: 'https://example.com/a',
      score: 1,
    })),
    facts: r.facts.map((f: any) => ({ title: f.title, fields: f.fields, citation: { passageId: `a#p${f.passage}` } })),
    suggestions: [],
  };
}

/** Up to three articles with long titles and long numbered headings; the answer a run of words of snippet 1. */
const articleResult = fc
  .record({
    articles: fc.array(fc.record({ title: text(120), section: text(80), url: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    }),
    snippets: fc.array(fc.record({ text: text(70), article: fc.nat(), passage: fc.integer({ min: 1, max: 9 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    phrase: fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })),
  })
  .map(({ articles, snippets, phrase }) => {
    const words = snippets[0]!.text.split(' ');
    const from = phrase[0] % words.length;
    const answer = words.slice(from, from + phrase[1]).join(' ');
    const r: AskResult = {
      question: 'q',
      answered: true,
      snippets: snippets.map((s) => {
        const k = s.article % articles.length;
        const a = articles[k]!;
        return {
          text: s.text,
          passageId: `art${k}#p${s.passage}`,
          articleId: `art${k}`,
          title: a.title,
          section: `0${s.passage}. ${a.section}`,
          ...(a.url ? { url: `https://example.com/${k}/${'x'.repeat(200)}` } : {}),
          score: 1,
        };
      }),
      facts: [],
      suggestions: [],
      answer,
    };
    return r;
  });

describe('the answer reply: phrase, "Also relevant" and sources', () => {
  it('bold phrase kept verbatim, one line each for the others, each article once, all within limits', () => {
    fc.assert(
      fc.property(articleResult, (r) => {
        const p = toPayload(answerReply(r));
        expect(p.content.length).toBeLessThanOrEqual(LIMITS.content);
        const lines = p.content.split('\n');
        // Snippet 1: only bold markers added; unescaped and without them it is the quote (cut with … at most).
        const first = lines[0]!.replace(/ \[\d+\]$/, '');
        const bolds = first.match(/(?<!\\)\*\*/g) ?? [];
        expect(bolds.length === 0 || bolds.length === 2).toBe(true);
        const plain = first.replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/g, '$1');
        const quote = r.snippets[0]!.text;
        if (plain.endsWith('…')) expect(quote.startsWith(plain.slice(0, -1).trimEnd())).toBe(true);
        else expect(plain).toBe(quote);
        if (bolds.length === 2) {
          const [open, close] = [...first.matchAll(/(?<!\\)\*\*/g)].map((m) => m.index);
          expect(first.slice(open! + 2, close).replace(/\\(.)/g, '$1')).toBe(r.answer);
        }
        // "Also relevant": one line each, at most the budget, the citation whole.
        for (const l of lines.filter((x) => x.startsWith('- '))) {
          expect(l.length).toBeLessThanOrEqual(2 + LAYOUT.alsoRelevantChars);
          expect(l).toMatch(/ \[\d+\]$/);
        }
        // Sources: each article's title line once; every citation listed; no list numbering shown.
        const sources = p.embeds[0]!.description!;
        const titleLines = sources.split('\n').filter((l) => !l.startsWith('\u2003') && !l.startsWith('…'));
        const articles = new Set(r.snippets.map((s) => s.articleId));
        expect(titleLines.length).toBeLessThanOrEqual(articles.size);
        if (!sources.includes('…and')) {
          expect(titleLines.length).toBe(articles.size);
          for (const n of citationNumbers(r).values()) expect(sources).toContain(`**[${n}]**`);
        }
        expect(sources).not.toMatch(/\*\* 0\d\. /);
        expect(p.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      }),
      { numRuns: 200 },
    );
  });
});

describe('replies stay within Discord limits', () => {
  it('any answer: content ≤ 2000, ≤ 10 embeds, ≤ 6000 embed characters, titles ≤ 256, ≤ 25 fields, whole citations', () => {
    fc.assert(
      fc.property(result, (r) => {
        const ask = toAsk(r);
        const p = toPayload(answerReply(ask, { passageButtonId: (id) => `ask:p:${id}` }));
        expect(p.content.length).toBeLessThanOrEqual(LIMITS.content);
        expect(p.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
        expect(p.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
        for (const e of p.embeds) {
          expect(e.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
          expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
          for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
        }
        expect(p.embeds[0]!.title).toBe('Sources');
        // Every snippet line ends with a whole citation marker.
        for (const line of p.content.split('\n').filter((l) => l && !l.startsWith('**Also') && !l.startsWith('…')))
          expect(line).toMatch(/ \[\d+\]$/);
        for (const e of p.embeds.slice(1)) expect(e.title).toMatch(/ \[\d+\]$/);
        expect(p.allowedMentions).toEqual({ parse: [] });
        expect(p.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
      }),
      { numRuns: 150 },
    );
  });

  it('declined answers: ≤ 5 suggestion buttons with labels ≤ 80 characters', () => {
    const r: AskResult = {
      question: 'x',
      answered: false,
      snippets: [],
      facts: [],
      suggestions: Array.from({ length: 12 }, (_, i) => `Topic ${i} ${'long '.repeat(30)}`),
    };
    const p = toPayload(declinedReply(r, { suggestionButtonId: (s) => `ask:q:${s.slice(0, 90)}` }));
    const buttons = p.components.flatMap((row) => row.components) as any[];
    expect(buttons).toHaveLength(5);
    for (const b of buttons) expect(b.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });

  it('truncate never splits a surrogate pair, respects the limit and leaves no punctuation before its ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const t = truncate(s, max);
        expect(t.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t)).toBe(false);
        if (t !== s) expect(t).not.toMatch(/[\s.,;:…\u2013\u2014\\-]…$/u);
      }),
    );
    const text = 'Throughout the year, it signed 191 documents. It held consultations with 52 countries.';
    expect(truncate(text, 48)).toBe('Throughout the year, it signed 191 documents…');
    expect(truncate(text, 25)).toBe('Throughout the year, it…');
    expect(truncate('The talks went on and on... for days and days', 30)).toBe('The talks went on and on…');
    expect(truncate('A \\. B c d e f g h', 5)).toBe('A…');
  });

  it('fitLines keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `[${i + 1}] line ${i + 1}`);
    const out = fitLines(lines, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).toMatch(/…and \d+ more$/);
    for (const l of out.split('\n').slice(0, -1)) expect(lines).toContain(l);
  });

  it('quoteUser neutralises mentions', () => {
    expect(quoteUser('@everyone <@123> @here')).not.toMatch(/@everyone|@here|<@\d/);
  });
});
