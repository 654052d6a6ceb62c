/**
 * The edges of arrival and handover (issue 17, item 1) as the batch page reaches them: a handover
 * recorded again (corrected), an exception for a worker already contacted, and the batch stepping
 * to handed over only when every enterprise of its passengers has signed, whatever the order.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  batchGate,
  createBatch,
  followUpsOfWorker,
  logContact,
  recordArrival,
  recordHandover,
  saveRoute,
  type PlannerDatabase,
} from '@renderer/db';
import { addCalendarDays, beijingTimestamp, todayCalendarDate } from '@shared/dates';
import type { HandoverInput } from '@shared/followup';
import type { Batch, Enterprise, Worker } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();
const daysAgo = (days: number) => addCalendarDays(today, -days);

interface Trip {
  batch: Batch;
  enterprises: [Enterprise, Enterprise];
  /** Two for the first enterprise, one for the second. */
  workers: [Worker, Worker, Worker];
}

async function departedTrip(extra: Worker[] = []): Promise<Trip> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: daysAgo(20) }));
  const enterprises: Trip['enterprises'] = [makeEnterprise(), makeEnterprise()];
  await db.enterprises.bulkAdd(enterprises);
  const bound = (enterprise: Enterprise) => makeWorker({ enterpriseId: enterprise.id, status: 'assigned' });
  const workers: Trip['workers'] = [bound(enterprises[0]), bound(enterprises[0]), bound(enterprises[1])];
  await db.workers.bulkAdd([...workers, ...extra]);
  await addPassengers(
    batch.id,
    [...workers, ...extra].map((worker) => worker.id),
  );
  await db.batches.update(batch.id, { status: 'departed' });
  return { batch, enterprises, workers };
}

function handover(overrides: Partial<HandoverInput> = {}): HandoverInput {
  return {
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: beijingTimestamp(daysAgo(19), 10 * 60),
    place: '宝安区工业园',
    exceptions: [],
    note: '',
    ...overrides,
  };
}

async function arriveEveryLeg(trip: Trip): Promise<void> {
  for (const leg of trip.batch.legs) {
    await recordArrival(trip.batch.id, leg.legId, {
      arrivedAt: beijingTimestamp(daysAgo(19), 8 * 60),
      place: '',
      note: '',
    });
  }
}

const statusOf = async (batchId: string) => (await db.batches.get(batchId))?.status;

describe('a handover recorded again', () => {
  it('keeps one handover, and follows the new list: a worker excepted loses the follow-up, one ticked gains it', async () => {
    const trip = await departedTrip();
    const [first, second] = trip.workers;
    const enterpriseId = trip.enterprises[0].id;
    await recordHandover(
      trip.batch.id,
      enterpriseId,
      handover({ exceptions: [{ workerId: second.id, reason: 'did-not-board', note: '' }] }),
    );
    expect((await followUpsOfWorker(second.id)).length).toBe(0);

    await recordHandover(
      trip.batch.id,
      enterpriseId,
      handover({ receiverName: '王主管', exceptions: [{ workerId: first.id, reason: 'refused', note: '嫌工资低' }] }),
    );
    const handovers = await db.handovers.toArray();
    expect(handovers).toHaveLength(1);
    expect(handovers[0]).toMatchObject({
      receiverName: '王主管',
      workerIds: [second.id],
      exceptions: [{ workerId: first.id, reason: 'refused', note: '嫌工资低' }],
    });
    expect((await followUpsOfWorker(first.id)).length).toBe(0);
    expect((await followUpsOfWorker(second.id)).map((timeline) => timeline.periods.length)).toEqual([1]);
    // The worker taken off the handover is no longer on board at the enterprise.
    expect((await db.workers.get(first.id))?.status).toBe('assigned');
    expect((await db.workers.get(second.id))?.status).toBe('onboarded');
  });

  it('refuses to take off a worker who already has a contact, changing nothing', async () => {
    const trip = await departedTrip();
    const [first] = trip.workers;
    const enterpriseId = trip.enterprises[0].id;
    await recordHandover(trip.batch.id, enterpriseId, handover());
    const [timeline] = await followUpsOfWorker(first.id);
    if (!timeline) throw new Error('no follow-up');
    await logContact(timeline.followUp.id, {
      date: daysAgo(12),
      method: 'phone',
      by: '韦小燕',
      outcome: 'in-post',
      enterpriseId: null,
      employerName: '',
      employerCity: '',
      startedOn: null,
      leftOn: null,
      leftReason: '',
      monthlyIncome: null,
      difficulties: '',
      needs: [],
      action: '',
      nextDate: null,
    });
    const before = await db.handovers.toArray();
    const refused = await rejection(
      recordHandover(
        trip.batch.id,
        enterpriseId,
        handover({ exceptions: [{ workerId: first.id, reason: 'refused', note: '' }] }),
      ),
    );
    expect(refused.problems).toEqual([
      { field: 'exceptions', code: 'handover-exception-contacted', params: { name: first.name } },
    ]);
    expect(await db.handovers.toArray()).toEqual(before);
    expect((await followUpsOfWorker(first.id)).length).toBe(1);
  });
});

describe('the step to handed over', () => {
  it('waits for every enterprise, and for every leg when the handovers come first', async () => {
    const trip = await departedTrip();
    await recordHandover(trip.batch.id, trip.enterprises[0].id, handover());
    await recordHandover(trip.batch.id, trip.enterprises[1].id, handover());
    // Signed for before the arrival was recorded: the batch has not arrived yet.
    expect(await statusOf(trip.batch.id)).toBe('departed');
    const [firstLeg, ...otherLegs] = trip.batch.legs;
    if (!firstLeg) throw new Error('no leg');
    await recordArrival(trip.batch.id, firstLeg.legId, {
      arrivedAt: beijingTimestamp(daysAgo(19), 8 * 60),
      place: '',
      note: '',
    });
    expect(await statusOf(trip.batch.id)).toBe(otherLegs.length > 0 ? 'departed' : 'handed-over');
    await arriveEveryLeg(trip);
    expect(await statusOf(trip.batch.id)).toBe('handed-over');
    const items = (await batchGate(trip.batch.id)).unifications.flatMap((unification) => unification.items);
    expect(items.filter((item) => item.key.startsWith('follow-up.')).map((item) => [item.key, item.state])).toEqual([
      ['follow-up.enterprise-handover', 'met'],
      ['follow-up.arrival-recorded', 'met'],
      ['follow-up.handover-signed', 'met'],
    ]);
  });

  it('stays arrived while a passenger has no receiving enterprise, whom nobody can sign for', async () => {
    const homeless = makeWorker({ name: '陆小梅', enterpriseId: null, status: 'assigned' });
    const trip = await departedTrip([homeless]);
    await arriveEveryLeg(trip);
    await recordHandover(trip.batch.id, trip.enterprises[0].id, handover());
    await recordHandover(trip.batch.id, trip.enterprises[1].id, handover());
    expect(await statusOf(trip.batch.id)).toBe('arrived');
    const signed = (await batchGate(trip.batch.id)).unifications
      .flatMap((unification) => unification.items)
      .find((item) => item.key === 'follow-up.handover-signed');
    expect(signed?.reasons).toMatchObject([{ code: 'passengers-without-enterprise', params: { names: ['陆小梅'] } }]);
  });

  it('refuses an arrival or a handover on a batch that has not departed, storing nothing', async () => {
    const trip = await departedTrip();
    await db.batches.update(trip.batch.id, { status: 'ready' });
    const early = await rejection(recordHandover(trip.batch.id, trip.enterprises[0].id, handover()));
    expect(early.problems).toEqual([expect.objectContaining({ code: 'batch-not-departed' })]);
    await expect(db.handovers.count()).resolves.toBe(0);
    const gate = await batchGate(trip.batch.id);
    const states = gate.unifications
      .flatMap((unification) => unification.items)
      .filter((item) => item.state === 'not-due');
    expect(states.map((item) => item.key)).toEqual(['follow-up.arrival-recorded', 'follow-up.handover-signed']);
  });
});
