/**
 * The one place where date strings become `Date`s and back (docs/architecture.md#time). A calendar date
 * (`yyyy-MM-dd`) is read as that day at noon local time: a stray `new Date('2026-02-15')` is UTC
 * midnight and shows the previous day west of Greenwich, and noon is never skipped or doubled by a
 * daylight-saving change, so date-fns' day and year arithmetic cannot slip a day.
 *
 * Every moment the app shows, prints or reads from a person is Beijing time (UTC+08:00), whatever
 * zone the office PC is set to: departures, checks, contacts and prints happen in China, and a
 * laptop set to another zone once showed a 05:30 departure as 21:30 the day before (issue 15).
 * Instants are formatted in the Asia/Shanghai zone through @date-fns/tz, never the PC's.
 */
import {
  addMinutes,
  differenceInMilliseconds,
  differenceInYears,
  format,
  isExists,
  isValid,
  parseISO,
  subYears,
} from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { tz } from '@date-fns/tz';
import type { CalendarDate, Language, Timestamp } from './domain/records';

const LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
// date-fns' Chinese 'PP' is 2026-02-15; documents and screens in China write 2026年2月15日.
const DATE_PATTERN = { 'zh-CN': 'yyyy年M月d日', en: 'PP' } as const;
const TIMESTAMP_PATTERN = { 'zh-CN': 'yyyy年M月d日 HH:mm', en: 'PPp' } as const;
const SHORT_TIMESTAMP_PATTERN = { 'zh-CN': 'M月d日 HH:mm', en: 'MMM d, HH:mm' } as const;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The zone of every time shown or printed; China has kept UTC+08:00 without daylight saving since 1991. */
const IN_BEIJING = { in: tz('Asia/Shanghai') };

/** Days `isCalendarDate` found to exist, up to about 27 years of them. */
const KNOWN_DAYS = new Set<string>();
const KNOWN_DAYS_KEPT = 10_000;

/** True for a `yyyy-MM-dd` string naming a day that exists (no 2023-02-29, no 2月30日). */
export function isCalendarDate(text: string): boolean {
  // Reports and the dashboard check the same few thousand days of 100,000 records again and again:
  // the days found to exist are remembered (a bounded set; anything else is checked every time).
  if (KNOWN_DAYS.has(text)) return true;
  const match = CALENDAR_DATE.exec(text);
  if (match === null || !isExists(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) return false;
  if (KNOWN_DAYS.size >= KNOWN_DAYS_KEPT) KNOWN_DAYS.clear();
  KNOWN_DAYS.add(text);
  return true;
}

/** That day at noon local time; null when the text is not an existing `yyyy-MM-dd` day. */
export function calendarDateToDate(date: CalendarDate): Date | null {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return isExists(year, month, day) ? new Date(year, month, day, 12) : null;
}

function requireDate(date: CalendarDate): Date {
  const parsed = calendarDateToDate(date);
  if (!parsed) throw new RangeError(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(date)}`);
  return parsed;
}

export function dateToCalendarDate(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

/**
 * The calendar day of a `Date` that stands for a day at UTC midnight, as spreadsheet readers return
 * date cells (read-excel-file turns Excel's day serial into UTC). Reading it in local time would
 * give the day before anywhere west of Greenwich. Null for an invalid `Date`.
 */
export function utcDateToCalendarDate(date: Date): CalendarDate | null {
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Today in Beijing: the date a clerk in Baise sees on the wall, whatever zone the PC is set to. */
export function todayCalendarDate(): CalendarDate {
  return beijingCalendarDate(new Date().toISOString());
}

/** The Beijing calendar day of an instant (23:30 UTC is already the next day in Beijing). */
export function beijingCalendarDate(at: Timestamp): CalendarDate {
  const parsed = parseISO(at);
  if (!isValid(parsed)) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(at)}`);
  return format(parsed, 'yyyy-MM-dd', IN_BEIJING);
}

/*
 * Day and month arithmetic on calendar dates is plain arithmetic on the proleptic Gregorian
 * calendar, with no zone in it: a day number from UTC (never the PC's zone), read back the same
 * way. The follow-up schedule and the subsidies reckon with hundreds of thousands of dates at a
 * time, and going through formatted `Date`s made that 50 times slower.
 */
const MS_PER_DAY = 86_400_000;

/** Year, month (1–12) and day of a calendar date; RangeError when it is not one. */
function partsOf(date: CalendarDate): [number, number, number] {
  // Fixed positions: four digits, a dash, two, a dash, two (read without a regular expression, as
  // this runs millions of times in a subsidy or follow-up computation).
  const digits = (from: number, to: number): number => {
    let value = 0;
    for (let index = from; index < to; index++) {
      const code = date.charCodeAt(index) - 48;
      if (code < 0 || code > 9) return -1;
      value = value * 10 + code;
    }
    return value;
  };
  const year = digits(0, 4);
  const month = digits(5, 7);
  const day = digits(8, 10);
  if (
    date.length !== 10 ||
    date[4] !== '-' ||
    date[7] !== '-' ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new RangeError(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(date)}`);
  }
  return [year, month, day];
}

/** Days since 1970-01-01 of a day of the calendar (years before 100 are not 19xx, as Date.UTC would make them). */
function dayNumber(year: number, month: number, day: number): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / MS_PER_DAY);
}

function fromDayNumber(days: number): CalendarDate {
  const at = new Date(days * MS_PER_DAY);
  const year = at.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`a date outside the years 0000–9999: day ${days}`);
  return `${String(year).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(...partsOf(date)) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(...partsOf(to)) - dayNumber(...partsOf(from));
}

/** The same day `months` later; a day the month lacks becomes its last day (31 January + 1 month is 28 or 29 February). */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return fromDayNumber(dayNumber(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth))));
}

/**
 * Completed months from `start` to `until`: a month is complete on the same day of a later month,
 * or on its last day when it has no such day (from 31 January, on 28 or 29 February). 0 when
 * `until` is before the first month is complete.
 */
export function completedCalendarMonths(start: CalendarDate, until: CalendarDate): number {
  const [fromYear, fromMonth, fromDay] = partsOf(start);
  const [toYear, toMonth, toDay] = partsOf(until);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  const anniversary = Math.min(fromDay, daysInMonth(toYear, toMonth));
  return Math.max(0, toDay < anniversary ? months - 1 : months);
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function subtractCalendarYears(date: CalendarDate, years: number): CalendarDate {
  return dateToCalendarDate(subYears(requireDate(date), years));
}

/** Age in completed years on `onDate`. */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  return differenceInYears(requireDate(onDate), requireDate(birthDate));
}

/**
 * Milliseconds from `from` to `to` (negative when `to` is earlier). Timestamps must be compared as
 * instants, not as strings: `…T08:00:00+08:00` is earlier than `…T01:00:00Z`. Throws a RangeError
 * for text that is not an ISO timestamp, so a bad record fails loudly instead of every comparison
 * with it quietly coming out false.
 */
export function millisecondsBetween(from: Timestamp, to: Timestamp): number {
  const start = parseISO(from);
  const end = parseISO(to);
  if (!isValid(start) || !isValid(end)) {
    throw new RangeError(`not an ISO timestamp: ${JSON.stringify(isValid(start) ? to : from)}`);
  }
  return differenceInMilliseconds(end, start);
}

/**
 * Charter timetables are written in Beijing time, which has had no daylight saving since 1991, so
 * a departure is that calendar day plus minutes at +08:00 wherever the office PC's clock is set.
 * The instant `minutes` after midnight (Beijing time) of `date`, as an ISO timestamp with +08:00:
 * `minutes` may pass 1,440, for a leg that leaves or arrives on a later day.
 */
export function beijingTimestamp(date: CalendarDate, minutes: number): Timestamp {
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be a number, got ${String(minutes)}`);
  const day = addCalendarDays(date, Math.floor(minutes / 1440));
  const rest = Math.round(minutes - Math.floor(minutes / 1440) * 1440);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${day}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}:00.000+08:00`;
}

/** `HH:mm` of minutes after midnight, with the day offset for times past midnight: 25:30 → 01:30 (+1). */
export function clockTime(minutes: number): { time: string; dayOffset: number } {
  const dayOffset = Math.floor(minutes / 1440);
  const rest = minutes - dayOffset * 1440;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return { time: `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`, dayOffset };
}

/** `HH:mm` of an instant in Beijing time, as timetables print it, whatever the computer's clock zone. */
export function beijingClockTime(at: Timestamp): string {
  const parsed = parseISO(at);
  if (!isValid(parsed)) return at;
  const minutes = Math.floor((parsed.getTime() / 60_000 + 8 * 60) % 1440);
  return clockTime(minutes < 0 ? minutes + 1440 : minutes).time;
}

/** Minutes after midnight of `HH:mm` (00:00 to 23:59), or null for anything else. */
export function minutesOfClockTime(text: string): number | null {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/**
 * The instant `minutes` later than `at` (earlier when negative), as an ISO timestamp in UTC. Throws
 * a RangeError for text that is not an ISO timestamp.
 */
export function addMinutesToTimestamp(at: Timestamp, minutes: number): Timestamp {
  const parsed = parseISO(at);
  if (!isValid(parsed)) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(at)}`);
  return addMinutes(parsed, minutes).toISOString();
}

/**
 * The instant `minutes` (0 to 1,439) after midnight (Beijing time) of `date`, as an ISO timestamp
 * in UTC: a time typed at the health-check station ("the reading was taken at 07:40") is a time on
 * the wall clock in China, as {@link formatTimestamp} shows times.
 */
export function beijingWallTimestamp(date: CalendarDate, minutes: number): Timestamp {
  requireDate(date);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 1440) {
    throw new RangeError(`minutes must be 0 to 1439, got ${String(minutes)}`);
  }
  return parseISO(beijingTimestamp(date, minutes)).toISOString();
}

/** A date for people: 2026年2月15日 / Feb 15, 2026. */
export function formatCalendarDate(date: CalendarDate, language: Language): string {
  const parsed = calendarDateToDate(date);
  return parsed ? format(parsed, DATE_PATTERN[language], { locale: LOCALES[language] }) : date;
}

/** A moment within the year, for narrow table cells, in Beijing time: 2月15日 08:30 / Feb 15, 08:30. */
export function formatShortTimestamp(at: Timestamp, language: Language): string {
  const parsed = parseISO(at);
  return isValid(parsed)
    ? format(parsed, SHORT_TIMESTAMP_PATTERN[language], { locale: LOCALES[language], ...IN_BEIJING })
    : at;
}

/** A moment for people, in Beijing time: 2026年2月15日 08:30 / Feb 15, 2026, 8:30 AM. */
export function formatTimestamp(at: Timestamp, language: Language): string {
  const parsed = parseISO(at);
  return isValid(parsed)
    ? format(parsed, TIMESTAMP_PATTERN[language], { locale: LOCALES[language], ...IN_BEIJING })
    : at;
}
