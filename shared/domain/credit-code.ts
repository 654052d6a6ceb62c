/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, namely the
 * registering authority (1), the kind of organization (1), the administrative region code (6), the
 * organization code (9, GB 11714) and a check character (1).
 */
import { compactIdentifier } from './half-width';

/** The 31 characters a code may use: I, O, S, V and Z are left out so they cannot be mistaken for 1, 0, 5, U and 2. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^i mod 31 for positions 1 to 17 (GB 32100-2015, 5.2). */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CREDIT_CODE_LENGTH = 18;

export type CreditCodeProblem = 'length' | 'characters' | 'check-digit';

export type CreditCodeParseResult =
  | { ok: true; code: string }
  | {
      ok: false;
      reason: CreditCodeProblem;
      normalized: string;
      /** For `check-digit`: the character that the first 17 call for, for the message. */
      expected?: string;
    };

function weightedSum(first17: string): number | null {
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (CHECK_WEIGHTS[i] ?? 0);
  }
  return sum;
}

/**
 * The check character for the first 17 characters of a code (already normalized: upper case,
 * ASCII). Throws a RangeError when they are not 17 characters of the code alphabet, because a
 * caller that builds codes has a bug then, not a user typing error.
 */
export function creditCodeCheckChar(first17: string): string {
  const sum = first17.length === CHECK_WEIGHTS.length ? weightedSum(first17) : null;
  if (sum === null) {
    throw new RangeError(`expected 17 characters of ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(first17)}`);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Reads a credit code as typed: spaces anywhere and full-width characters are forgiven, lower
 * case is upper-cased. `normalized` in a failure is what was checked, to show the user.
 */
export function parseCreditCode(text: string): CreditCodeParseResult {
  const normalized = compactIdentifier(text);
  if (normalized.length !== CREDIT_CODE_LENGTH) return { ok: false, reason: 'length', normalized };
  for (const char of normalized) {
    if (!CREDIT_CODE_ALPHABET.includes(char)) return { ok: false, reason: 'characters', normalized };
  }
  const expected = creditCodeCheckChar(normalized.slice(0, 17));
  if (expected !== normalized.charAt(17)) return { ok: false, reason: 'check-digit', normalized, expected };
  return { ok: true, code: normalized };
}
