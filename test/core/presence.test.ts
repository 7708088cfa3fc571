import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "Who was at X", "who attended X" (evidence.ts `presence`): news says who was there by what they are as often as by
 * name, so people named in the plural ("delegates", "representatives") count as what "who" asks for, at half a name's
 * credit; a sentence naming one person who did something else there does not take their place.
 */
describe('who was there', () => {
  const engine = tempEngine({
    'summit.md': article(
      'Trade summit in Oslo',
      '2023-06-02',
      [
        'Prime Minister Jonas Berg spoke at the trade summit in Oslo on Monday, the ministry said.',
        '',
        'The annual trade summit brought together delegates from twelve countries and representatives of northern shipping firms.',
        '',
        'Trade with Sweden grew by 12% in 2022.',
      ].join('\n'),
    ),
  });
  const first = (q: string) => engine.ask(q).snippets[0]?.text ?? '';

  it('answers "who was at X" with the people who were there, "who spoke at X" with the name', () => {
    expect(first('who was at the annual trade summit')).toContain('delegates from twelve countries');
    expect(first('who spoke at the trade summit')).toContain('Jonas Berg');
  });
});
