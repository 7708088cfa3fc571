import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const memo = new Map<string, string>();

/**
 * A short hash of source files (paths relative to src/), for naming caches: a change to
 * the code that shapes a cached file gives it another name, so it is rebuilt, never served stale.
 */
export function codeVersion(format: number, files: string[]): string {
  const key = `${format}\0${files.join('\0')}`;
  let v = memo.get(key);
  if (!v) {
    const h = createHash('sha256').update(String(format));
    for (const rel of files) {
      try {
        h.update(readFileSync(path.join(here, rel)));
      } catch {
        h.update(`missing ${rel}`);
      }
    }
    memo.set(key, (v = h.digest('hex').slice(0, 12)));
  }
  return v;
}
