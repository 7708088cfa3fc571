import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../src/answer/result.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { sentenceFields } from '../../src/facts/extract.ts';
import { FactStore } from '../../src/facts/store.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { tokenize } from '../../src/text/terms.ts';
import { badName } from '../../scripts/facts-score.ts';
import { FIXTURES, KNOWLEDGE, article, tempKnowledge } from './helpers.ts';

/** Fact cards: every field a true statement in words of its own sentence, no repeated names, curated cards first. */

const seed = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
const notreDame = createEngine({ knowledgeDir: path.join(FIXTURES, 'notre-dame', 'knowledge'), cacheDir: null });

function questions(engine: Engine) {
  const words = [...new Set(engine.knowledge.articles.flatMap((a) => tokenize(a.body)))];
  return fc.oneof(
    fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    fc
      .tuple(
        fc.constantFrom('how many', 'how much', 'when', 'who', 'what', 'since when'),
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }),
      )
      .map(([q, w]) => `${q} ${w.join(' ')}?`),
  );
}

const lower = (s: string) => s.toLowerCase();
/** The name's words, as they appear in text ("SCO" stands for "… (SCO)"; the first letter may be capitalised). */
const nameWords = (name: string) =>
  name.split(/\s+/).map((w) => lower(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));

/** Checks the card invariants of one answer; returns nothing, throws on a violation. */
function checkCards(engine: Engine, r: AskResult): void {
  expect(r.facts.length).toBeLessThanOrEqual(3);
  for (const card of r.facts) {
    expect(card.fields.length).toBeGreaterThan(0);
    expect(card.fields.length).toBeLessThanOrEqual(6);
    // The title names the subject or the article, never a numbered section heading.
    expect(card.title).not.toMatch(/^\s*\d/);
    const names = card.fields.map((f) => lower(f.name));
    expect(new Set(names).size).toBe(names.length);
    const passage = engine.passage(card.citation.passageId)!;
    expect(passage).toBeDefined();
    for (const f of card.fields) {
      expect(passage.text).toContain(f.value);
      if (card.curated) continue;
      // Some sentence of the cited passage holds the value and every word of the name.
      const holds = passage.sentences.some(
        (s) => s.text.includes(f.value) && nameWords(f.name).every((w) => !w || lower(s.text).includes(w)),
      );
      expect(holds, `${f.name}: ${f.value}`).toBe(true);
      expect(badName(f, passage.text), `${f.name}: ${f.value}`).toBe(false);
    }
  }
}

describe('fact cards', () => {
  for (const [name, engine] of [
    ['the bundled article', seed],
    ['Notre Dame', notreDame],
  ] as const) {
    it(`on ${name}: values verbatim, names from the same sentence, no repeated name, at most 3 cards of 6 fields`, () => {
      fc.assert(
        fc.property(questions(engine), (q) => checkCards(engine, engine.ask(q))),
        { numRuns: 150 },
      );
    });
  }

  it('puts the answering sentence first: its card is the first and holds its fields first', () => {
    const r = seed.ask('How many documents did Azerbaijan sign in 2025?');
    const first = r.facts[0]!;
    expect(first.citation.passageId).toBe(r.snippets[0]!.passageId);
    for (const f of first.fields) expect(r.snippets[0]!.text).toContain(f.value);
    expect(first.fields.map((f) => f.value)).toContain('191');
  });

  it('shows a curated card instead of a derived field with the same value', () => {
    const dir = tempKnowledge(
      {
        'facts.yaml': [
          'cards:',
          '  - article: azerbaijan-diplomacy-2025',
          '    title: Documents of the year',
          '    quote: "signed 191 bilateral and multilateral documents"',
          '    fields: [{ name: Documents signed in the year, value: "191" }]',
          '',
        ].join('\n'),
      },
      true,
    );
    const engine = createEngine({ knowledgeDir: dir, cacheDir: null });
    const r = engine.ask('How many documents did Azerbaijan sign in 2025?');
    expect(r.facts[0]!.curated).toBe(true);
    const shown = r.facts.flatMap((c) => c.fields.filter((f) => f.value === '191'));
    expect(shown).toEqual([{ name: 'Documents signed in the year', value: '191', kind: 'curated' }]);
  });

  it('caches the fields beside the index and reads the same fields back', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'facts-cache-'));
    const knowledge = loadKnowledge(KNOWLEDGE);
    const built = FactStore.build(knowledge, cacheDir);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('facts-'))).toHaveLength(1);
    const loaded = FactStore.build(knowledge, cacheDir);
    const passages = knowledge.articles.flatMap((a) => a.passages);
    for (const p of passages) expect(loaded.fieldsOf(p)).toEqual(built.fieldsOf(p));
    // A damaged file is worked out again, never served.
    const file = path.join(
      cacheDir,
      readdirSync(cacheDir).find((f) => f.startsWith('facts-'))!,
    );
    writeFileSync(file, '{"hash":"x"}\n garbage');
    const rebuilt = FactStore.build(knowledge, cacheDir);
    for (const p of passages) expect(rebuilt.fieldsOf(p)).toEqual(built.fieldsOf(p));
    expect(readFileSync(file, 'utf8')).not.toContain('garbage');
  });
});

describe('naming a value from its sentence', () => {
  const published = '2024-06-30';
  const fields = (s: string) => sentenceFields(s, published).map((f) => [f.name, s.slice(f.start, f.end)]);

  it('names a count by the counted thing and its verb', () => {
    expect(fields('Last year the agency approved 48 new projects with 12 partner cities.')).toEqual([
      ['New projects approved', '48'],
      ['Partner cities approved with', '12'],
    ]);
  });

  it('keeps a date range as one value, named by its event', () => {
    expect(fields('The Harbour Film Festival was held in Bergen from March 3rd to 5th.')).toEqual([
      ['Harbour Film Festival held in Bergen', 'March 3rd to 5th'],
    ]);
  });

  it('gives a person their role and an acronym its long form', () => {
    expect(fields('Health Minister Anna Berg spoke at the World Health Organization (WHO) assembly.')).toEqual([
      ['Health Minister', 'Anna Berg'],
      ['WHO', 'World Health Organization'],
    ]);
  });

  it('leaves out the publication year as a frame, and a value it cannot name well', () => {
    expect(fields('In 2024, the region made progress.')).toEqual([]);
    expect(fields('They said it was 12.')).toEqual([]);
  });

  it('names a date by its event, not by a place', () => {
    const [name] = fields('A cargo ship sank near the coast of Norway in May 2023.')[0]!;
    expect(name).toMatch(/ship sank/i);
  });

  it('names a share by what it measures', () => {
    expect(fields('Exports to the region rose by 12% in the first quarter.')[0]).toEqual([
      'Exports to the region rose',
      '12%',
    ]);
  });

  it("leads with the answering sentence's value, not a shorter one of the neighbour joined before it", () => {
    const dir = tempKnowledge({
      'trust.md': article(
        'Harbor Trust',
        '2021-02-01',
        'Since 2019, the Harbor Trust has been led by Mara Quint, its fourth director. ' +
          'Quint took over the post from Ellis Dorn on March 3, 2019.',
      ),
    });
    const engine = createEngine({ knowledgeDir: dir, cacheDir: null });
    const r = engine.ask('When did Quint take over the post from Dorn?');
    checkCards(engine, r);
    expect(r.snippets[0]!.text).toContain('March 3, 2019');
    expect(r.facts[0]!.fields.map((f) => f.value)).toContain('March 3, 2019');
  });

  it('works on an article it has never seen', () => {
    const dir = tempKnowledge({
      'town.md': article(
        'River Town',
        '2023-05-01',
        'The new bridge over the river opened on April 2, 2023, after three years of work. It cost $45 million.',
      ),
    });
    const engine = createEngine({ knowledgeDir: dir, cacheDir: null });
    const r = engine.ask('When did the new bridge open?');
    checkCards(engine, r);
    expect(r.facts[0]!.fields).toContainEqual({
      name: 'New bridge over the river opened',
      value: 'April 2, 2023',
      kind: 'date',
    });
  });
});
