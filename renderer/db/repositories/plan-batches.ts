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
import type {
  Assignment,
  Batch,
  BatchLeg,
  Enterprise,
  PovertyStatus,
  Route,
  Vehicle,
  Worker,
} from '@shared/domain/records';
import { checkBatch } from '@shared/domain/batch-rules';
import {
  checkPlanningOptions,
  chosenVehicles,
  expandDateRange,
  planBatches,
  type BatchProposal,
  type PlanningChoices,
} from '@shared/planning';
import { defaultReservedSeats } from '@shared/seating';
import { database, type PlannerDatabase } from '../database';
import { auditedWrite } from '../audited-write';
import { newAssignment } from '../assignment';
import { newId, now } from '../clock';
import { RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';

// The screen's choices and their checks are pure rules of shared/planning; the screen imports them from here.
export { PLANNING_PROBLEM_CODES, checkPlanningOptions, choiceCapacity, type LegVehicleChoice } from '@shared/planning';

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

/** The workers on a live batch that is not closed: they are not in the pool, and a proposal can not take them. */
function travellingWorkers(batches: readonly Batch[], assignments: readonly Assignment[]): Set<string> {
  const openBatches = new Set(
    batches.filter((batch) => isLive(batch) && batch.status !== 'closed').map((batch) => batch.id),
  );
  const travelling = new Set<string>();
  for (const assignment of assignments) {
    if (isLive(assignment) && openBatches.has(assignment.batchId)) travelling.add(assignment.workerId);
  }
  return travelling;
}

async function readPool(db: PlannerDatabase, filter: PlanningPoolFilter): Promise<PlanningPool> {
  const [workers, assignments, batches, enterprises, routes] = await Promise.all([
    db.workers.toArray(),
    db.assignments.toArray(),
    db.batches.toArray(),
    db.enterprises.toArray(),
    db.routes.toArray(),
  ]);
  const travelling = travellingWorkers(batches, assignments);
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

/** What the "Plan batches" screen asks for: its choices (checked in shared/planning) and the pool's filter. */
export interface ProposeBatchesOptions extends PlanningChoices {
  filter?: PlanningPoolFilter;
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
 * `shared/planning` for how, and for each leg's capacity (`chosenVehicles`) at the settings' load
 * factor. Refuses choices with problems (see `checkPlanningOptions`); writes nothing.
 */
export async function proposeBatches(options: ProposeBatchesOptions): Promise<BatchPlanningResult> {
  const { loadFactor } = await getSettings();
  const pool = await planningPool(options.filter ?? {});
  const problems = checkPlanningOptions(options, pool.routes, loadFactor);
  if (problems.length > 0) throw new RecordRejectedError(problems);

  const byId = new Map(pool.routes.map((route) => [route.id, route]));
  const routes = [...new Set(options.routeIds)].flatMap((id) => byId.get(id) ?? []);
  const { capacities, vehicles } = chosenVehicles(routes, options.vehicles, loadFactor);
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
  const coachPrefix = options.coachLabelPrefix?.trim() || DEFAULT_COACH_LABEL_PREFIX;
  return auditedWrite(['workers', 'assignments', 'batches', 'routes'], async ({ db, record }) => {
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

    const travelling = travellingWorkers(batches, assignments);
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
      createdAssignments.push(planned.passengerIds.map((workerId) => newAssignment(batch.id, workerId, at)));
    });

    await db.batches.bulkAdd(created);
    await db.assignments.bulkAdd(createdAssignments.flat());
    for (const [index, batch] of created.entries()) {
      await record({ table: 'batches', recordId: batch.id, action: 'create', before: null, after: batch });
      const passengers = createdAssignments[index] ?? [];
      // Like the seat plan of `autoSeat`, the roster is one change to the batch.
      await record({
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
