import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { buildTimeline, TimelineResultSchema } from '../../src/timeline/index.ts';

/**
 * The seed article's gold events, read off the article by hand (published 2025-12-30).
 * Ten dated happenings from 2016 to December 2025. Not in the ten, but also extracted:
 * "China's 2024-2025 chairmanship" (a term of office, a year range), "In 2024, transit traffic
 * … surged by 86%" (a year's statistic) and "by 2030" (a target, kind "target"). The
 * publication year named as a frame ("In 2025, …", six times) is kind "context", hidden by default.
 */
const GOLD = [
  {
    date: '2016',
    precision: 'year',
    passage: 'p19',
    contains: 'dialogue partner of the Shanghai Cooperation Organisation',
  },
  { date: '2022', precision: 'year', passage: 'p16', contains: 'outbreak of the Russia-Ukraine conflict' },
  { date: '2024-12', precision: 'month', passage: 'p15', contains: 'passenger plane crashed in western Kazakhstan' },
  { date: '2025-02', precision: 'month', passage: 'p26', contains: 'embassy in Syria resumed activities' },
  { date: '2025-04', precision: 'month', passage: 'p13', contains: 'paid a state visit to China' },
  { date: '2025-07', precision: 'month', passage: 'p15', contains: 'never to make peace with the occupiers' },
  {
    date: '2025-08-08',
    precision: 'day',
    passage: 'p10',
    contains: 'summit of leaders of Azerbaijan, the United States, and Armenia',
  },
  { date: '2025-08-11', precision: 'day', passage: 'p11', contains: 'The text of the agreement, released' },
  {
    date: '2025-11-15',
    endDate: '2025-11-16',
    precision: 'day',
    passage: 'p17',
    contains: '7th Central Asian Heads of State Consultation Meeting',
  },
  { date: '2025-12-26', precision: 'day', passage: 'p2', contains: 'annual press conference on December 26, 2025' },
] as const;

const knowledge = loadKnowledge('knowledge');
const seed = 'azerbaijan-diplomacy-2025';

describe('seed article gold events', () => {
  const { events } = buildTimeline(knowledge);
  const mine = events.filter((e) => e.articleId === seed);

  it('validates against the CONTRACTS schema', () => {
    expect(() => TimelineResultSchema.parse({ events })).not.toThrow();
  });

  for (const g of GOLD) {
    it(`finds ${g.date} (${g.precision}): ${g.contains}`, () => {
      const hit = mine.find((e) => e.text.includes(g.contains) && e.date === g.date);
      expect(hit, `no event dated ${g.date} with "${g.contains}"`).toBeDefined();
      expect(hit!.precision).toBe(g.precision);
      expect(hit!.endDate).toBe('endDate' in g ? g.endDate : undefined);
      expect(hit!.passageId).toBe(`${seed}#${g.passage}`);
      expect(hit!.kind).toBe('event');
    });
  }

  it('orders the gold events by date', () => {
    const order = GOLD.map((g) => mine.findIndex((e) => e.text.includes(g.contains) && e.date === g.date));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('cites verbatim text from the cited passage', () => {
    const article = knowledge.articles.find((a) => a.id === seed)!;
    for (const e of mine) {
      const passage = article.passages.find((p) => p.id === e.passageId)!;
      expect(passage.text).toContain(e.text);
    }
  });

  it('marks 2030 as a target and hides the publication-year frame by default', () => {
    const target = mine.find((e) => e.date === '2030');
    expect(target).toMatchObject({ kind: 'target', future: true, precision: 'year' });
    expect(mine.filter((e) => e.kind === 'context')).toEqual([]);
    const all = buildTimeline(knowledge, { includeContext: true }).events.filter((e) => e.kind === 'context');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.date === '2025' && e.precision === 'year')).toBe(true);
  });

  it('extracts exactly the gold ten plus the three extras, and nothing invented', () => {
    expect(mine.map((e) => `${e.date}${e.endDate ? `..${e.endDate}` : ''}`)).toEqual([
      '2016',
      '2022',
      '2024..2025',
      '2024',
      '2024-12',
      '2025-02',
      '2025-04',
      '2025-07',
      '2025-08-08',
      '2025-08-11',
      '2025-11-15..2025-11-16',
      '2025-12-26',
      '2030',
    ]);
  });
});
