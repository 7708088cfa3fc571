import type { Knowledge } from '../knowledge/types.ts';
import { LEAD_SECTION } from '../knowledge/passages.ts';
import { terms } from '../text/terms.ts';
import { SUGGESTIONS } from './tuning.ts';

/**
 * Topics the material can answer, for a declined question and for autocomplete: article
 * titles and section headings, those sharing words with the question first.
 */

/**
 * "01 Diplomatic Strategy", "03. Deepening …", "2) Trade", "IV. Outlook" → the heading without its list number. A
 * number that may be the heading's own ("2025 in Review", "10 Downing Street") stays: only a zero-padded number, or
 * one or two digits with a dot or bracket, is numbering.
 */
export function cleanHeading(heading: string): string {
  const cleaned = heading.replace(/^\s*(?:0\d|\d{1,2}[.)]|[IVXLC]+\.)\s+/, '').trim();
  return cleaned || heading.trim();
}

export interface Topic {
  label: string;
  articleId: string;
  terms: Set<string>;
}

export function topicsOf(knowledge: Knowledge): Topic[] {
  const topics: Topic[] = [];
  const seen = new Set<string>();
  for (const a of knowledge.articles) {
    const add = (label: string) => {
      const key = label.toLowerCase();
      if (!label || seen.has(key)) return;
      seen.add(key);
      topics.push({ label, articleId: a.id, terms: new Set(terms(label)) });
    };
    add(a.title);
    for (const p of a.passages) if (p.section !== LEAD_SECTION) add(cleanHeading(p.section));
    for (const name of namedPhrases(a.passages.map((p) => p.text).join('\n'))) add(name);
  }
  return topics;
}

const NAME_PHRASE = /\b\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+(?:the\s+)?|and\s+|for\s+)?\p{Lu}[\p{L}'’-]+)+|\b\p{Lu}{2,6}\b/gu;
const NAME_STOP = new Set([
  'The',
  'This',
  'In',
  'On',
  'At',
  'As',
  'For',
  'After',
  'During',
  'By',
  'It',
  'Its',
  'A',
  'An',
]);

/** Names that recur in a text ("Main Building", "OECD"), most frequent first. */
export function namedPhrases(text: string, max = 12): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(NAME_PHRASE)) {
    const words = m[0].split(/\s+/);
    while (words.length && NAME_STOP.has(words[0]!)) words.shift();
    const phrase = words.join(' ').replace(/['’]s$/u, '');
    if (phrase.length < 3 || (words.length < 2 && !/^\p{Lu}{2,6}$/u.test(phrase))) continue;
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([p]) => p);
}

export function suggestTopics(topics: Topic[], question: string, count = SUGGESTIONS.count): string[] {
  return new TopicIndex(topics).suggest(question, count);
}

/**
 * `suggestTopics` over a fixed list of topics, reading only the topics that share a word with the question: an
 * inverted list from each term to its topics, built on first use (a declined question over 100,000 passages otherwise
 * counts shared words in every one of tens of thousands of topics). The same suggestions, in the same order: topics
 * by words shared, then in list order.
 */
export class TopicIndex {
  /** Term → its number, which indexes `listStart`. */
  private byTerm: Map<string, number> | undefined;
  /** Term number → where its topics start in `topicIds` (one more entry than terms: the last is the end). */
  private listStart = new Int32Array(0);
  private topicIds = new Int32Array(0);

  private list: Topic[] | (() => Topic[]);

  /** The topics, or how to get them on first use (a start from cache reads them only for a declined question). */
  constructor(topics: Topic[] | (() => Topic[])) {
    this.list = topics;
  }

  get topics(): Topic[] {
    if (typeof this.list === 'function') this.list = this.list();
    return this.list;
  }

  /**
   * Builds the lists on first use: each topic's terms are numbered in one pass (one map lookup a term of a topic), then
   * counted and placed by number. Three map operations and an object a term, as it was, cost 45 to 100 ms CPU at
   * 100,000 passages on the first declined question.
   */
  private lists(): Map<string, number> {
    if (this.byTerm) return this.byTerm;
    const topics = this.topics;
    let entries = 0;
    for (const t of topics) entries += t.terms.size;
    const byTerm = new Map<string, number>();
    const numbers = new Int32Array(entries);
    const counts = new Int32Array(entries + 1);
    let k = 0;
    for (const t of topics) {
      for (const term of t.terms) {
        let n = byTerm.get(term);
        if (n === undefined) byTerm.set(term, (n = byTerm.size));
        numbers[k++] = n;
        counts[n]!++;
      }
    }
    const start = new Int32Array(byTerm.size + 1);
    for (let n = 0; n < byTerm.size; n++) start[n + 1] = start[n]! + counts[n]!;
    // Each term's topics in list order, as a pass over the topics in order places them.
    const next = start.slice(0, byTerm.size);
    const ids = new Int32Array(entries);
    k = 0;
    for (let i = 0; i < topics.length; i++) {
      for (let j = topics[i]!.terms.size; j > 0; j--) ids[next[numbers[k++]!]!++] = i;
    }
    this.listStart = start;
    this.topicIds = ids;
    this.byTerm = byTerm;
    return byTerm;
  }

  suggest(question: string, count = SUGGESTIONS.count): string[] {
    const q = new Set(terms(question));
    const lists = this.lists();
    const shared = new Map<number, number>();
    for (const term of q) {
      const n = lists.get(term);
      if (n === undefined) continue;
      for (let k = this.listStart[n]!; k < this.listStart[n + 1]!; k++) {
        const i = this.topicIds[k]!;
        shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    // Most words shared first, then list order; the topics sharing none follow in list order.
    const sharing = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
    const topics = this.topics;
    function* ordered(): Generator<Topic> {
      for (const i of sharing) yield topics[i]!;
      for (let i = 0; i < topics.length; i++) if (!shared.has(i)) yield topics[i]!;
    }
    // Spread over articles: at most two topics from one article while others are waiting.
    const out: string[] = [];
    const perArticle = new Map<string, number>();
    for (const pass of [SUGGESTIONS.perArticle, Infinity]) {
      for (const t of ordered()) {
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
}
