import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerType } from '../../src/answer/question.ts';
import { createEngine } from '../../src/engine.ts';
import { FIXTURES } from './helpers.ts';

/**
 * Question reading, kind checks and leaks, through the engine on small stories written for it
 * (test/fixtures/reading/knowledge: a council with a chairman but no mayor, a town with a mayor, a jet's speed and a
 * glider's flight without one, an opera's star and length, a fair opened by a senator).
 */
const engine = createEngine({ knowledgeDir: path.join(FIXTURES, 'reading', 'knowledge'), cacheDir: null });

describe('measures: how fast, how far, how long', () => {
  it('reads "how fast", "how heavy", "how far", "what speed" as quantity questions', () => {
    for (const q of [
      'How fast did it fly?',
      'How heavy is the bell?',
      'How far is the lake?',
      'What speed did it reach?',
    ])
      expect(answerType(q), q).toBe('quantity');
  });

  it('answers "how fast" with the speed, and declines when the story gives no speed', () => {
    const jet = engine.ask('How fast was the jet on its second run?');
    expect(jet.answered).toBe(true);
    expect(jet.snippets[0]!.text).toContain('910 miles an hour');
    const glider = engine.ask("How fast did Reyes's glider fly?");
    expect(glider.answered).toBe(false);
    expect(glider.reason).toContain('a speed');
  });

  it('answers "how high" with a height and "how long" with a duration', () => {
    expect(engine.ask('How high did the jet climb?').snippets[0]?.text).toContain('41,000 feet');
    expect(engine.ask('How long does the evening at Carmen last?').snippets[0]?.text).toContain(
      'three and a half hours',
    );
  });
});

describe('roles: "who is the mayor of X" needs a mayor in the answer', () => {
  it('declines the mayor of a city whose story names no mayor, though another story has one', () => {
    const r = engine.ask('Who is the mayor of Osaka?');
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('mayor');
  });

  it('answers the role where the story names it', () => {
    expect(engine.ask('Who is the mayor of Riverton?').answer).toBe('Linda Hart');
    expect(engine.ask('Who is the chairman of the Osaka council?').answer).toBe('Kenji Mori');
  });
});

describe('names the material never mentions', () => {
  it('declines a lowercase name in common use ("lakers") rather than bending it into a known word ("bakers")', () => {
    const r = engine.ask('what did the lakers score last night');
    expect(r.answered).toBe(false);
    expect(r.reason).toContain('lakers');
  });

  it('still corrects a misspelling that is no word in use ("bakrs")', () => {
    const r = engine.ask('what did the bakrs win at the fair?');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('first prize');
  });
});
