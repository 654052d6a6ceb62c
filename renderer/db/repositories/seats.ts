/**
 * The seats of a batch's passengers (issue 4): automatic seating and a coordinator's moves and
 * swaps. The rules live in `shared/seating`; this module reads what they judge and writes what they
 * allow, with the audit rows, in one transaction.
 */
import type { Assignment, Batch, SeatPlace, Worker } from '@shared/domain/records';
import {
  allocateSeats,
  batchLoadFactor,
  checkSeatChange,
  vehicleCapacity,
  type SeatAllocation,
  type SeatChange,
  type SeatChangeProblem,
} from '@shared/seating';
import type { PlannerDatabase } from '../database';
import type { Change } from '../audit';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { RecordNotFoundError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { liveBatch, refuseIfLocked } from './batches';

/** Seats that passengers may take on each leg of the batch at the load factor. */
export function legCapacities(batch: Pick<Batch, 'legs'>, loadFactor: number): { legId: string; capacity: number }[] {
  return batch.legs.map((leg) => ({
    legId: leg.legId,
    capacity: leg.vehicles.reduce((sum, vehicle) => sum + vehicleCapacity(vehicle, loadFactor), 0),
  }));
}

/**
 * The one audit row on the batch for a change to many passengers' seats: a batch of 1,200 would
 * otherwise write 1,200 rows for one click, and the seat plan is read as a whole.
 */
export function seatPlanChange(batchId: string, changed: readonly { before: Assignment; after: Assignment }[]): Change {
  return {
    table: 'batches',
    recordId: batchId,
    action: 'update',
    before: { seats: changed.map(({ before }) => ({ workerId: before.workerId, seats: before.seats })) },
    after: { seats: changed.map(({ after }) => ({ workerId: after.workerId, seats: after.seats })) },
  };
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
  const settings = await getSettings();
  return auditedWrite(['batches', 'assignments', 'workers'], async ({ db, updateAll }) => {
    const batch = await liveBatch(db, batchId);
    refuseIfLocked(batch);
    const passengers = await passengersOf(db, batchId);
    const legs = batch.legs.filter((leg) => !options.legIds || options.legIds.includes(leg.legId));
    const outcome: AutoSeatOutcome = { legs: [] };
    const seatsByWorker = new Map(passengers.map(({ assignment }) => [assignment.workerId, assignment.seats]));
    for (const leg of legs) {
      const allocation = allocateSeats({
        vehicles: leg.vehicles,
        loadFactor: batchLoadFactor(batch, settings.loadFactor).loadFactor,
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
    await updateAll('assignments', changed, seatPlanChange(batchId, changed));
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
  const settings = await getSettings();
  await auditedWrite(['batches', 'assignments', 'workers'], async ({ db, update }) => {
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
      loadFactor: batchLoadFactor(batch, settings.loadFactor).loadFactor,
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
      await update('assignments', before, {
        ...before,
        seats: [...before.seats.filter((seat) => seat.legId !== legId), place],
        updatedAt: at,
      });
    }
  });
}
