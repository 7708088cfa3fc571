import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { tokenize } from '../../src/text/terms.ts';
import { KNOWLEDGE } from './helpers.ts';

/** Invariants of every answer, checked on random questions built from the material's own words and from noise. */
const engine = createEngine({ knowledgeDir: KNOWLEDGE, cacheDir: null });
const words = [...new Set(engine.knowledge.articles.flatMap((a) => tokenize(a.body)))];
const passages = new Map(engine.index.passages.map((p) => [p.id, p]));
const bodies = new Map(engine.knowledge.articles.map((a) => [a.id, a.body]));

const question = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  fc
    .tuple(
      fc.constantFrom('how many', 'when', 'who', 'where', 'what'),
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }),
    )
    .map(([q, w]) => `${q} ${w.join(' ')}?`),
  fc.string({ minLength: 1, maxLength: 60 }),
);

describe('answer invariants', () => {
  it('every snippet is a verbatim span of its article and of its cited passage', () => {
    fc.assert(
      fc.property(question, (q) => {
        if (!q.trim()) return;
        const r = engine.ask(q);
        for (const s of r.snippets) {
          expect(bodies.get(s.articleId)).toContain(s.text);
          expect(passages.get(s.passageId)!.text).toContain(s.text);
          expect(s.text.length).toBeLessThanOrEqual(400);
        }
        if (!r.answered) expect(r.snippets).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every fact-card value appears in its cited passage', () => {
    fc.assert(
      fc.property(question, (q) => {
        if (!q.trim()) return;
        for (const card of engine.ask(q).facts) {
          const passage = passages.get(card.citation.passageId)!;
          expect(passage).toBeDefined();
          for (const f of card.fields) expect(passage.text).toContain(f.value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
