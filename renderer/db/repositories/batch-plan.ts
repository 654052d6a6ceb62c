/**
 * Seats, checklist ticks, the five-unifications gate and status steps of a batch (issue 4). The
 * rules live in `shared/seating` and `shared/gate`; this module reads what they judge and writes
 * what they allow, with the audit rows, in one transaction.
 */
import type { Assignment, Batch, BatchStatus, ChecklistTick, SeatPlace, Worker } from '../../../shared/domain/records';
import { beijingTimestamp } from '../../../shared/dates';
import { CHECKLIST_ITEMS, checkStatusStep, evaluateGate, hasHandoverContact } from '../../../shared/gate';
import type { GateReport, StatusStepResult } from '../../../shared/gate';
import {
  allocateSeats,
  checkSeatChange,
  vehicleCapacity,
  type SeatAllocation,
  type SeatChange,
  type SeatChangeProblem,
} from '../../../shared/seating';
import { database, type PlannerDatabase } from '../database';
import { recordChange } from '../audit';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { getSettings } from './settings';
import { liveBatch, refuseIfLocked } from './batches';

const isLive = (record: { deletedAt?: string | null }): boolean => !record.deletedAt;

/** Seats that passengers may take on each leg of the batch at the load factor. */
export function legCapacities(batch: Pick<Batch, 'legs'>, loadFactor: number): { legId: string; capacity: number }[] {
  return batch.legs.map((leg) => ({
    legId: leg.legId,
    capacity: leg.vehicles.reduce((sum, vehicle) => sum + vehicleCapacity(vehicle, loadFactor), 0),
  }));
}

/** A passenger as the seating rules see them; a village is told apart by county and township too. */
const seatingPassenger = (worker: Worker) => ({
  workerId: worker.id,
  household: worker.household,
  villageKey: `${worker.county}/${worker.township}/${worker.village}`,
  enterpriseId: worker.enterpriseId,
});

async function passengersOf(
  db: PlannerDatabase,
  batchId: string,
): Promise<{ assignment: Assignment; worker: Worker }[]> {
  const assignments = (await db.assignments.where('batchId').equals(batchId).toArray()).filter(isLive);
  const workers = await db.workers.bulkGet(assignments.map((assignment) => assignment.workerId));
  return assignments.flatMap((assignment, index) => {
    const worker = workers[index];
    return worker ? [{ assignment, worker }] : [];
  });
}

/** What automatic seating did on each leg. */
export interface AutoSeatOutcome {
  legs: { legId: string; allocation: SeatAllocation }[];
}

/**
 * Seats every passenger on the given legs (all legs when none is given) with the allocation of
 * `shared/seating`. With `keepCurrent`, seats already taken stay as they are where they keep the
 * rules, so a coordinator's moves survive adding a few late passengers.
 */
export async function autoSeat(
  batchId: string,
  options: { legIds?: readonly string[]; keepCurrent?: boolean } = {},
): Promise<AutoSeatOutcome> {
  const db = database();
  const { loadFactor } = await getSettings();
  return db.transaction('rw', [db.batches, db.assignments, db.workers, db.audit, db.settings], async () => {
    const batch = await liveBatch(db, batchId);
    refuseIfLocked(batch);
    const passengers = await passengersOf(db, batchId);
    const legs = batch.legs.filter((leg) => !options.legIds || options.legIds.includes(leg.legId));
    const outcome: AutoSeatOutcome = { legs: [] };
    const seatsByWorker = new Map(passengers.map(({ assignment }) => [assignment.workerId, assignment.seats]));
    for (const leg of legs) {
      const allocation = allocateSeats({
        vehicles: leg.vehicles,
        loadFactor,
        passengers: passengers.map(({ worker }) => seatingPassenger(worker)),
        keep: options.keepCurrent
          ? passengers.flatMap(({ assignment }) =>
              assignment.seats
                .filter((seat) => seat.legId === leg.legId)
                .map((seat) => ({ workerId: assignment.workerId, vehicleId: seat.vehicleId, seat: seat.seat })),
            )
          : [],
      });
      const seated = new Map(allocation.seats.map((seat) => [seat.workerId, seat]));
      for (const [workerId, seats] of seatsByWorker) {
        const place = seated.get(workerId);
        const others = seats.filter((seat) => seat.legId !== leg.legId);
        seatsByWorker.set(
          workerId,
          place ? [...others, { legId: leg.legId, vehicleId: place.vehicleId, seat: place.seat }] : others,
        );
      }
      outcome.legs.push({ legId: leg.legId, allocation });
    }
    const at = now();
    const changed: { before: Assignment; after: Assignment }[] = [];
    for (const { assignment } of passengers) {
      const seats = seatsByWorker.get(assignment.workerId) ?? [];
      if (JSON.stringify(seats) === JSON.stringify(assignment.seats)) continue;
      changed.push({ before: assignment, after: { ...assignment, seats, updatedAt: at } });
    }
    await db.assignments.bulkPut(changed.map(({ after }) => after));
    // One audit row for the whole seat plan: a batch of 1,200 would otherwise write 1,200 rows for
    // one click, and the seat plan is read as a whole.
    if (changed.length > 0) {
      await recordChange(db, {
        table: 'batches',
        recordId: batchId,
        action: 'update',
        before: { seats: changed.map(({ before }) => ({ workerId: before.workerId, seats: before.seats })) },
        after: { seats: changed.map(({ after }) => ({ workerId: after.workerId, seats: after.seats })) },
      });
    }
    return outcome;
  });
}

/** Thrown when a coordinator's seat change breaks a seating rule; nothing was written. */
export class SeatChangeRefusedError extends Error {
  readonly problems: SeatChangeProblem[];

  constructor(problems: SeatChangeProblem[]) {
    super(`seat change refused: ${problems.map((problem) => problem.code).join(', ')}`);
    this.name = 'SeatChangeRefusedError';
    this.problems = problems;
  }
}

/** Moves a passenger to a free seat, or swaps two passengers, on one leg, if the rules allow it. */
export async function changeSeat(batchId: string, legId: string, change: SeatChange): Promise<void> {
  const db = database();
  const { loadFactor } = await getSettings();
  await db.transaction('rw', [db.batches, db.assignments, db.workers, db.audit, db.settings], async () => {
    const batch = await liveBatch(db, batchId);
    refuseIfLocked(batch);
    const leg = batch.legs.find((candidate) => candidate.legId === legId);
    if (!leg) throw new RecordNotFoundError('legs', legId);
    const passengers = await passengersOf(db, batchId);
    const seats = passengers.flatMap(({ assignment }) =>
      assignment.seats
        .filter((seat) => seat.legId === legId)
        .map((seat) => ({ workerId: assignment.workerId, vehicleId: seat.vehicleId, seat: seat.seat })),
    );
    const problems = checkSeatChange({
      vehicles: leg.vehicles,
      loadFactor,
      passengers: passengers.map(({ worker }) => seatingPassenger(worker)),
      seats,
      change,
    });
    if (problems.length > 0) throw new SeatChangeRefusedError(problems);
    const byWorker = new Map(passengers.map(({ assignment }) => [assignment.workerId, assignment]));
    const placeOf = (workerId: string): SeatPlace | undefined =>
      byWorker.get(workerId)?.seats.find((seat) => seat.legId === legId);
    const next = new Map<string, SeatPlace>();
    if (change.kind === 'move') {
      next.set(change.workerId, { legId, vehicleId: change.to.vehicleId, seat: change.to.seat });
    } else {
      const [a, b] = change.workerIds;
      const [placeA, placeB] = [placeOf(a), placeOf(b)];
      if (placeA && placeB) {
        next.set(a, placeB);
        next.set(b, placeA);
      }
    }
    const at = now();
    for (const [workerId, place] of next) {
      const before = byWorker.get(workerId);
      if (!before) continue;
      const after: Assignment = {
        ...before,
        seats: [...before.seats.filter((seat) => seat.legId !== legId), place],
        updatedAt: at,
      };
      await db.assignments.put(after);
      await recordChange(db, { table: 'assignments', recordId: before.id, action: 'update', before, after });
    }
  });
}

/** Live ticks of a batch. */
export async function listTicks(batchId: string): Promise<ChecklistTick[]> {
  return (await database().checklistTicks.where('batchId').equals(batchId).toArray()).filter(isLive);
}

/**
 * Ticks a checklist item in the operator's name, now. An item that asks for a note (a charter
 * sign number, an insurance policy number) is refused without one.
 */
export async function tickItem(batchId: string, itemKey: string, note: string): Promise<ChecklistTick> {
  const db = database();
  const item = CHECKLIST_ITEMS.find((candidate) => candidate.key === itemKey);
  if (!item || item.kind !== 'ticked') throw new RecordNotFoundError('checklist items', itemKey);
  const text = note.trim();
  if (item.note?.required && text === '') {
    throw new RecordRejectedError([{ field: 'note', code: 'required' }]);
  }
  const { operatorName } = await getSettings();
  if (operatorName.trim() === '') throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
  return db.transaction('rw', [db.batches, db.checklistTicks, db.audit, db.settings], async () => {
    refuseIfLocked(await liveBatch(db, batchId));
    const at = now();
    const tick: ChecklistTick = {
      id: newId(),
      batchId,
      item: itemKey,
      tickedBy: operatorName.trim(),
      tickedAt: at,
      note: text,
      createdAt: at,
      updatedAt: at,
    };
    await db.checklistTicks.add(tick);
    await recordChange(db, { table: 'checklistTicks', recordId: tick.id, action: 'create', before: null, after: tick });
    return tick;
  });
}

/** Withdraws every live tick of an item on a batch (the item is open again); audited. */
export async function untickItem(batchId: string, itemKey: string): Promise<void> {
  const db = database();
  await db.transaction('rw', [db.batches, db.checklistTicks, db.audit, db.settings], async () => {
    refuseIfLocked(await liveBatch(db, batchId));
    const at = now();
    const ticks = (await db.checklistTicks.where('[batchId+item]').equals([batchId, itemKey]).toArray()).filter(isLive);
    for (const before of ticks) {
      const after: ChecklistTick = { ...before, deletedAt: at, updatedAt: at };
      await db.checklistTicks.put(after);
      await recordChange(db, { table: 'checklistTicks', recordId: before.id, action: 'delete', before, after });
    }
  });
}

/** The gate of a batch as it stands, from the records. */
export async function batchGate(batchId: string): Promise<GateReport> {
  const db = database();
  const settings = await getSettings();
  return db.transaction(
    'r',
    [db.batches, db.routes, db.assignments, db.workers, db.enterprises, db.checklistTicks, db.healthChecks],
    async () => gateOf(db, await liveBatch(db, batchId), settings.loadFactor, settings.checkValidityHours),
  );
}

async function gateOf(
  db: PlannerDatabase,
  batch: Batch,
  loadFactor: number,
  checkValidityHours: number,
): Promise<GateReport> {
  const assignments = await db.assignments.where('batchId').equals(batch.id).toArray();
  const workers = await db.workers.bulkGet([...new Set(assignments.map((assignment) => assignment.workerId))]);
  const workerById = new Map(workers.flatMap((worker) => (worker ? [[worker.id, worker] as const] : [])));
  const enterpriseIds = [...new Set(workers.flatMap((worker) => (worker?.enterpriseId ? [worker.enterpriseId] : [])))];
  const enterprises = new Map(
    (await db.enterprises.bulkGet(enterpriseIds)).flatMap((enterprise) =>
      enterprise && isLive(enterprise) ? [[enterprise.id, enterprise] as const] : [],
    ),
  );
  const route = await db.routes.get(batch.routeId);
  const firstLeg = route?.legs[0];
  const ticks = await db.checklistTicks.where('batchId').equals(batch.id).toArray();
  const checks = (await db.healthChecks.where('batchId').equals(batch.id).toArray()).filter(isLive);
  return evaluateGate({
    batch,
    passengers: assignments.map((assignment) => {
      const worker = workerById.get(assignment.workerId);
      const enterprise = worker?.enterpriseId ? enterprises.get(worker.enterpriseId) : undefined;
      return {
        workerId: assignment.workerId,
        name: worker?.name ?? '',
        addedAt: assignment.createdAt,
        removedAt: assignment.deletedAt ?? null,
        seatedLegIds: assignment.seats.map((seat) => seat.legId),
        enterpriseId: enterprise ? enterprise.id : null,
        enterpriseHasHandoverContact: enterprise ? hasHandoverContact(enterprise) : false,
      };
    }),
    legCapacities: legCapacities(batch, loadFactor),
    ticks,
    healthChecks: checks,
    // The station exists: every passenger needs a passing check inside the window.
    healthCheckStation: true,
    departureAt: beijingTimestamp(batch.date, firstLeg?.departureMinutes ?? 0),
    checkValidityHours,
  });
}

/**
 * Moves a batch one status forward if the gate allows it, or with an override (a written reason)
 * when it does not; the override is stored on the batch and audited with the reason.
 */
export async function changeBatchStatus(
  batchId: string,
  to: BatchStatus,
  override?: { reason: string },
): Promise<StatusStepResult> {
  const db = database();
  const settings = await getSettings();
  return db.transaction(
    'rw',
    [
      db.batches,
      db.routes,
      db.assignments,
      db.workers,
      db.enterprises,
      db.checklistTicks,
      db.healthChecks,
      db.audit,
      db.settings,
    ],
    async () => {
      const before = await liveBatch(db, batchId);
      const report = await gateOf(db, before, settings.loadFactor, settings.checkValidityHours);
      const at = now();
      const result = checkStatusStep(
        before.status,
        to,
        report,
        override ? { reason: override.reason, by: settings.operatorName.trim(), at } : undefined,
      );
      if (!result.allowed) return result;
      const after: Batch = {
        ...before,
        status: to,
        overrides: result.override ? [...before.overrides, result.override] : before.overrides,
        updatedAt: at,
      };
      await db.batches.put(after);
      await recordChange(db, {
        table: 'batches',
        recordId: batchId,
        action: 'update',
        before,
        after,
        ...(result.override ? { reason: result.override.reason } : {}),
      });
      return result;
    },
  );
}
