/**
 * Batches, their passengers and their seats (issue 4). Every write checks the rules in `shared/`
 * first and writes the change with its audit rows in one transaction, so a refused change leaves
 * nothing behind and a moved or removed passenger keeps their history.
 */
import {
  BATCH_STATUSES,
  type Assignment,
  type AuditEntry,
  type Batch,
  type BatchStatus,
  type Enterprise,
  type Route,
  type SeatPlace,
  type Worker,
} from '@shared/domain/records';
import {
  checkBatch,
  normalizeBatchInput,
  travelWindow,
  windowsOverlap,
  type BatchInput,
  type TravelWindow,
} from '@shared/domain/batch-rules';
import type { FieldProblem } from '@shared/domain/problems';
import { database, type PlannerDatabase } from '../database';
import { historyOf } from '../audit';
import { auditedWrite, type AuditedWrite } from '../audited-write';
import { newAssignment } from '../assignment';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';

/** From "departed" on, a batch is on the road or done: its roster, seats and vehicles stay as they were. */
export function isBatchLocked(status: BatchStatus): boolean {
  return BATCH_STATUSES.indexOf(status) >= BATCH_STATUSES.indexOf('departed');
}

export interface BatchRow {
  batch: Batch;
  routeName: string;
  passengers: number;
}

/** Live batches, soonest first, with their route's name and passenger count. */
export async function listBatches(): Promise<BatchRow[]> {
  const db = database();
  const [batches, routes, assignments] = await Promise.all([
    db.batches.toArray(),
    db.routes.toArray(),
    db.assignments.toArray(),
  ]);
  const routeNames = new Map(routes.map((route) => [route.id, route.name]));
  const counts = new Map<string, number>();
  for (const assignment of assignments) {
    if (isLive(assignment)) counts.set(assignment.batchId, (counts.get(assignment.batchId) ?? 0) + 1);
  }
  const collator = new Intl.Collator('zh-CN');
  return batches
    .filter(isLive)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : collator.compare(a.name, b.name)))
    .map((batch) => ({ batch, routeName: routeNames.get(batch.routeId) ?? '', passengers: counts.get(batch.id) ?? 0 }));
}

/** One batch, deleted or not. */
export function getBatch(id: string): Promise<Batch | undefined> {
  return database().batches.get(id);
}

/** The batch, unless it is gone or deleted (then RecordNotFoundError). */
export async function liveBatch(db: PlannerDatabase, id: string): Promise<Batch> {
  const batch = await db.batches.get(id);
  if (!batch || batch.deletedAt) throw new RecordNotFoundError('batches', id);
  return batch;
}

function refuse(field: string, code: string, params?: FieldProblem['params']): never {
  throw new RecordRejectedError([{ field, code, ...(params ? { params } : {}) }]);
}

/** Refuses any change to a batch that has departed: its roster, seats and vehicles stay as they were. */
export function refuseIfLocked(batch: Batch): void {
  if (isBatchLocked(batch.status)) refuse('status', 'batch-locked', { name: batch.name });
}

async function liveAssignments(db: PlannerDatabase, batchId: string): Promise<Assignment[]> {
  return (await db.assignments.where('batchId').equals(batchId).toArray()).filter(isLive);
}

/** A worker already travelling in another batch at an overlapping time. */
export interface TravelConflict {
  workerId: string;
  name: string;
  batchId: string;
  batchName: string;
}

/**
 * The workers among `workerIds` who ride another live batch (not `exceptBatchIds`) whose journey
 * overlaps `window`.
 */
async function travelConflicts(
  db: PlannerDatabase,
  workerIds: readonly string[],
  window: TravelWindow | null,
  exceptBatchIds: readonly string[],
): Promise<TravelConflict[]> {
  if (!window || workerIds.length === 0) return [];
  const assignments = (
    await db.assignments
      .where('workerId')
      .anyOf([...workerIds])
      .toArray()
  ).filter((assignment) => isLive(assignment) && !exceptBatchIds.includes(assignment.batchId));
  if (assignments.length === 0) return [];
  const batchIds = [...new Set(assignments.map((assignment) => assignment.batchId))];
  const batches = (await db.batches.bulkGet(batchIds)).filter((batch): batch is Batch => !!batch && isLive(batch));
  const routes = new Map(
    (await db.routes.bulkGet([...new Set(batches.map((batch) => batch.routeId))]))
      .filter((route): route is Route => route !== undefined)
      .map((route) => [route.id, route]),
  );
  const overlapping = new Map<string, Batch>();
  for (const batch of batches) {
    const route = routes.get(batch.routeId);
    const other = route ? travelWindow(batch.date, route) : null;
    if (other && windowsOverlap(window, other)) overlapping.set(batch.id, batch);
  }
  const workers = new Map(
    (await db.workers.bulkGet([...new Set(assignments.map((assignment) => assignment.workerId))]))
      .filter((worker): worker is Worker => worker !== undefined)
      .map((worker) => [worker.id, worker]),
  );
  return assignments.flatMap((assignment) => {
    const batch = overlapping.get(assignment.batchId);
    if (!batch) return [];
    return [
      {
        workerId: assignment.workerId,
        name: workers.get(assignment.workerId)?.name ?? '',
        batchId: batch.id,
        batchName: batch.name,
      },
    ];
  });
}

function conflictProblem(conflicts: readonly TravelConflict[]): FieldProblem {
  return {
    field: 'passengers',
    code: 'passengers-travel-overlap',
    params: {
      count: conflicts.length,
      names: conflicts
        .slice(0, 5)
        .map((conflict) => `${conflict.name}（${conflict.batchName}）`)
        .join('、'),
    },
  };
}

/** Seats on vehicles that no longer exist are dropped; a leg without vehicles seats nobody. */
function keepSeatsOn(batch: Pick<Batch, 'legs'>, seats: readonly SeatPlace[]): SeatPlace[] {
  const vehicles = new Set(batch.legs.flatMap((leg) => leg.vehicles.map((vehicle) => `${leg.legId}/${vehicle.id}`)));
  return seats.filter((seat) => vehicles.has(`${seat.legId}/${seat.vehicleId}`));
}

/** A new batch starts as a draft, with every vehicle's reserved seats as given. */
export async function createBatch(input: BatchInput): Promise<Batch> {
  return auditedWrite(['batches', 'routes'], async ({ db, create }) => {
    const route = await db.routes.get(input.routeId);
    const problems = checkBatch(input, route && isLive(route) ? route : undefined);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const at = now();
    const batch: Batch = {
      ...normalizeBatchInput(input),
      id: newId(),
      status: 'draft',
      overrides: [],
      createdAt: at,
      updatedAt: at,
    };
    return create('batches', batch);
  });
}

/**
 * Changes what a coordinator edits on a batch. A new date or route must not make any passenger ride
 * two batches at once; seats on vehicles taken off the batch are freed (those passengers show as
 * not seated, and the gate says so). `basedOn` is the batch as the form loaded it (see updateWorker).
 */
export async function updateBatch(id: string, input: BatchInput, basedOn: Batch): Promise<Batch> {
  return auditedWrite(['batches', 'routes', 'assignments', 'workers'], async ({ db, update }) => {
    const before = await liveBatch(db, id);
    refuseIfLocked(before);
    const route = await db.routes.get(input.routeId);
    const usable = route && (isLive(route) || route.id === before.routeId) ? route : undefined;
    const problems = checkBatch(input, usable);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const after: Batch = { ...before, ...normalizeBatchInput(input), updatedAt: now() };
    const assignments = await liveAssignments(db, id);
    if (usable && (before.date !== after.date || before.routeId !== after.routeId)) {
      const conflicts = await travelConflicts(
        db,
        assignments.map((assignment) => assignment.workerId),
        travelWindow(after.date, usable),
        [id],
      );
      if (conflicts.length > 0) throw new RecordRejectedError([conflictProblem(conflicts)]);
    }
    const stored = await update('batches', before, after, { basedOn });
    for (const assignment of assignments) {
      const seats = keepSeatsOn(after, assignment.seats);
      if (seats.length === assignment.seats.length) continue;
      await update('assignments', assignment, { ...assignment, seats, updatedAt: after.updatedAt });
    }
    return stored;
  });
}

/** Deletes a batch and takes its passengers off it (they can join another); both stay stored for the history. */
export async function deleteBatch(id: string): Promise<void> {
  await auditedWrite(['batches', 'assignments'], async ({ db, update }) => {
    const before = await liveBatch(db, id);
    refuseIfLocked(before);
    const at = now();
    await update('batches', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
    for (const assignment of await liveAssignments(db, id)) {
      await update('assignments', assignment, { ...assignment, deletedAt: at, updatedAt: at }, { action: 'delete' });
    }
  });
}

/** A passenger as the batch's pages show them. */
export interface Passenger {
  assignment: Assignment;
  worker: Worker;
  enterprise: Enterprise | null;
}

/** The live passengers of a batch, by county, village, household and name. */
export async function listPassengers(batchId: string): Promise<Passenger[]> {
  const db = database();
  const assignments = await liveAssignments(db, batchId);
  const workers = await db.workers.bulkGet(assignments.map((assignment) => assignment.workerId));
  const enterpriseIds = [...new Set(workers.flatMap((worker) => (worker?.enterpriseId ? [worker.enterpriseId] : [])))];
  const enterprises = new Map(
    (await db.enterprises.bulkGet(enterpriseIds))
      .filter((enterprise): enterprise is Enterprise => enterprise !== undefined)
      .map((enterprise) => [enterprise.id, enterprise]),
  );
  const collator = new Intl.Collator('zh-CN');
  const passengers: Passenger[] = [];
  assignments.forEach((assignment, index) => {
    const worker = workers[index];
    if (!worker) return;
    passengers.push({ assignment, worker, enterprise: enterprises.get(worker.enterpriseId ?? '') ?? null });
  });
  const key = ({ worker }: Passenger) => [
    worker.county,
    worker.township,
    worker.village,
    worker.household,
    worker.name,
  ];
  return passengers.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const order = collator.compare(ka[i] ?? '', kb[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** What became of each worker a coordinator asked to add (or move). */
export interface AddOutcome {
  added: string[];
  /** On the batch already. */
  already: string[];
  /** Riding another batch at an overlapping time: not added. */
  conflicts: TravelConflict[];
  /** Not registered, or deleted. */
  unknown: string[];
}

async function addTo(
  { db, createAll }: AuditedWrite,
  batch: Batch,
  workerIds: readonly string[],
  exceptBatchIds: readonly string[],
): Promise<AddOutcome & { created: Assignment[] }> {
  const outcome: AddOutcome & { created: Assignment[] } = {
    added: [],
    already: [],
    conflicts: [],
    unknown: [],
    created: [],
  };
  const on = new Set((await liveAssignments(db, batch.id)).map((assignment) => assignment.workerId));
  const unique = [...new Set(workerIds)];
  const workers = await db.workers.bulkGet(unique);
  const candidates: string[] = [];
  unique.forEach((id, index) => {
    const worker = workers[index];
    if (!worker || worker.deletedAt) outcome.unknown.push(id);
    else if (on.has(id)) outcome.already.push(id);
    else candidates.push(id);
  });
  const route = await db.routes.get(batch.routeId);
  const window = route ? travelWindow(batch.date, route) : null;
  outcome.conflicts = await travelConflicts(db, candidates, window, [batch.id, ...exceptBatchIds]);
  const blocked = new Set(outcome.conflicts.map((conflict) => conflict.workerId));
  const at = now();
  for (const workerId of candidates) {
    if (blocked.has(workerId)) continue;
    outcome.created.push(newAssignment(batch.id, workerId, at));
    outcome.added.push(workerId);
  }
  await createAll('assignments', outcome.created);
  return outcome;
}

const PASSENGER_TABLES = ['batches', 'routes', 'assignments', 'workers'] as const;

/**
 * Adds workers to a batch, unseated. A worker on another batch whose journey overlaps is refused
 * (named in the outcome); one without a receiving enterprise may be added, and the gate then keeps
 * the batch from "ready".
 */
export async function addPassengers(batchId: string, workerIds: readonly string[]): Promise<AddOutcome> {
  return auditedWrite(PASSENGER_TABLES, async (write) => {
    const batch = await liveBatch(write.db, batchId);
    refuseIfLocked(batch);
    const { created: _created, ...outcome } = await addTo(write, batch, workerIds, []);
    return outcome;
  });
}

async function takeOff(
  { db, update }: AuditedWrite,
  batchId: string,
  workerIds: readonly string[],
  movedToBatchId: string | null,
): Promise<number> {
  const wanted = new Set(workerIds);
  const at = now();
  let removed = 0;
  for (const assignment of await liveAssignments(db, batchId)) {
    if (!wanted.has(assignment.workerId)) continue;
    const after: Assignment = {
      ...assignment,
      deletedAt: at,
      updatedAt: at,
      ...(movedToBatchId ? { movedToBatchId } : {}),
    };
    await update('assignments', assignment, after, { action: 'delete' });
    removed += 1;
  }
  return removed;
}

/** Takes passengers off a batch; their assignment stays stored (deleted) with its history. */
export async function removePassengers(batchId: string, workerIds: readonly string[]): Promise<number> {
  return auditedWrite(['batches', 'assignments'], async (write) => {
    refuseIfLocked(await liveBatch(write.db, batchId));
    return takeOff(write, batchId, workerIds, null);
  });
}

/**
 * Moves passengers to another batch: they join it (unseated) and leave this one, which keeps a
 * record of where they went. A passenger who can not join (overlap) stays where they are.
 */
export async function movePassengers(
  fromBatchId: string,
  toBatchId: string,
  workerIds: readonly string[],
): Promise<AddOutcome> {
  if (fromBatchId === toBatchId) refuse('batchId', 'move-same-batch');
  return auditedWrite(PASSENGER_TABLES, async (write) => {
    const { db } = write;
    const from = await liveBatch(db, fromBatchId);
    const to = await liveBatch(db, toBatchId);
    refuseIfLocked(from);
    refuseIfLocked(to);
    const onFrom = new Set((await liveAssignments(db, fromBatchId)).map((assignment) => assignment.workerId));
    const moving = workerIds.filter((id) => onFrom.has(id));
    const { created: _created, ...outcome } = await addTo(write, to, moving, [fromBatchId]);
    await takeOff(write, fromBatchId, [...outcome.added, ...outcome.already], toBatchId);
    return outcome;
  });
}

/** Every change to a batch, oldest first. */
export function batchHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'batches', id);
}
