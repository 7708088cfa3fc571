import { describe, expect, it } from 'vitest';
import { FACT_NAME_COLUMN_MAX, renderAnswer } from '../../cli/render/answer.ts';
import { cleanHeading } from '../../src/answer/suggest.ts';
import { phraseParts, sourceGroups, type AskResult, type Snippet } from '../../src/answer/result.ts';
import { createEngine } from '../../src/engine.ts';
import { KNOWLEDGE } from './helpers.ts';

const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });

function snippet(passageId: string, articleId: string, section: string, text = 'Some text.'): Snippet {
  return {
    text,
    passageId,
    articleId,
    title: `Title of ${articleId}`,
    section,
    score: 1,
    url: `https://x.test/${articleId}`,
  };
}

describe('terminal rendering', () => {
  it('bolds the answer phrase inside the quote on a terminal, and only there', () => {
    const r = engine.ask('How many documents did Azerbaijan sign in 2025?');
    const bold = renderAnswer(r, { bold: true });
    expect(bold).toContain('signed \x1b[1m191 bilateral and multilateral documents\x1b[22m with 41 countries');
    expect(renderAnswer(r)).not.toContain('\x1b[');
    // Without the codes the two are the same text.
    expect(bold.replaceAll('\x1b[1m', '').replaceAll('\x1b[22m', '')).toBe(renderAnswer(r));
  });

  it("aligns a fact card's values in one column, whatever the length of its names", () => {
    const long = 'x'.repeat(FACT_NAME_COLUMN_MAX + 5);
    const names = ['Countries', 'Bilateral and multilateral documents signed', long, 'Consultations held'];
    const r: AskResult = {
      question: 'q',
      answered: true,
      snippets: [snippet('a#p1', 'a', 'S')],
      facts: [
        { title: 'Card', fields: names.map((name, i) => ({ name, value: `v${i}` })), citation: { passageId: 'a#p1' } },
      ],
      suggestions: [],
      answer: null,
    };
    const lines = renderAnswer(r).split('\n');
    const columns = names.map((_, i) => {
      const line = lines.find((l) => l.endsWith(` v${i}`))!;
      return line.length - `v${i}`.length;
    });
    expect(new Set(columns).size).toBe(1);
    expect(columns[0]).toBe(3 + names[1]!.length + 2);
    expect(lines[lines.indexOf(`   ${long}`) + 1]!.trim()).toBe('v2');
  });

  it('lists each article once, then its sections with their [n], numbering stripped', () => {
    const out = renderAnswer(engine.ask('How many documents did Azerbaijan sign in 2025?'));
    const sources = out.slice(out.indexOf('Sources:'));
    const title = engine.knowledge.articles[0]!.title;
    expect(sources.split(title).length - 1).toBe(1);
    expect(sources).toMatch(/\[1\] Introduction/);
    expect(sources).not.toMatch(/\] 0\d/);
  });
});

describe('source groups and phrase parts', () => {
  it('groups passages by article in citation order', () => {
    const r: AskResult = {
      question: 'q',
      answered: true,
      snippets: [snippet('a#p1', 'a', '03. Third'), snippet('b#p1', 'b', '02 Second'), snippet('a#p2', 'a', '1 Intro')],
      facts: [],
      suggestions: [],
      answer: null,
    };
    expect(sourceGroups(r).map((g) => [g.title, g.sections.map((s) => `${s.n} ${s.section}`)])).toEqual([
      ['Title of a', ['1 Third', '3 1 Intro']],
      ['Title of b', ['2 Second']],
    ]);
  });

  it('splits the first snippet around the phrase, or gives null', () => {
    const base = { question: 'q', answered: true, facts: [], suggestions: [] };
    const r: AskResult = { ...base, snippets: [snippet('a#p1', 'a', 'S', 'It signed 191 documents.')], answer: '191' };
    expect(phraseParts(r)).toEqual({ before: 'It signed ', phrase: '191', after: ' documents.' });
    expect(phraseParts({ ...r, answer: null })).toBeNull();
    expect(phraseParts({ ...r, answer: 'not there' })).toBeNull();
  });

  it('strips list numbering from headings, not numbers that belong to them', () => {
    expect(cleanHeading('03. Deepening the Strategy')).toBe('Deepening the Strategy');
    expect(cleanHeading('02 A Key Breakthrough')).toBe('A Key Breakthrough');
    expect(cleanHeading('IV. Outlook')).toBe('Outlook');
    expect(cleanHeading('2025 in Review')).toBe('2025 in Review');
    expect(cleanHeading('10 Downing Street')).toBe('10 Downing Street');
    expect(cleanHeading('01')).toBe('01');
  });
});
