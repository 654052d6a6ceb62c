/**
 * Automatic batch planning (issue "Plan batches"): takes the pool of workers ready to travel,
 * turns the coordinator's choices into the planner's input (`shared/planning`), and saves a
 * proposal the coordinator accepted, in chunks of whole batches with their passengers.
 *
 * The pool comes from the workers directory (renderer/db/directory), which holds every live worker
 * in memory in its Web Worker and is brought up to date before it answers: at 100,000 workers
 * reading the workers table took 2 to 3 s of the 3 to 5 s from the click to the proposal, the
 * planning itself about 0.3 s (issue 15, item 13). The proposal is made there too, so the pool never
 * crosses to the screen's thread. The screen never reads the pool in a live query, which would read
 * it again on every change.
 */
import type { Assignment, AuditEntry, Batch, BatchLeg, Enterprise, Route, Vehicle } from '@shared/domain/records';
import { checkBatch } from '@shared/domain/batch-rules';
import {
  checkPlanningOptions,
  filterPool,
  openBatchIds,
  poolWorkers,
  travellingWorkers,
  type BatchPlanningResult,
  type BatchProposal,
  type PlannedBatch,
  type PlanningChoices,
  type PlanningPoolFilter,
  type PoolWorker,
  type ProposalRequest,
} from '@shared/planning';
import { defaultReservedSeats } from '@shared/seating';
import Dexie from 'dexie';
import { database, type PlannerDatabase } from '../database';
import { beginChange } from '../audit';
import { workerDirectory } from '../directory';
import { auditedWrite } from '../audited-write';
import { newAssignment } from '../assignment';
import { newId, now } from '../clock';
import { RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';

// The screen's choices and their checks are pure rules of shared/planning; the screen imports them from here.
export { PLANNING_PROBLEM_CODES, checkPlanningOptions, choiceCapacity, type LegVehicleChoice } from '@shared/planning';
export type {
  BatchPlanningResult,
  PlanningPerson,
  PlanningPoolFilter,
  PoolColumns,
  PoolWorker,
  ProposalRequest,
} from '@shared/planning';

/** The pool a proposal is made from, and what the planner needs beside it. */
export interface PlanningPool {
  /** Live workers ready to travel who match the filter, in primary-key order. */
  workers: PoolWorker[];
  /** Live receiving enterprises. */
  enterprises: Enterprise[];
  /** Live routes. */
  routes: Route[];
  /** Live workers matching the filter who are left out because they ride a live batch that is not closed. */
  onBatches: number;
  /** Live workers matching the filter who are left out because they travelled already or work at the enterprise. */
  arrived: number;
}

/** Who makes a proposal from the pool (see `proposeFromPool`): the workers directory, where the pool is. */
export type ProposalSource = (request: ProposalRequest) => Promise<BatchPlanningResult>;

/** The workers directory in its Web Worker: the workers in memory, brought up to date before each answer. */
const fromDirectory: ProposalSource = (request) => workerDirectory().propose(request);
let proposalSource: ProposalSource = fromDirectory;

/**
 * Points `proposeBatches` at another maker of proposals (tests run the directory's feed in Node,
 * where there is no Web Worker); null goes back to the workers directory.
 */
export function setProposalSource(source: ProposalSource | null): void {
  proposalSource = source ?? fromDirectory;
}

/**
 * The workers ready to travel (see `filterPool`) read from the tables: every worker, assignment
 * and batch, in one read transaction. At 100,000 workers that read took 2 to 3 s in Chromium, so
 * the screen plans from the workers directory instead (`proposeBatches`); this stays as the
 * reference the directory's pool is tested against.
 */
export async function planningPool(filter: PlanningPoolFilter = {}): Promise<PlanningPool> {
  const db = database();
  return db.transaction('r', [db.workers, db.assignments, db.batches, db.enterprises, db.routes], async () => {
    const [workers, assignments, batches, enterprises, routes] = await Promise.all([
      db.workers.toArray(),
      db.assignments.toArray(),
      db.batches.toArray(),
      db.enterprises.toArray(),
      db.routes.toArray(),
    ]);
    const liveEnterprises = enterprises.filter(isLive);
    const cityOf = new Map(liveEnterprises.map((enterprise) => [enterprise.id, enterprise.city]));
    const pool = filterPool(workers, travellingWorkers(batches, assignments), cityOf, filter);
    return {
      workers: poolWorkers(pool),
      enterprises: liveEnterprises,
      routes: routes.filter(isLive),
      onBatches: pool.onBatches,
      arrived: pool.arrived,
    };
  });
}

/** What the "Plan batches" screen asks for: its choices (checked in shared/planning) and the pool's filter. */
export interface ProposeBatchesOptions extends PlanningChoices {
  filter?: PlanningPoolFilter;
}

/**
 * Proposes batches for the pool matching `options.filter` on the chosen routes and days: see
 * `shared/planning` for how, and for each leg's capacity (`chosenVehicles`) at the settings' load
 * factor. Refuses choices with problems (see `checkPlanningOptions`) here, on the screen's thread,
 * where the refusal keeps its problems; the proposal itself is made where the pool is (the
 * workers directory's Web Worker). Writes nothing.
 */
export async function proposeBatches(options: ProposeBatchesOptions): Promise<BatchPlanningResult> {
  const db = database();
  const [{ loadFactor }, routes] = await Promise.all([getSettings(), db.routes.toArray()]);
  const problems = checkPlanningOptions(options, routes.filter(isLive), loadFactor);
  if (problems.length > 0) throw new RecordRejectedError(problems);
  return proposalSource({ ...options, loadFactor });
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

/** How far a save has come: whole batches with all their passengers stored so far. */
export interface SaveProposalProgress {
  savedBatches: number;
  savedPassengers: number;
  totalBatches: number;
  totalPassengers: number;
}

/** What a save stored. */
export interface SavedProposal {
  /** The new batches' ids, in the proposal's order: all of them, or the first ones when cancelled. */
  ids: string[];
  /** Their passengers. */
  passengers: number;
  /** False when the save was cancelled before the last chunk: the batches after `ids` were not stored. */
  complete: boolean;
}

/** How a save runs: in chunks, reporting after each, stopping between chunks when `signal` is aborted. */
export interface SaveProposalRun {
  /** Called after each chunk is stored. */
  onProgress?: (progress: SaveProposalProgress) => void;
  /** Aborted: the chunk being stored is finished, no further chunk is started. */
  signal?: AbortSignal;
  /**
   * Passengers a chunk holds at least (whole batches, so one batch may make it larger); see
   * `DEFAULT_CHUNK_PASSENGERS`.
   */
  chunkPassengers?: number;
}

/**
 * About a twentieth of a proposal for 100,000 workers (58,000 passengers): the bar moves twenty
 * times, and a cancel waits for one such chunk at most. A chosen size, not a measured optimum.
 */
const DEFAULT_CHUNK_PASSENGERS = 3000;

/** A save that stored its first chunks and then failed: those batches are saved, the rest are not. */
export class ProposalPartlySavedError extends Error {
  constructor(
    readonly saved: SavedProposal,
    readonly reason: unknown,
  ) {
    super(`the proposal was saved in part (${saved.ids.length} batches) and then failed: ${String(reason)}`);
    this.name = 'ProposalPartlySavedError';
  }
}

/** The proposal's batches cut into chunks of whole batches, each of at least `passengers` (but the last). */
function chunksOf(batches: readonly PlannedBatch[], passengers: number): { first: number; end: number }[] {
  const chunks: { first: number; end: number }[] = [];
  let first = 0;
  let size = 0;
  batches.forEach((batch, index) => {
    size += batch.passengerIds.length;
    if (size >= passengers) {
      chunks.push({ first, end: index + 1 });
      first = index + 1;
      size = 0;
    }
  });
  if (first < batches.length) chunks.push({ first, end: batches.length });
  return chunks;
}

/** Refuses a proposal that would seat a passenger twice: they would ride two batches. */
function checkNoPassengerTwice(proposal: BatchProposal): void {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const batch of proposal.batches) {
    for (const id of batch.passengerIds) {
      if (seen.has(id)) twice.push(id);
      seen.add(id);
    }
  }
  if (twice.length > 0) {
    throw new RecordRejectedError([
      {
        field: 'passengers',
        code: 'planning-passengers-taken',
        params: { count: twice.length, names: twice.slice(0, 5).join('、') },
      },
    ]);
  }
}

/**
 * What the save knows of the passengers it has yet to store, as of the audit row `auditHead`: the
 * last row of the table when they were last checked, which is the save's own last row after each
 * chunk. Every write records its audit row in its own transaction (audited-write.ts; the roster
 * import and a restore write one too), so while the table's last row is still `auditHead`, nothing
 * has been written since and the check still holds.
 */
interface PassengerCheck {
  auditHead: string | null;
  /** The passengers yet to store who were deleted or ride a live batch that is not closed, by name. */
  taken: Map<string, string>;
}

/**
 * Checks the passengers of batches `first` onwards in the chunk's transaction: those deleted or on
 * a live batch that is not closed (one of the save's own excepted). Reads the whole workers table in
 * one request when they are many (at 58,000 passengers of 100,000 workers, a `bulkGet` of them
 * took 5 s in Chromium, reading every worker under 2 s), and the assignments of the open batches
 * this save did not make.
 */
async function checkPassengers(
  db: PlannerDatabase,
  proposal: BatchProposal,
  first: number,
  ownBatchIds: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const passengerIds = proposal.batches.slice(first).flatMap((batch) => batch.passengerIds);
  const [workerCount, batches] = await Promise.all([db.workers.count(), db.batches.toArray()]);
  const earlierBatches = batches.filter((batch) => !ownBatchIds.has(batch.id));
  const open = openBatchIds(earlierBatches);
  const [workers, earlier] = await Promise.all([
    passengerIds.length * 5 < workerCount
      ? db.workers.bulkGet(passengerIds)
      : db.workers.toArray().then((all) => {
          const byId = new Map(all.map((worker) => [worker.id, worker]));
          return passengerIds.map((id) => byId.get(id));
        }),
    open.length === 0 ? [] : db.assignments.where('batchId').anyOf(open).toArray(),
  ]);
  const travelling = travellingWorkers(earlierBatches, earlier);
  const taken = new Map<string, string>();
  passengerIds.forEach((id, index) => {
    const worker = workers[index];
    if (!worker || !isLive(worker) || travelling.has(id)) taken.set(id, worker?.name ?? id);
  });
  return taken;
}

/**
 * Stores one chunk of the proposal (batches `first` to `end - 1`) in one transaction: the batches,
 * their passengers and their audit rows, or nothing. Refuses when a passenger of the chunk was
 * deleted or joined a live batch that is not closed, or when a route's legs changed. The passengers
 * are checked again (`checkPassengers`) in the first chunk and in any chunk that finds an audit row
 * written since the chunk before; otherwise the chunk reads its routes and the table's last audit row.
 */
async function saveChunk(
  proposal: BatchProposal,
  first: number,
  end: number,
  options: SaveProposalOptions,
  ownBatchIds: ReadonlySet<string>,
  check: PassengerCheck,
): Promise<string[]> {
  const coachPrefix = options.coachLabelPrefix?.trim() || DEFAULT_COACH_LABEL_PREFIX;
  const planned = proposal.batches.slice(first, end);
  return auditedWrite(['workers', 'assignments', 'batches', 'routes'], async ({ db }) => {
    const passengerIds = planned.flatMap((batch) => batch.passengerIds);
    const [routes, lastRow] = await Promise.all([
      db.routes.bulkGet([...new Set(planned.map((batch) => batch.routeId))]),
      db.audit.orderBy(':id').last(),
    ]);
    if (check.auditHead === null || lastRow?.id !== check.auditHead) {
      check.taken = await checkPassengers(db, proposal, first, ownBatchIds);
    }

    const liveRoutes = new Map(routes.flatMap((route) => (route && isLive(route) ? [[route.id, route]] : [])));
    for (const batch of planned) {
      const route = liveRoutes.get(batch.routeId);
      if (!route) throw new RecordRejectedError([{ field: 'routeIds', code: 'route-missing' }]);
      const legIds = route.legs.map((leg) => leg.id).join('/');
      if (batch.legs.map((leg) => leg.legId).join('/') !== legIds) {
        throw new RecordRejectedError([
          { field: 'routeIds', code: 'planning-route-changed', params: { name: route.name } },
        ]);
      }
    }

    const taken = passengerIds.flatMap((id) => {
      const name = check.taken.get(id);
      return name === undefined ? [] : [name];
    });
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
    planned.forEach((batchPlan, offset) => {
      const route = liveRoutes.get(batchPlan.routeId);
      const name = options.names?.[first + offset]?.trim() || batchPlan.suggestedName;
      const legs: BatchLeg[] = batchPlan.legs.map((leg) => ({
        legId: leg.legId,
        vehicles: vehiclesOf(leg, coachPrefix),
      }));
      const batch: Batch = {
        id: newId(),
        name,
        routeId: batchPlan.routeId,
        date: batchPlan.date,
        legs,
        organizer: '',
        escorts: [],
        medics: [],
        status: 'draft',
        overrides: [],
        notes: '',
        createdAt: at,
        updatedAt: at,
        // Stored by bulkAdd, not auditedWrite's `create`: stamped here as `create` would (docs/architecture.md#data).
        revision: 1,
      };
      // The planner's vehicles pass the batch rules by construction; a failure here is a bug, not a refusal.
      const problems = checkBatch(batch, route);
      if (problems.length > 0) throw new RecordRejectedError(problems);
      created.push(batch);
      createdAssignments.push(batchPlan.passengerIds.map((workerId) => newAssignment(batch.id, workerId, at)));
    });

    // The audit rows' reads (operator, end of the chain) once for the chunk, not once a row; the
    // rows are sealed in order and all asked for at once, after the writes.
    const [seal] = await Dexie.Promise.all([
      beginChange(db),
      db.batches.bulkAdd(created),
      db.assignments.bulkAdd(createdAssignments.flat()),
    ]);
    const rows: Promise<AuditEntry>[] = [];
    for (const [index, batch] of created.entries()) {
      rows.push(seal({ table: 'batches', recordId: batch.id, action: 'create', before: null, after: batch }));
      const passengers = createdAssignments[index] ?? [];
      // Like the seat plan of `autoSeat`, the roster is one change to the batch.
      rows.push(
        seal({
          table: 'batches',
          recordId: batch.id,
          action: 'update',
          before: { passengers: [] },
          after: {
            passengers: passengers.map((assignment) => ({
              assignmentId: assignment.id,
              workerId: assignment.workerId,
            })),
          },
        }),
      );
    }
    const written = await Dexie.Promise.all(rows);
    check.auditHead = written.at(-1)?.id ?? lastRow?.id ?? null;
    for (const id of passengerIds) check.taken.delete(id);
    return created.map((batch) => batch.id);
  });
}

/**
 * Saves a proposal: every batch with its legs and vehicles, and one assignment per passenger,
 * unseated. A batch starts as a draft, as a batch made by hand does: its coaches are placeholders,
 * and it has no organizer and no escorts yet, which the coordinator adds before moving it on to
 * "planned".
 *
 * In chunks of whole batches (`run.chunkPassengers` passengers or more), one transaction each: a
 * chunk stores its batches, all their passengers and their audit rows, or nothing, so no batch is
 * ever stored without its passengers. After each chunk `run.onProgress` hears how far the save
 * has come; once `run.signal` is aborted no further chunk starts, and the answer says which
 * batches were stored (`complete` false). At 58,000 passengers one transaction took about 8 s with
 * nothing to show and no way out.
 *
 * Refuses, writing nothing, when a proposed passenger is on the proposal twice, joined a live batch
 * (not closed) or was deleted after the proposal was made, or when a route's legs changed: the
 * coordinator makes a new proposal. When that is found in a later chunk, the chunks before it stay
 * stored and a `ProposalPartlySavedError` says which. Audit rows: one per batch for its creation
 * and one per batch listing its assignments (ids and workers; the rest is the same for all:
 * unseated, boarding pending), rather than one per assignment, which would double the rows written
 * for 100,000 passengers and tell nothing more.
 */
export async function saveProposal(
  proposal: BatchProposal,
  options: SaveProposalOptions = {},
  run: SaveProposalRun = {},
): Promise<SavedProposal> {
  checkNoPassengerTwice(proposal);
  const totalBatches = proposal.batches.length;
  const totalPassengers = proposal.batches.reduce((sum, batch) => sum + batch.passengerIds.length, 0);
  const saved: SavedProposal = { ids: [], passengers: 0, complete: false };
  const check: PassengerCheck = { auditHead: null, taken: new Map() };
  for (const { first, end } of chunksOf(proposal.batches, run.chunkPassengers ?? DEFAULT_CHUNK_PASSENGERS)) {
    if (run.signal?.aborted) return saved;
    let ids: string[];
    try {
      ids = await saveChunk(proposal, first, end, options, new Set(saved.ids), check);
    } catch (error) {
      if (saved.ids.length === 0) throw error;
      throw new ProposalPartlySavedError({ ...saved }, error);
    }
    saved.ids.push(...ids);
    for (let index = first; index < end; index++) saved.passengers += proposal.batches[index]?.passengerIds.length ?? 0;
    run.onProgress?.({
      savedBatches: saved.ids.length,
      savedPassengers: saved.passengers,
      totalBatches,
      totalPassengers,
    });
  }
  saved.complete = true;
  return saved;
}
