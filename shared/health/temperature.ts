/**
 * Body temperatures as the health-check station takes them (issue 5, "The check form" and "Bad
 * input"): degrees Celsius with one decimal, between 34.0 and 43.0. A reading is never guessed:
 * `365` could be 36.5 typed without its point, or a slip of the finger, so it is refused with a
 * message that says so instead of being read as 36.5.
 */
import { toHalfWidth } from '../domain/half-width';

/** The lowest reading the station accepts (°C): below it the thermometer, not the person, is wrong. */
export const TEMPERATURE_MIN_C = 34.0;
/** The highest reading the station accepts (°C). */
export const TEMPERATURE_MAX_C = 43.0;

/** Why a typed or stored temperature is refused. */
export type TemperatureProblemCode =
  | 'temperature-required'
  | 'temperature-not-a-number'
  | 'temperature-decimal-missing'
  | 'temperature-one-decimal'
  | 'temperature-out-of-range';

export interface TemperatureProblem {
  code: TemperatureProblemCode;
  /** For the message: the text typed (`typed`), or the bounds (`min`, `max`, written with one decimal). */
  params?: Readonly<Record<string, string>>;
}

export type TemperatureReadResult = { ok: true; temperatureC: number } | { ok: false; problem: TemperatureProblem };

const RANGE_PARAMS = { min: TEMPERATURE_MIN_C.toFixed(1), max: TEMPERATURE_MAX_C.toFixed(1) } as const;

/** Degrees with at most one decimal: 36, 36.5, and 36. (a point typed, the decimal not yet). */
const ONE_DECIMAL = /^\d{1,2}(?:\.\d?)?$/;
const MORE_DECIMALS = /^\d{1,2}\.\d{2,}$/;
/** Three or four digits and no point: 365, 3650. */
const POINT_MISSING = /^\d{3,4}$/;
/** What may follow the number: °C, ℃, °, C. */
const UNIT = /\s*(?:°\s*C|℃|°|C)$/i;

/**
 * Reads a temperature as typed: full-width digits, the ideographic full stop (。, typed by a Chinese
 * input method for "."), a decimal comma (36,5) and a trailing °C or ℃ are forgiven; anything else that is not a number
 * of degrees with one decimal in range is refused, with a code for the message.
 */
export function readTemperature(text: string): TemperatureReadResult {
  // 36,5: a decimal comma, as typed on a keyboard set to a European layout or by habit.
  const typed = toHalfWidth(text)
    .trim()
    .replace(/[。,，]/g, '.')
    .replace(UNIT, '')
    .trim();
  if (typed === '') return { ok: false, problem: { code: 'temperature-required' } };
  if (POINT_MISSING.test(typed))
    return { ok: false, problem: { code: 'temperature-decimal-missing', params: { typed } } };
  if (MORE_DECIMALS.test(typed)) return { ok: false, problem: { code: 'temperature-one-decimal', params: { typed } } };
  if (!ONE_DECIMAL.test(typed)) return { ok: false, problem: { code: 'temperature-not-a-number', params: { typed } } };
  const temperatureC = Number(typed);
  const problem = temperatureProblem(temperatureC);
  return problem ? { ok: false, problem } : { ok: true, temperatureC };
}

/**
 * Checks a temperature as stored: a finite number of degrees with one decimal, 34.0 to 43.0
 * inclusive. Null when it is fine.
 */
export function temperatureProblem(temperatureC: number): TemperatureProblem | null {
  if (!Number.isFinite(temperatureC))
    return { code: 'temperature-not-a-number', params: { typed: String(temperatureC) } };
  // Tenths compared as whole numbers: 36.5 * 10 is 365 exactly, 36.55 * 10 is not a whole number.
  const tenths = temperatureC * 10;
  if (Math.abs(tenths - Math.round(tenths)) > 1e-9) {
    return { code: 'temperature-one-decimal', params: { typed: String(temperatureC) } };
  }
  if (temperatureC < TEMPERATURE_MIN_C || temperatureC > TEMPERATURE_MAX_C) {
    return { code: 'temperature-out-of-range', params: RANGE_PARAMS };
  }
  return null;
}

/** A temperature written with its one decimal: 37 → 37.0. */
export function formatTemperature(temperatureC: number): string {
  return temperatureC.toFixed(1);
}
