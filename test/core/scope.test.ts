import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { readChecks } from '../../src/answer/kinds.ts';
import { scopeChecks } from '../../src/answer/scope.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { article, tempAnswerContext, tempKnowledge, tempEngine } from './helpers.ts';

/**
 * Scope checks (src/answer/scope.ts) through the engine, on a small real-shaped article: close-to-topic questions it
 * does not answer are declined, and the ones it answers still are.
 */
const body = [
  'Lisbon, May 3 Maria Duarte, the deputy mayor of Porto, was named head of the Harbour Authority today.',
  '',
  'Duarte said the authority would hire 40 engineers next year. The Portuguese embassy in Brazil reopened in March after a long pause.',
  '',
  'The port handled cargo for shipping lines from many countries, and its managers praised the new cranes.',
].join('\n');

describe('scope checks', () => {
  const engine = tempEngine({ 'port.md': article('Porto harbour gets a new head', '2024-05-03', body) });

  it('answers what the article says: a count next to its noun, a person in the role', () => {
    const many = engine.ask('How many engineers will the authority hire?');
    expect(many.answered).toBe(true);
    expect(many.snippets[0]!.text).toContain('40 engineers');
    const who = engine.ask('Who is the deputy mayor of Porto?');
    expect(who.answered).toBe(true);
    expect(who.snippets[0]!.text).toContain('Maria Duarte');
  });

  it('declines a count of a thing the article never counts', () => {
    const r = engine.ask('How many cranes does the port have?');
    expect(r.answered).toBe(false);
  });

  it('declines a count of a kind of the thing the article never names ("civil engineers")', () => {
    expect(engine.ask('How many civil engineers will the authority hire?').answered).toBe(false);
    expect(engine.ask('How many engineers will the authority hire?').answered).toBe(true);
  });

  it('declines a role the article names no one in, or a modifier it never uses', () => {
    expect(engine.ask('Who is the president of Brazil?').answered).toBe(false);
    expect(engine.ask('Who is the prime minister of Portugal?').answered).toBe(false);
  });

  it('declines when or where something will happen, or the next one, when the article tells only of the past', () => {
    expect(engine.ask('When will the Portuguese embassy in Brazil reopen?').answered).toBe(false);
    expect(engine.ask('When will the next embassy in Brazil reopen?').answered).toBe(false);
    // A count of what will be is answered in any tense the article uses.
    expect(engine.ask('How many engineers will the authority hire next year?').answered).toBe(true);
  });

  it('declines who will hold a role when the article says nothing of the future', () => {
    expect(engine.ask("Who will be the Harbour Authority's head next year?").answered).toBe(false);
  });

  it('never takes a place after "in" for the person in a role', () => {
    expect(engine.ask("Who is Portugal's ambassador to Brazil?").answered).toBe(false);
  });

  it('declines a relation asked the other way round', () => {
    const r = engine.ask('When did Brazil reopen its embassy in Portugal?');
    expect(r.answered).toBe(false);
    // Typed in lower case, as members write.
    expect(engine.ask('when did brazil reopen its embassy in portugal').answered).toBe(false);
  });
});

describe("a count of what the question's subject did", () => {
  const text = [
    'In 2024, Norway made progress in its ties with Sweden and joined the Arctic Council. Throughout the year, it signed 64 trade agreements with 17 countries.',
    '',
    'The Shipping Cooperation Forum (SCF), chaired by Ingrid Berg, met in Oslo. Its 12 members agreed new rules on ballast water.',
    '',
    'Fishing cooperation with Iceland grew, and 3 new research vessels were ordered.',
  ].join('\n');
  const engine = tempEngine({ 'norway.md': article('Norway in 2024', '2024-12-30', text) });

  it('answers the subject\'s own count, read back through "it"', () => {
    const r = engine.ask('how many trade agreements did norway sign in 2024');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('64 trade agreements');
  });

  it('declines who leads a body the article names but says nobody leads, and answers one it does', () => {
    expect(engine.ask('who runs the arctic council').answered).toBe(false);
    expect(engine.ask('who heads the swedish government').answered).toBe(false);
    expect(engine.ask('who runs the Shipping Cooperation Forum').snippets[0]?.text).toContain('Ingrid Berg');
  });

  it('declines what a person said when the article only places them there, and answers what one said', () => {
    const dir = tempKnowledge({
      'talks.md': article(
        'Oslo talks',
        '2024-06-01',
        'The two ministers signed a fishing accord in the presence of the Swedish Prime Minister in Oslo.\n\nThe Icelandic minister said the accord would protect cod stocks for a decade.',
      ),
    });
    const talks = createEngine({ knowledgeDir: dir, cacheDir: null });
    expect(talks.ask('what did the swedish prime minister say in oslo').answered).toBe(false);
    expect(talks.ask('what did the icelandic minister say about the accord').snippets[0]?.text).toContain('cod stocks');
  });

  it('declines the count of another country the article names in passing', () => {
    const r = engine.ask('how many trade agreements did sweden sign in 2024');
    expect(r.answered).toBe(false);
    // After "is" / "are" as after "did": "how many groups is sweden part of" asks Sweden's count.
    expect(engine.ask('how many trade groups is sweden part of').answered).toBe(false);
    expect(engine.ask('how many trade agreements was norway able to sign in 2024').snippets[0]?.text).toContain(
      '64 trade agreements',
    );
  });

  it('reads a company\'s full name as the subject the question names ("Harbor Oil Co." for "harbor oil")', () => {
    const dir = tempKnowledge({
      'bonds.md': article(
        'Oil company sells bonds',
        '2024-06-01',
        [
          'Harbor Oil Co. of Delaware Tuesday offered $80 million in bonds to the public through a group of banks headed by Miller, Stone & Co., to raise money to repay a similar loan held by Bay Oil Corp..',
          '',
          'Bay could have turned its loan into 300,000 shares of Harbor Oil common, according to Harbor. Under the new offering, only $40 million in bonds are convertible.',
        ].join('\n'),
      ),
    });
    const r = createEngine({ knowledgeDir: dir, cacheDir: null }).ask('how much did harbor oil offer in bonds');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$80 million');
  });
});

describe('words of the future', () => {
  it('reads "next" with a month or a weekday as the future ("in Redding next Feb. 10-12")', () => {
    const text = [
      'The council listed its goals for the coming months.',
      '',
      'The first is a drive for new members. The second is a statewide endorsing convention in Redding next Feb. 10-12.',
      '',
      'The council has 300 clubs.',
    ].join('\n');
    const engine = tempEngine({ 'council.md': article('Council goals', '1961-06-01', text) });
    const r = engine.ask('where will the council hold its endorsing convention');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Redding');
  });
});

describe('role stand-ins', () => {
  const engine = tempEngine({
    'talks.md': article(
      'Lisbon hosts trade talks',
      '2024-06-10',
      'The trade talks in Lisbon were opened on Monday by Portuguese Foreign Minister Ana Costa.\n\nThe talks covered fishing rights and port fees, and ended with a joint statement.',
    ),
    'aliases.yaml': 'aliases:\n  - [Portugal, Portuguese]\n',
  });

  it('takes a kind of the role for the role: a minister is a kind of diplomat ("top diplomat")', () => {
    const r = engine.ask("Who is Portugal's top diplomat?");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Ana Costa');
  });

  it('still declines a modifier the text never uses for the role ("prime" minister)', () => {
    expect(engine.ask('Who is the prime minister of Portugal?').answered).toBe(false);
  });
});

describe('a count of what a name leads', () => {
  const text = [
    'The Harbour Board met on Monday in Bergen. All nine members of the Harbour Board voted for the Dahl plan to widen the docks.',
    '',
    'The city council spent 2 million kroner on repairs last year, and the docks handled 300 ships.',
  ].join('\n');
  const ctx = tempAnswerContext({ 'bergen.md': article('Bergen docks', '2024-05-03', text) });

  it('counts the plural noun after the name ("Harbour board members"), not the name', () => {
    const q = 'how many Harbour board members backed the Dahl plan';
    const checks = scopeChecks(q, readChecks(q), buildSlots(ctx, q), { vectors: null, wordnet: ctx.wordnet() });
    const count = checks.find((c) => c.what.startsWith('a count of'))!;
    expect(count.what).toBe('a count of members');
    const window = { passageTerms: new Set<string>(), headingTerms: new Set<string>() };
    expect(count.holds({ ...window, text: 'All nine members of the Harbour Board voted for the Dahl plan.' })).toBe(
      true,
    );
    expect(count.holds({ ...window, text: 'The docks handled 300 ships for the Harbour Board.' })).toBe(false);
  });
});
