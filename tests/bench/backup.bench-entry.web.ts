/**
 * What the backup benchmark runs inside Chromium, bundled by `backup.ts` into one script for a blank
 * page of the app's origin: the app's own database class and backup repository, unchanged.
 */
import { PlannerDatabase, setDatabase } from '@renderer/db/database';
import { makeBackup, restoreBackup } from '@renderer/db/repositories/backups';

let db: PlannerDatabase | null = null;
let lastBackup: Uint8Array | null = null;

function open(): PlannerDatabase {
  if (!db) {
    db = new PlannerDatabase();
    setDatabase(db);
  }
  return db;
}

/** Empties every table, then writes `stores` (`{ table: records[] }`) in one transaction; records written. */
async function seed(stores: Record<string, unknown[]>): Promise<number> {
  const database = open();
  await clear();
  let written = 0;
  await database.transaction('rw', database.tables, async () => {
    for (const [name, records] of Object.entries(stores)) {
      await database.table(name).bulkAdd(records);
      written += records.length;
    }
  });
  return written;
}

async function clear(): Promise<void> {
  const database = open();
  await database.transaction('rw', database.tables, () => Promise.all(database.tables.map((table) => table.clear())));
}

/** One "Back up now" (without saving the bytes anywhere): ms, size in bytes, records backed up. */
async function backup(): Promise<{ ms: number; bytes: number; records: number }> {
  open();
  const start = performance.now();
  const made = await makeBackup({ kind: 'manual' });
  const ms = performance.now() - start;
  lastBackup = made.bytes;
  return { ms, bytes: made.bytes.byteLength, records: Object.values(made.manifest.counts).reduce((a, b) => a + b, 0) };
}

/**
 * Restores the last backup (kept in this page): the whole call, from the file's bytes to the
 * committed transaction, and the writing phase alone (clear, every page added, the audit row).
 */
async function restore(): Promise<{ ms: number; writingMs: number; records: number }> {
  open();
  if (!lastBackup) throw new Error('no backup made yet');
  let writingStart: number | null = null;
  const start = performance.now();
  const report = await restoreBackup(lastBackup, undefined, {
    keepCurrent: () => Promise.resolve(),
    onProgress: ({ phase }) => {
      if (phase === 'writing' && writingStart === null) writingStart = performance.now();
    },
  });
  const end = performance.now();
  return {
    ms: end - start,
    writingMs: end - (writingStart ?? start),
    records: Object.values(report.restored).reduce((a, b) => a + b, 0),
  };
}

Object.assign(globalThis, { plannerBackupBench: { seed, clear, backup, restore } });
