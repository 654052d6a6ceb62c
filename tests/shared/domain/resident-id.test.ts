import { describe, expect, it } from 'vitest';

import { parseResidentId, residentIdCheckChar } from '@shared/domain/resident-id';

const TODAY = '2026-02-10';

/** The example number printed in GB 11643-1999 itself: Beijing Chaoyang, 1949-12-31, female, check X. */
const STANDARD_EXAMPLE = '11010519491231002X';

/** A valid number for a birth date and sequence in Baise (452601, the old Baise city code). */
function idFor(birth: string, sequence = '123', region = '452601'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

describe('residentIdCheckChar', () => {
  it('gives the check characters of the numbers in GB 11643-1999', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('maps a sum of 1 mod 11 to 0 and of 2 to X', () => {
    expect(residentIdCheckChar('45260119900101109')).toBe('0');
    expect(residentIdCheckChar('45260119900101008')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseResidentId reads a valid number', () => {
  it('derives birth date, gender and region from the standard example', () => {
    expect(parseResidentId(STANDARD_EXAMPLE, TODAY)).toEqual({
      ok: true,
      id: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('takes an odd 17th digit as male', () => {
    expect(parseResidentId('452601199001011234', TODAY)).toMatchObject({
      ok: true,
      gender: 'male',
      birthDate: '1990-01-01',
      regionCode: '452601',
    });
  });

  it('accepts a lower-case x and a full-width Ｘ or ｘ as X', () => {
    for (const typed of ['11010519491231002x', '11010519491231002Ｘ', '11010519491231002ｘ']) {
      expect(parseResidentId(typed, TODAY)).toMatchObject({ ok: true, id: STANDARD_EXAMPLE });
    }
  });

  it('folds full-width digits and drops spaces anywhere', () => {
    expect(parseResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({
      ok: true,
      id: STANDARD_EXAMPLE,
    });
    expect(parseResidentId(' 110105 19491231 002X\u3000', TODAY)).toMatchObject({
      ok: true,
      id: STANDARD_EXAMPLE,
    });
  });

  it('accepts numbers that really end in 0 or 00', () => {
    expect(parseResidentId('452601199001011090', TODAY)).toMatchObject({
      ok: true,
      id: '452601199001011090',
    });
    expect(parseResidentId('452601199001012800', TODAY)).toMatchObject({
      ok: true,
      id: '452601199001012800',
      gender: 'female',
    });
  });

  it('upgrades a legacy 15-digit number: 19 before the year and a computed check character', () => {
    expect(parseResidentId('110105491231002', TODAY)).toEqual({
      ok: true,
      id: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
      upgradedFrom15: true,
    });
    expect(parseResidentId('452601900101123', TODAY)).toMatchObject({
      ok: true,
      id: '452601199001011234',
      gender: 'male',
      upgradedFrom15: true,
    });
  });

  it('leaves upgradedFrom15 out for an 18-character number', () => {
    const result = parseResidentId(STANDARD_EXAMPLE, TODAY);
    expect(result).not.toHaveProperty('upgradedFrom15');
  });
});

describe('parseResidentId checks the birth date', () => {
  it('accepts 29 February in leap years, including 2000', () => {
    expect(parseResidentId(idFor('20000229'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseResidentId(idFor('19960229'), TODAY)).toMatchObject({ ok: true, birthDate: '1996-02-29' });
  });

  it('rejects 29 February in common years, including 1900 in a 15-digit number', () => {
    expect(parseResidentId(idFor('19970229'), TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(parseResidentId(idFor('21000229'), '2200-01-01')).toMatchObject({
      ok: false,
      reason: 'birth-date',
    });
    expect(parseResidentId('452601000229123', TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
  });

  it('rejects month 13, day 00 and 31 April', () => {
    for (const birth of ['19901301', '19900100', '19900431']) {
      expect(parseResidentId(idFor(birth), TODAY), birth).toMatchObject({ ok: false, reason: 'birth-date' });
    }
  });

  it('accepts a birth today and rejects one tomorrow', () => {
    expect(parseResidentId(idFor('20260210'), TODAY)).toMatchObject({ ok: true, birthDate: '2026-02-10' });
    expect(parseResidentId(idFor('20260211'), TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
  });

  it('rejects a birth before 1900, even in the standard example from GB 11643', () => {
    expect(parseResidentId('440524188001010014', TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(parseResidentId(idFor('18991231'), TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(parseResidentId(idFor('19000101'), TODAY)).toMatchObject({ ok: true, birthDate: '1900-01-01' });
  });

  it('bounds the birth date by the clock when no date is given', () => {
    expect(parseResidentId(idFor('20991231'))).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(parseResidentId(STANDARD_EXAMPLE)).toMatchObject({ ok: true });
  });

  it('refuses a today that is not a date', () => {
    expect(() => parseResidentId(STANDARD_EXAMPLE, '2026-02-30')).toThrow(RangeError);
  });
});

describe('parseResidentId says what is wrong', () => {
  it('reports a wrong check character', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({
      ok: false,
      reason: 'check-digit',
      normalized: '110105194912310021',
    });
    expect(parseResidentId('452601199001011235', TODAY)).toMatchObject({ ok: false, reason: 'check-digit' });
  });

  it('reports Excel scientific notation as lost precision, never as a wrong number', () => {
    for (const typed of ['4.52601E+17', '4.52601e17', '4.52601E17', '4.52601199001011E+17', '４．５２６０１Ｅ＋１７']) {
      expect(parseResidentId(typed, TODAY), typed).toMatchObject({ ok: false, reason: 'precision-lost' });
    }
  });

  it('reports trailing zeros that fail the check as lost precision', () => {
    // 452601199001011234 after Excel kept its first 15 digits.
    expect(parseResidentId('452601199001011000', TODAY)).toMatchObject({
      ok: false,
      reason: 'precision-lost',
    });
    expect(parseResidentId('4526011990010110000', TODAY)).toMatchObject({
      ok: false,
      reason: 'precision-lost',
    });
    expect(parseResidentId('4526011990010100', TODAY)).toMatchObject({ ok: false, reason: 'precision-lost' });
  });

  it('does not take a single trailing zero or a short number for lost precision', () => {
    expect(parseResidentId('452601199001011230', TODAY)).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(parseResidentId('45260119900101123', TODAY)).toMatchObject({ ok: false, reason: 'length' });
    expect(parseResidentId('45260119900100', TODAY)).toMatchObject({ ok: false, reason: 'length' });
  });

  it('reports a length that is neither 15 nor 18', () => {
    for (const typed of ['', '1234', '4526011990010112345', '4526011990010112']) {
      expect(parseResidentId(typed, TODAY), typed).toMatchObject({ ok: false, reason: 'length' });
    }
  });

  it('reports characters that do not belong', () => {
    for (const typed of ['45260119900101123A', '4526011990X1011234', '45260119900101X', '452601-199001-0112']) {
      expect(parseResidentId(typed, TODAY), typed).toMatchObject({ ok: false, reason: 'characters' });
    }
  });

  it('reports a region that is not a province, even with a correct check character', () => {
    for (const region of ['000000', '100101', '472601', '900101', '830101']) {
      expect(parseResidentId(idFor('19900101', '123', region), TODAY), region).toMatchObject({
        ok: false,
        reason: 'region',
      });
    }
  });

  it('accepts every province-level code, Taiwan, Hong Kong and Macao', () => {
    for (const province of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82']) {
      const id = idFor('19900101', '123', `${province}0101`);
      expect(parseResidentId(id, TODAY), province).toMatchObject({ ok: true, regionCode: `${province}0101` });
    }
  });
});
