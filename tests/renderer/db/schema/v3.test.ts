import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { makeEnterprise, makeWorker } from '@tests/fixtures/factories';

describe('schema version 3', () => {
  it('opens a database written by version 2 with every record intact and an empty caches table', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    const workers = [makeWorker(), makeWorker()];
    const enterprise = makeEnterprise();
    await old.table('workers').bulkAdd(workers);
    await old.table('enterprises').add(enterprise);
    old.close();

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    await expect(db.enterprises.get(enterprise.id)).resolves.toMatchObject(enterprise);
    await expect(db.caches.count()).resolves.toBe(0);
    await db.caches.put({ id: 'probe' });
    await expect(db.caches.get('probe')).resolves.toEqual({ id: 'probe' });
    db.close();
  });
});
