/**
 * The rows behind a figure or a bar of the dashboard (issue 19, item 3): the people or the batches
 * it counted. They come from the same filtered source (filter.ts), the same trips and the same rules
 * as the figures (figures.ts) and the charts (series.ts), so that a list has as many rows as the
 * number clicked: a person once, however many trips (their latest trip of the list shown), handed
 * over on any of them and in post for the longest spell, as the funnel counts them.
 */
import { addCalendarDays, calendarDaysBetween } from '../dates';
import type { BatchStatus, CalendarDate, PovertyStatus } from '../domain/records';
import { provinceOfCity, regionOf } from '../domain/regions';
import type { ClaimStatus } from '../subsidy/claim-steps';
import type { Fen } from '../subsidy/money';
import { periodDay } from '../subsidy/report';
import {
  inPeriod,
  IN_POST_DAYS,
  overdueFollowUps,
  provenMonthsOf,
  subsidiesIn,
  tripsIn,
  type InPostDay,
} from './figures';
import type { DashboardData, Trip } from './filter';
import {
  CLAIM_BUCKETS,
  type BatchesDrill,
  type ClaimsDrill,
  type Drill,
  type FunnelStep,
  type PeopleDrill,
} from './drill';
import { comingBatchOf, healthSoon } from './series';
import { PLANNED_STATUSES, SENT_STATUSES, isLive, type DashboardBatch, type DashboardSource } from './source';

const CHINESE_ORDER = new Intl.Collator('zh-CN');

/** A person of a people list. The name is not in the dashboard's source: the reader adds it. */
export interface PersonRow {
  workerId: string;
  county: string;
  countyCode: string;
  township: string;
  povertyStatus: PovertyStatus;
  /** The enterprise of the trip shown (handed over to, else the worker's); null when neither is known. */
  enterpriseId: string | null;
  enterpriseName: string;
  /** Their latest trip of the list. */
  batchId: string;
  batchName: string;
  date: CalendarDate;
  /** Their trips the list counts (more than one: sent twice in the period, say). */
  trips: number;
  /** Handed over from one of those trips. */
  handedOver: boolean;
  /** The longest spell in post the contact log proves, in completed months; 0 when not handed over. */
  provenMonths: number;
  /** The longest in-post step reached (30, 90, 180 days); null for none. */
  inPostDays: InPostDay | null;
}

/** A batch of a batches list: its seats as the coming weeks' chart counts them. */
export interface BatchRow {
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

/** An overdue follow-up of a contacts list. The name is not in the dashboard's source: the reader adds it. */
export interface ContactRow {
  followUpId: string;
  workerId: string;
  county: string;
  township: string;
  /** The enterprise the worker was handed over to. */
  enterpriseId: string;
  enterpriseName: string;
  /** The day the next contact was due. */
  nextDue: CalendarDate;
  /** Days since it was due, as of today (Beijing). */
  daysOverdue: number;
}

/** A claim of a claims list, counted as the subsidy report counts it. The reader adds the name. */
export interface ClaimRow {
  claimId: string;
  workerId: string;
  schemeId: string;
  schemeName: string;
  status: ClaimStatus;
  bucket: (typeof CLAIM_BUCKETS)[number];
  /** The amount the bucket's sum counts: the amount paid once paid, else the amount owed. */
  amountFen: Fen;
  /** The day that places it in the period (paid, on notice, or owed from). */
  day: CalendarDate;
}

export type DrillRows =
  | { list: 'people'; rows: PersonRow[] }
  | { list: 'batches'; rows: BatchRow[] }
  | { list: 'contacts'; rows: ContactRow[] }
  | { list: 'claims'; rows: ClaimRow[] };

/** How many completed months each in-post step stands for (figures.ts counts with the same). */
const MONTHS_OF: Readonly<Record<InPostDay, number>> = { 30: 1, 90: 3, 180: 6 };
const STEP_DAYS: Readonly<Partial<Record<FunnelStep, InPostDay>>> = { inPost30: 30, inPost90: 90, inPost180: 180 };

/** The city and province of a trip's enterprise, as the destinations chart reads them ('' when not known). */
function destinationReader(data: DashboardData): (trip: Trip) => { province: string; city: string } {
  const provinces = new Map<string, string>();
  return (trip) => {
    const city = trip.enterpriseId === null ? '' : (data.enterprises.get(trip.enterpriseId)?.city.trim() ?? '');
    let province = provinces.get(city);
    if (province === undefined) {
      province = city === '' ? '' : (provinceOfCity(city) ?? '');
      provinces.set(city, province);
    }
    return { province, city };
  };
}

/** The trips of the filter's period a people drill keeps: of its month, to its province and city. */
function drillTrips(data: DashboardData, drill: PeopleDrill): Trip[] {
  const trips = tripsIn(data, data.filter.from, data.filter.to);
  const destination = destinationReader(data);
  return trips.filter((trip) => {
    if (drill.month !== undefined && trip.batch.date.slice(0, 7) !== drill.month) return false;
    if (drill.province === undefined && drill.city === undefined) return true;
    const place = destination(trip);
    if (drill.province !== undefined && place.province !== drill.province) return false;
    return drill.city === undefined || place.city === drill.city;
  });
}

function reached(row: PersonRow, step: FunnelStep | undefined): boolean {
  if (step === undefined || step === 'sent') return true;
  if (!row.handedOver) return false;
  const days = STEP_DAYS[step];
  return days === undefined || row.provenMonths >= MONTHS_OF[days];
}

/** The people behind a people drill, earliest trip first. */
export function peopleRows(data: DashboardData, drill: PeopleDrill): PersonRow[] {
  const byWorker = new Map<string, PersonRow>();
  for (const trip of drillTrips(data, drill)) {
    const handedOver = trip.followUps.length > 0;
    const months = handedOver ? provenMonthsOf(data, trip.followUps) : 0;
    const seen = byWorker.get(trip.worker.id);
    if (seen) {
      seen.trips += 1;
      seen.handedOver ||= handedOver;
      seen.provenMonths = Math.max(seen.provenMonths, months);
      if (trip.batch.date < seen.date || (trip.batch.date === seen.date && trip.batch.id < seen.batchId)) continue;
    }
    const { worker, batch } = trip;
    const row: PersonRow = seen ?? {
      workerId: worker.id,
      county: worker.county,
      countyCode: worker.countyCode,
      township: worker.township,
      povertyStatus: worker.povertyStatus,
      enterpriseId: null,
      enterpriseName: '',
      batchId: '',
      batchName: '',
      date: batch.date,
      trips: 1,
      handedOver,
      provenMonths: months,
      inPostDays: null,
    };
    row.enterpriseId = trip.enterpriseId;
    row.enterpriseName = trip.enterpriseId === null ? '' : (data.enterprises.get(trip.enterpriseId)?.name ?? '');
    row.batchId = batch.id;
    row.batchName = batch.name;
    row.date = batch.date;
    byWorker.set(worker.id, row);
  }
  const rows: PersonRow[] = [];
  for (const row of byWorker.values()) {
    if (!row.handedOver) row.provenMonths = 0;
    row.inPostDays = row.handedOver
      ? ([...IN_POST_DAYS].reverse().find((days) => row.provenMonths >= MONTHS_OF[days]) ?? null)
      : null;
    if (drill.poor && row.povertyStatus !== 'registered-poor') continue;
    if (!reached(row, drill.step)) continue;
    rows.push(row);
  }
  return rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      CHINESE_ORDER.compare(a.batchName, b.batchName) ||
      (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0),
  );
}

/** A batch's row: its live passengers the filter lets through, those seated on every leg, its capacity. */
function batchRow(data: DashboardData, batch: DashboardBatch): BatchRow {
  return comingBatchOf(data, batch);
}

/** How many weeks the coming batches' list covers when no week is named: the chart's four. */
export const COMING_WEEKS = 4;

/** The batches behind a batches drill, earliest first. */
export function batchRows(data: DashboardData, drill: BatchesDrill): BatchRow[] {
  let wanted: (batch: DashboardBatch) => boolean;
  switch (drill.kind) {
    case 'departed':
    case 'planned': {
      const statuses = drill.kind === 'departed' ? SENT_STATUSES : PLANNED_STATUSES;
      const { from, to } = data.filter;
      wanted = (batch) => inPeriod(batch.date, from, to) && statuses.has(batch.status);
      break;
    }
    case 'coming': {
      // A week from its first day, as the chart's bars; the days before today are not coming.
      const first = drill.week !== undefined && drill.week > data.today ? drill.week : data.today;
      const last = addCalendarDays(drill.week ?? data.today, drill.week === undefined ? COMING_WEEKS * 7 - 1 : 6);
      wanted = (batch) => inPeriod(batch.date, first, last);
      break;
    }
    case 'health': {
      const soon = new Set(healthSoon(data).map((batch) => batch.id));
      wanted = (batch) => soon.has(batch.id);
      break;
    }
  }
  const rows: BatchRow[] = [];
  for (const batch of data.batches.values()) {
    if (!wanted(batch)) continue;
    if (drill.status !== undefined && batch.status !== drill.status) continue;
    if (data.narrowed && !data.passengersOf.has(batch.id)) continue;
    rows.push(batchRow(data, batch));
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || CHINESE_ORDER.compare(a.name, b.name));
}

/** The overdue follow-ups the key figure counts, the longest overdue first. */
export function contactRows(data: DashboardData): ContactRow[] {
  return overdueFollowUps(data)
    .flatMap((followUp): ContactRow[] => {
      const worker = data.people.get(followUp.workerId)?.worker;
      if (!worker || followUp.nextDue === null) return [];
      return [
        {
          followUpId: followUp.id,
          workerId: worker.id,
          county: worker.county,
          township: worker.township,
          enterpriseId: followUp.enterpriseId,
          enterpriseName: data.enterprises.get(followUp.enterpriseId)?.name ?? '',
          nextDue: followUp.nextDue,
          daysOverdue: calendarDaysBetween(followUp.nextDue, data.today),
        },
      ];
    })
    .sort((a, b) => a.nextDue.localeCompare(b.nextDue) || (a.workerId < b.workerId ? -1 : 1));
}

/**
 * The claims behind the period's subsidy sums (the key figures' and each scheme's bar, with the
 * scheme in the filter): those of the report's sums themselves, earliest day first.
 */
export function claimRows(data: DashboardData, drill: ClaimsDrill): ClaimRow[] {
  const { all } = subsidiesIn(data, data.filter.from, data.filter.to);
  const bucketOf = new Map<string, ClaimRow['bucket']>();
  for (const bucket of CLAIM_BUCKETS) {
    if (drill.bucket !== undefined && drill.bucket !== bucket) continue;
    for (const id of all[bucket].claimIds) bucketOf.set(id, bucket);
  }
  const schemeNames = new Map(data.source.schemes.map((scheme) => [scheme.id, scheme.name]));
  const rows: ClaimRow[] = [];
  for (const claim of data.claims) {
    const bucket = bucketOf.get(claim.id);
    if (bucket === undefined) continue;
    rows.push({
      claimId: claim.id,
      workerId: claim.workerId,
      schemeId: claim.schemeId,
      schemeName: schemeNames.get(claim.schemeId) ?? '',
      status: claim.status,
      bucket,
      amountFen: claim.status === 'paid' ? (claim.paidAmountFen ?? claim.amountFen) : claim.amountFen,
      day: periodDay({ ...claim, schemeName: '', payeeName: '', township: '' }),
    });
  }
  return rows.sort((a, b) => a.day.localeCompare(b.day) || (a.claimId < b.claimId ? -1 : 1));
}

/** The rows behind `drill`, from the data filtered by the drill's filter. */
export function drillRows(data: DashboardData, drill: Drill): DrillRows {
  switch (drill.list) {
    case 'people':
      return { list: 'people', rows: peopleRows(data, drill) };
    case 'batches':
      return { list: 'batches', rows: batchRows(data, drill) };
    case 'contacts':
      return { list: 'contacts', rows: contactRows(data) };
    case 'claims':
      return { list: 'claims', rows: claimRows(data, drill) };
  }
}

/** A choice of the dashboard's filter: its value and its name. */
export interface FilterOption {
  value: string;
  label: string;
}

/** What the dashboard's filter offers, from the source read. */
export interface DashboardFilterOptions {
  /** The workers' home counties (by code), in Chinese order of their names. */
  counties: FilterOption[];
  /** The townships of each county (by code), as written on the workers. */
  townships: Record<string, string[]>;
  enterprises: FilterOption[];
  schemes: FilterOption[];
}

function inChineseOrder(options: FilterOption[]): FilterOption[] {
  return options.sort((a, b) => CHINESE_ORDER.compare(a.label, b.label) || (a.value < b.value ? -1 : 1));
}

/**
 * The counties and townships the live workers come from, and the live enterprises and subsidy
 * schemes. A county is named as the division table names its code (a code retired by a boundary
 * change, as the workers wrote it).
 */
export function dashboardFilterOptions(source: DashboardSource): DashboardFilterOptions {
  const countyNames = new Map<string, string>();
  const townships = new Map<string, Set<string>>();
  for (const worker of source.workers) {
    if (!isLive(worker) || worker.countyCode === '') continue;
    if (!countyNames.has(worker.countyCode)) {
      countyNames.set(worker.countyCode, regionOf(worker.countyCode)?.county || worker.county || worker.countyCode);
      townships.set(worker.countyCode, new Set());
    }
    if (worker.township.trim() !== '') townships.get(worker.countyCode)?.add(worker.township);
  }
  return {
    counties: inChineseOrder([...countyNames].map(([value, label]) => ({ value, label }))),
    townships: Object.fromEntries(
      [...townships].map(([code, names]) => [code, [...names].sort((a, b) => CHINESE_ORDER.compare(a, b))]),
    ),
    enterprises: inChineseOrder(
      source.enterprises.filter(isLive).map((enterprise) => ({ value: enterprise.id, label: enterprise.name })),
    ),
    schemes: inChineseOrder(source.schemes.filter(isLive).map((scheme) => ({ value: scheme.id, label: scheme.name }))),
  };
}
