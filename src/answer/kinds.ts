import { DIGIT_WORDS, NUMBER_WORDS, TENS_WORDS, UNIT_WORDS } from '../text/patterns.ts';
import { fold } from '../text/terms.ts';
import { PERSON_TITLE } from './evidence.ts';
import { askedRole, type AskedRole } from './role.ts';

/** What a check tests a text with: a pattern, or a reading of its matches (`RegExp` is one). */
export interface TextTest {
  test(text: string): boolean;
}

/**
 * Kind and attribute checks: what an answer must hold for the question to be answered at all. "How old is X?" needs
 * an age, "When was X born?" a birth, "How much did X cost?" an amount of money, "X's wife" a wife. Without them the
 * best sentence about X is still not an answer, and the engine declines rather than quote it.
 */
export interface KindCheck {
  /** What the answer must say, for the reason given when it is missing ("an age"). */
  what: string;
  test: TextTest;
  /** For an attribute ("Pfaff's wife"): whose it is, which the answer's passage must name. */
  of?: string;
  /** A measure of something the question names ("how long is X"): the question's names in the answer's passage. */
  measure?: true;
  /** Of a person or thing the question names ("how old is X", "X's wife"): no other one's passes it. */
  subject?: true;
  /** For a measure of the subject: what a sentence found further down its story must write ("this three-hour film"). */
  attached?: RegExp;
  /**
   * A measure of what someone did ("how long had Mary Self worked there", "how fast did Fiedler's V-1 fly"): of the
   * subject when the question names one (answer.ts), whose story may give it paragraphs down, with the names before it.
   */
  deed?: true;
  /**
   * For an attribute, the question's word right after it ("lavaughn" in "the robber's wife lavaughn huntley"): when
   * that word is a name, the question names the attribute's holder and asks something of her, not who she is.
   */
  then?: string;
}

/** A number an age is written in: digits, or words ("eighty", "twenty-five", "nineteen"). */
const AGE_NUMBER = `(?:\\d{1,3}|(?:${TENS_WORDS})(?:-(?:${DIGIT_WORDS}))?|${UNIT_WORDS})`;
/**
 * How an age is written: "39-year-old", "eighty-year-old", "70 years old", "aged 52", "at the age of 28", "his 70 years",
 * "in his sixties"; of a thing, when it began: "founded in 1797", "built in 1852", "dating from 1790"; of a person,
 * "born in 1921".
 */
const AGE_FORMS = [
  `\\b${AGE_NUMBER}-years?-old\\b`,
  `\\b${AGE_NUMBER} years? old\\b`,
  `\\b${AGE_NUMBER} years? of age\\b`,
  `\\baged? (?:of )?${AGE_NUMBER}\\b`,
  `\\b(?:his|her|its|their) ${AGE_NUMBER} years\\b`,
  `\\bin (?:his|her|their) (?:early |mid-?|late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`,
  `\\b(?:founded|established|built|erected|opened|incorporated|organized|organised|chartered|completed|born|dat(?:es|ed|ing)(?: back)? (?:from|to))\\b[^.]{0,16}?\\b(?:1[0-9]|20)\\d{2}\\b`,
];
const AGE = new RegExp(`${AGE_FORMS.join('|')}|\\p{Lu}[\\p{L}'’-]+\\.?, \\d{1,3},`, 'u');
/**
 * One character between a name and its age: anything but a sentence's end, though a period may end an initial or a
 * title ("Thomas B. Carvey Jr.", "Dr.").
 */
const GAP = `(?:[^.]|\\b\\p{L}\\.|\\b(?:jr|sr|dr|mr|mrs|st)\\.)`;
/**
 * An age written next to the person's (or thing's) name: "Pfaff Jr., 41,", "Moritz, a 26-year-old", "Lopez, 52, leads",
 * "the 39-year-old politico, Thomas B. Carvey Jr.", "Moss, 61, tall, … canning plant chief since 1946" (an age in
 * apposition before what the person is), "Schiele, who died 42 years ago at the age of 28", "the Medical
 * School (third oldest in the country and founded in 1797)". Any of `names` (the subject's words) may be the one named.
 */
function ageOf(names: string[]): RegExp {
  const n = `(?:${names.map(escape).join('|')})`;
  const forms = AGE_FORMS.join('|');
  return new RegExp(
    `\\b${n}(?: jr| sr)?\\.?,\\s+(?:a |an )?\\d{1,3}\\b|\\p{Lu}[\\p{L}'’-]+\\.?,\\s+\\d{1,2},${GAP}{0,60}?\\b${n}\\b|\\b${n}\\b${GAP}{0,60}?(?:${forms})|\\b${AGE_NUMBER}(?:-years?-old| years? (?:old|of age))\\b${GAP}{0,40}?\\b${n}\\b|\\b${n}\\b${GAP}{0,20}?\\b(?:is|was|turned|aged?) ${AGE_NUMBER}(?:[,;.)]|\\s+(?:years?|now|today|and|but|when)\\b|$)`,
    'iu',
  );
}

/**
 * The given name of "how old is Anna Hengesbach" ("anna"): the word before the last of a plain two- or three-word name,
 * not a title ("mrs kowalski") or an initial. Null when the question gives none.
 */
function ageGivenName(q: string): string | null {
  const m = /\bhow old (?:is|was|are|were|will) ([\p{L}'’-]+)(?: [\p{L}]\.?)? ([\p{L}'’-]+)\s*\??$/u.exec(q);
  if (!m) return null;
  const given = m[1]!;
  if (given.length < 2 || PERSON_TITLE.test(given.replace(/\.$/, '')) || AGE_SUBJECT_ENDS.has(given)) return null;
  if (/^(?:the|a|an|this|that|his|her|their|its|my|your|our)$/.test(given)) return null;
  return given;
}

/**
 * An age of the person named, read match by match: an age written beside the same surname with another given name
 * ("Vincent Hengesbach, 54" for "how old was Anna Hengesbach", "Darlene Kowalski, 8" for "how old is Henry Kowalski")
 * is a relative's, not theirs. A surname alone, or after a title or initials ("Mrs. Hengesbach"), may be theirs, and
 * so may the given name alone ("Leon Bearden, 50-year-old …, and his son, Cody, 16" for "how old was Cody Bearden").
 */
function ageOfNamed(names: string[], given: string): TextTest {
  const all = new RegExp(ageOf([...names, given]).source, 'giu');
  const surname = new RegExp(`\\b(?:${names.map(escape).join('|')})\\b`, 'iu');
  return {
    test(text: string): boolean {
      for (const m of text.matchAll(all)) {
        const at = surname.exec(m[0]);
        // The given name alone ("his son, Cody, 16" for "how old was Cody Bearden").
        if (!at) return true;
        const before = text.slice(0, m.index + at.index);
        const run = /((?:\p{Lu}[\p{L}'’-]*\.?\s+)+)$/u.exec(before)?.[1] ?? '';
        const words = run
          .split(/\s+/)
          .map((w) => fold(w).replace(/\.$/, ''))
          .filter((w) => w.length > 1 && !PERSON_TITLE.test(w) && !/^(?:jr|sr)$/.test(w));
        if (words.length === 0 || words.includes(given)) return true;
      }
      return false;
    },
  };
}

/**
 * Whose age "how old is X" asks: X's last word ("Moritz"), and the head of X before a clause or a preposition ("the
 * kid who runs spice-nice": "kid"; "the brother in Salinger's novel": "brother"; "Schiele when he died": "Schiele").
 */
function ageSubject(q: string): string[] | null {
  const m = /\bhow old (?:is|was|are|were|will) (?:the |a |an )?([\p{L}\p{N} .'’-]+?)\s*\??$/u.exec(q);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const cut = words.findIndex((w) => AGE_SUBJECT_ENDS.has(w));
  if (cut <= 0) return [words[words.length - 1]!];
  const head = words[cut - 1]!;
  // A person named by what they are or do ("the kid who runs …"): any age beside the question's names is theirs.
  if (PERSON_NOUNS.has(head)) return [];
  // After a preposition the last word may name it too ("the League of Women Voters, 40 now"); never after a clause
  // ("Chenoweth when he built the bridge": the bridge's year is not his age).
  return PREPOSITIONS.has(words[cut]!) ? [head, words[words.length - 1]!.replace(/['’]s$/, '')] : [head];
}
/** Nouns that name a person by what they are, not who: their age is any age the answer's sentence gives. */
const PERSON_NOUNS = new Set([
  'kid',
  'boy',
  'girl',
  'man',
  'woman',
  'child',
  'teen',
  'teenager',
  'youth',
  'guy',
  'person',
  'lady',
  'baby',
]);
const PREPOSITIONS = new Set(['at', 'in', 'on', 'of', 'from', 'with', 'for', 'by']);
/** Words that end the subject of "how old is X …": a clause, a preposition, a time ("when he died", "in 1960"). */
const AGE_SUBJECT_ENDS = new Set([
  'when',
  'while',
  'who',
  'whom',
  'whose',
  'that',
  'which',
  'after',
  'before',
  'during',
  'at',
  'in',
  'on',
  'of',
  'from',
  'with',
  'for',
  'by',
  'now',
  'today',
  'then',
  'back',
  'this',
  'last',
]);

const BIRTH = /\bborn\b|\bbirth|\bnative of\b/i;
/**
 * A cause of death: "died of pneumonia", "died from his wounds", "succumbed to", "the cause of death", "was killed",
 * "shot", an illness named. Not "the death of X" or "died in 1810".
 */
const DEATH_CAUSE =
  /\b(?:died|dies|die|dying|death|deaths)\s+(?:\w+\s+)?(?:of|from)\s+(?!\p{Lu})|\bsuccumb(?:ed|s|ing)?\s+to\b|\bcause of (?:\w+\s+)?death\b|\b(?:killed|slain|murdered|assassinated|shot|stabbed|drowned|executed|hanged|suicide|heart attack|stroke|cancer|pneumonia|tuberculosis|fever|illness|disease|wounds?|overdose|accident|crash)\b/iu;
/**
 * Currencies besides the dollar, the pound and the euro that an amount is written in ("a prize of 3,000 francs", "500
 * lire", "ten shillings"): none of them is a weight or any other measure. "Marks" and "crowns" are left out: "3 marks"
 * is more often a score.
 */
const CURRENCIES =
  'yen|rubles?|roubles?|manats?|francs?|lire|lira|pesos?|rupees?|shillings?|guineas?|guilders?|florins?|ducats?|drachmas?|dinars?|dirhams?|rials?|riyals?|kronor|kroner|krona|krone|yuan|pence|pennies|zlotys?|forints?|escudos?|pesetas?';
/**
 * An amount of money: "$1.60", "17 million dollars", "a billion dollars", "twenty-five hundred dollars", "fifty cents",
 * "3,000 francs" (`CURRENCIES`; in words, "pounds" is left out: "seventy pounds" is more often a weight).
 */
const MONEY = new RegExp(
  `[$£€¥]\\s?\\d|\\b\\d[\\d,.]*\\s*(?:(?:million|billion|thousand)\\s+)?(?:dollars?|pounds?|euros?|cents?|${CURRENCIES})\\b|\\b(?:million|billion|thousand) (?:dollars|pounds|euros|${CURRENCIES})\\b|\\b(?:${NUMBER_WORDS}|a|an)[\\s-]+(?:(?:${NUMBER_WORDS})[\\s-]+)*(?:dollars?|cents?|euros?|${CURRENCIES})\\b`,
  'i',
);

/**
 * Amounts of money named by what they are: a fine, bail, a loan, a dividend, a ransom. "How much was X fined", "how big
 * is the loan", "what was X's bail" ask that amount, which the answer writes beside its word ("fined $100", "a $2
 * million loan", "bail of $5,000"): money elsewhere in the sentence ("paid Lee some $30,000") is another sum.
 */
const MONEY_NOUNS: { name: string; forms: string; written?: string }[] = [
  { name: 'fine', forms: 'fin(?:e|ed|es)' },
  // Bail is set as a bond: "held under $20,000 bond".
  { name: 'bail', forms: 'bail', written: 'bail|bonds?' },
  { name: 'loan', forms: 'loans?' },
  { name: 'dividend', forms: 'dividends?' },
  { name: 'ransom', forms: 'ransoms?' },
];
/**
 * Whether the question asks the sum itself: "how much" or "how big" with the word anywhere ("how much was X fined"), or
 * "what was" with the word heading what is asked ("what was mrs huntley's bail", "what's the fine if …"; not "what was
 * the loan for").
 */
function asksSum(q: string, forms: string): boolean {
  if (!new RegExp(`\\b(?:${forms})\\b`).test(q)) return false;
  if (/\bhow (?:much|big|large)\b/.test(q)) return true;
  return new RegExp(
    `^\\W*what(?:'s|s| is| was| were| are| will be| would be) (?:(?:the|a|an|[\\p{L}-]+'s?) )?(?:[\\p{L}-]+ ){0,2}(?:${forms})(?:\\s*$|\\s+(?:if|in|on|of|he|she|they|that|when|the|set|paid|imposed|for(?= \\S))\\b)`,
    'u',
  ).test(q);
}

/** Money written within a few words of `word` (a pattern's source), before or after it. */
function moneyBeside(word: string): RegExp {
  return new RegExp(
    `\\b(?:${word})\\b(?:[^.;]{0,50}?)(?:${MONEY.source})|(?:${MONEY.source})(?:[^.;]{0,40}?)\\b(?:${word})\\b`,
    'i',
  );
}

/**
 * A measured quantity: a number (digits, "13-1/2", or a number word) and then, after a space or a hyphen ("420-mile",
 * "three-hour"), one of the unit words given.
 */
function measure(units: string): RegExp {
  return new RegExp(
    `(?:\\d[\\d,./]*(?:-\\d[\\d/]*)?|\\b(?:${NUMBER_WORDS}|a|an))[\\s-]*(?:${units})(?![A-Za-z0-9])`,
    'i',
  );
}

const SPEED = measure(
  'm\\.?p\\.?h\\.?|mph|km/h|kph|knots?|(?:miles?|kilomet(?:er|re)s?|feet|metres?|meters?) (?:an|a|per) (?:hour|second|minute)|mach',
);
const LENGTH_UNITS =
  'miles?|mi\\.?|kilomet(?:er|re)s?|km|met(?:er|re)s?|yards?|yds?\\.?|feet|foot|ft\\.?|inch(?:es)?|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm|light-years?|leagues?|blocks?|storeys?|stories';
const DISTANCE = measure(LENGTH_UNITS);
const WEIGHT = measure('pounds?|lbs?\\.?|kilo(?:gram)?s?|kg|tons?|tonnes?|ounces?|oz\\.?|grams?|stones?');
const DURATION = measure(
  'seconds?|secs?\\.?|minutes?|mins?\\.?|hours?|hrs?\\.?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century|generations?|terms?|seasons?',
);
/**
 * A time written as a clock reads, as sports pages give a game's or a race's length: "the game was clicked off in
 * 1:48", "won in 2:03.4", "took 3:12:40". After a word of how long it took, never a time of day ("at 1:48 p.m.").
 */
const CLOCK_DURATION =
  /\b(?:in|took|takes|lasted|lasts|time (?:was|of)|timed at)\s+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?![\d:]|\s*(?:a\.?\s?m\b|p\.?\s?m\b|o'clock))/i;
/** Periods a rate is given by: "125,000 each year", "3 per cent a year", "$40 a day", "annually". */
const PER_TIME =
  '(?:a|an|per|each|every) (?:year|month|week|day|decade|hour|minute|second|season)\\b|per annum|annually|yearly';
/**
 * How fast something grows or falls is a rate, not a speed of motion: a number with a period ("the state population
 * has increased 125,000 each year", "rising 3 per cent a year").
 */
const RATE = new RegExp(`\\d[\\d,.]*(?:\\s*%|\\s+per ?cent)?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${PER_TIME})`, 'iu');
/** Verbs of growth and change: "how fast is X growing" asks a rate. */
const CHANGE_VERB =
  /\b(?:grow|grows|growing|grew|grown|increas\w*|ris(?:e|es|ing|en)|rose|climb\w*|expand\w*|spread(?:s|ing)?|swell\w*|shrink\w*|shrank|shrunk|declin\w*|fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|gain(?:s|ed|ing)?|los(?:e|es|ing)|lost|accumulat\w*|multipl\w*)\b/;

/**
 * A measure written of a thing: pointed to ("this three-hour film", "its 40-foot mast") or told by its adjective
 * ("100 feet deep", "two miles away").
 */
function attached(measured: RegExp): RegExp {
  return new RegExp(
    `\\b(?:this|that|these|those|its|their)\\s+(?:${measured.source})|(?:${measured.source})\\s+(?:long|deep|tall|wide|high|away|across|in (?:length|depth|height|width|diameter))\\b`,
    'i',
  );
}

/**
 * "How fast", "how far", "how tall" ask for a measure of one kind: a number with its unit (a speed, a distance, a
 * weight, a duration). "How long" is a duration or a length. The best sentence about the thing is no answer without it.
 * A compound is no measure: "how far-reaching", "how long-term", "how heavy-handed".
 */
const UNIT_KINDS: [RegExp, string, RegExp][] = [
  [/\bhow (?:fast|quickly)\b(?!-)|\bwhat (?:speed|velocity)\b|\bat what speed\b/, 'a speed', SPEED],
  [/\bhow (?:far|tall|deep|wide)\b(?!-)|\bwhat (?:distance|height|depth|width)\b/, 'a distance or height', DISTANCE],
  [/\bhow heavy\b(?!-)|\bwhat (?:weight)\b|\bhow much (?:does|did|do) .*\bweigh\b/, 'a weight', WEIGHT],
  // A document's length is in pages or words ("an impressive 689-page compilation").
  [
    /\bhow long\b(?!-)/,
    'a duration or length',
    new RegExp(`${DURATION.source}|${DISTANCE.source}|${measure('pages?|words').source}|${CLOCK_DURATION.source}`, 'i'),
  ],
];

/**
 * "What's the weather in X tomorrow", "how was the weather", "will it rain": the question asks for the weather itself,
 * not something about it.
 */
const ASKS_WEATHER =
  /^\W*(?:what(?:'s| is| was| will| would)?(?: be)? (?:the )?(?:weather|forecast|temperature)\b|how(?:'s| is| was| will)(?: be)? (?:the )?weather\b|(?:will|is|was|did) it (?:going to )?(?:rain|snow|be (?:sunny|hot|cold|warm|nice|cloudy|windy))\b)|\bweather forecast\b/;
/**
 * How the weather is written: rain, snow, sun, clouds, fog, wind, storms, a temperature, a forecast, a heat wave. The
 * word "weather" alone tells none ("baseball at one end and weather at the other"); nor does "cold" of a war.
 */
const WEATHER =
  /\b(?:rain\w*|showers?|snow\w*|sunny|sunshine|cloud(?:s|y|iness)|overcast|fog\w*|mist[sy]?|drizzl\w*|sleet|hail\w*|storm\w*|thunder\w*|lightning|winds?|windy|breez[ey]\w*|gales?|humid\w*|temperatures?|degrees?|forecast\w*|freez\w*|frost\w*|chilly|precipitation|hurricanes?|blizzards?|tornado\w*|drought|heat wave|(?:hot|cold|warm|cool|mild|fair|clear|wet|dry|nice|bad|foul)(?:er|est)? (?:and \w+ )?(?:weather|day|days|night|nights|spell|front|air|skies)|(?:hot|cold|warm|cool|mild|fair|clear|wet|dry)(?:er)? and (?:hot|cold|warm|cool|mild|fair|clear|wet|dry|sunny|windy|humid|cloudy)(?:er)?)\b/i;

/**
 * "What party is Sen. X in", "which party does X belong to": the question asks for a political party by name (a party
 * as a gathering is asked in other words: "at the Bolker party").
 */
const ASKS_PARTY =
  /^\W*(?:what|which) (?:political )?party (?:is|was|are|were|does|did|do|has|had)\b|\b(?:belongs?|belonged|belonging) to (?:what|which) party\b|\bmember of (?:what|which) party\b/;
/**
 * How a party is written: its name ("Democrats", "the Labor Party", "GOP"), a member's word ("a Republican"), or a
 * party's letter after a name ("(D., Wash.)", "(R-Ohio)"). Case-sensitive: "liberal" and "conservative" in lower case
 * describe, they name no party.
 */
const PARTY =
  /\b(?:[Dd]emocrat\w*|[Rr]epublican\w*|Labou?r(?:ites?)?|Conservatives?|Liberals?|[Cc]ommunists?|[Ss]ocialists?|Progressives?|Tor(?:y|ies)|Whigs?|Nationalists?|Federalists?|Dixiecrats?|GOP|\p{Lu}\p{Ll}+ Party)\b|\((?:D|R|Dem|Rep)\.?[-,\s]/u;

/**
 * "Which college did X go to", "where did X go to school", "what university did X attend": a school asked by name.
 */
const ASKS_SCHOOL =
  /^\W*(?:(?:which|what) (?:college|university|school|academy)s? (?:did|does|do|is|was|has|had)\b|where (?:did|does|do|has|had) .*\b(?:(?:go to|attend|attended) (?:college|university|school|law school|medical school)|graduate|study|studied|get (?:his|her|their) degree)\W*$)/;
/**
 * How a school is named: a capitalised name with its kind ("Howard University", "the Juilliard School"), or one after
 * a word of studying ("graduated from Harvard", "a graduate of Yale", "attended Oberlin"). "Educated in the United
 * States" names none.
 */
const SCHOOL =
  /\b(?:College|University|Institute|School|Academy|Seminary|Conservatory|Polytechnic|Univ\.)\b|\b(?:attend(?:s|ed|ing)?|graduat(?:e|es|ed|ing) (?:of|from)|alumn(?:us|a|i|ae) of|stud(?:y|ies|ied|ying) at|degrees? (?:from|at)|enrolled (?:at|in)|student at)\s+(?:the\s+)?\p{Lu}/u;

/**
 * A name asked of a person the question names, or of their relative: "what's Anderson's wife's name", "Fabian's real
 * name", "Garson's married name", "the name of Shea's wife".
 */
const ASKS_NAME =
  /\b[\p{L}-]+'s (?:[\p{L}-]+'s )?(?:(?:real|full|first|given|maiden|married|middle|last|pen|stage|birth|christian|proper|actual) )?name\b|\bname of (?:the )?[\p{L}-]+'s \p{L}+/u;

/**
 * Whether `text` writes a name the question does not give: a capitalised word ("Nori", "Forte", "Mrs. E. E.
 * Fogelson") that neither opens a sentence nor follows a preposition or "the" ("in Miami", "of the Atlanta Bar
 * Association", "the Communists": a place, a body or a group), and is no title, initial or abbreviation. "Anderson's
 * wife and four children live in Miami" names no wife.
 */
function namesAnew(question: string, beside?: RegExp): TextTest {
  const asked = new Set(fold(question).split(/[^\p{L}\p{N}]+/u));
  // "Gorton's wife's name": the name is the wife's, written beside her ("his wife, Mary", "Mary, his wife", "married
  // Mary Mawer"); another name the sentence gives ("She was Ellen Aldridge, … employed by Gorton's wife") is no answer.
  // Within its sentence: "December 4, 1638. His wife was in delicate health" names no wife.
  const near = (text: string, at: number, end: number) =>
    !beside ||
    beside.test(text.slice(Math.max(0, at - RELATIVE_REACH), at).replace(/^.*[.!?]\s/s, '')) ||
    beside.test(text.slice(end, end + RELATIVE_REACH).replace(/[.!?]\s.*$/s, ''));
  return {
    test(text: string): boolean {
      // A run of capitalised words ("Mrs. E. E. Fogelson", "Atlanta Bar Association") is read whole.
      for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?)*/gu)) {
        const before = text.slice(0, m.index);
        if (/(?:^|[.!?;]["”’)]?\s+|\n)["“(]?$/.test(before)) continue;
        if (/\b(?:(?:in|at|from|to|near|of|for|into|on|across|outside)\s+(?:the\s+)?|the\s+)$/i.test(before)) continue;
        const fresh = m[0].split(/\s+/).some((w) => {
          const word = fold(w).replace(/\.$/, '').replace(/'s$/, '');
          return word.length > 1 && !asked.has(word) && !PERSON_TITLE.test(word) && !/^\p{Lu}+\.?$/u.test(w);
        });
        if (fresh && near(text, m.index, m.index + m[0].length)) return true;
      }
      return false;
    },
  };
}

/** How far from the word for a relative (in characters) their name is written: "his wife, the former Mary Ellen". */
const RELATIVE_REACH = 25;

/**
 * "What was the vote on X", "what was the final vote count", "what was the senate vote": a tally, which news writes as
 * two numbers ("81 to 65", "85-0"), a number of votes, or a unanimous or voice vote. A share of the vote ("what share of
 * the vote") is a measure asked otherwise; "how many votes" is a count (scope.ts).
 */
const ASKS_TALLY =
  /^\W*what(?:'s|s| is| was| were| will be)? the (?:[\p{L}-]+ )?(?:vote(?: count| tally| total)?|tally|roll ?call)\b(?! share)/u;
const TALLY = new RegExp(
  `\\b\\d{1,3}(?:,\\d{3})*\\s*(?:-|–|to)\\s*\\d{1,3}(?:,\\d{3})*\\b|\\b(?:${NUMBER_WORDS})[\\s-]+to[\\s-]+(?:${NUMBER_WORDS})\\b|\\b\\d[\\d,]*\\s+votes?\\b|\\bunanimous(?:ly)?\\b|\\bwithout (?:a )?(?:dissent|dissenting vote|objection)\\b|\\bvoice vote\\b`,
  'i',
);

/** Attributes that must be named in the answer ("X's wife"), with the words that say them. */
const ATTRIBUTES: Record<string, RegExp> = {
  wife: /\bwife\b|\bmarried\b|\bMrs\.?\s/i,
  husband: /\bhusband\b|\bmarried\b/i,
  son: /\bsons?\b|\bchildren\b/i,
  daughter: /\bdaughters?\b|\bchildren\b/i,
  children: /\bchild(?:ren)?\b|\bsons?\b|\bdaughters?\b/i,
  kids: /\bchild(?:ren)?\b|\bsons?\b|\bdaughters?\b|\bkids?\b/i,
  mother: /\bmother\b/i,
  father: /\bfather\b/i,
  brother: /\bbrothers?\b/i,
  sister: /\bsisters?\b/i,
  address: /\baddress\b|\breside|\blives? (?:at|in)\b|\d+ \p{Lu}\p{L}+ (?:St|Dr|Ave|Rd|Street|Drive|Avenue|Road)\b/iu,
  salary: /\bsalary\b|\bpaid\b|\bearn|[$£€]\s?\d/i,
  birthday: BIRTH,
};

/**
 * Attributes written beside their owner ("the capital of X", "X's capital"): the word alone says nothing of whose it
 * is ("the capital's armory" in a story that names X elsewhere; a "capital campaign").
 */
const OWNED_ATTRIBUTES: Record<string, (of: string) => RegExp> = {
  capital: (of) => new RegExp(`\\bcapital(?: city)?,? of (?:the )?${of}\\b|\\b${of}(?:'s|’s|n)? capital\\b`, 'i'),
  // A married woman is named by her husband's name: "Patti Waggin, who is Mrs. Don Rudolph when off the stage", "Mrs.
  // Don Rudolph, the former Patti Waggin". "Mrs. Waggin" names no husband.
  husband: (of) =>
    new RegExp(
      `\\b${of}\\b[^.;]{0,30}?\\bMrs\\.?\\s+(?!${of}\\b)\\p{Lu}|\\bMrs\\.?(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,4},?\\s+the former\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}${of}\\b`,
      'iu',
    ),
};

export function kindChecks(question: string): KindCheck[] {
  const q = fold(question);
  const out: KindCheck[] = [];
  if (/\bhow old\b|\bwhat age\b|\bage of\b/.test(q)) {
    // "How old is Eldon Moritz?": the age must be Moritz's ("Moritz, a 26-year-old"), not another person's nearby.
    const who = ageSubject(q);
    const given = who?.length === 1 ? ageGivenName(q) : null;
    const test = who?.length ? (given ? ageOfNamed(who, given) : ageOf(who)) : AGE;
    out.push({ what: 'an age', test, ...(who ? { subject: true as const } : {}) });
  }
  if (/\b(?:born|birth|birthday|birthplace)\b/.test(q)) {
    // "When was Nick Skorich born?": Skorich's birth, not another person's in the same story.
    const who = /\b(?:is|was|are|were) (?:the )?([\p{L}\p{N} .'-]+?) born\b/u.exec(q)?.[1]?.split(/\s+/).pop();
    out.push({ what: 'a birth', test: BIRTH, ...(who ? { of: who, subject: true as const } : {}) });
  }
  // "What did X die of", "what was the cause of her death", "what killed him": a cause, which "the death of X in 1899"
  // or "X died in 1810" does not give.
  if (/\b(?:die|died|dies)\s+(?:of|from)\b|\bcause of (?:\w+\s+)?death\b|^\W*what killed\b/.test(q))
    out.push({ what: 'a cause of death', test: DEATH_CAUSE });
  if (
    (/\bhow much\b/.test(q) &&
      /\b(?:cost|costs|costing|paid|pay|pays|paying|price|priced|spend|spent|worth|salary|earn|earns|earned|charge|charged|money|fee|fees|fares?|tickets?|admission|rent|sold|sell|buy|bought|raise|raised|raising|collect|collected|donate|donated|contribute|contributed|pledge|pledged)\b/.test(
        q,
      )) ||
    // "What was the (total) value of trade …", "what is the price of …": an amount of money too, asked with "what";
    // and "what price did X sell at", "what would X cost", "what was X worth", "what did X sell for".
    /\bwhat(?:'s| is| was| are| were)? (?:the )?(?:[\p{L}-]+ )?(?:value|price|cost) of\b/u.test(q) ||
    /^\W*what (?:price|cost)\b/.test(q) ||
    /^\W*what\b[^?]*\b(?:cost|costs|worth|(?:sell|sells|sold|go|goes|went) for)\W*$/.test(q) ||
    // The bare verb after "does", "would": "what would it cost to run X", "what does X cost a month", "what did the
    // shares go for in the offering".
    /^\W*what (?:do|does|did|would|will|could|might|should|can)\b[^?]*?\b(?:cost|(?:sell|go) for)\b/.test(q) ||
    // "What did X get paid for the concert", "what does X earn".
    /^\W*what\b[^?]*\b(?:(?:get|gets|got|was|were|is|are|be|been|being) paid|earns?|earned)\b/.test(q)
  )
    out.push({ what: 'an amount of money', test: MONEY });
  const sum = MONEY_NOUNS.find((n) => asksSum(q, n.forms));
  if (sum) out.push({ what: `the amount of the ${sum.name}`, test: moneyBeside(sum.written ?? sum.forms) });
  // "How fast has X been growing" asks a rate of change (or a speed: "how fast did the rocket fall").
  const rate = /\bhow (?:fast|quickly)\b(?!-)/.test(q) && CHANGE_VERB.test(q);
  // "How long had X worked …", "how fast did X fly": a measure of what X did, told where the story tells it.
  const ofDeed = /\bhow (?:fast|quickly|far|long|high|deep) (?:did|does|do|had|has|have)\b/.test(q);
  if (rate)
    out.push({
      what: 'a rate',
      test: new RegExp(`${RATE.source}|${SPEED.source}`, 'iu'),
      measure: true,
      ...(ofDeed ? { deed: true as const } : {}),
    });
  // "How long is X", "how tall was X": the measure of X itself, which news may give a few paragraphs down its story
  // ("So I went to see X." … "this three-hour film"): a check of what the question names, where a sentence of the
  // story gives the measure of a thing it points back to, not of a trip ("haul a boat fifty miles to a lake").
  const ofSubject = /\bhow (?:far|tall|deep|wide|heavy|long) (?:is|was|are|were)\b/.test(q);
  for (const [asks, what, test] of UNIT_KINDS)
    if (asks.test(q) && !(rate && what === 'a speed'))
      out.push({
        what,
        test,
        measure: true,
        ...(ofSubject ? { subject: true as const, attached: attached(test) } : {}),
        ...(ofDeed ? { deed: true as const } : {}),
      });
  if (ASKS_WEATHER.test(q)) out.push({ what: 'the weather', test: WEATHER });
  if (ASKS_PARTY.test(q)) out.push({ what: 'a political party', test: PARTY });
  if (ASKS_SCHOOL.test(q)) out.push({ what: 'a school by name', test: SCHOOL });
  if (ASKS_NAME.test(q)) {
    // The relative's name ("X's wife's name", "the name of X's wife") is written beside the word for them.
    const relative = /\b[\p{L}-]+'s (\p{L}+)'s (?:[\p{L}-]+ )?name\b|\bname of (?:the )?[\p{L}-]+'s (\p{L}+)/u.exec(q);
    const word = relative?.[1] ?? relative?.[2];
    out.push({ what: 'a name', test: namesAnew(q, word ? ATTRIBUTES[word] : undefined) });
  }
  if (ASKS_TALLY.test(q)) out.push({ what: 'a vote tally', test: TALLY });
  // "X's wife", "the wife of X": the attribute, and whose it is.
  // The word after the attribute is looked at, not taken: "what's douglas pratt's salary" still reads "pratt's salary".
  const found = [
    ...[...q.matchAll(/\b([\p{L}\p{N}-]+)'s (\p{L}+)\b(?=(?: (\p{L}+))?)/gu)].map((m) => ({
      attr: m[2]!,
      of: m[1]!,
      then: m[3],
    })),
    ...[...q.matchAll(/\bthe (\p{L}+) of ([\p{L}\p{N}-]+)/gu)].map((m) => ({
      attr: m[1]!,
      of: m[2]!,
      then: undefined,
    })),
  ];
  for (const { attr, of, then } of found) {
    const owned = OWNED_ATTRIBUTES[attr]?.(escape(of));
    const plain = ATTRIBUTES[attr];
    const test = plain && owned ? new RegExp(`${plain.source}|${owned.source}`, 'iu') : (plain ?? owned);
    if (test && !out.some((c) => c.what === attr))
      out.push({ what: attr, test, of, subject: true, ...(then ? { then } : {}) });
  }
  return out;
}

/** A question's kind checks and the role it asks the holder of, read once per question for every check that needs them. */
export interface QuestionChecks {
  kinds: KindCheck[];
  /** The role asked ("the mayor of Tokyo": role.ts), or null; never an attribute ("X's wife"), which `kinds` checks. */
  role: AskedRole | null;
}

/**
 * The question read for the checks: its kind and attribute checks, and the role it asks the holder of. The role's word
 * (or one of its stand-ins) must be in the quoted window with a name beside it (scope.ts, the one role check): a story
 * that names Tokyo but no mayor does not answer "Who is the mayor of Tokyo?".
 */
export function readChecks(question: string): QuestionChecks {
  const kinds = kindChecks(question);
  const role = askedRole(question);
  return { kinds, role: role && !(role.role in ATTRIBUTES) ? role : null };
}

/**
 * The checks that `text` (the quoted sentences, in `passage`) fails, by what they ask for. Whose attribute it is may be
 * named in `before` (the paragraph before) when the passage opens referring back to it ("He is married to …").
 */
export function failedChecks(checks: KindCheck[], text: string, passage = text, before = ''): string[] {
  const folded = fold(REFERS_BACK.test(passage) ? `${before}\n${passage}` : passage);
  return checks
    .filter((c) => !c.test.test(text) || (c.of !== undefined && !new RegExp(`\\b${escape(c.of)}\\b`).test(folded)))
    .map((c) => (c.of ? `${c.of}'s ${c.what}` : c.what));
}

/** A paragraph opening with a pronoun: it speaks of whom the one before named. */
const REFERS_BACK = /^["“]?(?:he|she|his|her)\b/i;

/** `s` with the characters a regular expression reads specially escaped. */
export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
