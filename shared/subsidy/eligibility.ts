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
 *
 * Speed (`subsidy-eligibility-100k`: 100,000 workers under every demo scheme in under 1 s): each
 * date of a person is read once into a whole number (below), and every scheme is judged on those
 * numbers in plain loops; a date string is written only for a date the answer gives, and a reason
 * only for a person who has one. The arithmetic is shared/dates.ts's (completedCalendarMonths,
 * addCalendarMonths), on numbers instead of strings; the tests hold the two to the same answers.
 */
import { addCalendarMonths, calendarDaysBetween } from '../dates';
import type { CalendarDate, PovertyStatus } from '../domain/records';
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

/*
 * A calendar date as one whole number, year·512 + month·32 + day: ordered as the days are, and
 * read without a `Date` or a string. Text that is not a day is refused by shared/dates.ts, with
 * the message it gives everywhere.
 */
const YEAR_UNIT = 512;
const MONTH_UNIT = 32;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The digit at `index`, or -100000 (which no sum of digits below can make good) when there is none. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -100_000;
}

function dayKey(date: CalendarDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
    const month = digitAt(date, 5) * 10 + digitAt(date, 6);
    const day = digitAt(date, 8) * 10 + digitAt(date, 9);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return year * YEAR_UNIT + month * MONTH_UNIT + day;
    }
  }
  calendarDaysBetween(date, date); // throws the RangeError that names the text
  throw new RangeError(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(date)}`);
}

const yearOf = (key: number): number => Math.floor(key / YEAR_UNIT);
const monthOf = (key: number): number => Math.floor(key / MONTH_UNIT) % (YEAR_UNIT / MONTH_UNIT);
const dayOf = (key: number): number => key % MONTH_UNIT;

/** completedCalendarMonths (shared/dates.ts) of two day keys. */
function monthsBetween(start: number, until: number): number {
  const months = (yearOf(until) - yearOf(start)) * 12 + (monthOf(until) - monthOf(start));
  const anniversary = Math.min(dayOf(start), daysInMonth(yearOf(until), monthOf(until)));
  return Math.max(0, dayOf(until) < anniversary ? months - 1 : months);
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** addCalendarMonths (shared/dates.ts) of `date`, whose key is `key`. */
function plusMonths(date: CalendarDate, key: number, months: number): CalendarDate {
  const index = yearOf(key) * 12 + (monthOf(key) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  // Years shared/dates.ts does not write, and months that are not whole: its own answer or error.
  if (!Number.isInteger(months) || year < 1000 || year > 9999) return addCalendarMonths(date, months);
  return `${year}-${twoDigits(month)}-${twoDigits(Math.min(dayOf(key), daysInMonth(year, month)))}`;
}

/** A person's periods that have begun by the day asked about, read once for every scheme. */
interface Started {
  periods: EligibilityPeriod[];
  /** Day key of each period's start. */
  starts: number[];
  /** Completed months of each period, up to its end or the day asked about. */
  months: number[];
}

function startedPeriods(person: EligibilityPerson, asOf: CalendarDate): Started {
  const started: Started = { periods: [], starts: [], months: [] };
  const all = person.periods;
  if (all.length === 0) return started;
  const today = dayKey(asOf);
  for (const period of all) {
    const start = dayKey(period.start);
    if (start > today) continue;
    started.periods.push(period);
    started.starts.push(start);
  }
  for (let index = 0; index < started.periods.length; index++) {
    const { end } = started.periods[index] as EligibilityPeriod;
    const until = end === null || end > asOf ? today : dayKey(end);
    started.months.push(monthsBetween(started.starts[index] as number, until));
  }
  return started;
}

/** The first place condition of the scheme that the period fails, or null when it counts. */
function failedCondition(period: EligibilityPeriod, scheme: SubsidyScheme): PlaceCondition | null {
  const { conditions } = scheme;
  if (
    conditions.destinations.length > 0 &&
    (period.destination === null || !conditions.destinations.includes(period.destination))
  ) {
    return 'destination';
  }
  if (conditions.keyEnterpriseOnly && !period.isKeyEnterprise) return 'key-enterprise';
  if (conditions.organisedBatch === 'only' && !period.organisedBatch) return 'batch';
  if (conditions.organisedBatch === 'excluded' && period.organisedBatch) return 'batch';
  if (conditions.startFrom !== null && period.start < conditions.startFrom) return 'window';
  if (conditions.startTo !== null && period.start > conditions.startTo) return 'window';
  return null;
}

/** The amount a period earns under a scheme, or null when the scheme has no tier for its destination. */
function amountFor(scheme: SubsidyScheme, period: EligibilityPeriod): Fen | null {
  if (scheme.amountFen !== null) return scheme.amountFen;
  for (const tier of scheme.tiers) if (tier.destination === period.destination) return tier.amountFen;
  return null;
}

/** Whether `person` is owed `scheme`'s subsidy as of `asOf` (Beijing calendar), and if not, why. */
export function eligibilityOf(person: EligibilityPerson, scheme: SubsidyScheme, asOf: CalendarDate): Eligibility {
  return judge(person, startedPeriods(person, asOf), scheme, asOf);
}

/** A person's eligibility under each of `schemes`, in their order: each period's months counted once for all. */
export function eligibilitiesOf(
  person: EligibilityPerson,
  schemes: readonly SubsidyScheme[],
  asOf: CalendarDate,
): Eligibility[] {
  const started = startedPeriods(person, asOf);
  const results: Eligibility[] = [];
  for (const scheme of schemes) results.push(judge(person, started, scheme, asOf));
  return results;
}

function judge(person: EligibilityPerson, started: Started, scheme: SubsidyScheme, asOf: CalendarDate): Eligibility {
  const { conditions } = scheme;
  const { periods, starts, months } = started;
  const household =
    conditions.householdTypes.length > 0 && !conditions.householdTypes.includes(person.povertyStatus)
      ? ({ code: 'household', params: { household: person.povertyStatus } } as const)
      : null;
  if (periods.length === 0) {
    const noEmployment = { code: 'no-employment', params: {} } as const;
    return { state: 'not-eligible', reasons: household ? [household, noEmployment] : [noEmployment] };
  }
  const required = Math.max(conditions.minMonths, scheme.instalments[0]?.afterMonths ?? 0);
  // One pass over the qualifying periods: their months in all, the longest (the earliest of
  // equals), the earliest start among those still running, the first running one, and whether
  // they are in the order they began.
  let count = 0;
  let total = 0;
  let longest = -1;
  let earliestRunning = -1;
  let firstRunning = -1;
  let inOrder = true;
  let last = -1;
  for (let index = 0; index < periods.length; index++) {
    const period = periods[index] as EligibilityPeriod;
    if (failedCondition(period, scheme) !== null) continue;
    const here = months[index] as number;
    const start = starts[index] as number;
    count++;
    total += here;
    if (longest < 0) longest = index;
    else {
      const best = months[longest] as number;
      if (here > best || (here === best && start < (starts[longest] as number))) longest = index;
    }
    if (period.end === null) {
      if (firstRunning < 0) firstRunning = index;
      if (earliestRunning < 0 || start < (starts[earliestRunning] as number)) earliestRunning = index;
    }
    if (last >= 0 && start < (starts[last] as number)) inOrder = false;
    last = index;
  }
  if (count === 0) {
    const failed = {
      code: 'no-qualifying-employment',
      params: { condition: failedCondition(periods[0] as EligibilityPeriod, scheme) as PlaceCondition },
    } as const;
    return { state: 'not-eligible', reasons: household ? [household, failed] : [failed] };
  }
  const period = periods[longest] as EligibilityPeriod;
  let counted: number;
  let reachedOn: CalendarDate | null = null;
  if (conditions.sameEmployer) {
    // Stays at one employer: the longest; an open stay reaches the months `required` months after its start.
    counted = months[longest] as number;
    if (counted >= required) reachedOn = plusMonths(period.start, starts[longest] as number, required);
    else if (earliestRunning >= 0) {
      const running = periods[earliestRunning] as EligibilityPeriod;
      reachedOn = plusMonths(running.start, starts[earliestRunning] as number, required);
    }
  } else {
    counted = total;
    if (total >= required) {
      // The day the total was first reached: the periods in the order they began.
      const order = inOrder ? null : qualifyingInOrder(started, scheme);
      let sum = 0;
      for (let at = 0; at < (order ? order.length : periods.length); at++) {
        const index = order ? (order[at] as number) : at;
        if (!order && failedCondition(periods[index] as EligibilityPeriod, scheme) !== null) continue;
        const need = required - sum;
        const here = months[index] as number;
        if (here >= need) {
          reachedOn = plusMonths((periods[index] as EligibilityPeriod).start, starts[index] as number, need);
          break;
        }
        sum += here;
      }
    } else if (firstRunning >= 0) {
      const before = total - (months[firstRunning] as number);
      const running = periods[firstRunning] as EligibilityPeriod;
      reachedOn = plusMonths(running.start, starts[firstRunning] as number, required - before);
    }
  }
  const amount = amountFor(scheme, period);
  if (counted < required) {
    const reasons: IneligibilityReason[] = household ? [household] : [];
    if (amount === null) reasons.push({ code: 'no-tier', params: { destination: period.destination ?? 'unknown' } });
    reasons.push({ code: 'months', params: { months: counted, required, from: reachedOn } });
    return reasons.length === 1 && reachedOn !== null
      ? { state: 'not-yet', from: reachedOn, reasons }
      : { state: 'not-eligible', reasons };
  }
  if (household !== null || amount === null) {
    const reasons: IneligibilityReason[] = household ? [household] : [];
    if (amount === null) reasons.push({ code: 'no-tier', params: { destination: period.destination ?? 'unknown' } });
    return { state: 'not-eligible', reasons };
  }
  const since = reachedOn ?? asOf;
  const instalments: InstalmentDue[] = [];
  if (scheme.instalments.length === 0) instalments.push({ amountFen: amount, dueOn: since, owed: true });
  else {
    const parts = splitFen(
      amount,
      scheme.instalments.map((instalment) => instalment.share),
    );
    for (let index = 0; index < parts.length; index++) {
      const { afterMonths } = scheme.instalments[index] as { afterMonths: number };
      instalments.push({
        amountFen: parts[index] as Fen,
        dueOn: plusMonths(period.start, starts[longest] as number, afterMonths),
        owed: counted >= afterMonths,
      });
    }
  }
  return { state: 'eligible', since, amountFen: amount, instalments, months: counted, period };
}

/** The indices of a scheme's qualifying periods in the order they began (the earlier listed first among equals). */
function qualifyingInOrder(started: Started, scheme: SubsidyScheme): number[] {
  const order: number[] = [];
  for (let index = 0; index < started.periods.length; index++) {
    if (failedCondition(started.periods[index] as EligibilityPeriod, scheme) === null) order.push(index);
  }
  return order.sort((a, b) => (started.starts[a] as number) - (started.starts[b] as number) || a - b);
}
