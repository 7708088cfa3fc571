import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AskResultSchema } from '../../src/answer/result.ts';
import { createEngine, InvalidQuestionError } from '../../src/engine.ts';
import { score } from '../../scripts/eval.ts';
import { KNOWLEDGE, ROOT, FIXTURES, article, tempKnowledge } from './helpers.ts';

const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
const readSet = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('the dev set', () => {
  const dev = score(engine, 'dev', readSet(path.join(FIXTURES, 'dev-questions.json')));
  const extra = score(engine, 'extra', readSet(path.join(ROOT, 'test', 'data', 'extra-questions.json')));

  it('puts an expected string in the first snippet for at least 95% of answerable questions', () => {
    expect(dev.hit1 / dev.answerable, dev.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('declines every out-of-scope question', () => {
    expect(dev.declined, dev.misses.join('\n')).toBe(dev.outOfScope);
  });
  it("also holds on the project's own paraphrases, typos and out-of-scope questions", () => {
    expect(extra.hit1 / extra.answerable, extra.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(extra.declined, extra.misses.join('\n')).toBe(extra.outOfScope);
  });
});

describe('answers', () => {
  it('answers the README question with the sentence that says 191, cited, with a fact card', () => {
    const r = engine.ask('How many documents did Azerbaijan sign in 2025?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('191');
    expect(r.snippets[0]!.passageId).toMatch(/#p\d+$/);
    expect(r.facts.length).toBeGreaterThan(0);
    expect(r.facts[0]!.fields.some((f) => f.value === '191')).toBe(true);
    expect(() => AskResultSchema.parse(r)).not.toThrow();
  });

  it('gives one or two sentences, at most about 400 characters, not the whole paragraph', () => {
    for (const q of [
      'Who was the main mediator in the conflict?',
      'What is the Middle Corridor?',
      'When was the press conference?',
    ]) {
      const r = engine.ask(q);
      expect(r.answered).toBe(true);
      expect(r.snippets[0]!.text.length).toBeLessThanOrEqual(400);
    }
  });

  it('tolerates typos and uses aliases from knowledge/aliases.yaml', () => {
    expect(engine.ask('how much did tranist trafic grow in 2024').snippets[0]?.text).toContain('86%');
    expect(engine.ask('Which EU programme did Azerbaijan join?').snippets[0]?.text).toContain('Eastern Partnership');
  });

  it('declines with 3-5 suggestions of what the material does answer', () => {
    const r = engine.ask('What is the price of Bitcoin?');
    expect(r.answered).toBe(false);
    expect(r.snippets).toEqual([]);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
  });

  it('rejects an empty or huge question with a message, and survives garbage', () => {
    expect(() => engine.ask('   ')).toThrow(InvalidQuestionError);
    expect(() => engine.ask('x'.repeat(200_000))).toThrow(/longer than/);
    expect(() => engine.ask('\u0000'.repeat(10))).toThrow(/empty/);
    expect(engine.ask('😀'.repeat(500)).answered).toBe(false);
  });

  it('works on any article, with nothing about the seed article in the code', () => {
    const dir = tempKnowledge({
      'rivers.md': article(
        'The Long River Report',
        '2023-05-01',
        'The Nile is about 6,650 kilometres long. It flows through eleven countries.\n\n## Dams\n\nThe Aswan High Dam was completed in 1970 by Egyptian engineers. President Gamal Abdel Nasser opened it.',
      ),
    });
    const e = createEngine({ knowledgeDir: dir, cacheDir: null });
    expect(e.ask('How long is the Nile?').snippets[0]?.text).toContain('6,650 kilometres');
    expect(e.ask('When was the Aswan High Dam completed?').snippets[0]?.text).toContain('1970');
    expect(e.ask('Who opened the dam?').snippets[0]?.text).toContain('Nasser');
    expect(e.ask('What is the capital of France?').answered).toBe(false);
  });
});
