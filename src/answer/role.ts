import { fold } from '../text/terms.ts';
import { PERSON_TITLE } from './evidence.ts';

/**
 * The role a "who" question asks the holder of: "Who is the mayor of Tokyo?", "who's the new president of the Columbus
 * Day committee", "Who is Norway's top diplomat?", "Who will be the Eagles' quarterback next season?", "Who is the
 * chief defense lawyer in the Summerdale trial?". The one reader of it: kinds.ts reads it once a question
 * (`readChecks`, which leaves attributes such as "X's wife" to its kind checks), and the scope check (scope.ts: the role
 * with a person's name beside it in the quoted window) reads what it returns. A "who" question that only mentions a role ("Who did the mayor meet?") asks for someone else: no
 * role is read.
 */
export interface AskedRole {
  /** The role's head word, folded ("minister"). */
  role: string;
  /** The words before it that tell roles apart ("prime" minister, "basketball" coach); framing words left out. */
  mods: string[];
  /** Whose role it is, as the question writes it (folded: "notre dame", "norway"), or null. */
  of: string | null;
  /** The words of `of`, without a possessive ending. */
  ofWords: string[];
  /** Whether the question asks who held it ("who was"), so a "former" holder answers too. */
  past: boolean;
  /**
   * Asked as "what's the name of …" rather than "who is …": a role only if its word names a person ("the name of the
   * treaty" asks for no holder), which the checks read with WordNet.
   */
  byName?: true;
}

/** A question asking who holds something: "who is", "who's", "who will be", "which person was". */
const HOLDER =
  /^\W*(?:who|whom|which (?:person|man|woman))(?:'s| is| was| are| were| will be| would be| has been| had been| could be| might be) /;

/**
 * A question asking a holder's name: "what's the name of Y's top diplomat", "what was the name of the president of Y",
 * and chat's telegraphic "name of Y's envoy". It asks who holds the role when the role names a person
 * (`AskedRole.byName`: WordNet tells, where the checks read it).
 */
const NAME_OF = /^\W*(?:what(?:'s|s| is| was| were| are) the |the )?(?:full )?names? of /;

/**
 * Chat's ways of asking a holder with the role first, read as "who is the …": "which US president was it at the
 * summit" (an office's title before "was it": "which country was it" asks no holder).
 */
const CHAT_HOLDER = /^\W*which ((?:[\p{L}-]+ ){0,2}([\p{L}-]+)) (is|was) (?:it|that|this|he|she) /u;
/** "Y's counterpart, what's his name", "the envoy in Y, who is it": the role, then its holder's name asked. */
const CHAT_NAMED_LAST =
  /^\W*((?:the )?(?:[\p{L}-]+(?:'s|s') )?(?:[\p{L}-]+ ){0,3}[\p{L}-]+),? (?:what(?:'s|s| is| was) (?:his|her|their) (?:full )?name|who(?:'s| is| was) (?:it|that|he|she))$/u;

/** Words that end a role's or its owner's phrase ("X's top diplomat now", "the president of Brazil in 2012"). */
const PHRASE_END =
  /^(?:next|this|last|now|today|currently|then|in|at|of|for|on|to|from|with|by|during|after|before|when|since|these|those|and|or|who|that|which|is|was|are|were|will|would)$/;

/** Prepositions that say whose a role is after it: "the president of Y", "the coach at Y", "the lawyer in the Y trial". */
const OWNER_PREP = /^(?:of|at|in|for|on)$/;

/** Question words that frame a role, not part of it ("the new mayor", "the current president"). */
const ROLE_FRAME = new Set([
  'new',
  'current',
  'next',
  'present',
  'acting',
  'then',
  'former',
  'incoming',
  'outgoing',
  // "the top diplomat", "the top official", "the main speaker": the highest one, not a kind of role that a text names
  // (it writes "the principal speaker").
  'top',
  'main',
]);

/** Words after "who is the" that only frame what is asked ("the name of X", "the man in …"), never a role. */
const NOT_ROLES = new Set(
  'name names title number amount kind type sort part rest one ones first last end start date time year day age cause result reason way person people man men woman women guy'.split(
    ' ',
  ),
);

/** Words that open a relative clause after a role ("the president who …", "the coach that …"). */
const RELATIVE = /^(?:who|whom|that|which|whose)$/;

/** Words of the present that end a question ("right now", "currently", "these days"). */
const TIME_FRAME = /\s+(?:right now|now|currently|presently|at present|at the moment|today|these days|nowadays)$/;
const POSSESSIVE = /(?:'s|s'|')$/;
const DETERMINER = /^(?:the|a|an)$/;
/** How many words a role's phrase, or its owner's, may run to. */
const MAX_ROLE_WORDS = 3;
const MAX_OWNER_WORDS = 5;

/** A phrase's words up to the first that ends it, at most `max`. */
function phrase(words: string[], max: number): string[] {
  // A participle after the role with a preposition after it starts a clause about the holder ("Y's envoy *posted in* Z",
  // "the man arrested at …"); "the newly elected mayor" keeps its words.
  const end = words.findIndex(
    (w, i) => PHRASE_END.test(w) || (i > 0 && /\p{L}{3}ed$/u.test(w) && OWNER_PREP.test(words[i + 1] ?? '')),
  );
  return words.slice(0, end < 0 ? max : Math.min(end, max)).filter(Boolean);
}

/** The role `question` asks the holder of, with its modifiers and owner, or null. */
export function askedRole(question: string): AskedRole | null {
  const q = fold(question)
    .replace(/[?!.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    // "Who is the state controller right now": when is asked, not a role's word.
    .replace(TIME_FRAME, '')
    .replace(CHAT_HOLDER, (m: string, role: string, head: string, verb: string) =>
      PERSON_TITLE.test(head) ? `who ${verb} the ${role} ` : m,
    )
    .replace(CHAT_NAMED_LAST, (_m, role: string) => `who is ${role}`);
  const m = HOLDER.exec(q) ?? NAME_OF.exec(q);
  if (!m) return null;
  const byName = !/^\W*(?:who|whom|which)\b/.test(m[0]);
  const words = q.slice(m[0].length).split(' ').filter(Boolean);
  const determined = DETERMINER.test(words[0] ?? '');
  let rest = determined ? words.slice(1) : words;
  // "the US president who hosted the summit": an office's title ends the role where a relative clause starts, which
  // says which holder. Not a description ("the patrol kid who got the number"): the story may call its holder otherwise.
  const relative = rest.findIndex((w) => RELATIVE.test(w));
  if (relative > 0 && PERSON_TITLE.test(rest[relative - 1]!)) rest = rest.slice(0, relative);
  // A possessive inside a relative clause is the clause's ("the mechanic that warmed up Fogg's plane"), not whose role.
  const possessive = rest.findIndex((w, i) => POSSESSIVE.test(w) && (relative < 0 || i < relative));
  const prep = rest.findIndex((w) => OWNER_PREP.test(w));
  let found: { role: string[]; owner: string[] } | null = null;
  if (possessive >= 0 && possessive < MAX_OWNER_WORDS && (prep < 0 || possessive < prep)) {
    // "Norway's top diplomat", "the Notre Dame men's basketball coach in 2014".
    found = { owner: rest.slice(0, possessive + 1), role: phrase(rest.slice(possessive + 1), MAX_ROLE_WORDS) };
  } else if (prep > 0 && prep <= MAX_ROLE_WORDS + 1 && (determined || rest[prep] === 'of')) {
    // "the mayor of Tokyo", "president of Brazil" (without "the" only with "of": "who's starting for the Cards").
    const after = rest.slice(prep + 1);
    found = {
      role: rest.slice(0, prep),
      owner: phrase(DETERMINER.test(after[0] ?? '') ? after.slice(1) : after, MAX_OWNER_WORDS),
    };
  } else if (determined && prep < 0 && rest.length > 0 && rest.length <= MAX_ROLE_WORDS) {
    // "Who is the president?"
    found = { role: rest, owner: [] };
  }
  if (!found || found.role.length === 0 || found.role.some((w) => POSSESSIVE.test(w))) return null;
  const role = found.role[found.role.length - 1]!;
  if (NOT_ROLES.has(role) || !/^\p{L}[\p{L}-]*$/u.test(role)) return null;
  const ofWords = found.owner.map((w) => w.replace(POSSESSIVE, '')).filter((w) => w && !DETERMINER.test(w));
  return {
    role,
    mods: found.role.slice(0, -1).filter((w) => !ROLE_FRAME.has(w)),
    of: ofWords.length > 0 ? ofWords.join(' ') : null,
    ofWords,
    past: /\b(?:was|were|had been)\s*$/.test(m[0]) || /^\W*what (?:was|were)\b/.test(m[0]),
    ...(byName ? { byName: true as const } : {}),
  };
}

/** "who was the amateur that played …": the role's noun before a relative clause, which `askedRole` does not read. */
const RELATIVE_ROLE =
  /^\W*(?:who|whom)(?:'s| is| was| are| were) (?:the|a|an) (?:[\p{L}-]+ ){0,2}?([\p{L}-]+) (?:that|who|which|whom)\b/u;

/**
 * The noun of the role a "who" question asks the holder of ("who's the coahr chairman" → chairman, "who was the
 * amateur that played with …" → amateur), folded, or null.
 */
export function roleNoun(question: string): string | null {
  const read = askedRole(question);
  if (read) return read.role;
  const m = RELATIVE_ROLE.exec(fold(question).replace(/\s+/g, ' ').trim());
  const noun = m?.[1];
  return noun && !NOT_ROLES.has(noun) ? noun : null;
}
