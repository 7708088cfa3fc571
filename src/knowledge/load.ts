import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { splitPassages } from './passages.ts';
import {
  AliasesFileSchema,
  CuratedFactsFileSchema,
  FrontMatterSchema,
  describeZodError,
} from './schema.ts';
import type { Article, CuratedCard, Knowledge, Problem } from './types.ts';

/** Data files besides articles, by base name. Others are reported so a typo in a name is noticed. */
const DATA_FILES = new Set(['aliases', 'facts', 'timeline']);

/**
 * Every file below `root`, sorted so that loading (and ids) never depend on directory order.
 * Symbolic links are followed when they resolve inside the knowledge folder (deployments often
 * mount articles as links, e.g. a Kubernetes ConfigMap: `a.md -> ..data/a.md`), and the file
 * keeps the link's path (its id). A link that leaves the folder or leads nowhere is not
 * followed, and each one is reported by name; so is a link to a file or folder already read
 * (read once, under its own path when it has one).
 */
function walk(root: string, problems: Problem[]): string[] {
  const realRoot = realpathSync(root);
  const seen = new Map<string, string>([[realRoot, root]]);
  const out: string[] = [];
  const links: string[] = [];
  // Plain entries first, links after: only a link can reach a file twice, and a file's own path wins.
  // `realDir` is `dir` with every link resolved, so a plain entry's real path needs no system call.
  const visit = (dir: string, realDir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    // Both folders are normalised and a name holds no separator (nor is "." or ".."): joining is concatenating.
    const under = withSep(dir);
    const realUnder = withSep(realDir);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = under + entry.name;
      if (entry.isSymbolicLink()) links.push(full);
      else if (entry.isDirectory()) {
        seen.set(realUnder + entry.name, full);
        visit(full, realUnder + entry.name);
      } else if (entry.isFile() && isKnowledgeFile(full)) {
        seen.set(realUnder + entry.name, full);
        out.push(full);
      }
    }
  };
  visit(root, realRoot);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const target = linkTarget(link, realRoot);
    if (typeof target !== 'string') {
      if (target.report) problems.push({ file: displayPath(link), message: target.problem });
      continue;
    }
    const stat = statSync(target);
    if (!stat.isDirectory() && !(stat.isFile() && isKnowledgeFile(link))) continue;
    const first = seen.get(target);
    if (first) {
      const what = stat.isDirectory() ? 'folder' : 'file';
      const name = displayPath(first);
      problems.push({
        file: displayPath(link),
        message: `symbolic link to the same ${what} as ${name}: read once, as ${name}`,
      });
      continue;
    }
    seen.set(target, link);
    if (stat.isDirectory()) visit(link, target);
    else out.push(link);
  }
  return out.sort();
}

/** A normalised folder with one separator after it. */
export function withSep(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

/**
 * Where the symbolic link `link` leads when that is inside `realRoot`; otherwise why it is not
 * followed, and whether to report it (a link that could be an article, a data file or a folder).
 */
function linkTarget(link: string, realRoot: string): string | { problem: string; report: boolean } {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    const problem = `symbolic link to ${readlinkSync(link)}, which does not exist: not read`;
    return { problem, report: isKnowledgeFile(link) || path.extname(link) === '' };
  }
  const rel = path.relative(realRoot, target);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    const problem = `symbolic link to ${target}, outside the knowledge folder: not followed`;
    return { problem, report: isKnowledgeFile(link) || statSync(target).isDirectory() };
  }
  return target;
}

/** An article (`.md`) or a data file the loader reads, by name. */
function isKnowledgeFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === '.md' || ((ext === '.yaml' || ext === '.yml') && DATA_FILES.has(path.basename(file, ext).toLowerCase()));
}

/** `file` relative to the working directory when it is below it (how people name files), else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(path.resolve(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Splits `---\nYAML\n---\nbody`. Returns null when there is no front matter. */
export function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return null;
  return { yaml: m[1]!, body: source.slice(m[0].length) };
}

function articleIdFor(dir: string, file: string): string {
  return path
    .relative(dir, file)
    .replace(/\.md$/i, '')
    .split(path.sep)
    .join('/')
    .toLowerCase()
    .replace(/[^a-z0-9/_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

class FileError extends Error {}

function parseYamlFile(source: string): unknown {
  try {
    return parseYaml(source);
  } catch (e) {
    throw new FileError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new FileError(describeZodError(result.error));
  return result.data;
}

export function parseArticle(dir: string, file: string, source: string): Article {
  const parts = splitFrontMatter(source);
  if (!parts) throw new FileError('missing YAML front matter (the file must start with a "---" line)');
  const meta = validate(FrontMatterSchema, parseYamlFile(parts.yaml) ?? {});
  const id = meta.id ?? articleIdFor(dir, file);
  const passages = splitPassages(id, parts.body);
  if (passages.length === 0) throw new FileError('the article has no text after its front matter');
  return {
    id,
    path: path.relative(dir, file),
    title: meta.title,
    published: meta.published,
    source: meta.source,
    url: meta.url,
    authors: typeof meta.authors === 'string' ? [meta.authors] : meta.authors,
    meta: meta as Record<string, unknown>,
    body: parts.body,
    passages,
  };
}

/**
 * A store of parsed knowledge, keyed by the hash of the files it came from (see
 * src/knowledge/snapshot.ts). `sources` maps each article file's absolute path to its text.
 */
export interface KnowledgeCache {
  /** The knowledge as parsed before, with the problems parsing found, or null. */
  get(hash: string, root: string, sources: ReadonlyMap<string, string>): Knowledge | null;
  put(knowledge: Knowledge, parseProblems: Problem[], sources: ReadonlyMap<string, string>): void;
}

/**
 * Loads every article and data file below `dir`. A file that does not parse or validate is
 * recorded in `problems` (and skipped); everything else still loads. With a `cache`, files are
 * still read and hashed every time, but parsing is skipped when the cache holds the same hash.
 */
export interface LoadOptions {
  /** Text to use instead of a file's contents, by absolute path (a live reload serves the last good version of a broken article). */
  overrides?: ReadonlyMap<string, string>;
  /** Filled with the text used for each article file, by absolute path. */
  sourcesOut?: Map<string, string>;
}

export function loadKnowledge(dir: string, cache?: KnowledgeCache, options: LoadOptions = {}): Knowledge {
  const root = path.resolve(dir);
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new Error(`knowledge folder not found: ${dir}`);
  }
  if (!stat.isDirectory()) throw new Error(`knowledge path is not a folder: ${dir}`);

  const hash = createHash('sha256');
  const rootUnder = withSep(root);
  const readProblems: Problem[] = [];
  const files: { file: string; base: string; isArticle: boolean; source: string }[] = [];
  for (const file of walk(root, readProblems)) {
    const ext = path.extname(file).toLowerCase();
    const base = path.basename(file, ext).toLowerCase();
    const isArticle = ext === '.md';
    const isData = (ext === '.yaml' || ext === '.yml') && DATA_FILES.has(base);
    if (!isArticle && !isData) continue;
    let source: string;
    try {
      source = options.overrides?.get(file) ?? readFileSync(file, 'utf8');
    } catch (e) {
      readProblems.push({ file: displayPath(file), message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    hash
      .update(file.startsWith(rootUnder) ? file.slice(rootUnder.length) : path.relative(root, file))
      .update('\0')
      .update(source)
      .update('\0');
    files.push({ file, base, isArticle, source });
  }
  const digest = hash.digest('hex').slice(0, 16);
  const sources = new Map(files.filter((f) => f.isArticle).map((f) => [f.file, f.source]));
  if (options.sourcesOut) for (const [file, source] of sources) options.sourcesOut.set(file, source);
  const cached = cache?.get(digest, root, sources);
  if (cached) return { ...cached, problems: [...readProblems, ...cached.problems] };

  const problems: Problem[] = [];
  const articles: Article[] = [];
  const byId = new Map<string, string>();
  const aliases: string[][] = [];
  const factFiles: { file: string; data: ReturnType<typeof CuratedFactsFileSchema.parse> }[] = [];
  const timelineFiles: { file: string; source: string }[] = [];
  for (const { file, base, isArticle, source } of files) {
    try {
      if (isArticle) {
        const article = parseArticle(root, file, source);
        const other = byId.get(article.id);
        if (other) throw new FileError(`article id "${article.id}" is already used by ${other}`);
        byId.set(article.id, displayPath(file));
        articles.push(article);
      } else if (base === 'aliases') {
        aliases.push(...validate(AliasesFileSchema, parseYamlFile(source)).aliases);
      } else if (base === 'facts') {
        factFiles.push({ file, data: validate(CuratedFactsFileSchema, parseYamlFile(source)) });
      } else if (base === 'timeline') {
        timelineFiles.push({ file, source }); // validated by the timeline module, which owns its format
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      problems.push({ file: displayPath(file), message: e.message });
    }
  }

  const curatedCards = resolveCuratedCards(factFiles, articles, problems);
  const knowledge: Knowledge = { dir: root, articles, aliases, curatedCards, timelineFiles, problems: [...readProblems, ...problems], hash: digest };
  cache?.put(knowledge, problems, sources);
  return knowledge;
}

/** Checks each curated card's quote against its article; a quote that is not in the text is an error naming the file. */
function resolveCuratedCards(
  files: { file: string; data: ReturnType<typeof CuratedFactsFileSchema.parse> }[],
  articles: Article[],
  problems: Problem[],
): CuratedCard[] {
  const cards: CuratedCard[] = [];
  for (const { file, data } of files) {
    data.cards.forEach((card, i) => {
      const where = `cards.${i}`;
      const article = articles.find((a) => a.id === card.article);
      if (!article) {
        problems.push({ file: displayPath(file), message: `${where}.article: no article with id "${card.article}"` });
        return;
      }
      const passage = article.passages.find((p) => p.text.includes(card.quote));
      if (!passage) {
        problems.push({ file: displayPath(file), message: `${where}.quote: not found verbatim in article "${card.article}"` });
        return;
      }
      const missing = card.fields.find((f) => !card.quote.includes(f.value));
      if (missing) {
        problems.push({ file: displayPath(file), message: `${where}.fields: value "${missing.value}" is not in the quote` });
        return;
      }
      cards.push({ articleId: article.id, title: card.title, quote: card.quote, passageId: passage.id, fields: card.fields });
    });
  }
  return cards;
}
