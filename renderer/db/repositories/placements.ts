import type { Opening, Worker } from '@shared/domain/records';
import { checkPlacements, type PlacementCheck } from '@shared/domain/placement';
import { todayCalendarDate } from '@shared/dates';
import { database, type PlannerDatabase } from '../database';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';

export interface PlacementPreview {
  opening: Opening;
  /** Workers placed in the opening now. */
  filled: number;
  checks: (PlacementCheck & { name: string })[];
}

/** Thrown when workers do not fit an opening and no override was given; `checks` says why, per worker. */
export class PlacementRefusedError extends Error {
  readonly checks: PlacementCheck[];

  constructor(checks: PlacementCheck[]) {
    super('the workers do not fit the opening');
    this.name = 'PlacementRefusedError';
    this.checks = checks;
  }
}

async function placedIn(db: PlannerDatabase, opening: Opening): Promise<Set<string>> {
  const workers = await db.workers.where('enterpriseId').equals(opening.enterpriseId).toArray();
  return new Set(workers.filter((w) => !w.deletedAt && w.openingId === opening.id).map((w) => w.id));
}

async function liveOpening(db: PlannerDatabase, openingId: string): Promise<Opening> {
  const opening = await db.openings.get(openingId);
  if (!opening || opening.deletedAt) throw new RecordNotFoundError('openings', openingId);
  return opening;
}

async function liveWorkers(db: PlannerDatabase, workerIds: readonly string[]): Promise<Worker[]> {
  const workers = await db.workers.bulkGet([...workerIds]);
  return workers.map((worker, index) => {
    if (!worker || worker.deletedAt) throw new RecordNotFoundError('workers', workerIds[index] ?? '');
    return worker;
  });
}

/** How placing these workers in the opening would go, before anything is stored. */
export async function previewPlacement(workerIds: readonly string[], openingId: string): Promise<PlacementPreview> {
  const db = database();
  return db.transaction('r', [db.workers, db.openings], async () => {
    const opening = await liveOpening(db, openingId);
    const placed = await placedIn(db, opening);
    const workers = await liveWorkers(db, workerIds);
    const checks = checkPlacements(workers, opening, placed, todayCalendarDate());
    return {
      opening,
      filled: placed.size,
      checks: checks.map((check, index) => ({ ...check, name: workers[index]?.name ?? '' })),
    };
  });
}

/**
 * Places workers in a job opening (and so at its enterprise). Workers who do not fit it are refused
 * unless `overrideReason` says why they go anyway; the reason is kept in each worker's audit row.
 * Checked again inside the transaction, so two windows cannot overfill an opening together.
 */
export async function placeWorkers(
  workerIds: readonly string[],
  openingId: string,
  overrideReason: string | null,
): Promise<void> {
  const reason = overrideReason?.trim() ?? '';
  await auditedWrite(['workers', 'openings'], async ({ db, update }) => {
    const opening = await liveOpening(db, openingId);
    const workers = await liveWorkers(db, workerIds);
    const checks = checkPlacements(workers, opening, await placedIn(db, opening), todayCalendarDate());
    const misfits = checks.filter((check) => check.problems.length > 0);
    if (misfits.length > 0 && overrideReason === null) throw new PlacementRefusedError(misfits);
    if (misfits.length > 0 && reason === '') {
      throw new RecordRejectedError([{ field: 'overrideReason', code: 'required' }]);
    }
    const at = now();
    for (const [index, before] of workers.entries()) {
      if (before.openingId === opening.id) continue;
      const after: Worker = { ...before, enterpriseId: opening.enterpriseId, openingId: opening.id, updatedAt: at };
      const overridden = (checks[index]?.problems.length ?? 0) > 0;
      await update('workers', before, after, overridden ? { reason } : {});
    }
  });
}

/** Takes a worker out of their opening and enterprise. */
export async function removePlacement(workerId: string): Promise<void> {
  await auditedWrite(['workers'], async ({ db, update }) => {
    const before = await db.workers.get(workerId);
    if (!before || before.deletedAt) throw new RecordNotFoundError('workers', workerId);
    await update('workers', before, { ...before, enterpriseId: null, openingId: null, updatedAt: now() });
  });
}

/** Workers placed per opening of an enterprise (opening id -> count). */
export async function openingFill(enterpriseId: string): Promise<Record<string, number>> {
  const workers = await database().workers.where('enterpriseId').equals(enterpriseId).toArray();
  const fill: Record<string, number> = {};
  for (const worker of workers) {
    if (!worker.deletedAt && worker.openingId) fill[worker.openingId] = (fill[worker.openingId] ?? 0) + 1;
  }
  return fill;
}

/** The job opening a worker is placed in, if any. */
export async function getOpening(id: string): Promise<Opening | undefined> {
  return database().openings.get(id);
}
