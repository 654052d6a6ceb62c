/**
 * Where a worker works, seen from their home county (issue 18, transport subsidy tiers): outside the
 * province, inside the province but outside the county, or inside the county. The home county is
 * the worker's six-digit county code; the workplace is the enterprise's city and district as the
 * office wrote them. Null when the city is not one the division table knows: the office is asked
 * to correct the enterprise rather than be paid at a guessed tier.
 */
import { provinceOfCity, regionOf } from '../domain/regions';
import type { DestinationTier } from './scheme';

export function destinationTier(
  homeCountyCode: string,
  workplace: { city: string; district: string },
): DestinationTier | null {
  const home = regionOf(homeCountyCode);
  const province = provinceOfCity(workplace.city);
  if (!home || province === null) return null;
  if (province !== home.province) return 'outside-province';
  const district = workplace.district.trim();
  const sameCounty = district !== '' && (district === home.county || workplace.city.trim() === home.county);
  return sameCounty ? 'in-county' : 'in-province';
}
