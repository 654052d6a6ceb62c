import type { ReactNode } from 'react';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { CalendarDate, Language } from '@shared/domain/records';
import { isCalendarDate } from '@shared/dates';
import { useLanguage } from '../i18n/use-language';

/** dayjs's name of each language: the calendar's month and weekday names. */
const DAYJS_LOCALE: Readonly<Record<Language, string>> = { 'zh-CN': 'zh-cn', en: 'en' };

/** How a date reads in the field: 2026年12月7日 / 7 Dec 2026 (never mm/dd/yyyy, whatever the PC's locale). */
const SHOWN_FORMAT: Readonly<Record<Language, string>> = { 'zh-CN': 'YYYY年M月D日', en: 'D MMM YYYY' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(text) ? text : null;
}

/**
 * A typed date as `yyyy-MM-dd`, or null: 2026-12-07, 2026/12/7, 2026.12.7, 2026年12月7日, 20261207,
 * and as the English field shows it, 7 Dec 2026 or Dec 7, 2026.
 */
export function parseTypedDate(text: string): CalendarDate | null {
  const typed = text.trim();
  const numeric =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(typed);
  if (numeric) return calendarDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const dayFirst = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i.exec(typed);
  const monthFirst = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(typed);
  const [day, month, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  const monthIndex = MONTHS.indexOf((month ?? '').toLowerCase());
  if (day === undefined || year === undefined || monthIndex < 0) return null;
  return calendarDate(Number(year), monthIndex + 1, Number(day));
}

/** The Mantine date pickers' language and first weekday (Monday), following the app's language. */
export function DatesLanguage({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return <DatesProvider settings={{ locale: DAYJS_LOCALE[language], firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue' | 'dateParser'> {
  /** The date as `yyyy-MM-dd`, or '' for none. */
  value?: CalendarDate;
  /** Called with the new date as `yyyy-MM-dd`, or '' when the field is emptied. */
  onChange?: (value: CalendarDate) => void;
}

/**
 * A date field that reads the same in every PC's locale: 2026年12月7日 in Chinese, 7 Dec 2026 in
 * English, with a calendar to pick from, and that takes typed dates in the usual forms. Its value is
 * the `yyyy-MM-dd` string the forms and filters keep.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const language = useLanguage();
  return (
    <DateInput
      {...props}
      locale={DAYJS_LOCALE[language]}
      firstDayOfWeek={1}
      valueFormat={SHOWN_FORMAT[language]}
      dateParser={parseTypedDate}
      value={value && isCalendarDate(value) ? value : null}
      onChange={(next) => onChange?.(next ?? '')}
      allowDeselect
    />
  );
}
