import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  autoSeat,
  batchGate,
  batchHistory,
  changeBatchStatus,
  createBatch,
  saveRoute,
  tickItem,
  updateBatch,
  type PlannerDatabase,
} from '@renderer/db';
import { CHECKLIST_ITEMS } from '@shared/gate';
import type { Batch } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise } from '../../fixtures/factories';
import { freshDatabaseWithOperator, registerWorkers, stored } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

const registered = (count: number, enterpriseId: string | null = null) => registerWorkers(db, count, enterpriseId);

const batchInput = makeBatchInput;

describe('the five-unifications gate and the status of a batch', () => {
  it('refuses "ready" with the reasons, allows it with a written reason, and keeps the override', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const batch = await createBatch(batchInput(route));
    const enterprise = makeEnterprise();
    await db.enterprises.add(enterprise);
    const workers = await registered(4, enterprise.id);
    await addPassengers(
      batch.id,
      workers.map((w) => w.id),
    );
    await expect(changeBatchStatus(batch.id, 'planned')).resolves.toMatchObject({ allowed: true });

    let gate = await batchGate(batch.id);
    expect(gate.unmet).toContain('vehicle.seat-plan-made');
    expect(gate.unmet).toContain('organization.roster-locked');
    await autoSeat(batch.id);
    for (const item of CHECKLIST_ITEMS) {
      if (item.kind === 'ticked') await tickItem(batch.id, item.key, item.note?.required ? 'A-123' : '');
    }
    gate = await batchGate(batch.id);
    // Medical waits for the health-check station; every other item is met.
    expect(gate.unmet).toEqual(['medical.health-checks-passed']);

    const refused = await changeBatchStatus(batch.id, 'ready');
    expect(refused).toMatchObject({ allowed: false, unmet: ['medical.health-checks-passed'] });
    await expect(db.batches.get(batch.id)).resolves.toMatchObject({ status: 'planned' });

    await expect(changeBatchStatus(batch.id, 'ready', { reason: '县卫健局已集中体检' })).resolves.toMatchObject({
      allowed: true,
    });
    const stored = await db.batches.get(batch.id);
    expect(stored?.status).toBe('ready');
    expect(stored?.overrides).toEqual([
      expect.objectContaining({ from: 'planned', to: 'ready', reason: '县卫健局已集中体检', by: '王调度' }),
    ]);
    const history = await batchHistory(batch.id);
    expect(history.at(-1)?.reason).toBe('县卫健局已集中体检');
    // Never backwards, not even with a reason.
    await expect(changeBatchStatus(batch.id, 'planned', { reason: '重新安排车辆' })).resolves.toMatchObject({
      allowed: false,
    });
  });
});

/** What the batch form would send for the stored batch, without a load factor unless given. */
const editOf = ({ name, routeId, date, organizer, escorts, medics, legs, notes }: Batch) => ({
  name,
  routeId,
  date,
  organizer,
  escorts,
  medics,
  legs,
  notes,
});

describe("a batch's own load factor", () => {
  it('decides whether its seats are enough and how many automatic seating seats, and an edit of vehicles keeps it', async () => {
    const route = await saveRoute(null, makeRouteInput());
    // One 45-seat coach with its default reserved seats: at the office's 50 % it takes at most 22.
    const batch = await createBatch(batchInput(route));
    const workers = await registered(30);
    await addPassengers(
      batch.id,
      workers.map((w) => w.id),
    );
    expect((await batchGate(batch.id)).unmet).toContain('vehicle.seats-enough');

    await updateBatch(batch.id, { ...editOf(batch), loadFactor: 1 }, await stored('batches', batch.id));
    expect((await batchGate(batch.id)).unmet).not.toContain('vehicle.seats-enough');
    const seated = await autoSeat(batch.id);
    expect(seated.legs.every((leg) => leg.allocation.unseated.length === 0)).toBe(true);

    // Editing the vehicles without naming a load factor keeps the batch's own.
    await updateBatch(batch.id, { ...editOf(batch), name: '田东县 第1批（改）' }, await stored('batches', batch.id));
    await expect(db.batches.get(batch.id)).resolves.toMatchObject({ loadFactor: 1 });

    // Cleared: the Settings value applies again, and 30 passengers are too many.
    await updateBatch(batch.id, { ...editOf(batch), loadFactor: null }, await stored('batches', batch.id));
    expect((await batchGate(batch.id)).unmet).toContain('vehicle.seats-enough');
  });

  it('is refused outside the bounds Settings use', async () => {
    const route = await saveRoute(null, makeRouteInput());
    await expect(createBatch(batchInput(route, { loadFactor: 1.5 }))).rejects.toMatchObject({
      problems: [{ field: 'loadFactor', code: 'load-factor-range' }],
    });
  });
});
