import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { makeWorker } from '@tests/fixtures/factories';

describe('schema version 4', () => {
  it('opens a database written by version 3 with every record intact and empty imports and installation tables', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    const workers = [makeWorker(), makeWorker()];
    await old.table('workers').bulkAdd(workers);
    await old.table('caches').put({ id: 'snapshot' });
    old.close();

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    await expect(db.caches.get('snapshot')).resolves.toEqual({ id: 'snapshot' });
    await expect(db.imports.count()).resolves.toBe(0);
    await expect(db.installation.count()).resolves.toBe(0);
    db.close();
  });
});
