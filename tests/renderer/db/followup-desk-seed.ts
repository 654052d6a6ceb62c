/**
 * Handed-over workers for the follow-up workspace's tests: workers, their enterprise and batch, and
 * one follow-up each handed over on a given day, stored as the handover stores them (the schedule's
 * next due date set), without going through a batch's departure and arrival.
 */
import type { PlannerDatabase } from '@renderer/db';
import { scheduleFields } from '@renderer/db';
import type { Batch, CalendarDate, Enterprise, FollowUp, Worker } from '@shared/domain/records';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';

const AT = '2026-01-01T00:00:00.000Z';

export interface HandedOver {
  enterprise: Enterprise;
  batch: Batch;
  workers: Worker[];
  followUps: FollowUp[];
}

/** Stores `handedOverOn.length` workers, the i-th handed over on `handedOverOn[i]`. */
export async function seedHandedOver(
  db: PlannerDatabase,
  handedOverOn: readonly CalendarDate[],
  options: { names?: readonly string[]; days?: readonly number[]; enterprise?: Partial<Enterprise> } = {},
): Promise<HandedOver> {
  const enterprise = makeEnterprise({ name: '深圳市华强电子有限公司', city: '深圳市', ...options.enterprise });
  const batch = {
    id: crypto.randomUUID(),
    name: '春风行动1号',
    routeId: 'route',
    date: handedOverOn[0] ?? '2026-01-01',
    legs: [],
    organizer: '',
    escorts: [],
    medics: [],
    status: 'handed-over',
    createdAt: AT,
    updatedAt: AT,
  } as unknown as Batch;
  const workers = handedOverOn.map((_, index) =>
    makeWorker({
      enterpriseId: enterprise.id,
      status: 'onboarded',
      name: options.names?.[index] ?? `工人${index + 1}`,
    }),
  );
  const followUps: FollowUp[] = workers.map((worker, index) => {
    const day = handedOverOn[index] ?? '2026-01-01';
    return {
      id: crypto.randomUUID(),
      workerId: worker.id,
      batchId: batch.id,
      handoverId: 'handover',
      enterpriseId: enterprise.id,
      handedOverOn: day,
      staffId: null,
      stationId: null,
      ...scheduleFields(day, [], options.days ?? [7, 30, 90, 180]),
      createdAt: AT,
      updatedAt: AT,
    };
  });
  await db.enterprises.add(enterprise);
  await db.batches.add(batch);
  await db.workers.bulkAdd(workers);
  await db.followUps.bulkAdd(followUps);
  return { enterprise, batch, workers, followUps };
}
