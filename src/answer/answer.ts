import type { Article } from '../knowledge/types.ts';
import type { SearchIndex } from '../search/index.ts';
import type { AnswerContext } from './context.ts';
import { askedFor, slotLookup, type AskedFor } from './evidence.ts';
import { factCards } from './facts.ts';
import { answerPhrase, leadWithPhrase, notPersonName } from './phrase.ts';
import {
  answerType,
  asksDay,
  asksLede,
  fixQuestionWord,
  objectVerb,
  questionVerb,
  readShorthand,
  typeEvidence,
  type AnswerType,
} from './question.ts';
import { abstentionFeatures, answerProbability, type AbstentionFeatures } from './abstain.ts';
import type { AnswerModel } from './model.ts';
import {
  coverage,
  rankSentences,
  tokenSet,
  type Candidate,
  type FeatureName,
  type Features,
  type RankWork,
} from './rank.ts';
import type { AskResult, FactCard, Snippet } from './result.ts';
import { buildSlots, joinSplitNames, splitJoinedWords, type Slot } from './slots.ts';
import { repick } from './repick.ts';
import { roleNoun } from './role.ts';
import { joinableNeighbours } from './span.ts';
import { escape, failedChecks, readChecks } from './kinds.ts';
import { STORY_DAY, failedScope, followUpCheck, scopeChecks, type ScopeCheck } from './scope.ts';
import { fold, termOf, tokenize } from '../text/terms.ts';
import { storyHas, supported } from './story.ts';
import { KINDS, NEIGHBOUR, SCOPE, SNIPPETS } from './tuning.ts';
import { WEEKDAYS } from '../text/patterns.ts';

/** Openings that refer back to the sentence before ("It", "The two sides", "This marked …"). */
const ANAPHORA =
  /^(?:["“]?)(?:it|its|this|that|these|those|they|their|them|he|his|she|her|such|both|the two (?:sides|countries|leaders|parties)|the (?:latter|former)|there)\b/i;

/**
 * A sentence that opens with a participle's clause and then refers back by a pronoun: "Located on the first floor of
 * Stanford Hall, it is …", "Founded in 1920, they …". It goes on about what the sentence before named, as one that
 * opens with the pronoun does (`ANAPHORA`).
 */
const LEADS_TO_PRONOUN = /^["“]?\p{Lu}\p{Ll}+(?:ed|en|ing)\b[^,.;:]{0,100},\s+(?:it|its|they|their|he|his|she|her)\b/u;

/** The sentences one snippet quotes: a run of a passage's sentences. */
interface SentenceSpan {
  passage: number;
  /** First and last sentence of the span, as indexes into the passage's sentences. */
  from: number;
  to: number;
  /** The ranked sentence itself; a joined neighbour is `from` or `to`. */
  focus: number;
  score: number;
}

/** A question read against the material, and its candidate sentences, best first. */
export interface RankedQuestion {
  /** The question as read: shorthand written out, a slip in its question word mended, split names joined. */
  read: string;
  type: AnswerType;
  /** What the question asks for (evidence.ts), its type being `type`. */
  asked: AskedFor;
  slots: Slot[];
  /** Folded tokens of the question, for telling new information from words it already has. */
  tokens: Set<string>;
  ranked: Candidate[];
}

/** `work`, when given, counts what ranking did (see `RankWork`). */
export function rankQuestion(
  ctx: AnswerContext,
  question: string,
  work?: RankWork,
  weights: Record<FeatureName, number> = ctx.model.ranking,
): RankedQuestion {
  const read = splitJoinedWords(
    ctx.index,
    joinSplitNames(ctx.index, readShorthand(fixQuestionWord(question, ctx.wordnet()))),
  );
  const asked = askedOf(ctx, read);
  // Framing that points at the opening ("per the intro") is read off the question as written, before it is taken out.
  if (asksLede(question)) asked.lede = true;
  const { type } = asked;
  const slots = buildSlots(ctx, read);
  const tokens = tokenSet(read);
  const ranked = rankSentences(ctx, slots, type, tokens, work, asked, weights);
  return { read, type, asked, slots, tokens, ranked };
}

/**
 * What the question asks for: its answer type from its wording (question.ts) and, for "which X", X, read with WordNet
 * ("which juror", "which judge" ask for a person as "who" does: `namesPerson`).
 */
function askedOf(ctx: AnswerContext, question: string): AskedFor {
  return askedFor(question, answerType(question), ctx.wordnet());
}

/** What answering read, for training and measuring the model (`npm run train`, `npm run eval`). */
export interface AnswerTrace {
  /** The abstention model's input and output; null when a hard veto or a failed check decided. */
  abstention: { features: AbstentionFeatures; probability: number } | null;
  /** Filled when given as an array: every candidate as ranked (before the checks), its features and its snippet. */
  candidates?: { features: Features; text: string }[];
}

export function answer(
  ctx: AnswerContext,
  asked: string,
  model: AnswerModel = ctx.model,
  trace?: AnswerTrace,
): AskResult {
  const { index } = ctx;
  // The question as read ("where r the …" → "where are the …"); the result keeps it as asked.
  const {
    read: question,
    type,
    asked: wanted,
    slots,
    tokens: qTokens,
    ranked,
  } = rankQuestion(ctx, asked, undefined, model.ranking);
  const verb = verbOf(slots, type, question, ctx);
  if (trace?.candidates) {
    trace.candidates = ranked.map((c) => ({
      features: c.features,
      text: spanText(index, expand(index, slots, type, qTokens, c, verb)),
    }));
  }
  const checked = checkAnswer(ctx, question, type, slots, qTokens, ranked, followUpCheck(asked));
  const best = ranked[0];
  const decision =
    'reason' in checked ? checked : decide(ctx, model, slots, type, ranked, checked.promoted, checked.checked, trace);
  if (!best || !decision.answered) {
    return {
      question: asked,
      answered: false,
      snippets: [],
      facts: [],
      suggestions: ctx.suggest(question),
      answer: null,
      confidence: round(decision.confidence),
      reason: decision.reason,
    };
  }

  // Answering is decided on the ranking as it stands; then, within the chosen story, the sentence that holds what is
  // asked for goes first when the top one does not (repick.ts), and the snippets and citations follow it.
  const repicked = repick(
    ctx,
    ranked,
    wanted,
    slotLookup(slots, wanted, qTokens, ctx.wordnet()),
    qTokens,
    verb,
    type === 'person' ? roleNoun(question) : null,
  );
  const order = repicked ? [repicked, ...ranked.filter((c) => c !== repicked)] : ranked;
  const spans: SentenceSpan[] = [];
  for (const c of order) {
    if (spans.length >= SNIPPETS.max) break;
    const span = expand(index, slots, type, qTokens, c, verb);
    if (spans.some((s) => s.passage === span.passage && s.from <= span.to && span.from <= s.to)) continue;
    spans.push(span);
  }
  const snippets = spans.map((s) => toSnippet(ctx, s));
  // The phrase is read with the ranking's weighted question words, so a rare word and its stand-ins place it.
  const terms = slots.map((s) => ({
    alternatives: s.instances ? s.alternatives.filter((t) => !s.instances!.has(t)) : s.alternatives,
    weight: s.weight,
  }));
  const wordnet = ctx.wordnet();
  const phrase = answerPhrase(question, snippets[0]!.text, {
    type,
    terms,
    // Only "who …" and a person's noun ask a person: "which countries chaired X" is answered by places.
    ...(type === 'person' && wanted.someone && wordnet
      ? { notPerson: (words: readonly string[]) => notPersonName(wordnet, words) }
      : {}),
  });
  return {
    question: asked,
    answered: true,
    snippets,
    facts: leadWithPhrase(cardsFor(ctx, spans, question), phrase),
    suggestions: [],
    answer: phrase,
    confidence: round(decision.confidence),
  };
}

/** News dates events by weekday and by "yesterday": an answer to "when" too. */
const RELATIVE_DAY = new RegExp(
  `\\b(?:${WEEKDAYS}|yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year|spring|summer|fall|autumn|winter))\\b`,
  'i',
);

/** The text a candidate would quote: its sentence with the neighbours that can join it. */
function windowText(index: SearchIndex, c: Candidate): string {
  const passage = index.passages[c.passage]!;
  const k = index.sentences[c.sentence]!.sentence;
  const around = [k, ...joinableNeighbours(passage, k)];
  return spanText(index, { passage: c.passage, from: Math.min(...around), to: Math.max(...around) });
}

/** What a candidate's window may refer back to, and the window: its passage up to the window's end, and the paragraph before. */
function introducing(index: SearchIndex, c: Candidate): string {
  const passage = index.passages[c.passage]!;
  const k = index.sentences[c.sentence]!.sentence;
  const to = Math.max(k, ...joinableNeighbours(passage, k));
  const before = index.passages[c.passage - 1];
  const previous = before && before.articleId === passage.articleId ? `${before.text}\n` : '';
  return previous + passage.text.slice(0, passage.sentences[to]!.end);
}

/**
 * Whether the section that holds `passage` uses `term`: its headings or any of its passages (the passages of its article
 * under the same heading, one after another in the index). An article without sections is one section.
 */
function sectionHas(ctx: AnswerContext, passage: number, term: string): boolean {
  const { index } = ctx;
  const id = index.termId(term);
  if (id < 0) return false;
  if (index.headingTermIds(passage).includes(id)) return true;
  const { articleId, section } = index.passages[passage]!;
  const same = (n: number) => {
    const p = index.passages[n];
    return p !== undefined && p.articleId === articleId && p.section === section;
  };
  const reach = KINDS.sectionPassages;
  for (let n = passage; n > passage - reach && same(n); n--) if (index.passageTermIds(n).includes(id)) return true;
  for (let n = passage + 1; n < passage + reach && same(n); n++) if (index.passageTermIds(n).includes(id)) return true;
  return false;
}

/**
 * What an answer must hold before it is given (kinds.ts): the question's names in its story ("names pick the story"),
 * an age for "how old", money for "how much … cost", a number for "how many", a date for "when", "X's wife" a wife
 * next to X. The first candidate that holds it goes first (`ranked` is reordered): one of the best few, or a sentence
 * of the best candidate's own story (the answer often sits a few paragraphs below the sentence that restates the
 * question). When none does, the question is declined with a reason naming what is missing. Null when there is
 * nothing to check or a candidate passes.
 */
function checkAnswer(
  ctx: AnswerContext,
  question: string,
  type: AnswerType,
  slots: Slot[],
  qTokens: Set<string>,
  ranked: Candidate[],
  followUp: ScopeCheck | null = null,
): { answered: false; confidence: number; reason: string } | { promoted: boolean; checked: boolean } {
  const { index } = ctx;
  // The question is read once for every check: its kinds, and the role it asks the holder of (role.ts, checked in
  // scope.ts).
  const read = readChecks(question);
  const typed = type === 'quantity' || type === 'date';
  // "Who is the X …" asks which person the X is, by name ("who was at the summit" may be answered by who was there:
  // "delegates from twelve countries").
  const asksWho = type === 'person' && /^\W*who(?:'s|s| is| was| are| were) the\b/.test(fold(question));
  // "On what date …": a date to the day goes first, over a month or a year alone.
  const day = type === 'date' && asksDay(question);
  const scope = scopeChecks(question, read, slots, { vectors: ctx.vectors, wordnet: ctx.wordnet() });
  // "Did X actually …", read off the question as asked (reading drops "actually").
  if (followUp) scope.push(followUp);
  // Names of the question that the material has (a number is not a name here: "2022" is in many stories).
  // A lower-case word that may name a place or a people ("turkey", "german") is one too.
  // A single letter is part of a code ("V-1", "B-52"), not a name to look for.
  const names = slots.filter((s) => (s.named || s.nameLike) && !s.unknown && !/\d/.test(s.term) && s.term.length > 1);
  // An attribute followed by a name ("the robber's wife Lavaughn Huntley") names its holder: nothing to check.
  const checks = read.kinds.filter((k) => k.then === undefined || !names.some((s) => s.token === k.then));
  const best = ranked[0];
  const none = { promoted: false, checked: false };
  if (!best) return none;
  if (checks.length === 0 && scope.length === 0 && !typed && names.length === 0) return none;
  const bestArticle = index.passages[best.passage]!.articleId;
  // A name is matched as written, not only by its stem: "Connall" and "Connally" share one ("connal").
  const folded = new Map<string, string>();
  const unpunctuated = new Map<string, string>();
  const asked = fold(question);
  const seen = new Map<string, boolean>();
  const written = (passage: number, token: string) => {
    // Short tokens and acronyms ("U.S." is "us") are left to the stem.
    // Words the question does not write ("7th" is read "seventh") are left to the stem too.
    if (token.length < KINDS.minWrittenName || !/^\p{L}+$/u.test(token) || !nameWritten(asked, token)) return true;
    const id = index.passages[passage]!.articleId;
    // Candidates share articles: each article is folded and read once per name.
    const key = `${id}\n${token}`;
    let found = seen.get(key);
    if (found === undefined) {
      let text = folded.get(id);
      if (text === undefined) {
        const a = ctx.articles.get(id)!;
        folded.set(id, (text = fold(`${a.title}\n${a.body}`)));
      }
      // "O'Brien" is the token "obrien". The article without them is made once, for the names not written as asked.
      found = nameWritten(text, token);
      if (!found) {
        let bare = unpunctuated.get(id);
        if (bare === undefined) unpunctuated.set(id, (bare = text.replace(/['’.]/g, '')));
        found = nameWritten(bare, token);
      }
      seen.set(key, found);
    }
    return found;
  };
  const needStory = checks.length > 0 || scope.length > 0 || names.length > 0;
  const measured = checks.some((c) => c.measure) && names.length > 0;
  const deed = checks.some((c) => c.deed);
  // A name after "at" or "in" is where the measured thing is ("the ninth hole at Augusta"), not what is measured: news
  // names a story's place once, at its top or in passing, and the measure many paragraphs on. It is checked with the
  // story's names (above), not beside the measure.
  const setting = new Set(
    names.filter((s) => measured && new RegExp(`\\b(?:at|in) (?:the )?${escape(s.token)}\\b`).test(asked)),
  );
  // A count is of what the question names too: "how many countries did X consult" is not answered by Y's count in a
  // section of the article that never names X (news, with no sections, states a story's names once, at its top).
  // A date likewise: "when does X's chairmanship end" is not answered by the date of a press conference in a section
  // that never names X.
  const counted = (type === 'quantity' || type === 'date') && !measured && names.length > 0;
  // Answer type only reorders: with no candidate holding a date or number, the best one still stands (a "when"
  // question is often answered by what happened, not a date); kind checks and names decline.
  /**
   * What candidate `c` fails of the checks (empty when it passes them all), and whether it fails only checks of what
   * the question names ("X's wife", "how old is X").
   */
  const failures = (c: Candidate): { failed: string[]; subjectOnly: boolean } => {
    const failed: string[] = [];
    // A name the story has only by its stem ("Connally" for "Connall") counts when another of the question's names
    // is written there as asked ("Theodor Hesburgh" for "Theodore Hesburgh"): alone, it is another person.
    const inStory = names.filter((s) =>
      s.alternatives.some((t, k) => s.evidence[k]! > 0 && storyHas(ctx, c.passage, t)),
    );
    // A slip inside a name ("Azerbijan") is corrected in slots.ts, and its correction is the name as meant.
    const asWritten = inStory.filter(
      (s) =>
        s.alternatives.some((t, k) => k > 0 && s.evidence[k]! > 0 && storyHas(ctx, c.passage, t)) ||
        written(c.passage, s.token),
    );
    const absent = names.filter(
      (s) => !inStory.includes(s) || (!asWritten.includes(s) && !asWritten.some((o) => o !== s)),
    );
    if (absent.length > 0) failed.push(`${absent.map((s) => s.token).join(', ')} in the same story`);
    const text = windowText(index, c);
    const previous = index.passages[c.passage - 1];
    const before = previous && previous.articleId === index.passages[c.passage]!.articleId ? previous.text : '';
    const kindFailed = failedChecks(checks, text, index.passages[c.passage]!.text, before);
    // "Who is the official who kept the record": someone is asked, by name. A window with no name the question lacks
    // ("a top official of the New Frontier who kept a record") tells of them and names no one.
    if (asksWho && typeEvidence('person', text, qTokens) === 0) kindFailed.push('a name');
    // A measure of what the question's named subject did counts as the subject's ("how long had Mary Self worked").
    const subjectOnly =
      failed.length === 0 &&
      kindFailed.length > 0 &&
      checks.every((k) => k.subject || (k.deed && names.length > 0) || k.test.test(text));
    failed.push(...kindFailed);
    if (scope.length > 0 || measured) {
      // The terms of the candidate's passage and its headings.
      const headingTerms = ctx.headingTerms(c.passage);
      const passageTerms = new Set([...index.passageTerms(c.passage), ...headingTerms]);
      // The whole article (or the item of a page of several): who leads Y is said once, anywhere in it.
      const story = () => {
        const { from, to } = ctx.storyRange(c.passage) ?? { from: c.passage, to: c.passage + 1 };
        return index.passages
          .slice(from, to)
          .map((p) => p.text)
          .join('\n');
      };
      // The story's top: its first paragraph, where news names the place its officials serve.
      const lede = () => new Set(index.passageTerms(ctx.storyRange(c.passage)?.from ?? c.passage));
      // The paragraphs from its story's top, the nearest before it that dates itself by a day ("was asked Monday"),
      // where a story that is one of several in an article opens.
      const leadUp = () => {
        const article = index.passages[c.passage]!.articleId;
        if (STORY_DAY.test(index.passages[c.passage]!.text)) return new Set<string>();
        for (let p = c.passage - 1; p >= Math.max(0, c.passage - SCOPE.leadUp); p--) {
          if (index.passages[p]!.articleId !== article) break;
          if (!STORY_DAY.test(index.passages[p]!.text)) continue;
          const out = new Set<string>();
          for (let k = p; k < c.passage; k++) for (const t of index.passageTerms(k)) out.add(t);
          return out;
        }
        return new Set<string>();
      };
      failed.push(...failedScope(scope, { text, passageTerms, headingTerms, story, lede, leadUp }));
      // A measure is of what the question names: "10 years" of a contract is not the length of a march named only
      // after it. The name is in the window or before it: its passage so far, or the paragraph before ("the band"
      // for the Granite Band); a name of the article's own, in its headings, anywhere.
      if (measured) {
        const quoted = new Set(tokenize(introducing(index, c)).flatMap((t) => termOf(t) ?? []));
        const near = (s: Slot) =>
          s.alternatives.some((t, k) => s.evidence[k]! > 0 && (quoted.has(t) || headingTerms.has(t)));
        // Who did what the measure is of, named in full at the story's top, is named by surname after ("Mrs. Mary
        // Self" … "Mrs. Self"): a name's earlier words go with its last. Not a thing's name ("the Notre Dame Victory
        // March" is not "the March").
        const away = names.filter((s) => !setting.has(s) && !near(s) && !(deed && surnamed(s, names, asked, near)));
        if (away.length > 0) failed.push(`${away.map((s) => s.token).join(', ')} with the measure`);
      }
    }
    if (counted) {
      // A long alias counts whole ("Shanghai Cooperation Organisation", not "cooperation").
      const away = names.filter(
        (s) =>
          !s.alternatives.some(
            (t, k) => s.evidence[k]! > 0 && (s.joint?.get(t) ?? [t]).every((x) => sectionHas(ctx, c.passage, x)),
          ),
      );
      if (away.length > 0)
        failed.push(`${away.map((s) => s.token).join(', ')} with the ${type === 'date' ? 'date' : 'count'}`);
    }
    return { failed, subjectOnly: subjectOnly && failed.length === kindFailed.length };
  };
  /** Whether a candidate that passes the checks holds the answer type asked for (only reorders). */
  const typedOk = (c: Candidate) => {
    if (!typed) return true;
    const text = windowText(index, c);
    return typeEvidence(type, text, qTokens, day) > 0 || (type === 'date' && RELATIVE_DAY.test(text));
  };
  let missing: string[] = [];
  let subjectOnly = false;
  // "On what date …" asks for nothing but a date: unlike "when" (often answered by what happened), a question that
  // names the date or day is not answered by a sentence that gives none ("will be called shortly"). A month or a year
  // alone is still a date here: to the day only reorders. The best few are read for one, not the rest of the story.
  let dated = !day;
  /** Close candidates of other stories that, like the best, name the question's subject and fail only its checks. */
  const others: Candidate[] = [];
  const limit = Math.min(ranked.length, KINDS.storyCandidates);
  for (let i = 0; i < limit; i++) {
    const c = ranked[i]!;
    // A best candidate that fails a check gives way to one a wider gap below; one that only lacks the type, a narrower.
    const gap = missing.length > 0 ? KINDS.maxScoreGap : KINDS.typeGap;
    const top = i < KINDS.candidates && supported(c, type) && c.score >= best.score - gap;
    const sameStory = index.passages[c.passage]!.articleId === bestArticle;
    // The answer type alone only reorders the best few; the story is searched for kind checks and names.
    if (!top && !(sameStory && needStory)) {
      if (!needStory && i >= KINDS.candidates) break;
      continue;
    }
    if (!dated && top) {
      const text = windowText(index, c);
      dated = typeEvidence(type, text, qTokens) > 0 || RELATIVE_DAY.test(text);
    }
    const result = failures(c);
    if (result.failed.length > 0) {
      if (i === 0) {
        missing = result.failed;
        subjectOnly = result.subjectOnly;
      } else if (subjectOnly && top && result.subjectOnly) others.push(c);
      continue;
    }
    if (!typedOk(c)) continue;
    if (i > 0) ranked.unshift(...ranked.splice(i, 1));
    return { promoted: i > 0, checked: checks.length > 0 || scope.some((s) => !s.quiet) };
  }
  // The best candidate has the question's names and fails only a check of what it names ("Pfaff's wife", "how old is
  // Moritz"), and no other candidate passes: news gives it a few paragraphs down the same story, in a paragraph the
  // search never scored ("He is married to the former Audrey Knecht"). The story's other sentences are read, nearest
  // paragraph first, for one that passes every check; it stands for the best candidate, whose ranking and evidence
  // the abstention model reads. Only such checks: "an amount of money" anywhere in a story is no answer.
  // Several stories may name the subject ("La Dolce Vita" in a columnist's notes and in a review): the stories of the
  // close candidates that do as the best does are read after its own, best first.
  if (subjectOnly) {
    const ok = (c: Candidate) =>
      failures(c).failed.length === 0 &&
      typedOk(c) &&
      checks.every((k) => !k.attached || k.attached.test(windowText(index, c)));
    const storiesRead = new Set<string>();
    for (const c of [best, ...others]) {
      const story = ctx.storyRange(c.passage);
      const key = story ? `${story.from}:${story.to}` : `${c.passage}`;
      if (storiesRead.has(key)) continue;
      storiesRead.add(key);
      const found = storySentencePassing(ctx, c === best ? ranked : [c, ...ranked], ok);
      if (found) {
        ranked.unshift(found);
        return { promoted: true, checked: true };
      }
    }
  }
  // Only the answer type was missing (or no candidate was close enough to check, which says nothing the abstention
  // model does not read): the best candidate stands, and abstention decides.
  if (!dated) missing = ['a date'];
  if (missing.length === 0) return none;
  return { answered: false, confidence: 0, reason: `The material does not give ${missing.join(' or ')}.` };
}

/**
 * Whether name `s` is an earlier word of a name the question writes whole ("mary" of "mary self") whose next word
 * passes `near`: the story names the person in full once and by the last word after.
 */
function surnamed(s: Slot, names: Slot[], question: string, near: (s: Slot) => boolean): boolean {
  const next = names.find((o) => o !== s && new RegExp(`\\b${escape(s.token)} ${escape(o.token)}\\b`).test(question));
  return next !== undefined && (near(next) || surnamed(next, names, question, near));
}

/**
 * The first sentence of the best candidate's article within `KINDS.storyReach` paragraphs of it (its own passage
 * first, then the paragraphs after and before it, nearest first) that is no candidate already and passes `ok`: a
 * candidate carrying the best one's features and score, or null. At most `KINDS.storySentences` sentences are read.
 */
function storySentencePassing(
  ctx: AnswerContext,
  ranked: readonly Candidate[],
  ok: (c: Candidate) => boolean,
): Candidate | null {
  const { index } = ctx;
  const best = ranked[0]!;
  const article = ctx.storyRange(best.passage) ?? { from: best.passage, to: best.passage + 1 };
  const from = Math.max(article.from, best.passage - KINDS.storyReach);
  const to = Math.min(article.to, best.passage + KINDS.storyReach + 1);
  const scored = new Set(ranked.map((c) => c.sentence));
  const order = [best.passage];
  for (let d = 1; best.passage + d < to || best.passage - d >= from; d++) {
    if (best.passage + d < to) order.push(best.passage + d);
    if (best.passage - d >= from) order.push(best.passage - d);
  }
  let read = 0;
  for (const p of order) {
    const first = index.firstSentence(p);
    const n = index.passages[p]!.sentences.length;
    for (let k = 0; k < n; k++) {
      if (read++ >= KINDS.storySentences) return null;
      const sentence = first + k;
      if (scored.has(sentence)) continue;
      const c: Candidate = { ...best, sentence, passage: p };
      if (ok(c)) return c;
    }
  }
  return null;
}

/**
 * Whether folded `text` writes the name `token` (folded) as a word of its own: as it is, or with a plural or possessive
 * ending ("Kennedy", "Kennedys", "Kennedy's"), and not only a longer name with the same stem ("Connally" for "Connall").
 */
export function nameWritten(text: string, token: string): boolean {
  const bare = token.replace(/(?:['’]s|s)$/, '');
  // Found with indexOf and its edges checked by hand: a regular expression over a whole article per name and
  // candidate cost several percent of a question (measured with scripts/bench/profile.ts).
  for (const form of new Set([token, bare])) {
    if (!form) continue;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (wordCharAt(text, at - 1)) continue;
      const end = at + form.length;
      if (WRITTEN_ENDINGS.some((e) => text.startsWith(e, end) && !wordCharAt(text, end + e.length))) return true;
    }
  }
  return false;
}

/** What may follow a name as written: nothing, a plural or a possessive ("Kennedy", "Kennedys", "Kennedy's"). */
const WRITTEN_ENDINGS = ['', "'s", '’s', 's', 'es', "'", '’'];

/** Whether `text` has a letter or digit at `i` (false outside the text). */
function wordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]!);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Decide whether the material answers. A name the material never mentions declines at once (a hard veto, not
 * learned); otherwise the abstention model (abstain.ts, weights.json) gives the probability that the first answer is
 * right from the evidence of the best candidate, its score and margin, and the question's slots, and the question is
 * declined below the model's threshold. The confidence is that probability.
 */
function decide(
  ctx: AnswerContext,
  model: AnswerModel,
  slots: Slot[],
  type: AnswerType,
  ranked: Candidate[],
  promoted: boolean,
  checked: boolean,
  trace: AnswerTrace | undefined,
): { answered: boolean; confidence: number; reason?: string } {
  const best = ranked[0];
  if (slots.length === 0) return { answered: false, confidence: 0, reason: 'The question has no words to look up.' };
  if (!best) return { answered: false, confidence: 0, reason: 'Nothing in the material matches the question.' };
  const unknownNames = slots.filter((s) => s.unknown && (s.named || s.nameLike));
  if (unknownNames.length > 0) {
    const names = unknownNames.map((s) => s.token).join(', ');
    return { answered: false, confidence: 0, reason: `The material never mentions: ${names}.` };
  }
  const features = abstentionFeatures(ctx, slots, type, ranked, promoted, checked);
  const confidence = answerProbability(model.abstention, features);
  if (trace) trace.abstention = { features, probability: confidence };
  if (confidence < model.abstention.threshold) {
    return { answered: false, confidence, reason: 'The material does not cover enough of what the question asks.' };
  }
  return { answered: true, confidence };
}

/** The slot of the verb of "who will star …" (question.ts, `questionVerb`), or undefined. */
function verbOf(slots: Slot[], type: AnswerType, question: string, ctx: AnswerContext): Slot | undefined {
  const verb = type === 'person' ? (questionVerb(question) ?? objectVerb(question, ctx.wordnet())) : null;
  const term = verb ? termOf(verb) : null;
  return term ? slots.find((s) => s.term === term) : undefined;
}

/** Joins the better neighbouring sentence (the one that adds most of what the question asks) when the two fit in the snippet length. */
function expand(
  index: SearchIndex,
  slots: Slot[],
  type: AnswerType,
  qTokens: Set<string>,
  c: Candidate,
  verb?: Slot,
): SentenceSpan {
  const passage = index.passages[c.passage]!;
  const k = index.sentences[c.sentence]!.sentence;
  const own = passage.sentences[k]!;
  const span: SentenceSpan = { passage: c.passage, from: k, to: k, focus: k, score: c.score };
  const ownTerms = new Set(index.sentenceTerms(c.sentence));

  const options: { at: number; gain: number; typed: boolean }[] = [];
  for (const at of joinableNeighbours(passage, k)) {
    const s = passage.sentences[at]!;
    const sTerms = new Set(index.sentenceTerms(c.sentence + at - k));
    // What the neighbour adds: question content the best sentence lacks.
    let gain = coverage(slots, (t) => ownTerms.has(t) || sTerms.has(t)) - coverage(slots, (t) => ownTerms.has(t));
    if (at === k - 1 && ANAPHORA.test(own.text)) gain += NEIGHBOUR.anaphoraBefore;
    if (at === k + 1 && (ANAPHORA.test(s.text) || LEADS_TO_PRONOUN.test(s.text))) gain += NEIGHBOUR.anaphoraAfter;
    // The best sentence lacks the kind of thing asked for and the neighbour has it: the checks read the sentence with
    // its neighbours for it (a date for "when"), so the snippet quotes that neighbour.
    // Read once, and only when a rule below needs it.
    let holds: boolean | undefined;
    const holdsType = () => (holds ??= typeEvidence(type, s.text, qTokens) > 0);
    const typed = type !== 'other' && c.typeMatches === 0 && holdsType();
    // "Who will star …": the neighbour holds the verb, which the best sentence lacks, and a name to go with it.
    if (verb && holdsSlot(verb, sTerms) && !holdsSlot(verb, ownTerms) && holdsType()) gain += NEIGHBOUR.verbName;
    options.push({ at, gain, typed });
  }
  // The better neighbour is always joined when the two fit: it often completes the answer. One that holds the kind of
  // thing asked for, which the best sentence lacks, goes before one that only adds question words ("Construction was
  // started on the 17th of May" over "Around the time of the fire" for "on what date was the rebuilding begun after the
  // fire"): a question word added says nothing the question did not.
  options.sort((a, b) => Number(b.typed) - Number(a.typed) || b.gain - a.gain || a.at - b.at);
  const pick = options[0];
  if (pick) {
    span.from = Math.min(pick.at, k);
    span.to = Math.max(pick.at, k);
  }
  return span;
}

/** Whether `terms` hold one of the slot's alternatives. */
function holdsSlot(slot: Slot, terms: Set<string>): boolean {
  return slot.alternatives.some((t) => terms.has(t));
}

/** The article with this id (a map in the context: a scan costs milliseconds at 10,000 articles). */
function articleById(ctx: AnswerContext, id: string): Article {
  return ctx.articles.get(id)!;
}

/** The verbatim text of a run of a passage's sentences. */
function spanText(index: SearchIndex, span: Pick<SentenceSpan, 'passage' | 'from' | 'to'>): string {
  const passage = index.passages[span.passage]!;
  return passage.text.slice(passage.sentences[span.from]!.start, passage.sentences[span.to]!.end);
}

function toSnippet(ctx: AnswerContext, span: SentenceSpan): Snippet {
  const passage = ctx.index.passages[span.passage]!;
  const article = articleById(ctx, passage.articleId);
  const text = spanText(ctx.index, span);
  return {
    text,
    passageId: passage.id,
    articleId: article.id,
    title: article.title,
    section: passage.section,
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
    published: article.published,
    score: round(span.score),
  };
}

/** Fact cards for the cited spans, the answer's first (src/answer/facts.ts). */
function cardsFor(ctx: AnswerContext, spans: SentenceSpan[], question: string): FactCard[] {
  const cited = spans.map((s) => {
    const passage = ctx.index.passages[s.passage]!;
    return { article: articleById(ctx, passage.articleId), passage, from: s.from, to: s.to, focus: s.focus };
  });
  return factCards(ctx.facts, cited, ctx.knowledge.curatedCards, question);
}
