import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerPhrase } from '../../src/answer/phrase.ts';
import { createEngine } from '../../src/engine.ts';
import { STOP_WORDS, termOf, tokenize } from '../../src/text/terms.ts';
import { KNOWLEDGE } from './helpers.ts';

const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
const snippetFor = (q: string) => engine.ask(q).snippets[0]!.text;

describe('answerPhrase by question type', () => {
  it('"how many X": the number with X', () => {
    const q = 'How many documents did Azerbaijan sign in 2025?';
    expect(answerPhrase(q, snippetFor(q))).toBe('191 bilateral and multilateral documents');
  });

  it('"when": the date', () => {
    const q = "When was the foreign ministry's annual press conference?";
    expect(answerPhrase(q, snippetFor(q))).toBe('December 26, 2025');
  });

  it('"who": the name, not one from the question', () => {
    const q = 'Who said Azerbaijan pursues an independent and pragmatic foreign policy?';
    const phrase = answerPhrase(q, snippetFor(q));
    expect(phrase).toContain('Ceyhon Bayramov');
    expect(phrase).not.toMatch(/^Azerbaijan$/);
  });

  it('"where": the place', () => {
    const q = 'Where was the 7th Central Asian Heads of State Consultation Meeting held?';
    expect(answerPhrase(q, snippetFor(q))).toBe('Uzbekistan');
  });

  it('"what does X stand for": the long form written before the acronym', () => {
    const q = 'What does CICA stand for?';
    expect(answerPhrase(q, snippetFor(q))).toBe('Conference on Interaction and Confidence Building Measures in Asia');
  });

  it('"what is X called": the other name given in brackets', () => {
    const q = 'What is the Middle Corridor called?';
    expect(answerPhrase(q, snippetFor(q))).toBe('Trans-Caspian International Transport Corridor');
  });

  it('a number question on text without a number gets no number', () => {
    const phrase = answerPhrase('How many ships sailed?', 'The ships sailed from the harbour at dawn.');
    expect(phrase === null || !/\d/.test(phrase)).toBe(true);
  });

  it('null when the text shares nothing with the question', () => {
    expect(answerPhrase('Who won the cup final?', 'Rain fell over the northern hills all week.')).toBeNull();
    expect(answerPhrase('?', 'Rain fell.')).toBeNull();
    expect(answerPhrase('Who won?', '')).toBeNull();
  });
});

/** Content words of a text, as the phrase module compares them. */
function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map((t) => termOf(t.replace(/\./g, ''))!)
    .filter(Boolean);
}

const words = [...new Set(engine.knowledge.articles.flatMap((a) => tokenize(a.body)))];
const question = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('How many', 'When did', 'Who', 'Where is', 'What', 'Which', 'What does'),
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }),
    )
    .map(([q, w]) => `${q} ${w.join(' ')}?`),
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
);

describe('answerPhrase invariants', () => {
  it('is a verbatim substring of the snippet, and never only the question’s words', () => {
    fc.assert(
      fc.property(question, (q) => {
        const r = engine.ask(q);
        if (!r.answered) return;
        const snippet = r.snippets[0]!.text;
        const phrase = answerPhrase(q, snippet);
        if (phrase === null) return;
        expect(snippet).toContain(phrase);
        expect(phrase).toBe(phrase.trim());
        const asked = new Set(contentStems(q));
        expect(contentStems(phrase).some((t) => !asked.has(t))).toBe(true);
      }),
      { numRuns: 250 },
    );
  });

  it('is a substring of any text, for any question', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 300 }), (q, text) => {
        const phrase = answerPhrase(q, text);
        if (phrase !== null) expect(text).toContain(phrase);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the answer in the result', () => {
  it('is the phrase inside snippet 1 when answered, null when declined', () => {
    fc.assert(
      fc.property(question, (q) => {
        const r = engine.ask(q);
        if (!r.answered) expect(r.answer).toBeNull();
        else if (r.answer !== null) expect(r.snippets[0]!.text).toContain(r.answer);
      }),
      { numRuns: 150 },
    );
  });

  it('an alias of the question’s word is not a word the question has: the long form answers "stand for"', () => {
    // aliases.yaml makes the long form a stand-in for CICA in the ranking.
    expect(engine.ask('What does CICA stand for?').answer).toBe(
      'Conference on Interaction and Confidence Building Measures in Asia',
    );
  });

  it('puts the fact that is the answer first on the first card', () => {
    const r = engine.ask('How many countries did Azerbaijan hold political consultations with?');
    // The number alone: the question already says what it counts (SQuAD's gold answers are the bare number too).
    expect(r.answer).toBe('52');
    expect(r.facts[0]!.fields[0]!.value).toBe('52');
  });
});

describe('answerPhrase and numbers', () => {
  it('never answers with the number the question gives, however it is grouped ("6500" is "6,500")', () => {
    const r = engine.ask('6500 expected');
    expect(r.answer ?? '').not.toMatch(/^6,?500$/);
  });
});

describe('answerPhrase: the minimal answer', () => {
  it('"where does X rank" asks for the rank', () => {
    const text = 'In 2016, the school ranked 18th overall among national universities in the Best Colleges list.';
    expect(answerPhrase('Where did the list rank the school in 2016?', text)).toBe('18th');
  });

  it('a number with its magnitude written on ("$400m"), never a piece of a word', () => {
    const text = 'The plan includes a $400m expansion of the stadium, led by Ivan Meštrović (1883–1962), a sculptor.';
    expect(answerPhrase('How much money was spent on the stadium expansion?', text)).toBe('$400m');
    const phrase = answerPhrase('What was Meštrović known for being?', text);
    expect(phrase === null || !/^trovi/.test(phrase)).toBe(true);
  });

  it('letters after a name ("C.S.C.") and a month alone are never the person', () => {
    const text =
      'The school burned in April 1879. The president at the time, the Rev. William Corby, C.S.C., planned the rebuilding.';
    expect(answerPhrase('Who was the president of the school in 1879?', text)).toContain('William Corby');
  });

  it('"how long": the number with the unit the question does not name', () => {
    expect(
      answerPhrase('After how long can the state take the property?', 'It can take it after seven years of absence.'),
    ).toBe('seven years');
  });

  it('the number of "how many X" for two numbers in one sentence: the one X and the question qualify', () => {
    const text = 'All residence halls are single-sex, with 15 male dorms and 14 female dorms.';
    expect(answerPhrase('How many dorms for males are on campus?', text)).toBe('15');
    expect(answerPhrase('How many dorms for females are on campus?', text)).toBe('14');
  });
});
