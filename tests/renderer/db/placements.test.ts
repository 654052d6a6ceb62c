import { beforeEach, describe, expect, it } from 'vitest';
import {
  openingFill,
  PlacementRefusedError,
  placeWorkers,
  previewPlacement,
  RecordRejectedError,
  removePlacement,
  workerHistory,
  type PlannerDatabase,
} from '@renderer/db';
import { makeEnterprise, makeOpening, makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

async function setUp() {
  const enterprise = makeEnterprise();
  const opening = makeOpening({
    enterpriseId: enterprise.id,
    headcount: 2,
    ageMin: 18,
    ageMax: 45,
    genderRequirement: 'any',
  });
  const workers = [1, 2, 3].map(() => makeWorker({ birthDate: '1995-03-03' }));
  await db.enterprises.add(enterprise);
  await db.openings.add(opening);
  await db.workers.bulkAdd(workers);
  return { enterprise, opening, workers };
}

describe('placing workers in a job opening', () => {
  it('places workers who fit and counts them on the opening', async () => {
    const { enterprise, opening, workers } = await setUp();
    const [a, b] = workers;
    await placeWorkers([a?.id ?? '', b?.id ?? ''], opening.id, null);
    await expect(openingFill(enterprise.id)).resolves.toEqual({ [opening.id]: 2 });
    await expect(db.workers.get(a?.id ?? '')).resolves.toMatchObject({
      enterpriseId: enterprise.id,
      openingId: opening.id,
    });
  });

  it('refuses a worker beyond the headcount, storing nothing, until a reason is given', async () => {
    const { enterprise, opening, workers } = await setUp();
    const ids = workers.map((w) => w.id);
    const preview = await previewPlacement(ids, opening.id);
    expect(preview.checks.map((c) => c.problems.map((p) => p.code))).toEqual([[], [], ['opening-full']]);

    await expect(placeWorkers(ids, opening.id, null)).rejects.toBeInstanceOf(PlacementRefusedError);
    await expect(openingFill(enterprise.id)).resolves.toEqual({});
    await expect(placeWorkers(ids, opening.id, '  ')).rejects.toBeInstanceOf(RecordRejectedError);

    await placeWorkers(ids, opening.id, '企业临时增加一个名额');
    await expect(openingFill(enterprise.id)).resolves.toEqual({ [opening.id]: 3 });
    const [third] = (await workerHistory(ids[2] ?? '')).slice(-1);
    expect(third?.reason).toBe('企业临时增加一个名额');
    const [first] = await workerHistory(ids[0] ?? '');
    expect(first?.reason).toBeUndefined();
  });

  it('takes a worker out of the opening again', async () => {
    const { enterprise, opening, workers } = await setUp();
    await placeWorkers([workers[0]?.id ?? ''], opening.id, null);
    await removePlacement(workers[0]?.id ?? '');
    await expect(openingFill(enterprise.id)).resolves.toEqual({});
    await expect(db.workers.get(workers[0]?.id ?? '')).resolves.toMatchObject({ enterpriseId: null, openingId: null });
  });
});
