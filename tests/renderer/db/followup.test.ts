/**
 * Arrival, handover and the contact log (issue 17) as the repository writes them: a departed batch
 * arrives leg by leg, each enterprise signs for its passengers, every worker handed over gets a
 * follow-up and a first employment period, contacts move the periods and a correction re-derives them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  correctContact,
  createBatch,
  followUpsOfWorker,
  logContact,
  recordArrival,
  recordHandover,
  saveRoute,
  type PlannerDatabase,
} from '@renderer/db';
import { addCalendarDays, beijingTimestamp, todayCalendarDate } from '@shared/dates';
import type { ContactInput, HandoverInput } from '@shared/followup';
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
  legIds: string[];
  enterprises: [Enterprise, Enterprise];
  /** Three for the first enterprise, two for the second. */
  workers: [Worker, Worker, Worker, Worker, Worker];
}

/** A batch that left 40 days ago with three workers for one enterprise and two for another. */
async function departedTrip(): Promise<Trip> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: daysAgo(40) }));
  const enterprises: Trip['enterprises'] = [makeEnterprise(), makeEnterprise()];
  await db.enterprises.bulkAdd(enterprises);
  const [first, second] = enterprises;
  const worker = (enterprise: Enterprise) => makeWorker({ enterpriseId: enterprise.id, status: 'assigned' });
  const workers: Trip['workers'] = [worker(first), worker(first), worker(first), worker(second), worker(second)];
  await db.workers.bulkAdd(workers);
  await addPassengers(
    batch.id,
    workers.map((worker) => worker.id),
  );
  await db.batches.update(batch.id, { status: 'departed' });
  return { batch, legIds: batch.legs.map((leg) => leg.legId), enterprises, workers };
}

function handover(overrides: Partial<HandoverInput> = {}): HandoverInput {
  return {
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: beijingTimestamp(daysAgo(39), 10 * 60),
    place: '宝安区工业园',
    exceptions: [],
    note: '',
    ...overrides,
  };
}

function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    date: daysAgo(30),
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: 4500,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...overrides,
  };
}

describe('arrival and handover', () => {
  it('moves the batch to arrived and then handed over, and opens a follow-up per worker handed over', async () => {
    const trip = await departedTrip();
    for (const legId of trip.legIds) {
      await recordArrival(trip.batch.id, legId, {
        arrivedAt: beijingTimestamp(daysAgo(39), 8 * 60),
        place: '',
        note: '',
      });
    }
    expect((await db.batches.get(trip.batch.id))?.status).toBe('arrived');

    const [first, second, third] = trip.workers;
    await recordHandover(
      trip.batch.id,
      trip.enterprises[0].id,
      handover({ exceptions: [{ workerId: third.id, reason: 'left-on-way', note: '在长沙站下车' }] }),
    );
    expect((await db.batches.get(trip.batch.id))?.status).toBe('arrived');
    await recordHandover(trip.batch.id, trip.enterprises[1].id, handover());
    expect((await db.batches.get(trip.batch.id))?.status).toBe('handed-over');

    const followUps = await db.followUps.toArray();
    expect(followUps.map((f) => f.workerId).sort()).toEqual(
      trip.workers
        .filter((w) => w !== third)
        .map((w) => w.id)
        .sort(),
    );
    expect(followUps.every((f) => f.handedOverOn === daysAgo(39))).toBe(true);
    expect((await db.workers.get(first.id))?.status).toBe('onboarded');
    expect((await db.workers.get(third.id))?.status).toBe('assigned');
    const [timeline] = await followUpsOfWorker(second.id);
    expect(timeline?.periods).toMatchObject([
      { enterpriseId: trip.enterprises[0].id, start: daysAgo(39), end: null, startSource: 'handover' },
    ]);
  });

  it('refuses a handover in the future or an exception without a reason, storing nothing', async () => {
    const trip = await departedTrip();
    const future = await rejection(
      recordHandover(
        trip.batch.id,
        trip.enterprises[0].id,
        handover({ handedOverAt: beijingTimestamp(addCalendarDays(today, 2), 600) }),
      ),
    );
    expect(future.problems).toEqual([expect.objectContaining({ field: 'handedOverAt', code: 'time-in-future' })]);
    const other = await rejection(
      recordHandover(
        trip.batch.id,
        trip.enterprises[0].id,
        handover({ exceptions: [{ workerId: trip.workers[0].id, reason: 'other', note: ' ' }] }),
      ),
    );
    expect(other.problems[0]).toMatchObject({ field: 'exceptions', code: 'exception-note-required' });
    await expect(db.handovers.count()).resolves.toBe(0);
    await expect(db.followUps.count()).resolves.toBe(0);
  });
});

describe('the contact log', () => {
  async function handedOver(): Promise<{ trip: Trip; followUpId: string; worker: Worker }> {
    const trip = await departedTrip();
    await recordHandover(trip.batch.id, trip.enterprises[0].id, handover());
    const worker = trip.workers[0];
    const [timeline] = await followUpsOfWorker(worker.id);
    if (!timeline) throw new Error('the worker handed over has no follow-up');
    return { trip, followUpId: timeline.followUp.id, worker };
  }

  it('closes and opens employment periods on a change of job, and a correction re-derives them', async () => {
    const { followUpId, worker } = await handedOver();
    await logContact(followUpId, contact({ date: daysAgo(32) }));
    const { contact: changed } = await logContact(
      followUpId,
      contact({
        date: daysAgo(5),
        outcome: 'changed-job',
        employerName: '东莞某某电子厂',
        employerCity: '东莞市',
        leftOn: daysAgo(10),
        leftReason: '工资低',
        startedOn: daysAgo(8),
      }),
    );
    let [timeline] = await followUpsOfWorker(worker.id);
    expect(timeline?.periods).toMatchObject([
      { start: daysAgo(39), end: daysAgo(10), endReason: 'changed-job', endNote: '工资低' },
      { employerName: '东莞某某电子厂', start: daysAgo(8), end: null, startSource: 'on-board' },
    ]);

    const { contact: correction } = await correctContact(
      changed.id,
      contact({ date: daysAgo(5) }),
      '其实没有换工作，记错了人',
    );
    [timeline] = await followUpsOfWorker(worker.id);
    expect(timeline?.periods).toMatchObject([{ start: daysAgo(39), end: null }]);
    const replaced = timeline?.contacts.find((c) => c.id === changed.id);
    expect(replaced).toMatchObject({ supersededById: correction.id });
    expect(replaced?.deletedAt).toBeTruthy();
    expect(correction.correctsId).toBe(changed.id);
  });

  it('refuses a contact dated in the future or before the handover, and a new job without an employer', async () => {
    const { followUpId } = await handedOver();
    const future = await rejection(logContact(followUpId, contact({ date: addCalendarDays(today, 1) })));
    expect(future.problems[0]).toMatchObject({ field: 'date', code: 'date-in-future' });
    const early = await rejection(logContact(followUpId, contact({ date: daysAgo(45) })));
    expect(early.problems[0]).toMatchObject({ field: 'date', code: 'date-before-handover' });
    const nobody = await rejection(logContact(followUpId, contact({ outcome: 'changed-job' })));
    expect(nobody.problems[0]).toMatchObject({ field: 'employerName', code: 'new-employer-required' });
    await expect(db.contacts.count()).resolves.toBe(0);
  });

  it('marks the worker left when the newest contact finds them returned home', async () => {
    const { followUpId, worker } = await handedOver();
    await logContact(followUpId, contact({ date: daysAgo(3), outcome: 'returned-home', leftOn: daysAgo(6) }));
    expect((await db.workers.get(worker.id))?.status).toBe('left');
    const [timeline] = await followUpsOfWorker(worker.id);
    expect(timeline?.periods).toMatchObject([{ end: daysAgo(6), endReason: 'returned-home' }]);
  });
});

describe('the schedule kept on the follow-up', () => {
  it('is due on day 7 after the handover, moves to day 30 once answered, and ends when the worker returned home', async () => {
    const trip = await departedTrip();
    await recordHandover(trip.batch.id, trip.enterprises[0].id, handover());
    const [timeline] = await followUpsOfWorker(trip.workers[0].id);
    if (!timeline) throw new Error('no follow-up');
    expect(timeline.followUp).toMatchObject({ nextDue: daysAgo(32), lastContactOn: null, lastOutcome: null });
    await logContact(timeline.followUp.id, contact({ date: daysAgo(33) }));
    expect(await db.followUps.get(timeline.followUp.id)).toMatchObject({
      nextDue: daysAgo(9),
      lastContactOn: daysAgo(33),
      lastOutcome: 'in-post',
    });
    const { followUp } = await logContact(
      timeline.followUp.id,
      contact({ date: daysAgo(2), outcome: 'returned-home' }),
    );
    // The follow-up handed back (the workspace draws its row from it) is the one stored.
    expect(followUp).toEqual(await db.followUps.get(timeline.followUp.id));
    expect(followUp).toMatchObject({ nextDue: null, lastOutcome: 'returned-home' });
  });
});
