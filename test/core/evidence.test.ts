import { describe, expect, it } from 'vitest';
import { askedFor, slotLookup, typedEvidence, verbLinkedName } from '../../src/answer/evidence.ts';
import { answerType, questionVerb } from '../../src/answer/question.ts';
import type { Slot } from '../../src/answer/slots.ts';
import { termOf, tokenize } from '../../src/text/terms.ts';
import { WordNet } from '../../src/text/wordnet.ts';
import { plainSlot } from './helpers.ts';

/** Slots for the question's content words, each counting once (the ranking weighs them by rarity). */
function evidenceOf(question: string, sentence: string) {
  const type = answerType(question);
  const asked = askedFor(question, type);
  const tokens = tokenize(question);
  const slots: Slot[] = [];
  for (const token of tokens) {
    const term = termOf(token);
    if (!term || slots.some((s) => s.term === term)) continue;
    slots.push(plainSlot(token, term));
  }
  return typedEvidence(asked, slotLookup(slots, asked, new Set(tokens)), sentence);
}

describe('answer-type evidence', () => {
  it('reads what "how many" counts and the noun after "which"', () => {
    expect(askedFor('How many undergraduate colleges are there?', 'quantity').counted).toEqual([
      'undergraduate',
      'colleges',
    ]);
    expect(askedFor('Which prize did he create?', 'other').head).toBe('prize');
    expect(askedFor('What is the name of the prize?', 'other').head).toBeNull();
  });

  it('reads the head of "which X" as a noun: a past verb after it ends it', () => {
    expect(askedFor('Which judge told the jury to look into it?', 'person').head).toBe('judge');
    expect(askedFor('Which team won the cup?', 'person').head).toBe('team');
    // The first word after "which" is never taken for a verb: "which famed institute".
    expect(askedFor('Which famed institute opened?', 'other').head).toBe('institute');
  });

  it('reads "which individual", "what person" as asking for a person by name, like "who"', () => {
    const q = 'Which individual painted the inside of the chapel?';
    expect(answerType(q)).toBe('person');
    expect(askedFor(q, 'person')).toMatchObject({ head: null, someone: true });
    expect(questionVerb(q)).toBe('painted');
    // "Who's" and "whos" are "who is".
    expect(questionVerb("who's conducting the symphony cycle")).toBe('conducting');
    expect(questionVerb('whos conducting the symphony cycle')).toBe('conducting');
    expect(answerType('What person was the director of the museum?')).toBe('person');
  });

  it('reads "which X" as asking for a person only when its head noun names one (one reader, with WordNet)', () => {
    const wordnet = WordNet.open()!;
    const read = (q: string) => askedFor(q, answerType(q), wordnet);
    expect(read('Which judge told the jury to look into the election?')).toMatchObject({
      type: 'person',
      head: 'judge',
      someone: true,
    });
    expect(read('which juror did the FBI arrest for perjury')).toMatchObject({ type: 'person', someone: true });
    // "natural" and "religious" have a person as their first noun sense, but they are no head: the nouns are.
    expect(read('What natural resources does Azerbaijan have a lot of?')).toMatchObject({
      type: 'other',
      head: 'resources',
      someone: false,
    });
    expect(read('What religious group did people feel Yale represented?')).toMatchObject({
      type: 'other',
      head: 'group',
    });
    expect(read('Which firm got the repair job?')).toMatchObject({ type: 'other', someone: false });
    // A role noun's holder is named at the noun, not beside the verb: only a generic person noun makes the verb the cue.
    expect(questionVerb('Which professor sent the first wireless message?')).toBeNull();
  });

  it('reads "which of the (N) Xs" and "which one of his Xs" as "which X": the noun of the group chosen from', () => {
    const wordnet = WordNet.open()!;
    const read = (q: string) => askedFor(q, answerType(q), wordnet);
    expect(read('which of the 4 scientists was the moderator on the series')).toMatchObject({
      type: 'person',
      head: 'scientists',
      someone: true,
    });
    expect(read('which one of his sons took over the firm')).toMatchObject({ type: 'person', head: 'sons' });
    expect(read('which of the three plans was adopted')).toMatchObject({ type: 'other', head: 'plans' });
    // "which of these" names no noun.
    expect(read('which of these is the oldest')).toMatchObject({ head: null });
  });

  it('prefers the number before what is counted over a number elsewhere', () => {
    const q = 'How many colleges for undergraduates are at the school?';
    const right = evidenceOf(q, 'All undergraduates are part of one of the five undergraduate colleges at the school.');
    const wrong = evidenceOf(q, 'Undergraduate alumni earn a median salary of $110,000, among colleges at the school.');
    expect(right.countUnit).toBe(1);
    expect(wrong.countUnit).toBe(0);
  });

  it('ends the number’s phrase at a preposition: a ratio counts nothing', () => {
    const q = 'how many university grads did the congo have at independence';
    const ratio = evidenceOf(q, 'There were 120 parties, or approximately eight for each university graduate.');
    const count = evidenceOf(q, 'There were, among its 13.5 million people, exactly 14 university graduates.');
    expect(ratio.countUnit).toBe(0);
    expect(count.countUnit).toBe(1);
    expect(evidenceOf('How many colleges are there?', 'It has five of the colleges.').countUnit).toBe(1);
  });

  it('counts a conjunction out of the distance to the counted word', () => {
    const e = evidenceOf('How many documents were signed?', 'It signed 191 bilateral and multilateral documents.');
    expect(e.countUnit).toBe(1);
  });

  it('finds a date next to the matched words, not a date the question has', () => {
    const q = 'In what year was the College of Engineering established?';
    const right = evidenceOf(q, 'The College of Engineering was established in 1920, and courses began in the 1870s.');
    const far = evidenceOf(
      q,
      'The college was part of a long history of growth across the campus and its many buildings, first in 1854.',
    );
    expect(right.typedNear).toBeGreaterThan(far.typedNear);
    expect(evidenceOf('What happened in 1920 to the College?', 'The College grew in 1920.').typedNear).toBe(0);
  });

  it('takes a person named in the sentence but not in the question, a middle initial inside the name', () => {
    const q = 'Who preceded Jenkins as president?';
    expect(
      evidenceOf(q, 'Jenkins took over the position of president from Malloy on July 1.').typedNear,
    ).toBeGreaterThan(0);
    expect(evidenceOf(q, 'The president, Jenkins, described his hope in his address.').typedNear).toBe(0);
    expect(
      evidenceOf('Who led the university?', 'The university has been led by John I. Jenkins since then.').typedNear,
    ).toBeGreaterThan(0.5);
  });

  it('takes a name numbered after the noun of "which X" as the thing asked for, the noun inside it', () => {
    const q = 'What flight did the hijackers take over?';
    expect(
      evidenceOf(q, 'When Continental Airlines night-coach Flight 54 took off, no one worried.').typedNear,
    ).toBeGreaterThan(evidenceOf(q, 'When the night-coach flight took off, no one worried.').typedNear);
  });

  it('reads "what" questions that ask for an amount in other words as quantity questions', () => {
    for (const q of [
      "What would McNamara's fallout shelters cost?",
      'what did the painting sell for',
      "what was palmer's total for the four rounds",
      'what was the senate vote on the defense budget',
      "what's the population of the congo",
      'what price did the stock sell at',
    ])
      expect(answerType(q), q).toBe('quantity');
    for (const q of ['What did the jury find?', 'What is the trans-Caspian route called?', 'What did he vote for?'])
      expect(answerType(q), q).toBe('other');
  });

  it('takes a place after a locative preposition for "where"', () => {
    const q = 'Where is the theology library?';
    expect(evidenceOf(q, 'The theology library is on the first floor of Stanford Hall.').typedNear).toBeGreaterThan(0);
    expect(evidenceOf(q, 'A theology library was also opened in fall of 2015.').typedNear).toBe(0);
  });

  it('reads the parts of a hyphened name as the question\'s words ("g7" read "g" and "7" is "G-7"), not a lower-case phrase', () => {
    const asked = askedFor('what city hosted g7 week', 'place');
    const g7 = plainSlot('g7', 'g7', { alternatives: ['g7', 'g', '7'], credits: [1, 1, 1], evidence: [1, 1, 1] });
    const lookup = slotLookup([g7], asked, new Set(['city', 'hosted', 'g7', 'week']));
    const far = 'The G-7 Week was held in Lyon.';
    expect(typedEvidence(asked, lookup, far).typedNear).toBeGreaterThan(0);
    // Its parts written apart are matched as before; a lower-case phrase's parts are not the question's words.
    const round = plainSlot('round', termOf('round')!);
    const total = askedFor("what was smith's total for the four rounds", 'quantity');
    const lookup2 = slotLookup([round], total, new Set(['total', 'four', 'rounds']));
    expect(typedEvidence(total, lookup2, 'He had a three-round total of 206 strokes.').typedNear).toBe(0);
  });

  it('links no doer to a participle with a place or a time after it ("the Summit Meeting held in Lyon")', () => {
    const asked = askedFor('who held the chair', 'person');
    const lookup = slotLookup([plainSlot('chair', termOf('chair')!)], asked, new Set(['held', 'chair']));
    const held = new Set([termOf('held')!, termOf('hold')!]);
    expect(verbLinkedName(lookup, 'At the Summit Meeting held in Lyon the talks went on.', held)).toBe(false);
    expect(verbLinkedName(lookup, 'The Berg Prize, held at Oslo each spring, grew.', held)).toBe(false);
    expect(verbLinkedName(lookup, 'Anna Berg held the chair for two years.', held)).toBe(true);
  });

  it('links the doer named before "who" and the verb of its relative clause ("McLemore, who will retire at …")', () => {
    const asked = askedFor('who is retiring as college president', 'person');
    const lookup = slotLookup(
      [plainSlot('president', termOf('president')!)],
      asked,
      new Set(['retiring', 'president']),
    );
    const retire = new Set([termOf('retiring')!]);
    const text = 'Dr. Clark will succeed Dr. J. R. McLemore, who will retire at the close of the present school term.';
    expect(verbLinkedName(lookup, text, retire)).toBe(true);
    expect(verbLinkedName(lookup, 'Dr. Clark, who spoke first, said the term will close soon.', retire)).toBe(false);
  });
});
