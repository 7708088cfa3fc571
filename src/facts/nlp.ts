import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Part-of-speech tags and entity types for one sentence, from wink-nlp with its English light
 * model (MIT). It reads DATE, CARDINAL, PERCENT, MONEY, ORDINAL and DURATION entities and tags
 * every token (NOUN, VERB, AUX, ADP, PROPN, NUM, …), which is what naming a value needs: the
 * counted noun after a number, the verb before it, the noun phrase a date belongs to.
 *
 * It costs about 0.3 ms a sentence once warm (and about 0.1 s to load the model), so it runs
 * when the index is built, on the sentences that hold a value, never per question
 * (see `src/facts/store.ts`).
 */

export interface Token {
  text: string;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  /** Universal part-of-speech tag (wink-nlp). */
  pos: string;
  /** Entity type when the token is part of one (DATE, CARDINAL, PERCENT, MONEY, ORDINAL, DURATION, …). */
  entity?: string | undefined;
}

let nlp: WinkMethods | null = null;
/** Only what naming needs: sentence boundaries (wink's tagger expects them), tags and entities. */
const PIPE = ['sbd', 'pos', 'ner'];

/**
 * The wink-nlp instance for naming facts, made on first use (about 0.2 s and 19 MB): at index time, so a process that
 * finds its facts in the cache never loads it.
 */
export function instance(): WinkMethods {
  nlp ??= winkNLP(model, PIPE);
  return nlp;
}

let tagger: WinkMethods | null = null;
/**
 * A wink-nlp instance that only splits sentences and tags (no entities), for the answer phrase (src/answer/phrase.ts)
 * on every question: wink's tagger does not read the entities, so the tags are the same (checked on the bench's
 * snippets and questions), and a document is read in about 70% of the time. Made on first use (about 0.15 s and 12 MB).
 */
export function tagInstance(): WinkMethods {
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  return tagger;
}

/** Tokens of one sentence with their offsets, tags and entities; tokens wink rewrites are dropped. */
export function annotate(sentence: string): Token[] {
  const w = instance();
  const its = w.its;
  const doc = w.readDoc(sentence);
  const texts = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const at: number[] = [];
  let cursor = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const start = sentence.indexOf(text, cursor);
    at.push(start < 0 ? -1 : tokens.length);
    if (start < 0) continue;
    cursor = start + text.length;
    tokens.push({ text, start, end: cursor, pos: tags[i] ?? 'X' });
  }
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  const types = doc.entities().out(its.type) as string[];
  spans.forEach(([from, to], n) => {
    const a = at[from] ?? -1;
    const b = at[to] ?? -1;
    if (a < 0 || b < 0) return;
    for (let i = a; i <= b; i++) tokens[i]!.entity = types[n];
  });
  return tokens;
}
