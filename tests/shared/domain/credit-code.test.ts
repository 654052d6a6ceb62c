import { describe, expect, it } from 'vitest';

import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, parseCreditCode } from '@shared/domain/credit-code';

/** Codes of real organizations, as printed on their business licences and in public registers. */
const REAL_CODES = {
  /** The example in the GB 32100-2015 explanations, used in most validators' documentation. */
  standardExample: '91350100M000100Y43',
  /** 深圳市腾讯计算机系统有限公司: the check character is a letter. */
  tencent: '91440300708461136T',
  /** 华为技术有限公司: the check character is a digit. */
  huawei: '914403001922038216',
  /** 小米科技有限责任公司 */
  xiaomi: '91110108551385082Q',
};

describe('parseCreditCode accepts real codes', () => {
  it.each(Object.entries(REAL_CODES))('accepts %s (%s)', (_, code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, code });
  });

  it('computes the check character of real codes from their first 17 characters', () => {
    for (const code of Object.values(REAL_CODES)) {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    }
  });
});

describe('parseCreditCode forgives how codes are typed', () => {
  it('upper-cases lower-case letters', () => {
    expect(parseCreditCode('91440300708461136t')).toEqual({ ok: true, code: REAL_CODES.tencent });
    expect(parseCreditCode('91350100m000100y43')).toEqual({ ok: true, code: REAL_CODES.standardExample });
  });

  it('removes spaces at the ends and inside, including the ideographic space', () => {
    expect(parseCreditCode('  9144 0300 7084 6113 6T \t')).toEqual({ ok: true, code: REAL_CODES.tencent });
    expect(parseCreditCode('914403007084\u300061136T')).toEqual({ ok: true, code: REAL_CODES.tencent });
  });

  it('folds full-width digits and letters typed by a Chinese input method', () => {
    expect(parseCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toEqual({
      ok: true,
      code: REAL_CODES.tencent,
    });
    expect(parseCreditCode('９１３５０１００ｍ０００１００ｙ４３')).toEqual({
      ok: true,
      code: REAL_CODES.standardExample,
    });
  });
});

describe('parseCreditCode rejects', () => {
  it('a code that is too short or too long, showing what was checked', () => {
    expect(parseCreditCode('91440300708461136')).toEqual({
      ok: false,
      reason: 'length',
      normalized: '91440300708461136',
    });
    expect(parseCreditCode('91440300708461136T1')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseCreditCode('')).toMatchObject({ ok: false, reason: 'length', normalized: '' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '-', '中'])('a code containing %s, which the alphabet leaves out', (char) => {
    const code = `9144030070846113${char}T`;
    expect(parseCreditCode(code)).toEqual({ ok: false, reason: 'characters', normalized: code });
  });

  it('a code whose last character does not match', () => {
    expect(parseCreditCode('91440300708461136A')).toEqual({
      ok: false,
      reason: 'check-digit',
      normalized: '91440300708461136A',
      expected: 'T',
    });
  });

  it('every swap of two neighbouring characters in a real code (the commonest typing slip)', () => {
    const code = REAL_CODES.tencent;
    for (let i = 0; i < 16; i += 1) {
      const swapped = `${code.slice(0, i)}${code.charAt(i + 1)}${code.charAt(i)}${code.slice(i + 2)}`;
      if (swapped === code) continue;
      expect(parseCreditCode(swapped), swapped).toMatchObject({ ok: false, reason: 'check-digit' });
    }
  });

  it('every single-character change of a real code', () => {
    const code = REAL_CODES.huawei;
    for (let i = 0; i < 18; i += 1) {
      for (const char of CREDIT_CODE_ALPHABET) {
        if (char === code.charAt(i)) continue;
        const changed = `${code.slice(0, i)}${char}${code.slice(i + 1)}`;
        expect(parseCreditCode(changed).ok, changed).toBe(false);
      }
    }
  });
});

describe('creditCodeCheckChar', () => {
  it('maps a weighted sum of 0 mod 31 to 0 and the largest value to Y', () => {
    expect(creditCodeCheckChar('91440300300000005')).toBe('0');
    expect(parseCreditCode('914403003000000050')).toMatchObject({ ok: true });
    expect(creditCodeCheckChar('91440300300000024')).toBe('Y');
    expect(parseCreditCode('91440300300000024Y')).toMatchObject({ ok: true });
  });

  it('refuses input that is not 17 characters of the alphabet', () => {
    expect(() => creditCodeCheckChar('9144030070846113')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('914403007084611369')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('9144030070846113I')).toThrow(RangeError);
    // Callers pass normalized text: lower case is a bug there, not something to forgive.
    expect(() => creditCodeCheckChar('9135010om000100y4')).toThrow(RangeError);
  });
});
