/**
 * The upgrade from every earlier schema version to the current one, as an office meets it (issue
 * 21): a database written by an older version of the app, with records in every table that version
 * had, is backed up first (at its old version, without being upgraded), then opened by the current
 * code, and every record is still there; the backup holds the old data and restores.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { UNBACKED_TABLES } from '@shared/backup';
import { makeDemoData } from '@shared/demo';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { backupBeforeUpgrade, database, inspectBackup, PlannerDatabase, restoreBackup } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { SCHEMA_V4 } from '@renderer/db/schema/v4';
import { SCHEMA_V5 } from '@renderer/db/schema/v5';
import { SCHEMA_V6 } from '@renderer/db/schema/v6';
import { FIXTURE_TIME } from '@tests/fixtures/factories';
import { freshDatabase } from '../test-database';

/** Every schema the app has had, oldest first: the last is the current one. */
const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6];
const EARLIER_VERSIONS = [1, 2, 3, 4, 5] as const;

/** The database as a given older version of the app declared it. */
function databaseAtVersion(name: string, version: number): Dexie {
  const old = new Dexie(name);
  SCHEMAS.slice(0, version).forEach((schema, index) => old.version(index + 1).stores(schema));
  return old;
}

/**
 * Records a database at `version` could hold, in every table that holds records then: the demo
 * data set (workers, enterprises, openings, a route, batches, seats, and from version 5 the
 * arrivals, handovers and follow-ups), an audit row, and the settings. Enterprises before version 6
 * had no bank account; follow-ups were never written before version 5.
 */
function recordsAt(version: number): Record<string, unknown[]> {
  const demo = makeDemoData({ seed: 20 + version, workers: 40 });
  const records: Record<string, unknown[]> = {
    workers: demo.workers,
    enterprises: demo.enterprises.map(({ bankAccount: _none, ...enterprise }) =>
      version < 6 ? enterprise : { ...enterprise, bankAccount: null },
    ),
    openings: demo.openings,
    routes: demo.routes,
    batches: demo.batches,
    assignments: demo.assignments,
    audit: [
      {
        id: crypto.randomUUID(),
        at: FIXTURE_TIME,
        operator: '韦小燕',
        table: 'workers',
        recordId: demo.workers[0]?.id ?? '',
        action: 'create',
        before: null,
        after: null,
      },
    ],
    settings: [{ ...DEFAULT_SETTINGS, operatorName: '韦小燕', updatedAt: FIXTURE_TIME }],
  };
  if (version >= 5) {
    Object.assign(records, {
      arrivals: demo.arrivals,
      handovers: demo.handovers,
      followUps: demo.followUps,
      contacts: demo.contacts,
      employmentPeriods: demo.employmentPeriods,
    });
  }
  return records;
}

/** The schema version of the stored database, as IndexedDB reports it (Dexie stores ten times it). */
async function storedVersion(name: string): Promise<number | undefined> {
  const info = (await indexedDB.databases()).find((database) => database.name === name);
  return info?.version === undefined ? undefined : info.version / 10;
}

const keepNothing = () => Promise.resolve();

beforeEach(() => {
  freshDatabase();
});

describe('upgrading from every earlier schema version', () => {
  it('walks every version up to the current one', () => {
    expect(new PlannerDatabase(`count-${crypto.randomUUID()}`).verno).toBe(SCHEMAS.length);
  });

  it.each(EARLIER_VERSIONS)(
    'backs up a version %i database first, then opens it at the current version with every record intact',
    async (version) => {
      const name = `walk-v${version}-${crypto.randomUUID()}`;
      const written = recordsAt(version);
      const old = databaseAtVersion(name, version);
      for (const [table, records] of Object.entries(written)) await old.table(table).bulkAdd(records);
      old.close();

      // First the backup, made from the old database without upgrading it.
      const backup = await backupBeforeUpgrade(name);
      if (!backup) throw new Error(`no backup before the upgrade from version ${version}`);
      expect(await storedVersion(name)).toBe(version);
      expect(backup.manifest).toMatchObject({ kind: 'before-upgrade', schemaVersion: version });
      for (const [table, records] of Object.entries(written)) {
        expect(backup.manifest.counts[table], table).toBe(records.length);
      }

      // Then the upgrade, by opening with the current code.
      const db = new PlannerDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMAS.length);
      for (const [table, records] of Object.entries(written)) {
        const stored = await db.table(table).toArray();
        const expected =
          table === 'enterprises' ? records.map((record) => ({ bankAccount: null, ...(record as object) })) : records;
        // The audit table keys rows by an auto-increment `seq` that the old rows were given as stored.
        const comparable = table === 'audit' ? stored.map(({ seq: _seq, ...row }: { seq: number }) => row) : stored;
        expect(comparable, table).toEqual(expect.arrayContaining(expected));
        expect(comparable, table).toHaveLength(records.length);
      }
      db.close();

      // The backup holds the data as it was, and restores (upgraded on the way in).
      const inspection = await inspectBackup(backup.bytes);
      expect(inspection.upgradedFrom).toBe(version);
      await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
      const restored = await database().workers.toArray();
      expect(restored).toEqual(expect.arrayContaining(written['workers'] ?? []));
      expect(restored).toHaveLength(written['workers']?.length ?? -1);
    },
  );

  it('backs up only tables that hold records, never the derived ones', async () => {
    const name = `walk-tables-${crypto.randomUUID()}`;
    const old = databaseAtVersion(name, 5);
    await old.table('workers').bulkAdd(makeDemoData({ seed: 3, workers: 5 }).workers);
    old.close();
    const backup = await backupBeforeUpgrade(name);
    for (const table of UNBACKED_TABLES) expect(backup?.manifest.counts).not.toHaveProperty(table);
  });
});
