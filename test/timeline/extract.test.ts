import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartial, parsePartial } from '../../src/timeline/dates.ts';
import { extractMentions } from '../../src/timeline/extract.ts';

/** `[phrase] date..end` for each mention, compact enough to compare in one line. */
function dates(sentence: string, published: string): string[] {
  return extractMentions(sentence, published).map(
    (m) => `${formatPartial(m.date)}${m.endDate ? `..${formatPartial(m.endDate)}` : ''}${m.future ? ' future' : ''}`,
  );
}

describe('date resolution relative to publication', () => {
  const pub = '2025-12-30';
  it('reads "of this year" as the publication year, with day or month precision', () => {
    expect(dates('On August 8th of this year, agreements were reached.', pub)).toEqual(['2025-08-08']);
    expect(dates('In July of this year, Aliyev spoke.', pub)).toEqual(['2025-07']);
    // chrono alone would pick February 2026, the nearer February; "this year" wins.
    expect(dates('The embassy resumed activities in February of this year after a hiatus.', pub)).toEqual(['2025-02']);
  });
  it('reads last year and next year', () => {
    expect(dates('Talks began in March of last year.', pub)).toEqual(['2024-03']);
    expect(dates('Talks resume in March of next year.', pub)).toEqual(['2026-03 future']);
  });
  it('gives a yearless day the latest year on or before publication', () => {
    expect(dates('The text was released on August 11th, by both ministries.', pub)).toEqual(['2025-08-11']);
  });
  it('looks forward for a yearless month in the future tense', () => {
    expect(dates('The summit will be held in March.', '2025-12-30')).toEqual(['2026-03 future']);
  });
  it('keeps full dates as written', () => {
    expect(dates('The press conference on December 26, 2025, was long.', pub)).toEqual(['2025-12-26']);
    expect(dates('It happened on 2019-03-05 in Baku.', pub)).toEqual(['2019-03-05']);
  });
});

describe('year boundary', () => {
  it('reads "December" in a January article as the previous December', () => {
    expect(dates('In December, the talks resumed.', '2026-01-10')).toEqual(['2025-12']);
    expect(dates('On December 5th, the index fell.', '2026-01-10')).toEqual(['2025-12-05']);
  });
  it('keeps a month that already came this year in this year', () => {
    expect(dates('In January, the talks resumed.', '2026-01-10')).toEqual(['2026-01']);
  });
});

describe('ranges', () => {
  it('reads a day range inside one month', () => {
    expect(dates('The meeting held in Uzbekistan from November 15th to 16th ended well.', '2025-12-30')).toEqual([
      '2025-11-15..2025-11-16',
    ]);
    expect(dates('It ran from 3 to 5 March 2024 in Baku.', '2025-12-30')).toEqual(['2024-03-03..2024-03-05']);
  });
  it('reads a month range whose year comes at the end', () => {
    expect(dates('Between March and May 2023 prices rose.', '2025-12-30')).toEqual(['2023-03..2023-05']);
  });
  it('reads a day range that crosses the new year', () => {
    expect(dates('The holiday ran from December 30 to January 2.', '2026-01-10')).toEqual(['2025-12-30..2026-01-02']);
  });
  it('reads year ranges', () => {
    expect(dates("During China's 2024-2025 chairmanship, it helped.", '2025-12-30')).toEqual(['2024..2025']);
    expect(dates('In the 2024–25 season, it grew.', '2025-12-30')).toEqual(['2024..2025']);
    expect(dates('Between 2020 and 2022 it grew.', '2025-12-30')).toEqual(['2020..2022']);
    expect(dates('In 2020 and 2022 it grew.', '2025-12-30')).toEqual(['2020', '2022']);
  });
});

describe('precision', () => {
  it('never invents a day for a month', () => {
    const [m] = extractMentions('In April 2025, the president visited China.', '2025-12-30');
    expect(m?.date).toEqual({ year: 2025, month: 4, day: undefined });
    expect(formatPartial(m!.date)).toBe('2025-04');
  });
  it('reads bare years, not quantities', () => {
    expect(dates('It became a dialogue partner in 2016 and more.', '2025-12-30')).toEqual(['2016']);
    expect(dates('It will add 6,500 megawatts and 2000 people, up 86%.', '2025-12-30')).toEqual([]);
  });
  it('marks "by 2030" as a future deadline', () => {
    const [m] = extractMentions('Projects are expected to add capacity by 2030.', '2025-12-30');
    expect(m).toMatchObject({ text: '2030', future: true, deadline: true });
  });
  it('ignores relative phrases and modal "may"', () => {
    expect(dates('Over the past year, Azerbaijan may grow in the next five years.', '2025-12-30')).toEqual([]);
  });
});

describe('mention spans', () => {
  it('every mention text is the verbatim slice of the sentence it came from', () => {
    const pieces = [
      'In April 2025,',
      'on August 8th of this year',
      'in 2016',
      'from November 15th to 16th',
      'by 2030',
      'in December',
      'the 2024-2025 term',
      'and',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 6 }),
        fc.constantFrom('2025-12-30', '2026-01-02', '2020-06-15'),
        (parts, pub) => {
          const sentence = `Azerbaijan ${parts.join(' something ')} happened.`;
          for (const m of extractMentions(sentence, pub)) {
            expect(sentence.slice(m.start, m.end)).toBe(m.text);
            expect(parsePartial(formatPartial(m.date))).not.toBeNull();
          }
        },
      ),
    );
  });
});
