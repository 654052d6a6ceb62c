import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { SCHEMA_V4 } from '@renderer/db/schema/v4';
import { SCHEMA_V5 } from '@renderer/db/schema/v5';
import { makeEnterprise, makeWorker } from '@tests/fixtures/factories';

describe('schema version 6', () => {
  it('opens a database written by version 5 with every record intact, enterprises without a bank account and the subsidy tables empty', async () => {
    const name = `v5-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    old.version(5).stores(SCHEMA_V5);
    const workers = [makeWorker(), makeWorker()];
    const { bankAccount: _none, ...enterprise } = makeEnterprise({ isKeyEnterprise: true });
    await old.table('workers').bulkAdd(workers);
    await old.table('enterprises').add(enterprise);
    old.close();

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    await expect(db.enterprises.get(enterprise.id)).resolves.toEqual({ ...enterprise, bankAccount: null });
    for (const table of [db.subsidySchemes, db.agencies, db.introductions, db.subsidyClaims]) {
      await expect(table.count()).resolves.toBe(0);
    }
    db.close();
  });
});
