import { describe, expect, it } from 'vitest';
import { nameWritten } from '../../src/answer/answer.ts';

describe('a name as written', () => {
  it('finds the name alone, plural or possessive, and never inside a longer name', () => {
    expect(nameWritten('a letter from kennedy.', 'kennedy')).toBe(true);
    expect(nameWritten("kennedy's letter", 'kennedy')).toBe(true);
    expect(nameWritten('the kennedys and the tafts', 'kennedy')).toBe(true);
    expect(nameWritten('the kennedy’ family', 'kennedy')).toBe(true);
    expect(nameWritten('governor connally spoke', 'connall')).toBe(false);
    expect(nameWritten('mcconnall spoke', 'connall')).toBe(false);
    expect(nameWritten('the lakers won; the lakersville fans', 'lakers')).toBe(true);
    expect(nameWritten('lakersville only', 'lakers')).toBe(false);
    expect(nameWritten('laker fans', 'lakers')).toBe(true);
    expect(nameWritten('', 'kennedy')).toBe(false);
  });
});
