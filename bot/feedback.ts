import type { AskResult } from '../src/answer/result.ts';
import type { FeedbackStore } from '../src/moderation/store.ts';

/**
 * What /ask keeps for moderators (src/moderation/store.ts): every declined question, public or
 * private (the gaps report is made of them), and every public answer, so that its 👍/👎 buttons
 * can name it. A private answer carries no buttons and is not kept.
 */
export function recordAsked(
  store: FeedbackStore,
  guild: string | null,
  question: string,
  result: AskResult,
  ephemeral: boolean,
): number | null {
  if (result.answered && ephemeral) return null;
  return store.recordAsked({
    at: Date.now(),
    guild: guild ?? '',
    question,
    answered: result.answered,
    passageIds: result.snippets.map((s) => s.passageId),
  });
}
