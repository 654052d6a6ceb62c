/**
 * Resident identity card numbers (居民身份证号码), GB 11643-1999: region code (6), birth date
 * yyyyMMdd (8), sequence (3, odd for men, even for women), check character (1). Legacy 15-digit
 * numbers (GB 11643-1989) have a yyMMdd birth date in the 1900s and no check character.
 */
import { isExists } from 'date-fns';
import { isCalendarDate, todayCalendarDate } from '../dates';
import { compactIdentifier } from './half-width';
import { PROVINCE_CODES } from './regions';
import type { CalendarDate, Gender } from './records';

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

const EIGHTEEN_CHARACTERS = /^\d{17}[\dX]$/;
const FIFTEEN_CHARACTERS = /^\d{15}$/;
/** How Excel shows a long number it has rounded to 15 significant digits: 4.52601E+17. */
const SCIENTIFIC_NOTATION = /^\d+(?:[.,]\d*)?E\+?\d+$/;

export type ResidentIdProblem = 'length' | 'characters' | 'birth-date' | 'check-digit' | 'precision-lost' | 'region';

export interface ResidentIdFacts {
  ok: true;
  /** The 18-character number, upper-case X; a 15-digit number comes back upgraded. */
  id: string;
  birthDate: CalendarDate;
  gender: Gender;
  /** The six-digit administrative region code where the number was issued. */
  regionCode: string;
  /** Present and true when the input was a legacy 15-digit number. */
  upgradedFrom15?: boolean;
}

export type ResidentIdParseResult =
  | ResidentIdFacts
  | {
      ok: false;
      reason: ResidentIdProblem;
      /** What was checked after removing spaces and folding full-width characters, to show the user. */
      normalized: string;
    };

/**
 * The check character for the first 17 digits. Throws a RangeError unless it is given exactly 17
 * digits, because only code that builds numbers calls it with anything else.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i += 1) {
    sum += Number(first17.charAt(i)) * (CHECK_WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Excel keeps 15 significant digits: an ID typed as a number comes back as 452601199001011000 or
 * as 4.52601E+17. The lost digits can not be recovered, so such a value is reported as such rather
 * than as a mistyped check digit. A real ID may end in 0 or 00, so trailing zeros alone are not
 * enough: the check must fail too.
 */
function hasLostPrecision(normalized: string): boolean {
  if (SCIENTIFIC_NOTATION.test(normalized)) return true;
  if (!/^\d{16,}$/.test(normalized) || !normalized.endsWith('00')) return false;
  return normalized.length !== 18 || residentIdCheckChar(normalized.slice(0, 17)) !== normalized.charAt(17);
}

/**
 * Reads a resident ID as typed in a roster: spaces anywhere, full-width digits and a lower-case
 * or full-width x are forgiven. `today` (yyyy-MM-dd, default: this computer's date) bounds the
 * birth date, so that tests and reports can fix it.
 */
/** The last `today` found valid: a roster's 100,000 IDs are checked against one day. */
let lastToday: CalendarDate | null = null;

export function parseResidentId(text: string, today: CalendarDate = todayCalendarDate()): ResidentIdParseResult {
  if (today !== lastToday && !isCalendarDate(today))
    throw new RangeError(`today must be a yyyy-MM-dd date, got ${JSON.stringify(today)}`);
  lastToday = today;
  const normalized = compactIdentifier(text);
  const fail = (reason: ResidentIdProblem): ResidentIdParseResult => ({ ok: false, reason, normalized });

  if (hasLostPrecision(normalized)) return fail('precision-lost');
  const legacy = normalized.length === 15;
  if (!legacy && normalized.length !== 18) return fail('length');
  if (!(legacy ? FIFTEEN_CHARACTERS : EIGHTEEN_CHARACTERS).test(normalized)) return fail('characters');

  const regionCode = normalized.slice(0, 6);
  if (!PROVINCE_CODES.has(regionCode.slice(0, 2))) return fail('region');

  const birthDigits = legacy ? `19${normalized.slice(6, 12)}` : normalized.slice(6, 14);
  const year = Number(birthDigits.slice(0, 4));
  const month = Number(birthDigits.slice(4, 6));
  const day = Number(birthDigits.slice(6, 8));
  const birthDate = `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6, 8)}`;
  // yyyy-MM-dd strings compare like the dates they name.
  if (year < EARLIEST_BIRTH_YEAR || !isExists(year, month - 1, day) || birthDate > today) {
    return fail('birth-date');
  }

  const first17 = legacy ? `${regionCode}${birthDigits}${normalized.slice(12, 15)}` : normalized.slice(0, 17);
  const checkChar = residentIdCheckChar(first17);
  if (!legacy && normalized.charAt(17) !== checkChar) return fail('check-digit');

  const facts: ResidentIdFacts = {
    ok: true,
    id: `${first17}${checkChar}`,
    birthDate,
    gender: Number(first17.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode,
  };
  if (legacy) facts.upgradedFrom15 = true;
  return facts;
}
