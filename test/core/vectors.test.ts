import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertVectors, readPackageVectors, VectorFile } from '../../src/text/vectors.ts';

/** A small file in the package's layout: header, words by frequency, vectors with l2 norm and rank. */
function fakePackage(entries: [string, number[]][]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vec-test-'));
  const file = path.join(dir, 'vectors.json');
  const dims = entries[0]![1].length;
  const vectors = Object.fromEntries(entries.map(([w, v], rank) => [w, [...v, Math.hypot(...v), rank]]));
  const json = JSON.stringify({
    precision: 8,
    l2NormIndex: dims,
    wordIndex: dims + 1,
    size: entries.length,
    dimensions: dims,
    words: entries.map(([w]) => w),
    vectors,
    unkVector: new Array(dims + 2).fill(0),
  });
  writeFileSync(file, json.replace('0.5,', '5e-1,').replace('-0.25', '-2.5E-1'));
  return file;
}

describe('word vectors', () => {
  const source = fakePackage([
    ['the', [1, 0, 0, 0]],
    ['documents', [0.9, 0.1, 0, 0]],
    ['document', [0.1, 0.9, 0, 0]],
    ['papers', [0.8, 0.5, 0.1, 0]],
    ['weather', [0, 0, 1, -0.25]],
    ['vectors', [0, 0, 0, 1]],
    [',', [1, 1, 1, 1]],
  ]);

  it('streams the package format, numbers with exponents included', () => {
    const seen: [string, number[], number][] = [];
    readPackageVectors(source, (w, v, rank) => seen.push([w, [...v], rank]));
    expect(seen.map(([w]) => w)).toEqual(['the', 'documents', 'document', 'papers', 'weather', 'vectors', ',']);
    expect(seen[3]![1][0]).toBeCloseTo(0.8);
    expect(seen[4]![1][3]).toBeCloseTo(-0.25);
    expect(seen[4]![2]).toBe(4);
  });

  it('keys the binary by index term, the most frequent word speaking for its stem, and skips stop words and punctuation', () => {
    const file = path.join(path.dirname(source), 'out.bin');
    // Terms document, paper, weather, vector and the words documents, document, papers, weather, vectors.
    expect(convertVectors(source, file)).toBe(9);
    const v = new VectorFile(file);
    expect(v.row('the')).toBe(-1);
    expect(v.row(',')).toBe(-1);
    expect(v.row('document')).toBeGreaterThanOrEqual(0);
    expect(v.row('=papers')).toBeGreaterThanOrEqual(0);
    // Every term is found at its place in the sorted list; a prefix, an extension and neighbours are not terms.
    const rows = [
      'document',
      'paper',
      'weather',
      'vector',
      '=documents',
      '=document',
      '=papers',
      '=weather',
      '=vectors',
    ]
      .map((t) => v.row(t))
      .sort((a, b) => a - b);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const miss of ['doc', 'documents', 'papery', '=', '=z', 'a', 'zzz', '', 'vectör'])
      expect(v.row(miss)).toBe(-1);
    // The word keeps its own vector; the term has the most frequent word's.
    expect(v.cosine('=document', 'document')).toBeLessThan(0.5);
    // "documents" (rank 1) is more frequent than "document" (rank 2): its vector speaks for the stem.
    expect(v.cosine('document', 'paper')).toBeGreaterThan(0.85);
    expect(v.cosine('document', 'weather')).toBeLessThan(0.1);
    expect(v.cosine('document', 'nowhere')).toBeNull();
    expect(readFileSync(file).subarray(0, 6).toString()).toBe('NDVEC\n');
  });

  it("keeps each word's frequency rank, and a term's most frequent word's", () => {
    const file = path.join(path.dirname(source), 'out3.bin');
    convertVectors(source, file);
    const v = new VectorFile(file);
    // The package's order: the 0, documents 1, document 2, papers 3, weather 4, vectors 5.
    expect(v.rank('=papers')).toBe(3);
    expect(v.rank('=document')).toBe(2);
    expect(v.rank('document')).toBe(1);
    expect(v.rank('vector')).toBe(5);
    expect(v.rank('=the')).toBeNull();
    expect(v.rank('nowhere')).toBeNull();
    // The ranks do not disturb the vectors before them.
    expect(v.cosine('document', 'paper')).toBeGreaterThan(0.85);
    v.close();
  });

  it('makes the knowledge vocabulary resident and reads other terms on demand, with the same values', () => {
    const file = path.join(path.dirname(source), 'out2.bin');
    convertVectors(source, file);
    const a = new VectorFile(file);
    const b = new VectorFile(file);
    expect(a.loadTerms(['document', 'weather', 'missing'])).toBe(2);
    expect(a.cosine('document', 'paper')).toBeCloseTo(b.cosine('document', 'paper')!, 10);
    expect([...a.vector('weather')!.q]).toEqual([...b.vector('weather')!.q]);
    // int8: the largest component is ±127
    expect(Math.max(...[...a.vector('weather')!.q].map(Math.abs))).toBe(127);
    a.close();
    b.close();
  });
});
