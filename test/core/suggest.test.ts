import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicsOf, TopicIndex, type Topic } from '../../src/answer/suggest.ts';
import { SUGGESTIONS } from '../../src/answer/tuning.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { terms } from '../../src/text/terms.ts';
import { FIXTURES, KNOWLEDGE } from './helpers.ts';

/** Suggestions as they were worked out before the topic index: every topic's shared words counted, a stable sort. */
function scanned(topics: Topic[], question: string, count = SUGGESTIONS.count): string[] {
  const q = new Set(terms(question));
  const scored = topics.map((t, i) => {
    let shared = 0;
    for (const term of t.terms) if (q.has(term)) shared++;
    return { t, i, shared };
  });
  scored.sort((a, b) => b.shared - a.shared || a.i - b.i);
  const out: string[] = [];
  const perArticle = new Map<string, number>();
  for (const pass of [SUGGESTIONS.perArticle, Infinity]) {
    for (const { t } of scored) {
      if (out.length >= count) break;
      if (out.includes(t.label)) continue;
      const n = perArticle.get(t.articleId) ?? 0;
      if (n >= pass) continue;
      perArticle.set(t.articleId, n + 1);
      out.push(t.label);
    }
  }
  return out;
}

describe('topic suggestions', () => {
  it('reads only the topics that share a word, and suggests what a scan of every topic suggests', () => {
    // Two knowledge folders in one list of topics: many articles, several topics each.
    const topics = [
      ...topicsOf(loadKnowledge(KNOWLEDGE)),
      ...topicsOf(loadKnowledge(path.join(FIXTURES, 'notre-dame', 'knowledge'))),
    ];
    const dev = JSON.parse(readFileSync(path.join(FIXTURES, 'dev-questions.json'), 'utf8')) as {
      answerable: { q: string }[];
      out_of_scope?: (string | { q: string })[];
    };
    const questions = [
      ...dev.answerable.map((a) => a.q),
      ...(dev.out_of_scope ?? []).map((o) => (typeof o === 'string' ? o : o.q)),
    ];
    expect(questions.length).toBeGreaterThan(10);
    const index = new TopicIndex(topics);
    for (const q of [...questions, 'weather tomorrow', '', 'the the the', 'Notre Dame university basilica library']) {
      for (const count of [1, 5, 12]) expect(index.suggest(q, count)).toEqual(scanned(topics, q, count));
    }
  });
});
