/** The knowledge base as the rest of the core sees it: articles split into sections, paragraphs and sentences. */

export interface Sentence {
  /** `${passageId}.s${n}`, 1-based. */
  id: string;
  /** Verbatim text of the sentence. */
  text: string;
  /** Offsets into the passage text. */
  start: number;
  end: number;
}

export interface Passage {
  /** `${articleId}#p${n}`, numbered from 1 within its article, so adding another article never moves it. */
  id: string;
  articleId: string;
  /** Position within the article, 1-based. */
  n: number;
  section: string;
  /** Verbatim paragraph text. */
  text: string;
  sentences: Sentence[];
}

export interface Article {
  id: string;
  /** Path relative to the knowledge folder. */
  path: string;
  title: string;
  published: string;
  source?: string | undefined;
  url?: string | undefined;
  authors?: string[] | undefined;
  /** Every front-matter key, including ones the bot does not use. */
  meta: Record<string, unknown>;
  /** The Markdown body after the front matter, unchanged. */
  body: string;
  passages: Passage[];
}

export interface CuratedCard {
  articleId: string;
  title: string;
  quote: string;
  passageId: string;
  fields: { name: string; value: string }[];
}

export interface Problem {
  /** Path of the file, relative to the current directory when possible. */
  file: string;
  message: string;
}

export interface Knowledge {
  dir: string;
  articles: Article[];
  /** Groups of equivalent names from `aliases.yaml` files. */
  aliases: string[][];
  curatedCards: CuratedCard[];
  /** `timeline.yaml` files as read, for the timeline module, which owns their format. */
  timelineFiles: { file: string; source: string }[];
  /** Files that were skipped, and why. */
  problems: Problem[];
  /** Hash of every file that was read, for cache invalidation. */
  hash: string;
}
