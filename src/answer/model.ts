import { z } from 'zod';
import { ABSTENTION_FEATURES, type AbstentionModel } from './abstain.ts';
import { FEATURES, type FeatureName } from './rank.ts';
import shipped from './weights.json' with { type: 'json' };

/**
 * The learned weights the answering path uses: the ranking weights of the candidate features (`FEATURES`) and the
 * abstention model (`ABSTENTION_FEATURES`, a bias and a threshold). They ship as `src/answer/weights.json`, written by
 * `npm run train` (scripts/train.ts) and read here; the file names the features it was trained for, and a file that
 * does not match the code's features is refused with a message saying to retrain.
 */
export const MODEL_FORMAT = 1;

export interface AnswerModel {
  ranking: Record<FeatureName, number>;
  abstention: AbstentionModel;
}

const Weights = z.record(z.string(), z.number());

export const ModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  /** The ranking features the weights were trained for, in `FEATURES` order. */
  features: z.array(z.string()),
  /** sha256 of the feature names (ranking, then abstention), to tell a stale file at a glance. */
  featuresHash: z.string(),
  /** sha256 of the training questions and knowledge files the weights were learned from. */
  trainingDataHash: z.string(),
  ranking: Weights,
  abstention: z.object({
    features: z.array(z.string()),
    bias: z.number(),
    weights: Weights,
    threshold: z.number().min(0).max(1),
  }),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

export class ModelMismatchError extends Error {}

function sameNames(what: string, source: string, have: readonly string[], want: readonly string[]): void {
  const missing = want.filter((n) => !have.includes(n));
  const extra = have.filter((n) => !want.includes(n));
  if (missing.length === 0 && extra.length === 0 && have.length === want.length) return;
  throw new ModelMismatchError(
    `${source}: its ${what} features do not match the code's` +
      (missing.length ? `; no weight for: ${missing.join(', ')}` : '') +
      (extra.length ? `; no longer computed: ${extra.join(', ')}` : '') +
      '. Run `npm run train` to learn weights for the current features.',
  );
}

/** Reads a weights file (parsed JSON); throws `ModelMismatchError` naming the features when it does not fit the code. */
export function readModel(json: unknown, source = 'src/answer/weights.json'): AnswerModel {
  const parsed = ModelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelMismatchError(`${source}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  sameNames('ranking', source, file.features, FEATURES);
  sameNames('ranking', source, Object.keys(file.ranking), FEATURES);
  sameNames('abstention', source, file.abstention.features, ABSTENTION_FEATURES);
  sameNames('abstention', source, Object.keys(file.abstention.weights), ABSTENTION_FEATURES);
  return {
    ranking: file.ranking as Record<FeatureName, number>,
    abstention: {
      bias: file.abstention.bias,
      weights: file.abstention.weights as AbstentionModel['weights'],
      threshold: file.abstention.threshold,
    },
  };
}

let model: AnswerModel | undefined;

/** The shipped model (weights.json), read and checked on first use. */
export function shippedModel(): AnswerModel {
  return (model ??= readModel(shipped));
}
