import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  autoSeat,
  changeSeat,
  createBatch,
  listPassengers,
  saveRoute,
  SeatChangeRefusedError,
  type PlannerDatabase,
} from '@renderer/db';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { freshDatabaseWithOperator, registerWorkers } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

const registered = (count: number, enterpriseId: string | null = null) => registerWorkers(db, count, enterpriseId);

const batchInput = makeBatchInput;

describe('seating a batch', () => {
  it('seats everyone within the load factor, swaps two passengers, and refuses a move onto a reserved seat', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const input = batchInput(route);
    const batch = await createBatch(input);
    const workers = await registered(30);
    await addPassengers(
      batch.id,
      workers.map((w) => w.id),
    );
    const outcome = await autoSeat(batch.id);
    const coachLeg = outcome.legs[0];
    // A 45-seat coach at 50% takes 22 passengers: the rest are named as unseated.
    const seatedOnCoach = coachLeg?.allocation.seats.length ?? 0;
    expect(seatedOnCoach).toBeLessThanOrEqual(22);
    expect(seatedOnCoach + (coachLeg?.allocation.unseated.length ?? 0)).toBe(30);
    const passengers = await listPassengers(batch.id);
    const trainLegId = route.legs[1]?.id ?? '';
    expect(passengers.every((p) => p.assignment.seats.some((seat) => seat.legId === trainLegId))).toBe(true);

    const seatOf = async (workerId: string) =>
      (await listPassengers(batch.id))
        .find((p) => p.worker.id === workerId)
        ?.assignment.seats.find((seat) => seat.legId === trainLegId)?.seat;
    const [a, b] = workers;
    const [seatA, seatB] = [await seatOf(a?.id ?? ''), await seatOf(b?.id ?? '')];
    await changeSeat(batch.id, trainLegId, { kind: 'swap', workerIds: [a?.id ?? '', b?.id ?? ''] });
    expect([await seatOf(a?.id ?? ''), await seatOf(b?.id ?? '')]).toEqual([seatB, seatA]);

    const stored = await db.batches.get(batch.id);
    const [coachLegPlan, trainLegPlan] = stored?.legs ?? [];
    const train = trainLegPlan?.vehicles[0];
    if (!coachLegPlan || !train) throw new Error('the batch lost its legs');
    await db.batches.update(batch.id, {
      legs: [
        coachLegPlan,
        { legId: trainLegId, vehicles: [{ ...train, reserved: [{ seat: '18F', role: 'isolation' }] }] },
      ],
    });
    const refused = await changeSeat(batch.id, trainLegId, {
      kind: 'move',
      workerId: a?.id ?? '',
      to: { vehicleId: train.id, seat: '18F' },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SeatChangeRefusedError);
    expect((refused as SeatChangeRefusedError).problems[0]?.code).toBe('seat-reserved');
    expect(await seatOf(a?.id ?? '')).toBe(seatB);
  });
});
