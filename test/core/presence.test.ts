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

/**
 * The one a story quotes speaking at X ("…," said Foreign Minister Y at the annual press conference) is its speaker,
 * not who came to it: repick.ts reads the names of speech out of the top, and a sentence of the story that says whom X
 * brought together goes first though the people are named by what they are, far from the question's words. "Who else
 * was in the room at X" asks who was there, as "who was at X" does.
 */
describe('who attended, when the top quotes a speaker', () => {
  const engine = tempEngine({
    'briefing.md': article(
      'Ministry reviews its year',
      '2025-12-27',
      [
        '"Relying on steady growth, the country has pursued an independent and pragmatic trade policy," said Trade Minister Oskar Lund at the ministry\'s annual press conference on December 26, 2025, summarizing the work of the past year.',
        '',
        'This press conference, which brought together representatives from local and international media as well as heads of various departments of the ministry, showcased the achievements of the year.',
        '',
        'Exports grew by 12% in 2025, the ministry said.',
      ].join('\n'),
    ),
  });
  const first = (q: string) => engine.ask(q).snippets[0]?.text ?? '';

  it('answers with whom the conference brought together', () => {
    expect(first("who showed up at the ministry's annual press conference?")).toContain('representatives from local');
    expect(first('who else was in the room at the annual press conference')).toContain('representatives from local');
  });
});
