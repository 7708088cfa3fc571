import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway knowledge folder: `files` maps relative paths to contents. */
export function knowledgeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeline-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

export function article(published: string, body: string, title = 'Test article'): string {
  return `---\ntitle: "${title}"\npublished: ${published}\n---\n\n${body}\n`;
}
