import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { decode, encode } from '../../src/search/cache.ts';
import { buildIndex, headingOf, sentenceOf, TERM_QUERY } from '../../src/search/index.ts';
import { SEARCH_BLOCK_DOCS } from '../../src/search/postings.ts';
import { KnowledgeSnapshot } from '../../src/knowledge/snapshot.ts';
import { termOf, terms, tokenize } from '../../src/text/terms.ts';
import { article, KNOWLEDGE, tempKnowledge } from './helpers.ts';

const QUESTIONS = [
  'How many documents did Azerbaijan sign in 2025?',
  'Who was the main mediator?',
  'What did the foreign minister say about the peace agreement with Armenia?',
  'cooperation cooperation energy',
  'summit',
];

describe('postings index', () => {
  const knowledge = loadKnowledge(KNOWLEDGE);
  const index = buildIndex(knowledge.articles);
  const processTerm = (t: string) => termOf(t) ?? undefined;
  const passages = new MiniSearch<{ id: number; text: string; heading: string }>({
    fields: ['text', 'heading'],
    tokenize,
    processTerm,
  });
  const sentences = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize, processTerm });
  index.passages.forEach((p, i) =>
    passages.add({ id: i, text: p.text, heading: headingOf(index.titles[i]!, p.section) }),
  );
  index.sentences.forEach((r, i) => sentences.add({ id: i, text: sentenceOf(index.passages, r).text }));
  const boostTerm = (_t: string, i: number) => (i % 2 ? 0.3 : 1);

  it('scores and orders exactly as MiniSearch did, and a limit keeps the best', () => {
    for (const q of QUESTIONS) {
      const query = terms(q).join(' ');
      const want = passages
        .search(query, { ...TERM_QUERY, boostTerm, boost: { text: 1, heading: 0.5 } })
        .map((h) => [h.id, h.score]);
      const got = index.passageIndex
        .search(query, { boostTerm, boost: { text: 1, heading: 0.5 } })
        .map((h) => [h.id, h.score]);
      expect(got).toEqual(want);
      expect(
        index.passageIndex
          .search(query, { boostTerm, boost: { text: 1, heading: 0.5 }, limit: 3 })
          .map((h) => [h.id, h.score]),
      ).toEqual(want.slice(0, 3));
      const wantS = sentences.search(query, TERM_QUERY).map((h) => [h.id, h.score]);
      expect(index.sentenceIndex.search(query, { limit: 10 }).map((h) => [h.id, h.score])).toEqual(wantS.slice(0, 10));
    }
  });

  it('counts the terms of one group as one matched term (a question word and its stand-ins)', () => {
    // "summit" and "summits", "azerbaijan" and "baku": two groups of two, and "energy" alone.
    const query = ['summit', 'summit', 'azerbaijan', 'baku', 'energy'].map((w) => termOf(w)!).join(' ');
    const groups = new Map(
      [query.split(' ').slice(0, 2), query.split(' ').slice(2, 4)].flatMap((g, i) => g.map((t) => [t, i])),
    );
    groups.set(query.split(' ')[4]!, 2);
    const group = (t: string) => groups.get(t)!;
    const options = { boostTerm, boost: { text: 1, heading: 0.5 } };
    const plain = passages.search(query, { ...TERM_QUERY, ...options });
    // MiniSearch's sum over the terms, times the groups matched instead of the terms matched.
    const want = new Map(
      plain.map((h) => [h.id as number, (h.score / h.queryTerms.length) * new Set(h.queryTerms.map(group)).size]),
    );
    expect(plain.some((h) => want.get(h.id as number) !== h.score)).toBe(true); // some passage has both of a group
    const got = index.passageIndex.search(query, { ...options, group });
    expect(got.length).toBe(want.size);
    for (const h of got) expect(h.score).toBeCloseTo(want.get(h.id)!, 9);
    expect(got.map((h) => h.score)).toEqual(got.map((h) => h.score).sort((a, b) => b - a));
  });

  it('scores a block of documents at a time with the same hits, scores and order as one block', () => {
    const all = (q: string) => [
      index.passageIndex.search(q, { boostTerm, boost: { text: 1, heading: 0.5 } }),
      index.passageIndex.search(q, { boostTerm, boost: { text: 1, heading: 0.5 }, limit: 5 }),
      index.sentenceIndex.search(q, { limit: 10 }),
      index.sentenceIndex.search(q),
    ];
    // Repeated words, words only in headings, and ties between documents first matched by different words.
    const queries = [...QUESTIONS.map((q) => terms(q).join(' ')), 'summit summit azerbaijan', 'baku energy summit'];
    const whole = queries.map(all);
    for (const size of [1, 3, 64]) {
      index.passageIndex.blockDocs = size;
      index.sentenceIndex.blockDocs = size;
      try {
        expect(queries.map(all)).toEqual(whole);
      } finally {
        index.passageIndex.blockDocs = SEARCH_BLOCK_DOCS;
        index.sentenceIndex.blockDocs = SEARCH_BLOCK_DOCS;
      }
    }
  });

  it('has document frequencies over passage text, in first-use order', () => {
    const df = new Map<string, number>();
    for (const p of index.passages) for (const t of new Set(terms(p.text))) df.set(t, (df.get(t) ?? 0) + 1);
    expect([...index.df]).toEqual([...df]);
  });

  it('gives each passage, sentence and heading the terms tokenizing its text would', () => {
    for (const loaded of [index, decode(encode(knowledge.hash, index), knowledge)!]) {
      loaded.passages.forEach((p, i) => {
        expect(loaded.passageTerms(i)).toEqual(terms(p.text));
        expect(loaded.headingTerms(i)).toEqual(terms(headingOf(loaded.titles[i]!, p.section)));
      });
      loaded.sentences.forEach((r, i) =>
        expect(loaded.sentenceTerms(i)).toEqual(terms(sentenceOf(loaded.passages, r).text)),
      );
    }
  });

  it('round-trips through the binary cache format', () => {
    const loaded = decode(encode(knowledge.hash, index), knowledge)!;
    for (const q of QUESTIONS) {
      const query = terms(q).join(' ');
      expect(loaded.passageIndex.search(query, { boost: { heading: 0.5 } })).toEqual(
        index.passageIndex.search(query, { boost: { heading: 0.5 } }),
      );
      expect(loaded.sentenceIndex.search(query)).toEqual(index.sentenceIndex.search(query));
    }
    expect([...loaded.df]).toEqual([...index.df]);
  });
});

describe('knowledge snapshot', () => {
  it('restores the same articles, passages, sentences and topics, and answers the same', () => {
    const dir = tempKnowledge(
      {
        'crlf.md': article(
          'Line endings',
          '2024-02-03',
          'First paragraph.\r\nStill first.\r\n\r\n## Part\r\n\r\nSecond one. Two sentences.',
        ),
      },
      true,
    );
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'snapshot-test-'));
    const fresh = loadKnowledge(dir);
    const first = createEngine({ knowledgeDir: dir, cacheDir });
    const second = createEngine({ knowledgeDir: dir, cacheDir });
    expect(second.cache.hit).toBe(true);
    expect(JSON.parse(JSON.stringify(second.knowledge))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(second.topics).toEqual(first.topics);
    for (const q of QUESTIONS) expect(second.ask(q)).toEqual({ ...first.ask(q), ms: expect.any(Number) });
    // The snapshot is only used for the same files.
    expect(new KnowledgeSnapshot(cacheDir).get('0000000000000000', dir, new Map())).toBeNull();
  });
});
