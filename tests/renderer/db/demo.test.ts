import { beforeEach, describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import {
  clearDemoData,
  countRecords,
  createEnterprise,
  DemoAlreadyLoadedError,
  hasDemoData,
  listEnterprises,
  loadDemoData,
  saveOpening,
  type PlannerDatabase,
} from '@renderer/db';
import { makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

const demo = () => makeDemoData({ seed: 7, workers: 1500 });

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('the demo data set', () => {
  it('loads every table in one go, with progress, and can be loaded only once', async () => {
    const data = demo();
    const progress: number[] = [];
    await loadDemoData(data, { onProgress: ({ done }) => progress.push(done) });
    const counts = await countRecords();
    expect(counts).toMatchObject({
      workers: 1500,
      enterprises: data.enterprises.length,
      openings: data.openings.length,
      routes: 1,
      batches: data.batches.length,
      assignments: data.assignments.length,
    });
    // Every record written, the corrected contacts (kept, soft-deleted) among them.
    const superseded = data.contacts.filter((contact) => contact.deletedAt).length;
    expect(progress.at(-1)).toBe(Object.values(counts).reduce((a, b) => a + b, 0) + superseded);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await expect(hasDemoData()).resolves.toBe(true);
    await expect(loadDemoData(demo())).rejects.toBeInstanceOf(DemoAlreadyLoadedError);
    await expect(db.workers.count()).resolves.toBe(1500);
  });

  it('leaves nothing behind when the load is cancelled half way', async () => {
    const controller = new AbortController();
    const load = loadDemoData(demo(), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 1000) controller.abort();
      },
    });
    await expect(load).rejects.toThrow();
    expect(Object.values(await countRecords()).every((n) => n === 0)).toBe(true);
    await expect(db.audit.count()).resolves.toBe(0);
  });

  it('clears demo records and what hangs on them, and keeps the user’s own records', async () => {
    const data = demo();
    await loadDemoData(data);
    const mine = await createEnterprise({
      name: '我录入的企业',
      creditCode: '91440300708461136T',
      city: '深圳市',
      district: '',
      address: '',
      contactName: '',
      contactPhone: '',
      handoverPoint: '',
      resumptionStatus: 'resumed',
      isKeyEnterprise: false,
      hrAgency: '',
      notes: '',
    });
    const demoEnterprise = data.enterprises[0];
    if (!demoEnterprise) throw new Error('the demo set has no enterprise');
    // Added by hand to a demo enterprise: it would point at nothing once the demo is gone.
    await saveOpening(null, {
      enterpriseId: demoEnterprise.id,
      position: '临时工',
      headcount: 5,
      wageMin: 4000,
      wageMax: 5000,
      ageMin: 18,
      ageMax: 50,
      genderRequirement: 'any',
      requirements: '',
    });
    const ownWorker = makeWorker({ enterpriseId: demoEnterprise.id });
    await db.workers.add(ownWorker);

    await clearDemoData();
    await expect(hasDemoData()).resolves.toBe(false);
    expect((await listEnterprises()).map((e) => e.id)).toEqual([mine.id]);
    await expect(countRecords()).resolves.toMatchObject({
      workers: 1,
      openings: 0,
      routes: 0,
      batches: 0,
      assignments: 0,
    });
    await expect(db.workers.get(ownWorker.id)).resolves.toMatchObject({ enterpriseId: null, openingId: null });
    const audit = await db.audit.where('[table+recordId]').equals(['*', 'demo']).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'purge']);
  });
});

describe('the schema', () => {
  it('holds one person per resident ID', async () => {
    const worker = makeWorker();
    await db.workers.add(worker);
    await expect(db.workers.add({ ...makeWorker(), residentId: worker.residentId })).rejects.toThrow();
    await expect(db.workers.count()).resolves.toBe(1);
  });
});
