import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from './load.ts';
import type { Article, Knowledge } from './types.ts';

/**
 * A Markdown article uploaded by a moderator (`/knowledge add`): checked for size, type and name,
 * parsed and validated by the same code and zod schema as every file in the folder, and only
 * then written, atomically (a hidden temporary file in the same folder, then a rename), so the
 * watcher and the loader never see half a file. Any refusal writes nothing.
 */

/** Largest upload: a long feature article is about 50 KB of Markdown; ten times that is no article. */
export const MAX_UPLOAD_BYTES = 512 * 1024;
/** Content types a Markdown file arrives with (Discord guesses from the extension, or sends none). */
const TEXT_TYPES = /^(?:text\/(?:markdown|x-markdown|plain)|application\/octet-stream)(?:;|$)/i;
const SAFE_NAME = /^[a-z0-9][a-z0-9_-]*\.md$/;

export interface Upload {
  /** The file name as uploaded. */
  name: string;
  size: number;
  contentType?: string | null | undefined;
}

export type UploadCheck = { ok: true; file: string; article: Article } | { ok: false; error: string };

/** The name the upload is stored under: lower case, unsafe characters as "-". */
export function storedName(name: string): string {
  const base = path.basename(name).toLowerCase();
  return base.replace(/\.md$/, '').replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') + '.md';
}

/** Checks what can be checked before downloading: name, type and size. */
export function checkUpload(u: Upload): string | null {
  if (!/\.md$/i.test(u.name)) return `file: must be a Markdown file ending in .md (got "${u.name}")`;
  if (u.contentType && !TEXT_TYPES.test(u.contentType))
    return `file: must be text (Markdown), not ${u.contentType.split(';')[0]}`;
  if (u.size > MAX_UPLOAD_BYTES)
    return `file: ${Math.ceil(u.size / 1024)} KB is more than the ${MAX_UPLOAD_BYTES / 1024} KB an article may have`;
  if (!SAFE_NAME.test(storedName(u.name))) return `file: "${u.name}" does not make a usable file name`;
  return null;
}

/** Validates the downloaded bytes as an article of `knowledge` (not yet written). */
export function validateUpload(u: Upload, bytes: Uint8Array, knowledge: Knowledge): UploadCheck {
  const early = checkUpload({ ...u, size: bytes.byteLength });
  if (early) return { ok: false, error: early };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'file: is not UTF-8 text' };
  }
  const name = storedName(u.name);
  const file = path.join(knowledge.dir, name);
  if (existsSync(file)) return { ok: false, error: `file: ${name} already exists in the knowledge folder` };
  let article: Article;
  try {
    article = parseArticle(knowledge.dir, file, text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const clash = knowledge.articles.find((a) => a.id === article.id);
  if (clash) return { ok: false, error: `id: article id "${article.id}" is already used by ${clash.path}` };
  return { ok: true, file, article };
}

/** Writes `text` to `file` atomically: a hidden temporary file beside it, then a rename. */
export function writeAtomically(file: string, text: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
