import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

describe('a name whose alias group has a longer form holding it', () => {
  it('reads "Washington" alone, not held to the "DC" of "Washington DC"', () => {
    const engine = tempEngine({
      'aliases.yaml': 'aliases:\n  - [Washington, DC, D.C., Washington DC]\n',
      // Another story writes the long form, so the group's "Washington DC" is a form the material has.
      'talks.md': article(
        'Talks end',
        '1961-06-02',
        'The trade talks in Washington DC ended on Friday without a deal.',
      ),
      'winter.md': article(
        'Morgan at Whitemarsh',
        '1961-06-01',
        [
          'From New Jersey, Morgan hastened to the headquarters of Washington at Whitemarsh, arriving there on November 18th.',
          'There was much sickness in the camp.',
        ].join('\n\n'),
      ),
    });
    const r = engine.ask("what day did morgan reach washington's headquarters at whitemarsh");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]?.text).toContain('November 18th');
  });
});
