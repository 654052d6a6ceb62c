/**
 * Months of employment (issue 17, "employment periods"; the subsidies of issue 18 count 1, 3 and 6
 * months). A period runs from its start (the handover or the on-board date) to its end, or to the
 * day asked about while it is open. A month is completed on the same day of the next month (31
 * January to 28 February in a common year, since February has no 31st): that is how a person
 * counts "three months in post", and how the county's forms ask for it.
 */
import { calendarDaysBetween, completedCalendarMonths } from '../dates';
import type { CalendarDate } from '../domain/records';

export interface EmploymentSpan {
  start: CalendarDate;
  /** The last day employed; null while the period is open. */
  end: CalendarDate | null;
}

/** Completed months from `start` to `until` (0 when `until` is before a month is completed). */
export function completedMonths(start: CalendarDate, until: CalendarDate): number {
  return completedCalendarMonths(start, until);
}

/** Completed months of one period as of `asOf` (an open period counts up to `asOf`). */
export function monthsEmployed(span: EmploymentSpan, asOf: CalendarDate): number {
  const until = span.end === null || span.end > asOf ? asOf : span.end;
  return completedMonths(span.start, until);
}

/** Refuses a period whose end is before its start. */
export function checkEmploymentSpan(span: EmploymentSpan): 'end-before-start' | null {
  return span.end !== null && calendarDaysBetween(span.start, span.end) < 0 ? 'end-before-start' : null;
}
