import { describe, expect, it } from 'vitest';

import { parsePhone } from '@shared/domain/phone';

describe('parsePhone accepts mainland mobiles as rosters type them', () => {
  it.each([
    ['13812345678'],
    ['138 1234 5678'],
    ['138-1234-5678'],
    ['  13812345678  '],
    ['+86 138 1234 5678'],
    ['+86-13812345678'],
    ['0086 13812345678'],
    ['(+86) 138-1234-5678'],
    ['8613812345678'],
    ['１３８１２３４５６７８'],
    ['＋８６　１３８－１２３４－５６７８'],
    ['138—1234—5678'],
  ])('%s', (typed) => {
    expect(parsePhone(typed)).toEqual({ ok: true, phone: '13812345678' });
  });

  it('accepts every second digit from 3 to 9', () => {
    for (const second of '3456789') {
      expect(parsePhone(`1${second}012345678`)).toEqual({ ok: true, phone: `1${second}012345678` });
    }
  });
});

describe('parsePhone rejects', () => {
  it('numbers of the wrong length', () => {
    for (const typed of ['', '1381234567', '138123456789', '+86 138123456']) {
      expect(parsePhone(typed), typed).toEqual({ ok: false, reason: 'length' });
    }
  });

  it('numbers that do not start with 13 to 19', () => {
    for (const typed of ['12812345678', '10012345678', '23812345678', '02012345678']) {
      expect(parsePhone(typed), typed).toEqual({ ok: false, reason: 'prefix' });
    }
  });

  it('letters, dots and foreign country codes', () => {
    for (const typed of ['1381234567a', '138.1234.5678', '+852 6123 4567', '138１２３４５６７８x']) {
      expect(parsePhone(typed), typed).toEqual({ ok: false, reason: 'characters' });
    }
  });

  it('a landline, which is not a mobile', () => {
    expect(parsePhone('020-8888 6666')).toMatchObject({ ok: false });
  });
});
