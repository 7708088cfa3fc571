import { describe, expect, it } from 'vitest';
import { readChecks } from '../../src/answer/kinds.ts';
import { askedRole } from '../../src/answer/role.ts';

/** The one reader of the role a "who" question asks the holder of (src/answer/role.ts), which the checks share. */
describe('askedRole', () => {
  const read = (q: string) => {
    const r = askedRole(q);
    return r && { role: r.role, mods: r.mods, of: r.of };
  };

  it('reads chat\'s ways of asking a holder: "name of Y\'s R", "which R was it at Y", "Y\'s R, what\'s his name"', () => {
    expect(read("name of oslo's envoy posted in rome")).toEqual({ role: 'envoy', mods: [], of: 'oslo' });
    expect(askedRole("name of oslo's envoy posted in rome")?.byName).toBe(true);
    expect(read('which us president was it at the summit')).toEqual({ role: 'president', mods: ['us'], of: 'summit' });
    expect(read("the mayor's deputy, what's her name")).toEqual({ role: 'deputy', mods: [], of: 'mayor' });
    expect(read("oslo's new coach, who is it")).toEqual({ role: 'coach', mods: [], of: 'oslo' });
    // No holder asked: "which country was it", a participle kept in "the newly elected mayor".
    expect(askedRole('which country was it that won')).toBeNull();
    expect(read('who is the newly elected mayor of tokyo')?.role).toBe('mayor');
  });

  it("leaves a relative clause's possessive to the clause, never whose role it is", () => {
    // Not the "plane" of "mechanic that warmed up Fogg": the possessive belongs to the clause that says which mechanic.
    expect(askedRole("who's the mechanic that warmed up fogg's plane")).toBeNull();
    expect(read("who's the pilot's mechanic that warmed up the plane")).toEqual({
      role: 'mechanic',
      mods: [],
      of: 'pilot',
    });
  });

  it('reads the role, its modifiers and its owner in "the R of Y", "Y\'s R" and "the R in Y"', () => {
    expect(read('Who is the prime minister of Japan?')).toEqual({ role: 'minister', mods: ['prime'], of: 'japan' });
    // "top" is the highest one, not a kind of role a text names: framing, like "new" or "current".
    expect(read("Who is Portugal's top diplomat?")).toEqual({ role: 'diplomat', mods: [], of: 'portugal' });
    expect(read("Who will be the Eagles' quarterback next season?")).toEqual({
      role: 'quarterback',
      mods: [],
      of: 'eagle',
    });
    expect(read('Who is the chief defense lawyer in the Summerdale trial?')).toEqual({
      role: 'lawyer',
      mods: ['chief', 'defense'],
      of: 'summerdale trial',
    });
    expect(read("Who was the Riverton men's basketball coach in 2014?")).toEqual({
      role: 'coach',
      mods: ['basketball'],
      of: 'riverton men',
    });
  });

  it('keeps a whole owner name and leaves framing words out of the modifiers', () => {
    expect(read("Who is the president of Saint Mary's College?")).toEqual({
      role: 'president',
      mods: [],
      of: 'saint mary college',
    });
    expect(read("who's the new president of the columbus day committee")).toEqual({
      role: 'president',
      mods: [],
      of: 'columbus day committee',
    });
    expect(read('Who will be the next head coach of the Riverton team?')).toEqual({
      role: 'coach',
      mods: ['head'],
      of: 'riverton team',
    });
    expect(read('Who is the mayor?')).toEqual({ role: 'mayor', mods: [], of: null });
    expect(read('who is president of brazil')).toEqual({ role: 'president', mods: [], of: 'brazil' });
  });

  it('reads no role where the question asks for someone else, or frames no role', () => {
    for (const q of [
      'Who did the mayor of Tokyo meet?',
      'Which person oversaw the creation of a science hall?',
      'Who designed the Basilica of the Sacred Heart?',
      "who's starting for the cards against pittsburgh tonight?",
      'Who is the man in the photo?',
      'Who is the name of the winner?',
    ])
      expect(read(q), q).toBeNull();
  });

  it('leaves an attribute ("X\'s wife") to the kind checks', () => {
    expect(read("Who is Pfaff's wife?")).toEqual({ role: 'wife', mods: [], of: 'pfaff' });
    const checks = readChecks("Who is Pfaff's wife?");
    expect(checks.role).toBeNull();
    expect(checks.kinds.map((c) => c.what)).toEqual(['wife']);
    expect(readChecks('Who is the mayor of Tokyo?').role?.role).toBe('mayor');
  });

  it('reads "what\'s the name of the R of Y" as the role asked by name, past with "was"', () => {
    const r = askedRole("whats the name of oslo's top diplomat");
    expect(r && { role: r.role, of: r.of, byName: r.byName, past: r.past }).toEqual({
      role: 'diplomat',
      of: 'oslo',
      byName: true,
      past: false,
    });
    expect(askedRole('what was the name of the mayor of Tokyo')?.past).toBe(true);
    expect(askedRole('Who is the mayor of Tokyo?')?.byName).toBeUndefined();
  });

  it('ends an office\'s title at a relative clause, not a description ("the patrol kid who …")', () => {
    const r = askedRole('who is the us president who hosted the summit');
    expect(r && { role: r.role, mods: r.mods, of: r.of }).toEqual({ role: 'president', mods: ['us'], of: null });
    expect(askedRole('whats the name of the safety patrol kid who got the license number')).toBeNull();
  });
});
