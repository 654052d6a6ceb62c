import type { Worker } from '../../../shared/domain/records';
import type { WorkerFields } from '../../../shared/domain/worker-rules';
import Dexie from 'dexie';
import { database, type PlannerDatabase } from '../database';
import { recordChange } from '../audit';
import { newId, now } from '../clock';

/** One checked roster row, ready to store. */
export interface ImportRow {
  /** The row number the cadre sees in the file (header = 1), for the report. */
  line: number;
  worker: WorkerFields;
  /** The fields the file fills for this row: the only ones an update may change. */
  filled: readonly (keyof WorkerFields)[];
}

/** What happens to a row whose resident ID is already registered. */
export type ExistingChoice = 'skip' | 'update';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportReport {
  /** Lines stored as new workers. */
  created: number[];
  /** Lines that changed a registered worker. */
  updated: number[];
  /** Lines whose worker was registered already and stayed as it was (skipped, or nothing new). */
  unchanged: number[];
  /** Lines not reached because the import was cancelled: nothing of them was stored. */
  notReached: number[];
  cancelled: boolean;
}

export interface ImportOptions {
  onExisting: ExistingChoice;
  /** Name of the file, kept in the audit trail. */
  source: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the import: the chunk being written is rolled back at once, the chunks before it stay. */
  signal?: AbortSignal;
  /** Rows per transaction; IMPORT_CHUNK unless a caller needs smaller steps. */
  chunkSize?: number;
}

/** An import that stopped on an error: `report` says which lines were stored before it. */
export class ImportInterruptedError extends Error {
  readonly report: ImportReport;

  constructor(report: ImportReport, cause: unknown) {
    super(`import interrupted: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ImportInterruptedError';
    this.report = report;
  }
}

/**
 * Rows per transaction. Every commit costs: 100,000 rows stored in chunks of 5,000 took about 0.6 s
 * longer than in chunks of 20,000. Cancel does not wait for a chunk to end (it aborts the chunk's
 * transaction), so a big chunk only decides how much work a cancel throws away.
 */
export const IMPORT_CHUNK = 25000;

/** Rows between two progress reports inside a chunk: how often the progress bar moves. */
export const IMPORT_STEP = 5000;

/**
 * Adds new workers inside the running transaction. All but the last go to IndexedDB directly, every
 * request asked for at once: Dexie's bookkeeping of each record (the key ranges its live queries
 * watch) cost about a second per 100,000 rows, 7% of an import. The last goes through Dexie, so
 * that its change signal wakes the live queries that watch the workers table (its count, its newest
 * change: the workers directory), here and in other windows. A refused record (a resident ID
 * registered meanwhile in another window) fails its request, which aborts the whole transaction.
 * `onProgress` hears how many were written, every IMPORT_STEP records (still uncommitted).
 */
async function addAll(
  db: PlannerDatabase,
  added: readonly Worker[],
  onProgress: (written: number) => void,
): Promise<void> {
  const last = added.at(-1);
  if (!last) return;
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('addAll runs inside a transaction');
  const store = transaction.idbtrans.objectStore(db.workers.name);
  const direct = added.length - 1;
  await new Promise<void>((resolve, reject) => {
    if (direct === 0) return resolve();
    let written = 0;
    for (let index = 0; index < direct; index += 1) {
      const request = store.add(added[index]);
      request.onsuccess = () => {
        written += 1;
        if (written % IMPORT_STEP === 0) onProgress(written);
        if (written === direct) resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('worker not added'));
    }
  });
  await db.workers.add(last);
  onProgress(added.length);
}

function mergeFilled(before: Worker, row: ImportRow): Worker | null {
  const changed: Partial<Record<keyof WorkerFields, unknown>> = {};
  for (const field of row.filled) {
    const value = row.worker[field];
    if (JSON.stringify(value) !== JSON.stringify(before[field])) changed[field] = value;
  }
  if (Object.keys(changed).length === 0 && !before.deletedAt) return null;
  return { ...before, ...changed, deletedAt: null, updatedAt: now() } as Worker;
}

/**
 * Stores checked roster rows in chunks, one transaction each, so that a cancelled or crashed import
 * leaves whole chunks only, and the report names exactly the lines stored. One audit row per chunk
 * lists the workers it created and, for the ones it changed, their fields before and after: the
 * records themselves hold the rest, and a row per person would double the cost of every import.
 */
export async function importWorkers(rows: readonly ImportRow[], options: ImportOptions): Promise<ImportReport> {
  const db = database();
  const report: ImportReport = { created: [], updated: [], unchanged: [], notReached: [], cancelled: false };
  const importId = newId();
  // The IDs registered before the import, read once from the index's keys. Asking the index for each
  // chunk's IDs instead costs more with every chunk stored (20,000 rows took 17 s instead of 3).
  // A person registered in another window meanwhile makes that chunk fail whole: the unique index
  // refuses the second record, and the report says which lines were stored before.
  const registered = new Set(await db.workers.orderBy('residentId').keys());
  /** Stores one chunk inside its transaction; says what became of each of its lines. */
  const storeChunk = async (chunk: readonly ImportRow[], start: number) => {
    const known = chunk.map((row) => row.worker.residentId).filter((id) => registered.has(id));
    const existing = known.length === 0 ? [] : await db.workers.where('residentId').anyOf(known).toArray();
    const byId = new Map(existing.map((worker) => [worker.residentId, worker]));
    const at = now();
    const added: Worker[] = [];
    const changed: { before: Worker; after: Worker }[] = [];
    const result = { created: [] as number[], updated: [] as number[], unchanged: [] as number[] };
    for (const row of chunk) {
      const before = byId.get(row.worker.residentId);
      if (!before) {
        added.push({ ...row.worker, id: newId(), createdAt: at, updatedAt: at });
        result.created.push(row.line);
        continue;
      }
      const after = options.onExisting === 'update' ? mergeFilled(before, row) : null;
      if (after) {
        changed.push({ before, after });
        result.updated.push(row.line);
      } else {
        result.unchanged.push(row.line);
      }
    }
    await addAll(db, added, (written) => {
      if (!options.signal?.aborted) options.onProgress?.({ done: start + written, total: rows.length });
    });
    options.signal?.throwIfAborted();
    await db.workers.bulkPut(changed.map((change) => change.after));
    options.signal?.throwIfAborted();
    if (added.length > 0 || changed.length > 0) {
      await recordChange(db, {
        table: 'workers',
        recordId: `import:${importId}`,
        action: 'create',
        before: null,
        after: {
          source: options.source,
          created: added.map((worker) => worker.id),
          updated: changed.map(({ before, after }) => ({ id: before.id, before, after })),
        },
      });
    }
    return result;
  };
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    if (options.signal?.aborted) {
      report.cancelled = true;
      report.notReached.push(...rows.slice(start).map((row) => row.line));
      break;
    }
    try {
      const outcome = await db.transaction('rw', [db.workers, db.audit, db.settings], async (transaction) => {
        // Cancel rolls back the chunk being written at once instead of waiting for it to end.
        const abort = () => {
          transaction.abort();
        };
        options.signal?.addEventListener('abort', abort, { once: true });
        try {
          return await storeChunk(chunk, start);
        } finally {
          options.signal?.removeEventListener('abort', abort);
        }
      });
      report.created.push(...outcome.created);
      report.updated.push(...outcome.updated);
      report.unchanged.push(...outcome.unchanged);
    } catch (error) {
      report.notReached.push(...rows.slice(start).map((row) => row.line));
      if (!options.signal?.aborted) throw new ImportInterruptedError(report, error);
      report.cancelled = true;
      break;
    }
    options.onProgress?.({ done: Math.min(start + chunk.length, rows.length), total: rows.length });
  }
  return report;
}
