/**
 * Whether a person is owed a scheme's subsidy, and why not (issue 18, "eligibility"): computed from
 * the records (employment periods, household type, batch, destination), never typed in. Each
 * condition that fails gives a reason with its figures, so that a coordinator can tell a worker
 * "employed 2 of 3 months, eligible from 2027-03-08". Pure; months are counted as
 * shared/followup/employment.ts counts them (completed on the same day of a later month).
 *
 * Months at several employers add up as the completed months of each period; with
 * `sameEmployer`, only the longest stay at one employer counts. Only periods that meet the
 * scheme's place conditions (destination, key enterprise, batch, start window) count at all.
 */
import { addCalendarMonths, calendarDaysBetween } from '../dates';
import type { CalendarDate, PovertyStatus } from '../domain/records';
import { completedMonths } from '../followup/employment';
import type { Fen } from './money';
import { splitFen } from './money';
import type { DestinationTier, SubsidyScheme } from './scheme';

/** One employment period as eligibility reads it. */
export interface EligibilityPeriod {
  /** The employer: an enterprise's id, or a name for one the office does not know. */
  employer: string;
  start: CalendarDate;
  end: CalendarDate | null;
  destination: DestinationTier | null;
  isKeyEnterprise: boolean;
  /** The worker came to this employer on one of the office's batches. */
  organisedBatch: boolean;
}

export interface EligibilityPerson {
  povertyStatus: PovertyStatus;
  periods: readonly EligibilityPeriod[];
}

/** The place condition a period failed. */
type PlaceCondition = 'destination' | 'key-enterprise' | 'batch' | 'window';

export type IneligibilityReason =
  | { code: 'household'; params: { household: PovertyStatus } }
  | { code: 'no-employment'; params: Record<string, never> }
  | { code: 'no-qualifying-employment'; params: { condition: PlaceCondition } }
  | { code: 'months'; params: { months: number; required: number; from: CalendarDate | null } }
  | { code: 'no-tier'; params: { destination: DestinationTier | 'unknown' } };

export interface InstalmentDue {
  amountFen: Fen;
  /** The day the instalment is owed from. */
  dueOn: CalendarDate;
  /** Owed as of the day asked about. */
  owed: boolean;
}

export type Eligibility =
  | {
      state: 'eligible';
      /** The day the conditions were first all met. */
      since: CalendarDate;
      amountFen: Fen;
      instalments: InstalmentDue[];
      months: number;
      /** The period the subsidy rests on (the longest qualifying one). */
      period: EligibilityPeriod;
    }
  /** Will be eligible on `from` if the worker stays where they are. */
  | { state: 'not-yet'; from: CalendarDate; reasons: IneligibilityReason[] }
  | { state: 'not-eligible'; reasons: IneligibilityReason[] };

/** The first place condition of the scheme that the period fails, or null when it counts. */
function failedCondition(period: EligibilityPeriod, scheme: SubsidyScheme): { condition: PlaceCondition } | null {
  const { conditions } = scheme;
  if (
    conditions.destinations.length > 0 &&
    (period.destination === null || !conditions.destinations.includes(period.destination))
  ) {
    return { condition: 'destination' };
  }
  if (conditions.keyEnterpriseOnly && !period.isKeyEnterprise) return { condition: 'key-enterprise' };
  if (conditions.organisedBatch === 'only' && !period.organisedBatch) return { condition: 'batch' };
  if (conditions.organisedBatch === 'excluded' && period.organisedBatch) return { condition: 'batch' };
  if (conditions.startFrom !== null && period.start < conditions.startFrom) return { condition: 'window' };
  if (conditions.startTo !== null && period.start > conditions.startTo) return { condition: 'window' };
  return null;
}

function periodMonths(period: EligibilityPeriod, asOf: CalendarDate): number {
  const until = period.end === null || period.end > asOf ? asOf : period.end;
  return completedMonths(period.start, until);
}

/** The months a scheme counts, and the day `required` months are reached if open periods go on. */
function countMonths(
  periods: readonly EligibilityPeriod[],
  monthsOf: ReadonlyMap<EligibilityPeriod, number>,
  scheme: SubsidyScheme,
  required: number,
  asOf: CalendarDate,
): { months: number; period: EligibilityPeriod; reachedOn: CalendarDate | null } {
  // The longest period (the earliest of equals) is the one a claim rests on.
  const months = periods.map((period) => monthsOf.get(period) ?? 0);
  let longest = 0;
  for (let index = 1; index < periods.length; index++) {
    const better = (months[index] ?? 0) > (months[longest] ?? 0);
    const tied = months[index] === months[longest] && (periods[index]?.start ?? '') < (periods[longest]?.start ?? '');
    if (better || tied) longest = index;
  }
  const period = periods[longest] as EligibilityPeriod;
  const open = periods.filter((candidate) => candidate.end === null || candidate.end > asOf);
  if (scheme.conditions.sameEmployer) {
    // Stays at one employer: the longest; an open stay reaches the months `required` months after its start.
    const counted = months[longest] ?? 0;
    const reachedOn =
      counted >= required
        ? addCalendarMonths(period.start, required)
        : (open
            .filter((candidate) => candidate.end === null)
            .map((candidate) => addCalendarMonths(candidate.start, required))
            .sort()[0] ?? null);
    return { months: counted, period, reachedOn };
  }
  const total = months.reduce((sum, value) => sum + value, 0);
  let reachedOn: CalendarDate | null = null;
  if (total >= required) {
    // The day the total was first reached: the periods in the order they began.
    const order = periods
      .map((_, index) => index)
      .sort((a, b) => (periods[a]?.start ?? '').localeCompare(periods[b]?.start ?? ''));
    let sum = 0;
    for (const index of order) {
      const need = required - sum;
      const here = months[index] ?? 0;
      if (here >= need) {
        reachedOn = addCalendarMonths((periods[index] as EligibilityPeriod).start, need);
        break;
      }
      sum += here;
    }
  } else {
    const running = open.find((candidate) => candidate.end === null);
    if (running) {
      const before = total - (monthsOf.get(running) ?? 0);
      reachedOn = addCalendarMonths(running.start, required - before);
    }
  }
  return { months: total, period, reachedOn };
}

/** The amount a period earns under a scheme, or null when the scheme has no tier for its destination. */
function amountFor(scheme: SubsidyScheme, period: EligibilityPeriod): Fen | null {
  if (scheme.amountFen !== null) return scheme.amountFen;
  return scheme.tiers.find((tier) => tier.destination === period.destination)?.amountFen ?? null;
}

/** Whether `person` is owed `scheme`'s subsidy as of `asOf` (Beijing calendar), and if not, why. */
export function eligibilityOf(person: EligibilityPerson, scheme: SubsidyScheme, asOf: CalendarDate): Eligibility {
  return eligibilitiesOf(person, [scheme], asOf)[0] as Eligibility;
}

/** A person's eligibility under each of `schemes`, in their order: each period's months counted once for all. */
export function eligibilitiesOf(
  person: EligibilityPerson,
  schemes: readonly SubsidyScheme[],
  asOf: CalendarDate,
): Eligibility[] {
  const started = person.periods.filter((period) => calendarDaysBetween(period.start, asOf) >= 0);
  const monthsOf = new Map(started.map((period) => [period, periodMonths(period, asOf)]));
  return schemes.map((scheme) => judge(person, started, monthsOf, scheme, asOf));
}

function judge(
  person: EligibilityPerson,
  started: readonly EligibilityPeriod[],
  monthsOf: ReadonlyMap<EligibilityPeriod, number>,
  scheme: SubsidyScheme,
  asOf: CalendarDate,
): Eligibility {
  const { conditions } = scheme;
  const reasons: IneligibilityReason[] = [];
  if (conditions.householdTypes.length > 0 && !conditions.householdTypes.includes(person.povertyStatus)) {
    reasons.push({ code: 'household', params: { household: person.povertyStatus } });
  }
  if (started.length === 0)
    return { state: 'not-eligible', reasons: [...reasons, { code: 'no-employment', params: {} }] };
  const qualifying = started.filter((period) => failedCondition(period, scheme) === null);
  const [first] = started;
  const failed = first && qualifying.length === 0 ? failedCondition(first, scheme) : null;
  if (failed)
    return { state: 'not-eligible', reasons: [...reasons, { code: 'no-qualifying-employment', params: failed }] };
  const required = Math.max(conditions.minMonths, scheme.instalments[0]?.afterMonths ?? 0);
  const counted = countMonths(qualifying, monthsOf, scheme, required, asOf);
  const amount = amountFor(scheme, counted.period);
  if (amount === null) {
    reasons.push({ code: 'no-tier', params: { destination: counted.period.destination ?? 'unknown' } });
  }
  if (counted.months < required) {
    reasons.push({ code: 'months', params: { months: counted.months, required, from: counted.reachedOn } });
    const onlyMonths = reasons.every((reason) => reason.code === 'months');
    return onlyMonths && counted.reachedOn !== null
      ? { state: 'not-yet', from: counted.reachedOn, reasons }
      : { state: 'not-eligible', reasons };
  }
  if (reasons.length > 0 || amount === null) return { state: 'not-eligible', reasons };
  const since = counted.reachedOn ?? asOf;
  const instalments =
    scheme.instalments.length === 0
      ? [{ amountFen: amount, dueOn: since, owed: true }]
      : splitFen(
          amount,
          scheme.instalments.map((instalment) => instalment.share),
        ).map((amountFen, index) => {
          const instalment = scheme.instalments[index] as { afterMonths: number };
          const dueOn = addCalendarMonths(counted.period.start, instalment.afterMonths);
          return { amountFen, dueOn, owed: counted.months >= instalment.afterMonths };
        });
  return { state: 'eligible', since, amountFen: amount, instalments, months: counted.months, period: counted.period };
}
