/**
 * The one place where date strings become `Date`s and back (STYLE.md: a stray `new Date(string)`
 * reads `yyyy-MM-dd` as UTC midnight and shows the previous day west of Greenwich).
 */
import { format, isValid, parse, parseISO } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import type { CalendarDate, Language, Timestamp } from './domain/records';

const LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

/** Reads `yyyy-MM-dd` as that day at noon local time, so no time zone shift can change the day. */
export function calendarDateToDate(date: CalendarDate): Date | null {
  const parsed = parse(`${date} 12`, 'yyyy-MM-dd HH', new Date(0));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === date ? parsed : null;
}

export function dateToCalendarDate(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

/** A date for people: 2026年2月15日 / Feb 15, 2026. */
export function formatCalendarDate(date: CalendarDate, language: Language): string {
  const parsed = calendarDateToDate(date);
  return parsed ? format(parsed, 'PP', { locale: LOCALES[language] }) : date;
}

/** A moment for people, in local time: 2026年2月15日 08:30 / Feb 15, 2026, 8:30 AM. */
export function formatTimestamp(at: Timestamp, language: Language): string {
  const parsed = parseISO(at);
  return isValid(parsed) ? format(parsed, 'PPp', { locale: LOCALES[language] }) : at;
}
