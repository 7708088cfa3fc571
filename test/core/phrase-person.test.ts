import { describe, expect, it } from 'vitest';
import { answerPhrase, notPersonName } from '../../src/answer/phrase.ts';
import { WordNet } from '../../src/text/wordnet.ts';

/**
 * "Who judged the finals": the phrase is a person's name, and a capitalised word that WordNet knows only in lower case
 * ("the Class", "Handler") or a place's name ("New York") names no person (src/answer/phrase.ts `notPersonName`).
 */
const wordnet = WordNet.open()!;
const notPerson = (words: readonly string[]) => notPersonName(wordnet, words);

describe('the phrase of "who …" is a name that may be a person', () => {
  it('reads single lower-case words and places as no person, given and family names as possible ones', () => {
    expect(notPerson(['Handler'])).toBe(true);
    expect(notPerson(['Class'])).toBe(true);
    expect(notPerson(['New', 'York'])).toBe(true);
    expect(notPerson(['Anne', 'Hone', 'Rogers'])).toBe(false);
    expect(notPerson(['John', 'Cross'])).toBe(false);
    expect(notPerson(['Greene'])).toBe(false);
  });

  it('answers with the person, not the capitalised noun the verb takes', () => {
    const q = 'who judged the junior finals';
    const text =
      'Anne Hone Rogers judges 28th finals This year Anne Hone Rogers, outstanding Handler, judged the Class. This is the third time in 28 years of Junior Showmanship at Westminster that a lady Handler has judged the Class.';
    expect(answerPhrase(q, text, { type: 'person' })).not.toBe('Anne Hone Rogers');
    expect(answerPhrase(q, text, { type: 'person', notPerson })).toBe('Anne Hone Rogers');
  });
});
