import type { AuditEntry, Batch, Worker } from '@shared/domain/records';
import { checkWorker, type WorkerInput } from '@shared/domain/worker-rules';
import { todayCalendarDate } from '@shared/dates';
import { isAnonymised } from '@shared/privacy/anonymise';
import { database, type PlannerDatabase } from '../database';
import { historyOf } from '../audit';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive, softDelete } from '../soft-delete';
import { getSettings } from './settings';

/** What the worker checks need from the settings, read once per write or import. */
export async function workerCheckOptions(): Promise<Parameters<typeof checkWorker>[1]> {
  const settings = await getSettings();
  return { today: todayCalendarDate(), workingAge: { min: settings.workingAgeMin, max: settings.workingAgeMax } };
}

function checked(input: WorkerInput, options: Parameters<typeof checkWorker>[1]) {
  const { worker, problems } = checkWorker(input, options);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!worker || errors.length > 0) throw new RecordRejectedError(errors);
  return worker;
}

async function holderOf(db: PlannerDatabase, residentId: string): Promise<Worker | undefined> {
  return db.workers.where('residentId').equals(residentId).first();
}

/**
 * Registers a worker. One person per resident ID: a live record with the same ID is refused; a
 * deleted one is brought back with the new details, so the person's history stays in one place.
 */
export async function createWorker(input: WorkerInput): Promise<Worker> {
  const options = await workerCheckOptions();
  return auditedWrite(['workers'], async ({ db, create, update }) => {
    const fields = checked(input, options);
    const at = now();
    const holder = await holderOf(db, fields.residentId);
    if (holder && !holder.deletedAt) {
      throw new RecordRejectedError([{ field: 'residentId', code: 'resident-id-duplicate' }]);
    }
    if (holder) {
      return update('workers', holder, { ...holder, ...fields, deletedAt: null, updatedAt: at }, { action: 'restore' });
    }
    return create('workers', { ...fields, id: newId(), createdAt: at, updatedAt: at });
  });
}

/**
 * Changes a worker from a form. `basedOn` is the worker as the form loaded it: when the stored one
 * was changed since (another window), nothing is written and a RecordChangedError says both versions.
 */
export async function updateWorker(id: string, input: WorkerInput, basedOn: Worker): Promise<Worker> {
  const options = await workerCheckOptions();
  return auditedWrite(['workers'], async ({ db, update }) => {
    const before = await db.workers.get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError('workers', id);
    // An anonymised person's real numbers are gone for good: typing them in again would undo it (issue 7).
    if (isAnonymised(before)) throw new RecordRejectedError([{ field: 'residentId', code: 'worker-anonymised' }]);
    const fields = checked(input, options);
    const holder = await holderOf(db, fields.residentId);
    if (holder && holder.id !== id) {
      throw new RecordRejectedError([{ field: 'residentId', code: 'resident-id-duplicate' }]);
    }
    return update('workers', before, { ...before, ...fields, updatedAt: now() }, { basedOn });
  });
}

export function deleteWorker(id: string): Promise<void> {
  return softDelete('workers', id);
}

export async function restoreWorker(id: string): Promise<Worker> {
  return auditedWrite(['workers'], async ({ db, update }) => {
    const before = await db.workers.get(id);
    if (!before) throw new RecordNotFoundError('workers', id);
    if (!before.deletedAt) return before;
    return update('workers', before, { ...before, deletedAt: null, updatedAt: now() }, { action: 'restore' });
  });
}

/** One worker, deleted or not. */
export async function getWorker(id: string): Promise<Worker | undefined> {
  return database().workers.get(id);
}

/** The live batches a worker rides, by date: the worker's page names them. */
export async function batchesOfWorker(workerId: string): Promise<Batch[]> {
  const db = database();
  const assignments = (await db.assignments.where('workerId').equals(workerId).toArray()).filter(isLive);
  const batches = await db.batches.bulkGet([...new Set(assignments.map((assignment) => assignment.batchId))]);
  return batches
    .filter((batch): batch is Batch => batch !== undefined && isLive(batch))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export async function workerHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'workers', id);
}

/**
 * The most recently changed workers, straight from the updatedAt index: what the list shows in
 * its first second, while the directory reads everyone into memory.
 */
/**
 * How many of the most recent workers the list shows while the directory loads: a screenful and some.
 * A reverse index walk pays per record (100 took about 150 ms at 100,000 workers).
 */
export const RECENT_WORKERS_SHOWN = 40;

let prefetched: { at: number; limit: number; rows: Promise<Worker[]> } | null = null;
/** How long a prefetched answer stays good: the list asks for it within a second of the start. */
const PREFETCH_FRESH_MS = 3000;

/**
 * Starts reading the most recent workers while the app is still starting, when it opens on the
 * workers list (a reload, a link): the list's first rows then come as soon as its page is drawn.
 */
export function prefetchRecentWorkers(limit: number): void {
  prefetched = { at: performance.now(), limit, rows: recentWorkers(limit) };
}

/** The most recent workers: the prefetched answer if it is fresh, else a new read. */
export function takeRecentWorkers(limit: number): Promise<Worker[]> {
  const taken = prefetched;
  prefetched = null;
  if (taken && taken.limit === limit && performance.now() - taken.at < PREFETCH_FRESH_MS) return taken.rows;
  return recentWorkers(limit);
}

export async function recentWorkers(limit: number): Promise<Worker[]> {
  return database()
    .workers.orderBy('updatedAt')
    .reverse()
    .filter((worker) => !worker.deletedAt)
    .limit(limit)
    .toArray();
}
