import { describe, expect, it } from 'vitest';
import { article, tempEngine } from './helpers.ts';

/**
 * "Who is the X who …" asks for someone by name (src/answer/answer.ts): a passage that tells of them without naming
 * anyone the question does not already name is no answer; one that names them is.
 */
const body = [
  'On the job: a top official of the New Frontier who kept a record of his first weeks on the job gives this report of his experiences. In his first six weeks in office he presided over 96 conferences and took 312 telephone calls.',
  '',
  'The new director of the Peace Corps, Sargent Shriver, kept a diary of his travels in Africa and Asia.',
  '',
  'The budget office said spending on the space program would rise next year.',
].join('\n');

describe('who asks for a name', () => {
  const engine = tempEngine({ 'frontier.md': article('Washington notes', '1961-06-01', body) });

  it('declines when the passage names no one new, answers when it does', () => {
    expect(engine.ask("who's the new frontier official who kept the record of his first weeks").answered).toBe(false);
    const named = engine.ask('who is the peace corps director who kept a diary');
    expect(named.answered).toBe(true);
    expect(named.snippets[0]?.text).toContain('Sargent Shriver');
  });
});
