/**
 * The figures behind each dashboard chart (issue 19, item 2), from the filtered source (filter.ts)
 * and for the filter's period unless said otherwise. People are counted once per bar: a worker sent
 * twice in a month is one person that month; sent in two months, one in each. Bars are in
 * descending order of people, then by name in Chinese order, so a chart and its export agree.
 */
import { addCalendarDays, calendarDaysBetween } from '../dates';
import { batchDepartureAt } from '../domain/departure';
import type { BatchStatus, CalendarDate } from '../domain/records';
import { provinceOfCity } from '../domain/regions';
import { healthProgress, passengerHealth, type HealthProgress } from '../health/window';
import { batchLoadFactor, vehicleCapacity } from '../seating/load-factor';
import type { Fen } from '../subsidy/money';
import { funnelIn, subsidiesIn, tripsIn, type Funnel } from './figures';
import { cached, type DashboardData, type Trip } from './filter';
import {
  byId,
  groupBy,
  monthsBetween,
  PLANNED_STATUSES,
  type DashboardBatch,
  type DashboardHealthCheck,
} from './source';

const CHINESE_ORDER = new Intl.Collator('zh-CN');

export interface Bar {
  /** What the bar stands for: a month, a county code, a township, a province, a city, an enterprise id. */
  key: string;
  /** Its name as shown; the key for a month. */
  label: string;
  people: number;
}

export interface BarGroup extends Bar {
  /** The bars inside it: a county's townships, a province's cities. */
  parts: Bar[];
}

function byPeople(a: Bar, b: Bar): number {
  return b.people - a.people || CHINESE_ORDER.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Distinct people per key, with a label per key: a person with one trip is counted at once. */
class Tally {
  private readonly counts = new Map<string, number>();
  private readonly repeated = new Map<string, Set<string>>();
  private readonly labels = new Map<string, string>();

  add(key: string, label: string, trip: Trip): void {
    if (!this.labels.has(key)) {
      this.labels.set(key, label);
      this.counts.set(key, 0);
    }
    if (trip.single) {
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      return;
    }
    let set = this.repeated.get(key);
    if (!set) {
      set = new Set();
      this.repeated.set(key, set);
    }
    set.add(trip.worker.id);
  }

  people(key: string): number {
    return (this.counts.get(key) ?? 0) + (this.repeated.get(key)?.size ?? 0);
  }

  bars(): Bar[] {
    return [...this.labels].map(([key, label]) => ({ key, label, people: this.people(key) })).sort(byPeople);
  }
}

/** People sent per month of the period, every month shown (0 for none), earliest first. */
export function sentByMonth(data: DashboardData): Bar[] {
  const tally = new Tally();
  for (const trip of tripsIn(data, data.filter.from, data.filter.to)) {
    const month = trip.batch.date.slice(0, 7);
    tally.add(month, month, trip);
  }
  return monthsBetween(data.filter.from, data.filter.to).map((month) => ({
    key: month,
    label: month,
    people: tally.people(month),
  }));
}

function grouped(
  trips: readonly Trip[],
  outer: (trip: Trip) => [string, string],
  inner: (trip: Trip) => string,
): BarGroup[] {
  const outerTally = new Tally();
  const innerTallies = new Map<string, Tally>();
  for (const trip of trips) {
    const [key, label] = outer(trip);
    outerTally.add(key, label, trip);
    let tally = innerTallies.get(key);
    if (!tally) {
      tally = new Tally();
      innerTallies.set(key, tally);
    }
    const part = inner(trip);
    tally.add(part, part, trip);
  }
  return outerTally.bars().map((bar) => ({ ...bar, parts: innerTallies.get(bar.key)?.bars() ?? [] }));
}

/** People sent by home county (key: the county code) and, inside, by township. */
export function sentByCounty(data: DashboardData): BarGroup[] {
  return grouped(
    tripsIn(data, data.filter.from, data.filter.to),
    (trip) => [trip.worker.countyCode, trip.worker.county],
    (trip) => trip.worker.township,
  );
}

/**
 * People sent by the province and city of the enterprise of the trip (the city as the enterprise
 * wrote it; the province from the division table). '' for an unknown enterprise, city or province.
 */
export function sentByDestination(data: DashboardData): BarGroup[] {
  const provinces = new Map<string, string>();
  const provinceOf = (city: string): string => {
    let province = provinces.get(city);
    if (province === undefined) {
      province = city.trim() === '' ? '' : (provinceOfCity(city) ?? '');
      provinces.set(city, province);
    }
    return province;
  };
  const cityOf = (trip: Trip): string =>
    trip.enterpriseId === null ? '' : (data.enterprises.get(trip.enterpriseId)?.city.trim() ?? '');
  return grouped(
    tripsIn(data, data.filter.from, data.filter.to),
    (trip) => {
      const province = provinceOf(cityOf(trip));
      return [province, province];
    },
    cityOf,
  );
}

/** The `count` enterprises that received the most people sent in the period (key: the enterprise id). */
export function topEnterprises(data: DashboardData, count: number): Bar[] {
  const tally = new Tally();
  for (const trip of tripsIn(data, data.filter.from, data.filter.to)) {
    if (trip.enterpriseId === null) continue;
    tally.add(trip.enterpriseId, data.enterprises.get(trip.enterpriseId)?.name ?? '', trip);
  }
  return tally.bars().slice(0, Math.max(0, count));
}

/** Sent → handed over → in post at 30, 90, 180 days: the same people as the key figures. */
export function retentionFunnel(data: DashboardData): Funnel {
  const { sent, handedOver, inPost } = funnelIn(data, data.filter.from, data.filter.to);
  return { sent, handedOver, inPost };
}

/** One batch of the coming weeks, with its seats. */
export interface ComingBatch {
  id: string;
  name: string;
  date: CalendarDate;
  status: BatchStatus;
  /** Live passengers (of the people the filter lets through). */
  passengers: number;
  /** Passengers with a seat on every leg. */
  seated: number;
  /** The passengers the batch can take: its tightest leg at its load factor (0 without vehicles). */
  capacity: number;
}

export interface ComingWeek {
  /** The first day of the week: today, today + 7, … */
  from: CalendarDate;
  byStatus: Record<BatchStatus, number>;
  passengers: number;
  seated: number;
  capacity: number;
  batches: ComingBatch[];
}

/** The passengers a batch can take: its tightest leg at its load factor (0 without vehicles). */
export function capacityOf(batch: DashboardBatch, settingsLoadFactor: number): number {
  if (batch.legs.length === 0) return 0;
  const { loadFactor } = batchLoadFactor({ loadFactor: batch.loadFactor ?? null }, settingsLoadFactor);
  let tightest = Infinity;
  for (const leg of batch.legs) {
    let seats = 0;
    for (const vehicle of leg.vehicles) seats += vehicleCapacity(vehicle, loadFactor);
    tightest = Math.min(tightest, seats);
  }
  return tightest;
}

/** A batch with its live passengers the filter lets through, those seated on every leg, and its capacity. */
export function comingBatchOf(data: DashboardData, batch: DashboardBatch): ComingBatch {
  const passengers = data.passengersOf.get(batch.id) ?? [];
  const legs = batch.legs.length;
  return {
    id: batch.id,
    name: batch.name,
    date: batch.date,
    status: batch.status,
    passengers: passengers.length,
    seated: legs === 0 ? 0 : passengers.filter((passenger) => passenger.seats >= legs).length,
    capacity: capacityOf(batch, data.source.settings.loadFactor),
  };
}

/**
 * The batches of the next `weeks` weeks from today (today's included, departed or not), by week and
 * status, with passengers, seated passengers and seats. With a filter that names people, only
 * batches carrying some, and only those people counted.
 */
export function comingWeeks(data: DashboardData, weeks: number): ComingWeek[] {
  const result: ComingWeek[] = Array.from({ length: Math.max(0, weeks) }, (_, index) => ({
    from: addCalendarDays(data.today, index * 7),
    byStatus: { draft: 0, planned: 0, ready: 0, departed: 0, arrived: 0, 'handed-over': 0, closed: 0 },
    passengers: 0,
    seated: 0,
    capacity: 0,
    batches: [],
  }));
  const end = addCalendarDays(data.today, result.length * 7 - 1);
  for (const batch of data.batches.values()) {
    if (batch.date < data.today || batch.date > end) continue;
    const passengers = data.passengersOf.get(batch.id) ?? [];
    if (data.narrowed && passengers.length === 0) continue;
    const week = result[Math.floor(calendarDaysBetween(data.today, batch.date) / 7)];
    if (!week) continue;
    const row = comingBatchOf(data, batch);
    week.byStatus[batch.status] += 1;
    week.passengers += row.passengers;
    week.seated += row.seated;
    week.capacity += row.capacity;
    week.batches.push(row);
  }
  for (const week of result)
    week.batches.sort((a, b) => a.date.localeCompare(b.date) || CHINESE_ORDER.compare(a.name, b.name));
  return result;
}

export interface HealthSoon {
  id: string;
  name: string;
  date: CalendarDate;
  progress: HealthProgress;
}

/**
 * The health-check progress of the batches not yet departed that leave in the next 3 days (today
 * and the two days after), as the station counts it (shared/health/window.ts), earliest first.
 */
export function healthSoon(data: DashboardData, days = 3): HealthSoon[] {
  // As of today whatever the period: kept for a change of period alone, which keeps the people and today.
  return cached(data, `health soon ${String(days)}`, () => healthSoonOf(data, days));
}

function healthSoonOf(data: DashboardData, days: number): HealthSoon[] {
  const last = addCalendarDays(data.today, days - 1);
  const soon = [...data.batches.values()].filter(
    (batch) => PLANNED_STATUSES.has(batch.status) && batch.date >= data.today && batch.date <= last,
  );
  if (soon.length === 0) return [];
  const wanted = new Set(soon.map((batch) => batch.id));
  const checksOf = groupBy(
    data.source.healthChecks.filter((check) => wanted.has(check.batchId)),
    (check) => `${check.batchId}\u0000${check.workerId}`,
  );
  const routes = byId(data.source.routes);
  const { checkValidityHours } = data.source.settings;
  return soon
    .map((batch) => {
      const departureAt = batchDepartureAt(batch, routes.get(batch.routeId));
      const passengers = data.passengersOf.get(batch.id) ?? [];
      const states = passengers.map(
        (passenger) =>
          passengerHealth<DashboardHealthCheck>(
            checksOf.get(`${batch.id}\u0000${passenger.workerId}`) ?? [],
            departureAt,
            checkValidityHours,
          ).state,
      );
      return { id: batch.id, name: batch.name, date: batch.date, progress: healthProgress(states) };
    })
    .filter((row) => !data.narrowed || row.progress.total > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || CHINESE_ORDER.compare(a.name, b.name));
}

export interface SchemeBar {
  schemeId: string;
  schemeName: string;
  owedFen: Fen;
  onNoticeFen: Fen;
  paidFen: Fen;
  rejectedFen: Fen;
}

/** Subsidies by scheme and status, in fen, for the claims placed in the period (the subsidy report's sums). */
export function subsidiesByScheme(data: DashboardData): SchemeBar[] {
  return subsidiesIn(data, data.filter.from, data.filter.to).byScheme.map((scheme) => ({
    schemeId: scheme.schemeId,
    schemeName: scheme.schemeName,
    owedFen: scheme.owed.fen,
    onNoticeFen: scheme.onNotice.fen,
    paidFen: scheme.paid.fen,
    rejectedFen: scheme.rejected.fen,
  }));
}
