import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stemmer as packageStemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { stemmer } from '../../src/text/porter.ts';

/**
 * src/text/porter.ts must stem every word as the `stemmer` package does (the index, the caches and every question
 * read terms through it). Checked on the words of the knowledge folder and the test fixtures, every one-letter slip
 * of some of them (what slots.ts tries for an unknown word), and words built from the suffixes the steps read.
 */
const root = path.resolve(import.meta.dirname, '../..');

function wordsOf(dir: string, out: Set<string>): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) wordsOf(file, out);
    else if (/\.(md|txt|json|yaml)$/.test(e.name)) {
      for (const m of readFileSync(file, 'utf8')
        .toLowerCase()
        .matchAll(/[\p{L}\p{N}'.,-]+/gu)) {
        out.add(m[0]);
        for (const part of m[0].split(/[^a-z]+/)) if (part) out.add(part);
      }
    }
  }
}

const SUFFIXES =
  'ational tional enci anci izer bli alli entli eli ousli ization ation ator alism iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical ful ness al ance ence er ic able ible ant ement ment ent ou ism ate iti ous ive ize ion sion tion e ll y ies sses s ss eed ed ing at bl iz'.split(
    ' ',
  );

describe('Porter stemmer', () => {
  it('stems as the stemmer package does', () => {
    const words = new Set<string>(['', 'a', 'yy', 'y', 'yes', 'Yelling', 'line\nbreaks', 'caresses', 'ponies']);
    wordsOf(path.join(root, 'knowledge'), words);
    wordsOf(path.join(root, 'test'), words);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let k = 0;
    for (const token of [...words]) {
      if (!/^[a-z]{4,12}$/.test(token) || k++ % 8 !== 0) continue;
      for (let i = 0; i < token.length; i++) {
        words.add(token.slice(0, i) + token.slice(i + 1));
        words.add(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
        for (const c of letters) words.add(token.slice(0, i) + c + token.slice(i + 1));
      }
      for (let i = 0; i <= token.length; i++)
        for (const c of letters) words.add(token.slice(0, i) + c + token.slice(i));
    }
    const stems = ['', 'y', 'b', 'tr', 'cat', 'yell', 'feed', 'hop', 'rel', 'gener', 'oper', 'conditi', 'sens'];
    for (const a of stems) for (const s of SUFFIXES) for (const t of ['', ...SUFFIXES]) words.add(a + s + t);
    const wrong = [...words].filter((w) => stemmer(w) !== packageStemmer(w));
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(words.size).toBeGreaterThan(100_000);
  });
});
