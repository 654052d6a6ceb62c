import { PlannerDatabase, setDatabase } from '../../../renderer/db';

/** Gives each test its own empty database (on fake-indexeddb) and points the repositories at it. */
export function freshDatabase(): PlannerDatabase {
  const db = new PlannerDatabase(`test-${crypto.randomUUID()}`);
  setDatabase(db);
  return db;
}
