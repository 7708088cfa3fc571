import { parse as parseYaml } from 'yaml';
import { displayPath } from '../knowledge/load.ts';
import { describeZodError } from '../knowledge/schema.ts';
import type { Article, Knowledge, Problem } from '../knowledge/types.ts';
import { firstDay, formatPartial, parsePartial } from './dates.ts';
import type { DraftEvent } from './events.ts';
import { TimelineFileSchema, type TimelineOverride } from './schema.ts';

export interface OverrideFile {
  file: string;
  overrides: TimelineOverride[];
}

/** Parses and validates one `timeline.yaml` source; a broken file is one problem naming it, and nothing else. */
export function parseOverrideFile(file: string, source: string, problems: Problem[]): OverrideFile | null {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    problems.push({ file: displayPath(file), message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return null;
  }
  const result = TimelineFileSchema.safeParse(data ?? {});
  if (!result.success) {
    problems.push({ file: displayPath(file), message: describeZodError(result.error) });
    return null;
  }
  return { file, overrides: result.data.overrides };
}

/** Every `timeline.yaml` the loader read, validated. */
export function loadOverrideFiles(knowledge: Knowledge, problems: Problem[]): OverrideFile[] {
  return knowledge.timelineFiles.flatMap(({ file, source }) => parseOverrideFile(file, source, problems) ?? []);
}

function locate(article: Article, quote: string) {
  for (const passage of article.passages) {
    if (!passage.text.includes(quote)) continue;
    const at = passage.text.indexOf(quote);
    const sentence = passage.sentences.find((s) => s.start <= at && at < s.end) ?? passage.sentences[0]!;
    return { passage, sentence };
  }
  return null;
}

/**
 * Applies overrides to the extracted events of their articles. An override whose article, quote
 * or text is not in the material is reported (file and field) and skipped; so is one that picks
 * no event and gives no date to add one.
 */
export function applyOverrides(
  events: DraftEvent[],
  files: OverrideFile[],
  articles: Article[],
  problems: Problem[],
): DraftEvent[] {
  let out = events;
  for (const { file, overrides } of files) {
    overrides.forEach((o, i) => {
      const where = `overrides.${i}`;
      const report = (field: string, message: string) =>
        problems.push({ file: displayPath(file), message: `${where}.${field}: ${message}` });
      const article = articles.find((a) => a.id === o.article);
      if (!article) return report('article', `no article with id "${o.article}"`);
      const at = locate(article, o.quote);
      if (!at) return report('quote', `not found verbatim in article "${o.article}"`);
      if (o.text !== undefined && !at.passage.text.includes(o.text)) {
        return report('text', `not found verbatim in the passage that holds the quote (${at.passage.id})`);
      }
      const picked = out.filter(
        (e) =>
          e.article.id === article.id &&
          (e.sentence.text.includes(o.quote) || e.text.includes(o.quote) || o.quote.includes(e.text)) &&
          (o.when === undefined || formatPartial(e.date) === formatPartial(parsePartial(o.when)!)),
      );
      if (picked.length === 0) {
        if (o.hide || !o.date) return report('quote', 'picks no extracted event (give date to add one)');
        out = [
          ...out,
          {
            date: parsePartial(o.date)!,
            endDate: o.endDate ? parsePartial(o.endDate)! : undefined,
            text: o.text ?? at.sentence.text.trim(),
            mention: o.date,
            kind: o.kind ?? 'event',
            future: firstDay(parsePartial(o.date)!) > article.published,
            article,
            passage: at.passage,
            sentence: at.sentence,
            alsoIn: [],
            curated: true,
          },
        ];
        return;
      }
      if (o.hide) {
        out = out.filter((e) => !picked.includes(e));
        return;
      }
      for (const e of picked) {
        if (o.date) {
          e.date = parsePartial(o.date)!;
          e.endDate = o.endDate ? parsePartial(o.endDate)! : undefined;
          e.future = firstDay(e.date) > e.article.published;
        }
        if (o.text) e.text = o.text;
        if (o.kind) e.kind = o.kind;
        e.curated = true;
      }
    });
  }
  return out;
}
