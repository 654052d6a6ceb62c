import type { Worker } from '@shared/domain/records';
import type { PlannerDatabase } from '../database';

/**
 * Where the workers table is cut for reading: worker ids are random UUIDs, so their first hex
 * digit spreads them evenly. The first and last parts are open-ended, so an id of any other form
 * is read too (in the part its first character sorts into).
 */
const CUTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'];

/**
 * Reads every worker, in primary-key order, one part after another in one read transaction, and
 * hands each part to `take` as soon as it arrives. All parts are asked for at once: IndexedDB
 * reads the next part while this thread takes the one before apart and indexes it. In a probe with
 * 100,000 workers, sixteen parts took 1.0-1.1 s to arrive against 1.3 s for one `getAll`, and the
 * first was there after 80 ms instead of after all of them.
 */
export async function readWorkersInParts(db: PlannerDatabase, take: (workers: Worker[]) => void): Promise<void> {
  await db.transaction('r', db.workers, async () => {
    const parts = [undefined, ...CUTS].map((lower, index) => {
      const upper = CUTS[index];
      if (lower === undefined) return db.workers.where(':id').below(upper);
      if (upper === undefined) return db.workers.where(':id').aboveOrEqual(lower);
      return db.workers.where(':id').between(lower, upper, true, false);
    });
    // Asked for together; IndexedDB answers in the order asked, so they are taken in key order.
    const reads = parts.map((part) => part.toArray());
    for (const read of reads) take(await read);
  });
}
