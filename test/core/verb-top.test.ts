import { describe, expect, it } from 'vitest';
import { slotLookup, verbLinkedName } from '../../src/answer/evidence.ts';
import { termOf } from '../../src/text/terms.ts';

/**
 * "Who built X": the doer of a passive stands after "by", past a time or a place the participle takes first ("built in
 * 1895 by the German Emperor"), and is linked to the verb (src/answer/evidence.ts `verbLinkedName`).
 */
describe('the doer after "by", past a time or a place', () => {
  const lookup = slotLookup([], { type: 'person', counted: [], head: null, someone: true }, new Set(['fountain']));
  const built = new Set([termOf('built')!, termOf('build')!]);

  it('links the name after "by" to the verb', () => {
    expect(verbLinkedName(lookup, 'The fountain was built in 1895 by the German Emperor.', built)).toBe(true);
    expect(verbLinkedName(lookup, 'The fountain was built last year by Hans Vogt.', built)).toBe(true);
  });

  it('still links no place or time to the verb', () => {
    expect(verbLinkedName(lookup, 'The fountain was built in Bremen.', built)).toBe(false);
    expect(verbLinkedName(lookup, 'The fountain was built in 1895. By then Hans Vogt had left.', built)).toBe(false);
  });
});
