/**
 * Every tuning number of the answering path, in one place (as MiniSearch keeps its defaults in one block), each with
 * the reason it has its value. Change them here and measure with `npm run eval` and `npm run bench`.
 */

/** Snippets: what the reader gets. */
export const SNIPPETS = {
  /** A joined snippet stays within about this many characters: one or two sentences, never a whole paragraph. */
  maxChars: 400,
  /** The answer and two more places, so a near miss still shows the right sentence. */
  max: 3,
  /** Fact cards shown with an answer: one for each snippet (the answer's first), curated ones in their place. */
  maxCards: 3,
};

/**
 * Abstention: when the material is taken to answer at all is learned (src/answer/abstain.ts, the threshold in
 * weights.json, `npm run train`); what is left here shapes the evidence it reads.
 */
export const ABSTENTION = {
  /**
   * Weighted share of the question's content that a candidate's sentence, passage and headings cover for it to count
   * as supported (story.ts `supported`): which candidates the checks may put first, and one input of the learned model.
   */
  minCoverage: 0.5,
  /** A verb the material never uses counts this much against an answer: questions paraphrase verbs more than topics. */
  unknownVerbFactor: 0.5,
};

/** Sentence ranking: weights of the features a candidate sentence is scored on (see rank.ts). */
export const WEIGHTS = {
  /** Share of the question the sentence covers alone: the main signal. */
  sentenceCoverage: 1.0,
  /** Share covered with its better neighbour: the answer often spans two sentences. */
  spanCoverage: 0.5,
  /** Share covered by its passage and headings: context, weaker than the sentence itself. */
  contextCoverage: 0.35,
  /** The passage's BM25 score, relative to the best passage. */
  passageScore: 0.3,
  /** The sentence's own BM25 score, relative to the best sentence: mostly a tie-breaker. */
  sentenceScore: 0.1,
  /** The sentence holds the kind of thing asked for (a number, a date, a name, a place). */
  typeMatch: 0.2,
  /** Share of the question's neighbouring word pairs the sentence has in the same order. */
  bigram: 0.15,
  /** News puts the key facts first: a prior for the lede, the paragraphs before an article's first heading. */
  lead: 0.15,
  /**
   * Share of the question covered by the sentence's story (its passage, the paragraphs around it, the headings):
   * the story that holds all of the question beats a sibling that holds part (news 51 → 53 of 83 from 0.2 to 0.4).
   */
  storyCoverage: 0.4,
  /** Share of the question's names and numbers in the story: names pick the story among siblings. */
  storyNames: 0.2,
  /**
   * The sentence's own coverage with the story's names counting for it. 0 by hand: at 0.3 it cost Notre Dame 2
   * questions and gained no news question; kept as a feature for the learned weights.
   */
  carriedCoverage: 0,
  /** The sentence holds a number, date or name the question lacks, rather than restating it. */
  novelty: 0.1,
  /**
   * The kind of thing asked for sits next to the question's matched words (evidence.ts): what separates the answering
   * sentence from the one that restates the question, which usually holds some number or name too.
   */
  typedNear: 0.4,
  /** "How many X": a number right before X ("five undergraduate colleges"). */
  countUnit: 0.3,
};

/** Answer-type evidence in a candidate sentence (evidence.ts): how near counts as near. */
export const EVIDENCE = {
  /** The typed credit of people named by what they are, for "who" ("brought together representatives"), against a name's 1. */
  peopleCredit: 0.5,
  /**
   * Candidates whose text is read for typed evidence, the best by their other features: the answering sentence is
   * among the first 15 nearly always, and reading every candidate's text cost about 1 ms a question.
   */
  candidates: 15,
  /** Matched question words this many words or fewer from the typed span count fully ("established in 1920"). */
  nearWords: 3,
  /** From this many words away they no longer count: another clause. */
  farWords: 12,
  /** What "how many" counts: the words after it, at most this many ("how many undergraduate colleges"). */
  maxCountedWords: 3,
  /** The counted word at most this many words after the number ("five undergraduate colleges"). */
  unitAfter: 3,
  /** …or at most this many before it, for less ("faculty more than doubled 389 to 950"). */
  unitBefore: 4,
  unitBeforeCredit: 0.5,
  /** A name counts for "who" and "where" when at least this share of its words is new to the question. */
  newNameShare: 0.5,
  /** "where": a name at most this many words after a locative preposition ("on the first floor of Stanford Hall"). */
  placeReach: 5,
  /** "which X": a name at most this many words after X ("the developer, Kite Realty"), or holding it. */
  headReach: 2,
};

/** Story-level evidence (src/answer/story.ts): a sentence read with the short news story around it. */
export const STORY = {
  /**
   * Paragraphs of the same article on each side of a sentence's own that count as its story: a short news story
   * whole, and on a long article or a page of several items, the item around it.
   */
  window: 3,
  /** Credit in a sentence's own coverage for a question name that is elsewhere in its story, not in the sentence. */
  nameCarry: 0.7,
  /** A candidate short of `ABSTENTION.minCoverage` answers when its story covers this much of the question … */
  minStoryEvidence: 0.75,
  /** … its own sentence, passage and headings at least this much, and it holds what is asked for (story.ts). */
  minOwnEvidence: 0.35,
};

/** Re-picking the answering sentence within the chosen story, after the decision to answer (repick.ts). */
export const REPICK = {
  /** Candidates of the same article read: the best few, where the ranking's sibling sentences of the story sit. */
  candidates: 10,
  /** Sentences of the top candidate's own passage read (news paragraphs have one to three; bounds a long passage). */
  ownSentences: 6,
  /** Paragraphs after the top candidate's that are read: the answer follows its restatement within one or two. */
  nextPassages: 2,
  /** Opening sentences read of each such paragraph: the answer opens the paragraph after the restatement. */
  nextSentences: 2,
  /** Paragraphs after the top candidate's read for a name linked to the question's verb ("directed by X"). */
  linkPassages: 3,
  /** Sentences read of each such paragraph: a review gives its credits anywhere in a paragraph. */
  linkSentences: 3,
  /**
   * Paragraphs from the top candidate within which another candidate of the same article is read, past the story
   * window, when its own sentence covers at least as much of the question as the top's (a long review or column).
   */
  farPassages: 8,
  /**
   * The share of the question such a farther candidate's own sentence must cover: most of it, names and all (a
   * sentence naming only the question's person, "Pfaff served in the Army", is no such restatement).
   */
  farCoverage: 0.75,
  /**
   * Typed evidence (evidence.ts `typedNear`/`countUnit`, 0-1) a sentence needs to go first: the kind asked for next to
   * a fifth of the question's weight. A stray name beside one minor question word ("in the movie …" for "to where")
   * is no answer; the answers seen sit beside 0.27-1 of it.
   */
  minStrength: 0.2,
  /**
   * The same, for a sum of money or a share when "how much" is asked and the top holds only bare numbers: the kind is
   * narrow enough that less of the question's weight beside it will do ("The result: $1.1 billion added to the
   * deficit" after a restatement that names the program).
   */
  minAmountStrength: 0.1,
  /**
   * When the top snippet holds a date, name or place of its own, another sentence's typed evidence must beat the top's
   * by this much: at 0.3 a far better placed one goes first ("Flight 54" beside "took off" over a stray name); at 0.1
   * and 0 the tuning rows lose answers (Notre Dame 214 -> 210 of 269), evidence of the kind being too alike.
   */
  overTop: 0.3,
};

export const RANKING = {
  /** Credit a sentence gets for a question term that is only in its article title or section heading. */
  headingCredit: 1,
  /** Passages and sentences kept from the search as candidates: the right one is nearly always among them. */
  passageCandidates: 6,
  /**
   * The best passages of the search whose stories may write a question word the material uses only as its close
   * synonym ("nation" for "country"), which then counts as evidence for it (slots.ts `addHeldSynonyms`).
   */
  heldSynonymStories: 3,
  sentenceCandidates: 30,
  /**
   * Sentences of one candidate passage scored at most (news paragraphs have under ten): bounds the work per question
   * whatever the material; a longer passage gives the ones the search scored, then those with the most question terms.
   */
  sentencesPerPassage: 16,
  /** Search results fetched per candidate kept, so scores are normalised over a wider field than the candidates. */
  searchDepth: 4,
  /** Weight of the heading field (title and section) against the text in the passage search. */
  headingBoost: 0.5,
  /** Boost for a stand-in term (a derived form or an alias) next to the question's own word. */
  alternativeBoost: 0.3,
  /**
   * The lede feature of a passage of an article's opening, times this, when the question points there ("what word does
   * the intro use for …", "per the opening"): the member says where the answer is.
   */
  ledeAsked: 4,
};

/** Joining a neighbouring sentence to the best one (see answer.ts): bonuses on top of the question content it adds. */
export const NEIGHBOUR = {
  /** The best sentence opens with "It", "This", "The two sides": the one before says what they refer to. */
  anaphoraBefore: 0.2,
  /** The next sentence refers back to the best one: it usually continues the same statement. */
  anaphoraAfter: 0.1,
  /** "Who will star …": the neighbour has the question's verb, which the best sentence lacks, and a name with it. */
  verbName: 0.3,
};

/** Question slots: how much each stand-in for a question word counts (see slots.ts). */
export const SLOTS = {
  /** Spelling corrections kept for one unknown word, at most: the other question words pick the meant one. */
  maxCorrections: 3,
  /**
   * A word no dictionary lists that the material writes in this many passages or fewer may be a slip it shares by
   * chance ("committe"), read also as a known word one slip away that the material uses `slipDfRatio` times as often.
   */
  rareSlipDf: 2,
  slipDfRatio: 20,
  /** A correction one typing slip away from the word as written. */
  typoCredit: 0.8,
  /**
   * A lowercase word in common use that the dictionary lacks, whose slips all land on words this far or further in
   * meaning, is a name, not a typo ("lakers" / "bakers" 0.23, "makers" 0.00; a real variant: "carried" / "carrier" 0.45).
   */
  typoMinCosine: 0.35,
  /**
   * ... and is at most this many times rarer (frequency rank in the word vectors' corpus) than the commonest of those
   * words: names measured 26 to 28× at most ("lakers" / "later", "ikea" / "idea"), misspellings the corpus holds
   * 74 to 1,800× ("seperate" 74, "evey" / "every" 398, "govenment" 1,790).
   */
  nameMaxRankRatio: 40,
  /** A fuzzy correction at edit distance one, and at two. */
  oneEditCredit: 0.8,
  twoEditCredit: 0.6,
  /** Words shorter than this are never corrected (too many neighbours); at least `twoEditsFrom` letters allow two edits. */
  minCorrectable: 4,
  twoEditsFrom: 10,
  /** A short form's name ("nor" for the one name the material starts so): a member's abbreviation, read as a typo is. */
  shortFormCredit: 0.8,
  /** A short form stands for at most this many terms (one name's forms: "norway", "norwegian"). */
  maxShortFormTerms: 4,
  /** A derived form ("chair" / "chairmanship", "Syria" / "Syrian"): nearly the same word. */
  derivedCredit: 0.8,
  /**
   * Another form of an irregular verb ("lead" / "led"): the same verb, a little below the word itself, since a few
   * forms are also other words ("left", "found").
   */
  irregularCredit: 0.9,
  /** A derivation needs a base of at least this many letters, so short words do not match everything after them. */
  minDerivationBase: 5,
  /** Shorter terms (and shorter heads of a longer term) are not looked up for derived forms. */
  minRelatedTerm: 4,
  /** A WordNet synonym helps ranking this much. */
  synonymCredit: 0.7,
  /**
   * A phrasal verb's meaning ("rest on" → "build on") is this much evidence: a phrasal verb has few senses, so its
   * synonyms are closer than a single verb's.
   */
  phrasalEvidence: 0.6,
  /**
   * Senses read of a phrasal verb of a light verb ("give up", "get back"; three for others): the light verb says little
   * alone, so which of its phrasal verb's senses is meant is open ("renounce" is the fifth of "give up").
   */
  lightPhrasalSenses: 12,
  /** Best passages of a search for a name of several words read to tell whether the material holds it whole. */
  aliasPassages: 10,
  /** A closed compound the material writes hyphened ("bakeoffs" for "bake-offs") splits into parts this long or longer. */
  compoundPart: 3,
  /** The longest run of lower-case question words read as one name the material writes capitalised. */
  nameRunWords: 4,
  /** How many passages of such a run's rarest word are read for the passages that hold the whole run. */
  nameScan: 2000,
  /** How much text before such a run is read for the longer name it may end. */
  nameContextChars: 40,
  /** A synonym in the word's commonest sense (not a verb) is this much evidence that the material answers. */
  closeSynonymEvidence: 0.6,
  /**
   * A place name that WordNet files as the kind of place the question names ("which city" / "Paris": places.ts) helps
   * ranking and counts as evidence this much: a close synonym's.
   */
  placeInstanceCredit: 0.7,
  placeInstanceEvidence: 0.6,
};

/**
 * Soft matching with word vectors (src/answer/soft.ts): a question word matches a word of a candidate sentence whose
 * GloVe vector is close, as partial evidence. Measured on the project's paraphrase and many-article sets (npm run eval).
 */
export const SOFT = {
  /** Cosine at or above which two words count as a paraphrase ("deal" / "agreement" 0.86, "jet" / "plane" 0.57). */
  minCosine: 0.6,
  /**
   * A word WordNet relates to the question's (broader, similar, see-also, derived: `WordNet.relatives`) matches from
   * this cosine, as evidence, when it also stands `minRelatedZ` standard deviations above the word's mean cosine to the
   * candidates' words: the dictionary and the vectors agree ("rich" / "abundant" 0.55). Fresh paraphrase set (row
   * paraphrase-2) Hit@1 76.1 -> 78.3%, answered 91.3 -> 93.5%; cosine 0.5 or z 2.5 lost the gain, z 0 lost a Notre Dame
   * answer to a near tie ("primary" / "important").
   */
  minCosineRelated: 0.45,
  /**
   * A question word of at least this many letters is looked for in compounds of it ("show" in "showcased"), which
   * count as its relatives do (soft.ts).
   */
  minCompoundHead: 4,
  minRelatedZ: 2,
  /** Names match only nearly the same thing ("Damascus" / "Syria" 0.81); "iPhone" / "phone" (0.50) never. */
  minCosineName: 0.8,
  /**
   * A soft match from this cosine is evidence that the material answers, for `evidence` of the word (0.7 alone let
   * "people" ≈ "countries", 0.72, answer "How many people live in …"; 0.8 lost paraphrases: see `npm run tune-soft`).
   */
  minEvidenceCosineAlone: 0.75,
  /**
   * Below it, from this cosine, only when the match stands out among the candidates' words: `minEvidenceZ` standard
   * deviations above the question word's mean cosine to them ("frontier" / "border" 0.72 is 3.9 above; "people" /
   * "countries" 0.72 only 2.3, "population" / "total" 0.60 2.6). A common word is close to many words, so closeness
   * alone makes no paraphrase. Paraphrase Hit@1 86.7 -> 90.0% with every out-of-scope question still declined, the
   * same for any z from 2.5 to 3 (`npm run tune-soft`).
   */
  minEvidenceCosine: 0.65,
  minEvidenceZ: 2.8,
  /** Candidate words needed for that mean to say anything: with fewer, only `minEvidenceCosineAlone` counts. */
  minPool: 30,
  /**
   * How much a soft match counts in ranking, times its cosine (below a derived form's 0.8, so "heads" ≈ "chair" never
   * beats "chairmanship"), and as evidence: "tomorrow" ≈ "today" (0.69) must not answer alone.
   */
  credit: 0.8,
  evidence: 0.8,
  /** Soft alternatives kept for one question word, the closest first. */
  maxPerSlot: 4,
};

/** Kind checks before answering (answer.ts, kinds.ts): "how old" needs an age, "how many" a number. */
export const KINDS = {
  /** Candidates looked at for one that holds what is asked for: the right one is usually in the top few. */
  candidates: 5,
  /**
   * A candidate scoring this much below the best is about something else, whatever it holds (measured: 0.6 -> 0.8 answers
   * one more fresh news question, "31 years" in power, and loses nothing; 1.0 lets an out-of-scope question through).
   */
  maxScoreGap: 0.8,
  /**
   * The same gap when the best candidate passes every check and only lacks the answer type asked for: a reorder by type
   * alone moves a candidate up past a best one that is fine otherwise, so it must score closer (measured on the
   * 100k-passage bench: 0.8 -> 0.6 answers 5 more of 500 questions first; the eval is unchanged but for one more news
   * question answered).
   */
  typeGap: 0.6,
  /** Candidates looked at for a sentence of the best one's story that holds it (news states the answer further down). */
  storyCandidates: 40,
  /**
   * Paragraphs read each way for a "how many" question's names in the answer's section (answer.ts, `sectionHas`): a
   * section is a few paragraphs; a long article without headings is read this far and no further (cost stays bounded).
   */
  sectionPassages: 40,
  /** A question's name this long or longer must be written in the answer's story as it is, not only share its stem. */
  minWrittenName: 4,
  /**
   * When only a check of what the question names fails ("Pfaff's wife"), the best candidate's article is read this many
   * paragraphs on each side for a sentence that passes it: a short news story gives the wife five paragraphs down.
   */
  storyReach: 6,
  /** … at most this many sentences: bounds the work of a question about to be declined. */
  storySentences: 40,
};

/** Fact cards. */
export const CARDS = {
  /** Fields on one card: what fits in a glance. */
  maxFields: 6,
  /** A field name longer than this many words is cut after its subject and verb: a name, not a second snippet. */
  maxNameWords: 9,
  /** A field name shorter than this many characters says too little ("It", "Us"). */
  minNameChars: 3,
};

/** Suggestions for a declined question: enough to choose from, few enough to read. */
export const SUGGESTIONS = { count: 5, perArticle: 2 };

/** The answering phrase inside the best snippet (see phrase.ts): how candidates are scored and bounded. */
export const PHRASE = {
  /** Below this score no candidate is trusted, and the answer is null. */
  minScore: 1.6,
  /** A phrase longer than this many tokens is a clause, not a phrase. */
  maxTokens: 12,
  /** Matched question words farther than this (in tokens) say little about where the answer is. */
  proximityWindow: 12,
  /** A name whose words are more than this share new to the question is kept whole, the question's words in it included. */
  keepNameShare: 0.5,
  /** Phrases up to this many tokens carry no length penalty ("Saint Bernadette Soubirous", "more than 750 miles"). */
  shortTokens: 4,
  /** Words after "as well as" / "but also" within which a candidate is what the sentence adds ("but also boost its *national strength*"). */
  additiveWindow: 4,
  /** Words after "how many" that the answer should carry with its number, at most this far after it. */
  unitReach: 5,
  /** "Who will star": a name this many tokens or fewer from the matched verb ("Nilsson will be starred") goes with it. */
  verbReach: 3,
};

/** Weights of the features a phrase candidate is scored on (see phrase.ts). */
export const PHRASE_WEIGHTS = {
  /** Share of the question's words in the candidate's sentence: the answer sits where the question is matched. */
  sentenceMatch: 3,
  /** Closeness to the matched question words (1 when adjacent): SQuAD answers sit next to the words they share. */
  proximity: 1.5,
  /** The candidate is of the type the question asks for (a date for "when", a number for "how many"). */
  typeMatch: 2.5,
  /** A typed question whose type the candidate is not: kept only as a fallback. */
  typeMismatch: -1.5,
  /** A date for a question that asks for no date or number: a life span in brackets, a founding year nearby. */
  untypedDate: -1,
  /** Holds the noun after "which"/"what" ("which *prize*" → "Buechner Prize for Preaching"). */
  headNoun: 1.2,
  /** A number with what the question counts after it ("12 … treaties" for "how many treaties"). */
  unit: 1,
  /**
   * Times the share of the question's weight in a number's own phrase ("15 male dorms" for "how many dorms for
   * males"): of two numbers in one sentence, the one qualified by the question's words answers.
   */
  attached: 2,
  /** Share of the candidate's words that the question does not already have. */
  novelty: 1,
  /** Per token beyond `PHRASE.shortTokens`: a short phrase is easier to see, and SQuAD answers are short. */
  length: -0.08,
  /** A proper name or number outweighs a common noun for the same closeness: it is what news questions ask for. */
  named: 0.3,
  /** The question asks for a name ("what is X called", "which prize"). */
  nameWanted: 0.5,
  /** The same, for a phrase in quotation marks: news quotes a title or a coined name ("he called “Sister Susie”"). */
  quotedName: 0.5,
  /** For "who VERB …", a name next to the matched verb: the one the verb is about, not any name of the sentence. */
  verbNear: 1,
  /** For "who else" / "besides X": a candidate right after "as well as" / "but also", what the sentence adds. */
  addition: 1.5,
  /** A name led by a lower-case word that is not part of it. */
  looseLead: -0.4,
  /** For "who …", a name that names no person by WordNet: a place, or one word it writes in lower case ("the Class"). */
  notPerson: -1,
  /** A time of day alone ("8 p.m.") for a date question that does not ask "what time": a day or a year answers "when". */
  clockAlone: -0.5,
  /** "In what year": a year on its own rather than a fuller date around it. */
  yearAlone: 0.4,
};

/** Scope checks (scope.ts): what a close-to-topic question's answer must hold next to what it names. */
export const SCOPE = {
  /**
   * Paragraphs before a candidate's, in its article, searched for its story's top (a paragraph that dates itself by a
   * day, "was asked Monday"), whose names say whose a role is: a short news story runs a few paragraphs.
   */
  leadUp: 6,
  /** "Who is the R of Y": a name this many words or fewer from R ("the panel, chaired by …, has been the main mediator"). */
  nameNear: 6,
  /** A word standing in for the role, by word vectors: "counsel" for "lawyer" (0.70), not "leaders" for "president" (0.68). */
  roleCosine: 0.7,
  /**
   * A passage word this close by word vectors to a word of a role's owner that the passage lacks, and no WordNet
   * synonym of it, is a rival owner ("football" for "hockey" 0.78); "team" / "hockey" is 0.66.
   */
  rivalCosine: 0.75,
  /** A stand-in's kind is read from this many of its first WordNet noun senses ("counsel" names a person in its 2nd). */
  standInSenses: 3,
  /**
   * A counted noun's stand-in of another WordNet kind, as written: "admissions" for "applicants" (0.67), "games" for
   * "teams" (0.72), not "present" for "people" (0.64) nor "residence" (0.34; its stem "resid" 0.77).
   */
  otherKindCosine: 0.65,
  /**
   * A count of people standing alone ("More than 200 are expected"): the question's other words (not the counted noun)
   * its window must hold at least this many of.
   */
  bareCountWords: 2,
  /** Adjectives read between a count and the noun it counts ("two previous grand juries"), or before a question's counted noun. */
  countAdjectives: 2,
  /** "N in Y": the preposition this many words or fewer after N ("embassy and consulate staffs in"). */
  relationGap: 4,
  /** "N in Y": the places read after the preposition ("in Thailand and Oman"). */
  relationPlaces: 4,
  /** "Who heads Y": a word of leading this many words or fewer from Y ("the OSCE working group, led by"). */
  leaderNear: 4,
  /** "What did X say": a word of speech this many words or fewer from X ("Foreign Minister Lavrov pointed out"). */
  speakerNear: 6,
  /** … or the sentence's subject (a name among its first this many words) … */
  subjectWords: 4,
  /** … with the word of speech this many words or fewer after it, a clause between ("X, when he was …, promised"). */
  subjectSpeechNear: 16,
};
