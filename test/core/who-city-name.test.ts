import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

const TRAVEL = [
  'Freedonia was busy on the diplomatic stage in 2024.',
  'At the 5th Nordic Heads of Government Consultation Meeting held in Norway from May 3rd to 4th, Freedonia became a full member of the Nordic Heads of Government Consultation Council.',
  'In April 2024, Freedonian President Rufus Firefly paid a state visit to Japan, raising relations to a strategic partnership. President Firefly called Japan a "true friend," and the two sides signed 12 documents.',
  'Trade with its neighbours grew by a third over the year.',
];

const LANDED = [
  'Freedonia was busy on the diplomatic stage in 2024.',
  'The Norwegian delegation at the Nordic summit was headed by Prime Minister Ingrid Halvorsen, who spoke on energy.',
  'In April 2024, Freedonian President Rufus Firefly paid a state visit to Japan, landing in Osaka before talks in Tokyo.',
];

describe('who leads, and which city: a name of the kind asked', () => {
  it('declines "who headed the X side" when the window names only an office ("Heads of Government")', () => {
    const engine = tempEngine({ 'year.md': article('Freedonia in 2024', '2024-12-30', TRAVEL.join('\n\n')) });
    const r = engine.ask('who headed the norwegian side at the nordic summit');
    expect(r.answered).toBe(false);
  });

  it('declines "which city" when the window names only a country', () => {
    const engine = tempEngine({ 'year.md': article('Freedonia in 2024', '2024-12-30', TRAVEL.join('\n\n')) });
    const r = engine.ask('which japanese city did firefly land in for the state visit');
    expect(r.answered).toBe(false);
  });

  it('still answers both when the window names the person and the city', () => {
    const engine = tempEngine({ 'year.md': article('Freedonia in 2024', '2024-12-30', LANDED.join('\n\n')) });
    const who = engine.ask('who headed the norwegian delegation at the nordic summit');
    expect(who.answered).toBe(true);
    expect(who.snippets[0]!.text).toContain('Ingrid Halvorsen');
    const city = engine.ask('which japanese city did firefly land in for the state visit');
    expect(city.answered).toBe(true);
    expect(city.snippets[0]!.text).toContain('Osaka');
  });

  it('reads a plural of the role ("leaders of Y, Z") as a group, whose names are owners, not holders', () => {
    const summit = (holder: string) =>
      tempEngine({
        'talks.md': article(
          'Nordic talks',
          '2024-08-10',
          [
            'Norway was busy on the diplomatic stage in 2024.',
            `On August 8th, several agreements were reached at the summit of leaders of Norway, the United Kingdom, and Sweden in Oslo.${holder}`,
            'Trade grew by a third.',
          ].join('\n\n'),
        ),
      });
    expect(summit('').ask("who is norway's leader").answered).toBe(false);
    const named = summit(' The leaders, Prime Minister Ingrid Halvorsen among them, signed the text.');
    const r = named.ask("who is norway's leader");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Ingrid Halvorsen');
  });
});
