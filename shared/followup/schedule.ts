/**
 * When each worker is due to be contacted after their handover (issue 17, "contact schedule"; the
 * fourth unification, 统一跟踪服务). The office calls on fixed days after the handover, day 7, 30,
 * 90 and 180 by default: the last two are the 3- and 6-month thresholds of the employment
 * subsidies, so they stay tied to the handover, never pushed later by a late call before them.
 *
 * A contact answers every point that is due within `EARLY_DAYS` of it (a call on day 25 answers
 * the day-30 point; a late call on day 95 answers both the day-30 and the day-90 points, since it
 * learns how the worker stands on both). A worker who could not be reached answers no point: the
 * next try is due `RETRY_DAYS` later. A worker who returned home leaves the schedule. The person
 * logging a contact may ask for the next one sooner (a worker who needs help with unpaid wages is
 * called again next week); never later than the schedule says. All dates are calendar days in
 * Beijing time (docs/architecture.md#time). Pure: the repositories and the workspace call it.
 */
import { addCalendarDays, calendarDaysBetween } from '../dates';
import { DEFAULT_SETTINGS, type CalendarDate, type ContactOutcome } from '../domain/records';

/** The contact points of a new installation, in days after the handover. */
export const DEFAULT_CONTACT_DAYS: readonly number[] = DEFAULT_SETTINGS.contactDays;

/** How many days before a point a contact still answers it. */
export const EARLY_DAYS = 7;

/** When a worker could not be reached, the next try is due this many days later. */
export const RETRY_DAYS = 3;

export { CONTACT_OUTCOMES, type ContactOutcome } from '../domain/records';

/** What the schedule needs of a logged contact. */
export interface ScheduledContact {
  /** The day the contact was made (Beijing time). */
  date: CalendarDate;
  outcome: ContactOutcome;
  /** The next contact the person logging asked for, if any. */
  nextDate?: CalendarDate | null;
}

/** One point of a worker's schedule. */
export interface ContactPoint {
  /** Days after the handover. */
  day: number;
  due: CalendarDate;
  /** The day of the contact that answered it; null while open. */
  answeredOn: CalendarDate | null;
}

/** A worker's schedule as of their contacts so far. */
export interface ContactSchedule {
  points: ContactPoint[];
  /** When the next contact is due; null once the worker left the schedule or every point is answered. */
  nextDue: CalendarDate | null;
  /** True once a contact found the worker returned home. */
  left: boolean;
}

/** Refuses a schedule that is not whole days after the handover, from the first day on, each once. */
export function checkContactDays(days: readonly number[]): 'empty' | 'not-whole' | 'not-increasing' | null {
  if (days.length === 0) return 'empty';
  if (days.some((day) => !Number.isSafeInteger(day) || day < 1)) return 'not-whole';
  if (days.some((day, index) => index > 0 && day <= (days[index - 1] ?? 0))) return 'not-increasing';
  return null;
}

/** The due dates of a worker handed over on `handover`: one point per day of `days`. */
export function contactPoints(handover: CalendarDate, days: readonly number[] = DEFAULT_CONTACT_DAYS): ContactPoint[] {
  const problem = checkContactDays(days);
  if (problem) throw new RangeError(`contact days ${days.join(', ')}: ${problem}`);
  return days.map((day) => ({ day, due: addCalendarDays(handover, day), answeredOn: null }));
}

/**
 * The schedule of a worker handed over on `handover`, after `contacts` (in any order). A contact
 * dated before the handover is an error of the caller (the contact rules refuse it).
 */
export function contactSchedule(
  handover: CalendarDate,
  contacts: readonly ScheduledContact[],
  days: readonly number[] = DEFAULT_CONTACT_DAYS,
): ContactSchedule {
  const points = contactPoints(handover, days);
  const ordered = [...contacts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let left = false;
  let retryOn: CalendarDate | null = null;
  let askedFor: CalendarDate | null = null;
  for (const contact of ordered) {
    if (calendarDaysBetween(handover, contact.date) < 0) {
      throw new RangeError(`a contact on ${contact.date} is before the handover on ${handover}`);
    }
    askedFor = contact.nextDate ?? null;
    if (contact.outcome === 'returned-home') {
      left = true;
      break;
    }
    if (contact.outcome === 'unreachable') {
      retryOn = addCalendarDays(contact.date, RETRY_DAYS);
      continue;
    }
    retryOn = null;
    const answersUpTo = addCalendarDays(contact.date, EARLY_DAYS);
    for (const point of points) {
      if (point.answeredOn === null && point.due <= answersUpTo) point.answeredOn = contact.date;
    }
  }
  if (left) return { points, nextDue: null, left };
  const scheduled = points.find((point) => point.answeredOn === null)?.due ?? null;
  const lastContact = ordered.at(-1)?.date ?? null;
  // A point already past when the worker could not be reached is tried again on the retry day.
  const stillAhead = scheduled !== null && (lastContact === null || scheduled > lastContact) ? scheduled : null;
  const candidates = [stillAhead ?? (retryOn === null ? scheduled : null), retryOn, askedFor].filter(
    (date): date is CalendarDate => date !== null,
  );
  // Never later than the schedule: a retry or a wish comes sooner, the point itself stays due.
  const nextDue =
    candidates.length === 0 ? null : candidates.reduce((soonest, date) => (date < soonest ? date : soonest));
  return { points, nextDue, left };
}

/** How a due contact stands on `today`: overdue (past its day), due today, or not yet. */
export function dueState(nextDue: CalendarDate | null, today: CalendarDate): 'overdue' | 'due' | 'later' | 'none' {
  if (nextDue === null) return 'none';
  const days = calendarDaysBetween(today, nextDue);
  return days < 0 ? 'overdue' : days === 0 ? 'due' : 'later';
}
