import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { buildTimeline, TimelineFilterError } from '../../src/timeline/index.ts';
import { article, knowledgeDir } from './helpers.ts';

const twoArticles = () =>
  loadKnowledge(
    knowledgeDir({
      'a.md': article(
        '2026-01-10',
        'In December, the talks resumed in Geneva after a long pause. The ministers met on December 5th, and they agreed on a plan.\n\n## Outlook\n\nA new round is expected by 2027.',
        'Article A',
      ),
      'b.md': article(
        '2025-12-20',
        'The ministers met on December 5, 2025, and they agreed on a plan for the talks.',
        'Article B',
      ),
    }),
  );

describe('buildTimeline', () => {
  it('resolves, orders and cites across articles', () => {
    const { events } = buildTimeline(twoArticles());
    expect(events.map((e) => [e.date, e.precision, e.passageId])).toEqual([
      ['2025-12', 'month', 'a#p1'],
      ['2025-12-05', 'day', 'a#p1'],
      ['2027', 'year', 'a#p2'],
    ]);
    expect(events[2]).toMatchObject({ kind: 'target', future: true, section: 'Outlook' });
  });

  it('merges the same thing on the same date from two articles', () => {
    const { events } = buildTimeline(twoArticles());
    const met = events.find((e) => e.date === '2025-12-05')!;
    expect(met.alsoIn).toEqual(['b#p1']);
  });

  it('filters by from, to (any precision) and query, and orders newest first', () => {
    const k = twoArticles();
    expect(buildTimeline(k, { from: '2025-12-05' }).events.map((e) => e.date)).toEqual([
      '2025-12',
      '2025-12-05',
      '2027',
    ]);
    expect(buildTimeline(k, { from: '2025-12-06', to: '2026' }).events.map((e) => e.date)).toEqual(['2025-12']);
    expect(buildTimeline(k, { to: '2025' }).events.map((e) => e.date)).toEqual(['2025-12', '2025-12-05']);
    expect(buildTimeline(k, { query: 'Geneva' }).events.map((e) => e.date)).toEqual(['2025-12']);
    expect(buildTimeline(k, { query: 'ministers agreed' }).events.map((e) => e.date)).toEqual(['2025-12-05']);
    expect(buildTimeline(k, { order: 'newest' }).events.map((e) => e.date)).toEqual(['2027', '2025-12-05', '2025-12']);
  });

  it('names the filter that is wrong', () => {
    const k = twoArticles();
    expect(() => buildTimeline(k, { from: '2025-13' })).toThrow(TimelineFilterError);
    expect(() => buildTimeline(k, { from: 'yesterday' })).toThrow(/^from: /);
    expect(() => buildTimeline(k, { to: '2025-02-30' })).toThrow(/^to: /);
    expect(() => buildTimeline(k, { from: '2026', to: '2025' })).toThrow(/^from: is after to/);
  });

  it('uses the clause around each date when a sentence names two', () => {
    const k = loadKnowledge(
      knowledgeDir({
        'c.md': article(
          '2025-12-30',
          'The embassies in Thailand and Oman opened in 2023, while the embassy in Syria resumed activities in February of this year after a 13-year hiatus.',
        ),
      }),
    );
    expect(buildTimeline(k).events.map((e) => [e.date, e.text])).toEqual([
      ['2023', 'The embassies in Thailand and Oman opened in 2023'],
      ['2025-02', 'the embassy in Syria resumed activities in February of this year after a 13-year hiatus.'],
    ]);
  });
});
