import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  createBatch,
  deleteBatch,
  deleteWorker,
  planningPool,
  proposeBatches,
  setProposalSource,
  updateSettings,
  type PlannerDatabase,
  type PlanningPoolFilter,
  type PoolColumns,
} from '@renderer/db';
import { DirectoryFeed } from '@renderer/db/directory/directory-feed';
import type { Route, Worker } from '@shared/domain/records';
import { proposeFromPool } from '@shared/planning';
import { makeBatch } from '../../fixtures/batches';
import { makeEnterprisesByCity, makePlanningChoices, makeRoute, makeSingles } from '../../fixtures/planning';
import { FIXTURE_TIME, makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
let route: Route;
let enterprises: ReturnType<typeof makeEnterprisesByCity>;
let feed: DirectoryFeed;

beforeEach(async () => {
  db = freshDatabase();
  await updateSettings({ operatorName: '王调度', loadFactor: 0.5 });
  enterprises = makeEnterprisesByCity();
  await db.enterprises.bulkAdd([enterprises.shenzhen, enterprises.guangzhou]);
  route = makeRoute();
  await db.routes.add(route);
  feed = new DirectoryFeed(db, { snapshots: false });
});

afterEach(() => {
  setProposalSource(null);
});

/** The pool of the workers table (the reference), as the columns the directory answers with. */
async function poolFromTable(filter: PlanningPoolFilter): Promise<PoolColumns> {
  const pool = await planningPool(filter);
  return {
    ids: pool.workers.map((worker) => worker.id),
    names: pool.workers.map((worker) => worker.name),
    counties: pool.workers.map((worker) => worker.county),
    townships: pool.workers.map((worker) => worker.township),
    villages: pool.workers.map((worker) => worker.village),
    households: pool.workers.map((worker) => worker.household),
    enterpriseIds: pool.workers.map((worker) => worker.enterpriseId),
    onBatches: pool.onBatches,
    arrived: pool.arrived,
  };
}

/** A batch on the route with `workers` on it, made as the coordinator makes one by hand. */
async function batchWith(workers: readonly Worker[], date = '2026-02-25') {
  const batch = await createBatch({
    name: '手工批次',
    routeId: route.id,
    date,
    organizer: '',
    escorts: [],
    medics: [],
    legs: [],
    notes: '',
  });
  await addPassengers(
    batch.id,
    workers.map((worker) => worker.id),
  );
  return batch;
}

/** Households of three in two villages of each county, singles, and everyone the pool leaves out. */
async function mixedRoster(): Promise<Worker[]> {
  const closedEnterprise = makeEnterprise({ city: '佛山市', resumptionStatus: 'not-resumed' });
  const deletedEnterprise = makeEnterprise({ city: '东莞市', deletedAt: FIXTURE_TIME });
  await db.enterprises.bulkAdd([closedEnterprise, deletedEnterprise]);
  const workers: Worker[] = [];
  for (const county of ['田东县', '田阳区', '靖西市']) {
    for (const village of ['那洪村', '百林村']) {
      for (const [index, enterprise] of [enterprises.shenzhen, enterprises.guangzhou].entries()) {
        const household = `${county}-${village}-${index}`;
        for (let member = 0; member < 3; member++) {
          workers.push(makeWorker({ county, township: '平马镇', village, household, enterpriseId: enterprise.id }));
        }
      }
      workers.push(...makeSingles(4, enterprises.shenzhen, { county, township: '平马镇', village }));
      workers.push(makeWorker({ county, village, enterpriseId: null, povertyStatus: 'registered-poor' }));
      workers.push(makeWorker({ county, village, enterpriseId: closedEnterprise.id }));
      workers.push(makeWorker({ county, village, enterpriseId: deletedEnterprise.id }));
      workers.push(makeWorker({ county, village, enterpriseId: enterprises.guangzhou.id, status: 'onboarded' }));
      workers.push(makeWorker({ county, village, enterpriseId: enterprises.shenzhen.id, status: 'travelled' }));
      workers.push(makeWorker({ county, village, enterpriseId: enterprises.shenzhen.id, deletedAt: FIXTURE_TIME }));
    }
  }
  await db.workers.bulkAdd(workers);
  // On a live batch (left out), on a deleted batch and on a closed one (both back in the pool).
  await batchWith(workers.slice(0, 5));
  const deleted = await batchWith(workers.slice(5, 8), '2026-03-01');
  await deleteBatch(deleted.id);
  const closed = makeBatch({ routeId: route.id, status: 'closed' });
  await db.batches.add(closed);
  await db.assignments.add({
    id: crypto.randomUUID(),
    batchId: closed.id,
    workerId: workers[8]?.id ?? '',
    seats: [],
    boarding: 'boarded',
    createdAt: closed.createdAt,
    updatedAt: closed.updatedAt,
  });
  return workers;
}

const FILTERS: PlanningPoolFilter[] = [
  {},
  { counties: ['田阳区'] },
  { counties: ['田东县', '靖西市'], villages: ['百林村'] },
  { cities: ['深圳市'] },
  { cities: ['东莞市'] },
  { povertyStatuses: ['registered-poor'] },
  { counties: ['田东县'], cities: ['广州市'], povertyStatuses: ['none', 'relatively-poor'] },
];

describe('the planning pool from the workers directory', () => {
  it('is the pool the workers table gives, worker for worker and in the same order, for every filter', async () => {
    await mixedRoster();
    for (const filter of [...FILTERS, { enterpriseIds: [enterprises.guangzhou.id] }]) {
      const table = await poolFromTable(filter);
      expect(await feed.planningPool(filter)).toEqual(table);
    }
    const everyone = await feed.planningPool({});
    expect(everyone.onBatches).toBe(5);
    expect(everyone.arrived).toBe(12);
    expect(everyone.ids.length).toBeGreaterThan(60);
  });

  it('gives the proposal the workers table gives', async () => {
    await mixedRoster();
    const options = { ...makePlanningChoices(route), firstDate: '2026-02-18', lastDate: '2026-02-28' };
    // The reference: the pool read from the tables, planned the same way.
    setProposalSource(async (request) => {
      const pool = await planningPool(request.filter ?? {});
      return proposeFromPool(request, {
        pool: await poolFromTable(request.filter ?? {}),
        enterprises: pool.enterprises,
        routes: pool.routes,
      });
    });
    const fromTable = await proposeBatches(options);
    setProposalSource((request) => feed.propose(request));
    const fromDirectory = await proposeBatches(options);
    expect(fromTable.proposal.passengerCount).toBeGreaterThan(30);
    expect(fromTable.proposal.unplaced.length).toBeGreaterThan(0);
    expect(fromDirectory).toEqual(fromTable);
  });

  it('takes in an import and a deletion made after it loaded, as the table does', async () => {
    const first = await db.workers.bulkAdd(makeSingles(3, enterprises.shenzhen)).then(() => feed.planningPool({}));
    expect(first.ids).toHaveLength(3);

    // An import stamps its whole chunk with one time: here the same time as the workers before.
    const imported = makeSingles(40, enterprises.guangzhou, { createdAt: FIXTURE_TIME, updatedAt: FIXTURE_TIME });
    await db.workers.bulkAdd(imported);
    const afterImport = await feed.planningPool({});
    expect(afterImport.ids).toHaveLength(43);
    expect(afterImport).toEqual(await poolFromTable({}));
    expect((await feed.planningPool({ cities: ['广州市'] })).ids.sort()).toEqual(
      imported.map((worker) => worker.id).sort(),
    );

    const [gone] = imported;
    if (!gone) throw new Error('forty workers');
    await deleteWorker(gone.id);
    const afterDelete = await feed.planningPool({});
    expect(afterDelete.ids).toHaveLength(42);
    expect(afterDelete.ids).not.toContain(gone.id);
    expect(afterDelete).toEqual(await poolFromTable({}));

    // A worker put on a batch leaves the pool; a hard delete (clearing the demo data) too.
    const [travelling, cleared] = imported.slice(1);
    if (!travelling || !cleared) throw new Error('forty workers');
    await batchWith([travelling]);
    await db.workers.delete(cleared.id);
    const afterBatch = await feed.planningPool({});
    expect(afterBatch.onBatches).toBe(1);
    expect(afterBatch.ids).not.toContain(travelling.id);
    expect(afterBatch.ids).not.toContain(cleared.id);
    expect(afterBatch).toEqual(await poolFromTable({}));
  });

  it('is what a proposal plans from, so a worker deleted after the list loaded is not proposed', async () => {
    const workers = await db.workers
      .bulkAdd(makeSingles(10, enterprises.shenzhen, { county: '田东县' }))
      .then(() => db.workers.toArray());
    setProposalSource((request) => feed.propose(request));
    expect((await proposeBatches(makePlanningChoices(route))).proposal.passengerCount).toBe(10);
    const [gone] = workers;
    if (!gone) throw new Error('ten workers');
    await deleteWorker(gone.id);
    const { proposal, poolSize } = await proposeBatches(makePlanningChoices(route));
    expect(poolSize).toBe(9);
    expect(proposal.batches.flatMap((batch) => batch.passengerIds)).not.toContain(gone.id);
  });
});
