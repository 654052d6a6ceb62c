import { PlannerDatabase, RecordRejectedError, setDatabase } from '@renderer/db';

/** Gives each test its own empty database (on fake-indexeddb) and points the repositories at it. */
export function freshDatabase(): PlannerDatabase {
  const db = new PlannerDatabase(`test-${crypto.randomUUID()}`);
  setDatabase(db);
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
