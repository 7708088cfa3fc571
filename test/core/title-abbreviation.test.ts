import { describe, expect, it } from 'vitest';
import { createAnswerContext } from '../../src/answer/context.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { termOf } from '../../src/text/terms.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * A title the question writes in full ("which congressman", "the senator") that news abbreviates before a name
 * ("Rep. Alan Voss", "Sen. Ruth Marsh"): the abbreviation stands in for the title (src/answer/slots.ts
 * `titleAbbreviations`), with full credit for the title's own word and a synonym's for another word of the office.
 */
const body = [
  'Rep. Alan Voss of Ohio has brought the billing problem to the attention of the Budget Committee. The committee remains unresponsive.',
  '',
  'Sen. Ruth Marsh said the strike had cost the Air Force a great deal of money.',
].join('\n');
const engine = tempEngine({ 'voss.md': article('Strike costs billed', '1961-06-01', body) });
const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);
const slotOf = (q: string, token: string) => buildSlots(ctx, q).find((s) => s.token === token)!;

describe('titles news abbreviates before a name', () => {
  it('reads "Rep." for "representative" and "congressman", "Sen." for "senator"', () => {
    const own = slotOf('which representative took the billing to the budget committee', 'representative');
    expect(own.credits[own.alternatives.indexOf('rep')]).toBe(1);
    const office = slotOf('which congressman took the billing to the budget committee', 'congressman');
    const k = office.alternatives.indexOf('rep');
    expect(k).toBeGreaterThan(0);
    expect(office.credits[k]).toBeLessThan(1);
    expect(slotOf('what did the senator say about the strike', 'senator').alternatives).toContain('sen');
  });

  it('leaves a title the material never abbreviates as it is', () => {
    expect(slotOf('what did the governor say about the strike', 'governor').alternatives).not.toContain(termOf('gov'));
  });
});
