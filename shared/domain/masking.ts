/**
 * How identity numbers appear on printed documents (docs/domain.md#masking): a resident ID
 * shows its first 6 and last 4 characters, a phone its first 3 and last 4. Input that is too short
 * to keep the middle hidden is masked completely: a half-shown fragment is still personal data.
 */

const MASK = '*';

function maskMiddle(value: string, keepStart: number, keepEnd: number, minHidden: number): string {
  // Code points, so that a stray non-BMP character counts as one, as the reader sees it.
  const chars = Array.from(value);
  const hidden = chars.length - keepStart - keepEnd;
  if (hidden < minHidden) return MASK.repeat(chars.length);
  return `${chars.slice(0, keepStart).join('')}${MASK.repeat(hidden)}${chars.slice(chars.length - keepEnd).join('')}`;
}

/** 452601199001011234 -> 452601********1234; a legacy 15-digit number keeps the same ends. */
export function maskResidentId(id: string): string {
  // At least 5 hidden characters, so that the birth date (digits 7-14, or 7-12 in a 15-digit ID) never shows whole.
  return maskMiddle(id, 6, 4, 5);
}

/** 13812345678 -> 138****5678. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4, 4);
}
