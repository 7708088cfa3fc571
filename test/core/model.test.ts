import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ABSTENTION_FEATURES } from '../../src/answer/abstain.ts';
import { ModelMismatchError, readModel, shippedModel } from '../../src/answer/model.ts';
import { FEATURES } from '../../src/answer/rank.ts';
import shipped from '../../src/answer/weights.json' with { type: 'json' };

/** The same hash scripts/train.ts writes. */
function featuresHash(): string {
  const h = createHash('sha256');
  for (const p of [...FEATURES, '|', ...ABSTENTION_FEATURES]) h.update(p).update('\0');
  return h.digest('hex');
}

describe('the shipped weights (src/answer/weights.json)', () => {
  it('were trained for the features the code computes (else run npm run train)', () => {
    expect(shipped.features).toEqual([...FEATURES]);
    expect(Object.keys(shipped.ranking).sort()).toEqual([...FEATURES].sort());
    expect(shipped.abstention.features).toEqual([...ABSTENTION_FEATURES]);
    expect(Object.keys(shipped.abstention.weights).sort()).toEqual([...ABSTENTION_FEATURES].sort());
    expect(shipped.featuresHash).toBe(featuresHash());
    expect(() => shippedModel()).not.toThrow();
    expect(shippedModel().abstention.threshold).toBeGreaterThan(0);
    expect(shippedModel().abstention.threshold).toBeLessThan(1);
  });

  it('refuses a weights file whose features do not match, naming them and saying how to fix it', () => {
    const { lead: _lead, ...ranking } = shipped.ranking;
    const stale = { ...shipped, features: shipped.features.filter((f) => f !== 'lead'), ranking };
    expect(() => readModel(stale, 'weights.json')).toThrow(ModelMismatchError);
    expect(() => readModel(stale, 'weights.json')).toThrow(/weights\.json.*no weight for: lead.*npm run train/);
    const extra = { ...shipped, features: [...shipped.features, 'somethingNew'] };
    expect(() => readModel(extra, 'weights.json')).toThrow(/no longer computed: somethingNew/);
    expect(() => readModel({ ...shipped, format: 99 }, 'weights.json')).toThrow(/weights\.json: format/);
  });
});
