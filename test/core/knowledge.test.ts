import { readFileSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { KNOWLEDGE, ROOT, SEED_ARTICLE, FIXTURES, article, tempKnowledge } from './helpers.ts';

describe('bundled knowledge', () => {
  const k = loadKnowledge(KNOWLEDGE);

  it('loads with no problems', () => {
    expect(k.problems).toEqual([]);
    expect(k.articles.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the seed article text unchanged: every line of the received text is in the Markdown body', () => {
    const received = readFileSync(path.join(FIXTURES, 'seed', '000_64db151abce7d1b3.txt'), 'utf8').split('\n');
    const seed = k.articles.find((a) => a.path === path.basename(SEED_ARTICLE))!;
    expect(seed.title).toBe(received[0]);
    expect(seed.published).toBe('2025-12-30');
    expect(seed.source).toBe('Times Tengri');
    const bodyLines = received.slice(5).filter((l) => l.trim() && l.trim() !== 'Comments');
    for (const line of bodyLines) expect(seed.body).toContain(line);
  });

  it('turns numbered headings into sections and paragraphs into passages with sentence offsets', () => {
    const seed = k.articles.find((a) => a.path === path.basename(SEED_ARTICLE))!;
    const sections = [...new Set(seed.passages.map((p) => p.section))];
    expect(sections[0]).toBe('Introduction');
    expect(sections.length).toBe(6);
    for (const p of seed.passages) {
      expect(p.id).toBe(`${seed.id}#p${p.n}`);
      expect(seed.body).toContain(p.text);
      for (const s of p.sentences) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('loading broken files', () => {
  const good = article('Good article', '2024-01-02', 'A fine paragraph about rivers.');

  it('names each broken file with its path and reason, skips it, and loads the rest', () => {
    const dir = tempKnowledge({
      'good.md': good,
      'no-front-matter.md': 'Just text.\n',
      'bad-date.md': article('Bad date', '2024-13-45', 'Text.'),
      'no-title.md': '---\npublished: 2024-01-01\n---\n\nText.\n',
      'bad-yaml.md': '---\ntitle: [unclosed\npublished: 2024-01-01\n---\n\nText.\n',
      'bad-url.md': article('Bad url', '2024-01-01', 'Text.', 'url: not a url\n'),
      'empty-body.md': article('Empty', '2024-01-01', ''),
      'nested/dup.md': article('Dup', '2024-01-01', 'Text.', 'id: good\n'),
      'aliases.yaml': 'aliases:\n  - [only-one]\n',
      'facts.yaml':
        'cards:\n  - article: good\n    title: T\n    quote: "not in the text"\n    fields: [{ name: N, value: "in" }]\n',
    });
    const k = loadKnowledge(dir);
    expect(k.articles.map((a) => a.id)).toEqual(['good']);
    const byFile = Object.fromEntries(k.problems.map((p) => [path.basename(p.file), p.message]));
    expect(byFile['no-front-matter.md']).toMatch(/front matter/);
    expect(byFile['bad-date.md']).toMatch(/published/);
    expect(byFile['no-title.md']).toMatch(/title/);
    expect(byFile['bad-yaml.md']).toMatch(/YAML/);
    expect(byFile['bad-url.md']).toMatch(/url/);
    expect(byFile['empty-body.md']).toMatch(/no text/);
    expect(byFile['dup.md']).toMatch(/already used/);
    expect(byFile['aliases.yaml']).toMatch(/aliases\.0/);
    expect(byFile['facts.yaml']).toMatch(/cards\.0\.quote: not found verbatim/);
    for (const p of k.problems) expect(p.file).toContain(dir.split(path.sep).pop()!);
  });

  it('accepts a curated card whose quote and values are in the article, and cites its passage', () => {
    const dir = tempKnowledge({
      'good.md': good,
      'facts.yaml':
        'cards:\n  - article: good\n    title: Rivers\n    quote: "paragraph about rivers"\n    fields: [{ name: Topic, value: "rivers" }]\n',
    });
    const k = loadKnowledge(dir);
    expect(k.problems).toEqual([]);
    expect(k.curatedCards).toEqual([
      {
        articleId: 'good',
        title: 'Rivers',
        quote: 'paragraph about rivers',
        passageId: 'good#p1',
        fields: [{ name: 'Topic', value: 'rivers' }],
      },
    ]);
  });

  it('npm run check exits non-zero and names the file; zero on the bundled knowledge', () => {
    const dir = tempKnowledge({ 'good.md': good, 'bad.md': article('Bad', 'yesterday', 'Text.') });
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const bad = spawnSync(tsx, ['cli/check.ts', '--knowledge', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/bad\.md: published/);
    const ok = spawnSync(tsx, ['cli/check.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });
});

describe('passage ids', () => {
  it('stay the same when an unrelated article is added', () => {
    const before = loadKnowledge(tempKnowledge({}, true));
    const after = loadKnowledge(
      tempKnowledge({ 'aaa-first.md': article('Another', '2020-01-01', 'One.\n\nTwo.\n\n## Head\n\nThree.') }, true),
    );
    const ids = (k: typeof before) =>
      k.articles.filter((a) => a.id !== 'aaa-first').flatMap((a) => a.passages.map((p) => [p.id, p.text]));
    expect(ids(after)).toEqual(ids(before));
  });
});

describe('symbolic links in the knowledge folder', () => {
  it('follows links that resolve inside the folder and names each one that leaves it, leads nowhere or repeats', () => {
    const outside = tempKnowledge({ 'elsewhere.md': article('Elsewhere', '2024-01-03', 'Text from outside.') });
    const dir = tempKnowledge({
      // A Kubernetes ConfigMap mount: the files live in a hidden folder, the articles are links.
      '..data/mounted.md': article('Mounted', '2024-01-01', 'A paragraph about lakes.'),
      'plain.md': article('Plain', '2024-01-02', 'A paragraph about rivers.'),
    });
    symlinkSync('..data/mounted.md', path.join(dir, 'mounted.md'));
    symlinkSync(path.join(outside, 'elsewhere.md'), path.join(dir, 'outside.md'));
    symlinkSync(outside, path.join(dir, 'outside-folder'));
    symlinkSync('missing.md', path.join(dir, 'broken.md'));
    symlinkSync('plain.md', path.join(dir, 'again.md'));
    symlinkSync('.', path.join(dir, 'loop'));
    const k = loadKnowledge(dir);
    expect(k.articles.map((a) => a.id).sort()).toEqual(['mounted', 'plain']);
    const byFile = Object.fromEntries(k.problems.map((p) => [path.basename(p.file), p.message]));
    expect(byFile['outside.md']).toMatch(/outside the knowledge folder: not followed/);
    expect(byFile['outside-folder']).toMatch(/outside the knowledge folder: not followed/);
    expect(byFile['broken.md']).toMatch(/missing\.md, which does not exist/);
    expect(byFile['again.md']).toMatch(/same file as .*plain\.md/);
    expect(byFile['loop']).toMatch(/same folder as/);
    expect(k.problems).toHaveLength(5);
  });

  it('npm run check names every link it does not follow and exits non-zero', () => {
    const outside = tempKnowledge({ 'a.md': article('A', '2024-01-03', 'Text.') });
    const dir = tempKnowledge({});
    symlinkSync(path.join(outside, 'a.md'), path.join(dir, 'a.md'));
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['cli/check.ts', '--knowledge', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md: symbolic link to .*a\.md, outside the knowledge folder: not followed/);
    expect(r.stdout).toMatch(/0 article\(s\).*1 problem\(s\)/);
  });
});

describe('an overlong paragraph', () => {
  it('npm run check warns naming the file and line, and still exits 0', () => {
    const sentence = 'The mayor promised a new bridge over the river before the end of the year. ';
    const dir = tempKnowledge({ 'long.md': article('Long', '2024-01-01', sentence.repeat(200)) });
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['cli/check.ts', '--knowledge', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*long\.md:6: a paragraph of 14,999 characters \(no blank line in it\)/);
    expect(r.stdout).toMatch(/0 problem\(s\), 1 warning\(s\)/);
  });
});
