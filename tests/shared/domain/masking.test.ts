import { describe, expect, it } from 'vitest';

import { maskPhone, maskResidentId } from '@shared/domain/masking';

describe('maskResidentId', () => {
  it('shows the first 6 and last 4 characters of an 18-character ID', () => {
    expect(maskResidentId('45260119900101123X')).toBe('452601********123X');
  });

  it('hides the birth date of a legacy 15-digit ID', () => {
    expect(maskResidentId('452601900101123')).toBe('452601*****1123');
  });

  it('masks short or odd input completely, keeping its length', () => {
    expect(maskResidentId('')).toBe('');
    expect(maskResidentId('4526')).toBe('****');
    expect(maskResidentId('4526011990')).toBe('**********');
    expect(maskResidentId('45260119900101')).toBe('**************');
  });

  it('counts a character outside the BMP as one', () => {
    expect(maskResidentId('𠮷𠮷')).toBe('**');
  });
});

describe('maskPhone', () => {
  it('shows the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('hides the middle of a longer number too', () => {
    expect(maskPhone('020888866661')).toBe('020*****6661');
  });

  it('masks short input completely, keeping its length', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('1381234')).toBe('*******');
    expect(maskPhone('1381234567')).toBe('**********');
  });
});
