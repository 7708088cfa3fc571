import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "Besides X, what else …" asks for what a sentence adds after "but also" / "as well as" (src/answer/phrase.ts
 * `afterAdditive`), not for a name the sentence holds beside it.
 */
const body = [
  'The harbor board met on Tuesday to review the year.',
  '',
  'Mayor Tom Brandt steered the talks with the unions, enabling Riverton to not only expand its grain exports but also significantly boost its tourist trade.',
  '',
  'The hearing brought together reporters from local papers as well as heads of various offices of the Department of Public Works.',
  '',
  'The board will meet again in the spring.',
].join('\n');

describe('a question that sets one thing aside', () => {
  const engine = tempEngine({ 'harbor.md': article('Harbor board reviews the year', '1961-06-01', body) });

  it('answers what the sentence adds after "but also", not a name beside it', () => {
    const r = engine.ask('besides grain exports what else did the mayor boost');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('tourist trade');
    expect(r.answer).toBe('tourist trade');
  });

  it('answers "who else" with the group added after "as well as", not the name of the body it belongs to', () => {
    const r = engine.ask('besides reporters who else came to the hearing');
    expect(r.answered).toBe(true);
    expect(r.answer).toMatch(/^heads/);
  });
});
