import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { SCHEMA_V4 } from '@renderer/db/schema/v4';
import { makeWorker } from '@tests/fixtures/factories';

describe('schema version 5', () => {
  it('opens a database written by version 4 with every record intact, the new tables empty and no follow-up of the old shape', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    const workers = [makeWorker(), makeWorker()];
    await old.table('workers').bulkAdd(workers);
    await old.table('followUps').add({ id: 'old', workerId: workers[0]?.id, batchId: 'b', enterpriseId: 'e' });
    old.close();

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    await expect(db.followUps.count()).resolves.toBe(0);
    for (const table of [db.arrivals, db.handovers, db.contacts, db.employmentPeriods]) {
      await expect(table.count()).resolves.toBe(0);
    }
    db.close();
  });
});
