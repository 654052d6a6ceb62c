import { revisionOf, type Worker } from '@shared/domain/records';
import type { WorkerFields } from '@shared/domain/worker-rules';
import Dexie from 'dexie';
import { database, type PlannerDatabase } from '../database';
import { AUDIT_TABLES, beginChange, writeAuditAnchor } from '../audit';
import { newId, now } from '../clock';
import {
  endImportJournal,
  journalChunk,
  resumeImportJournal,
  startImportJournal,
  withImportLock,
  type ImportedFile,
  type ImportJournalEntry,
} from './import-journal';

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
  /** The file read, for the import's journal (import-journal.ts); the name alone when absent. */
  file?: ImportedFile;
  /**
   * The journal id of an interrupted import that this run finishes, with the same file (its
   * `fileHash` is compared) and the same columns: rows already stored are found registered and
   * skipped (or, with `update`, found unchanged), the rest are stored, and the entry is completed.
   */
  resume?: string;
}

/**
 * An end the journal could not write is left unsaid: the report still goes to the page, and the
 * entry, still running with the chunks stored, is reported at the next start as interrupted.
 */
const unjournalled = (): void => undefined;

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
 * Asks for the new workers to be added inside the running transaction, and resolves when they are.
 * All but the last go to IndexedDB directly, every request asked for at once, before this returns:
 * Dexie's bookkeeping of each record (the key ranges its live queries watch) cost about a second
 * per 100,000 rows, 7% of an import. The last goes through Dexie, so that its change signal wakes
 * the live queries that watch the workers table (its count, its newest change: the workers
 * directory), here and in other windows. A refused record (a resident ID registered meanwhile in
 * another window) fails its request, which aborts the whole transaction. `onProgress` hears how
 * many were written, every IMPORT_STEP records (still uncommitted). Only those requests and the
 * last have handlers: an answer handled for every record kept the import's thread busy with
 * 100,000 events while IndexedDB stored the next chunk. The requests are asked for before the first
 * `await`, so before this returns.
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
    for (let index = 0; index < direct; index += 1) {
      const request = store.add(added[index]);
      const count = index + 1;
      // IndexedDB answers a transaction's requests in the order they were asked for, so the last
      // one's answer says all were written. A refused one fails the transaction, and with it the last.
      if (count === direct) {
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('worker not added'));
      } else if (count % IMPORT_STEP === 0) {
        request.onsuccess = () => onProgress(count);
      }
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
  // One more revision, as any update (audited-write.ts): a form open on this worker is then refused.
  return { ...before, ...changed, deletedAt: null, updatedAt: now(), revision: revisionOf(before) + 1 } as Worker;
}

/** A chunk handed to IndexedDB, and what became of its transaction. */
interface ChunkRun {
  lines: readonly number[];
  /** What became of each line, once the transaction has committed; rejects when it did not. */
  outcome: Promise<{ created: number[]; updated: number[]; unchanged: number[] }>;
  state: 'running' | 'committed' | 'failed';
  error?: unknown;
}

/**
 * Stores checked roster rows in chunks, one transaction each, so that a cancelled or crashed import
 * leaves whole chunks only, and the report names exactly the lines stored. One audit row per chunk
 * lists the workers it created and, for the ones it changed, their fields before and after: the
 * records themselves hold the rest, and a row per person would double the cost of every import.
 *
 * The chunks overlap: the next chunk's transaction is opened, and its workers handed to IndexedDB,
 * while this one is stored. IndexedDB runs the two one after the other, in the order they were
 * opened, and never waits for the import between them (for a commit's answer, for the next chunk's
 * records): in a probe, four chunks one after another took about a second longer than one
 * transaction, overlapped 0.1 s. At most two chunks are in IndexedDB's hands at a time. A chunk
 * commits only if the one before it has: one that finds the chunk before it failed or cancelled
 * throws before its end, which rolls it back, so the lines stored are always the file's first chunks.
 */
export async function importWorkers(rows: readonly ImportRow[], options: ImportOptions): Promise<ImportReport> {
  const importId = options.resume ?? newId();
  // Held until the import ends, however it ends: a journal entry left running without it was cut off.
  return withImportLock(importId, () => storeJournaled(importId, rows, options));
}

async function storeJournaled(
  importId: string,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportReport> {
  const db = database();
  const report: ImportReport = { created: [], updated: [], unchanged: [], notReached: [], cancelled: false };
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK);
  const file: ImportedFile = options.file ?? {
    fileName: options.source,
    fileHash: '',
    sheet: null,
    mapping: {},
    rowsTotal: rows.length,
  };
  const journal: ImportJournalEntry = options.resume
    ? await resumeImportJournal(db, options.resume, file.fileHash, rows.length, chunkSize)
    : await startImportJournal(db, { id: importId, file, onExisting: options.onExisting }, rows.length, chunkSize);
  // The IDs registered before the import, read once from the index's keys. Asking the index for each
  // chunk's IDs instead costs more with every chunk stored (20,000 rows took 17 s instead of 3).
  // A person registered in another window meanwhile makes that chunk fail whole: the unique index
  // refuses the second record, and the report says which lines were stored before.
  const registered = new Set(await db.workers.orderBy('residentId').keys());
  let shown = 0;
  const progress = (done: number) => {
    // Two chunks report in turn: the bar only moves forward.
    if (done <= shown || options.signal?.aborted) return;
    shown = done;
    options.onProgress?.({ done, total: rows.length });
  };

  /** Stores one chunk inside its transaction, after `previous` has committed; says what became of each line. */
  const storeChunk = async (chunk: readonly ImportRow[], start: number, previous: ChunkRun | undefined) => {
    // Registered people are read only to be updated: skipped, they need no read (a finish skips a
    // whole chunk stored before the interruption this way).
    const known =
      options.onExisting === 'update'
        ? chunk.map((row) => row.worker.residentId).filter((id) => registered.has(id))
        : [];
    const existing = known.length === 0 ? [] : await db.workers.where('residentId').anyOf(known).toArray();
    const byId = new Map(existing.map((worker) => [worker.residentId, worker]));
    const at = now();
    const added: Worker[] = [];
    const changed: { before: Worker; after: Worker }[] = [];
    const result = { created: [] as number[], updated: [] as number[], unchanged: [] as number[] };
    for (const row of chunk) {
      const before = byId.get(row.worker.residentId);
      if (!before && registered.has(row.worker.residentId)) {
        result.unchanged.push(row.line);
        continue;
      }
      if (!before) {
        added.push({ ...row.worker, id: newId(), createdAt: at, updatedAt: at, revision: 1 });
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
    // The audit row's reads first, so that they are answered before the workers are stored. Not
    // `auditedWrite` (audited-write.ts): its rows are asked for after their write, which would put
    // this row's reads behind the chunk's 25,000 workers.
    const audit = added.length > 0 || changed.length > 0 ? beginChange(db) : null;
    // The journal counts this chunk in its own transaction: stored together or not at all.
    const chunkNumber = Math.floor(start / chunkSize) + 1;
    const journaled = journalChunk(db, journal, chunkNumber, start + chunk.length >= rows.length);
    const written = addAll(db, added, (count) => progress(start + count));
    const updated = db.workers.bulkPut(changed.map((change) => change.after));
    // Cancel fails them all at once; the first failure is the one this chunk reports.
    for (const pending of [written, updated, journaled]) pending.catch(() => undefined);
    const seal = await audit;
    const recorded = seal?.({
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
    await Dexie.Promise.all([written, updated, recorded?.then(() => writeAuditAnchor(db)), journaled]);
    // Every write of this chunk has been answered, so IndexedDB has ended the chunk before: if it
    // did not commit, neither may this one (it is rolled back).
    if (previous && previous.state !== 'committed') throw new Error('the chunk before was not stored');
    options.signal?.throwIfAborted();
    return result;
  };

  const startChunk = (chunk: readonly ImportRow[], start: number, previous: ChunkRun | undefined): ChunkRun => {
    const outcome = db.transaction('rw', [db.workers, db.imports, ...AUDIT_TABLES], async (transaction) => {
      // Cancel rolls back the chunks being written at once instead of waiting for them to end.
      const abort = () => {
        // A chunk that has ended (committed, or rolled back by a failure) has nothing to cancel.
        if (transaction.active) transaction.abort();
      };
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        return await storeChunk(chunk, start, previous);
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    });
    const run: ChunkRun = { lines: chunk.map((row) => row.line), outcome, state: 'running' };
    void outcome.then(
      () => {
        run.state = 'committed';
        progress(start + chunk.length);
      },
      (error: unknown) => {
        run.state = 'failed';
        run.error = error;
      },
    );
    return run;
  };

  const runs: ChunkRun[] = [];
  let start = 0;
  for (; start < rows.length; start += chunkSize) {
    if (options.signal?.aborted) break;
    // At most two chunks in IndexedDB's hands: the one before the last has ended first. IndexedDB
    // runs them in the order they were opened.
    const ended = runs.at(-2);
    if (ended) await ended.outcome.catch(() => undefined);
    if (ended && ended.state !== 'committed') break;
    runs.push(startChunk(rows.slice(start, start + chunkSize), start, runs.at(-1)));
  }
  await Promise.allSettled(runs.map((run) => run.outcome));
  let failure: ChunkRun | undefined;
  for (const run of runs) {
    if (failure || run.state !== 'committed') {
      failure ??= run;
      report.notReached.push(...run.lines);
      continue;
    }
    const outcome = await run.outcome;
    report.created.push(...outcome.created);
    report.updated.push(...outcome.updated);
    report.unchanged.push(...outcome.unchanged);
  }
  report.notReached.push(...rows.slice(start).map((row) => row.line));
  if (options.signal?.aborted) {
    report.cancelled = report.notReached.length > 0;
    if (report.cancelled) {
      await endImportJournal(db, importId, 'cancelled').catch(unjournalled);
      return report;
    }
  }
  if (failure) {
    const cause = failure.error instanceof Error ? failure.error.message : String(failure.error);
    await endImportJournal(db, importId, 'failed', cause).catch(unjournalled);
    throw new ImportInterruptedError(report, failure.error);
  }
  // The last chunk finished the entry in its own transaction; an import of no rows has no chunk.
  if (runs.length === 0) await endImportJournal(db, importId, 'finished').catch(unjournalled);
  return report;
}
