import { describe, expect, it } from 'vitest';
import { destinationTier } from '@shared/subsidy/destination';

// 451022 田东县, 451031 隆林各族自治县, 451081 靖西市 (Baise, Guangxi); 140302 城区 (阳泉, Shanxi);
// 429004 仙桃市 (a county-level city under Hubei province); 110105 朝阳区 (Beijing).
describe('the destination tier of a workplace', () => {
  it('is the home county however the office wrote the city and the district', () => {
    expect(destinationTier('451022', { city: '百色', district: '田东' })).toBe('in-county');
    expect(destinationTier('451022', { city: '百色市', district: ' 田东县 ' })).toBe('in-county');
    expect(destinationTier('451031', { city: '百色市', district: '隆林县' })).toBe('in-county');
    expect(destinationTier('451031', { city: '百色市', district: '隆林各族自治县' })).toBe('in-county');
    expect(destinationTier('451022', { city: '百色市', district: '右江区' })).toBe('in-province');
    expect(destinationTier('110105', { city: '北京', district: '朝阳' })).toBe('in-county');
    expect(destinationTier('110105', { city: '北京市', district: '海淀区' })).toBe('in-province');
  });

  it('is the home county for a county-level city written as the city', () => {
    expect(destinationTier('429004', { city: '仙桃市', district: '' })).toBe('in-county');
    expect(destinationTier('451081', { city: '靖西市', district: '' })).toBe('in-county');
    expect(destinationTier('429004', { city: '武汉市', district: '江夏区' })).toBe('in-province');
  });

  it('does not take a district of the same name in another city for the home county', () => {
    expect(destinationTier('140302', { city: '长治市', district: '城区' })).toBe('in-province');
    expect(destinationTier('140302', { city: '阳泉市', district: '城区' })).toBe('in-county');
    expect(destinationTier('140302', { city: '阳泉市', district: '郊区' })).toBe('in-province');
  });

  it('is not told for the home city with no district, nor for a city the table does not know', () => {
    expect(destinationTier('451022', { city: '百色市', district: '' })).toBeNull();
    expect(destinationTier('451022', { city: '不存在市', district: '田东县' })).toBeNull();
    expect(destinationTier('999999', { city: '深圳市', district: '宝安区' })).toBeNull();
    expect(destinationTier('451022', { city: '深圳', district: '' })).toBe('outside-province');
  });
});
