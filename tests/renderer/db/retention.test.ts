/**
 * An enterprise's retention (issue 17, item 4): how the workers handed over to it stand as the
 * contact log leaves them, and how many reached 1, 3 and 6 months there, counted only as far as the
 * log proves.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  correctContact,
  createBatch,
  enterpriseRetention,
  logContact,
  recordHandover,
  saveRoute,
  type PlannerDatabase,
} from '@renderer/db';
import { addCalendarDays, beijingTimestamp, todayCalendarDate } from '@shared/dates';
import type { ContactInput } from '@shared/followup';
import type { Enterprise, Worker } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();
const daysAgo = (days: number) => addCalendarDays(today, -days);

/** Six workers handed over to `factory` 200 days ago, and one to `other` on the same batch. */
async function handedOver(): Promise<{ factory: Enterprise; other: Enterprise; workers: Worker[]; elsewhere: Worker }> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: daysAgo(201) }));
  const factory = makeEnterprise();
  const other = makeEnterprise();
  await db.enterprises.bulkAdd([factory, other]);
  const workers = Array.from({ length: 6 }, () => makeWorker({ enterpriseId: factory.id, status: 'assigned' }));
  const elsewhere = makeWorker({ enterpriseId: other.id, status: 'assigned' });
  await db.workers.bulkAdd([...workers, elsewhere]);
  await addPassengers(
    batch.id,
    [...workers, elsewhere].map((worker) => worker.id),
  );
  await db.batches.update(batch.id, { status: 'departed' });
  const input = {
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: beijingTimestamp(daysAgo(200), 10 * 60),
    place: '',
    exceptions: [],
    note: '',
  };
  await recordHandover(batch.id, factory.id, input);
  await recordHandover(batch.id, other.id, input);
  return { factory, other, workers, elsewhere };
}

function contact(overrides: Partial<ContactInput>): ContactInput {
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
    monthlyIncome: null,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...overrides,
  };
}

async function followUpOf(worker: Worker): Promise<string> {
  const followUp = await db.followUps.where('workerId').equals(worker.id).first();
  if (!followUp) throw new Error(`no follow-up for ${worker.name}`);
  return followUp.id;
}

describe('an enterprise’s retention', () => {
  it('counts each outcome once and the months proven there against 1, 3 and 6', async () => {
    const { factory, workers, elsewhere } = await handedOver();
    const [stays, changed, left, home, unreachable] = workers as [Worker, Worker, Worker, Worker, Worker, Worker];
    await logContact(await followUpOf(stays), contact({ date: daysAgo(193) }));
    await logContact(await followUpOf(stays), contact({ date: daysAgo(10) }));
    await logContact(
      await followUpOf(changed),
      contact({ date: daysAgo(95), outcome: 'changed-job', employerName: '东莞某电子厂', leftOn: daysAgo(100) }),
    );
    await logContact(
      await followUpOf(left),
      contact({ date: daysAgo(150), outcome: 'left-looking', leftOn: daysAgo(160) }),
    );
    await logContact(
      await followUpOf(home),
      contact({ date: daysAgo(180), outcome: 'returned-home', leftOn: daysAgo(185) }),
    );
    await logContact(await followUpOf(unreachable), contact({ date: daysAgo(190), outcome: 'unreachable' }));
    // The other enterprise's worker, six months in post, is not this enterprise's.
    await logContact(await followUpOf(elsewhere), contact({ date: daysAgo(5) }));

    expect(await enterpriseRetention(factory.id)).toEqual({
      handedOver: 6,
      states: { 'in-post': 1, 'changed-job': 1, left: 1, 'returned-home': 1, 'not-reached': 2 },
      // 190 days proven in post; 100 days before the change; 40 days before leaving; 15 before going home.
      reached: { 1: 3, 3: 2, 6: 1 },
    });
  });

  it('counts an open period only up to the newest contact that found the worker at work', async () => {
    const { factory, workers } = await handedOver();
    const [worker] = workers as [Worker];
    const { contact: first } = await logContact(await followUpOf(worker), contact({ date: daysAgo(160) }));
    // Forty days proven: one month, not the 200 days since the handover.
    expect((await enterpriseRetention(factory.id)).reached).toEqual({ 1: 1, 3: 0, 6: 0 });
    await logContact(await followUpOf(worker), contact({ date: daysAgo(3), outcome: 'unreachable' }));
    expect((await enterpriseRetention(factory.id)).reached).toEqual({ 1: 1, 3: 0, 6: 0 });
    // A correction moves what is proven with it: the corrected contact no longer counts.
    await correctContact(first.id, contact({ date: daysAgo(100) }), '日期记错');
    expect((await enterpriseRetention(factory.id)).reached).toEqual({ 1: 1, 3: 1, 6: 0 });
  });

  it('is all zero for an enterprise that received nobody', async () => {
    const lonely = makeEnterprise();
    await db.enterprises.add(lonely);
    expect(await enterpriseRetention(lonely.id)).toEqual({
      handedOver: 0,
      states: { 'in-post': 0, 'changed-job': 0, left: 0, 'returned-home': 0, 'not-reached': 0 },
      reached: { 1: 0, 3: 0, 6: 0 },
    });
  });
});
