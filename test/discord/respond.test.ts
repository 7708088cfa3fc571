import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../src/answer/result.ts';
import { LIMITS } from '../../bot/limits.ts';
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

  it('truncate never splits a surrogate pair and respects the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const t = truncate(s, max);
        expect(t.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t)).toBe(false);
      }),
    );
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
