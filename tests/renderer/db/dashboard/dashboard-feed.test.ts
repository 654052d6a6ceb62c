/**
 * The dashboard's projection (renderer/db/dashboard): whatever was written since it was stored, the
 * home page's figures from it are the figures from the tables, and a projection that is damaged, cut
 * off or from before a restore is never believed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dashboard, type Dashboard, type DashboardFilter } from '@shared/dashboard';
import { makeDemoData } from '@shared/demo';
import type { SubsidyClaim, Worker } from '@shared/domain/records';
import {
  addPassengers,
  clearDemoData,
  createWorker,
  dashboardSource,
  deleteWorker,
  loadDemoData,
  logContact,
  makeBackup,
  removePassengers,
  restoreBackup,
  updateWorker,
  type PlannerDatabase,
} from '@renderer/db';
import { auditedWrite } from '@renderer/db/audited-write';
import { DashboardFeed, type DashboardView } from '@renderer/db/dashboard/dashboard-feed';
import { PROJECTION_ID, PROJECTION_FORMAT } from '@renderer/db/dashboard/dashboard-projection';
import { makeWorkerInput } from '@tests/fixtures/factories';
import { freshDatabaseWithOperator } from '../test-database';

const TODAY = '2026-12-07';
const NOW = '2026-12-07T02:00:00.000Z';
const FILTERS: DashboardFilter[] = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2025-12-08', to: TODAY },
  { from: '2020-01-01', to: '2026-12-31' },
];

let db: PlannerDatabase;

function boards(view: DashboardView): Dashboard[] {
  return FILTERS.map((filter) => dashboard(view.source, filter, NOW, { index: view.index }));
}

/** The figures from the tables, read whole, as the truth. */
async function fromTables(): Promise<Dashboard[]> {
  const source = await dashboardSource(db);
  return FILTERS.map((filter) => dashboard(source, filter, NOW));
}

/** A new worker's feed (the home page opened again): how it loaded, and its figures against the tables'. */
async function reopen(): Promise<DashboardFeed['lastLoad']> {
  const feed = new DashboardFeed(db);
  const view = await feed.load();
  expect(boards(view)).toEqual(await fromTables());
  await feed.save();
  return feed.lastLoad;
}

beforeEach(async () => {
  db = await freshDatabaseWithOperator();
  await loadDemoData(makeDemoData({ seed: 20200218, workers: 300, today: TODAY }));
  // The first opening reads every table and stores the projection.
  expect(await reopen()).toBe('rebuilt');
});

const stored = async <T>(table: 'workers' | 'batches' | 'followUps', id: string) =>
  (await db.table<T, string>(table).get(id)) as T;

/** A worker sent on a departed batch, with a follow-up: one the figures count. */
async function sentWorker(): Promise<Worker> {
  const followUps = await db.followUps.toArray();
  const followUp = followUps.find((one) => !one.deletedAt);
  if (!followUp) throw new Error('the demo has no follow-up');
  return stored<Worker>('workers', followUp.workerId);
}

describe('the dashboard projection', () => {
  it('answers an unchanged database from the stored record alone, with the tables’ figures', async () => {
    const [year] = await fromTables();
    expect(year?.figures.current.peopleSent).toBeGreaterThan(0);
    expect(await reopen()).toBe('current');
  });

  it('takes in a worker added, edited and deleted', async () => {
    await createWorker(makeWorkerInput());
    const worker = await sentWorker();
    const poorer = worker.povertyStatus === 'registered-poor' ? 'none' : 'registered-poor';
    await updateWorker(worker.id, makeWorkerInput({ povertyStatus: poorer }, worker), worker);
    expect(await reopen()).toBe('caught-up');
    const other = (await db.workers.toArray()).find((one) => one.id !== worker.id && !one.deletedAt);
    await deleteWorker(other?.id ?? '');
    expect(await reopen()).toBe('caught-up');
  });

  it('takes in passengers added and taken off a planned batch', async () => {
    const batch = (await db.batches.toArray()).find((one) => ['draft', 'planned'].includes(one.status));
    if (!batch) throw new Error('the demo has no planned batch');
    const aboard = new Set((await db.assignments.where('batchId').equals(batch.id).toArray()).map((a) => a.workerId));
    const free = (await db.workers.toArray()).filter((one) => !one.deletedAt && !aboard.has(one.id)).slice(0, 3);
    await addPassengers(
      batch.id,
      free.map((one) => one.id),
    );
    expect(await reopen()).toBe('caught-up');
    await removePassengers(batch.id, [free[0]?.id ?? '']);
    expect(await reopen()).toBe('caught-up');
  });

  it('takes in a contact logged, which moves the months in post', async () => {
    const followUp = (await db.followUps.toArray()).find((one) => !one.deletedAt);
    await logContact(followUp?.id ?? '', {
      date: TODAY,
      method: 'phone',
      by: '韦小燕',
      outcome: 'in-post',
      enterpriseId: null,
      employerName: '',
      employerCity: '',
      startedOn: null,
      leftOn: null,
      leftReason: '',
      monthlyIncome: 4500,
      difficulties: '',
      needs: [],
      action: '',
      nextDate: null,
    });
    expect(await reopen()).toBe('caught-up');
  });

  it('takes in subsidy claims written', async () => {
    const worker = await sentWorker();
    const scheme = (await db.subsidySchemes.toArray())[0];
    const claim: SubsidyClaim = {
      id: crypto.randomUUID(),
      schemeId: scheme?.id ?? 'scheme',
      workerId: worker.id,
      year: 2026,
      payee: 'worker',
      payeeId: worker.id,
      amountFen: 80_000,
      instalment: null,
      dueOn: '2026-06-01',
      periodId: null,
      months: 3,
      status: 'paid',
      noticeFrom: null,
      noticeDays: null,
      submittedOn: null,
      approvedOn: null,
      paidOn: '2026-07-01',
      paidAmountFen: 80_000,
      voucher: 'PZ-1',
      rejectedOn: null,
      rejectionReason: '',
      createdAt: NOW,
      updatedAt: NOW,
    };
    await auditedWrite(['subsidyClaims'], ({ create }) => create('subsidyClaims', claim));
    expect(await reopen()).toBe('caught-up');
    const [year] = await fromTables();
    expect(year?.figures.current.subsidies.paidFen).toBeGreaterThanOrEqual(80_000);
  });

  it('takes in a change stamped by a clock set back, by its audit row', async () => {
    const worker = await sentWorker();
    await auditedWrite(['workers'], ({ update }) =>
      update('workers', worker, {
        ...worker,
        county: '凌云县',
        countyCode: '451027',
        updatedAt: '2001-01-01T00:00:00.000Z',
      }),
    );
    expect(await reopen()).toBe('caught-up');
  });

  it('keeps following changes in the same session, as the home page’s worker does', async () => {
    const feed = new DashboardFeed(db);
    await feed.load();
    await createWorker(makeWorkerInput());
    const worker = await sentWorker();
    await deleteWorker(worker.id);
    const view = await feed.load();
    expect(feed.lastLoad).toBe('caught-up');
    expect(boards(view)).toEqual(await fromTables());
  });

  it('reads every table again after a backup is restored, even in a session that held the old one', async () => {
    const backup = await makeBackup({ kind: 'manual' });
    const feed = new DashboardFeed(db);
    await feed.load();
    const worker = await sentWorker();
    await deleteWorker(worker.id);
    await createWorker(makeWorkerInput());
    await feed.load();
    await feed.save();
    await restoreBackup(backup.bytes, undefined, { keepCurrent: () => Promise.resolve() });
    const view = await feed.load();
    expect(feed.lastLoad).toBe('rebuilt');
    expect(boards(view)).toEqual(await fromTables());
    await feed.save();
    expect(await reopen()).toBe('current');
  });

  it('reads every table again after the demo data is removed', async () => {
    await clearDemoData();
    expect(await reopen()).toBe('rebuilt');
  });

  it('never believes a damaged projection, nor one cut off from the trail it was made on', async () => {
    const record = (await db.caches.get(PROJECTION_ID)) as unknown as Record<string, unknown>;
    await db.caches.put({ ...record, workers: { ids: ['only-one'], fields: {} } } as never);
    expect(await reopen()).toBe('rebuilt');
    await db.caches.put({ ...record, format: PROJECTION_FORMAT + 1 } as never);
    expect(await reopen()).toBe('rebuilt');
    // A passenger whose worker is stored as a reference to a row the workers' ids do not have.
    const assignments = record['assignments'] as { ids: string[]; fields: Record<string, unknown> };
    const past = Uint32Array.from(assignments.ids, () => 0xffff_fff0);
    const pointingPast = {
      ...assignments,
      fields: { ...assignments.fields, workerId: { workerIds: true, extra: [], codes: past } },
    };
    await db.caches.put({ ...record, assignments: pointingPast } as never);
    expect(await reopen()).toBe('rebuilt');
    // A projection whose audit row the trail no longer holds at its place.
    const current = (await db.caches.get(PROJECTION_ID)) as unknown as { stamp: { seq: number; id: string } };
    await db.caches.put({ ...current, stamp: { seq: current.stamp.seq, id: 'another-row' } } as never);
    await createWorker(makeWorkerInput());
    expect(await reopen()).toBe('rebuilt');
  });
});
