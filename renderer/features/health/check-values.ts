/**
 * The model of the station's check form: the fields as typed, what they start from, the verdict
 * they mean as they are typed, and which field shows a problem the repository reported.
 */
import type { FieldProblem } from '@shared/domain/problems';
import type { HealthCheck, HealthCodeColour, Symptom, Timestamp } from '@shared/domain/records';
import { beijingWallTimestamp, minutesOfClockTime, todayCalendarDate } from '@shared/dates';
import {
  firstReadingOf,
  formatTemperature,
  judgeCheck,
  readTemperature,
  type CheckFindings,
  type HealthPolicy,
  type Judgement,
} from '@shared/health';

/** The form's fields, as typed. */
export interface CheckValues {
  temperature: string;
  /** `HH:MM` on this computer's clock, or empty for now. */
  time: string;
  symptoms: Symptom[];
  healthCode: HealthCodeColour;
  contact: 'no' | 'yes';
  examiner: string;
  note: string;
  reason: string;
}

/** A new check, or the correction of the passenger's latest one. */
export type CheckMode = { kind: 'new' } | { kind: 'correct'; check: HealthCheck };

/** Which form field shows a problem the repository reported. */
const FIELD_OF: Readonly<Record<string, keyof CheckValues>> = {
  temperatureC: 'temperature',
  checkedAt: 'time',
  examiner: 'examiner',
  reason: 'reason',
};

/**
 * What the form starts from. A recheck (`withTemperature` false) starts from what was found at the
 * first reading, with a new temperature and the examiner at the station; a correction
 * (`withTemperature` true) starts from the whole check it corrects.
 */
export function valuesFrom(check: HealthCheck | null, examiner: string, withTemperature: boolean): CheckValues {
  return {
    temperature: check && withTemperature ? formatTemperature(check.temperatureC) : '',
    time: '',
    symptoms: check ? [...check.symptoms] : [],
    healthCode: check?.healthCode ?? 'green',
    contact: check?.contactWithConfirmedCase ? 'yes' : 'no',
    examiner: withTemperature && check ? check.examiner : examiner,
    note: withTemperature && check ? check.note : '',
    reason: '',
  };
}

/** The time a new check will carry: the typed clock time today, or now; null when the text is no time. */
export function checkTimeOf(text: string, now: Timestamp): Timestamp | null {
  if (text.trim() === '') return now;
  const minutes = minutesOfClockTime(text);
  return minutes === null ? null : beijingWallTimestamp(todayCalendarDate(), minutes);
}

/** What the examiner found, as the verdict reads it; null while the temperature is no temperature. */
export function findingsOf(values: CheckValues): CheckFindings | null {
  const read = readTemperature(values.temperature);
  if (!read.ok) return null;
  return {
    temperatureC: read.temperatureC,
    symptoms: values.symptoms,
    healthCode: values.healthCode,
    contactWithConfirmedCase: values.contact === 'yes',
  };
}

/**
 * The verdict of what is typed, or null while it cannot be judged (no temperature, or no time). A
 * correction keeps the corrected check's time and first reading; a new check is judged at its time,
 * as the second reading of `pending` when it completes a recheck.
 */
export function judgementOf(
  values: CheckValues,
  mode: CheckMode,
  pending: HealthCheck | null,
  now: Timestamp,
  policy: HealthPolicy,
): Judgement | null {
  const findings = findingsOf(values);
  if (!findings) return null;
  if (mode.kind === 'correct') {
    const readings = mode.check.readings ?? [];
    const first = readings.length > 1 ? (readings[0] ?? null) : null;
    return judgeCheck(findings, mode.check.checkedAt, first, policy);
  }
  const at = checkTimeOf(values.time, now);
  return at === null ? null : judgeCheck(findings, at, pending ? firstReadingOf(pending) : null, policy);
}

/** A refusal laid out on the form: messages beside their fields, and the others for the form as a whole. */
export interface PlacedProblems {
  /** Messages by field, the first problem of each field. */
  fields: Partial<Record<keyof CheckValues, string>>;
  /** Messages of problems that no field shows, in the order reported. */
  others: string[];
}

/**
 * Puts each problem of a refused save beside its field, or with the others when the form has no
 * field for it (the time of a correction is not typed, so its problems go with the others).
 */
export function placeProblems(
  problems: readonly FieldProblem[],
  mode: CheckMode,
  describe: (problem: FieldProblem) => string,
): PlacedProblems {
  const fields: PlacedProblems['fields'] = {};
  const others: string[] = [];
  for (const problem of problems) {
    const field = FIELD_OF[problem.field];
    const message = describe(problem);
    if (field && (field !== 'time' || mode.kind === 'new')) fields[field] ??= message;
    else others.push(message);
  }
  return { fields, others };
}
