/**
 * Fact-card gold check on its own (the same scorer `npm run eval` runs):
 *
 *   npx tsx scripts/eval-facts.ts            both articles
 *   npx tsx scripts/eval-facts.ts --misses   every fact not named correctly
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.ts';
import { knowledgeWith } from './eval.ts';
import { formatFactScore, readGold, scoreFacts } from './facts-score.ts';

const root = path.resolve(import.meta.dirname, '..');

function main() {
  const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });
  const gold = readGold(path.join(root, 'test', 'data', 'facts-gold.json'));
  const seed = createEngine({ knowledgeDir: path.join(root, 'knowledge'), cacheDir: null });
  const nd = createEngine({
    knowledgeDir: knowledgeWith(path.join(root, 'test', 'fixtures', 'notre-dame', 'knowledge')),
    cacheDir: null,
  });
  for (const s of [
    scoreFacts(seed, 'seed facts', gold['seed'] ?? []),
    scoreFacts(nd, 'notre-dame facts', gold['notre-dame'] ?? []),
  ]) {
    if (values.misses) for (const m of s.misses) console.log(`[${s.name}] ${m}`);
    console.log(formatFactScore(s));
  }
}

main();
