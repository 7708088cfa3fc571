import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AskResultSchema } from '../../src/answer/result.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
function ask(args: string[], input?: string) {
  return spawnSync(tsx, ['cli/ask.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 26 });
}

describe('npm run ask', () => {
  it('--json prints exactly one JSON object following CONTRACTS.md', () => {
    const r = ask(['--json', 'How many documents did Azerbaijan sign in 2025?']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(AskResultSchema.parse(out).answered).toBe(true);
    expect(out.snippets[0].text).toContain('191');
    for (const key of ['text', 'passageId', 'articleId', 'title', 'section', 'score'])
      expect(out.snippets[0]).toHaveProperty(key);
    expect(out.answer).toBe('191 bilateral and multilateral documents');
    expect(out.snippets[0].text).toContain(out.answer);
  });

  it('prints a readable answer with [n] citations, a fact card block and sources', () => {
    const r = ask(['How many documents did Azerbaijan sign in 2025?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/191.*\[1\]/);
    expect(r.stdout).toMatch(/Sources:/);
    expect(r.stdout).toMatch(/== .*\[1\]/);
    expect(r.stdout).not.toContain('\x1b['); // piped: no emphasis codes
  });

  it('--stdin answers one JSON object a line, in order, declined ones too', () => {
    const r = ask(['--stdin'], 'When was the press conference?\nWhat is the price of Bitcoin?\n');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(['When was the press conference?', 'What is the price of Bitcoin?']);
    expect(lines[0].answered).toBe(true);
    expect(lines[1].answered).toBe(false);
  });

  it('--stdin reports an empty or 200,000-character line in place, answers the rest, and exits non-zero', () => {
    const r = ask(
      ['--stdin'],
      `Who was the main mediator?\n\n${'x'.repeat(200_000)}\nWhen was the press conference?\n`,
    );
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(lines[1].error).toMatch(/empty/);
    expect(lines[2].error).toMatch(/longer than 1000/);
    expect(r.stderr.trim().split('\n')).toEqual([
      'ask: line 2: the question is empty',
      'ask: line 3: the question is longer than 1000 characters',
    ]);
  });

  it('--knowledge points at another folder', () => {
    const r = ask([
      '--json',
      '--knowledge',
      path.join(FIXTURES, 'notre-dame', 'knowledge'),
      'What sits atop the Main Building?',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).snippets[0].text).toContain('Virgin Mary');
  });

  it.each([
    [[] as string[], /no question/],
    [[''], /no question/],
    [['--bogus', 'x'], /Unknown option '--bogus'/],
    // The kernel refuses a single argument over 128 KiB, so the longest question argv can carry is tested here;
    // 200,000 characters are tested through --stdin above.
    [['x'.repeat(120_000)], /longer than 1000 characters/],
    [['--knowledge', '/nonexistent/dir', 'q'], /knowledge folder not found/],
  ])('unusable input %# gets one line and a non-zero exit, no stack trace', (args, message) => {
    const r = ask(args);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--stdin into a pipe closed early (| head -1) ends quietly: no stack trace, exit 0', async () => {
    // Reads the first line, then closes its end of the pipe, as `head -1` does.
    const child = spawn(tsx, ['cli/ask.ts', '--stdin'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => undefined);
    child.stdin.end('When was the press conference?\n'.repeat(3000));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(err).toBe('');
    expect(status).toBe(0);
  });
});
