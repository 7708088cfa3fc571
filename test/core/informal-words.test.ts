import { describe, expect, it } from 'vitest';
import { newsEngine } from './helpers.ts';

// A physicist's life (ce26) told in a story's words ("his father", "was born"), beside stories that write the homely
// words themselves (cl01 "dad", ca17 "birthday").
const engine = newsEngine(['ce26', 'cl01', 'ca17']);

describe('homely words', () => {
  it('reads "dad" as the father a story names, though the material writes "dad" elsewhere', () => {
    const r = engine.ask("what job did oersted's dad have");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]?.text).toContain('apothecary');
  });

  it('reads a birthday as the day someone was born', () => {
    const r = engine.ask("when is oersted's birthday");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]?.text).toContain('August 14, 1777');
  });

  it('reads a word that names a property of every object ("constructor") as a plain word', () => {
    expect(() => engine.ask('who was the constructor of the lion pharmacy')).not.toThrow();
  });
});
