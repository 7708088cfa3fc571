import { describe, expect, it } from 'vitest';
import { demonymForms } from '../../src/answer/slots.ts';
import { termOf } from '../../src/text/terms.ts';
import { newsEngine } from './helpers.ts';

/**
 * A country and the word for its people (src/answer/slots.ts `demonymForms`), on a small many-story folder built the
 * way `npm run eval`'s news row builds its own: two Brown Corpus press documents (the Congo's independence, a week of
 * US foreign policy), the bundled article and the Notre Dame article.
 */
const engine = newsEngine(['ca41', 'ca42']);
const forms = (word: string) => demonymForms(engine.index, termOf(word)!);

describe('a name and its demonym', () => {
  it('relates a place and its people both ways, among the terms the material uses', () => {
    expect(forms('Belgium')).toContain(termOf('Belgian'));
    expect(forms('Tunisia')).toContain(termOf('Tunisian'));
    expect(forms('Tunisian')).toContain(termOf('Tunisia'));
    // The material writes no "Belgium": nothing to relate "Belgian" to.
    expect(forms('Belgian')).toEqual([]);
  });

  it('never strips a name to a bare root or adds an ending to a person’s name', () => {
    expect(forms('Belgians')).not.toContain('belg');
    for (const name of ['Kennedy', 'Lumumba', 'Kasavubu', 'Martin']) expect(forms(name)).toEqual([]);
  });

  it('answers a question that names the country from a story that names its people', () => {
    const r = engine.ask('When did Belgium send paratroops to the Congo?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('July 10');
  });
});

describe("a people's word WordNet relates to its country", () => {
  it('reads "dutch" as the Netherlands and "swiss" as Switzerland (pertainyms no ending rule gives)', async () => {
    const { WordNet } = await import('../../src/text/wordnet.ts');
    const wordnet = WordNet.open()!;
    expect(wordnet.pertainsTo('dutch')).toContain('netherlands');
    expect(wordnet.pertainsTo('swiss')).toContain('switzerland');
    expect(wordnet.pertainsTo('french')).toEqual(['france']);
    const { article, tempEngine } = await import('./helpers.ts');
    const small = tempEngine({
      'trade.md': article(
        'Trade',
        '2023-06-02',
        'Trade with the Netherlands grew by 12% in 2022, the ministry said.\n\nThe fisheries agency hired 15 new inspectors.',
      ),
    });
    expect(small.ask('how much did trade with the dutch grow in 2022').snippets[0]?.text).toContain('Netherlands');
    // A people's word whose country the material never names is still unknown.
    expect(small.ask('how much did swiss trade grow').answered).toBe(false);
  });
});
