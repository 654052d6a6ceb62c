/**
 * The five-unifications gate of a batch and the status steps it allows (issue 4). The rules live in
 * `shared/gate`; this module reads what they judge, in one transaction, and writes a step they
 * allow (or one overridden with a written reason) with its audit row.
 */
import type { Batch, BatchStatus } from '@shared/domain/records';
import { batchDepartureAt } from '@shared/domain/departure';
import { checkStatusStep, evaluateGate, hasHandoverContact } from '@shared/gate';
import { batchLoadFactor } from '@shared/seating';
import type { GateReport, StatusStepResult } from '@shared/gate';
import { database, type PlannerDatabase } from '../database';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { liveBatch } from './batches';
import { legCapacities } from './seats';

/** The gate of a batch as it stands, from the records. */
export async function batchGate(batchId: string): Promise<GateReport> {
  const db = database();
  const settings = await getSettings();
  return db.transaction(
    'r',
    [
      db.batches,
      db.routes,
      db.assignments,
      db.workers,
      db.enterprises,
      db.checklistTicks,
      db.healthChecks,
      db.arrivals,
      db.handovers,
    ],
    async () => gateOf(db, await liveBatch(db, batchId), settings.loadFactor, settings.checkValidityHours),
  );
}

/** `settingsLoadFactor` is the office's; a batch with its own load factor is judged at that one. */
async function gateOf(
  db: PlannerDatabase,
  batch: Batch,
  settingsLoadFactor: number,
  checkValidityHours: number,
): Promise<GateReport> {
  const assignments = await db.assignments.where('batchId').equals(batch.id).toArray();
  const workers = await db.workers.bulkGet([...new Set(assignments.map((assignment) => assignment.workerId))]);
  const workerById = new Map(workers.flatMap((worker) => (worker ? [[worker.id, worker] as const] : [])));
  const enterpriseIds = [...new Set(workers.flatMap((worker) => (worker?.enterpriseId ? [worker.enterpriseId] : [])))];
  const enterprises = new Map(
    (await db.enterprises.bulkGet(enterpriseIds)).flatMap((enterprise) =>
      enterprise && isLive(enterprise) ? [[enterprise.id, enterprise] as const] : [],
    ),
  );
  const route = await db.routes.get(batch.routeId);
  const ticks = await db.checklistTicks.where('batchId').equals(batch.id).toArray();
  const checks = (await db.healthChecks.where('batchId').equals(batch.id).toArray()).filter(isLive);
  // The facts of the journey's end (issue 17): the gate reads them for its follow-up items.
  const arrivals = (await db.arrivals.where('batchId').equals(batch.id).toArray()).filter(isLive);
  const handovers = (await db.handovers.where('batchId').equals(batch.id).toArray()).filter(isLive);
  return evaluateGate({
    batch,
    passengers: assignments.map((assignment) => {
      const worker = workerById.get(assignment.workerId);
      const enterprise = worker?.enterpriseId ? enterprises.get(worker.enterpriseId) : undefined;
      return {
        workerId: assignment.workerId,
        name: worker?.name ?? '',
        addedAt: assignment.createdAt,
        removedAt: assignment.deletedAt ?? null,
        seatedLegIds: assignment.seats.map((seat) => seat.legId),
        enterpriseId: enterprise ? enterprise.id : null,
        enterpriseHasHandoverContact: enterprise ? hasHandoverContact(enterprise) : false,
      };
    }),
    legCapacities: legCapacities(batch, batchLoadFactor(batch, settingsLoadFactor).loadFactor),
    ticks,
    healthChecks: checks,
    // The station exists: every passenger needs a passing check inside the window.
    healthCheckStation: true,
    departureAt: batchDepartureAt(batch, route),
    checkValidityHours,
    arrivedLegIds: arrivals.map((arrival) => arrival.legId),
    handedOverEnterpriseIds: handovers.map((handover) => handover.enterpriseId),
  });
}

/**
 * Moves a batch one status forward if the gate allows it, or with an override (a written reason)
 * when it does not; the override is stored on the batch and audited with the reason.
 */
export async function changeBatchStatus(
  batchId: string,
  to: BatchStatus,
  override?: { reason: string },
): Promise<StatusStepResult> {
  const settings = await getSettings();
  return auditedWrite(
    [
      'batches',
      'routes',
      'assignments',
      'workers',
      'enterprises',
      'checklistTicks',
      'healthChecks',
      'arrivals',
      'handovers',
    ],
    async ({ db, update }) => {
      const before = await liveBatch(db, batchId);
      const report = await gateOf(db, before, settings.loadFactor, settings.checkValidityHours);
      const at = now();
      const result = checkStatusStep(
        before.status,
        to,
        report,
        override ? { reason: override.reason, by: settings.operatorName.trim(), at } : undefined,
      );
      if (!result.allowed) return result;
      const after: Batch = {
        ...before,
        status: to,
        overrides: result.override ? [...before.overrides, result.override] : before.overrides,
        updatedAt: at,
      };
      await update('batches', before, after, result.override ? { reason: result.override.reason } : {});
      return result;
    },
  );
}
