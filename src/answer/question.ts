import {
  approximatedCount,
  DATE_PATTERN,
  DAY_DATES,
  LONG_FORM_ACRONYM,
  MONTHS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  verbNotMonth,
  YEAR,
} from '../text/patterns.ts';
import { fold, STOP_WORDS, termOf, tokenize } from '../text/terms.ts';
import { irregularPast } from '../text/irregular.ts';
import { NOUN_PERSON, type WordNet } from '../text/wordnet.ts';

/**
 * What a question asks for, read from its wording. "how many" is checked before "when"; "where does X rank" asks for a
 * rank ("18th"), not a place.
 */
export type AnswerType = 'quantity' | 'date' | 'person' | 'place' | 'expansion' | 'other';

/**
 * "What" questions that ask for an amount in other words: what a thing cost, was worth, sold for, what one spends or
 * earns ("What would the shelters cost?", "what did the painting sell for"), or the figure a noun names ("what was
 * Palmer's total", "what was the senate vote on …", "what's the population of …"): the answer is a number, as for
 * "how much".
 */
const WHAT_AMOUNT =
  /^\W*what\b(?:[^?]*?\b(?:cost|costs|worth|spend|spends|spent|earn|earns|earned|(?:sell|sells|sold|go|goes|went) for|fetch|fetched)\b|(?:'s| is| was| are| were)? (?:the )?(?:[\p{L}\p{N}.-]+'s )?(?:(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|he|she|it|they|we|you|i)\b)[\p{L}-]+ ){0,4}?(?:price|cost|total|score|vote|bail|salary|wage|wages|fee|budget|capacity|tally|margin|attendance|deficit|population)\b)/u;

/** Whether a "what" question asks for an amount in other words (`WHAT_AMOUNT`): its answer holds a number. */
export function asksAmount(question: string): boolean {
  return WHAT_AMOUNT.test(fold(question));
}

const TYPE_RULES: [AnswerType, RegExp][] = [
  ['expansion', /\b(stands? for|acronym|abbreviation|short for)\b/],
  // A race time is a quantity ("what time did she run in the mile": "2.21.6"), a clock time ("what time did the
  // meeting start") a date.
  [
    'quantity',
    /\b(how (many|much|long|far|big|large|old|tall|high|often|fast|quickly|heavy|deep|wide|short|small|strong|hot|cold|warm)|what (?:(?:is|was|are|were) the )?(percentage|percent|number|amount|share|proportion|size|speed|velocity|distance|height|depth|width|weight|temperature|population)|number of|amount of|where\b.*\branks?|where\b.*\branked|what time did (?:[\p{L}'’.-]+ ){1,4}(?:run|swim|skate|race|clock)|what (?:was|is|were) (?:his|her|their|the winning) time)\b/u,
  ],
  ['quantity', WHAT_AMOUNT],
  [
    'date',
    /\b(when|what (years?|dates?|months?|days?|time|century|decade|era|period)|which (years?|dates?|months?|days?|century|decade)|in what year|since when|how long ago|what (?:was|is|were|will be) the (?:(?:last|first|final|exact|closing|opening|starting|ending|earliest|latest|due|cutoff|cut-off|target) )?(?:date|year|day|month)|what (?:was|is|were|will be) the deadline|the (?:date|year|day|month) (?:of|when|on which))\b/,
  ],
  // A question in chat's telegraphic form that opens with the date it asks and asks nothing else ("date the leaders
  // met", "month the mission restarted", "target yr for the buildout", "dates of the summit").
  [
    'date',
    /^\W*(?:the\s+)?(?:(?:exact|target|start|starting|end|ending|opening|closing)\s+)?(?:dates?|day|month|year)\s+(?:of|for|when|that|on which|the|this|these|those|it|they|he|she)\b(?!.*\b(?:what|which|who|whom|whose|where|when|why|how)\b)/,
  ],
  [
    'person',
    /\b(who|whom|whose|which (person|people|man|woman|individual|leader|president|minister|organization|organisation|group|company|country|countries|team)|what (person|man|woman|individual))\b/,
  ],
  [
    'place',
    /\b(where|what (country|city|place|region|state|town|location|continent|area)|which (city|place|region|state|town|location|continent|area)|in what (country|city|region|state|town))\b/,
  ],
];

/**
 * Chat shorthand for common words ("where r the …", "how many ppl", "the govt"), as members type it: read as the words
 * they stand for before anything else, in lower case only ("U.S." and "R&D" stay). Not for clipped content words of
 * one topic: a word the material lacks is left to spelling correction, synonyms and word vectors.
 */
const SHORTHAND: Record<string, string> = {
  r: 'are',
  u: 'you',
  ur: 'your',
  n: 'and',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  b4: 'before',
  'w/': 'with',
  wat: 'what',
  // A question word's contraction typed without its apostrophe ("whats the salary of …"): read as written out, so the
  // readers of "what is the N of X" see it.
  whats: 'what is',
  whos: 'who is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  // "how'd X wreck his leg", "where'd they go": a question word with "did" clipped onto it, as said aloud; the
  // apostrophe is often left out ("howd").
  "how'd": 'how did',
  'how’d': 'how did',
  howd: 'how did',
  "where'd": 'where did',
  'where’d': 'where did',
  "what'd": 'what did',
  'what’d': 'what did',
  "why'd": 'why did',
  'why’d': 'why did',
  "when'd": 'when did',
  'when’d': 'when did',
  wut: 'what',
  wen: 'when',
  hw: 'how',
  ppl: 'people',
  govt: 'government',
  grp: 'group',
  dept: 'department',
  intl: 'international',
  yr: 'year',
  yrs: 'years',
  approx: 'approximately',
  info: 'information',
  thru: 'through',
  docs: 'documents',
  stats: 'statistics',
  gov: 'government',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  atm: 'currently',
  rn: 'currently',
  conf: 'conference',
  presser: 'press conference',
  pressers: 'press conferences',
  newser: 'news conference',
  newsers: 'news conferences',
  org: 'organization',
  msg: 'message',
  msgs: 'messages',
  econ: 'economic',
  mgmt: 'management',
  natl: 'national',
  univ: 'university',
  prez: 'president',
  pct: 'percent',
  avg: 'average',
  hq: 'headquarters',
  bday: 'birthday',
  // "the guy running X", "which dude won": a person, whom the question asks for or describes; the text never calls
  // anyone so. Not the plural: "the guys" are often a team, which a count of people does not answer.
  guy: 'person',
  dude: 'person',
  // "the bears vs indianapolis": which side played which, a stop word as "against" is (stories write "over", "beat").
  vs: 'against',
  versus: 'against',
};
const SHORTHAND_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}.'’&/-])(${Object.keys(SHORTHAND).join('|')})(?![\\p{L}\\p{N}'’&/.-])`,
  'gu',
);

/**
 * Clipped nouns whose plural is the clipping with an "s" ("govts", "orgs", "depts"): read as the full noun's plural.
 */
const CLIPPED_NOUNS: Record<string, string> = {
  govt: 'government',
  gov: 'government',
  org: 'organization',
  dept: 'department',
  grp: 'group',
  doc: 'document',
  stat: 'statistic',
  pic: 'picture',
  rep: 'representative',
  convo: 'conversation',
};
const CLIPPED_PLURAL = new RegExp(
  `(?<![\\p{L}\\p{N}.'’&/-])(${Object.keys(CLIPPED_NOUNS).join('|')})s(?![\\p{L}\\p{N}'’&/.-])`,
  'gu',
);

/**
 * Chat phrasing that frames a question and names none of its content, rewritten before the question is read:
 * "what's the deal with X", "what's up with X" ask what the material says about X; a "-wise" suffix ("security-wise")
 * names the topic, not a word; fillers ("yo", "actually", "ever", "even", "stuff", "and so on") say nothing.
 */
const CHAT_PHRASES: [RegExp, string][] = [
  [/\bwhat(?:'s|’s|s| is| was)\s+(?:the\s+(?:deal|story|situation)|up|going on)\s+(?:with|w\/)\s*/gi, 'what about '],
  [/(?<=\p{L})-?wise\b/giu, ''],
  // Openers and asides that say how the member means the question, none of what it asks: "ok *real talk*, …",
  // "*ngl* …", "*quick q*: …", "…, *tbh*", "*spell out* the title …"; several may lead ("ok so real talk").
  [
    /^\W*(?:(?:yo|hey|ok|okay|so|hmm+|um+|uh+|ngl|tbh|tbf|honestly|spell out|(?:real talk|(?:quick|serious|random) q(?:uestion)?)(?=\s*[,:!-]|\s+(?:what|which|who|whom|whose|where|when|why|how)\b))\b[\s,:!-]*)+/i,
    '',
  ],
  [/,?\s*\b(?:ngl|tbh|tbf|honestly)\W*$/i, ''],
  // "…, *list them*", "…, name them all pls": the form the member wants the answer in, closing the question after a
  // comma; "which ones did they list" keeps its verb.
  [/,\s*(?:(?:pls|plz|please)\s+)?(?:list|name)(?:\s+(?:them|em|'em|’em|all|of|them|pls|plz|please))*\W*$/i, ''],
  [/,?\s*\b(?:and|or) (?:stuff|so on|whatnot|such)\b/gi, ''],
  // "what piece of advice", "a bit of news": a partitive counts out a part of something uncountable; the text names the
  // thing ("advised"), never the piece.
  [
    /\b(?:a\s+)?(?:piece|pieces|bit|bits)\s+of\s+(?=(?:advice|news|information|info|evidence|legislation|equipment|guidance|feedback|research|software|furniture|luggage|baggage|land|property|music|art|writing|work)\b)/gi,
    '',
  ],
  // "the count of states X talked with", "count of ppl": how many, as "the number of" asks.
  [/\b(?:the\s+|a\s+|total\s+)?count of\b/gi, 'number of'],
  // "the french pm", "which pm": the prime minister, as a text writes the title; not a clock time ("at 5 pm").
  [/(?<![\p{N}:.]\s*)\bpm\b(?![\p{L}\p{N}'’&/.-])/giu, 'prime minister'],
  [/\b(?:actually|even|ever|exactly|really|basically|anything|stuff|any)\b\s*/gi, ''],
  // "what level are the ties at *now*", "who runs it *right now*": the present tense already says when; "now" is no word a text uses for it.
  [/(?:\s+(?:at|right))?\s+now(?=\W*$)/gi, ''],
  // "what does X do, per the article / according to the intro": the material itself, named as the source of the
  // answer, is no word of the answer ("per" read as a word finds "percent").
  [
    /,?\s*\b(?:as\s+per|per|acc(?:ording)?\s+to)\s+(?:the|this)\s+(?:article|piece|story|text|report|intro|introduction|opening|lede|material|write-?up|editorial|column|review|letter|op-?ed)\b/gi,
    '',
  ],
  // "where does the piece *put* X": where X is located, as the material says; the putting is the writer's, not X's.
  [
    /\bwhere\s+(?:does|did|do)\s+(?:the|this)\s+(?:article|piece|intro|introduction|opening|lede|write-?up|author|writer)\s+(?:put|puts|place|places|locate|situate)\s+([^?,;]+?)(\W*)$/gi,
    'where is $1 located$2',
  ],
  // The material as the one who says or describes ("where does the article say X sits", "how does the piece
  // characterize X", "what does the intro call X"): its reading of X is what is asked, and neither the article nor its
  // saying is a word of the answer. Only words that name the writing itself: a report or a text is often a thing the
  // news is about.
  [
    /\b(?:does|did|do)\s+(?:the|this)\s+(?:article|piece|intro|introduction|opening|lede|write-?up|author|writer)\s+(?:say|says|describe|characteri[sz]e|portray|present|call|label|put|place|frame|mention|note)\b\s*/gi,
    '',
  ],
  // The same, said of the material ("*the article says* X rests on what", "the piece notes that …"): what follows is
  // the question.
  [
    /\b(?:the|this)\s+(?:article|piece|intro|introduction|lede|write-?up|author|writer)\s+(?:says|said|notes|noted|claims|claimed|mentions|mentioned|states|stated|writes|wrote)\b\s*(?:that\s+)?/gi,
    '',
  ],
  // "what word does the intro use for X", "which 3 words does the writer use for X": what X is, in the material's words.
  [
    /\b(?:what|which)\s+(?:(?:a|one|[1-9]|two|three|four|five)\s+)?(?:words?|terms?|adjectives?|phrases?|label)\s+(?:does|did|do)\s+(?:the|this)\s+(?:article|piece|intro|introduction|opening|lede|write-?up|author|writer)\s+use\s+(?:for|to\s+describe)\b/gi,
    'what is',
  ],
  // "*two adjectives he picked for* X", "the three words she used to describe X": the words someone chose for X, asked
  // by their form; what X is, in the words of whoever spoke or wrote. The count and the choosing name nothing of X.
  [
    /^\W*(?:(?:what|which|the)\s+)?(?:a|one|[1-9]|two|three|four|five)\s+(?:words?|terms?|adjectives?|phrases?)\s+(?:(?:did|does|do)\s+)?(?:he|she|they|it|(?:the|this)\s+(?:article|piece|writer|author|speaker))\s+(?:picked|pick|chose|choose|chosen|used|use|uses|gave|give|applied|apply)\s+(?:for|to\s+describe)\b/gi,
    'what is',
  ],
  // Where in the material ("in section 1", "in the first paragraph", "in the intro"): no word of the answer. Not
  // "in the first part of the year".
  [
    /,?\s*\b(?:in|from)\s+(?:(?:the\s+)?(?:section|part|paragraph|chapter)\s+(?:\d+|one|two|three|four|five|six)|the\s+(?:(?:first|second|third|last|final|opening|closing)\s+)?(?:section|paragraph|part|chapter)|the\s+(?:article|piece|intro|introduction|lede|write-?up))\b(?!\s+of\b)/gi,
    '',
  ],
  // Where a place is ("where is X *sitting*", "where does X *lie*", "where is X *on the map*", "*geographically*
  // where …"): its location, whatever the verb; a text writes it "located", "situated", "lies", "sits" or only "in".
  // Read as "located", the word a text most often gives it.
  [/^(\W*)geographically,?\s+(?=where\b)/i, '$1'],
  [
    /^(\W*where\s+(?:is|are|was|were|does|do|did)\s+[^?,;]+?)\s+(?:sitting|sit|sits|lie|lies|lying|situated|positioned|on\s+(?:the|a)\s+map|geographically)(?=\W*$)/i,
    '$1 located',
  ],
  // "is it *up and running*": in operation, as a text writes it ("operating", "operational", "in operation").
  [/\bup[\s-]+and[\s-]+running\b/gi, 'operating'],
  // "is X (still) *part of* Y", "which groups is X part of": membership, which a text writes as "in", "joined",
  // "member of"; the word "part" is none of them. Not "which part of X" or "took part in".
  [
    /\b(is|are|was|were|isn't|aren't|wasn't|weren't)(\s+(?!(?:a|an|the|that|this)\s+part\b)[^?,;]*?)\s+(?:a\s+)?part\s+of\b/gi,
    '$1$2 in',
  ],
];

/**
 * The question with chat shorthand written out (see `SHORTHAND`, `CLIPPED_NOUNS`) and chat framing taken out (see
 * `CHAT_PHRASES`).
 */
export function readShorthand(question: string): string {
  let q = question.replace(CLIPPED_PLURAL, (_w, clip: string) => `${CLIPPED_NOUNS[clip]!}s`);
  q = q.replace(CLIPPED_YEARS, fullYears);
  q = q.replace(SHORTHAND_WORD, (w) => SHORTHAND[w]!);
  for (const [re, by] of CHAT_PHRASES) q = q.replace(re, by);
  return q.trim() || question;
}

/**
 * A span of years with the second clipped to its last two digits ("2024-25", "1998–99", "the 1999/00 season"): the
 * material writes both years in full ("2024-2025"), and "25" alone is a number no text has. Fixed source at module
 * level: compiled once.
 */
const CLIPPED_YEARS = /(?<![\p{L}\p{N}.,-])((?:1[5-9]|20)\d\d)(\s*[-–/]\s*)(\d\d)(?![\p{L}\p{N}%]|[.,]\d)/gu;

/** `CLIPPED_YEARS`' replacement: the second year written in full when it follows the first ("99" after 1998). */
function fullYears(span: string, first: string, joiner: string, clipped: string): string {
  const from = Number(first);
  let to = Math.floor(from / 100) * 100 + Number(clipped);
  if (to <= from) to += 100;
  // A span of years runs forward, and not for long ("2024-25", "1998-2003"); "1990-10" is no span.
  if (to - from > MAX_CLIPPED_SPAN) return span;
  return `${first}${joiner}${to}`;
}
const MAX_CLIPPED_SPAN = 10;

/** Words that point at an article's opening: "the intro", "per the opening", "in the first paragraph", "the lede". */
const LEDE =
  /\b(?:intro|introduction|lede|opening\s+(?:paragraph|lines?|sentence|section)|(?:the|its)\s+opening\b(?!\s+(?:of|ceremony))|first\s+(?:paragraph|lines?|sentence)|(?:article|piece|story)\s+(?:starts?|opens?|begins?))\b/i;

/** Whether the question says the answer is in the article's opening (`LEDE`), before framing is taken out. */
export function asksLede(question: string): boolean {
  return LEDE.test(question);
}

const QUESTION_WORDS = ['what', 'which', 'where', 'when', 'who', 'whom', 'whose', 'why', 'how'];

/**
 * The question with a slip in typing its opening question word ("wher is …", "waht did …", "wich …") written as the
 * word meant: a first word that no dictionary knows (WordNet, and not a stop word) and that is a question word with
 * one letter dropped, or else with two neighbouring letters swapped, or else with one letter replaced, each only when
 * that names one question word ("wher" drops the "e" of "where"; "hwo" is "how" or "who" and stays).
 */
export function fixQuestionWord(question: string, wordnet: WordNet | null): string {
  const m = /^(\W*)([a-z]{3,6})\b/i.exec(question);
  if (!m || !wordnet) return question;
  const typed = m[2]!.toLowerCase();
  if (STOP_WORDS.has(typed) || QUESTION_WORDS.includes(typed) || wordnet.lemmas(typed).length > 0) return question;
  const slips: ((w: string) => boolean)[] = [
    (w) => w.length === typed.length + 1 && [...w].some((_, i) => w.slice(0, i) + w.slice(i + 1) === typed),
    (w) =>
      w.length === typed.length &&
      [...w].some((_, i) => i + 1 < w.length && w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) === typed),
    (w) => w.length === typed.length && [...w].filter((c, i) => c !== typed[i]).length === 1,
  ];
  for (const slip of slips) {
    const meant = QUESTION_WORDS.filter(slip);
    if (meant.length > 1) return question;
    if (meant.length === 1) return m[1] + meant[0]! + question.slice(m[0].length);
  }
  return question;
}

/**
 * Nouns after "which"/"what" that ask for a person and name nothing more: the answer is a person's name, as for "who"
 * (WordNet files "person" and "individual" under its top classes, not under noun.person).
 */
export const PERSON_HEADS = new Set(['person', 'individual', 'man', 'woman']);

/**
 * The one reader of "which X asks for a person": X, the head noun of "which X" (`whichHead`), is one of
 * `PERSON_HEADS` or, with WordNet, a noun whose first sense names a person ("which judge", "which juror"); a firm, a
 * film, a prize or a resource is no person. Only the head is read: in "what natural resources" the adjective
 * "natural" (whose first noun sense is a person) is not.
 */
export function namesPerson(head: string | null, wordnet?: WordNet | null): boolean {
  if (head === null) return false;
  return PERSON_HEADS.has(head) || wordnet?.nounClasses(head, 1)[0] === NOUN_PERSON;
}

const HEAD_AUXILIARY =
  /^(?:is|are|was|were|be|been|being|did|do|does|has|have|had|can|could|will|would|should|may|might|must)$/;

/**
 * The index in `words` (folded, "'s" removed) of the head noun of "which X" / "what X" whose "which" or "what" is at
 * `at`: the last of up to three words before a verb or a function word ("which prize", "what famous institute",
 * "which law school"), or -1. A past verb after the noun ends it ("which individual *painted* …", "which team *won*");
 * the first word is never taken for a verb ("which famed institute").
 */
export function whichHead(words: readonly string[], at: number): number {
  let last = -1;
  const start = partitiveStart(words, at + 1);
  for (let j = start; j < words.length && j <= start + 2; j++) {
    const x = words[j]!;
    if (HEAD_AUXILIARY.test(x) || STOP_WORDS.has(x) || /\d/.test(x)) break;
    if (last >= 0 && (looksInflected(x) || irregularPast(x))) break;
    last = j;
  }
  return last;
}

/** What may stand between "which of" and its noun: a determiner or possessive, then a count ("which of the 4 scientists"). */
const PARTITIVE_DETERMINER = /^(?:the|these|those|his|her|their|its|our|your|my|all|both)$/;
const PARTITIVE_COUNT = new RegExp(`^(?:\\d+|${NUMBER_WORDS})$`);

/**
 * Where the noun of "which X" starts in `words` when "which" is followed by a partitive ("which of the 4 scientists",
 * "which one of his sons", "which of hudsons kids"): after "(one) of", a determiner or possessive and a count, so the
 * noun of the group chosen from is read as "which scientist" reads it. `from` itself otherwise.
 */
function partitiveStart(words: readonly string[], from: number): number {
  let j = from;
  if (words[j] === 'one' && words[j + 1] === 'of') j++;
  if (words[j] !== 'of') return from;
  j++;
  if (PARTITIVE_DETERMINER.test(words[j] ?? '')) j++;
  if (PARTITIVE_COUNT.test(words[j] ?? '')) j++;
  return j;
}

/** Words that make "when" ask the question: an auxiliary right after it ("when did …", "when's …"). */
const ASKING_WHEN =
  /^(?:is|are|was|were|did|do|does|has|have|had|will|would|can|could|should|may|might|must|shall|s|exactly|roughly|approximately|about)$/;

/**
 * A question word that opens the main clause after a leading clause: after a comma ("When the war ended, who …"), or
 * followed by an auxiliary ("… what was the size", "… who is"), or "how" with what it measures ("how many").
 */
const MAIN_CLAUSE =
  /(?:,\s*(?:what|which|who|whom|whose|where|how)\b|\b(?:what|which|who|whom|whose|where|how)\s+(?:is|are|was|were|did|do|does|has|have|had|will|would|can|could|should)\b|\bhow (?:many|much|long|far|big|large|old|tall|high|often)\b)/;

/**
 * The question with a "when" that only opens a clause ("When Malloy became president, what was the size of …") taken
 * out: it is a conjunction, not the question word, when the next word is no auxiliary and a main clause with its own
 * question word follows. A question with no other question word ("when the summit?") keeps it.
 */
function withoutClauseWhen(q: string): string {
  return q.replace(/\bwhen\s+([\p{L}\p{N}'’]+)/gu, (m: string, next: string, at: number) =>
    ASKING_WHEN.test(next.replace(/^['’]/, '')) || !MAIN_CLAUSE.test(q.slice(at + m.length)) ? m : `then ${next}`,
  );
}

/**
 * "where" or "when" right after a noun with its article ("has it been *a place where* powers fought", "is this *the
 * year when* …"): a relative clause about that noun, not the question word.
 */
const RELATIVE_WH = /\b((?:a|an|the|one)\s+[\p{L}-]+)\s+(?:where|when)\b/gu;

export function answerType(question: string): AnswerType {
  const q = withoutClauseWhen(fold(question)).replace(RELATIVE_WH, '$1 that');
  // "How many … when …" counts; otherwise the earliest question word asks: "who was killed when the car hit …" wants a
  // person, "when did the man who …" a date.
  let first: { type: AnswerType; at: number } | null = null;
  for (const [type, re] of TYPE_RULES) {
    const m = re.exec(q);
    if (!m) continue;
    if (type === 'expansion' || type === 'quantity') return type;
    if (!first || m.index < first.at) first = { type, at: m.index };
  }
  return first?.type ?? 'other';
}

/**
 * Words that frame a question rather than name its content ("what *type* of …", "which
 * *individual* …"), "event" (a text names the event: "the press conference", "D-8 Week"), and adverbs of the
 * present ("who is *currently* …", "rn", "atm"), which say only what "is" says, and prepositions that no stop word
 * list holds ("*per* the minister", "tied to the EU *via* what", "*vs* whom"): a text writes its own, and one it lacks
 * weighed as a missing noun.
 * They are not looked up, so a paraphrase is not held against the answer.
 */
const FRAME_WORDS = new Set(
  'else besides level levels type types kind kinds sort sorts individual individuals purpose purposes amount length lengthy instance example term terms thing things happen happens happened occur occurs occurred person persons entity entities location locations acronym acronyms abbreviation currently presently nowadays event events per via upon onto toward towards versus vs'.split(
    ' ',
  ),
);

/**
 * Words for a job, which frame only a question that asks for one ("what is X's job", "what occupation did she have"):
 * elsewhere they are content ("how many jobs were lost", "the jobs report").
 */
const JOB_WORDS = new Set(['job', 'jobs', 'occupation', 'profession']);
const JOB = String.raw`(?:job|jobs|occupation|occupations|profession|professions)\b`;
const ASKS_JOB = new RegExp(
  [
    // "what job does X have", "which kind of occupation"
    String.raw`\b(?:what|which)\s+(?:(?:kind|type|sort)s?\s+of\s+)?${JOB}`,
    // "what is X's job", "what was the minister's state job", "whats her job", "what is the job of X"
    String.raw`\b(?:what|which)(?:['’]?s|\s+(?:is|was|are|were))\s+(?:[^?]*?['’]s?\s+(?:[a-z]+\s+){0,2}|(?:the|his|her|their|its|your|my)\s+(?:[a-z]+\s+){0,2})${JOB}`,
  ].join('|'),
  'i',
);

/**
 * Words for a name given to something, which frame only a question that asks for that name ("what nickname", "what's
 * the official label for X", "nickname for X", "what label did X pin on Y"): the text writes the name itself, often
 * quoted ("the \"Washington model\""), rarely the word "nickname". Elsewhere they are content ("a record label",
 * "food labels").
 */
const NAMING_WORDS = new Set(['nickname', 'nicknames', 'moniker', 'monikers', 'label', 'labels', 'epithet', 'title']);
const NAMING = String.raw`(?:nicknames?|monikers?|labels?|epithet)\b`;
const ASKS_NAMING = new RegExp(
  [
    // "what nickname", "which label", "what's the official label", "what is its new moniker"; not "what record label"
    String.raw`\b(?:what|which)(?:['’]?s|\s+(?:is|was|are|were))?\s+(?:(?:the|its|his|her|their)\s+)?(?:(?!record\b)[a-z]+\s+)?${NAMING}`,
    // a question that opens with the name asked for ("nickname for the format", "the moniker of …"), or "label for X"
    String.raw`^\W*(?:(?:the|its|his|her|their)\s+)?(?:[a-z]+\s+)?${NAMING}\s+(?:for|of|given)\b`,
    String.raw`\b${NAMING}\s+(?:for|given to)\b`,
    // "title" only as a name given to a thing ("the formal title they give the corridor", "its official title"): "what
    // title did she win" and "what is his title" ask a championship or a job.
    String.raw`\b(?:(?:formal|official|full|proper)\s+title|title\s+(?:they|it|we|people)\s+(?:give|gave|use|call)|title\s+given\s+to)\b`,
  ].join('|'),
  'i',
);

/** A word inflected as a verb ("raised", "founding"): in a paraphrase it is often a synonym of the text's verb. */
export function looksInflected(token: string): boolean {
  return token.length > 4 && /(?:ed|ing)$/.test(token);
}

export interface QuestionTerm {
  /** Processed term (stemmed). */
  term: string;
  /** The word as typed, folded. */
  token: string;
  /** Looks like a name in the question: capitalised mid-sentence, an acronym, or a number. */
  named: boolean;
  inflected: boolean;
  /** Written in mixed case ("iPhone", "eBay"): a name, never a typo to correct. */
  mixedCase: boolean;
  /** A day of the month written after a month name ("August 8"): it also matches "8th". */
  dayOfMonth: boolean;
  /** Written in capitals ("FBI", "IIT"): an acronym, which the material may spell out instead (acronym.ts). */
  acronym: boolean;
  /**
   * A participle that only relates two things ("the plan *linked* to the initiative", "a group *tied* to the party"):
   * where the material lacks it, the text writes the relation in its own words ("integration with"), and slots.ts
   * drops it; where the material has it, it is a word like any other.
   */
  relation?: true;
}

/**
 * Phrases that only frame what is asked: "take place" (happened), "what events" (what happened), "say about". Removed before the
 * question's words are looked up.
 */
const FRAMING_PHRASES: [RegExp, string][] = [
  [/\b(?:take|takes|took|taking|taken) place\b/gi, ' '],
  [/\b((?:what|which) )(?:events?|happenings?)\b/gi, '$1'],
  // "What did the agreement *say* about X": what the material says about X is the answer, in whatever words.
  [
    /\b(?:say|says|said|saying|tell|tells|told|write|writes|wrote|written|mention|mentions|mentioned) about\b/gi,
    ' about',
  ],
  // "What resources does X have *a lot of*": a quantifier only says "much" or "many", in whatever words the text uses
  // ("abundant", "several", "rich in"); as a word ("lot") the material never uses it counts against every answer.
  [/\b(?:an? (?:lot|great deal|good deal|great many|good many|bunch|ton|tons) of|lots of|plenty of|loads of)\b/gi, ' '],
  // "the *top* diplomat", "its top priority": the highest one, in whatever words the text names it ("foreign minister",
  // "key priorities"); "top" is never how a text names a role or a thing. "On top of", "the top ten" keep it.
  [/\btop(?= (?!of\b|\d|ten\b|three\b|five\b|twenty\b)[a-z])/gi, ' '],
  // "its *number one* aim", "the *#1* priority": the same as "top".
  [/\bnumber (?:one|1)\b(?= [a-z])|#1\b/gi, ' '],
  // "who *used to* mediate": the habitual past asks what the text says happened ("has been the main mediator"); the
  // stem of "used" is "us" besides. Not the passive ("was used to build").
  [/(?<!\b(?:was|were|is|are|be|been|being|get|gets|got|getting) )\bused to(?= [a-z])/gi, ' '],
  // "will X *keep shaping* Y", "kept on rising": to keep doing is to continue doing, and a text writes it "continue to
  // shape", "continued to rise"; "keep" itself is what it keeps ("keep the seat"), not how long it goes on.
  [
    /\bkeep(?:s)?(?:\s+on)?\s+(?=[a-z]{2,}ing\b(?<!\b(?:thing|king|ring|wing|sing|spring|string|nothing|something|anything|everything|evening|morning|ceiling)\b))/gi,
    'continue ',
  ],
  [/\b(?:kept|keeping)(?:\s+on)?\s+(?=[a-z]{2,}ing\b)/gi, 'continued '],
  // "what does X *rank as* a key priority", "what do they *see as* the main risk": a verb of regarding, whose object is
  // what the question asks and whose complement names it; a text writes only what X holds it to be ("a key priority
  // is …"). Not "where does X rank" (no "as").
  [
    /\b(?:rank|ranks|ranked|regard|regards|regarded|view|views|viewed|see|sees|consider|considers|considered|count|counts|counted)\s+as(?=\s+(?:a|an|the|its|their|his|her|one)\b)/gi,
    ' ',
  ],
  // "up and running *thanks to* the work": a cause is named in whatever words the text uses ("within the framework of").
  [/\b(?:thanks to|owing to|due to|because of)\b/gi, ' '],
  // "docs signed *last* year": when "last year" was, the text says in its own words ("this year", "in 2025").
  [/\blast (?=(?:year|month|week)\b)/gi, ' '],
  // "What *went on* at X", "what's *going on* with Y": what happened, in whatever words ("went on to win" keeps it).
  [/\b(?:go|goes|went|gone|going) on\b(?! to\b)/gi, ' '],
  // "capacity *right now*", "at the moment": the present, as a text writes it ("current", "currently").
  [/\b(?:right now|at the moment|at present|these days|nowadays)\b/gi, ' currently '],
  // "How did X *describe* Y": what X said about Y, in whatever words the text quotes.
  [/\b(?:describe|describes|described|describing|characteri[sz]e|characteri[sz]es|characteri[sz]ed)\b/gi, ' '],
  // "which *3* countries", "what 2 areas": how many things the answer names, a count no text writes beside them.
  [/\b((?:which|what) )(?:[2-9]|two|three|four|five|six|seven|eight|nine)\s+(?=[a-z]+s\b)/gi, '$1'],
  // "…, *3 adjectives*", "… *in one line*", "in a word": the form the member wants the answer in, closing the question.
  [
    /(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?:a|one|[1-9]|two|three|four|five)\s+(?:words?|adjectives?|lines?|sentences?)(?=\W*$)/gi,
    '',
  ],
  // "What is X *called*?", "What is X *known as*?": the question asks for a name, the word that asks is no content.
  // Only after "what is/was …": in "what did X come to be known as" the words are the text's own verb phrase.
  [/^(\W*(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\b.*?)\b(?:called|named|known as)(\W*)$/gi, '$1$2'],
];

/** Content terms of the question, with repeats removed, and which of them look like names. */
/** In a question about a date, these words only restate the answer type ("in what *year* …"). */
const DATE_FRAME_WORDS = new Set(['year', 'years', 'date', 'dates', 'day', 'month', 'time']);

export function questionTerms(text: string): QuestionTerm[] {
  let question = text;
  const dateQuestion = answerType(question) === 'date';
  // "what number of …", "the total number of …", or a question that opens with "number of …".
  const countQuestion = /(?:^\W*|\b(?:what|the|total) )number of\b/i.test(question);
  const standFor = /\bstands? for\b/i.test(question);
  const asksJob = ASKS_JOB.test(question);
  const asksNaming = ASKS_NAMING.test(question);
  const out: QuestionTerm[] = [];
  const seen = new Set<string>();
  for (const [re, keep] of FRAMING_PHRASES) question = question.replace(re, keep);
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}.,'’-]*/gu) ?? [];
  const namedTokens = new Set<string>();
  const mixedTokens = new Set<string>();
  const acronymTokens = new Set<string>();
  words.forEach((w, i) => {
    const isAcronym = /^\p{Lu}{2,}$/u.test(w.replace(/[.'’s-]+$/u, ''));
    const isCapitalised = i > 0 && /^\p{Lu}/u.test(w);
    const isMixed = /\p{Ll}\p{Lu}/u.test(w);
    const isNumber = /^\d/.test(w);
    if (isAcronym || isCapitalised || isNumber || isMixed) for (const t of tokenize(w)) namedTokens.add(t);
    if (isMixed) for (const t of tokenize(w)) mixedTokens.add(t);
    if (isAcronym) for (const t of tokenize(w)) acronymTokens.add(t);
  });
  const relations = new Set(
    [...fold(question).matchAll(/\b(linked|tied|connected|related|associated)\s+(?:to|with)\b/g)].map((m) => m[1]!),
  );
  const days = new Set<string>();
  for (const m of fold(question).matchAll(new RegExp(`\\b(?:${MONTHS})\\s+(\\d{1,2})\\b(?![.,]\\d)`, 'g')))
    days.add(m[1]!);
  let previous = '';
  for (const token of tokenize(question)) {
    // "how long", "how often", "how old": the word after "how" only says a quantity is wanted.
    const afterHow = previous === 'how';
    previous = token;
    if (
      afterHow ||
      FRAME_WORDS.has(token) ||
      (asksJob && JOB_WORDS.has(token)) ||
      (asksNaming && NAMING_WORDS.has(token)) ||
      (dateQuestion && DATE_FRAME_WORDS.has(token))
    )
      continue;
    if (token === 'number' && countQuestion) continue; // "what number of …" asks for a count
    if (token === 'total' && countQuestion && /\btotal number of\b/i.test(question)) continue; // so does "the total number of"
    if ((token === 'stand' || token === 'stands') && standFor) continue; // "what does X stand for" asks for a long form
    const term = termOf(token);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    out.push({
      term,
      token,
      named: namedTokens.has(token),
      inflected: looksInflected(token),
      mixedCase: mixedTokens.has(token),
      dayOfMonth: days.has(token),
      acronym: acronymTokens.has(token),
      ...(relations.has(token) ? { relation: true as const } : {}),
    });
  }
  return out;
}

const QUANTITY_PATTERN = new RegExp(`(?:\\d[\\d,.]*\\s*%?|\\b(?:${NUMBER_WORDS})\\b|\\bpercent\\b)`, 'gi');
const PLACE_CUE =
  /\b(?:in|at|from|near|to|across|outside|inside|of)\s+((?:the\s+)?\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*)/gu;
/** A name: not the sentence's first word, but a word after an initial is ("John I. *Jenkins*"), and initials join it. */
const PROPER_NAME =
  /(?<![\p{L}\p{N}]{2}[.!?]\s|^)\b\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+|the\s+|de\s+|van\s+|von\s+)?(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+)*/gu;

const AUXILIARY = /^(?:is|are|was|were|be|been|did|do|does|has|have|had|can|could|will|would|should|may|might|must)$/;

/**
 * The verb of "who [will|did …] VERB …" ("who will *star*", "who *leads* X", "who did Governor Tawes *pick*", "which
 * individual *painted*"), folded,
 * or null: the answer is the name that goes with that verb, not any name near the question's other words.
 */
export function questionVerb(question: string): string | null {
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // "which individual painted …" asks as "who painted …" does. A role noun ("which professor sent …") does not: its
  // holder's name holds or follows the noun ("Professor Jerome Green"; typed evidence reads it), and the name beside
  // the verb is often another ("the first American to send": measured, one phrase lost on Notre Dame).
  // "Who's" and "whos" are "who is": the verb follows ("who's conducting the cycle").
  let at = words.findIndex((w) => /^(?:who|whom|who['’]s|whos)$/i.test(w));
  if (at < 0) {
    const folded = words.map((w) => fold(w).replace(/['’]s$/, ''));
    const which = folded.findIndex((w) => w === 'which' || w === 'what');
    const head = which < 0 ? -1 : whichHead(folded, which);
    if (head >= 0 && PERSON_HEADS.has(folded[head]!)) at = head;
  }
  if (at < 0) return null;
  let i = at + 1;
  while (i < words.length && AUXILIARY.test(fold(words[i]!))) i++;
  // "who did Governor Tawes pick": the question's subject, a name, comes before the verb.
  while (i < words.length && /^\p{Lu}/u.test(words[i]!)) i++;
  const verb = words[i] === undefined ? null : fold(words[i]!);
  return verb && !STOP_WORDS.has(verb) && !AUXILIARY.test(verb) ? verb : null;
}

/**
 * The verb of "who did|will … NOUN PHRASE VERB …" asked in lower case, where `questionVerb` cannot tell the subject's
 * words from the verb: "who did the school supt *recommend* for …", "who did nyu *pick* as …". The subject runs from
 * the auxiliary to the verb, and the verb is the last word before the first preposition or particle after it (never
 * "of", which joins nouns: "the mayor of X"), or the question's last word. Only after a bare-form auxiliary (do, did,
 * will, …): a participle after "has" ("who has the club named") may be an adjective. The word must be a verb's bare
 * form in WordNet ("who did the costumes for …" asks who made them: "costumes" is no bare form, nor "dinner" a verb).
 * Null when `questionVerb` reads one, or nothing fits.
 */
export function objectVerb(question: string, wordnet: WordNet | null): string | null {
  if (!wordnet || questionVerb(question) !== null) return null;
  const words = (question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((w) => fold(w));
  const at = words.findIndex((w) => w === 'who' || w === 'whom');
  // "Who will be the next coach": "be" is the verb, and the question's noun its complement.
  if (at < 0 || !BARE_AUXILIARY.test(words[at + 1] ?? '') || /^(?:be|have)$/.test(words[at + 2] ?? '')) return null;
  // The subject: at least one word after the auxiliary ("who did nyu pick": "nyu").
  let end = words.length;
  for (let i = at + 3; i < words.length; i++) {
    if (OBJECT_BOUNDARY.has(words[i]!)) {
      end = i;
      break;
    }
  }
  if (end <= at + 2) return null;
  const verb = words[end - 1]!;
  if (STOP_WORDS.has(verb) || AUXILIARY.test(verb) || /\d/.test(verb)) return null;
  return wordnet.lemmas(verb).some((l) => l.pos === 'verb' && l.lemma === verb) ? verb : null;
}

/** Auxiliaries a bare verb follows ("did … pick", "will … name"). */
const BARE_AUXILIARY = /^(?:did|do|does|will|would|can|could|should|may|might|must)$/;
/** Words that end the verb of "who did X VERB …": prepositions and particles, never "of". */
const OBJECT_BOUNDARY = new Set(
  'for as to in on at with from by into onto over after about against before during under than'.split(' '),
);

/**
 * Whether a date question asks for a day ("on what date", "what day", "the date of"): a month or a year alone does not
 * answer it, a day of the month or a weekday does.
 */
export function asksDay(question: string): boolean {
  return /\b(?:what|which) (?:(?:is|was|were) the )?(?:date|day)\b(?! of the (?:year|month))|\bthe (?:date|day) (?:of|when|on which)\b/.test(
    fold(question),
  );
}

/**
 * Matches of the expected answer type in `text` that are not just words of the question; for a date question that
 * asks for a day (`day`, `asksDay`), dates to the day only.
 */
export function typeEvidence(type: AnswerType, text: string, questionTokens: Set<string>, day = false): number {
  if (type === 'other') return 0;
  if (type === 'expansion') {
    // The long form written out before the acronym the question names: "National Collegiate Athletic Association (NCAA)".
    let n = 0;
    for (const m of text.matchAll(LONG_FORM_ACRONYM)) if (questionTokens.has(m[2]!.toLowerCase())) n++;
    return n;
  }
  let re: RegExp;
  switch (type) {
    case 'quantity':
      re = QUANTITY_PATTERN;
      break;
    case 'date':
      re = day ? DAY_DATES : DATE_PATTERN;
      break;
    case 'place':
      re = PLACE_CUE;
      break;
    case 'person':
      re = PROPER_NAME;
      break;
  }
  let found = 0;
  // One scan with `exec`, to the end (which leaves `lastIndex` at 0): no iterator and no copy of the pattern per call.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const span = m[1] ?? m[0];
    // A year is also a number, but "how many" wants a count, not "in 2016".
    // But "about 1500 delegates" counts them.
    if (
      type === 'quantity' &&
      YEAR.test(span.trim()) &&
      !approximatedCount(text, m.index, m.index + m[0].trimEnd().length)
    )
      continue;
    if (type === 'date' && verbNotMonth(m[0])) continue;
    if (novelMatch(span, questionTokens)) found++;
  }
  return found;
}

/** Whether a match holds a word the question lacks (other than "of", "the", "in"). */
function novelMatch(match: string, questionTokens: Set<string>): boolean {
  return tokenize(match).some((t) => !questionTokens.has(t) && !/^(of|the|in)$/.test(t));
}

/** The term of a day of the month written as an ordinal ("8" → the term of "8th", which the pipeline reads "eighth"). */
export function ordinalTerm(day: string): string | null {
  const n = Number(day);
  if (!Number.isInteger(n) || n < 1 || n > 31) return null;
  if (n <= ORDINAL_WORDS.length) return termOf(ORDINAL_WORDS[n - 1]!);
  const suffix =
    n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return tokenize(`${n}${suffix}`).map((t) => termOf(t))[0] ?? null;
}
