import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  createBatch,
  deleteBatch,
  deleteWorker,
  listBatches,
  planningPool,
  proposeBatches,
  ProposalPartlySavedError,
  saveProposal,
  setProposalSource,
  updateSettings,
  type PlannerDatabase,
  type ProposeBatchesOptions,
} from '@renderer/db';
import type { Route, Worker } from '@shared/domain/records';
import { checkBatch } from '@shared/domain/batch-rules';
import { checkVehicle, defaultReservedSeats } from '@shared/seating';
import { makeBatch } from '../../fixtures/batches';
import { makeEnterprisesByCity, makePlanningChoices, makeRoute, makeSingles } from '../../fixtures/planning';
import { makeWorker } from '../../fixtures/factories';
import { DirectoryFeed } from '@renderer/db/directory/directory-feed';
import { freshDatabase, rejection } from './test-database';

let db: PlannerDatabase;
let route: Route;
let enterprises: ReturnType<typeof makeEnterprisesByCity>;

beforeEach(async () => {
  db = freshDatabase();
  // The screen's pool: the workers directory, run here in Node (no Web Worker) on the test's database.
  const feed = new DirectoryFeed(db, { snapshots: false });
  setProposalSource((request) => feed.propose(request));
  await updateSettings({ operatorName: '王调度', loadFactor: 0.5 });
  enterprises = makeEnterprisesByCity();
  await db.enterprises.bulkAdd([enterprises.shenzhen, enterprises.guangzhou]);
  // Coach, train, coach; pickup points in 田东县 and 田阳区.
  route = makeRoute();
  await db.routes.add(route);
});

afterEach(() => {
  setProposalSource(null);
});

/** Coaches of 49 seats (20 passengers at 50%) and carriages of 90 (45), as the screen proposes. */
function options(overrides: Partial<ProposeBatchesOptions> = {}): ProposeBatchesOptions {
  return { ...makePlanningChoices(route), ...overrides };
}

async function registered(workers: Worker[]): Promise<Worker[]> {
  await db.workers.bulkAdd(workers);
  return workers;
}

/** A batch made by hand on the route, with `workers` on it. */
async function handMadeBatch(workers: readonly Worker[], date = '2026-02-25') {
  const batch = await createBatch({
    name: '田东县 手工批次',
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

describe('the planning pool', () => {
  it('leaves out workers on a live batch, but not those on a deleted or closed one', async () => {
    const [onBatch, onDeleted, onClosed, free] = await registered(makeSingles(4, enterprises.shenzhen));
    if (!onBatch || !onDeleted || !onClosed || !free) throw new Error('four workers');
    await handMadeBatch([onBatch]);
    const deleted = await handMadeBatch([onDeleted], '2026-03-01');
    await deleteBatch(deleted.id);
    const closed = makeBatch({ routeId: route.id, status: 'closed' });
    await db.batches.add(closed);
    await db.assignments.add({
      id: crypto.randomUUID(),
      batchId: closed.id,
      workerId: onClosed.id,
      seats: [],
      boarding: 'boarded',
      createdAt: closed.createdAt,
      updatedAt: closed.updatedAt,
    });

    const pool = await planningPool();
    expect(pool.workers.map((worker) => worker.id).sort()).toEqual([onDeleted.id, onClosed.id, free.id].sort());
    expect(pool.onBatches).toBe(1);
    expect(pool.routes.map((candidate) => candidate.id)).toEqual([route.id]);
    expect(pool.enterprises).toHaveLength(2);
  });

  it('leaves out deleted workers and those who travelled already, and filters by county, city and poverty status', async () => {
    const shenzhen = await registered(makeSingles(3, enterprises.shenzhen, { county: '田东县' }));
    const guangzhou = await registered(
      makeSingles(2, enterprises.guangzhou, { county: '田阳区', povertyStatus: 'relatively-poor' }),
    );
    await registered([
      makeWorker({ enterpriseId: enterprises.shenzhen.id, deletedAt: '2026-02-11T00:00:00.000Z' }),
      makeWorker({ enterpriseId: enterprises.shenzhen.id, status: 'onboarded' }),
    ]);

    const everyone = await planningPool();
    expect(everyone.workers).toHaveLength(5);
    expect(everyone.arrived).toBe(1);
    const ids = (workers: readonly { id: string }[]) => workers.map((worker) => worker.id).sort();
    expect(ids((await planningPool({ counties: ['田阳区'] })).workers)).toEqual(ids(guangzhou));
    expect(ids((await planningPool({ cities: ['深圳市'] })).workers)).toEqual(ids(shenzhen));
    expect(ids((await planningPool({ enterpriseIds: [enterprises.guangzhou.id] })).workers)).toEqual(ids(guangzhou));
    expect(ids((await planningPool({ povertyStatuses: ['relatively-poor'] })).workers)).toEqual(ids(guangzhou));
    expect((await planningPool({ counties: ['田东县'], cities: ['广州市'] })).workers).toEqual([]);
  });
});

describe('proposing batches', () => {
  it('fills vehicles at the load factor and says who could not be placed and why', async () => {
    const travellers = await registered(makeSingles(50, enterprises.shenzhen, { county: '田东县' }));
    const [noEnterprise] = await registered([makeWorker({ county: '田东县', enterpriseId: null })]);

    const result = await proposeBatches(options());
    const coachLeg = route.legs[0]?.id ?? '';
    const trainLeg = route.legs[1]?.id ?? '';
    expect(result.capacities[route.id]).toMatchObject({ [coachLeg]: 20, [trainLeg]: 45 });
    expect(result.proposal.passengerCount).toBe(travellers.length);
    // 50 passengers: 3 coaches on each coach leg, 2 carriages.
    expect(result.proposal.vehicleCount).toBe(3 + 2 + 3);
    expect(result.proposal.lowerBound).toBe(8);
    expect(result.proposal.unplaced).toEqual([{ workerId: noEnterprise?.id, reason: 'no-enterprise' }]);
    expect(result.people[noEnterprise?.id ?? '']?.name).toBe(noEnterprise?.name);
    expect(result.poolSize).toBe(51);
    // Nothing is written by a proposal.
    expect(await db.batches.count()).toBe(0);
  });

  it('refuses a last day before the first, no route, and a seat count the vehicle kind can not have', async () => {
    const base = options();
    const problems = (
      await rejection(
        proposeBatches({
          ...base,
          lastDate: '2026-02-17',
          routeIds: [],
        }),
      )
    ).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'lastDate', code: 'planning-date-order' },
        { field: 'routeIds', code: 'required' },
      ]),
    );
    const coachLeg = route.legs[0]?.id ?? '';
    const tooSmall = (
      await rejection(
        proposeBatches({
          ...base,
          vehicles: { [route.id]: { ...base.vehicles[route.id], [coachLeg]: { kind: 'coach', seatCount: 10 } } },
        }),
      )
    ).problems;
    expect(tooSmall).toEqual([
      { field: `vehicles.${route.id}.${coachLeg}.seatCount`, code: 'seat-count-range', params: { min: 19, max: 60 } },
    ]);
  });
});

describe('saving a proposal', () => {
  it('creates every batch with its vehicles and one assignment per passenger, in one go', async () => {
    const travellers = await registered([
      ...makeSingles(60, enterprises.shenzhen, { county: '田东县' }),
      ...makeSingles(10, enterprises.guangzhou, { county: '田阳区' }),
    ]);
    const { proposal } = await proposeBatches(
      options({
        // Two carriages a batch at most, so 70 passengers need two batches.
        vehicles: {
          [route.id]: Object.fromEntries(
            route.legs.map((leg) => [
              leg.id,
              leg.mode === 'train'
                ? { kind: 'train-second-class', seatCount: 90, maxVehicles: 1 }
                : { kind: 'coach', seatCount: 49 },
            ]),
          ),
        },
      }),
    );
    expect(proposal.batches.length).toBeGreaterThan(1);
    const auditBefore = await db.audit.count();

    const names = proposal.batches.map((_, index) => `百色—深圳 第${index + 1}批`);
    const { ids, complete } = await saveProposal(proposal, { names });
    expect(complete).toBe(true);

    expect(ids).toHaveLength(proposal.batches.length);
    const rows = await listBatches();
    expect(rows.map((row) => row.batch.name).sort()).toEqual([...names].sort());
    expect(rows.reduce((sum, row) => sum + row.passengers, 0)).toBe(travellers.length);
    const assignments = await db.assignments.toArray();
    expect(assignments).toHaveLength(travellers.length);
    expect(new Set(assignments.map((assignment) => assignment.workerId)).size).toBe(travellers.length);
    for (const assignment of assignments) {
      // At revision 1, as any new record, so that the first edit based on it is not refused.
      expect(assignment).toMatchObject({ seats: [], boarding: 'pending', revision: 1 });
    }
    for (const { batch } of rows) {
      expect(batch.status).toBe('draft');
      expect(batch.revision).toBe(1);
      expect(batch.escorts).toEqual([]);
      expect(checkBatch(batch, route)).toEqual([]);
      for (const leg of batch.legs) {
        for (const vehicle of leg.vehicles) {
          expect(vehicle.escortId).toBeNull();
          expect(vehicle.reserved).toEqual(defaultReservedSeats(vehicle.kind, vehicle.seatCount));
          expect(checkVehicle(vehicle, leg.vehicles)).toEqual([]);
          expect(vehicle.label).toMatch(vehicle.kind === 'coach' ? /^待定 \d+$/ : /^\d{2}$/);
        }
      }
    }
    // Two audit rows a batch: its creation, and its roster.
    expect((await db.audit.count()) - auditBefore).toBe(2 * ids.length);
    // Everyone is on a batch now: nobody is left to plan.
    expect((await planningPool()).workers).toEqual([]);
  });

  it('writes nothing when a proposed passenger joined another batch meanwhile', async () => {
    const travellers = await registered(makeSingles(30, enterprises.shenzhen, { county: '田东县' }));
    const { proposal } = await proposeBatches(options());
    const [meanwhile] = travellers;
    if (!meanwhile) throw new Error('thirty travellers');
    await handMadeBatch([meanwhile]);
    const before = {
      batches: await db.batches.count(),
      assignments: await db.assignments.count(),
      audit: await db.audit.count(),
    };

    const error = await rejection(saveProposal(proposal));
    expect(error.problems).toEqual([
      {
        field: 'passengers',
        code: 'planning-passengers-taken',
        params: { count: 1, names: meanwhile.name },
      },
    ]);
    expect({
      batches: await db.batches.count(),
      assignments: await db.assignments.count(),
      audit: await db.audit.count(),
    }).toEqual(before);
  });
});

describe('saving a proposal in chunks of whole batches', () => {
  /**
   * 200 workers on one carriage a batch (at most 45 passengers; the planner ends a batch on a full
   * coach, so 40), one batch a day for eleven days: five batches of 40; in chunks of at least 80
   * passengers that is three chunks (batches 1-2, 3-4, 5).
   */
  async function fiveBatches() {
    await registered(makeSingles(200, enterprises.shenzhen, { county: '田东县' }));
    const { proposal } = await proposeBatches(
      options({
        lastDate: '2026-02-28',
        vehicles: {
          [route.id]: Object.fromEntries(
            route.legs.map((leg) => [
              leg.id,
              leg.mode === 'train'
                ? { kind: 'train-second-class', seatCount: 90, maxVehicles: 1 }
                : { kind: 'coach', seatCount: 49, maxVehicles: 3 },
            ]),
          ),
        },
      }),
    );
    expect(proposal.batches.map((batch) => batch.passengerIds.length)).toEqual([40, 40, 40, 40, 40]);
    return proposal;
  }

  /** The batches stored, each with the workers its assignments seat and its audit rows' roster. */
  async function stored() {
    const batches = await db.batches.toArray();
    const assignments = await db.assignments.toArray();
    const audit = await db.audit.where('table').equals('batches').toArray();
    return batches.map((batch) => ({
      name: batch.name,
      workers: assignments
        .filter((assignment) => assignment.batchId === batch.id)
        .map((assignment) => assignment.workerId)
        .sort(),
      created: audit.filter((row) => row.recordId === batch.id && row.action === 'create').length,
      roster: audit
        .filter((row) => row.recordId === batch.id && row.action === 'update')
        .map((row) =>
          (row.after as { passengers: { workerId: string }[] }).passengers
            .map((passenger) => passenger.workerId)
            .sort(),
        ),
    }));
  }

  const names = (count: number) => Array.from({ length: count }, (_, index) => `第${index + 1}批`);

  it('reports after each chunk how many batches and passengers are stored', async () => {
    const proposal = await fiveBatches();
    const progress: unknown[] = [];
    const saved = await saveProposal(
      proposal,
      { names: names(5) },
      { chunkPassengers: 80, onProgress: (step) => progress.push(step) },
    );
    expect(saved.complete).toBe(true);
    expect(saved.ids).toHaveLength(5);
    expect(saved.passengers).toBe(200);
    expect(progress).toEqual([
      { savedBatches: 2, savedPassengers: 80, totalBatches: 5, totalPassengers: 200 },
      { savedBatches: 4, savedPassengers: 160, totalBatches: 5, totalPassengers: 200 },
      { savedBatches: 5, savedPassengers: 200, totalBatches: 5, totalPassengers: 200 },
    ]);
  });

  it('stops after the chunk under way when cancelled: whole batches with all their passengers and audit rows, the rest not stored', async () => {
    const proposal = await fiveBatches();
    const controller = new AbortController();
    const saved = await saveProposal(
      proposal,
      { names: names(5) },
      {
        chunkPassengers: 80,
        signal: controller.signal,
        // Cancel heard once the first chunk is stored: the second is not started.
        onProgress: (step) => {
          if (step.savedBatches === 2) controller.abort();
        },
      },
    );
    expect(saved.complete).toBe(false);
    expect(saved.ids).toHaveLength(2);
    expect(saved.passengers).toBe(80);
    const batches = await stored();
    expect(batches.map((batch) => batch.name).sort()).toEqual(['第1批', '第2批']);
    for (const batch of batches) {
      const planned = proposal.batches[Number(/\d+/.exec(batch.name)?.[0]) - 1];
      expect(batch.workers).toEqual([...(planned?.passengerIds ?? [])].sort());
      expect(batch.created).toBe(1);
      expect(batch.roster).toEqual([batch.workers]);
    }
    expect(await db.assignments.count()).toBe(80);
    // The 120 not saved are ready to travel again.
    expect((await planningPool()).workers).toHaveLength(120);
  });

  it('cancelled after two chunks: four whole batches, nothing of the fifth, no audit row of its own', async () => {
    const proposal = await fiveBatches();
    const controller = new AbortController();
    const saved = await saveProposal(
      proposal,
      { names: names(5) },
      {
        chunkPassengers: 80,
        signal: controller.signal,
        onProgress: (step) => {
          if (step.savedBatches === 4) controller.abort();
        },
      },
    );
    expect(saved.ids).toHaveLength(4);
    const batches = await stored();
    expect(batches).toHaveLength(4);
    expect(batches.every((batch) => batch.workers.length === 40 && batch.created === 1)).toBe(true);
    expect(await db.audit.where('table').equals('assignments').count()).toBe(0);
  });

  it('refuses a later chunk whose passenger joined a batch or was deleted while the chunks before were stored', async () => {
    const proposal = await fiveBatches();
    const handMade = await handMadeBatch([]);
    const joins = proposal.batches[4]?.passengerIds[3] ?? '';
    const leaves = proposal.batches[4]?.passengerIds[9] ?? '';
    const [joiner, leaver] = [await db.workers.get(joins), await db.workers.get(leaves)];
    if (!joiner || !leaver) throw new Error('two passengers of the fifth batch');
    // Once the first chunk is stored, and before the second starts: one passenger of the last chunk
    // joins the batch made by hand, another is deleted.
    const meanwhile: Promise<unknown>[] = [];
    const error = await saveProposal(
      proposal,
      { names: names(5) },
      {
        chunkPassengers: 80,
        onProgress: (step) => {
          if (step.savedBatches === 2) meanwhile.push(addPassengers(handMade.id, [joins]), deleteWorker(leaves));
        },
      },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    await Promise.all(meanwhile);
    if (!(error instanceof ProposalPartlySavedError)) throw new Error(`expected a partial save, got ${String(error)}`);
    expect(error.saved.ids).toHaveLength(4);
    expect(error.reason).toMatchObject({
      problems: [
        {
          field: 'passengers',
          code: 'planning-passengers-taken',
          params: { count: 2, names: [joiner.name, leaver.name].join('、') },
        },
      ],
    });
    const batches = await stored();
    expect(batches.map((batch) => batch.name).sort()).toEqual(['田东县 手工批次', '第1批', '第2批', '第3批', '第4批']);
    expect(batches.find((batch) => batch.name === '田东县 手工批次')?.workers).toEqual([joins]);
  });

  it('refuses the next chunk when a passenger of it joins a batch while the chunk before is stored', async () => {
    const proposal = await fiveBatches();
    const handMade = await handMadeBatch([]);
    const joins = proposal.batches[2]?.passengerIds[0] ?? '';
    const meanwhile: Promise<unknown>[] = [];
    const error = await saveProposal(
      proposal,
      { names: names(5) },
      {
        chunkPassengers: 80,
        onProgress: (step) => {
          if (step.savedBatches === 2) meanwhile.push(addPassengers(handMade.id, [joins]));
        },
      },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    await Promise.all(meanwhile);
    if (!(error instanceof ProposalPartlySavedError)) throw new Error(`expected a partial save, got ${String(error)}`);
    expect(error.saved.ids).toHaveLength(2);
    expect(await db.assignments.count()).toBe(81);
  });

  it('keeps the chunks stored before a chunk that is refused, and says so', async () => {
    const proposal = await fiveBatches();
    // A passenger of the fourth batch (second chunk) joins a batch made by hand meanwhile.
    const meanwhile = proposal.batches[3]?.passengerIds[7] ?? '';
    const worker = await db.workers.get(meanwhile);
    if (!worker) throw new Error('a passenger of the fourth batch');
    await handMadeBatch([worker]);

    const error = await saveProposal(proposal, { names: names(5) }, { chunkPassengers: 80 }).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof ProposalPartlySavedError)) throw new Error(`expected a partial save, got ${String(error)}`);
    expect(error.saved.ids).toHaveLength(2);
    expect(error.saved.passengers).toBe(80);
    const batches = await stored();
    expect(batches.map((batch) => batch.name).sort()).toEqual(['田东县 手工批次', '第1批', '第2批']);
    expect(await db.assignments.count()).toBe(81);
  });
});
