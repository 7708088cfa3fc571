import { TERM_QUERY, type SearchIndex } from '../search/index.ts';
import { irregularForms, irregularPast } from '../text/irregular.ts';
import { MONTHS, ORDINAL_WORDS, UNIT_WORD_LIST } from '../text/patterns.ts';
import { capitalise, fold, STOP_WORDS, termOf, termOfLetters, terms } from '../text/terms.ts';
import { NOUN_PERSON, type WordNet } from '../text/wordnet.ts';
import { WORD_KEY, type TermVectors } from '../text/vectors.ts';
import type { AnswerContext } from './context.ts';
import { ordinalTerm, questionTerms } from './question.ts';
import { ABSTENTION, SLOTS } from './tuning.ts';

/**
 * A question turned into weighted slots. Each slot is one content word of the question; it is
 * satisfied by any of its alternatives (the word itself, a spelling correction, or an alias).
 */
export interface Slot {
  /** The term as the question wrote it (stemmed). */
  term: string;
  /** The question's word, folded but not stemmed. */
  token: string;
  /** Terms that satisfy the slot; the first is the question's own. */
  alternatives: string[];
  /** How much each alternative counts as evidence (1 for the word itself, less for a spelling correction). */
  credits: number[];
  /**
   * How much each alternative counts when deciding whether the material answers at all. A
   * synonym helps find the right sentence, but "founded" ≈ "establishing" is too weak to claim
   * the material answers "When was X founded?".
   */
  evidence: number[];
  /** Rarity weight (BM25 idf over passages). A term the material never uses gets the highest weight. */
  weight: number;
  named: boolean;
  /** The question's word is an inflected verb form. */
  inflected: boolean;
  /** No alternative occurs anywhere in the material. */
  unknown: boolean;
  /** A participle that only relates two things (`QuestionTerm.relation`): dropped when unknown. */
  relation?: true;
  /**
   * A word typed in lower case that may name a place or a people ("turkey", "american": WordNet writes it capitalised,
   * `WordNet.placeName` / `capitalised`), not read as a name for ranking: the answer's story must have it, and the
   * material must use it.
   */
  nameLike?: true;
  /**
   * Words whose vectors stand for the slot in soft matching instead of the question's word: what a phrasal verb means
   * ("take part" → participate), since "take" alone is close to "make".
   */
  meanings?: string[];
  /** Where the soft matches by word vectors start among `alternatives` (soft.ts appends them last), if any. */
  softFrom?: number;
  /**
   * The words of a long alias that stand in only together, by each of its terms ("SCO": "shanghai", "cooper",
   * "organis"): "cooperation" alone is not the organisation.
   */
  joint?: Map<string, string[]>;
  /**
   * Place names that stand in for a kind of place the question names ("Paris" for "which city": places.ts): what the
   * question asks for rather than its words, so typed evidence and the answer phrase read them as new.
   */
  instances?: Set<string>;
  /** The question wrote the word in capitals ("FBI"): the material may spell it out instead (acronym.ts). */
  acronym?: true;
  /**
   * Soft matches that count only because WordNet relates them to the word (soft.ts): a broader word is no holder of a
   * role ("diplomat" for "ambassador"), so role checks leave them out.
   */
  related?: Set<string>;
}

export function idf(index: SearchIndex, df: number): number {
  const n = index.passages.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Max edit distance allowed when correcting a term of this length. */
function maxEdits(length: number): number {
  if (length >= SLOTS.twoEditsFrom) return 2;
  if (length >= SLOTS.minCorrectable) return 1;
  return 0;
}

/** Known terms one swap of neighbouring letters away ("documnet" → "document"), which Levenshtein counts as two edits. */
function transpositions(index: SearchIndex, term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    const t = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (index.df.has(t)) out.push(t);
  }
  return out;
}

/**
 * Known terms one typing slip from the word as written (a letter dropped, doubled, swapped or
 * replaced), compared after stemming: a misspelt word stems differently ("wheenver" stays,
 * "whenever" becomes "whenev"), so edits on stems alone miss such typos. Most used first.
 * `atEnd`: every slip that reaches the term changes only the word's last letter, or adds or drops one after it
 * ("Connall" → "Connally", "Maria" → "Marie"): for a name, another name rather than a typo (see `buildSlots`).
 */
function typoCandidates(index: SearchIndex, token: string): readonly TypoCandidate[] {
  let memo = typoMemo.get(index);
  if (!memo) typoMemo.set(index, (memo = new Map()));
  let found = memo.get(token);
  if (!found) {
    found = readTypoCandidates(index, token);
    if (memo.size < MEMO_TOKENS) memo.set(token, found);
  }
  return found;
}

/** A known term one typing slip from a question's word (`typoCandidates`). */
interface TypoCandidate {
  term: string;
  df: number;
  atEnd: boolean;
}

/**
 * Each index's typo candidates by token, at most `MEMO_TOKENS` of them: a pure function of the two, and about 400
 * variants stemmed and looked up a word, 5% of a question asked again (`scripts/bench/profile.ts`).
 */
const typoMemo = new WeakMap<SearchIndex, Map<string, readonly TypoCandidate[]>>();
const MEMO_TOKENS = 10_000;

function readTypoCandidates(index: SearchIndex, token: string): TypoCandidate[] {
  if (token.length < SLOTS.minCorrectable || !/^[a-z]+$/.test(token)) return [];
  const seen = new Map<string, { df: number; atEnd: boolean }>();
  const head = token.slice(0, -1);
  const known = knownTerms(index);
  const consider = (variant: string) => {
    const atEnd =
      variant.length === token.length + 1
        ? variant.startsWith(token)
        : variant.length <= token.length && variant.startsWith(head);
    // The token is letters only, and so is every variant.
    const t = termOfLetters(variant);
    if (t === null) return;
    const had = seen.get(t);
    if (had) {
      had.atEnd &&= atEnd;
      return;
    }
    // Most variants stem to no term of the index: a bit of a small table says so without the dictionary's look-up.
    if (!mayBeTerm(known, t)) return;
    const df = index.df.get(t);
    if (df) seen.set(t, { df, atEnd });
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < token.length; i++) {
    consider(token.slice(0, i) + token.slice(i + 1));
    if (i + 1 < token.length) consider(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
    for (const c of letters) if (c !== token[i]) consider(token.slice(0, i) + c + token.slice(i + 1));
  }
  for (let i = 0; i <= token.length; i++) for (const c of letters) consider(token.slice(0, i) + c + token.slice(i));
  return [...seen]
    .map(([term, { df, atEnd }]) => ({ term, df, atEnd }))
    .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
}

/**
 * A bit per hash of every term of the index's dictionary (`termBits`): a term whose bit is 0 is not in it. 128 KB,
 * made on the first typo read; the dictionary's own look-up reads a table of megabytes, mostly from memory.
 */
const knownMemo = new WeakMap<SearchIndex, Uint32Array>();
const TERM_BITS = 20;

function knownTerms(index: SearchIndex): Uint32Array {
  let bits = knownMemo.get(index);
  if (!bits) {
    bits = new Uint32Array(1 << (TERM_BITS - 5));
    for (const t of index.passageIndex.termIds.keys()) {
      const h = termHash(t);
      bits[h >>> 5] = bits[h >>> 5]! | (1 << (h & 31));
    }
    knownMemo.set(index, bits);
  }
  return bits;
}

/** FNV-1a of a term's UTF-16 code units, `TERM_BITS` bits of it. */
function termHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h >>> (32 - TERM_BITS);
}

function mayBeTerm(bits: Uint32Array, t: string): boolean {
  const h = termHash(t);
  return (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
}

/** The closest known term for one the material does not use: a typo, or a longer or shorter form of a word. */
export function correctTerm(
  index: SearchIndex,
  term: string,
): { term: string; credit: number; others: string[] } | null {
  if (index.df.has(term) || /\d/.test(term)) return null;
  const edits = maxEdits(term.length);
  let best: { term: string; dist: number; df: number } | null = null;
  // Every candidate at the best distance, most used first: in a large vocabulary a typo is often
  // one edit from several words, and the other question words tell which one was meant.
  let tied: { term: string; df: number }[] = [];
  if (term.length >= SLOTS.minCorrectable) {
    for (const t of transpositions(index, term)) {
      const df = index.df.get(t)!;
      if (!best || df > best.df) best = { term: t, dist: 1, df };
      tied.push({ term: t, df });
    }
  }
  if (!best && edits > 0) {
    const found: { term: string; df: number; dist: number }[] = [];
    // The fuzzy term tree is built on first use: most questions never need it.
    for (const [t, [df, dist]] of index.vocab().fuzzyGet(term, edits)) {
      if (!best || dist < best.dist || (dist === best.dist && df > best.df)) best = { term: t, dist, df };
      found.push({ term: t, df, dist });
    }
    const bestDist = best?.dist;
    tied = found.filter((c) => c.dist === bestDist);
  }
  if (!best) return null;
  const others = tied
    .filter((c) => c.term !== best.term)
    .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
    .slice(0, SLOTS.maxCorrections - 1)
    .map((c) => c.term);
  return { term: best.term, credit: best.dist === 1 ? SLOTS.oneEditCredit : SLOTS.twoEditCredit, others };
}

/**
 * Whether a known name `known` can be a slip in typing the question's name `asked` (both terms): a letter dropped,
 * doubled or swapped inside it ("Azerbijan", "Cavanugh"), not letters added or dropped at its end. Names that extend
 * one another are common and different people ("Connall" / "Connally", "Carl" / "Carla", "Robert" / "Roberts"), so
 * the question's name is kept as written, and when the material never has it, it is a name the material never
 * mentions.
 */
function sameNameSlip(asked: string, known: string): boolean {
  return !known.startsWith(asked) && !asked.startsWith(known);
}

/** `fix` without the corrections of a name into a longer or shorter name (`sameNameSlip`). */
function namedFix(
  named: boolean,
  term: string,
  fix: { term: string; credit: number; others: string[] } | null,
): { term: string; credit: number; others: string[] } | null {
  if (!fix || !named) return fix;
  const kept = [fix.term, ...fix.others].filter((t) => sameNameSlip(term, t));
  return kept.length ? { term: kept[0]!, credit: fix.credit, others: kept.slice(1) } : null;
}

/**
 * Stemmed suffixes that make a related word: "chair" → "chairman", "chairmanship"; "Israel"
 * → "Israeli"; "Syria" → "Syrian". The Porter stemmer leaves these apart.
 */
const DERIVATIONS = [
  'i',
  'ian',
  'an',
  'n',
  'man',
  'men',
  'manship',
  'ship',
  'ism',
  'ist',
  'ic',
  'al',
  'er',
  'or',
  'es',
  's',
];

function isDerivation(base: string, longer: string): boolean {
  if (!longer.startsWith(base)) return false;
  const suffix = longer.slice(base.length);
  // Syria → Syrian, Korea → Korean, and from four letters (Asia → Asian, Cuba → Cuban): "-an" after "-a" is a demonym.
  if (suffix === 'n') return base.endsWith('a') && base.length >= SLOTS.minRelatedTerm;
  // A point of the compass and its adjective, from four letters: "West" / "western", "east" / "eastern".
  if (suffix === 'ern') return base.length >= SLOTS.minRelatedTerm;
  if (base.length < SLOTS.minDerivationBase) return false;
  return DERIVATIONS.includes(suffix);
}

/** Known terms related to `term` by a derivational suffix, in either direction. */
export function relatedForms(index: SearchIndex, term: string): string[] {
  if (term.length < SLOTS.minRelatedTerm || /\d/.test(term)) return [];
  const out: string[] = [];
  for (const t of index.termsWithPrefix(term)) if (t !== term && isDerivation(term, t)) out.push(t);
  for (let len = term.length - 1; len >= SLOTS.minRelatedTerm; len--) {
    const head = term.slice(0, len);
    if (index.df.has(head) && isDerivation(head, term)) out.push(head);
  }
  return out;
}

/**
 * How a place's name ends and how the word for its people ends, as index terms ("Italy" is "itali", "Chinese" is
 * "chines"): "Belgium" / "Belgian", "Italy" / "Italian", "China" / "Chinese", "Canada" / "Canadian", "Germany" /
 * "German", "America" / "American".
 */
const DEMONYMS: [string, string][] = [
  ['', 'ian'],
  ['', 'an'],
  ['', 'es'],
  ['a', 'an'],
  ['a', 'ian'],
  ['a', 'es'],
  ['ium', 'ian'],
  ['um', 'an'],
  ['i', 'ian'],
  ['i', ''],
  ['e', 'ian'],
];

/**
 * Known terms of the places a people's word pertains to by WordNet ("french" → France, "dutch" → Netherlands,
 * "swiss" → Switzerland): the demonyms no ending in `DEMONYMS` relates.
 */
function pertainedPlaces(wordnet: WordNet | null, index: SearchIndex, token: string): string[] {
  if (!wordnet) return [];
  const out: string[] = [];
  for (const w of wordnet.pertainsTo(token)) {
    const t = termOf(w);
    if (t && index.df.has(t)) out.push(t);
  }
  return out;
}

/**
 * Known terms that are a name's demonym or the place of one, for a name of the question (`isDerivation` has only
 * "Syria" / "Syrian"): a story about Belgium's paratroops writes "the Belgians", and the question names the country.
 * The part before the endings has at least `SLOTS.minRelatedTerm` letters.
 */
export function demonymForms(index: SearchIndex, term: string): string[] {
  const out = new Set<string>();
  for (const [place, people] of DEMONYMS) {
    // "German" is not read back into "Germani" + a letter ("Martin" is no "Martini"), and a bare root is a name only
    // from `SLOTS.minDerivationBase` letters ("Japanese" / "Japan", not "Belgian" / "Belg").
    const ways: (readonly [string, string])[] =
      people === ''
        ? [[place, people]]
        : [
            [place, people],
            [people, place],
          ];
    for (const [from, to] of ways) {
      if (!term.endsWith(from)) continue;
      const root = term.slice(0, term.length - from.length);
      const t = root + to;
      const min = to === '' ? SLOTS.minDerivationBase : SLOTS.minRelatedTerm;
      if (root.length >= min && t !== term && index.df.has(t)) out.add(t);
    }
  }
  return [...out];
}

/**
 * Terms of the material that are WordNet synonyms of `token`, or null when WordNet does not
 * know the word at all (then it is more likely a typo than a word choice).
 */
export function synonymTerms(
  index: SearchIndex,
  wordnet: WordNet | null,
  token: string,
): { term: string; close: boolean }[] | null {
  if (!wordnet || !/^[a-z]+(?:-[a-z]+)*$/.test(token)) return null;
  if (wordnet.lemmas(token).length === 0) return null;
  const close = new Set(wordnet.closeSynonyms(token).flatMap((w) => terms(w)));
  const out = new Map<string, boolean>();
  for (const w of wordnet.synonyms(token)) {
    for (const t of terms(w)) if (index.df.has(t)) out.set(t, close.has(t));
  }
  return [...out].map(([term, isClose]) => ({ term, close: isClose }));
}

/** Comparatives and superlatives that WordNet files under nouns as often as under adjectives. */
const COMPARATIVES = new Set([
  'worse',
  'worst',
  'better',
  'best',
  'less',
  'least',
  'more',
  'most',
  'further',
  'farther',
  'bigger',
  'smaller',
  'larger',
]);

/**
 * A verb, adjective or adverb rather than a name or a thing: by WordNet's commonest use of the
 * word, by being a comparative or an irregular past, or by a verb ending when WordNet does not know it.
 */
function isPredicate(wordnet: WordNet | null, slot: Slot): boolean {
  if (slot.named) return false;
  // An irregular past ("gave", "swore", "ran") is a verb, which WordNet lists only by its base form.
  if (COMPARATIVES.has(slot.token) || slot.inflected || irregularPast(slot.token)) return true;
  const pos = wordnet?.primaryPos(slot.token);
  return pos ? pos !== 'noun' : false;
}

/**
 * The other ways of writing a small count in `question` (`buildSlots`): "5" → "five" and "fifth", "five" → "5".
 */
function numberForms(token: string, question: string): { term: string; credit: number }[] {
  const n = /^\d{1,2}$/.test(token) ? Number(token) : UNIT_WORD_LIST.indexOf(token) + 1;
  if (n < 1 || n > UNIT_WORD_LIST.length) return [];
  // The number of a name ("D-8", "G7", "COVID-19") is no count.
  if (new RegExp(`\\p{L}[-‐]?${token}\\b`, 'iu').test(question)) return [];
  const forms = [{ word: /\d/.test(token) ? UNIT_WORD_LIST[n - 1]! : String(n), credit: 1 }];
  if (n <= ORDINAL_WORDS.length) forms.push({ word: ORDINAL_WORDS[n - 1]!, credit: SLOTS.derivedCredit });
  return forms.flatMap(({ word, credit }) => {
    const term = termOf(word);
    return term ? [{ term, credit }] : [];
  });
}

/**
 * The terms of the one name a member's short form starts ("nor" → "norway", "norwegian"): a token of two or three
 * letters that WordNet knows at most as a name, and the material's terms that start with it all forms of one word (a
 * shared beginning of `SLOTS.minDerivationBase` letters or more) that WordNet writes capitalised. Empty otherwise.
 */
function shortFormOf(index: SearchIndex, wordnet: WordNet | null, token: string): string[] {
  if (!wordnet || !/^[a-z]{2,3}$/.test(token) || (wordnet.primaryPos(token) && !wordnet.capitalised(token))) return [];
  const family = index.termsWithPrefix(token).filter((t) => t !== token);
  if (family.length === 0 || family.length > SLOTS.maxShortFormTerms) return [];
  let shared = family[0]!;
  for (const t of family) while (!t.startsWith(shared)) shared = shared.slice(0, -1);
  if (shared.length < SLOTS.minDerivationBase) return [];
  // Terms are stems ("zimbabw"): one of them as WordNet writes it ("zimbabwean") says the family is a name's.
  return family.some((t) => wordnet.capitalised(t)) ? family : [];
}

/**
 * The terms that a question's word no dictionary lists is a likely slip of, when the material has the word itself only
 * rarely (`SLOTS.rareSlipDf` passages or fewer) and the slip's term at least `SLOTS.slipDfRatio` times as often; empty
 * otherwise.
 */
function sharedSlips(index: SearchIndex, wordnet: WordNet | null, token: string, term: string): string[] {
  const df = index.df.get(term) ?? 0;
  if (df === 0 || df > SLOTS.rareSlipDf || !wordnet || wordnet.lemmas(token).length > 0) return [];
  return typoCandidates(index, token)
    .filter((c) => c.term !== term && c.df >= df * SLOTS.slipDfRatio)
    .slice(0, SLOTS.maxCorrections)
    .map((c) => c.term);
}

/** Letters a clipping keeps at least, and letters the full word adds at least ("plane" is no clipping of "planer"). */
const MIN_CLIPPING = 3;
const MIN_CLIPPED_OFF = 2;

/**
 * Homely words for family and a person's life, and the words news writes for them: "oersted's dad" is "his father" in
 * the story, "her mom" "his mother", "X's birthday" the day X was "born", "as a kid" "as a boy".
 */
const INFORMAL_WORDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    dad: ['father'],
    daddy: ['father'],
    dads: ['fathers'],
    mom: ['mother'],
    mum: ['mother'],
    mommy: ['mother'],
    mummy: ['mother'],
    moms: ['mothers'],
    mums: ['mothers'],
    grandpa: ['grandfather'],
    granddad: ['grandfather'],
    grandma: ['grandmother'],
    granny: ['grandmother'],
    hubby: ['husband'],
    bro: ['brother'],
    sis: ['sister'],
    kid: ['child', 'boy', 'girl'],
    kids: ['children', 'boys', 'girls'],
    birthday: ['born', 'birth'],
  }),
);

/**
 * The terms of the nouns that `token` clips and the material uses: WordNet's synonyms of it (its commonest senses)
 * that start with its dictionary form as a noun and go on for two letters or more ("yank" → "yankee", "prof" →
 * "professor").
 */
export function clippedFrom(wordnet: WordNet | null, index: SearchIndex, token: string): string[] {
  if (!wordnet || !/^[a-z]+$/.test(token) || token.length < MIN_CLIPPING) return [];
  // Clippings are nouns ("the yanks", "a prof"): "last" is no clipping of "lastly".
  const lemmas = wordnet.lemmas(token);
  const heads = new Set(lemmas.flatMap((l) => (l.pos === 'noun' ? [l.lemma] : [])));
  if (heads.size === 0) return [];
  // A synonym that clips off nothing is no clipping: the synsets are read only when the word's parts of speech list a
  // longer word that starts with a head (none do for about 40% of the bench's question words).
  const longer = (h: string) =>
    h.length >= MIN_CLIPPING && lemmas.some((l) => wordnet.hasLongerWord(l.pos, h, MIN_CLIPPED_OFF));
  if (![...heads].some(longer)) return [];
  const out: string[] = [];
  for (const w of wordnet.synonyms(token)) {
    if (!/^[a-z]+$/.test(w)) continue;
    if (![...heads].some((h) => h.length >= MIN_CLIPPING && w.startsWith(h) && w.length >= h.length + MIN_CLIPPED_OFF))
      continue;
    // Looked up last: few synonyms start with the word, and a synonym's first look-up reads the dictionary's files.
    if (!wordnet.lemmas(w).some((l) => l.pos === 'noun')) continue;
    const t = termOf(w);
    if (t && index.df.has(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Whether a slot is an acronym typed in lower case ("paris jc" for Paris Junior College, "iit grads"): two or three
 * letters that the material never writes, that nothing else stood in for, and that the dictionary knows at most in
 * capitals ("NJ"); or two to four letters with no vowel ("gm" for General Motors), which spell no English word.
 * Members rarely type capitals; acronym.ts then looks for its long form in the candidate passages, strictly by initials
 * (never the looser reading of `innerLongForms`, which needs four letters or more).
 */
function lowerCaseAcronym(wordnet: WordNet | null, slot: Slot): boolean {
  if (slot.acronym || slot.named) return false;
  // One the material writes too ("fbi" as "F.B.I." in another story) when the dictionary writes it in capitals: a story
  // may spell it out alone ("the Federal Bureau of Investigation identified …").
  // A short word with no vowel ("gm", "nbc", "tv") is no English word but initials, whatever else the dictionary files
  // it under ("gm" as a gram).
  if (/^[b-df-hj-np-tv-xz]{2,4}$/.test(slot.token)) return true;
  if (!slot.unknown)
    return /^[a-z]{2,5}$/.test(slot.token) && wordnet !== null && wordnet.writtenInCapitals(slot.token);
  if (slot.alternatives.length > 1 || !/^[a-z]{2,3}$/.test(slot.token)) return false;
  return !wordnet || wordnet.lemmas(slot.token).length === 0 || wordnet.capitalised(slot.token);
}

/** A slot's stand-ins side by side: its alternatives, their credits and their evidence. */
type StandIns = Pick<Slot, 'alternatives' | 'credits' | 'evidence'>;

/** Adds `term` to a slot's stand-ins with its credit and evidence, unless it is one already; whether it was added. */
export function standIn(slot: StandIns, term: string, credit: number, evidence = credit): boolean {
  if (slot.alternatives.includes(term)) return false;
  slot.alternatives.push(term);
  slot.credits.push(credit);
  slot.evidence.push(evidence);
  return true;
}

/** A month's name, which a member's lower case makes a verb or a modal ("may", "march"): no place's name. */
const MONTH_WORD = new RegExp(`^(?:${MONTHS})$`, 'i');

/**
 * Two words typed apart that the material writes as one name ("la guardia" for "LaGuardia", "mc donald" for
 * "McDonald"): joined, when the material writes them together more often than the second alone.
 */
export function joinSplitNames(index: Pick<SearchIndex, 'df'>, question: string): string {
  return question.replace(/\b(\p{L}{2,3}) (\p{L}{3,})\b/gu, (pair, a: string, b: string) => {
    const second = termOf(b);
    const joined = termOf(a + b);
    if (!second || !joined || (index.df.get(joined) ?? 0) <= (index.df.get(second) ?? 0)) return pair;
    return a + b;
  });
}

/**
 * A compound typed closed that the material writes with a hyphen ("bakeoffs" for "bake-offs", "standby" for
 * "stand-by"): a word the material lacks, split where both halves are words it has and it writes them joined by a
 * hyphen in a passage that holds both. Written hyphened, the question reads the material's two words. A word negated by
 * "un-" that the material negates by "non-" ("unaligned" / "Non-Aligned") is read with the material's prefix: the two
 * mean the same.
 */
export function splitJoinedWords(index: SearchIndex, question: string): string {
  return question.replace(/\b\p{Ll}{6,}\b/gu, (word) => {
    const whole = termOf(word);
    if (!whole || (index.df.get(whole) ?? 0) > 0) return word;
    if (word.startsWith('un')) {
      const negated = word.slice(2);
      const closed = termOf(`non${negated}`);
      if (closed && (index.df.get(closed) ?? 0) > 0) return `non${negated}`;
      if (writesHyphened(index, 'non', negated)) return `non-${negated}`;
    }
    for (let k = SLOTS.compoundPart; k <= word.length - SLOTS.compoundPart; k++) {
      const [a, b] = [word.slice(0, k), word.slice(k)];
      if (writesHyphened(index, a, b)) return `${a}-${b}`;
    }
    return word;
  });
}

/** Whether the material has both words and writes them joined by a hyphen ("bake-offs") in a passage holding both. */
function writesHyphened(index: SearchIndex, a: string, b: string): boolean {
  const terms = [termOf(a), termOf(b)];
  if (terms.some((t) => !t || !(index.df.get(t) ?? 0))) return false;
  const hyphened = new RegExp(`\\b${a}-${b}\\b`, 'i');
  const hits = index.passageIndex.search(terms.join(' '), { ...TERM_QUERY, limit: SLOTS.aliasPassages });
  return hits.some((h) => hyphened.test(fold(index.passages[h.id as number]!.text)));
}

/** Reads a question into weighted slots against the material of `ctx`. */
export function buildSlots(
  ctx: Pick<AnswerContext, 'index' | 'aliasGroups' | 'wordnet'> & Partial<Pick<AnswerContext, 'vectors'>>,
  question: string,
): Slot[] {
  const { index, aliasGroups } = ctx;
  const slots: Slot[] = [];
  const qterms = questionTerms(question);
  const present = new Set(qterms.map((q) => q.term));
  for (const q of qterms) {
    // A word typed in lower case that the dictionary knows only as a proper noun ("georgia", "kazakhstan"; never an
    // irregular verb form such as "led", which WordNet's "Led" would claim) is a name all the same: members rarely
    // capitalise.
    let named =
      q.named ||
      (/^[a-z]{4,}$/.test(q.token) &&
        irregularForms(q.token).length === 0 &&
        (ctx.wordnet()?.properNoun(q.token) ?? false));
    const alternatives = [q.term];
    const credits = [1];
    const evidence = [1];
    const own: StandIns = { alternatives, credits, evidence };
    // A people's word typed in lower case ("the chinese") is still the name's demonym: WordNet writes it capitalised.
    const peoples = named || (ctx.wordnet()?.capitalised(q.token) ?? false);
    const demonyms = peoples ? [...demonymForms(index, q.term), ...pertainedPlaces(ctx.wordnet(), index, q.token)] : [];
    for (const form of [...relatedForms(index, q.term), ...demonyms]) standIn(own, form, SLOTS.derivedCredit);
    // An irregular verb's other forms ("lead" / "led", "say" / "said"): the same word, which stemming keeps apart.
    for (const form of irregularForms(q.token)) {
      const t = termOf(form);
      if (t && index.df.has(t)) standIn(own, t, SLOTS.irregularCredit);
    }
    // A clipped word ("yanks", "prof", "champ", "vet") is the word it clips ("Yankees", "professor", "champion",
    // "veteran"), which WordNet lists as its synonym: read even when the material uses the clipping too, since a story
    // writes the full word.
    for (const t of clippedFrom(ctx.wordnet(), index, q.token)) standIn(own, t, SLOTS.irregularCredit);
    // A homely word ("dad", "mom", "birthday") is the word a story writes ("father", "mother", "born"): read even when
    // the material uses the homely word too, since it is another story's (a novel's dialogue, a letter).
    for (const w of INFORMAL_WORDS.get(q.token) ?? []) {
      const t = termOf(w);
      if (t && index.df.has(t)) standIn(own, t, SLOTS.irregularCredit);
    }
    if (q.dayOfMonth) {
      // "August 8" is "August 8th" in the text: the day as an ordinal is the same date.
      const ordinal = ordinalTerm(q.token);
      if (ordinal && index.df.has(ordinal)) {
        alternatives.push(ordinal);
        credits.push(1);
        evidence.push(1);
      }
    }
    // A count typed as a digit is the count the text writes as a word ("5" / "five"), and the other way round; a small
    // one also stands for its ordinal, a little less ("5 year anniversary" / "fifth anniversary").
    for (const { term, credit } of numberForms(q.token, question)) if (index.df.has(term)) standIn(own, term, credit);
    if (alternatives.length === 1 && !index.df.has(q.term)) {
      // The other spelling of a British or American word ("centre" / "center") is the same word.
      for (const t of spellingVariants(q.token)) if (index.df.has(t)) standIn(own, t, 1);
    }
    if (alternatives.length === 1 && !index.df.has(q.term)) {
      // Letters and digits written together ("D8", "covid19") are the material's hyphenated name ("D-8", "COVID-19")
      // when a passage holds both parts; a plural of a code's number ("V-1s", read "v" and "1s") is its number.
      const plural = /^(\d+)s$/.exec(q.term)?.[1];
      const parts = plural ? null : /^([a-z]+)(\d+)$|^(\d+)([a-z]+)$/.exec(q.term);
      const split = parts ? parts.slice(1).filter((x): x is string => x !== undefined) : [];
      if (plural && index.df.has(plural)) {
        alternatives.push(plural);
        credits.push(1);
        evidence.push(1);
      }
      if (split.length === 2 && hasAll(index, split)) {
        for (const t of split) {
          alternatives.push(t);
          credits.push(1);
          evidence.push(1);
        }
      }
    }
    if (alternatives.length === 1 && !index.df.has(q.term)) {
      // Two or three letters in lower case that start the one name the material has so ("nor" for Norway).
      for (const t of shortFormOf(index, ctx.wordnet(), q.token)) {
        alternatives.push(t);
        credits.push(SLOTS.shortFormCredit);
        evidence.push(SLOTS.shortFormCredit);
      }
      if (alternatives.length > 1) named = true;
    }
    // A mixed-case word ("iPhone") is a name: never corrected into a known word ("phone", "siphon").
    if (alternatives.length === 1 && !index.df.has(q.term) && !q.mixedCase) {
      // A word the material does not use: a real English word may be a synonym of one it does use;
      // anything else is taken for a typo.
      // An irregular past ("went", "wrote") is looked up by its base form, which WordNet lists: never a typo ("went" is
      // not "west").
      const base = irregularPast(q.token) ? irregularForms(q.token)[0] : undefined;
      const synonyms = synonymTerms(index, ctx.wordnet(), base ?? q.token);
      if (synonyms) {
        for (const { term, close } of synonyms) {
          alternatives.push(term);
          credits.push(SLOTS.synonymCredit);
          evidence.push(close ? SLOTS.closeSynonymEvidence : 0);
        }
      } else {
        // The word's one-letter slips that the material uses, read once for both uses below.
        const slips = typoCandidates(index, q.token);
        if (!named && namesSomething(ctx.vectors ?? null, q.token, q.inflected, slips)) {
          // "lakers", "netflix": a word in common use that no dictionary lists is a name, not a typo; one the material
          // never uses is a name it never mentions.
          named = true;
        } else {
          // A name is not corrected into a longer or shorter name ("Connall" is not "Connally", "Carla" not "Carl"), a
          // slip at its end; one inside it is a typo ("Azerbijan", and a capitalised word: "Employmment").
          const typos = slips.filter((c) => !named || !c.atEnd);
          const fix = typos.length
            ? {
                term: typos[0]!.term,
                credit: SLOTS.typoCredit,
                others: typos.slice(1, SLOTS.maxCorrections).map((c) => c.term),
              }
            : namedFix(named, q.term, correctTerm(index, q.term));
          if (fix) {
            for (const t of [fix.term, ...fix.others]) {
              alternatives.push(t);
              credits.push(fix.credit);
              evidence.push(fix.credit);
            }
          }
        }
      }
    }
    // A slip the material shares by chance: a big collection writes most misspellings once or twice ("committe"), and a
    // word no dictionary lists that one slip away is a word the material uses far more often is that word as meant.
    if (!named && !q.mixedCase && alternatives.length === 1) {
      for (const t of sharedSlips(index, ctx.wordnet(), q.token, q.term)) {
        alternatives.push(t);
        credits.push(SLOTS.typoCredit);
        evidence.push(SLOTS.typoCredit);
      }
    }
    const wordnet = ctx.wordnet();
    const nameLike =
      !named &&
      wordnet !== null &&
      /^[a-z]{4,}$/.test(q.token) &&
      !MONTH_WORD.test(q.token) &&
      (wordnet.placeName(q.token) || wordnet.capitalised(q.token));
    slots.push({
      term: q.term,
      token: q.token,
      alternatives,
      credits,
      evidence,
      weight: 0,
      named,
      inflected: q.inflected,
      unknown: false,
      ...(q.relation ? { relation: true as const } : {}),
      ...(q.acronym ? { acronym: true as const } : {}),
      ...(nameLike ? { nameLike: true as const } : {}),
    });
  }
  phrasalVerbs(ctx.wordnet(), index, question, slots);
  lightVerbs(ctx.wordnet(), index, question, slots);
  beDefinedVerbs(ctx.wordnet(), index, question, slots);
  writtenAsNames(index, ctx.wordnet(), question, slots);
  compoundSynonyms(ctx.wordnet(), index, question, slots);
  hyphenedSynonyms(ctx.wordnet(), index, question, slots);
  seasonMonths(index, question, slots);
  titleAbbreviations(index, slots);
  // Alias groups: when one name of a group is in the question, any other name satisfies it.
  for (const group of aliasGroups) {
    const matched = group.find((form) => form.length > 0 && form.every((t) => present.has(t)));
    if (!matched) continue;
    // A name of several words stands in only where the material has it whole: "UN" is not "United" (States) and
    // "Nations" apart. (A one-word name the material lacks matches nothing anyway.)
    const forms = group.filter((f) => f !== matched && (f.length < 2 || hasAll(index, f)));
    const others = forms.flat();
    for (const slot of slots) {
      if (!matched.includes(slot.term)) continue;
      for (const form of forms) {
        if (form.length < 2) continue;
        slot.joint ??= new Map();
        // The question's own name stands alone: "Washington" is not held to the "DC" of "Washington DC".
        for (const t of form) if (!matched.includes(t)) slot.joint.set(t, form);
      }
      for (const t of others) standIn(slot, t, 1);
    }
  }
  const unknownWeight = idf(index, 0);
  for (const slot of slots) {
    // Rarity of the question's own word when the material has it, else of its first known stand-in.
    // Synonyms do not count here: a question word known only through a synonym is still one the material does not use.
    const known = slot.alternatives
      .map((t, i) => (slot.evidence[i]! > 0 ? (index.df.get(t) ?? 0) : 0))
      .filter((df) => df > 0);
    slot.unknown = known.length === 0;
    // A verb the material never uses is weaker evidence against an answer than a missing noun or name:
    // questions paraphrase verbs ("raised" for "elevating") far more often than they swap topics.
    slot.weight = slot.unknown
      ? unknownWeight * (isPredicate(ctx.wordnet(), slot) ? ABSTENTION.unknownVerbFactor : 1)
      : idf(index, known[0]!);
    if (lowerCaseAcronym(ctx.wordnet(), slot)) slot.acronym = true;
  }
  // "the plan linked to X" where the material never writes "linked": it relates the plan to X in its own words.
  return slots.filter((s) => !(s.unknown && s.relation));
}

/** The months of each season as the northern hemisphere counts them (most English news is written there). */
const SEASON_MONTHS: Readonly<Record<string, readonly string[]>> = {
  spring: ['march', 'april', 'may'],
  summer: ['june', 'july', 'august'],
  autumn: ['september', 'october', 'november'],
  fall: ['september', 'october', 'november'],
  winter: ['december', 'january', 'february'],
};

/** "spring" or "fall" after a word of time: the season, not the verb or "the fall of X". */
const SEASON_AFTER_TIME_WORD =
  /\b(?:this|last|next|that|early|late|mid|in|during|over|by|until|since|through)(?: the)?[ -](spring|fall)\b/g;

/**
 * A season ("over the summer", "last winter") is its months: the material dates things by month ("in July"), and
 * WordNet relates no month to its season. Each month the material names stands in, as a close synonym does. "spring"
 * and "fall" are seasons only after a word of time ("this fall", "in the spring"), else a verb or "the fall of X".
 */
function seasonMonths(index: SearchIndex, question: string, slots: Slot[]): void {
  let seasons: Set<string> | undefined;
  for (const slot of slots) {
    const months = Object.hasOwn(SEASON_MONTHS, slot.token) ? SEASON_MONTHS[slot.token]! : null;
    if (!months || slot.named) continue;
    if (slot.token === 'spring' || slot.token === 'fall') {
      seasons ??= new Set([...fold(question).matchAll(SEASON_AFTER_TIME_WORD)].map((m) => m[1]!));
      if (!seasons.has(slot.token)) continue;
    }
    for (const month of months) {
      const t = termOf(month);
      if (t && index.df.has(t)) standIn(slot, t, SLOTS.synonymCredit, SLOTS.closeSynonymEvidence);
    }
  }
}

/**
 * Phrasal verbs ("take part in", "rest on", "set up"): WordNet lists them as one verb with its own meaning, which
 * neither word has alone. The verb's slot takes the meanings that the material uses ("rest on" → built, from "build
 * on"; a synonym's credit), keeps the words as written, and soft-matches by the meanings' vectors ("participate" ≈
 * "joining"); the second word's slot, if it has one, joins it.
 */
/**
 * Whether a passage of the material holds every one of `terms`: one that does scores above those holding some, so
 * the best few passages of a search for them tell.
 */
function hasAll(index: SearchIndex, terms: string[]): boolean {
  const ids = terms.map((t) => index.termId(t));
  if (ids.some((id) => id < 0)) return false;
  return index.passageIndex.search(terms.join(' '), { ...TERM_QUERY, limit: SLOTS.aliasPassages }).some((h) => {
    const own = index.passageTermIds(h.id);
    return ids.every((id) => own.includes(id));
  });
}

/**
 * Members type names in lower case ("the state department", "prairie national park"): a run of two or more of the
 * question's lower-case words that the material writes as one capitalised name ("State Department") is name-like, as
 * the name typed capitalised would be: the answer's story must have it. A word known as a name may be one of the run
 * ("chicago skyway"), and the others are name-like with it. A capitalised run right before another
 * capitalised word is a title before a name ("Foreign Minister Jeyhun …"), which names no thing of its own; one right
 * after another is the end of a longer name.
 */
function writtenAsNames(index: SearchIndex, wordnet: WordNet | null, question: string, slots: Slot[]): void {
  const runs: { raw: string; slot: Slot }[][] = [];
  let run: { raw: string; slot: Slot }[] = [];
  let end = -1;
  for (const m of question.matchAll(/\p{L}+/gu)) {
    const raw = m[0];
    const slot =
      raw === raw.toLowerCase() && raw.length >= 3 && !STOP_WORDS.has(raw)
        ? slots.find((s) => s.token === raw && !s.unknown)
        : undefined;
    // Only a space between two words of a run ("state department", not "state's department" or "state, department").
    if (!slot || (run.length > 0 && !/^ +$/.test(question.slice(end, m.index)))) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    if (slot) run.push({ raw, slot });
    end = m.index + raw.length;
  }
  if (run.length > 1) runs.push(run);
  for (const words of runs.map((r) => r.slice(0, SLOTS.nameRunWords))) {
    const texts = (n: number, from: number) =>
      index.passageIndex
        .docsWithAll(
          words.slice(from, from + n).map((w) => index.termId(w.slot.term)),
          SLOTS.aliasPassages,
          SLOTS.nameScan,
        )
        .map((doc) => index.passages[doc]!.text);
    // The longest stretch the material writes capitalised; the words of a shorter one within it are taken already.
    const taken = new Set<Slot>();
    for (let n = words.length; n >= 2; n--) {
      for (let from = 0; from + n <= words.length; from++) {
        const part = words.slice(from, from + n);
        if (part.some((w) => taken.has(w.slot))) continue;
        // A name already ("chicago") joins the run for the word it names a thing with ("chicago skyway": the Chicago
        // Skyway), which is name-like then; a run of names alone has nothing more to tell.
        if (part.every((w) => w.slot.named)) continue;
        // A title ("Prime Minister", "Vice President") is a role, which its own checks read, not a name.
        if (wordnet?.nounClasses(part[n - 1]!.raw, 1)[0] === NOUN_PERSON) continue;
        const name = part.map((w) => capitalise(w.raw)).join(' ');
        if (!texts(n, from).some((t) => writesName(t, name))) continue;
        // Each word stands for the name only with the rest of it ("Service" of another bureau).
        const form = part.map((w) => w.slot.term);
        for (const w of part) {
          if (w.slot.named) continue;
          w.slot.nameLike = true;
          w.slot.joint ??= new Map();
          w.slot.joint.set(w.slot.term, form);
          taken.add(w.slot);
        }
      }
    }
  }
}

/**
 * Whether `text` writes `name` (capitalised words, one space apart) whole: not inside a word, not right before another
 * capitalised word (a title before a name), not the end of a longer name (`endsName`). Found by plain string search:
 * a pattern with look-arounds run over every candidate passage cost more than the rest of reading the question.
 */
function writesName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (at > 0 && /\p{L}/u.test(text[at - 1]!)) continue;
    if (end < text.length && /\p{L}/u.test(text[end]!)) continue;
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
    if (!endsName(text.slice(Math.max(0, at - SLOTS.nameContextChars), at))) return true;
  }
  return false;
}

/**
 * Whether text ending right before a capitalised run makes it the end of a longer name: a capitalised word right before
 * it ("Harvard Business School" is no business school), or one before a joiner ("Commission on Civil Rights"). After
 * an article ("the Business School"), a quote or a sentence's end, the run is a name of its own.
 */
function endsName(before: string): boolean {
  if (!/\s$/.test(before)) return false;
  const [last, previous] = before.split(/\s+/).slice(0, -1).reverse();
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w) && !/[.!?:;"”]$/.test(w);
  if (last === undefined || /^(?:the|a|an)$/i.test(last)) return false;
  return /^(?:of|on|for|and|de|&)$/.test(last) ? capital(previous) : capital(last);
}

/** Words that make a phrasal verb with the verb before them, whatever follows. */
const PARTICLES = new Set(['up', 'out', 'down', 'off', 'away', 'back', 'over']);

/** Wh-words that ask for a preposition's object where it stands ("rests on *what*"), as a stranded one does. */
const IN_PLACE = new Set(['what', 'which', 'whom', 'whose']);

function phrasalVerbs(wordnet: WordNet | null, index: SearchIndex, question: string, slots: Slot[]): void {
  if (!wordnet) return;
  const words = fold(question).match(/[a-z]+/g) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, second] = [words[i]!, words[i + 1]!];
    const light = LIGHT_PHRASAL.test(first);
    if (STOP_WORDS.has(first) && !light) continue;
    // A preposition that heads its own phrase is no part of the verb ("sign *in 2025*", "live *in* X", "work *on*
    // projects"): it counts only as a particle ("set *up*"), a noun ("take *part*") or stranded at the end ("rest *on*?").
    // A wh-word right after it asks for its object in place ("rests *on what* foundation", "swore off *what*"), the
    // same question as the stranded one ("what foundation does it rest on").
    if (STOP_WORDS.has(second) && !PARTICLES.has(second) && i + 2 < words.length && !IN_PLACE.has(words[i + 2]!))
      continue;
    const lemma = wordnet.phrasalVerb(first, second, irregularForms(first));
    if (!lemma) continue;
    const at = slots.findIndex((s) => s.token === first);
    const other = slots.findIndex((s) => s.token === second);
    // "give up", "get back": a verb read as a stop word ("give me", "got") with its particle, neither of which has a
    // slot, is the question's verb all the same: a slot of its own, found by what it means ("renounce", "abandon").
    const made = at < 0 && other < 0 && light ? phrasalSlot(lemma, first, words, i, slots) : null;
    const slot = made?.slot ?? slots[at >= 0 ? at : other];
    if (!slot || slot.meanings) continue;
    const meanings = wordnet.phrasalMeanings(lemma);
    if (meanings.length === 0) continue;
    if (made) slots.splice(made.at, 0, made.slot);
    slot.meanings = meanings;
    if (at >= 0 && other >= 0) {
      const [gone] = slots.splice(other, 1);
      slot.alternatives.push(gone!.term);
      slot.credits.push(1);
      slot.evidence.push(1);
    }
    // A light verb's phrasal verb is many verbs ("give up": quit, abandon, renounce, surrender): each of its senses that
    // the material uses stands in, and soft matching goes by the commonest only (the rare ones, "fall", "lay", "free",
    // are near too many words).
    addMeanings(index, slot, made ? wordnet.phrasalMeanings(lemma, SLOTS.lightPhrasalSenses) : meanings);
  }
}

/**
 * Two question words that WordNet lists as one noun ("home runs", "police officer", "football player") may be one word
 * in the text ("homers", "policeman", "footballer"): the compound's synonyms in its commonest sense that the material
 * uses stand in for each of the two words, a synonym's credit and a close synonym's evidence.
 */
function compoundSynonyms(wordnet: WordNet | null, index: SearchIndex, question: string, slots: Slot[]): void {
  if (!wordnet) return;
  const words = fold(question).match(/[a-z]+/g) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, second] = [words[i]!, words[i + 1]!];
    if (STOP_WORDS.has(first) || STOP_WORDS.has(second)) continue;
    const a = slots.find((s) => s.token === first && !s.named);
    const b = slots.find((s) => s.token === second && !s.named);
    if (!a || !b || a === b) continue;
    const lemma = `${first}_${wordnet.nounBase(second) ?? second}`;
    const own = new Set([a.term, b.term]);
    const terms = wordnet
      .closeSynonyms(lemma)
      .map((w) => termOf(w))
      .filter((t): t is string => t !== null && !own.has(t) && index.df.has(t));
    for (const slot of [a, b]) for (const t of terms) standIn(slot, t, SLOTS.synonymCredit, SLOTS.closeSynonymEvidence);
  }
}

/**
 * A hyphened word that WordNet lists whole ("go-between", "co-op", "three-way") means what its parts do not: its
 * synonyms that the material uses ("mediator", "cooperative", "tripartite") stand in for each of its words that has a
 * slot, a synonym's credit and, in its commonest sense, a close synonym's evidence. Its parts are read as before: a text
 * may write the word itself.
 */
function hyphenedSynonyms(wordnet: WordNet | null, index: SearchIndex, question: string, slots: Slot[]): void {
  if (!wordnet) return;
  for (const m of fold(question).matchAll(/\b[a-z]+(?:-[a-z]+)+\b/g)) {
    const found = synonymTerms(index, wordnet, m[0]);
    if (!found || found.length === 0) continue;
    const parts = m[0].split('-');
    for (const slot of slots) {
      if (slot.named || !parts.includes(slot.token)) continue;
      for (const { term, close } of found)
        standIn(slot, term, SLOTS.synonymCredit, close ? SLOTS.closeSynonymEvidence : 0);
    }
  }
}

/**
 * Titles news writes abbreviated before a name ("Rep. Frank Kowalski", "Sen. McClellan", "Gov. Brown", "Sgt. Ray
 * Dixon"): the title's word, or a word for the same office ("congressman"), and the abbreviation it is written as.
 */
const TITLE_ABBREVIATIONS: [words: string[], abbreviation: string][] = [
  [['representative', 'congressman', 'congresswoman'], 'rep'],
  [['senator'], 'sen'],
  [['governor'], 'gov'],
  [['lieutenant'], 'lt'],
  [['sergeant'], 'sgt'],
  [['captain'], 'capt'],
  [['colonel'], 'col'],
  [['professor'], 'prof'],
  [['reverend'], 'rev'],
  [['superintendent'], 'supt'],
];

/**
 * A title the question writes in full ("which congressman", "the senator") stands in by the abbreviation news writes
 * before a name ("Rep.", "Sen."): with full credit for the title's own word, a synonym's for another word of the office.
 */
function titleAbbreviations(index: SearchIndex, slots: Slot[]): void {
  for (const slot of slots) {
    if (slot.named) continue;
    for (const { abbreviation, at } of TITLES_BY_TERM.get(slot.term) ?? []) {
      if (!index.df.get(abbreviation)) continue;
      standIn(slot, abbreviation, at === 0 ? 1 : SLOTS.synonymCredit, at === 0 ? 1 : SLOTS.closeSynonymEvidence);
    }
  }
}

/**
 * `TITLE_ABBREVIATIONS` by the terms of their words, worked out once (not for every slot of every question): each
 * term's abbreviations in the list's order, with the place of the first of the title's words that has the term.
 */
const TITLES_BY_TERM = (() => {
  const out = new Map<string, { abbreviation: string; at: number }[]>();
  for (const [words, abbreviation] of TITLE_ABBREVIATIONS) {
    const seen = new Set<string>();
    words.forEach((w, at) => {
      const t = termOf(w);
      if (t === null || seen.has(t)) return;
      seen.add(t);
      let list = out.get(t);
      if (!list) out.set(t, (list = []));
      list.push({ abbreviation, at });
    });
  }
  return out;
})();

/**
 * Stop words that are verbs of phrasal verbs ("give up", "gave in", "get back", "got over"): read as the verb with its
 * particle (`phrasalVerbs`), never alone ("give me", "got").
 */
const LIGHT_PHRASAL = /^(?:give|gives|gave|given|giving|get|gets|got|gotten|getting)$/;

/**
 * A slot for a phrasal verb whose words have none (`LIGHT_PHRASAL`), and where it goes among the slots (before the
 * first slot of a later word): its term is the lemma ("give_up"), which no text has, so only its meanings stand in.
 */
function phrasalSlot(
  lemma: string,
  first: string,
  words: readonly string[],
  i: number,
  slots: readonly Slot[],
): { slot: Slot; at: number } {
  let at = slots.findIndex((s) => words.indexOf(s.token) > i);
  if (at < 0) at = slots.length;
  const slot: Slot = {
    term: lemma,
    token: first,
    alternatives: [lemma],
    credits: [1],
    evidence: [1],
    weight: 0,
    named: false,
    inflected: first !== lemma.split('_')[0],
    unknown: false,
  };
  return { slot, at };
}

/** A phrasal or light verb's meanings (and their irregular forms) that the material uses join its slot's stand-ins. */
function addMeanings(index: SearchIndex, slot: Slot, meanings: string[]): void {
  for (const word of meanings) {
    for (const t of [word, ...irregularForms(word)].map((w) => termOf(w)))
      if (t && index.df.has(t)) standIn(slot, t, SLOTS.synonymCredit, SLOTS.phrasalEvidence);
  }
}

/** Forms of "make" that, with the word after them, say what one verb says ("made public" → released). */
const LIGHT_VERB = /^(?:make|makes|made|making)$/;
/** Words an object between a light verb and its complement may run to ("made *the agreement text* public"). */
const LIGHT_OBJECT_WORDS = 3;

/**
 * Light verbs with their complement ("made public", "make known", "made available"): WordNet defines verbs as just
 * those words ("publicize: make public"), and the verbs under them are what the text may use ("release", "publish",
 * "announce"). Read like a phrasal verb: the verb's slot takes those meanings that the material uses (a synonym's
 * credit) and soft-matches by them, and the complement's slot joins it, so "publicly" alone no longer counts as half
 * the question.
 */
function lightVerbs(wordnet: WordNet | null, index: SearchIndex, question: string, slots: Slot[]): void {
  if (!wordnet) return;
  const words = fold(question).match(/[a-z]+/g) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i]!;
    if (!LIGHT_VERB.test(first)) continue;
    const at = slots.findIndex((s) => s.token === first);
    const slot = slots[at];
    if (!slot || slot.meanings) continue;
    // The complement comes next ("made public") or after a short object ("made the text public").
    let second = '';
    let meanings: string[] = [];
    for (const w of words.slice(i + 1, i + 2 + LIGHT_OBJECT_WORDS)) {
      if (STOP_WORDS.has(w)) continue;
      meanings = wordnet.definedAs(`make ${w}`);
      if (meanings.length > 0) {
        second = w;
        break;
      }
    }
    if (meanings.length === 0) continue;
    const other = slots.findIndex((s) => s.token === second);
    slot.meanings = meanings;
    if (other >= 0) {
      const [gone] = slots.splice(other, 1);
      for (const [k, t] of gone!.alternatives.entries()) standIn(slot, t, gone!.credits[k]!, gone!.evidence[k]!);
    }
    addMeanings(index, slot, meanings);
  }
}

/** Prepositions after a participle that WordNet's "be … on" definitions use. */
const DEFINED_PREPOSITIONS = new Set(['on', 'upon', 'in', 'of', 'from', 'by', 'to', 'with', 'for', 'at']);

/**
 * A participle or adjective with its preposition that WordNet defines verbs by ("based on": "build on, rest on: be based
 * on"): the text may use one of those verbs ("is built on its energy advantages"). Read for a word the material never
 * uses, like a light verb: its slot takes the verbs the material uses (a synonym's credit, a phrasal verb's evidence)
 * and soft-matches by them.
 */
function beDefinedVerbs(wordnet: WordNet | null, index: SearchIndex, question: string, slots: Slot[]): void {
  if (!wordnet) return;
  const words = fold(question).match(/[a-z]+/g) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, second] = [words[i]!, words[i + 1]!];
    if (!DEFINED_PREPOSITIONS.has(second)) continue;
    const slot = slots.find((s) => s.token === first);
    if (!slot || slot.meanings || index.df.has(slot.term)) continue;
    const meanings = wordnet.definedAs(`be ${first} ${second}`);
    if (meanings.length === 0) continue;
    slot.meanings = meanings;
    addMeanings(index, slot, meanings);
  }
}

/**
 * Whether a lowercase word that neither the material nor the dictionary (WordNet) has is a name rather than a typo:
 * it is a word in common use (the word vectors, built from the most frequent 150,000 words of a large corpus, have
 * it), a typing slip away from some known word, not an inflected form the dictionary misses ("carried"), every known
 * word a typing slip away is unrelated in meaning ("lakers" → "bakers", "makers", "layers": cosine below
 * `SLOTS.typoMinCosine`), and it is not far rarer than the commonest of them (`SLOTS.nameMaxRankRatio`). A misspelling
 * ("documnets") is seldom among the frequent words, one that is ("evey") is far rarer than the word meant ("every"),
 * and a frequent variant of a known word ("carries") is close to it.
 */
function namesSomething(
  vectors: TermVectors | null,
  token: string,
  inflected: boolean,
  typos: readonly { term: string }[],
): boolean {
  if (!vectors || inflected || token.length < SLOTS.minCorrectable || !/^[a-z]+$/.test(token)) return false;
  const word = WORD_KEY + token;
  if (!vectors.vector(word)) return false;
  const slips = typos.slice(0, SLOTS.maxCorrections);
  let commonest = Infinity;
  for (const { term } of slips) {
    const cos = vectors.cosine(word, term);
    if (cos === null || cos >= SLOTS.typoMinCosine) return false;
    commonest = Math.min(commonest, vectors.rank(term) ?? Infinity);
  }
  // Without a known word to bend it into, the word stays as it is: unknown, weighed by the abstention model.
  if (slips.length === 0) return false;
  // A misspelling the corpus happens to hold is far rarer than the word meant ("evey" 136,935 against "every" 344); a
  // name in common use is not ("lakers" 4,136 against "makers" 3,573).
  const rank = vectors.rank(word);
  return rank !== null && rank <= SLOTS.nameMaxRankRatio * commonest;
}

/** British and American spellings of one word, as terms: "centre" / "center", "organisation" / "organization". */
const SPELLINGS: [RegExp, string][] = [
  [/re$/, 'er'],
  [/er$/, 're'],
  [/our(s?)$/, 'or$1'],
  [/or(s?)$/, 'our$1'],
  [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
  [/iz(e|es|ed|ing|ation|ations)$/, 'is$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/yz(e|es|ed|ing)$/, 'ys$1'],
  [/ogue(s?)$/, 'og$1'],
  [/og(s?)$/, 'ogue$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/([^l])l(ed|ing|er|ers)$/, '$1ll$2'],
  [/mme(s?)$/, 'm$1'],
  [/ram(s?)$/, 'ramme$1'],
  [/ence$/, 'ense'],
  [/ense$/, 'ence'],
];

export function spellingVariants(token: string): string[] {
  if (token.length < 5 || !/^[a-z]+$/.test(token)) return [];
  const out: string[] = [];
  for (const [re, to] of SPELLINGS) {
    if (!re.test(token)) continue;
    const t = termOf(token.replace(re, to));
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Alias groups as term lists, once per knowledge base. */
export function aliasTerms(aliases: string[][]): string[][][] {
  return aliases.map((group) => group.map((name) => terms(name)).filter((t) => t.length > 0));
}

/**
 * A question word the material uses may still be written otherwise in the story that answers it ("nation" for
 * "country"): on a collection of many stories almost every common word is used somewhere, so the synonyms `buildSlots`
 * reads for a word the material lacks would never help there. After the search, the word's close synonyms (its
 * commonest sense, `WordNet.closeSynonyms`) that one of the best passages' stories holds while it lacks the word
 * (`lacks`) stand in for it as evidence only (a close synonym's, no ranking credit): whether the material answers,
 * not which sentence does. Never for a name, a word that may name a place, or a number, nor a synonym the stemmer cuts
 * short.
 */
export function addHeldSynonyms(
  wordnet: WordNet | null,
  slots: Slot[],
  lacks: (term: string) => (synonym: string) => boolean,
): void {
  if (!wordnet) return;
  for (const slot of slots) {
    if (slot.named || slot.nameLike || slot.unknown || /\d/.test(slot.term)) continue;
    if (!/^[a-z]+$/.test(slot.token) || STOP_WORDS.has(slot.token)) continue;
    const heldWithout = lacks(slot.term);
    for (const w of wordnet.closeSynonyms(slot.token)) {
      // A synonym the stemmer cuts short ("earnings" → "earn") would be found in other words ("earned").
      const t = termOf(w);
      if (t && t.length >= w.length - 1 && t !== slot.term && heldWithout(t))
        standIn(slot, t, 0, SLOTS.closeSynonymEvidence);
    }
  }
}
