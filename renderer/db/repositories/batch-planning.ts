/**
 * Automatic batch planning (issue "Plan batches"): reads the pool of workers ready to travel,
 * turns the coordinator's choices into the planner's input (`shared/planning`), and saves a
 * proposal the coordinator accepted, every batch and passenger in one transaction.
 *
 * Reading whole tables: the pool is every live worker who is not on a live batch, so at 100,000
 * workers a proposal reads the workers, assignments and batches tables whole (one cursor each, in
 * one read transaction). In Chromium on a two-core PC that read takes 2 to 3 s of the 3 to 5 s from
 * the click to the proposal (the planning itself about 0.5 s): fine for a button press, and the
 * screen never reads the pool in a live query, which would read it again on every change.
 */
import {
  type Assignment,
  type Batch,
  type BatchLeg,
  type CalendarDate,
  type Enterprise,
  type PovertyStatus,
  type Route,
  type Vehicle,
  type VehicleKind,
  type Worker,
} from '../../../shared/domain/records';
import { isCalendarDate } from '../../../shared/dates';
import { checkBatch } from '../../../shared/domain/batch-rules';
import type { FieldProblem } from '../../../shared/domain/problems';
import { expandDateRange, planBatches, type BatchProposal, type LegVehicleType } from '../../../shared/planning';
import { VEHICLE_SEAT_LIMITS, defaultReservedSeats, vehicleCapacity } from '../../../shared/seating';
import { database, type PlannerDatabase } from '../database';
import { recordChange } from '../audit';
import { newId, now } from '../clock';
import { RecordRejectedError } from '../problems';
import { getSettings } from './settings';

const isLive = (record: { deletedAt?: string | null }): boolean => !record.deletedAt;

/**
 * Which workers of the pool to plan; an empty or missing list lets everyone through. The lists
 * combine with "and": workers from these counties, of these villages, bound for these enterprises
 * in these cities, of these poverty statuses.
 */
export interface PlanningPoolFilter {
  /** Home counties, e.g. 田东县. */
  counties?: readonly string[];
  /** Home village names (the villages of the counties chosen, as the workers list offers them). */
  villages?: readonly string[];
  /** Receiving enterprises. */
  enterpriseIds?: readonly string[];
  /** Cities of the receiving enterprise, e.g. 广州市. */
  cities?: readonly string[];
  povertyStatuses?: readonly PovertyStatus[];
}

/** The pool a proposal is made from, and what the planner needs beside it. */
export interface PlanningPool {
  /** Live workers ready to travel who match the filter. */
  workers: Worker[];
  /** Live receiving enterprises. */
  enterprises: Enterprise[];
  /** Live routes. */
  routes: Route[];
  /** Live workers matching the filter who are left out because they ride a live batch that is not closed. */
  onBatches: number;
  /** Live workers matching the filter who are left out because they travelled already or work at the enterprise. */
  arrived: number;
}

/**
 * A worker marked travelled or onboarded is at the enterprise already, even when their batch has
 * since been closed: planning them again would send them a second time.
 */
const ARRIVED_STATUSES: ReadonlySet<Worker['status']> = new Set(['travelled', 'onboarded']);

function matches(list: readonly string[] | undefined, value: string): boolean {
  return !list || list.length === 0 || list.includes(value);
}

async function readPool(db: PlannerDatabase, filter: PlanningPoolFilter): Promise<PlanningPool> {
  const [workers, assignments, batches, enterprises, routes] = await Promise.all([
    db.workers.toArray(),
    db.assignments.toArray(),
    db.batches.toArray(),
    db.enterprises.toArray(),
    db.routes.toArray(),
  ]);
  const openBatches = new Set(
    batches.filter((batch) => isLive(batch) && batch.status !== 'closed').map((batch) => batch.id),
  );
  const travelling = new Set<string>();
  for (const assignment of assignments) {
    if (isLive(assignment) && openBatches.has(assignment.batchId)) travelling.add(assignment.workerId);
  }
  const liveEnterprises = enterprises.filter(isLive);
  const cityOf = new Map(liveEnterprises.map((enterprise) => [enterprise.id, enterprise.city]));
  const filterEnterprises = (filter.enterpriseIds?.length ?? 0) > 0 || (filter.cities?.length ?? 0) > 0;
  const pool: Worker[] = [];
  let onBatches = 0;
  let arrived = 0;
  for (const worker of workers) {
    if (!isLive(worker)) continue;
    if (!matches(filter.counties, worker.county) || !matches(filter.villages, worker.village)) continue;
    if (!matches(filter.povertyStatuses, worker.povertyStatus)) continue;
    if (filterEnterprises) {
      if (worker.enterpriseId === null || !matches(filter.enterpriseIds, worker.enterpriseId)) continue;
      if (!matches(filter.cities, cityOf.get(worker.enterpriseId) ?? '')) continue;
    }
    if (travelling.has(worker.id)) onBatches += 1;
    else if (ARRIVED_STATUSES.has(worker.status)) arrived += 1;
    else pool.push(worker);
  }
  return { workers: pool, enterprises: liveEnterprises, routes: routes.filter(isLive), onBatches, arrived };
}

/**
 * The workers ready to travel: live, not on a live batch that is not closed (a closed batch is
 * done with), not marked travelled or onboarded, and matching `filter`; with the live enterprises
 * and routes. One read of each table, in one transaction, so the figures agree with each other.
 */
export async function planningPool(filter: PlanningPoolFilter = {}): Promise<PlanningPool> {
  const db = database();
  return db.transaction('r', [db.workers, db.assignments, db.batches, db.enterprises, db.routes], () =>
    readPool(db, filter),
  );
}

/** The vehicle type the coordinator chose for one leg. */
export interface LegVehicleChoice {
  kind: VehicleKind;
  seatCount: number;
  /** Vehicles one batch may use on this leg; the planner's default (16 carriages, 40 coaches) when absent. */
  maxVehicles?: number;
}

/** What the "Plan batches" screen asks for. */
export interface ProposeBatchesOptions {
  filter?: PlanningPoolFilter;
  /** First and last day a batch may leave, both included. */
  firstDate: CalendarDate;
  lastDate: CalendarDate;
  /** Live routes to plan on, in order of preference: a worker rides the first that picks up from their county. */
  routeIds: readonly string[];
  /** Route id → leg id → the vehicle type of that leg. */
  vehicles: Readonly<Record<string, Readonly<Record<string, LegVehicleChoice>>>>;
  /** Route id → batches a day; 1 when absent. */
  batchesPerDay?: Readonly<Record<string, number>>;
}

/**
 * Problem codes of this module that `problems.*` does not have; the screen finds their texts under
 * `planning.problems.*`.
 * - `planning-date-order`: the last day is before the first.
 * - `planning-no-capacity`: at the load factor a vehicle of this type takes nobody (`{ seats }`).
 * - `planning-count-invalid`: a number of batches or vehicles is not a whole number of 1 or more.
 * - `planning-route-changed`: a route's legs changed after the proposal was made (`{ name }`).
 * - `planning-passengers-taken`: proposed passengers joined a batch or were deleted meanwhile
 *   (`{ count, names }`).
 */
export const PLANNING_PROBLEM_CODES = [
  'planning-date-order',
  'planning-no-capacity',
  'planning-count-invalid',
  'planning-route-changed',
  'planning-passengers-taken',
] as const;

/** A whole number of 1 or more. */
function isCount(value: number | undefined): boolean {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1;
}

/** Passengers one vehicle of this type takes at the load factor, its default reserved seats kept free. */
export function choiceCapacity(choice: Pick<LegVehicleChoice, 'kind' | 'seatCount'>, loadFactor: number): number {
  const { min, max } = VEHICLE_SEAT_LIMITS[choice.kind];
  if (!Number.isInteger(choice.seatCount) || choice.seatCount < min || choice.seatCount > max) return 0;
  const probe: Vehicle = {
    id: 'probe',
    kind: choice.kind,
    label: '01',
    seatCount: choice.seatCount,
    reserved: defaultReservedSeats(choice.kind, choice.seatCount),
    escortId: null,
  };
  return vehicleCapacity(probe, loadFactor);
}

/**
 * What is wrong with the screen's choices, field by field (`firstDate`, `lastDate`, `routeIds`,
 * `vehicles.<route>.<leg>.seatCount`, `vehicles.<route>.<leg>.maxVehicles`, `batchesPerDay.<route>`),
 * the paths matching the options' shape so a form shows each beside its input. `routes` are the live
 * routes; a chosen route not among them is `route-missing`.
 */
export function checkPlanningOptions(
  options: ProposeBatchesOptions,
  routes: readonly Pick<Route, 'id' | 'legs'>[],
  loadFactor: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstOk = isCalendarDate(options.firstDate);
  const lastOk = isCalendarDate(options.lastDate);
  if (!firstOk) problems.push({ field: 'firstDate', code: 'date-invalid' });
  if (!lastOk) problems.push({ field: 'lastDate', code: 'date-invalid' });
  // yyyy-MM-dd compares as text in calendar order.
  if (firstOk && lastOk && options.lastDate < options.firstDate) {
    problems.push({ field: 'lastDate', code: 'planning-date-order' });
  }
  if (options.routeIds.length === 0) problems.push({ field: 'routeIds', code: 'required' });
  const byId = new Map(routes.map((route) => [route.id, route]));
  for (const routeId of options.routeIds) {
    const route = byId.get(routeId);
    if (!route) {
      problems.push({ field: 'routeIds', code: 'route-missing' });
      continue;
    }
    const perDay = options.batchesPerDay?.[routeId];
    if (perDay !== undefined && !isCount(perDay)) {
      problems.push({ field: `batchesPerDay.${routeId}`, code: 'planning-count-invalid' });
    }
    for (const leg of route.legs) {
      const field = `vehicles.${routeId}.${leg.id}`;
      const choice = options.vehicles[routeId]?.[leg.id];
      if (!choice) {
        problems.push({ field: `${field}.kind`, code: 'required' });
        continue;
      }
      const { min, max } = VEHICLE_SEAT_LIMITS[choice.kind];
      if (!Number.isInteger(choice.seatCount) || choice.seatCount < min || choice.seatCount > max) {
        problems.push({ field: `${field}.seatCount`, code: 'seat-count-range', params: { min, max } });
      } else if (choiceCapacity(choice, loadFactor) < 1) {
        problems.push({
          field: `${field}.seatCount`,
          code: 'planning-no-capacity',
          params: { seats: choice.seatCount },
        });
      }
      if (choice.maxVehicles !== undefined && !isCount(choice.maxVehicles)) {
        problems.push({ field: `${field}.maxVehicles`, code: 'planning-count-invalid' });
      }
    }
  }
  return problems;
}

/** Who a worker is, for the lists of workers the proposal could not place. */
export interface PlanningPerson {
  name: string;
  county: string;
  township: string;
  village: string;
}

/** A proposal with what the screen shows beside it; nothing of it is stored until it is saved. */
export interface BatchPlanningResult {
  proposal: BatchProposal;
  /** The routes planned on, in the order of preference given. */
  routes: Route[];
  /** Workers in the filtered pool (placed and unplaced). */
  poolSize: number;
  /** Workers matching the filter but left out of the pool: on a batch already, or arrived. */
  onBatches: number;
  arrived: number;
  /** The unplaced workers, by id. */
  people: Record<string, PlanningPerson>;
  /** Route id → leg id → passengers one vehicle takes at the load factor. */
  capacities: Record<string, Record<string, number>>;
  loadFactor: number;
}

/**
 * Proposes batches for the pool matching `options.filter` on the chosen routes and days: see
 * `shared/planning` for how. Each leg's capacity is that of a vehicle of the chosen type with its
 * default reserved seats (escort, medic, the last row for isolation) at the settings' load factor,
 * so a saved batch holds exactly what its vehicles take. Refuses choices with problems (see
 * {@link checkPlanningOptions}); writes nothing.
 */
export async function proposeBatches(options: ProposeBatchesOptions): Promise<BatchPlanningResult> {
  const { loadFactor } = await getSettings();
  const pool = await planningPool(options.filter ?? {});
  const problems = checkPlanningOptions(options, pool.routes, loadFactor);
  if (problems.length > 0) throw new RecordRejectedError(problems);

  const byId = new Map(pool.routes.map((route) => [route.id, route]));
  const routes = [...new Set(options.routeIds)].flatMap((id) => byId.get(id) ?? []);
  const capacities: Record<string, Record<string, number>> = {};
  const vehicles: Record<string, Record<string, LegVehicleType>> = {};
  for (const route of routes) {
    const routeCapacities: Record<string, number> = {};
    const routeVehicles: Record<string, LegVehicleType> = {};
    for (const leg of route.legs) {
      const choice = options.vehicles[route.id]?.[leg.id];
      if (!choice) continue;
      const capacity = choiceCapacity(choice, loadFactor);
      routeCapacities[leg.id] = capacity;
      routeVehicles[leg.id] = {
        kind: choice.kind,
        seatCount: choice.seatCount,
        capacity,
        ...(choice.maxVehicles === undefined ? {} : { maxVehicles: choice.maxVehicles }),
      };
    }
    capacities[route.id] = routeCapacities;
    vehicles[route.id] = routeVehicles;
  }
  const proposal = planBatches({
    workers: pool.workers,
    enterprises: pool.enterprises,
    routes,
    dates: expandDateRange(options.firstDate, options.lastDate),
    vehicles,
    ...(options.batchesPerDay ? { batchesPerDay: options.batchesPerDay } : {}),
  });

  const unplaced = new Set(proposal.unplaced.map((worker) => worker.workerId));
  const people: Record<string, PlanningPerson> = {};
  for (const worker of pool.workers) {
    if (!unplaced.has(worker.id)) continue;
    const { name, county, township, village } = worker;
    people[worker.id] = { name, county, township, village };
  }
  return {
    proposal,
    routes,
    poolSize: pool.workers.length,
    onBatches: pool.onBatches,
    arrived: pool.arrived,
    people,
    capacities,
    loadFactor,
  };
}

/** How a saved proposal's batches are worded; the planner's wording where nothing is given. */
export interface SaveProposalOptions {
  /** The name of each proposed batch, by its index in `proposal.batches`; blank keeps the suggested name. */
  names?: readonly string[];
  /**
   * Coach labels until the coordinator types the plates: `待定 1`, `待定 2`, … on each coach leg.
   * A placeholder anyone sees is not a plate, short enough for the label's 20 characters.
   */
  coachLabelPrefix?: string;
}

const DEFAULT_COACH_LABEL_PREFIX = '待定';

/** The vehicles of one proposed leg: carriages numbered 01, 02, …; coaches labelled as placeholders. */
function vehiclesOf(leg: BatchProposal['batches'][number]['legs'][number], coachPrefix: string): Vehicle[] {
  let coaches = 0;
  let carriages = 0;
  return leg.vehicles.map((planned): Vehicle => {
    const label =
      planned.kind === 'coach' ? `${coachPrefix} ${(coaches += 1)}` : String((carriages += 1)).padStart(2, '0');
    return {
      id: newId(),
      kind: planned.kind,
      label,
      seatCount: planned.seatCount,
      reserved: defaultReservedSeats(planned.kind, planned.seatCount),
      escortId: null,
    };
  });
}

/**
 * Saves a proposal: every batch with its legs and vehicles, and one assignment per passenger,
 * unseated, all in one transaction. A batch starts as a draft, as a batch made by hand does: its
 * coaches are placeholders, and it has no organizer and no escorts yet, which the coordinator
 * adds before moving it on to "planned".
 *
 * Refuses, writing nothing, when a proposed passenger joined a live batch (not closed) or was
 * deleted after the proposal was made, or when a route's legs changed: the coordinator makes a new
 * proposal. Audit rows: one per batch for its creation and one per batch listing its assignments
 * (ids and workers; the rest is the same for all: unseated, boarding pending), rather than one per
 * assignment, which would double the rows written for 100,000 passengers and tell nothing more.
 * Returns the new batches' ids, in the proposal's order.
 */
export async function saveProposal(proposal: BatchProposal, options: SaveProposalOptions = {}): Promise<string[]> {
  const db = database();
  const coachPrefix = options.coachLabelPrefix?.trim() || DEFAULT_COACH_LABEL_PREFIX;
  return db.transaction('rw', [db.workers, db.assignments, db.batches, db.routes, db.audit, db.settings], async () => {
    const passengerIds = proposal.batches.flatMap((batch) => batch.passengerIds);
    // The whole workers table in one cursor: at 58,000 passengers of 100,000 workers, a bulkGet of
    // the passengers took 5 s in Chromium, reading every worker under 2 s.
    const [routes, assignments, batches, allWorkers] = await Promise.all([
      db.routes.bulkGet([...new Set(proposal.batches.map((batch) => batch.routeId))]),
      db.assignments.toArray(),
      db.batches.toArray(),
      db.workers.toArray(),
    ]);
    const workers = new Map(allWorkers.map((worker) => [worker.id, worker]));

    const liveRoutes = new Map(routes.flatMap((route) => (route && isLive(route) ? [[route.id, route]] : [])));
    for (const batch of proposal.batches) {
      const route = liveRoutes.get(batch.routeId);
      if (!route) throw new RecordRejectedError([{ field: 'routeIds', code: 'route-missing' }]);
      const legIds = route.legs.map((leg) => leg.id).join('/');
      if (batch.legs.map((leg) => leg.legId).join('/') !== legIds) {
        throw new RecordRejectedError([
          { field: 'routeIds', code: 'planning-route-changed', params: { name: route.name } },
        ]);
      }
    }

    const openBatches = new Set(
      batches.filter((batch) => isLive(batch) && batch.status !== 'closed').map((batch) => batch.id),
    );
    const travelling = new Set<string>();
    for (const assignment of assignments) {
      if (isLive(assignment) && openBatches.has(assignment.batchId)) travelling.add(assignment.workerId);
    }
    // A passenger twice in the proposal would ride two batches: refused like one taken meanwhile.
    const seen = new Set<string>();
    const taken: string[] = [];
    for (const id of passengerIds) {
      const worker = workers.get(id);
      if (!worker || !isLive(worker) || travelling.has(id) || seen.has(id)) taken.push(worker?.name ?? id);
      seen.add(id);
    }
    if (taken.length > 0) {
      throw new RecordRejectedError([
        {
          field: 'passengers',
          code: 'planning-passengers-taken',
          params: { count: taken.length, names: taken.slice(0, 5).join('、') },
        },
      ]);
    }

    const at = now();
    const created: Batch[] = [];
    const createdAssignments: Assignment[][] = [];
    proposal.batches.forEach((planned, index) => {
      const route = liveRoutes.get(planned.routeId);
      const name = options.names?.[index]?.trim() || planned.suggestedName;
      const legs: BatchLeg[] = planned.legs.map((leg) => ({
        legId: leg.legId,
        vehicles: vehiclesOf(leg, coachPrefix),
      }));
      const batch: Batch = {
        id: newId(),
        name,
        routeId: planned.routeId,
        date: planned.date,
        legs,
        organizer: '',
        escorts: [],
        medics: [],
        status: 'draft',
        overrides: [],
        notes: '',
        createdAt: at,
        updatedAt: at,
      };
      // The planner's vehicles pass the batch rules by construction; a failure here is a bug, not a refusal.
      const problems = checkBatch(batch, route);
      if (problems.length > 0) throw new RecordRejectedError(problems);
      created.push(batch);
      createdAssignments.push(
        planned.passengerIds.map((workerId) => ({
          id: newId(),
          batchId: batch.id,
          workerId,
          seats: [],
          boarding: 'pending',
          createdAt: at,
          updatedAt: at,
        })),
      );
    });

    await db.batches.bulkAdd(created);
    await db.assignments.bulkAdd(createdAssignments.flat());
    for (const [index, batch] of created.entries()) {
      await recordChange(db, { table: 'batches', recordId: batch.id, action: 'create', before: null, after: batch });
      const passengers = createdAssignments[index] ?? [];
      // Like the seat plan of `autoSeat`, the roster is one change to the batch.
      await recordChange(db, {
        table: 'batches',
        recordId: batch.id,
        action: 'update',
        before: { passengers: [] },
        after: {
          passengers: passengers.map((assignment) => ({ assignmentId: assignment.id, workerId: assignment.workerId })),
        },
      });
    }
    return created.map((batch) => batch.id);
  });
}
