import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLongForms, innerLongForms, longForms } from '../../src/answer/acronym.ts';
import type { Slot } from '../../src/answer/slots.ts';
import { createAnswerContext } from '../../src/answer/context.ts';
import { buildSlots } from '../../src/answer/slots.ts';
import { createEngine } from '../../src/engine.ts';
import { writeNewsKb } from '../../scripts/kb/news.ts';
import { plainSlot } from './helpers.ts';

/**
 * An acronym the question writes and the material spells out (src/answer/acronym.ts), on a small many-story folder
 * built the way `npm run eval`'s news rows build theirs: two Brown Corpus press editorial documents (short letters and
 * editorials), the bundled article and the Notre Dame article.
 */
const dir = writeNewsKb(mkdtempSync(path.join(tmpdir(), 'kb-acronym-')), [], ['cb12', 'cb16']);
const engine = createEngine({ knowledgeDir: dir, cacheDir: null });
const ctx = createAnswerContext(engine.knowledge, engine.index, engine.topics);

describe('an acronym and its long form', () => {
  it('reads capitalised words whose initials spell the acronym, small words between them', () => {
    expect(longForms('the Federal Bureau of Investigation identified', 'fbi')).toEqual([
      'Federal Bureau of Investigation',
    ]);
    expect(longForms('graduates of Illinois Institute of Technology are', 'iit')).toEqual([
      'Illinois Institute of Technology',
    ]);
    // Lower-case words are no long form, and neither are the acronym's letters in another order.
    expect(longForms('the federal Bureau of Investigation', 'fbi')).toEqual([]);
    expect(longForms('Bureau of Federal Investigation', 'fbi')).toEqual([]);
  });

  it('reads long forms as a regular expression over the text would (the reader is written by hand)', () => {
    // Each case's expected list is what the pattern the reader replaced gave: capitals, then lower-case letters, ' ’
    // or -, white space and joining words between words, no letter or digit on either side of the whole.
    expect(longForms("the Federal Bureau of Investigation's agents", 'fbi')).toEqual([
      "Federal Bureau of Investigation's",
    ]);
    expect(longForms('Federal Bureau of Investigation-2 and Federal Bureau of the Investigation', 'fbi')).toEqual([
      'Federal Bureau of Investigation',
      'Federal Bureau of the Investigation',
    ]);
    expect(longForms('XFederal Bureau of Investigation, Federal Bureau Investigations', 'fbi')).toEqual([
      'Federal Bureau Investigations',
    ]);
    expect(longForms('Société Générale and Société Générale2', 'sg')).toEqual(['Société Générale']);
    expect(longForms('Research & Development', 'rd')).toEqual(['Research & Development']);
  });

  it('keeps an acronym the material never writes out of the unknown names when a story spells it out', () => {
    const slot = buildSlots(ctx, 'what do IIT engineering graduates earn').find((s) => s.token === 'iit');
    expect(slot?.acronym).toBe(true);
    const r = engine.ask('what do IIT engineering graduates earn when they start');
    expect(r.reason ?? '').not.toContain('never mentions');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$550 a month');
  });

  it('reads a lower-case acronym the material never writes as one: members rarely type capitals', () => {
    const slot = buildSlots(ctx, 'what do iit engineering graduates earn').find((s) => s.token === 'iit');
    expect(slot?.acronym).toBe(true);
    const r = engine.ask('what do iit engineering graduates earn when they start');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('$550 a month');
    // A word the dictionary knows, or one the material writes, is no acronym.
    expect(buildSlots(ctx, 'what do the engineering graduates earn').some((s) => s.acronym)).toBe(false);
    expect(buildSlots(ctx, 'what do zqx engineering graduates earn').find((s) => s.token === 'zqx')?.acronym).toBe(
      true,
    );
  });
  it('still declines an acronym no story spells out', () => {
    const r = engine.ask('what do MIT engineering graduates earn when they start');
    expect(r.answered).toBe(false);
  });
});

/** An acronym slot as buildSlots makes one, `unknown` when the material never writes the acronym. */
function acronymSlot(token: string, unknown: boolean): Slot {
  return plainSlot(token, token, { named: true, unknown, acronym: true });
}

describe('an acronym made of more than initials', () => {
  it('reads capitalised words that each give their initial and one or two letters more', () => {
    expect(innerLongForms('a Federal Express van was late', 'fedex')).toEqual(['Federal Express']);
    expect(innerLongForms('the Pan American Airways clipper', 'panam')).toEqual(['Pan American']);
    // Every word gives two letters at least: three capitals are no such acronym, nor initials alone.
    expect(innerLongForms('the State Consultation Council met', 'sco')).toEqual([]);
    expect(innerLongForms('the State Consultation Council met', 'scco')).toEqual([]);
    // One word alone is no long form, and the letters must come in order.
    expect(innerLongForms('Fedexpress', 'fedex')).toEqual([]);
    expect(innerLongForms('a Express Federal van', 'fedex')).toEqual([]);
  });

  it('stands in for an acronym the material never writes, not for one it does', () => {
    const unknown = acronymSlot('fedex', true);
    addLongForms([unknown], () => ['a Federal Express van was late']);
    expect(unknown.alternatives).toEqual(['fedex', 'feder', 'express']);
    expect(unknown.unknown).toBe(false);
    const known = acronymSlot('fedex', false);
    addLongForms([known], () => ['a Federal Express van was late']);
    expect(known.alternatives).toEqual(['fedex']);
  });
});
