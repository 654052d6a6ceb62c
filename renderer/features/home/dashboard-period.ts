/**
 * The period the home page's key figures count (issue 19): this calendar year (its planned batches
 * included), the last 12 months up to today, or two days the user picks. Compared each time with the
 * same period one year earlier (shared/dashboard/figures.ts).
 */
import { addCalendarDays, addCalendarMonths, isCalendarDate } from '@shared/dates';
import type { DashboardFilter } from '@shared/dashboard';
import type { CalendarDate } from '@shared/domain/records';

export type PeriodKind = 'year' | 'twelveMonths' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  /** The custom period's days ('' while not chosen). */
  from: CalendarDate;
  to: CalendarDate;
}

export type PeriodAnswer = { filter: DashboardFilter } | { problem: 'incomplete' | 'reversed' };

/** The filter of a choice on `today` (Beijing), or why the custom period cannot be counted. */
export function periodFilter(choice: PeriodChoice, today: CalendarDate): PeriodAnswer {
  switch (choice.kind) {
    case 'year': {
      const year = today.slice(0, 4);
      return { filter: { from: `${year}-01-01`, to: `${year}-12-31` } };
    }
    case 'twelveMonths':
      return { filter: { from: addCalendarDays(addCalendarMonths(today, -12), 1), to: today } };
    case 'custom':
      if (!isCalendarDate(choice.from) || !isCalendarDate(choice.to)) return { problem: 'incomplete' };
      if (choice.to < choice.from) return { problem: 'reversed' };
      return { filter: { from: choice.from, to: choice.to } };
  }
}
