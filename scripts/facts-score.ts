/**
 * Scores fact cards against a gold file of facts written by hand (test/data/facts-gold.json):
 * each gold fact is a question, the value a card should show, and the words its name must hold.
 *
 * - shown: a field of some card in the answer has a value that contains the gold value;
 * - named: that field's name holds every word (by stem) of one of the gold name alternatives;
 * - repeated names: cards in which two fields share a name (over every question asked);
 * - bad names: number or date fields named only by a place, a person or a generic word.
 *
 * The headline is "facts named correctly / facts shown", with "shown / gold facts" beside it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Engine } from '../src/engine.ts';
import type { AskResult, FactField } from '../src/answer/result.ts';
import { stem } from '../src/text/terms.ts';

export const GoldFact = z.object({
  q: z.string(),
  value: z.string(),
  /** Alternatives: the name is right when it holds every word of one of them. */
  name: z.array(z.array(z.string()).min(1)).min(1),
});
export type GoldFact = z.infer<typeof GoldFact>;
export const GoldFile = z.object({ about: z.string().optional() }).catchall(z.array(GoldFact).or(z.string()));

export function readGold(file: string): Record<string, GoldFact[]> {
  const parsed = GoldFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const out: Record<string, GoldFact[]> = {};
  for (const [k, v] of Object.entries(parsed)) if (Array.isArray(v)) out[k] = v;
  return out;
}

export interface FactScore {
  name: string;
  gold: number;
  shown: number;
  named: number;
  /** Cards (over every answer) with two fields of the same name. */
  repeatedNames: number;
  /** Number and date fields, and those among them named only by a place, a person or a generic word. */
  numberFields: number;
  badNames: number;
  misses: string[];
}

/** Words that say nothing about what a number or date is. */
const GENERIC = new Set(
  'date dates year years time number numbers figure figures value amount total marks mark share increase decrease day month period count'.split(
    ' ',
  ),
);
const STOP = new Set(
  'a an the of in on at by for to from with and or as is are was were its their his her this that these those it'.split(
    ' ',
  ),
);

const norm = (t: string) => t.toLowerCase().replace(/[‐-―]/g, '-').replace(/\s+/g, ' ').trim();

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
}

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) for (const part of w.toLowerCase().split('-')) if (part) out.add(stem(part, false));
  return out;
}

export function nameHolds(name: string, alternatives: string[][]): boolean {
  const have = stems(name);
  return alternatives.some((alt) => alt.every((w) => [...stems(w)].every((s) => have.has(s))));
}

/** A number or date field whose name is only a proper name (place, person) or a generic word. */
export function badName(field: FactField, passageText: string): boolean {
  if (!(field.kind === 'quantity' || field.kind === 'date' || (!field.kind && /\d/.test(field.value)))) return false;
  const content = words(field.name).filter((w) => !STOP.has(w.toLowerCase()));
  if (content.length === 0) return true;
  return content.every((w, i) => {
    if (GENERIC.has(w.toLowerCase())) return true;
    if (!/^\p{Lu}/u.test(w)) return false;
    // The first word is capitalised anyway: proper only if the passage capitalises it mid-sentence too.
    if (i > 0) return true;
    return new RegExp(`[\\p{L},;:]\\s+${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(passageText);
  });
}

export function repeatedNames(r: AskResult): number {
  let n = 0;
  for (const card of r.facts) {
    const names = card.fields.map((f) => f.name.toLowerCase());
    if (new Set(names).size !== names.length) n++;
  }
  return n;
}

export function scoreFacts(engine: Engine, name: string, gold: GoldFact[]): FactScore {
  const s: FactScore = {
    name,
    gold: gold.length,
    shown: 0,
    named: 0,
    repeatedNames: 0,
    numberFields: 0,
    badNames: 0,
    misses: [],
  };
  const passages = new Map(engine.knowledge.articles.flatMap((a) => a.passages.map((p) => [p.id, p.text] as const)));
  for (const g of gold) {
    const r = engine.ask(g.q);
    s.repeatedNames += repeatedNames(r);
    for (const card of r.facts) {
      for (const f of card.fields) {
        if (f.kind === 'quantity' || f.kind === 'date') {
          s.numberFields++;
          if (badName(f, passages.get(card.citation.passageId) ?? '')) s.badNames++;
        }
      }
    }
    const fields = r.facts.flatMap((c) => c.fields);
    const matching = fields.filter((f) => norm(f.value).includes(norm(g.value)));
    const good = matching.find((f) => nameHolds(f.name, g.name));
    if (matching.length > 0) s.shown++;
    if (good) s.named++;
    if (!good) {
      const got = r.facts.map((c) => `${c.title}: ${c.fields.map((f) => `${f.name} = ${f.value}`).join(' · ')}`);
      s.misses.push(
        `${matching.length ? 'NAME' : 'MISS'} ${g.q}\n  want: ${g.name.map((a) => a.join(' ')).join(' | ')} = ${g.value}\n  got:  ${got.join('\n        ') || '(no cards)'}`,
      );
    }
  }
  return s;
}

export function formatFactScore(s: FactScore): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  return `${s.name}: facts named correctly / facts shown ${s.named}/${s.shown} (${pct(s.named, s.shown)}), shown ${s.shown}/${s.gold}, named ${s.named}/${s.gold}; repeated names ${s.repeatedNames}; number/date fields named only by a place, person or generic word ${s.badNames}/${s.numberFields}`;
}
