import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccSchema } from './member-units.js';
import { isValidUscc, USCC_ALPHABET, usccCheckChar } from './uscc.js';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it.each(['9144030071526726XG', '91110000802100433B'])('accepts the published example %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character of the examples', () => {
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    expect(usccCheckChar('91110000802100433')).toBe('B');
  });

  it('refuses a wrong check character', () => {
    expect(isValidUscc('9144030071526726XH')).toBe(false);
    expect(isValidUscc('91110000802100433C')).toBe(false);
  });

  it('accepts lowercase input and the schema normalises it to uppercase', () => {
    expect(isValidUscc('9144030071526726xg')).toBe(true);
    expect(usccSchema.parse(' 9144030071526726xg ')).toBe('9144030071526726XG');
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, which the alphabet leaves out', (letter) => {
    // Put the letter in the body; even with any check character the code stays invalid.
    const body = `91440300715267${letter}6X`;
    expect(usccCheckChar(body)).toBeNull();
    for (const check of USCC_ALPHABET) expect(isValidUscc(body + check)).toBe(false);
    expect(isValidUscc(`9144030071526726X${letter}`)).toBe(false);
  });

  it('refuses the wrong length and non-alphabet characters', () => {
    for (const code of [
      '',
      '9144030071526726X',
      '9144030071526726XGG',
      '9144030071526726-G',
      '９１４４０３００７１５２６７２６ＸＧ',
    ]) {
      expect(isValidUscc(code)).toBe(false);
    }
    expect(usccCheckChar('914403007152672')).toBeNull();
  });

  it('validates the computed check character of any 17-character body, and no other last character', () => {
    const body = fc
      .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(body, (first17) => {
        const check = usccCheckChar(first17);
        expect(check).not.toBeNull();
        expect(isValidUscc(first17 + check)).toBe(true);
        expect(isValidUscc((first17 + check).toLowerCase())).toBe(true);
        for (const other of USCC_ALPHABET) {
          if (other !== check) expect(isValidUscc(first17 + other)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
