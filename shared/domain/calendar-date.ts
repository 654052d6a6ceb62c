/**
 * Calendar dates (`yyyy-MM-dd`) without time zones. Arithmetic works on whole day numbers, never
 * on `Date` objects, because a `Date` built from a date string is midnight UTC or local depending
 * on the parser, and daylight-saving days are 23 or 25 hours long. The only `Date` this module
 * touches is "now", to read today's date on the office PC's own calendar.
 */
import { isExists } from 'date-fns';

import type { CalendarDate } from './records';

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDateParts {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

/** True when the numbers name a day that exists on the Gregorian calendar (no 2月30日, no 2023-02-29). */
export function isExistingDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && isExists(year, month - 1, day);
}

/** Splits a `yyyy-MM-dd` string; null when it is not one or names a day that does not exist. */
export function parseCalendarDate(text: string): CalendarDateParts | null {
  const match = CALENDAR_DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isExistingDay(year, month, day) ? { year, month, day } : null;
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

export function calendarDateFromParts({ year, month, day }: CalendarDateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date on this computer's calendar: the date a clerk in Baise sees on the wall. */
export function todayCalendarDate(): CalendarDate {
  // Local getters, not date-fns format: an import of 100,000 rows asks for today once per row.
  const now = new Date();
  return calendarDateFromParts({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

function requireCalendarDate(text: string): CalendarDateParts {
  const parts = parseCalendarDate(text);
  if (!parts) throw new RangeError(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(text)}`);
  return parts;
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`):
 * integer arithmetic only, so the result is the same in every time zone.
 */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = requireCalendarDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link toDayNumber} (Hinnant's `civil_from_days`). */
export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return calendarDateFromParts({ year, month, day });
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same month and day `years` earlier. 29 February falls back to 28 February in a common year,
 * which is the latest birth date that has reached the age `years` by `date`.
 */
export function subtractCalendarYears(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = requireCalendarDate(date);
  const targetYear = year - years;
  const targetDay = isExistingDay(targetYear, month, day) ? day : day - 1;
  return calendarDateFromParts({ year: targetYear, month, day: targetDay });
}

/** Age in completed years on `onDate`; a person born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  const birth = requireCalendarDate(birthDate);
  const on = requireCalendarDate(onDate);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
