/**
 * Every problem code that saving a health check can report (besides the app's common `required`
 * and `batch-locked`). Each is an i18n key under `health.problems`, so that a renderer test can
 * check that both languages have a text for each. Params:
 * - the temperature codes: see {@link TemperatureProblemCode} (`typed`, or `min` and `max`);
 * - `checked-in-future`: `at`; `checked-before-latest`: `at` (the latest check's time);
 * - `recheck-too-early`: `from` (the earliest time of the second reading);
 * - `not-on-batch`: `name`; `worker-unknown`, `correction-reason-required`,
 *   `withdrawal-reason-required`: none.
 */
import type { TemperatureProblemCode } from './temperature';

export const HEALTH_PROBLEM_CODES = [
  'temperature-required',
  'temperature-not-a-number',
  'temperature-decimal-missing',
  'temperature-one-decimal',
  'temperature-out-of-range',
  'checked-in-future',
  'checked-before-latest',
  'recheck-too-early',
  'not-on-batch',
  'worker-unknown',
  'correction-reason-required',
  'withdrawal-reason-required',
] as const;

export type HealthProblemCode = (typeof HEALTH_PROBLEM_CODES)[number];

/** Fails to compile when a temperature problem is missing from the list above. */
const _everyTemperatureCodeListed: [Exclude<TemperatureProblemCode, HealthProblemCode>] extends [never] ? true : false =
  true;

/** Whether a problem code is one of the station's own (its text is under `health.problems`). */
export function isHealthProblemCode(code: string): code is HealthProblemCode {
  return (HEALTH_PROBLEM_CODES as readonly string[]).includes(code);
}
