/**
 * Texts of the health-check station that need more than one `t()` call: problems (the station's
 * own under `health.problems`, the app's common ones under `problems`), verdict reasons with their
 * times and symptoms, seats as on a ticket, and one line per check.
 */
import type { TFunction } from 'i18next';
import type { FieldProblem } from '@shared/domain/problems';
import type { Batch, HealthCheck, Language, Symptom } from '@shared/domain/records';
import { formatTimestamp, beijingClockTime } from '@shared/dates';
import { formatTemperature, isHealthProblemCode, type VerdictReason } from '@shared/health';
import { seatLabel } from '@shared/seating';

const SYMPTOM_SET = new Set<string>(['fever', 'cough', 'fatigue', 'sore-throat', 'short-breath', 'diarrhoea']);

/** Times in a problem or reason: `at` as date and time, `from` as the clock time (it is today). */
function withTimes(
  params: Readonly<Record<string, string | number>> | undefined,
  language: Language,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...(params ?? {}) };
  if (typeof out.at === 'string') out.at = formatTimestamp(out.at, language);
  if (typeof out.from === 'string') out.from = beijingClockTime(out.from);
  return out;
}

/** The message of a refused save in the user's language. */
export function healthProblemMessage(problem: FieldProblem, t: TFunction, language: Language): string {
  const params = withTimes(problem.params, language);
  return isHealthProblemCode(problem.code)
    ? t(`health.problems.${problem.code}`, params)
    : t(`problems.${problem.code}`, params);
}

/** The symptoms' names, joined as the language joins a list. */
export function symptomNames(symptoms: readonly Symptom[], t: TFunction, language: Language): string {
  return symptoms.map((symptom) => t(`health.symptoms.${symptom}`)).join(language === 'en' ? ', ' : '、');
}

/** One reason of a verdict in the user's language. */
export function verdictReasonMessage(reason: VerdictReason, t: TFunction, language: Language): string {
  const params = withTimes(reason.params, language);
  if (typeof params.symptoms === 'string') {
    const codes = params.symptoms.split(',').filter((code): code is Symptom => SYMPTOM_SET.has(code));
    params.symptoms = symptomNames(codes, t, language);
  }
  return t(`health.reasons.${reason.code}`, params);
}

/** A passenger's seats, leg by leg in the batch's order, as on the tickets; empty when none. */
export function seatsText(
  seats: readonly { legId: string; vehicleId: string; seat: string }[],
  batch: Pick<Batch, 'legs'>,
  language: Language,
): string {
  const vehicles = new Map(batch.legs.flatMap((leg) => leg.vehicles.map((vehicle) => [vehicle.id, vehicle] as const)));
  const order = new Map(batch.legs.map((leg, index) => [leg.legId, index]));
  return [...seats]
    .sort((a, b) => (order.get(a.legId) ?? 0) - (order.get(b.legId) ?? 0))
    .map((seat) => {
      const vehicle = vehicles.get(seat.vehicleId);
      return vehicle ? seatLabel(vehicle, seat.seat, language) : seat.seat;
    })
    .join(' / ');
}

/** The temperatures of a check: one reading, or the first and the second of a recheck. */
export function temperaturesText(check: HealthCheck, t: TFunction): string {
  const readings = check.readings ?? [{ temperatureC: check.temperatureC, at: check.checkedAt }];
  const [first, second] = readings;
  if (first && second) {
    return t('health.history.readings', {
      first: formatTemperature(first.temperatureC),
      second: formatTemperature(second.temperatureC),
    });
  }
  return `${formatTemperature(check.temperatureC)} °C`;
}

/** One line for a check: time, examiner, temperatures (the verdict is shown beside it). */
export function checkLine(check: HealthCheck, t: TFunction, language: Language): string {
  return t('health.history.check', {
    at: formatTimestamp(check.checkedAt, language),
    examiner: check.examiner,
    temperatures: temperaturesText(check, t),
  });
}
