import { describe, expect, it } from 'vitest';
import { failedChecks, kindChecks } from '../../src/answer/kinds.ts';
import { article, tempEngine } from './helpers.ts';

/**
 * Kind and scope checks read as press reportage writes: a rate of growth is no speed, a game's length is written as a
 * clock reads, a married woman is named by her husband's name, people are counted by what they are ("11 candidates"),
 * and an official is named in apposition ("Dr. Melvin W. Barnes, superintendent,") a few paragraphs after the story
 * named the city.
 */
const fails = (q: string, text: string) => failedChecks(kindChecks(q), text);

describe('kind checks on news wording', () => {
  it('reads "how fast … growing" as a rate (a number per period), still a speed for motion', () => {
    const q = "how fast has the state's population been growing";
    expect(kindChecks(q).map((c) => c.what)).toEqual(['a rate']);
    expect(fails(q, 'Hughes said the state population has increased 125,000 each year since 1950.')).toEqual([]);
    expect(fails(q, 'The population grew 3 per cent a year.')).toEqual([]);
    // A growth with no period is no rate.
    expect(fails(q, 'The Negro population has increased 25 per cent while the white population was growing.')).toEqual([
      'a rate',
    ]);
    expect(kindChecks('how fast did the plane fly').map((c) => c.what)).toEqual(['a speed']);
    expect(fails('how fast did the plane fly', 'The plane has increased 125,000 each year.')).toEqual(['a speed']);
  });

  it('reads a game\'s length written as a clock reads ("clicked off in 1:48"), never a time of day', () => {
    const q = 'how long did the game last';
    expect(fails(q, 'Despite the 45-degree weather the game was clicked off in 1:48, thanks to three walks.')).toEqual(
      [],
    );
    expect(fails(q, 'Frog-marched off the airplane at 1:48 p.m., the Beardens were held.')).toEqual([
      'a duration or length',
    ]);
    expect(fails(q, 'The game began in 1:48 p.m. sunshine.')).toEqual(['a duration or length']);
  });

  it('reads a husband in "X, who is Mrs. Don Rudolph", never in "Mrs. X" alone', () => {
    const q = "who is patti waggin's husband";
    expect(fails(q, 'Among the spectators was Patti Waggin who is Mrs. Don Rudolph when off the stage.')).toEqual([]);
    expect(fails(q, 'Mrs. Don Rudolph, the former Patti Waggin, was there.')).toEqual([]);
    expect(fails(q, 'Mrs. Waggin was among the spectators.')).toEqual(["waggin's husband"]);
  });
});

describe('scope checks on news wording', () => {
  const body = [
    'Oak Grove (special) Three positions on the Oak Lodge Water district board of directors have attracted 11 candidates. The election will be Dec. 4.',
    '',
    'A crowd of 1,400 is expected for the writers dinner, which will be followed by a show.',
    '',
    'The district ordered 20 new pumps for the water plant.',
    '',
    'The museum opened a new wing. The college has 8,000 undergraduates living on campus.',
    '',
    'The new day school for the deaf in Dallas County would enroll 182 scholastics next fall.',
  ].join('\n');
  const schools = [
    'The Portland school board was asked Monday to take a positive stand on civil defense plans for the schools.',
    '',
    'But there seemed to be some difference of opinion as to how far the board should go.',
    '',
    'The board members said they had already been coordinating with the city.',
    '',
    'Chairman C. Richard Mears pointed out that this was not strictly a school board problem.',
    '',
    'Dr. Melvin W. Barnes, superintendent, said he thought the schools were waiting for some leadership.',
  ].join('\n');
  const engine = tempEngine({
    'oak.md': article('Oak Grove notes', '1961-11-20', body),
    'schools.md': article('School board news', '1961-11-21', schools),
  });

  it('counts people by what they are ("11 candidates") and by a gathering ("a crowd of 1,400")', () => {
    const running = engine.ask('how many ppl are running for the oak lodge water board');
    expect(running.answered).toBe(true);
    expect(running.snippets[0]!.text).toContain('11 candidates');
    const dinner = engine.ask('how many people are expected at the writers dinner');
    expect(dinner.answered).toBe(true);
    expect(dinner.snippets[0]!.text).toContain('1,400');
    // A count of things is still no count of people, nor is a count of other people in a sentence that holds nothing
    // else of the question.
    expect(engine.ask('how many people work at the water plant').answered).toBe(false);
    expect(engine.ask('how many people work at the museum').answered).toBe(false);
  });

  it('counts people named by a kind of person ("kids") by what they are too ("182 scholastics")', () => {
    const kids = engine.ask('how many kids would go to the deaf day school in dallas county');
    expect(kids.answered).toBe(true);
    expect(kids.snippets[0]!.text).toContain('182 scholastics');
    // Still no count of things ("20 new pumps") for a count of people.
    expect(engine.ask('how many kids work at the water plant').answered).toBe(false);
  });

  it("reads a role in apposition after the name, the city named at the story's top", () => {
    const r = engine.ask('who is the school superintendent in portland');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Melvin W. Barnes');
    // Another city's superintendent is still not given.
    expect(engine.ask('who is the school superintendent in seattle').answered).toBe(false);
  });
});

describe("a role's owner in the sentence before", () => {
  const engine = tempEngine({
    'concert.md': article(
      'Symphony opens its cycle',
      '1961-01-20',
      'The orchestra played the Fourth Symphony with vigor.\n\nThe playing had the suppressed tension of the Beethoven series. Igor Oistrakh will be the next soloist on Feb. 4.\n\nPresident Adams spoke at the opening. Shares in Granite Steel rose on the news.',
    ),
  });

  it('reads whose role it is from the sentence that leads to it, never from the one after', () => {
    const r = engine.ask('who is the next soloist in the beethoven series');
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Igor Oistrakh');
    expect(engine.ask('who is the president of granite steel').answered).toBe(false);
  });
});

describe("a role's holder a few paragraphs down the story", () => {
  // Other stories of golf writers' dinners, so that the search ranks their sentences over the one naming the speaker;
  // one writes "main", so that the word is the material's.
  const others = Object.fromEntries(
    Array.from({ length: 40 }, (_, k) => [
      `club-${k}.md`,
      article(
        `Club ${k} dinner`,
        '1961-01-20',
        `The golf writers of club ${k} held their awards dinner at the main hotel, and the golf writers gave awards to ${k + 2} members.`,
      ),
    ]),
  );
  const engine = tempEngine({
    ...others,
    'golf.md': article(
      'Golf writers honor Palmer',
      '1961-01-26',
      [
        'Arnold Palmer and Sam Snead will be among those honored at the national awards dinner of the Metropolitan Golf Writers Association tonight. The dinner will be held at the Hotel Pierre.',
        '',
        'Palmer, the leading money-winner in 1960, and Snead will be saluted as the winning team in the Canada Cup matches.',
        '',
        'The Gold Tee Award will go to John McAuliffe of Plainfield for his sponsorship of charity tournaments.',
        '',
        'The principal speaker will be Senator Stuart Symington, Democrat of Missouri.',
      ].join('\n'),
    ),
  });

  it('reads "the main speaker" as the chief one ("the principal speaker")', () => {
    const r = engine.ask("who's the main speaker at the golf writers awards dinner");
    expect(r.answered).toBe(true);
    expect(r.snippets[0]!.text).toContain('Stuart Symington');
    // A role the story names nobody in is still declined.
    expect(engine.ask('who is the treasurer of the golf writers association').answered).toBe(false);
  });
});
