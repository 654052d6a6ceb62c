/**
 * Where a worker works, seen from their home county (issue 18, transport subsidy tiers): outside the
 * province, inside the province but outside the county, or inside the county. The home county is
 * the worker's six-digit county code; the workplace is the enterprise's city and district as the
 * office wrote them, with or without their 市, 县, 区 (百色 and 百色市, 田东 and 田东县, 隆林县 and
 * 隆林各族自治县, 平果县 and 平果市 after the county became a city).
 *
 * Null when the tier cannot be told, so that the office corrects the enterprise rather than be
 * paid at a guessed tier: a city the division table does not know, or the worker's own city with
 * no district (the work may be in the county or outside it). A district counts as the home county
 * only in the home city: 城区 of 长治 is not 城区 of 阳泉. A county-level city written as the city
 * (仙桃市, 靖西市) is the home county when it is the worker's.
 */
import { provinceOfCity, regionOf } from '../domain/regions';
import type { DestinationTier } from './scheme';

/** A division's name without the word for its level: 田东县 → 田东, 隆林各族自治县 → 隆林各族, 百色市 → 百色. */
function stem(name: string): string {
  return name.trim().replace(/(?:自治州|自治县|自治旗|地区|市|盟|县|区|旗)$/, '');
}

/**
 * Whether two names written for a division name the same one: the same stem, or one stem the start
 * of the other (隆林 of 隆林各族) when the shorter has two characters at least. A one-character
 * stem (城 of 城区) must be the whole name.
 */
function sameDivision(written: string, official: string): boolean {
  const [a, b] = [stem(written), stem(official)];
  if (a === '' || b === '') return false;
  if (a === b) return written.trim() === official.trim() || a.length >= 2;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.length >= 2 && longer.startsWith(shorter);
}

export function destinationTier(
  homeCountyCode: string,
  workplace: { city: string; district: string },
): DestinationTier | null {
  const home = regionOf(homeCountyCode);
  if (!home) return null;
  if (home.county !== '' && sameDivision(workplace.city, home.county)) return 'in-county';
  const province = provinceOfCity(workplace.city);
  if (province === null) return null;
  if (province !== home.province) return 'outside-province';
  if (!sameDivision(workplace.city, home.city)) return 'in-province';
  const district = workplace.district.trim();
  if (district === '') return null;
  return home.county !== '' && sameDivision(district, home.county) ? 'in-county' : 'in-province';
}
