import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import { fold, termOf, termOfLetters, terms, tokenize } from '../../src/text/terms.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentence splitter', () => {
  it('splits ordinary sentences', () => {
    expect(split('One thing happened. Then another! Did it? Yes.')).toEqual([
      'One thing happened.',
      'Then another!',
      'Did it?',
      'Yes.',
    ]);
  });
  it('keeps abbreviations, initials and dotted acronyms inside a sentence', () => {
    expect(split('Dr. Smith met the U.S. President in Jan. 2020. He left.')).toEqual([
      'Dr. Smith met the U.S. President in Jan. 2020.',
      'He left.',
    ]);
    expect(split('Resolution No. 5 passed. J. K. Rowling wrote it.')).toEqual([
      'Resolution No. 5 passed.',
      'J. K. Rowling wrote it.',
    ]);
  });
  it('keeps a middle initial inside the name, and ends a sentence after an initial only when a new one clearly starts', () => {
    expect(
      split(
        'Since 2005, the school has been led by John I. Jenkins, C.S.C., the 17th president. Jenkins took over from Malloy.',
      ),
    ).toEqual([
      'Since 2005, the school has been led by John I. Jenkins, C.S.C., the 17th president.',
      'Jenkins took over from Malloy.',
    ]);
    expect(split('It was founded by Rev. Edward F. Sorin. Sorin came from France.')).toEqual([
      'It was founded by Rev. Edward F. Sorin.',
      'Sorin came from France.',
    ]);
    expect(split('They fought in World War I. The war ended in 1918.')).toEqual([
      'They fought in World War I.',
      'The war ended in 1918.',
    ]);
  });
  it('ends a sentence after a dotted acronym when a new sentence clearly starts', () => {
    expect(split('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
  });
  it('never splits numbers, decimals or dates', () => {
    expect(split('It added 6,500 megawatts, up 3.5 percent, on December 26, 2025. Next.')).toEqual([
      'It added 6,500 megawatts, up 3.5 percent, on December 26, 2025.',
      'Next.',
    ]);
  });
  it('keeps closing quotes with their sentence and does not split inside a quoted clause', () => {
    expect(split('"We will win," said the minister. "Never," he added. Then silence.')).toEqual([
      '"We will win," said the minister.',
      '"Never," he added.',
      'Then silence.',
    ]);
    expect(split('He said "Go." Then he left.')).toEqual(['He said "Go."', 'Then he left.']);
  });
  it('returns verbatim offsets', () => {
    const t = '  Leading space. Trailing space.  ';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
  });
});

describe('term processing', () => {
  it('reads a word of letters alone as termOf does, cached or not (the typo variants)', () => {
    const words = [
      'the',
      'use',
      'using',
      'goes',
      'documnet',
      'document',
      'wheenver',
      'whenever',
      'abc',
      'abcd',
      'yanks',
    ];
    termOf('using'); // in the stem cache now: the uncached reading must still agree
    for (const w of words) expect(termOfLetters(w)).toBe(termOf(w, false));
  });
  it('folds diacritics and case', () => {
    expect(fold('Bakı Ömer Café')).toBe('baki omer cafe');
  });
  it('joins number forms: "6,500" and "6500" are one term; "%" is "percent"', () => {
    expect(tokenize('6,500 megawatts')).toEqual(['6500', 'megawatts']);
    expect(terms('6500 megawatt')).toEqual(terms('6,500 megawatts'));
    expect(tokenize('86% growth')).toEqual(['86', 'percent', 'growth']);
  });
  it('drops stop words and stems, identically for questions and text', () => {
    expect(terms('How many documents were signed?')).toEqual(terms('document signing'));
    expect(terms('the of and')).toEqual([]);
  });
  it('keeps "use" apart from "US" and "goes" with "go" (stems Porter gets wrong)', () => {
    expect(terms('not using force')).toEqual(['use', 'forc']);
    expect(terms('used uses use useful')).toEqual(['use', 'use', 'use', 'use']);
    expect(terms('the U.S. and the US')).toEqual(['us', 'us']);
    expect(terms('it goes, they go')).toEqual(['go', 'go']);
  });
  it('handles possessives and dotted acronyms', () => {
    expect(tokenize("Azerbaijan's U.S. partner")).toEqual(['azerbaijan', 'us', 'partner']);
  });
});

describe('term processing on words that are also JavaScript property names', () => {
  it('treats "constructor", "toString" and "__proto__" as plain words', () => {
    expect(tokenize('constructor toString __proto__')).toEqual(['constructor', 'tostring', 'proto']);
  });
});

describe('ordinals', () => {
  it('match as digits and as words', () => {
    expect(terms('the 3rd year')).toEqual(terms('the third year'));
  });
});
