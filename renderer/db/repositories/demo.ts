import { RECORD_TABLES, database, type RecordTableName } from '../database';
import { auditedWrite } from '../audited-write';
import type { RecordMeta } from '@shared/domain/records';
import type { DemoData } from '@shared/demo';

export type RecordCounts = Record<RecordTableName, number>;

export interface DemoProgress {
  /** Records written so far. */
  done: number;
  total: number;
}

export interface LoadDemoOptions {
  onProgress?: (progress: DemoProgress) => void;
  /** Aborting rolls the whole load back: the database is left as it was. */
  signal?: AbortSignal;
}

const CHUNK = 1000;

/** How many live records each table holds. */
export async function countRecords(): Promise<RecordCounts> {
  const db = database();
  const entries = await Promise.all(
    RECORD_TABLES.map(
      async (name) =>
        [
          name,
          await db
            .table<RecordMeta>(name)
            .filter((r) => !r.deletedAt)
            .count(),
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as RecordCounts;
}

export async function hasDemoData(): Promise<boolean> {
  const db = database();
  for (const name of RECORD_TABLES) {
    if (
      (await db
        .table<RecordMeta>(name)
        .filter((r) => r.demo === true)
        .limit(1)
        .count()) > 0
    )
      return true;
  }
  return false;
}

export class DemoAlreadyLoadedError extends Error {
  constructor() {
    super('demo data is already loaded');
    this.name = 'DemoAlreadyLoadedError';
  }
}

/**
 * Writes a demo data set in one transaction, in chunks so that progress can be shown. A cancelled
 * or failed load leaves nothing behind.
 */
export async function loadDemoData(data: DemoData, options: LoadDemoOptions = {}): Promise<void> {
  const parts: [RecordTableName, RecordMeta[]][] = [
    ['enterprises', data.enterprises],
    ['openings', data.openings],
    ['routes', data.routes],
    ['batches', data.batches],
    ['workers', data.workers],
    ['assignments', data.assignments],
  ];
  const total = parts.reduce((sum, [, records]) => sum + records.length, 0);
  await auditedWrite(RECORD_TABLES, async ({ db, record }) => {
    if (await hasDemoData()) throw new DemoAlreadyLoadedError();
    let done = 0;
    for (const [name, records] of parts) {
      for (let start = 0; start < records.length; start += CHUNK) {
        options.signal?.throwIfAborted();
        const chunk = records.slice(start, start + CHUNK).map((r) => ({ ...r, demo: true }));
        await db.table(name).bulkAdd(chunk);
        done += chunk.length;
        options.onProgress?.({ done, total });
      }
    }
    options.signal?.throwIfAborted();
    await record({
      table: '*',
      recordId: 'demo',
      action: 'create',
      before: null,
      after: Object.fromEntries(parts.map(([name, records]) => [name, records.length])),
    });
  });
}

/**
 * Removes every demo record, and the records people added that hang on a demo record (an opening
 * of a demo enterprise, an assignment to a demo batch), so nothing is left pointing at nothing.
 */
export async function clearDemoData(): Promise<number> {
  return auditedWrite(RECORD_TABLES, async ({ db, record }) => {
    const removed: Record<string, number> = {};
    const demoIds = new Map<RecordTableName, Set<string>>();
    for (const name of RECORD_TABLES) {
      const ids = await db
        .table<RecordMeta, string>(name)
        .filter((r) => r.demo === true)
        .primaryKeys();
      demoIds.set(name, new Set(ids));
    }
    /** Whether a record points, through one of these fields, at a demo record of `table`. */
    const pointsAtDemo =
      (...links: [field: string, table: RecordTableName][]) =>
      (record: Record<string, unknown>): boolean =>
        links.some(([field, table]) => {
          const target = record[field];
          return typeof target === 'string' && (demoIds.get(table)?.has(target) ?? false);
        });
    const dependents: [RecordTableName, (record: Record<string, unknown>) => boolean][] = [
      ['openings', pointsAtDemo(['enterpriseId', 'enterprises'])],
      ['assignments', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'])],
      ['healthChecks', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'])],
      ['checklistTicks', pointsAtDemo(['batchId', 'batches'])],
      ['followUps', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'], ['enterpriseId', 'enterprises'])],
    ];
    for (const [name, test] of dependents) {
      const ids = await db.table<Record<string, unknown>, string>(name).filter(test).primaryKeys();
      for (const id of ids) demoIds.get(name)?.add(id);
    }
    let total = 0;
    for (const [name, ids] of demoIds) {
      await db.table(name).bulkDelete([...ids]);
      removed[name] = ids.size;
      total += ids.size;
    }
    // Workers of the user's own who were sent to a demo enterprise keep their record, not the link.
    const demoEnterprises = demoIds.get('enterprises') ?? new Set<string>();
    await db.workers
      .filter((w) => w.enterpriseId !== null && demoEnterprises.has(w.enterpriseId))
      .modify({ enterpriseId: null, openingId: null });
    await record({ table: '*', recordId: 'demo', action: 'purge', before: removed, after: null });
    return total;
  });
}
