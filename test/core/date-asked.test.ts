import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "On what date …", "what day …" ask for a date and nothing else (src/answer/answer.ts, checkAnswer): the question is
 * declined when the best sentences give no date at all ("will be called shortly"), as "when did …" is (scope.ts,
 * whenCheck). A month or a year alone still answers it.
 */
const trade = [
  'An international conference of the big textile-importing and textile-exporting countries will be called shortly by President Kennedy.',
  '',
  'The Kennedy hope is that, at the conference, the low-wage countries will see that dumping causes friction all around.',
].join('\n');
const plant = [
  'The company said the new plant in Akron will open in March, 1962, and employ 400 workers.',
  '',
  'The plant will make tires for trucks.',
].join('\n');
describe('a question that asks for a date', () => {
  const engine = tempEngine({
    'trade.md': article('Textile plan', '1961-05-01', trade),
    'plant.md': article('Tire plant', '1961-05-02', plant),
  });

  it('is declined when the best sentences give no date', () => {
    const r = engine.ask("what date is kennedy's textile conference");
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('a date');
  });

  it('is answered by a month and year', () => {
    const r = engine.ask('what date will the akron tire plant open');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('March, 1962');
  });
});
