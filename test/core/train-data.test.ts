import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParagraphFinder, knowledgeWithout, notreDame, paragraphsOf, root } from '../../scripts/train/data.ts';

describe('training data (scripts/train/data.ts)', () => {
  it('splits Notre Dame by paragraph: every question has the paragraph holding its answer, in SQuAD order', () => {
    const nd = notreDame();
    const paragraphs = paragraphsOf(nd.file);
    let last = 0;
    for (const a of nd.set.answerable) {
      const i = nd.paragraph.get(a)!;
      expect(i).toBeGreaterThanOrEqual(last);
      expect(a.expect.some((e) => paragraphs[i]!.toLowerCase().includes(e.toLowerCase()))).toBe(true);
      last = i;
    }
    expect(nd.train.length + nd.heldOut.length).toBe(nd.set.answerable.length);
    expect(nd.train.every((a) => nd.paragraph.get(a)! % 2 === 0)).toBe(true);
    expect(nd.heldOut.every((a) => nd.paragraph.get(a)! % 2 === 1)).toBe(true);
  });

  it('copies a knowledge folder without exactly the paragraph that holds an answer', () => {
    const src = path.join(root, 'knowledge');
    const finder = new ParagraphFinder(src);
    const ref = finder.answerParagraph({ q: 'How many documents were signed?', expect: ['191'] })!;
    expect(ref).not.toBeNull();
    const before = paragraphsOf(path.join(src, ref.file));
    const dir = knowledgeWithout(src, [ref], path.join(mkdtempSync(path.join(tmpdir(), 'train-data-')), 'kb'));
    const after = paragraphsOf(path.join(dir, ref.file));
    expect(after).toEqual(before.filter((_p, i) => i !== ref.index));
    expect(after.join('\n')).not.toContain('191');
    // The front matter and headings stay.
    const text = readFileSync(path.join(dir, ref.file), 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    expect(text.match(/^## /gm)?.length).toBe(readFileSync(path.join(src, ref.file), 'utf8').match(/^## /gm)?.length);
  });
});
