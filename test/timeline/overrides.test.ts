import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { buildTimeline } from '../../src/timeline/index.ts';
import { article, knowledgeDir } from './helpers.ts';

const body =
  'The plane crashed in western Kazakhstan in December 2024. The ministry held its press conference on December 26, 2025. The 2000 Olympics were mentioned. Peace talks followed soon after.';

function withOverrides(yaml: string) {
  return loadKnowledge(knowledgeDir({ 'x.md': article('2025-12-30', body), 'timeline.yaml': yaml }));
}

describe('timeline.yaml overrides', () => {
  it('the loader does not report timeline.yaml itself', () => {
    expect(withOverrides('overrides: []\n').problems).toEqual([]);
  });

  it('hides an event and fixes another', () => {
    const k = withOverrides(
      [
        'overrides:',
        '  - { article: x, quote: "The 2000 Olympics", hide: true }',
        '  - { article: x, quote: "crashed in western Kazakhstan", date: 2024-12-25, text: "The plane crashed in western Kazakhstan" }',
      ].join('\n'),
    );
    const t = buildTimeline(k);
    expect(t.problems).toEqual([]);
    expect(t.events.map((e) => [e.date, e.precision, e.text, e.curated ?? false])).toEqual([
      ['2024-12-25', 'day', 'The plane crashed in western Kazakhstan', true],
      ['2025-12-26', 'day', 'The ministry held its press conference on December 26, 2025.', false],
    ]);
  });

  it('adds an event the extractor missed when a date is given', () => {
    const k = withOverrides('overrides:\n  - { article: x, quote: "Peace talks followed", date: 2025-03 }\n');
    const t = buildTimeline(k);
    expect(t.problems).toEqual([]);
    expect(t.events.find((e) => e.date === '2025-03')).toMatchObject({
      precision: 'month',
      text: 'Peace talks followed soon after.',
      curated: true,
    });
  });

  it('narrows to one date with when', () => {
    const k = withOverrides('overrides:\n  - { article: x, quote: "The 2000 Olympics", when: 2000, kind: context }\n');
    expect(buildTimeline(k).events.map((e) => e.date)).toEqual(['2024-12', '2025-12-26']);
    expect(buildTimeline(k, { includeContext: true }).events.map((e) => e.date)).toEqual([
      '2000',
      '2024-12',
      '2025-12-26',
    ]);
  });

  it('reports an override whose quote is not in the article, naming the file and field', () => {
    const k = withOverrides('overrides:\n  - { article: x, quote: "not in the text", hide: true }\n');
    const t = buildTimeline(k);
    expect(t.problems).toEqual([
      {
        file: expect.stringMatching(/timeline\.yaml$/),
        message: 'overrides.0.quote: not found verbatim in article "x"',
      },
    ]);
    expect(t.events).toHaveLength(3);
  });

  it('reports an unknown article, a text that is not verbatim, and a quote that picks nothing', () => {
    const k = withOverrides(
      [
        'overrides:',
        '  - { article: nope, quote: "crashed", hide: true }',
        '  - { article: x, quote: "crashed", text: "a plane fell" }',
        '  - { article: x, quote: "The ministry", kind: target, when: "2020" }',
      ].join('\n'),
    );
    expect(buildTimeline(k).problems.map((p) => p.message)).toEqual([
      'overrides.0.article: no article with id "nope"',
      'overrides.1.text: not found verbatim in the passage that holds the quote (x#p1)',
      'overrides.2.quote: picks no extracted event (give date to add one)',
    ]);
  });

  it('rejects a malformed file with zod, naming the field, and applies none of it', () => {
    for (const [yaml, message] of [
      [
        'overrides:\n  - { article: x, quote: "crashed", date: 2024-13 }\n',
        /^overrides\.0\.date: must be YYYY, YYYY-MM or YYYY-MM-DD/,
      ],
      [
        'overrides:\n  - { article: x, quote: "crashed", hide: true, date: 2024 }\n',
        /^overrides\.0\.hide: cannot be combined with date/,
      ],
      ['overrides:\n  - { article: x, quote: "crashed" }\n', /needs hide: true or a fix/],
      ['overrides:\n  - { article: x, quote: "crashed", hide: true, colour: red }\n', /colour/],
      ['overrides: [\n', /^not valid YAML/],
      ['events: []\n', /overrides/],
    ] as const) {
      const t = buildTimeline(withOverrides(yaml));
      expect(t.problems).toHaveLength(1);
      expect(t.problems[0]!.file).toMatch(/timeline\.yaml$/);
      expect(t.problems[0]!.message).toMatch(message);
    }
  });
});
