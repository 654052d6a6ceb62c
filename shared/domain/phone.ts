/** Mainland China mobile numbers: 11 digits, 1 then 3 to 9, as rosters type them. */
import { toHalfWidth } from './half-width';

export type PhoneProblem = 'length' | 'characters' | 'prefix';

export type PhoneParseResult = { ok: true; phone: string } | { ok: false; reason: PhoneProblem };

/** Spaces, dashes (ASCII, full-width, en and em dash) and brackets that people put between digit groups. */
const SEPARATORS = /[\s\-‐‑–—()]/g;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Reads a mobile number as typed: +86, 0086 or (+86) in front, spaces, dashes and full-width digits
 * are forgiven. A bare 86 in front of 11 digits starting with 1 is also the country code, as
 * exports from messaging apps write it.
 */
export function parsePhone(text: string): PhoneParseResult {
  let digits = toHalfWidth(text).replace(SEPARATORS, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (/^861\d{10}$/.test(digits)) digits = digits.slice(2);

  if (!/^\d*$/.test(digits)) return { ok: false, reason: 'characters' };
  if (digits.length !== 11) return { ok: false, reason: 'length' };
  if (!MOBILE.test(digits)) return { ok: false, reason: 'prefix' };
  return { ok: true, phone: digits };
}
