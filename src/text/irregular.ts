import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Irregular English verb forms ("led" / "lead", "said" / "say", "held" / "hold"), which the Porter stemmer leaves
 * apart: from the `english-verbs-irregular` package (569 verbs with their past and past participle, Apache-2.0), read on
 * first use.
 */
let forms: Map<string, string[]> | null | undefined;
/** Past tenses and past participles that are no verb's base form ("won", "drew", "built"; not "read" or "set"). */
let pasts = new Set<string>();

function table(): Map<string, string[]> | null {
  if (forms !== undefined) return forms;
  try {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('english-verbs-irregular/package.json')), 'dist', 'verbs.json');
    const verbs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[][]>;
    forms = new Map();
    const bases = new Set(Object.keys(verbs));
    pasts = new Set(Object.values(verbs).flatMap((v) => v.flat().filter((w) => !bases.has(w))));
    for (const [base, variants] of Object.entries(verbs)) {
      const group = [...new Set([base, ...variants.flat()])];
      for (const w of group) forms.set(w, [...new Set([...(forms.get(w) ?? []), ...group])]);
    }
  } catch {
    forms = null;
  }
  return forms;
}

/**
 * The other forms of the irregular verb `word` is a form of ("leads" → lead, led), or none. Only the word as written
 * and its -s and -ing forms are read, never an -ed form: "founded" is "found", not a form of "find".
 */
export function irregularForms(word: string): string[] {
  const t = table();
  if (!t) return [];
  const keys = [word];
  if (/[^s]s$/.test(word)) keys.push(word.slice(0, -1));
  if (/[sxz]es$|[cs]hes$|oes$/.test(word)) keys.push(word.slice(0, -2));
  if (/ing$/.test(word) && word.length > 5) keys.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  const out = new Set<string>();
  for (const k of keys) for (const w of t.get(k) ?? []) if (w !== word) out.add(w);
  return [...out];
}

/** Whether `word` is an irregular verb's past tense or past participle and no verb's base form ("won", "built"). */
export function irregularPast(word: string): boolean {
  table();
  return pasts.has(word);
}
