import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * A lower-case word typed after a name ("the chicago skyway") that the material writes capitalised with it ("the
 * Chicago Skyway") is part of the name (src/answer/slots.ts, writtenAsNames): the answer's story must have it, and a
 * story that names only Chicago does not answer for the Skyway.
 */
const shelters = [
  'Defense Secretary Robert S. McNamara has asked Congress for funds to build fallout shelters costing about 200 million dollars.',
  '',
  'A Chicago builder said the shelters could be built within a year.',
].join('\n');
const skyway = [
  'Traffic and revenues on the Chicago Skyway have been a great disappointment to planners and investors alike.',
  '',
  'If nothing is done, the road will be in default of interest in 1962.',
].join('\n');
describe('a lower-case word that names a thing with the name before it', () => {
  const engine = tempEngine({
    'shelters.md': article('Questions shelters', '1961-08-05', shelters),
    'skyway.md': article('Toll roads', '1961-08-06', skyway),
  });

  it("is a name the answer's story must have", () => {
    const r = engine.ask('how much did it cost to build the chicago skyway');
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('skyway');
  });

  it('still finds the story that has it', () => {
    const r = engine.ask('when might the chicago skyway default on interest');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('default of interest');
  });
});
