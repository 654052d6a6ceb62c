/**
 * Enterprise confirmation lists (issue 17, item 6) as the repository reports and writes them: the
 * accepted rows become contacts by enterprise verification that move the employment periods, a
 * refused chunk leaves nothing of itself, a cancel keeps the chunks written, and a list imported
 * again logs no row twice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  confirmationReport,
  createBatch,
  followUpsOfWorker,
  recordArrival,
  recordHandover,
  saveRoute,
  writeConfirmations,
  type PlannerDatabase,
} from '@renderer/db';
import { addCalendarDays, beijingTimestamp, todayCalendarDate } from '@shared/dates';
import type { ListedRow } from '@shared/followup/confirmation';
import type { Enterprise, Worker } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeResidentId, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();
const daysAgo = (days: number) => addCalendarDays(today, -days);
const HANDED_OVER_ON = daysAgo(39);

/** A batch that left 40 days ago, arrived and was handed over: `count` workers for the first enterprise, one for the second. */
async function handedOverTrip(
  count: number,
): Promise<{ enterprise: Enterprise; other: Enterprise; workers: Worker[]; stranger: Worker }> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: daysAgo(40) }));
  const enterprise = makeEnterprise();
  const other = makeEnterprise();
  await db.enterprises.bulkAdd([enterprise, other]);
  const workers = Array.from({ length: count }, () => makeWorker({ enterpriseId: enterprise.id, status: 'assigned' }));
  const stranger = makeWorker({ enterpriseId: other.id, status: 'assigned' });
  await db.workers.bulkAdd([...workers, stranger]);
  await addPassengers(
    batch.id,
    [...workers, stranger].map((worker) => worker.id),
  );
  await db.batches.update(batch.id, { status: 'departed' });
  for (const leg of batch.legs) {
    await recordArrival(batch.id, leg.legId, {
      arrivedAt: beijingTimestamp(HANDED_OVER_ON, 8 * 60),
      place: '',
      note: '',
    });
  }
  for (const receiver of [enterprise, other]) {
    await recordHandover(batch.id, receiver.id, {
      receiverName: '李主管',
      receiverPhone: '0755-12345678',
      handedOverAt: beijingTimestamp(HANDED_OVER_ON, 10 * 60),
      place: '宝安区工业园',
      exceptions: [],
      note: '',
    });
  }
  return { enterprise, other, workers, stranger };
}

function row(line: number, residentId: string, overrides: Partial<ListedRow> = {}): ListedRow {
  return { line, residentId, name: '', status: '在岗', startedOn: '', leftOn: '', leftReason: '', ...overrides };
}

async function verificationContacts() {
  return (await db.contacts.toArray()).filter((contact) => contact.method === 'enterprise-verification');
}

describe('an enterprise confirmation list', () => {
  it('reports each row, then writes the accepted ones as verification contacts that move the periods', async () => {
    const { enterprise, workers, stranger } = await handedOverTrip(2);
    const [stays, left] = workers as [Worker, Worker];
    const listDate = daysAgo(2);
    const unknown = makeResidentId('451021', '1999-09-09', 'male');
    const verdicts = await confirmationReport(enterprise.id, {
      listDate,
      hasStatusColumn: true,
      rows: [
        row(2, stays.residentId, { startedOn: daysAgo(38) }),
        row(3, left.residentId.toLowerCase(), { status: '已离职', leftOn: daysAgo(10), leftReason: '家中老人生病' }),
        row(4, unknown),
        row(5, stranger.residentId),
      ],
    });
    expect(verdicts.map((verdict) => verdict.category)).toEqual([
      'matched',
      'matched',
      'not-found',
      'other-enterprise',
    ]);
    // Nothing is written by the report.
    expect(await verificationContacts()).toEqual([]);

    const result = await writeConfirmations(
      verdicts.filter((verdict) => verdict.category === 'matched'),
      listDate,
    );
    expect(result).toMatchObject({ written: 2, skipped: 0, notWritten: 0, cancelled: false });
    expect(result.failure).toBeUndefined();
    const contacts = await verificationContacts();
    expect(contacts).toHaveLength(2);
    expect(contacts.every((contact) => contact.by === '韦小燕' && contact.date === listDate)).toBe(true);

    const [kept] = await followUpsOfWorker(stays.id);
    expect(kept?.periods).toMatchObject([
      { enterpriseId: enterprise.id, start: daysAgo(38), startSource: 'on-board', end: null },
    ]);
    expect(kept?.followUp).toMatchObject({ lastContactOn: listDate, lastOutcome: 'in-post' });
    const [gone] = await followUpsOfWorker(left.id);
    expect(gone?.periods).toMatchObject([
      {
        enterpriseId: enterprise.id,
        start: HANDED_OVER_ON,
        end: daysAgo(10),
        endReason: 'left',
        endNote: '家中老人生病',
      },
    ]);
    expect((await db.workers.get(left.id))?.status).toBe('left');
    expect((await db.workers.get(stays.id))?.status).toBe('onboarded');
  });

  it('logs no row twice when the same list is imported again, and says how many it skipped', async () => {
    const { enterprise, workers } = await handedOverTrip(3);
    const listDate = daysAgo(1);
    const input = {
      listDate,
      hasStatusColumn: true,
      rows: workers.map((worker, index) => row(index + 2, worker.residentId, { startedOn: daysAgo(39) })),
    };
    const first = await confirmationReport(enterprise.id, input);
    expect((await writeConfirmations(first, listDate)).written).toBe(3);

    const again = await confirmationReport(enterprise.id, input);
    expect(again.map((verdict) => verdict.category)).toEqual([
      'already-recorded',
      'already-recorded',
      'already-recorded',
    ]);
    // Written again from the first report (a second window, a double click): skipped in the chunk.
    const repeated = await writeConfirmations(first, listDate);
    expect(repeated).toMatchObject({ written: 0, skipped: 3 });
    expect(await verificationContacts()).toHaveLength(3);
  });

  it('writes nothing of a refused chunk, keeps the chunks before it, and says how many were not written', async () => {
    const { enterprise, workers } = await handedOverTrip(5);
    const listDate = daysAgo(1);
    const verdicts = await confirmationReport(enterprise.id, {
      listDate,
      hasStatusColumn: true,
      rows: workers.map((worker, index) => row(index + 2, worker.residentId)),
    });
    expect(verdicts.every((verdict) => verdict.category === 'matched')).toBe(true);
    // The fourth row's follow-up goes away between the report and the writing.
    const gone = verdicts[3]?.followUpId ?? '';
    await db.followUps.update(gone, { deletedAt: new Date().toISOString() });

    const progress: number[] = [];
    const result = await writeConfirmations(verdicts, listDate, {
      chunkRows: 2,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(result).toMatchObject({ written: 2, notWritten: 3, cancelled: false });
    expect(result.failure).toBeDefined();
    expect(progress).toEqual([0, 2]);
    const written = await verificationContacts();
    // The third row shared the refused chunk: not written either.
    expect(written.map((contact) => contact.workerId).sort()).toEqual([workers[0]?.id, workers[1]?.id].sort());
    const third = await db.followUps
      .where('workerId')
      .equals(workers[2]?.id ?? '')
      .first();
    expect(third?.lastContactOn).toBeNull();
    expect(
      await db.employmentPeriods
        .where('followUpId')
        .equals(third?.id ?? '')
        .count(),
    ).toBe(1);
  });

  it('stops after the chunk under way when cancelled, with what was written consistent', async () => {
    const { enterprise, workers } = await handedOverTrip(5);
    const listDate = daysAgo(1);
    const verdicts = await confirmationReport(enterprise.id, {
      listDate,
      hasStatusColumn: true,
      rows: workers.map((worker, index) => row(index + 2, worker.residentId, { status: '离职', leftOn: daysAgo(5) })),
    });
    let chunks = 0;
    const result = await writeConfirmations(verdicts, listDate, {
      chunkRows: 2,
      shouldStop: () => {
        chunks += 1;
        return chunks > 1;
      },
    });
    expect(result).toMatchObject({ written: 2, notWritten: 3, cancelled: true });
    const closed = (await db.employmentPeriods.toArray()).filter((period) => period.end !== null);
    expect(closed).toHaveLength(2);
    expect((await db.workers.toArray()).filter((worker) => worker.status === 'left')).toHaveLength(2);
  });

  it('refuses a list dated in the future, writing nothing', async () => {
    const { enterprise, workers } = await handedOverTrip(1);
    const input = {
      listDate: addCalendarDays(today, 1),
      hasStatusColumn: true,
      rows: [row(2, workers[0]?.residentId ?? '')],
    };
    const refused = await rejection(confirmationReport(enterprise.id, input));
    expect(refused.problems).toEqual([expect.objectContaining({ field: 'listDate', code: 'date-in-future' })]);
    expect(await verificationContacts()).toEqual([]);
  });
});
