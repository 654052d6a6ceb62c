/**
 * The dashboard's filter (issue 19, item 3): a period and, optionally, a county or township, an
 * enterprise and a subsidy scheme. `filterDashboard` reads the source once into maps and keeps what
 * the filter lets through; every figure (figures.ts) and chart (series.ts) counts from the result,
 * so they all answer for the same people.
 *
 * - County and township: the worker's home (Worker.countyCode, Worker.township).
 * - Enterprise: the enterprise of the trip: the one the worker was handed over to from that batch,
 *   else the worker's enterprise; for a claim, the enterprise paid, else the worker's enterprise.
 * - Scheme: only claims under the scheme, and only the people who have a live claim under it.
 * - Period: the figures and monthly charts of the period; the batches of the coming weeks, the
 *   health checks of the next days and the overdue contacts are as of today whatever the period.
 */
import { beijingCalendarDate, isCalendarDate } from '../dates';
import type { CalendarDate, Timestamp } from '../domain/records';
import {
  SENT_STATUSES,
  byId,
  groupBy,
  isLive,
  type DashboardBatch,
  type DashboardClaim,
  type DashboardContact,
  type DashboardEnterprise,
  type DashboardFollowUp,
  type DashboardPeriod,
  type DashboardSource,
  type DashboardWorker,
} from './source';

export interface DashboardFilter {
  /** The first and last day of the period (Beijing calendar), both included. */
  from: CalendarDate;
  to: CalendarDate;
  /** The worker's county (six-digit code); absent or null: every county. */
  countyCode?: string | null;
  /** The worker's township as written on the worker; absent or null: every township. */
  township?: string | null;
  enterpriseId?: string | null;
  schemeId?: string | null;
}

/** A passenger of a departed batch who boarded (or whose boarding was not recorded). */
export interface Trip {
  worker: DashboardWorker;
  batch: DashboardBatch;
  /** The enterprise the trip was to: the handover's, else the worker's; null when neither is known. */
  enterpriseId: string | null;
  /** The worker's live follow-ups from this batch (a handover each). */
  followUps: DashboardFollowUp[];
}

/** The source as the filter leaves it, read into maps. */
export interface DashboardData {
  source: DashboardSource;
  filter: DashboardFilter;
  /** Today in Beijing, whatever zone the PC is set to. */
  today: CalendarDate;
  now: Timestamp;
  workers: Map<string, DashboardWorker>;
  enterprises: Map<string, DashboardEnterprise>;
  batches: Map<string, DashboardBatch>;
  /** Every trip of a worker the filter lets through, any date (the period is chosen by each figure). */
  trips: Trip[];
  /** Live passengers (not moved, not removed) of every live batch, of workers the filter lets through. */
  passengersOf: Map<string, { workerId: string; seats: number }[]>;
  /** Live follow-ups of the people the filter lets through (and of its enterprise, when it names one). */
  followUps: DashboardFollowUp[];
  /** Contacts and employment periods of the follow-ups of the trips, by follow-up. */
  contactsOf: Map<string, DashboardContact[]>;
  periodsOf: Map<string, DashboardPeriod[]>;
  claims: DashboardClaim[];
  /** Whether the filter names people (a place, an enterprise or a scheme): batches then count only if they carry some. */
  narrowed: boolean;
}

function problem(what: string): never {
  throw new RangeError(`dashboard filter: ${what}`);
}

/** Refuses a filter whose period is not two calendar dates in order. */
export function checkDashboardFilter(filter: DashboardFilter): void {
  if (!isCalendarDate(filter.from)) problem(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(filter.from)}`);
  if (!isCalendarDate(filter.to)) problem(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(filter.to)}`);
  if (filter.to < filter.from) problem(`the period ends (${filter.to}) before it starts (${filter.from})`);
}

const PERIOD_ORDER = new Intl.Collator('en', { numeric: true });

/** Reads `source` once and keeps what `filter` lets through; `now` gives today (in Beijing). */
export function filterDashboard(source: DashboardSource, filter: DashboardFilter, now: Timestamp): DashboardData {
  checkDashboardFilter(filter);
  const { countyCode, township, enterpriseId, schemeId } = filter;
  const withScheme = schemeId
    ? new Set(source.claims.filter((claim) => isLive(claim) && claim.schemeId === schemeId).map((c) => c.workerId))
    : null;
  const workers = new Map<string, DashboardWorker>();
  for (const worker of source.workers) {
    if (!isLive(worker)) continue;
    if (countyCode && worker.countyCode !== countyCode) continue;
    if (township && worker.township !== township) continue;
    if (withScheme && !withScheme.has(worker.id)) continue;
    workers.set(worker.id, worker);
  }
  const batches = byId(source.batches);
  const followUpsOfTrip = new Map<string, DashboardFollowUp[]>();
  const followUps: DashboardFollowUp[] = [];
  for (const followUp of source.followUps) {
    if (!isLive(followUp) || !workers.has(followUp.workerId)) continue;
    if (!enterpriseId || followUp.enterpriseId === enterpriseId) followUps.push(followUp);
    const key = `${followUp.batchId}\u0000${followUp.workerId}`;
    const list = followUpsOfTrip.get(key);
    if (list) list.push(followUp);
    else followUpsOfTrip.set(key, [followUp]);
  }
  const trips: Trip[] = [];
  const passengersOf = new Map<string, { workerId: string; seats: number }[]>();
  const seenTrip = new Set<string>();
  for (const assignment of source.assignments) {
    if (!isLive(assignment)) continue;
    const worker = workers.get(assignment.workerId);
    const batch = batches.get(assignment.batchId);
    if (!worker || !batch) continue;
    const key = `${batch.id}\u0000${worker.id}`;
    const own = followUpsOfTrip.get(key) ?? [];
    const tripEnterprise = own[0]?.enterpriseId ?? worker.enterpriseId;
    if (enterpriseId && tripEnterprise !== enterpriseId) continue;
    const passengers = passengersOf.get(batch.id);
    const passenger = { workerId: worker.id, seats: assignment.seats.length };
    if (passengers) passengers.push(passenger);
    else passengersOf.set(batch.id, [passenger]);
    if (!SENT_STATUSES.has(batch.status) || assignment.boarding === 'absent' || seenTrip.has(key)) continue;
    seenTrip.add(key);
    trips.push({ worker, batch, enterpriseId: tripEnterprise, followUps: own });
  }
  const wantedFollowUps = new Set<string>();
  for (const trip of trips) for (const followUp of trip.followUps) wantedFollowUps.add(followUp.id);
  const contactsOf = groupBy(
    source.contacts.filter((contact) => wantedFollowUps.has(contact.followUpId)),
    (contact) => contact.followUpId,
  );
  const periodsOf = groupBy(
    source.employmentPeriods.filter((period) => wantedFollowUps.has(period.followUpId)),
    (period) => period.followUpId,
  );
  // Oldest first, as the enterprise's retention reads them (renderer/db/repositories/retention.ts).
  for (const periods of periodsOf.values()) periods.sort((a, b) => PERIOD_ORDER.compare(a.id, b.id));
  const claims: DashboardClaim[] = [];
  for (const claim of source.claims) {
    if (!isLive(claim) || !workers.has(claim.workerId)) continue;
    if (schemeId && claim.schemeId !== schemeId) continue;
    if (enterpriseId) {
      const paidTo = claim.payee === 'enterprise' ? claim.payeeId : workers.get(claim.workerId)?.enterpriseId;
      if (paidTo !== enterpriseId) continue;
    }
    claims.push(claim);
  }
  return {
    source,
    filter,
    today: beijingCalendarDate(now),
    now,
    workers,
    enterprises: byId(source.enterprises),
    batches,
    trips,
    passengersOf,
    followUps,
    contactsOf,
    periodsOf,
    claims,
    narrowed: Boolean(countyCode || township || enterpriseId || schemeId),
  };
}
