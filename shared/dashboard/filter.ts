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
  /** True when it is the worker's only trip: then nothing needs to count them once across trips. */
  single: boolean;
  /** The proven months of `followUps` (figures.ts), once a figure asked: no period or filter changes them. */
  months?: number;
}

/** A live passenger of a live batch (not moved, not removed), of a worker the filter lets through. */
export interface Passenger {
  workerId: string;
  /** How many seats they hold: one per leg when seated on every leg. */
  seats: number;
  worker: DashboardWorker;
  /** The enterprise of their trip, as `Trip.enterpriseId`. */
  enterpriseId: string | null;
}

/** A worker the filter lets through, with their live follow-ups (any enterprise). */
export interface Person {
  worker: DashboardWorker;
  followUps: DashboardFollowUp[];
  /** The batch of their first trip; null before the first. */
  firstTrip: string | null;
  /** The batches of their other trips (each batch once); null while they made one at most. */
  laterTrips: string[] | null;
}

/** The source as the filter leaves it, read into maps. */
export interface DashboardData {
  source: DashboardSource;
  filter: DashboardFilter;
  /** Today in Beijing, whatever zone the PC is set to. */
  today: CalendarDate;
  now: Timestamp;
  /** The people the filter lets through, by worker id. */
  people: Map<string, Person>;
  enterprises: Map<string, DashboardEnterprise>;
  batches: Map<string, DashboardBatch>;
  /** Every trip of a worker the filter lets through, any date (the period is chosen by each figure). */
  trips: Trip[];
  /** Live passengers (not moved, not removed) of every live batch, of workers the filter lets through. */
  passengersOf: Map<string, Passenger[]>;
  /** Live contacts and employment periods, by follow-up. */
  contactsOf: Map<string, DashboardContact[]>;
  periodsOf: Map<string, DashboardPeriod[]>;
  /** Each follow-up's proven months (figures.ts), the index's: filled as the figures ask. */
  provenMonths: Map<string, number>;
  claims: DashboardClaim[];
  /** Whether the filter names people (a place, an enterprise or a scheme): batches then count only if they carry some. */
  narrowed: boolean;
  /** What one figure computed and another reads again (the period's trips, funnel, subsidy report), by name and period. */
  cache: Map<string, unknown>;
}

/** The value cached under `key`, computed once. */
export function cached<T>(data: DashboardData, key: string, compute: () => T): T {
  if (data.cache.has(key)) return data.cache.get(key) as T;
  const value = compute();
  data.cache.set(key, value);
  return value;
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
/** Shared by every person without a follow-up (never pushed to: a first follow-up replaces it). */
const NONE: DashboardFollowUp[] = [];

/** A person's follow-ups from one batch: most people have one follow-up, shared rather than copied. */
function followUpsFrom(followUps: DashboardFollowUp[], batchId: string): DashboardFollowUp[] {
  if (followUps.length === 1) return followUps[0]?.batchId === batchId ? followUps : NONE;
  return followUps.length === 0 ? NONE : followUps.filter((followUp) => followUp.batchId === batchId);
}

/**
 * What of the source no filter changes: batches and enterprises by id, live contacts and employment
 * periods by follow-up. Computed once per source, it is given again to each filter change.
 */
export interface DashboardIndex {
  batches: Map<string, DashboardBatch>;
  enterprises: Map<string, DashboardEnterprise>;
  contactsOf: Map<string, DashboardContact[]>;
  periodsOf: Map<string, DashboardPeriod[]>;
  /**
   * Each follow-up's proven months at the enterprise handed over to (figures.ts), which no filter
   * changes either: filled as the figures ask for them, or given whole by a store that keeps them
   * (the dashboard's projection, renderer/db/dashboard), whose contacts and periods are then empty.
   */
  provenMonths?: Map<string, number>;
}

export function indexDashboard(source: DashboardSource): DashboardIndex {
  const contactsOf = new Map<string, DashboardContact[]>();
  for (const contact of source.contacts) {
    if (!isLive(contact)) continue;
    const list = contactsOf.get(contact.followUpId);
    if (list) list.push(contact);
    else contactsOf.set(contact.followUpId, [contact]);
  }
  const periodsOf = new Map<string, DashboardPeriod[]>();
  for (const period of source.employmentPeriods) {
    if (!isLive(period)) continue;
    const list = periodsOf.get(period.followUpId);
    if (list) list.push(period);
    else periodsOf.set(period.followUpId, [period]);
  }
  // Oldest first, as the enterprise's retention reads them (renderer/db/repositories/retention.ts).
  for (const periods of periodsOf.values()) {
    if (periods.length > 1) periods.sort((a, b) => PERIOD_ORDER.compare(a.id, b.id));
  }
  return {
    batches: byId(source.batches),
    enterprises: byId(source.enterprises),
    contactsOf,
    periodsOf,
    provenMonths: new Map(),
  };
}

/** What of a filter chooses people (rather than the period), and today: data filtered alike share them. */
function peopleKey(filter: DashboardFilter, today: CalendarDate): string {
  return JSON.stringify([
    today,
    filter.countyCode ?? null,
    filter.township ?? null,
    filter.enterpriseId ?? null,
    filter.schemeId ?? null,
  ]);
}

/** How many filterings of one index are kept for a change of period alone. */
const KEPT_FILTERINGS = 4;
/**
 * The latest filterings of each index, newest last. A change of period alone keeps the people, trips
 * and claims the filter let through, and what the figures computed per period: only the figures of
 * the new period are counted (with 100,000 people, the filtering is most of a change's time).
 */
const filterings = new WeakMap<DashboardIndex, DashboardData[]>();

/**
 * Reads `source` once and keeps what `filter` lets through; `now` gives today (in Beijing). `index`
 * is the source's index when a filter changes on the same source.
 */
export function filterDashboard(
  source: DashboardSource,
  filter: DashboardFilter,
  now: Timestamp,
  index: DashboardIndex = indexDashboard(source),
): DashboardData {
  checkDashboardFilter(filter);
  const today = beijingCalendarDate(now);
  const key = peopleKey(filter, today);
  const kept = filterings.get(index) ?? [];
  const same = kept.find((data) => data.source === source && peopleKey(data.filter, data.today) === key);
  if (same) return { ...same, filter, now };
  const wider = kept.findLast((data) => data.source === source && data.today === today && narrows(data.filter, filter));
  const data = wider ? narrowFiltering(wider, filter, now) : filterPeople(source, filter, today, now, index);
  filterings.set(index, [...kept.slice(1 - KEPT_FILTERINGS), data]);
  return data;
}

/**
 * Whether `filter` only narrows `wider`'s filtering, which names neither an enterprise nor a scheme:
 * its people, trips, passengers and claims are then `wider`'s that `filter` lets through.
 */
function narrows(wider: DashboardFilter, filter: DashboardFilter): boolean {
  if (wider.enterpriseId || wider.schemeId) return false;
  if (wider.countyCode && wider.countyCode !== filter.countyCode) return false;
  return !wider.township || wider.township === filter.township;
}

/**
 * A filtering made from a wider one (`narrows`) rather than from the source: with 100,000 people, a
 * county or an enterprise chosen after the whole office costs a pass over what is already filtered
 * instead of a look-up by id per record. Answers exactly as `filterPeople` would.
 */
function narrowFiltering(wider: DashboardData, filter: DashboardFilter, now: Timestamp): DashboardData {
  const { countyCode, township, enterpriseId, schemeId } = filter;
  const withScheme = schemeId
    ? new Set(wider.claims.filter((claim) => claim.schemeId === schemeId).map((claim) => claim.workerId))
    : null;
  const choosesPeople = Boolean(countyCode || township || withScheme);
  const lets = (worker: DashboardWorker): boolean =>
    (!countyCode || worker.countyCode === countyCode) &&
    (!township || worker.township === township) &&
    (!withScheme || withScheme.has(worker.id));
  let people = wider.people;
  if (choosesPeople) {
    people = new Map();
    for (const [id, person] of wider.people) if (lets(person.worker)) people.set(id, person);
  }
  const goes = (worker: DashboardWorker, tripEnterprise: string | null): boolean =>
    (!enterpriseId || tripEnterprise === enterpriseId) && (!choosesPeople || lets(worker));
  const trips: Trip[] = [];
  // Of the people with more than one trip in the wider filtering, how many are left in this one.
  const tripsOf = new Map<string, number>();
  for (const trip of wider.trips) {
    if (!goes(trip.worker, trip.enterpriseId)) continue;
    trips.push({ ...trip });
    if (!trip.single) tripsOf.set(trip.worker.id, (tripsOf.get(trip.worker.id) ?? 0) + 1);
  }
  for (const trip of trips) if (!trip.single) trip.single = (tripsOf.get(trip.worker.id) ?? 0) <= 1;
  const passengersOf = new Map<string, Passenger[]>();
  for (const [batchId, passengers] of wider.passengersOf) {
    const left = passengers.filter((passenger) => goes(passenger.worker, passenger.enterpriseId));
    if (left.length > 0) passengersOf.set(batchId, left);
  }
  const claims = wider.claims.filter((claim) => {
    if (schemeId && claim.schemeId !== schemeId) return false;
    if (!choosesPeople && !enterpriseId) return true;
    const person = people.get(claim.workerId);
    if (!person) return false;
    return (
      !enterpriseId || (claim.payee === 'enterprise' ? claim.payeeId : person.worker.enterpriseId) === enterpriseId
    );
  });
  const narrowed = Boolean(countyCode || township || enterpriseId || schemeId);
  return { ...wider, filter, now, people, trips, passengersOf, claims, narrowed, cache: new Map() };
}

function filterPeople(
  source: DashboardSource,
  filter: DashboardFilter,
  today: CalendarDate,
  now: Timestamp,
  index: DashboardIndex,
): DashboardData {
  const { countyCode, township, enterpriseId, schemeId } = filter;
  const withScheme = schemeId
    ? new Set(source.claims.filter((claim) => isLive(claim) && claim.schemeId === schemeId).map((c) => c.workerId))
    : null;
  // One entry per person, holding their follow-ups, so that each record costs one look-up by id:
  // with 100,000 people, look-ups in maps that large are most of the time spent here.
  const people = new Map<string, Person>();
  for (const worker of source.workers) {
    if (!isLive(worker)) continue;
    if (countyCode && worker.countyCode !== countyCode) continue;
    if (township && worker.township !== township) continue;
    if (withScheme && !withScheme.has(worker.id)) continue;
    people.set(worker.id, { worker, followUps: NONE, firstTrip: null, laterTrips: null });
  }
  for (const followUp of source.followUps) {
    if (!isLive(followUp)) continue;
    const person = people.get(followUp.workerId);
    if (!person) continue;
    if (person.followUps === NONE) person.followUps = [followUp];
    else person.followUps.push(followUp);
  }
  const { batches, contactsOf, periodsOf, enterprises } = index;
  const trips: Trip[] = [];
  // Whose each trip is, in the trips' order: read again once every trip is known, without a look-up.
  const travellers: Person[] = [];
  const passengersOf = new Map<string, Passenger[]>();
  for (const assignment of source.assignments) {
    if (!isLive(assignment)) continue;
    const person = people.get(assignment.workerId);
    const batch = batches.get(assignment.batchId);
    if (!person || !batch) continue;
    const { worker } = person;
    const own = followUpsFrom(person.followUps, batch.id);
    const tripEnterprise = own[0]?.enterpriseId ?? worker.enterpriseId;
    if (enterpriseId && tripEnterprise !== enterpriseId) continue;
    const passengers = passengersOf.get(batch.id);
    const passenger = {
      workerId: worker.id,
      seats: assignment.seats.length,
      worker,
      enterpriseId: tripEnterprise,
    };
    if (passengers) passengers.push(passenger);
    else passengersOf.set(batch.id, [passenger]);
    if (!SENT_STATUSES.has(batch.status) || assignment.boarding === 'absent') continue;
    // At most one live assignment per batch and person; a second is not a second trip.
    if (person.firstTrip === null) person.firstTrip = batch.id;
    else if (person.firstTrip === batch.id || person.laterTrips?.includes(batch.id)) continue;
    else if (person.laterTrips === null) person.laterTrips = [batch.id];
    else person.laterTrips.push(batch.id);
    trips.push({ worker, batch, enterpriseId: tripEnterprise, followUps: own, single: true });
    travellers.push(person);
  }
  travellers.forEach((person, at) => {
    if (person.laterTrips !== null) (trips[at] as Trip).single = false;
  });
  const claims: DashboardClaim[] = [];
  for (const claim of source.claims) {
    if (!isLive(claim)) continue;
    const person = people.get(claim.workerId);
    if (!person) continue;
    if (schemeId && claim.schemeId !== schemeId) continue;
    if (enterpriseId) {
      const paidTo = claim.payee === 'enterprise' ? claim.payeeId : person.worker.enterpriseId;
      if (paidTo !== enterpriseId) continue;
    }
    claims.push(claim);
  }
  return {
    source,
    filter,
    today,
    now,
    people,
    enterprises,
    batches,
    trips,
    passengersOf,
    contactsOf,
    periodsOf,
    provenMonths: (index.provenMonths ??= new Map<string, number>()),
    claims,
    narrowed: Boolean(countyCode || township || enterpriseId || schemeId),
    cache: new Map(),
  };
}
