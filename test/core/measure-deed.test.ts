import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindChecks } from '../../src/answer/kinds.ts';
import { createEngine } from '../../src/engine.ts';
import { article, FIXTURES, tempEngine } from './helpers.ts';

/**
 * "How long had X worked …", "how fast did X fly" ask a measure of what the named subject did (src/answer/kinds.ts, the
 * check's `deed`): news names the person in full at the story's top and gives the measure a few paragraphs down, by
 * surname or pronoun ("Mrs. Doyle", "she"). The story is read for it as for "how long is X" (answer.ts), and a name's
 * earlier words go with its last ("Jane Doyle" … "Mrs. Doyle").
 */
const story = [
  'Mrs. Jane Doyle, who knows more than anyone about the records of the 4,000 county workers, has closed her desk and retired.',
  '',
  'On Friday, Mrs. Doyle, records clerk, was the honored guest of the county women’s club at a luncheon downtown.',
  '',
  'After 22 years in the records office, she has taken a pension on the advice of her doctors.',
].join('\n');
const other = [
  'The county fair opened on Saturday with a parade through the town square.',
  '',
  'The fair runs for nine days, and the livestock show is expected to draw large crowds.',
].join('\n');

const flight = [
  'Seventeen years ago today, test pilot Willy Fiedler climbed into a cockpit built into a V-1 rocket-bomb slung under a bomber.',
  '',
  'At 12,000 feet, Fiedler signaled for release and started the engine.',
  '',
  'To the crew of the bomber the rocket became a faint speck, hurtling through the sky at 420 m.p.h.',
].join('\n');

describe('a measure of what the named subject did, further down its story', () => {
  const engine = tempEngine({
    'clerk.md': article('Records clerk retires', '1961-06-01', story),
    'fair.md': article('County fair opens', '1961-06-02', other),
    'flight.md': article('First flight in a missile', '1961-06-03', flight),
  });

  it('finds "22 years" for "how long had jane doyle worked in the records office"', () => {
    const r = engine.ask('how long had jane doyle worked in the records office');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('After 22 years');
  });

  it('reads a single letter of a code ("V-1") as no name the measure must sit beside', () => {
    const r = engine.ask("how fast did fiedler's V-1 fly");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('420 m.p.h.');
  });

  it('marks a measure of a deed, not of a thing', () => {
    expect(kindChecks('how long had jane doyle worked there').find((k) => k.measure)!.deed).toBe(true);
    expect(kindChecks('how long is the bridge').find((k) => k.measure)!.deed).toBeUndefined();
  });
});

describe("a thing's name is not shortened to its last word", () => {
  it('declines "how long is the Notre Dame Victory March" on a passage that names the band marching', () => {
    const engine = createEngine({ knowledgeDir: path.join(FIXTURES, 'notre-dame', 'knowledge'), cacheDir: null });
    expect(engine.ask('How long is the Notre Dame Victory March?').answered).toBe(false);
  });
});
