import { database, PlannerDatabase, RecordRejectedError, setDatabase, updateSettings } from '@renderer/db';
import type { Batch, Enterprise, Opening, Route, Worker } from '@shared/domain/records';
import { makeWorker } from '../../fixtures/factories';

/** Gives each test its own empty database (on fake-indexeddb) and points the repositories at it. */
export function freshDatabase(): PlannerDatabase {
  const db = new PlannerDatabase(`test-${crypto.randomUUID()}`);
  setDatabase(db);
  return db;
}

/** A fresh database (see `freshDatabase`) whose operator is named, so that audit rows are signed. */
export async function freshDatabaseWithOperator(operatorName = '王调度'): Promise<PlannerDatabase> {
  const db = freshDatabase();
  await updateSettings({ operatorName });
  return db;
}

/** The RecordRejectedError a write is expected to end with (a test fails on any other outcome). */
export async function rejection(promise: Promise<unknown>): Promise<RecordRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RecordRejectedError)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}

interface StoredRecords {
  workers: Worker;
  enterprises: Enterprise;
  openings: Opening;
  routes: Route;
  batches: Batch;
}

/** A record as it is stored now: what a form opened now would load, and base its save on. */
export async function stored<K extends keyof StoredRecords>(table: K, id: string): Promise<StoredRecords[K]> {
  const record = await database().table<StoredRecords[K], string>(table).get(id);
  if (!record) throw new Error(`${table} ${id} is not stored`);
  return record;
}

/** Stores `count` new workers, bound for `enterpriseId` (or no enterprise), and returns them. */
export async function registerWorkers(
  db: PlannerDatabase,
  count: number,
  enterpriseId: string | null = null,
): Promise<Worker[]> {
  const workers = Array.from({ length: count }, () => makeWorker({ enterpriseId }));
  await db.workers.bulkAdd(workers);
  return workers;
}
