/**
 * The follow-up workspace's list (issue 17, item 5, 跟踪服务): which follow-ups are due today or
 * overdue, which contact point each one is at, the filters shared with the register export
 * (filter.ts), the grouping by liaison station or enterprise, and the day's counts. Pure: the
 * repository (renderer/db/repositories/followup-desk.ts) reads the rows, the page shows them. All
 * dates are Beijing calendar days (docs/architecture.md#time).
 */
import { addCalendarDays, calendarDaysBetween } from '../dates';
import type { CalendarDate, ContactOutcome, FollowUp } from '../domain/records';
import type { FollowUpFilter } from './filter';
import { EARLY_DAYS } from './schedule';

/** One follow-up as the workspace lists it: the follow-up's fields with its worker's, enterprise's and batch's. */
export interface DueRow {
  followUpId: string;
  workerId: string;
  name: string;
  phone: string;
  countyCode: string;
  county: string;
  township: string;
  village: string;
  enterpriseId: string;
  enterpriseName: string;
  batchId: string;
  batchName: string;
  handedOverOn: CalendarDate;
  nextDue: CalendarDate | null;
  lastContactOn: CalendarDate | null;
  lastOutcome: ContactOutcome | null;
  staffId: string | null;
  stationId: string | null;
}

/** What a row takes from its follow-up as stored: the schedule, which each contact moves, and who calls. */
export function scheduleOfRow(
  followUp: FollowUp,
): Pick<DueRow, 'handedOverOn' | 'nextDue' | 'lastContactOn' | 'lastOutcome' | 'staffId' | 'stationId'> {
  return {
    handedOverOn: followUp.handedOverOn,
    nextDue: followUp.nextDue,
    lastContactOn: followUp.lastContactOn,
    lastOutcome: followUp.lastOutcome,
    staffId: followUp.staffId,
    stationId: followUp.stationId,
  };
}

/**
 * Which contact is due: a point of the schedule (day 7, 30, …), a retry after a worker who could
 * not be reached, or a contact the person logging the last one asked for before the next point.
 */
export type DueReason =
  { kind: 'point'; day: number } | { kind: 'retry'; day: number | null } | { kind: 'asked'; day: number | null };

/**
 * The contact point a follow-up stands at, from what the follow-up keeps (its handover, last
 * contact and next due date), without reading the contact log: the first point that the last
 * answered contact did not answer (a contact answers points up to EARLY_DAYS after it, as the
 * schedule says). After a worker who could not be reached, the point being retried is the last
 * one already due; a next date sooner than the open point was asked for.
 */
export function dueReason(
  row: Pick<DueRow, 'handedOverOn' | 'nextDue' | 'lastContactOn' | 'lastOutcome'>,
  days: readonly number[],
): DueReason {
  const dueOf = (day: number) => addCalendarDays(row.handedOverOn, day);
  const nextDue = row.nextDue ?? dueOf(days.at(-1) ?? 0);
  if (row.lastOutcome === 'unreachable') {
    const passed = days.filter((day) => dueOf(day) <= nextDue).at(-1) ?? days[0] ?? null;
    return { kind: 'retry', day: passed };
  }
  const answeredUpTo = row.lastContactOn === null ? null : addCalendarDays(row.lastContactOn, EARLY_DAYS);
  const open = days.find((day) => answeredUpTo === null || dueOf(day) > answeredUpTo) ?? null;
  if (open === null) return { kind: 'asked', day: null };
  if (dueOf(open) > nextDue) return { kind: 'asked', day: open };
  return { kind: 'point', day: open };
}

/** Days past the due date (0 when due today, negative when not yet due). */
export function daysOverdue(nextDue: CalendarDate, today: CalendarDate): number {
  return calendarDaysBetween(nextDue, today);
}

/** True when the row is due today or overdue. */
export function isDue(row: Pick<DueRow, 'nextDue'>, today: CalendarDate): boolean {
  return row.nextDue !== null && row.nextDue <= today;
}

/** True when the row is one the filter asks for (every field left out matches all). */
export function matchesFilter(row: DueRow, filter: FollowUpFilter): boolean {
  if (filter.countyCode !== undefined && row.countyCode !== filter.countyCode) return false;
  if (filter.township !== undefined && row.township !== filter.township) return false;
  if (filter.enterpriseId !== undefined && row.enterpriseId !== filter.enterpriseId) return false;
  if (filter.batchId !== undefined && row.batchId !== filter.batchId) return false;
  if (filter.staffId !== undefined && row.staffId !== filter.staffId) return false;
  if (filter.stationId !== undefined && row.stationId !== filter.stationId) return false;
  if (filter.outcome !== undefined && (row.lastOutcome ?? 'none') !== filter.outcome) return false;
  return true;
}

/** Soonest due first; on the same day, by name, then by follow-up so that the order is stable. */
export function compareDue(a: DueRow, b: DueRow): number {
  const dueA = a.nextDue ?? '9999-12-31';
  const dueB = b.nextDue ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.followUpId < b.followUpId ? -1 : a.followUpId > b.followUpId ? 1 : 0;
}

/** The rows due on `today` or before that match `filter`, soonest first. */
export function dueList(rows: readonly DueRow[], filter: FollowUpFilter, today: CalendarDate): DueRow[] {
  return rows.filter((row) => isDue(row, today) && matchesFilter(row, filter)).sort(compareDue);
}

/** How many of `rows` are due today and how many are overdue. */
export function dueCounts(rows: readonly DueRow[], today: CalendarDate): { dueToday: number; overdue: number } {
  let dueToday = 0;
  let overdue = 0;
  for (const row of rows) {
    if (row.nextDue === null) continue;
    if (row.nextDue === today) dueToday += 1;
    else if (row.nextDue < today) overdue += 1;
  }
  return { dueToday, overdue };
}

/** The Monday of the week `today` is in (weeks run Monday to Sunday, as in China). */
export function weekStart(today: CalendarDate): CalendarDate {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  // 0 = Sunday … 6 = Saturday, computed on UTC so that no zone moves the day.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addCalendarDays(today, -((weekday + 6) % 7));
}

export type DueGrouping = 'none' | 'station' | 'enterprise';

/** A group of the list: its key (a station's or enterprise's id; null for rows with no station) and rows. */
export interface DueGroup {
  key: string | null;
  rows: DueRow[];
}

/**
 * The list in groups, each keeping the list's order, the groups in the order of their first row
 * (so the group with the most urgent contact comes first); one group of everything for `none`.
 */
export function groupDue(rows: readonly DueRow[], by: DueGrouping): DueGroup[] {
  if (by === 'none') return [{ key: null, rows: [...rows] }];
  const groups = new Map<string | null, DueRow[]>();
  for (const row of rows) {
    const key = by === 'station' ? row.stationId : row.enterpriseId;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([key, grouped]) => ({ key, rows: grouped }));
}

/** The values the filters offer: those the due rows hold, each once, sorted. */
export interface DueFacets {
  counties: { code: string; name: string }[];
  townships: string[];
  enterprises: { id: string; name: string }[];
  batches: { id: string; name: string }[];
}

/** One collator for every sort of names: `localeCompare(…, 'zh-CN')` builds one per call, slow on thousands. */
const CHINESE_ORDER = new Intl.Collator('zh-CN');

export function dueFacets(rows: readonly DueRow[]): DueFacets {
  const counties = new Map<string, string>();
  const townships = new Set<string>();
  const enterprises = new Map<string, string>();
  const batches = new Map<string, string>();
  for (const row of rows) {
    if (row.countyCode !== '') counties.set(row.countyCode, row.county);
    if (row.township !== '') townships.add(row.township);
    enterprises.set(row.enterpriseId, row.enterpriseName);
    batches.set(row.batchId, row.batchName);
  }
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => CHINESE_ORDER.compare(a.name, b.name));
  return {
    counties: byName([...counties].map(([code, name]) => ({ code, name }))),
    townships: [...townships].sort(CHINESE_ORDER.compare),
    enterprises: byName([...enterprises].map(([id, name]) => ({ id, name }))),
    batches: byName([...batches].map(([id, name]) => ({ id, name }))),
  };
}
