import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../core/helpers.ts';

/**
 * The layering rule of docs/DESIGN.md: src/ is the core. It imports no Discord package and no front end (bot/,
 * commands/, cli/, scripts/), and it uses neither `process` nor `console`: front ends own the process and print.
 * ESLint enforces the same in `npm run lint`; this keeps `npm test` honest too.
 */

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const core = filesBelow(path.join(ROOT, 'src'));
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Code without comments and string contents, so a word in a comment or a message does not count. */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
}

describe('the core (src/)', () => {
  it('has files to check', () => expect(core.length).toBeGreaterThan(20));

  it('imports no Discord package and no front end', () => {
    const bad: string[] = [];
    for (const file of core) {
      for (const spec of importsOf(file)) {
        const frontEnd = ['bot', 'commands', 'cli', 'scripts'].some((d) =>
          path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, d) + path.sep),
        );
        if (/^(?:discord\.js|@discordjs\/|discord-api-types)/.test(spec) || (spec.startsWith('.') && frontEnd)) {
          bad.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses neither process nor console', () => {
    const bad = core
      .filter((file) => /\b(?:process|console)\s*[.[]/.test(codeOf(file)))
      .map((f) => path.relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});
