import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * The role check (src/answer/scope.ts, roleChecks) reads whose role a passage speaks of when it calls the owner by its
 * kind once the story has named it: "the agency" for the question's "the Vermont welfare agency", "the state" for
 * Vermont.
 */
describe("a role's owner called by its kind", () => {
  const engine = tempEngine({
    'welfare.md': article(
      'Welfare funds short again',
      '1961-06-01',
      [
        'For a second month in a row, the county may be short of general assistance money in its budget.',
        '',
        'Acting Administrator Peter Kessler said the agency would be handicapped if the clerk was not kept on.',
        '',
        'A release from the Vermont medical service said the move of the welfare office had not hurt the program.',
      ].join('\n'),
    ),
    'forest.md': article(
      'Fire warden retires',
      '1961-06-01',
      [
        'A fire warden retired after 36 years of service.',
        '',
        'Taxes in Vermont were the main issue of the campaign.',
        '',
        'Conservation Commissioner Mark Olsen credits him with a drop in the number of forest fires in the state.',
      ].join('\n'),
    ),
  });

  it('reads "the agency" as the Vermont welfare agency the story names', () => {
    const r = engine.ask('who is the acting administrator at the vermont welfare agency');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Peter Kessler');
    // An owner the story never names is still not its.
    expect(engine.ask('who is the acting administrator at the maine welfare agency').answered).toBe(false);
  });

  it('reads "the state" as the state the story names ("Vermont")', () => {
    const r = engine.ask("who is vermont's conservation commissioner");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Mark Olsen');
    expect(engine.ask("who is maine's conservation commissioner").answered).toBe(false);
  });
});
