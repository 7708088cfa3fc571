import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

describe('who leads, said as a command', () => {
  const engine = tempEngine({
    'winter.md': article(
      'Winter at Valley Forge',
      '1961-06-01',
      [
        'Colonel Daniel Morgan received permission to visit his home in Virginia for several weeks.',
        'In his absence, the Virginia Rifles were under the command of Major Thomas Posey, another able Virginian.',
        'The men built huts and waited for spring.',
      ].join('\n\n'),
    ),
  });

  it('reads "under the command of" as who leads the unit', () => {
    const r = engine.ask('who ran the virginia rifles while morgan was home');
    expect(r.answered).toBe(true);
    expect(r.snippets.some((s) => s.text.includes('Major Thomas Posey'))).toBe(true);
  });
});
