import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  autoSeat,
  batchGate,
  batchHealthStates,
  batchHistory,
  changeBatchStatus,
  checkHistory,
  correctHealthCheck,
  createBatch,
  HealthCheckConflictError,
  laterBatches,
  lookUpResidentId,
  movePassengers,
  saveHealthCheck,
  saveRoute,
  withdrawHealthCheck,
  stationChecks,
  stationRoster,
  unseatFailedPassengers,
  updateBatch,
  updateSettings,
  type HealthCheckInput,
  type PlannerDatabase,
} from '@renderer/db';
import type { BatchInput } from '@shared/domain/batch-rules';
import type { Batch, Route } from '@shared/domain/records';
import { addCalendarDays, addMinutesToTimestamp, todayCalendarDate } from '@shared/dates';
import { healthProgress, passengerHealth } from '@shared/health';
import { itemIn, makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeWorker } from '../../fixtures/factories';
import { freshDatabase, rejection, stored } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await updateSettings({ operatorName: '覃医生' });
});

/** Two days ahead: a check taken now is inside the 72-hour window of a 06:00 departure. */
const soon = () => addCalendarDays(todayCalendarDate(), 2);
const minutesAgo = (minutes: number) => addMinutesToTimestamp(new Date().toISOString(), -minutes);

/** The batch leaves soon, so that a check taken now counts. */
const batchInput = (route: Route, overrides: Partial<BatchInput> = {}): BatchInput =>
  makeBatchInput(route, { date: soon(), ...overrides });

interface Station {
  route: Route;
  batch: Batch;
  workerIds: string[];
}

async function station(passengers = 3): Promise<Station> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(batchInput(route));
  const workers = Array.from({ length: passengers }, () => makeWorker());
  await db.workers.bulkAdd(workers);
  await addPassengers(
    batch.id,
    workers.map((worker) => worker.id),
  );
  return { route, batch, workerIds: workers.map((worker) => worker.id) };
}

function input(batchId: string, workerId: string, overrides: Partial<HealthCheckInput> = {}): HealthCheckInput {
  return {
    batchId,
    workerId,
    temperatureC: 36.5,
    symptoms: [],
    healthCode: 'green',
    contactWithConfirmedCase: false,
    examiner: '覃医生',
    note: '',
    seenLatestId: null,
    ...overrides,
  };
}

async function stateOf(batchId: string, workerId: string) {
  return (await batchHealthStates(batchId)).get(workerId);
}

describe('saving checks', () => {
  it('stores a passing check with its reading, audited, and the roster and figures follow', async () => {
    const { batch, workerIds } = await station(3);
    const [a = ''] = workerIds;
    const { check, judgement } = await saveHealthCheck(input(batch.id, a, { note: ' 戴口罩 ' }));
    expect(judgement.verdict).toBe('pass');
    expect(check).toMatchObject({
      result: 'pass',
      note: '戴口罩',
      readings: [{ temperatureC: 36.5 }],
      recheckOf: null,
    });
    const history = await checkHistory(batch.id, a);
    expect(history.checks).toEqual([check]);
    expect(history.audit).toEqual([
      expect.objectContaining({ table: 'healthChecks', recordId: check.id, action: 'create', operator: '覃医生' }),
    ]);

    const roster = await stationRoster(batch.id);
    expect(roster?.passengers).toHaveLength(3);
    const checks = await stationChecks(batch.id);
    const states = (roster?.passengers ?? []).map(
      ({ worker }) =>
        passengerHealth(
          checks.filter((one) => one.workerId === worker.id),
          roster?.departureAt ?? '',
          72,
        ).state,
    );
    expect(healthProgress(states)).toMatchObject({ total: 3, checked: 1, passed: 1, notChecked: 2 });
  });

  it('asks for a recheck at 37.3, keeps both readings, and lets the second reading decide', async () => {
    const { batch, workerIds } = await station(2);
    const [a = '', b = ''] = workerIds;
    const first = await saveHealthCheck(input(batch.id, a, { temperatureC: 37.3, checkedAt: minutesAgo(20) }));
    expect(first.check.result).toBe('recheck');
    await expect(stateOf(batch.id, a)).resolves.toBe('recheck');

    const second = await saveHealthCheck(input(batch.id, a, { temperatureC: 36.8, seenLatestId: first.check.id }));
    expect(second.check).toMatchObject({
      result: 'pass',
      recheckOf: first.check.id,
      readings: [
        { temperatureC: 37.3, at: first.check.checkedAt },
        { temperatureC: 36.8, at: second.check.checkedAt },
      ],
    });
    await expect(stateOf(batch.id, a)).resolves.toBe('passed');
    // The first reading stays stored, as it was.
    await expect(db.healthChecks.get(first.check.id)).resolves.toEqual(first.check);

    // A fever that the second reading confirms fails.
    const hot = await saveHealthCheck(input(batch.id, b, { temperatureC: 38.1, checkedAt: minutesAgo(30) }));
    const confirmed = await saveHealthCheck(input(batch.id, b, { temperatureC: 37.9, seenLatestId: hot.check.id }));
    expect(confirmed.check.result).toBe('fail');
    expect(confirmed.judgement.reasons.map((reason) => reason.code)).toEqual(['fever-confirmed']);
  });

  it('refuses a second reading before the recheck interval, saying from when, and stores nothing', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const first = await saveHealthCheck(input(batch.id, a, { temperatureC: 37.8, checkedAt: minutesAgo(5) }));
    const refused = await rejection(saveHealthCheck(input(batch.id, a, { seenLatestId: first.check.id })));
    expect(refused.problems).toEqual([
      { field: 'checkedAt', code: 'recheck-too-early', params: { from: first.judgement.recheckFrom } },
    ]);
    await expect(stationChecks(batch.id)).resolves.toHaveLength(1);
  });

  it('refuses bad input with a code per field, and stores nothing', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const outsider = makeWorker();
    await db.workers.add(outsider);
    const codesOf = async (overrides: Partial<HealthCheckInput>) =>
      (await rejection(saveHealthCheck(input(batch.id, a, overrides)))).problems.map((p) => `${p.field}:${p.code}`);

    await expect(codesOf({ temperatureC: 43.1 })).resolves.toEqual(['temperatureC:temperature-out-of-range']);
    await expect(codesOf({ temperatureC: 33.9 })).resolves.toEqual(['temperatureC:temperature-out-of-range']);
    await expect(codesOf({ temperatureC: 365 })).resolves.toEqual(['temperatureC:temperature-out-of-range']);
    await expect(codesOf({ temperatureC: 36.55, examiner: ' ' })).resolves.toEqual([
      'temperatureC:temperature-one-decimal',
      'examiner:required',
    ]);
    await expect(codesOf({ checkedAt: addMinutesToTimestamp(new Date().toISOString(), 5) })).resolves.toEqual([
      'checkedAt:checked-in-future',
    ]);
    await expect(codesOf({ checkedAt: 'this morning' })).resolves.toEqual(['checkedAt:date-invalid']);
    await expect(codesOf({ workerId: outsider.id })).resolves.toEqual(['workerId:not-on-batch']);
    await expect(codesOf({ workerId: 'nobody' })).resolves.toEqual(['workerId:worker-unknown']);

    const saved = await saveHealthCheck(input(batch.id, a));
    await expect(codesOf({ checkedAt: minutesAgo(60), seenLatestId: saved.check.id })).resolves.toEqual([
      'checkedAt:checked-before-latest',
    ]);
    await expect(stationChecks(batch.id)).resolves.toHaveLength(1);
  });

  it('refuses checks on a departed batch', async () => {
    const { batch, workerIds } = await station(1);
    await changeBatchStatus(batch.id, 'planned');
    await changeBatchStatus(batch.id, 'ready', { reason: '县卫健局集中体检' });
    await changeBatchStatus(batch.id, 'departed', { reason: '按时发车' });
    const refused = await rejection(saveHealthCheck(input(batch.id, workerIds[0] ?? '')));
    expect(refused.problems[0]).toMatchObject({ code: 'batch-locked' });
  });
});

describe('two stations on the same passenger', () => {
  it('refuses the second save with the other record, and saves it once the examiner has seen it', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    // Both stations opened the passenger before either saved.
    const mine = await saveHealthCheck(input(batch.id, a, { examiner: '站点一' }));
    const conflict = await saveHealthCheck(input(batch.id, a, { examiner: '站点二', temperatureC: 36.9 })).catch(
      (error: unknown) => error,
    );
    expect(conflict).toBeInstanceOf(HealthCheckConflictError);
    expect((conflict as HealthCheckConflictError).latest).toEqual(mine.check);
    await expect(stationChecks(batch.id)).resolves.toEqual([mine.check]);

    const theirs = await saveHealthCheck(
      input(batch.id, a, { examiner: '站点二', temperatureC: 36.9, seenLatestId: mine.check.id }),
    );
    const stored = await stationChecks(batch.id);
    expect(stored.map((check) => check.id).sort()).toEqual([mine.check.id, theirs.check.id].sort());
  });
});

describe('corrections', () => {
  it('keep the earlier record, are audited with who, when and why, and the gate reads the correction', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const wrong = await saveHealthCheck(input(batch.id, a, { healthCode: 'red' }));
    await expect(stateOf(batch.id, a)).resolves.toBe('failed');
    expect(itemIn(await batchGate(batch.id), 'medical.health-checks-passed').reasons[0]?.code).toBe(
      'health-checks-failed',
    );

    await updateSettings({ operatorName: '黄护士' });
    const fixed = await correctHealthCheck(wrong.check.id, {
      temperatureC: 36.5,
      symptoms: [],
      healthCode: 'green',
      contactWithConfirmedCase: false,
      examiner: '覃医生',
      note: '',
      reason: '误点了红码',
    });
    expect(fixed.check).toMatchObject({
      result: 'pass',
      correctsId: wrong.check.id,
      correctionReason: '误点了红码',
      checkedAt: wrong.check.checkedAt,
    });
    const earlier = await db.healthChecks.get(wrong.check.id);
    expect(earlier).toMatchObject({ healthCode: 'red', result: 'fail', supersededById: fixed.check.id });
    expect(earlier?.deletedAt).toBeTruthy();
    await expect(stateOf(batch.id, a)).resolves.toBe('passed');
    expect(itemIn(await batchGate(batch.id), 'medical.health-checks-passed').state).toBe('met');

    const { checks, audit } = await checkHistory(batch.id, a);
    expect(checks.map((check) => check.id)).toEqual([wrong.check.id, fixed.check.id]);
    expect(audit.map((entry) => [entry.recordId, entry.action, entry.operator, entry.reason])).toEqual([
      [wrong.check.id, 'create', '覃医生', undefined],
      [wrong.check.id, 'update', '黄护士', '误点了红码'],
      [fixed.check.id, 'create', '黄护士', '误点了红码'],
    ]);
  });

  it('need a reason, and only correct the latest check', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const first = await saveHealthCheck(input(batch.id, a, { checkedAt: minutesAgo(10) }));
    const correction = {
      temperatureC: 36.6,
      symptoms: [],
      healthCode: 'green' as const,
      contactWithConfirmedCase: false,
      examiner: '覃医生',
      note: '',
      reason: ' ',
    };
    const refused = await rejection(correctHealthCheck(first.check.id, correction));
    expect(refused.problems).toEqual([{ field: 'reason', code: 'correction-reason-required' }]);
    const second = await saveHealthCheck(input(batch.id, a, { seenLatestId: first.check.id }));
    const stale = await correctHealthCheck(first.check.id, { ...correction, reason: '体温抄错' }).catch(
      (error: unknown) => error,
    );
    expect(stale).toBeInstanceOf(HealthCheckConflictError);
    expect((stale as HealthCheckConflictError).latest).toEqual(second.check);
  });

  it('keep the first reading of a recheck and judge the corrected second reading again', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const first = await saveHealthCheck(input(batch.id, a, { temperatureC: 37.5, checkedAt: minutesAgo(20) }));
    const second = await saveHealthCheck(input(batch.id, a, { temperatureC: 36.7, seenLatestId: first.check.id }));
    const fixed = await correctHealthCheck(second.check.id, {
      temperatureC: 37.7,
      symptoms: [],
      healthCode: 'green',
      contactWithConfirmedCase: false,
      examiner: '覃医生',
      note: '',
      reason: '复测读数抄错',
    });
    expect(fixed.check.result).toBe('fail');
    expect(fixed.check.readings?.map((reading) => reading.temperatureC)).toEqual([37.5, 37.7]);
  });
});

describe('withdrawing a check recorded for the wrong person', () => {
  it('puts the passenger back to not checked, keeps the check with the reason, and audits it', async () => {
    const { batch, workerIds } = await station(2);
    const [meant = '', wrongPerson = ''] = workerIds;
    const mistaken = await saveHealthCheck(input(batch.id, wrongPerson, { temperatureC: 36.6 }));
    await expect(stateOf(batch.id, wrongPerson)).resolves.toBe('passed');

    const withdrawn = await withdrawHealthCheck(mistaken.check.id, ' 记错了人，应为另一位 ');
    expect(withdrawn).toMatchObject({ id: mistaken.check.id, withdrawnReason: '记错了人，应为另一位' });
    expect(withdrawn.deletedAt).toBeTruthy();
    await expect(stateOf(batch.id, wrongPerson)).resolves.toBe('not-checked');
    await expect(db.healthChecks.get(mistaken.check.id)).resolves.toMatchObject({
      withdrawnReason: '记错了人，应为另一位',
    });
    const rows = await db.audit.where('[table+recordId]').equals(['healthChecks', mistaken.check.id]).sortBy('seq');
    expect(rows.map((row) => [row.action, row.reason ?? null])).toEqual([
      ['create', null],
      ['delete', '记错了人，应为另一位'],
    ]);
    // The person meant is checked as usual afterwards.
    await saveHealthCheck(input(batch.id, meant));
    await expect(stateOf(batch.id, meant)).resolves.toBe('passed');
  });

  it('needs a reason, and only withdraws the latest check', async () => {
    const { batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    const first = await saveHealthCheck(input(batch.id, a, { checkedAt: minutesAgo(30) }));
    const refused = await rejection(withdrawHealthCheck(first.check.id, '  '));
    expect(refused.problems).toEqual([{ field: 'reason', code: 'withdrawal-reason-required' }]);
    const second = await saveHealthCheck(input(batch.id, a, { seenLatestId: first.check.id }));
    const stale = await withdrawHealthCheck(first.check.id, '记错了人').catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(HealthCheckConflictError);
    expect((stale as HealthCheckConflictError).latest).toEqual(second.check);
    await expect(stateOf(batch.id, a)).resolves.toBe('passed');
  });
});

describe('the validity window', () => {
  it('follows the batch date: a check taken too long before departure, or after it, is expired', async () => {
    const { route, batch, workerIds } = await station(1);
    const [a = ''] = workerIds;
    await saveHealthCheck(input(batch.id, a));
    await expect(stateOf(batch.id, a)).resolves.toBe('passed');
    await updateBatch(
      batch.id,
      batchInput(route, { date: addCalendarDays(todayCalendarDate(), 6) }),
      await stored('batches', batch.id),
    );
    await expect(stateOf(batch.id, a)).resolves.toBe('expired');
    expect(itemIn(await batchGate(batch.id), 'medical.health-checks-passed').reasons[0]?.code).toBe(
      'health-checks-expired',
    );
    await updateBatch(
      batch.id,
      batchInput(route, { date: addCalendarDays(todayCalendarDate(), -1) }),
      await stored('batches', batch.id),
    );
    await expect(stateOf(batch.id, a)).resolves.toBe('expired');
  });
});

describe('failed passengers', () => {
  it('lose their seats in one audited step, keep their checks, and can move to a later batch', async () => {
    const { route, batch, workerIds } = await station(3);
    const [failed = '', passed = '', unchecked = ''] = workerIds;
    await autoSeat(batch.id);
    await saveHealthCheck(input(batch.id, failed, { symptoms: ['cough'] }));
    await saveHealthCheck(input(batch.id, passed));

    const outcome = await unseatFailedPassengers(batch.id, [failed, passed, unchecked]);
    expect(outcome).toEqual({ unseated: [failed], skipped: [passed, unchecked] });
    const seats = new Map(
      (await stationRoster(batch.id))?.passengers.map(({ assignment }) => [assignment.workerId, assignment.seats]),
    );
    expect(seats.get(failed)).toEqual([]);
    expect(seats.get(passed)?.length).toBe(2);
    const last = (await batchHistory(batch.id)).at(-1);
    expect(last).toMatchObject({
      action: 'update',
      operator: '覃医生',
      after: { seats: [{ workerId: failed, seats: [] }] },
    });

    const later = await createBatch(batchInput(route, { name: '田东县 第2批', date: addCalendarDays(soon(), 7) }));
    await createBatch(batchInput(route, { name: '更早的批次', date: todayCalendarDate() }));
    await expect(laterBatches(batch.id)).resolves.toEqual([later]);
    await movePassengers(batch.id, later.id, [failed]);
    await expect(stateOf(later.id, failed)).resolves.toBe('not-checked');
    // The failed check stays with the batch it was taken for.
    expect((await checkHistory(batch.id, failed)).checks[0]?.result).toBe('fail');
    expect((await stationRoster(batch.id))?.passengers.map(({ worker }) => worker.id).sort()).toEqual(
      [passed, unchecked].sort(),
    );
  });
});

describe('an ID that is not on the batch', () => {
  it('names the worker and the batches they are on, or nobody', async () => {
    const { batch } = await station(0);
    const other = await createBatch(batchInput(await saveRoute(null, makeRouteInput()), { name: '凌云县 第1批' }));
    const worker = makeWorker({ name: '罗美玲' });
    await db.workers.add(worker);
    await addPassengers(other.id, [worker.id]);
    await expect(lookUpResidentId(worker.residentId)).resolves.toMatchObject({
      worker: { name: '罗美玲' },
      batches: [{ id: other.id }],
    });
    await expect(lookUpResidentId('452601199001011234')).resolves.toBeNull();
    expect(batch.id).not.toBe(other.id);
  });
});
