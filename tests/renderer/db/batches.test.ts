import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  createBatch,
  deleteRoute,
  listBatches,
  listPassengers,
  movePassengers,
  removePassengers,
  restoreRoute,
  saveRoute,
  updateBatch,
  type PlannerDatabase,
} from '@renderer/db';
import { makeBatchInput, makeEscort, makeRouteInput } from '../../fixtures/batches';
import { freshDatabaseWithOperator, registerWorkers, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

const batchInput = makeBatchInput;

const registered = (count: number, enterpriseId: string | null = null) => registerWorkers(db, count, enterpriseId);

describe('routes', () => {
  it('refuses a route without legs, with a leg leaving before the last arrives, or with a name in use', async () => {
    await saveRoute(null, makeRouteInput({ name: '百色—广州' }));
    const problems = (
      await rejection(
        saveRoute(
          null,
          makeRouteInput({
            name: ' 百色—广州 ',
            legs: makeRouteInput().legs.map((leg, i) => (i === 1 ? { ...leg, departureMinutes: 7 * 60 } : leg)),
          }),
        ),
      )
    ).problems;
    expect(problems.map((problem) => problem.code)).toEqual([
      'route-name-duplicate',
      'leg-departs-before-previous-arrives',
    ]);
    expect((await rejection(saveRoute(null, makeRouteInput({ legs: [] })))).problems[0]?.code).toBe('route-no-legs');
    await expect(db.routes.count()).resolves.toBe(1);
  });

  it('keeps a route that a batch uses, and every leg of it', async () => {
    const route = await saveRoute(null, makeRouteInput());
    await createBatch(batchInput(route));
    expect((await rejection(deleteRoute(route.id))).problems[0]?.code).toBe('route-in-use');
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = route;
    const shorter = { ...input, legs: input.legs.slice(0, 1) };
    expect((await rejection(saveRoute(route.id, shorter, route))).problems[0]).toMatchObject({
      code: 'route-leg-in-use',
      params: { leg: 2, count: 1 },
    });
    await expect(db.routes.get(route.id)).resolves.toMatchObject({ legs: route.legs });
  });

  it('restores a deleted route unless its name was taken meanwhile', async () => {
    const route = await saveRoute(null, makeRouteInput({ name: '百色—东莞' }));
    await deleteRoute(route.id);
    await expect(restoreRoute(route.id)).resolves.toMatchObject({ deletedAt: null });
    await deleteRoute(route.id);
    await saveRoute(null, makeRouteInput({ name: '百色—东莞' }));
    expect((await rejection(restoreRoute(route.id))).problems[0]?.code).toBe('route-name-duplicate');
  });
});

describe('batches and passengers', () => {
  it('creates a draft batch and refuses an escort without a valid mobile phone', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const batch = await createBatch(batchInput(route));
    expect(batch.status).toBe('draft');
    const bad = batchInput(route, { escorts: [makeEscort({ phone: '12345' })] });
    const problems = (await rejection(createBatch(bad))).problems;
    expect(problems).toContainEqual({ field: 'escorts.0.phone', code: 'phone-invalid' });
    await expect(listBatches()).resolves.toHaveLength(1);
  });

  it('adds workers once, and refuses one who rides another batch at the same time', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const first = await createBatch(batchInput(route));
    const second = await createBatch(batchInput(route, { name: '田东县 第2批' }));
    const later = await createBatch(batchInput(route, { name: '田东县 第3批', date: '2026-02-25' }));
    const [a, b] = await registered(2);
    const outcome = await addPassengers(first.id, [a?.id ?? '', a?.id ?? '', 'nobody']);
    expect(outcome).toMatchObject({ added: [a?.id], already: [], unknown: ['nobody'] });
    expect((await addPassengers(first.id, [a?.id ?? ''])).already).toEqual([a?.id]);

    const clash = await addPassengers(second.id, [a?.id ?? '', b?.id ?? '']);
    expect(clash.added).toEqual([b?.id]);
    expect(clash.conflicts).toEqual([{ workerId: a?.id, name: a?.name, batchId: first.id, batchName: first.name }]);
    // A week later the same worker is free.
    expect((await addPassengers(later.id, [a?.id ?? ''])).added).toEqual([a?.id]);
  });

  it('moves passengers to another batch, keeping where they went in the history', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const from = await createBatch(batchInput(route));
    const to = await createBatch(batchInput(route, { name: '田东县 第2批', date: '2026-02-20' }));
    const [a, b] = await registered(2);
    await addPassengers(from.id, [a?.id ?? '', b?.id ?? '']);
    const outcome = await movePassengers(from.id, to.id, [a?.id ?? '']);
    expect(outcome.added).toEqual([a?.id]);
    expect((await listPassengers(from.id)).map((p) => p.worker.id)).toEqual([b?.id]);
    expect((await listPassengers(to.id)).map((p) => p.worker.id)).toEqual([a?.id]);
    const old = (await db.assignments.where('batchId').equals(from.id).toArray()).find((x) => x.workerId === a?.id);
    expect(old).toMatchObject({ movedToBatchId: to.id });
    expect(old?.deletedAt).toBeTruthy();
    await expect(removePassengers(to.id, [a?.id ?? ''])).resolves.toBe(1);
    await expect(listPassengers(to.id)).resolves.toEqual([]);
  });

  it('refuses a new date that makes a passenger ride two batches at once, and changes nothing', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const first = await createBatch(batchInput(route));
    const input = batchInput(route, { name: '田东县 第2批', date: '2026-02-20' });
    const second = await createBatch(input);
    const [a] = await registered(1);
    await addPassengers(first.id, [a?.id ?? '']);
    await addPassengers(second.id, [a?.id ?? '']);
    const problems = (await rejection(updateBatch(second.id, { ...input, date: '2026-02-18' }, second))).problems;
    expect(problems[0]).toMatchObject({ code: 'passengers-travel-overlap', params: { count: 1 } });
    await expect(db.batches.get(second.id)).resolves.toMatchObject({ date: '2026-02-20' });
  });
});
