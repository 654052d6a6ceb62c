import { beforeEach, describe, expect, it } from 'vitest';
import type { PlannerDatabase } from '@renderer/db';
import { readWorkersInParts } from '@renderer/db/directory/read-workers';
import { makeWorker } from '@tests/fixtures/factories';
import { freshDatabase } from '../test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('reading every worker in parts', () => {
  it('hands over every worker once, in key order, whatever the form of the ids', async () => {
    const ids = [
      // Random UUIDs, as the app makes them, from both ends of the hex digits and on the cuts.
      ...Array.from({ length: 200 }, () => crypto.randomUUID()),
      '00000000-0000-4000-8000-000000000000',
      '1',
      'f',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      // Ids of other forms (a hand-made or an old record): they sort outside the hex digits.
      '',
      ' leading-space',
      '-dash',
      'G-upper',
      'worker-7',
      'zzz',
      '赵',
    ];
    await db.workers.bulkAdd(ids.map((id) => makeWorker({ id })));
    const parts: string[][] = [];
    await readWorkersInParts(db, (workers) => parts.push(workers.map((worker) => worker.id)));
    expect(parts.length).toBeGreaterThan(1);
    const read = parts.flat();
    expect(read).toEqual((await db.workers.toCollection().primaryKeys()).map(String));
    expect([...read].sort()).toEqual([...ids].sort());
  });

  it('reads an empty table as nothing', async () => {
    const read: unknown[] = [];
    await readWorkersInParts(db, (workers) => read.push(...workers));
    expect(read).toEqual([]);
  });
});
