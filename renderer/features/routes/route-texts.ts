/** How the routes pages word a route's times, legs and stops for people. */
import type { TFunction } from 'i18next';
import type { Leg } from '@shared/domain/records';
import { clockTime } from '@shared/dates';

/** A length of time for people: 5小时30分 / 5 h 30 min. */
export function durationText(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('routes.duration.minutes', { minutes: rest });
  if (rest === 0) return t('routes.duration.hours', { hours });
  return t('routes.duration.hoursMinutes', { hours, minutes: rest });
}

/** A time of day after midnight of the batch date, marked when it falls on another day: 06:10 +1天. */
export function clockText(minutes: number, t: TFunction): string {
  const { time, dayOffset } = clockTime(minutes);
  if (dayOffset > 0) return `${time} ${t('routes.dayLater', { count: dayOffset })}`;
  if (dayOffset < 0) return `${time} ${t('routes.dayEarlier')}`;
  return time;
}

/** The legs of a route on one line: 汽车 田东县→百色站 → 火车 百色站→广州南站. */
export function legsSummary(legs: readonly Leg[], t: TFunction): string {
  return legs.map((leg) => `${t(`routes.modes.${leg.mode}`)} ${leg.from}→${leg.to}`).join(' → ');
}

/** Stops as a list for people, in the language's own separator. */
export function stopsText(stops: readonly string[], t: TFunction): string {
  return stops.join(t('routes.listSeparator'));
}
