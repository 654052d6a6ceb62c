import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { makeWorker } from '@tests/fixtures/factories';

describe('schema version 2', () => {
  it('opens a database written by version 1 with every worker intact and fewer indexes', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const workers = [makeWorker(), makeWorker({ enterpriseId: 'e1' })];
    await old.table('workers').bulkAdd(workers);
    old.close();

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    expect(db.workers.schema.indexes.map((index) => index.name).sort()).toEqual([
      'enterpriseId',
      'residentId',
      'updatedAt',
    ]);
    await expect(db.workers.where('enterpriseId').equals('e1').count()).resolves.toBe(1);
    // The unique resident ID survives the change.
    await expect(db.workers.add({ ...makeWorker(), residentId: workers[0]?.residentId ?? '' })).rejects.toThrow();
    db.close();
  });
});
