/**
 * Realistic questions from random sentences of the loaded knowledge: take the sentence's content
 * words, drop some, keep their order, put a question opening in front, and misspell one word in
 * a share of them. Each question remembers its source sentence and every passage that contains it.
 */
import type { Knowledge } from '../../src/knowledge/types.ts';
import { STOP_WORDS } from '../../src/text/terms.ts';
import { rng } from './corpus.ts';

export interface BenchQuestion {
  q: string;
  /** The source sentence, verbatim. */
  sentence: string;
  /** Ids of the passages whose text contains the source sentence. */
  passages: string[];
  misspelled: boolean;
}

const OPENINGS = [
  'What',
  'What about',
  'Tell me about',
  'Who',
  'What happened with',
  'Why',
  'How',
  'Where',
  'When',
  '',
];
const MISSPELL_SHARE = 0.3;

function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2)); // keep the first letter
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (Math.floor(random() * 4)) {
    case 0: // swap two neighbours
      return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    case 1: // drop a letter
      return word.slice(0, i) + word.slice(i + 1);
    case 2: // double a letter
      return word.slice(0, i) + word[i]! + word.slice(i);
    default: // replace a letter
      return word.slice(0, i) + letters[Math.floor(random() * 26)]! + word.slice(i + 1);
  }
}

export function makeQuestions(knowledge: Knowledge, count: number, seed: number): BenchQuestion[] {
  const random = rng(seed);
  const passages = knowledge.articles.flatMap((a) => a.passages);
  const where = new Map<string, string[]>();
  for (const p of passages) {
    for (const s of p.sentences) {
      const list = where.get(s.text);
      if (list) list.push(p.id);
      else where.set(s.text, [p.id]);
    }
  }
  const out: BenchQuestion[] = [];
  const used = new Set<string>();
  let tries = 0;
  while (out.length < count && tries++ < count * 50) {
    const p = passages[Math.floor(random() * passages.length)]!;
    const s = p.sentences[Math.floor(random() * p.sentences.length)]!;
    if (s.text.length < 40 || s.text.length > 400 || used.has(s.text)) continue;
    const words = (s.text.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
      .map((w) => w.replace(/['’]s$/u, '').replace(/['’-]+$/u, ''))
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase().replace(/['’]/g, '')));
    const unique = [...new Map(words.map((w) => [w.toLowerCase(), w])).values()];
    if (unique.length < 4) continue;
    // Keep 3 to 6 content words, in sentence order: people ask with a few words, not the sentence.
    const keep = Math.min(unique.length, 3 + Math.floor(random() * 4));
    const picked = new Set(
      shuffled(
        unique.map((_w, i) => i),
        random,
      ).slice(0, keep),
    );
    const chosen = unique.filter((_w, i) => picked.has(i));
    let misspelled = false;
    if (random() < MISSPELL_SHARE) {
      const long = chosen.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5 && /^\p{L}+$/u.test(w));
      const target = long[Math.floor(random() * long.length)];
      if (target) {
        chosen[target.i] = misspell(target.w, random);
        misspelled = true;
      }
    }
    const opening = OPENINGS[Math.floor(random() * OPENINGS.length)]!;
    const first = chosen[0]!;
    const body = opening
      ? chosen.join(' ')
      : first.charAt(0).toUpperCase() + first.slice(1) + ' ' + chosen.slice(1).join(' ');
    const q = `${opening ? opening + ' ' : ''}${body}?`;
    used.add(s.text);
    out.push({ q, sentence: s.text, passages: [...new Set(where.get(s.text))], misspelled });
  }
  return out;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
