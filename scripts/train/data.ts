/**
 * The project's own questions, as `npm run train` learns from them and `npm run eval` measures them: the question
 * sets, Notre Dame split by paragraph (the model learns from the questions of the even paragraphs only; the odd ones
 * are the held-out measure), and knowledge folders without the paragraph that holds an answer (on-topic questions
 * made unanswerable, the honest negatives of issue 10).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const fixtures = path.join(root, 'test', 'fixtures');
export const dataDir = path.join(root, 'test', 'data');
export const ndDir = path.join(fixtures, 'notre-dame');

/**
 * A scratch folder under the system's temp folder, one per checkout: eval, train and tune-soft reuse what they wrote
 * there on a later run, and two checkouts (worktrees) measuring at once never rebuild the same folder under each other.
 */
export function scratch(name: string): string {
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
  return path.join(tmpdir(), `newsdesk-${checkout}`, name);
}

export const QuestionSet = z.object({
  answerable: z.array(z.object({ q: z.string(), expect: z.array(z.string()).min(1) })),
  out_of_scope: z.array(z.string()).default([]),
  /** Asked against a copy of the knowledge without the paragraphs that contain `drop`: on topic, but unanswerable. */
  on_topic_unanswerable: z.array(z.object({ q: z.string(), drop: z.string() })).default([]),
});
export type QuestionSet = z.infer<typeof QuestionSet>;
export type Answerable = QuestionSet['answerable'][number];

export function readSet(file: string): QuestionSet {
  return QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The question set files, by the name eval reports them under. */
export const SET_FILES = {
  dev: path.join(fixtures, 'dev-questions.json'),
  extra: path.join(dataDir, 'extra-questions.json'),
  paraphrase: path.join(dataDir, 'paraphrase-questions.json'),
  news: path.join(dataDir, 'news-kb-questions.json'),
  'notre-dame': path.join(ndDir, 'questions.json'),
  'notre-dame-oos': path.join(dataDir, 'notre-dame-out-of-scope.json'),
} as const;

/** A Markdown article split into its front matter and body blocks (paragraphs and headings, as written). */
interface ArticleFile {
  front: string;
  blocks: string[];
}

function readArticle(file: string): ArticleFile {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  const front = m ? m[0] : '';
  const blocks = text
    .slice(front.length)
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return { front, blocks };
}

/** Paragraphs of an article body (headings left out), in order. */
export function paragraphsOf(file: string): string[] {
  return readArticle(file).blocks.filter((b) => !b.startsWith('#'));
}

/**
 * The paragraph of each Notre Dame question. SQuAD lists questions paragraph by paragraph in the article's order, so
 * each question's gold answer is looked for from the previous question's paragraph on (a short answer such as
 * "three" is in many paragraphs; the first one at or after the current paragraph is the question's).
 */
export function notreDameParagraphs(set: QuestionSet, paragraphs: string[]): number[] {
  let at = 0;
  return set.answerable.map(({ q, expect }) => {
    const holds = (i: number) => expect.some((e) => paragraphs[i]!.toLowerCase().includes(e.toLowerCase()));
    let i = at;
    while (i < paragraphs.length && !holds(i)) i++;
    if (i === paragraphs.length) throw new Error(`notre-dame: no paragraph from ${at} on holds the answer of "${q}"`);
    return (at = i);
  });
}

/** Notre Dame: the article file, its paragraphs and each question's paragraph; even paragraphs train, odd are held out. */
export function notreDame() {
  const file = path.join(ndDir, 'knowledge', 'university_of_notre_dame.md');
  const set = readSet(SET_FILES['notre-dame']);
  const paragraphs = paragraphsOf(file);
  const para = notreDameParagraphs(set, paragraphs);
  const pick = (parity: number) => set.answerable.filter((_q, i) => para[i]! % 2 === parity);
  return {
    file,
    set,
    paragraph: new Map(set.answerable.map((a, i) => [a, para[i]!])),
    train: pick(0),
    heldOut: pick(1),
  };
}

/**
 * The bundled article with the Notre Dame article beside it, in `dir` (copied once, kept for later runs): the knowledge
 * Notre Dame's questions are asked of, as the held-out checks load it.
 */
export function seedWithNotreDame(dir: string): string {
  if (!existsSync(path.join(dir, 'notre-dame'))) {
    cpSync(path.join(root, 'knowledge'), dir, { recursive: true });
    cpSync(path.join(ndDir, 'knowledge'), path.join(dir, 'notre-dame'), { recursive: true });
  }
  return dir;
}

/** A paragraph in a knowledge folder: the article file (relative to the folder) and its index among the paragraphs. */
export interface ParagraphRef {
  file: string;
  index: number;
}

function markdownFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, under), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (e.name.startsWith('.')) continue;
    const rel = path.join(under, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(dir, rel));
    else if (e.name.endsWith('.md')) out.push(rel);
  }
  return out;
}

/** Lower-case words of four letters or more: a plain measure of how much of a question a paragraph holds. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

/**
 * The paragraphs of a knowledge folder, read once, for finding where an answer is. Independent of the engine: the
 * paragraph that holds a question's answer is one that contains an expected string, and of several such the one
 * sharing the most words with the question (the first on a tie).
 */
export class ParagraphFinder {
  private readonly paras: { ref: ParagraphRef; text: string; lower: string; words: Set<string> }[] = [];

  constructor(dir: string) {
    for (const file of markdownFiles(dir))
      paragraphsOf(path.join(dir, file)).forEach((text, index) =>
        this.paras.push({ ref: { file, index }, text, lower: text.toLowerCase(), words: words(text) }),
      );
  }

  answerParagraph({ q, expect }: Answerable): ParagraphRef | null {
    const qw = words(q);
    let best: { ref: ParagraphRef; overlap: number } | null = null;
    for (const p of this.paras) {
      if (!expect.some((e) => p.lower.includes(e.toLowerCase()))) continue;
      let overlap = 0;
      for (const w of qw) if (p.words.has(w)) overlap++;
      if (!best || overlap > best.overlap) best = { ref: p.ref, overlap };
    }
    return best?.ref ?? null;
  }
}

export const refKey = (r: ParagraphRef) => `${r.file}#${r.index}`;

/**
 * A copy of the knowledge folder `src` at `dest` without the given paragraphs (kept when it is already there for the
 * same paragraphs). Returns `dest`.
 */
export function knowledgeWithout(src: string, drop: ParagraphRef[], dest: string): string {
  const marker = path.join(dest, '.complete');
  const stamp = JSON.stringify({ src, drop: drop.map(refKey).sort() });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dest;
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true, filter: (s) => path.basename(s) !== '.complete' });
  const byFile = new Map<string, Set<number>>();
  for (const r of drop) {
    if (!byFile.has(r.file)) byFile.set(r.file, new Set());
    byFile.get(r.file)!.add(r.index);
  }
  for (const [file, indexes] of byFile) {
    const { front, blocks } = readArticle(path.join(src, file));
    let k = -1;
    const kept = blocks.filter((b) => b.startsWith('#') || !indexes.has(++k));
    writeFileSync(path.join(dest, file), front + '\n' + kept.join('\n\n') + '\n');
  }
  writeFileSync(marker, stamp);
  return dest;
}
