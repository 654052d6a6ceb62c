/**
 * The verdict of one health check (issue 5; docs/domain.md#health-checks), computed from the settings
 * and never typed by hand:
 *
 * - Any symptom, a yellow or red health code, or contact with a confirmed case in the last 14 days:
 *   **fail**. Only a green code passes. A yellow code (a risk not yet cleared: home observation or
 *   a shorter quarantine) fails with its own reason, which says that the passenger may be checked
 *   again once the code turns green; the latest check decides, so a later passing check lets them
 *   travel (on this batch or, moved, on a later one). A red code (a confirmed or suspected case or
 *   a close contact, under quarantine) fails with a reason that says to hand the person to the
 *   epidemic-prevention staff; a later check can replace it too, but only once the code is green.
 * - A temperature at or above the fever threshold (37.3 °C by default) on a first reading:
 *   **recheck**, unless something above already fails the check. The second reading, taken at
 *   least the recheck interval (15 minutes by default) after the first, decides: at or above the
 *   threshold fails, below it passes (if nothing else fails). A second reading taken sooner decides
 *   nothing: the verdict stays recheck and `tooEarly` is set, so that the station refuses to store
 *   it and says when the second reading may be taken.
 * - Otherwise: **pass**.
 */
import { addMinutesToTimestamp, millisecondsBetween } from '../dates';
import type { HealthCheck, HealthCodeColour, HealthVerdict, Settings, Symptom, Timestamp } from '../domain/records';

/** The symptoms the form offers, in its order. */
export const SYMPTOMS: readonly Symptom[] = ['fever', 'cough', 'fatigue', 'sore-throat', 'short-breath', 'diarrhoea'];

/** The health-code colours, in the form's order. */
export const HEALTH_CODE_COLOURS: readonly HealthCodeColour[] = ['green', 'yellow', 'red'];

/** What the examiner found. */
export interface CheckFindings {
  temperatureC: number;
  symptoms: readonly Symptom[];
  healthCode: HealthCodeColour;
  contactWithConfirmedCase: boolean;
}

/** The first (fever) reading of a recheck that is waiting for its second reading. */
export interface FirstReading {
  temperatureC: number;
  at: Timestamp;
}

/**
 * The first reading that a check waiting for its recheck holds: the first of its `readings`, or,
 * for a check stored before readings were kept, its own temperature and time. The station's form
 * and the repository that judges the second reading both start from this one.
 */
export function firstReadingOf(check: HealthCheck): FirstReading {
  return check.readings?.[0] ?? { temperatureC: check.temperatureC, at: check.checkedAt };
}

/** The settings the verdict reads. */
export type HealthPolicy = Pick<Settings, 'feverThresholdC' | 'recheckIntervalMinutes'>;

/**
 * Why a check does not pass, for the message:
 * - `symptoms` (`symptoms`: the symptoms' codes joined by commas), `health-code-yellow`,
 *   `health-code-red`, `contact`: each fails the check;
 * - `fever-first-reading` (`thresholdC`, `from`: the earliest time of the second reading): recheck;
 * - `fever-confirmed` (`thresholdC`, `firstC`): the second reading is a fever too: fail;
 * - `recheck-too-early` (`from`): a second reading before the interval has passed.
 */
export const VERDICT_REASON_CODES = [
  'symptoms',
  'health-code-yellow',
  'health-code-red',
  'contact',
  'fever-first-reading',
  'fever-confirmed',
  'recheck-too-early',
] as const;

export type VerdictReasonCode = (typeof VERDICT_REASON_CODES)[number];

export interface VerdictReason {
  code: VerdictReasonCode;
  params: Readonly<Record<string, string | number>>;
}

export interface Judgement {
  verdict: HealthVerdict;
  /** Empty on a pass; fail reasons first, in the order of {@link VERDICT_REASON_CODES}. */
  reasons: VerdictReason[];
  /** While the verdict is recheck: the earliest time the second reading may be taken. */
  recheckFrom: Timestamp | null;
  /** A second reading taken before the recheck interval passed: it decides nothing and is not stored. */
  tooEarly: boolean;
}

/** Whether a reading is a fever: at or above the threshold. Tenths are compared, so 37.3 is 37.3. */
export function isFever(temperatureC: number, policy: Pick<HealthPolicy, 'feverThresholdC'>): boolean {
  return Math.round(temperatureC * 10) >= Math.round(policy.feverThresholdC * 10);
}

/**
 * Judges one check taken at `checkedAt`. `firstReading` is the first reading of a recheck that is
 * pending for this passenger (the latest check's result is recheck), or null for a first reading.
 */
export function judgeCheck(
  findings: CheckFindings,
  checkedAt: Timestamp,
  firstReading: FirstReading | null,
  policy: HealthPolicy,
): Judgement {
  const reasons: VerdictReason[] = [];
  if (findings.symptoms.length > 0) {
    const ordered = SYMPTOMS.filter((symptom) => findings.symptoms.includes(symptom));
    reasons.push({ code: 'symptoms', params: { symptoms: ordered.join(',') } });
  }
  if (findings.healthCode === 'yellow') reasons.push({ code: 'health-code-yellow', params: {} });
  if (findings.healthCode === 'red') reasons.push({ code: 'health-code-red', params: {} });
  if (findings.contactWithConfirmedCase) reasons.push({ code: 'contact', params: {} });
  const fails = reasons.length > 0;
  const fever = isFever(findings.temperatureC, policy);
  const thresholdC = policy.feverThresholdC.toFixed(1);

  if (firstReading === null) {
    if (!fever) return { verdict: fails ? 'fail' : 'pass', reasons, recheckFrom: null, tooEarly: false };
    if (fails) return { verdict: 'fail', reasons, recheckFrom: null, tooEarly: false };
    const from = addMinutesToTimestamp(checkedAt, policy.recheckIntervalMinutes);
    reasons.push({ code: 'fever-first-reading', params: { thresholdC, from } });
    return { verdict: 'recheck', reasons, recheckFrom: from, tooEarly: false };
  }

  const from = addMinutesToTimestamp(firstReading.at, policy.recheckIntervalMinutes);
  if (millisecondsBetween(from, checkedAt) < 0) {
    if (fails) return { verdict: 'fail', reasons, recheckFrom: null, tooEarly: false };
    reasons.push({ code: 'recheck-too-early', params: { from } });
    return { verdict: 'recheck', reasons, recheckFrom: from, tooEarly: true };
  }
  if (fever) {
    reasons.push({ code: 'fever-confirmed', params: { thresholdC, firstC: firstReading.temperatureC.toFixed(1) } });
  }
  return { verdict: reasons.length > 0 ? 'fail' : 'pass', reasons, recheckFrom: null, tooEarly: false };
}
