import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BackupRequiredError,
  anonymiseExpiredPeople,
  createWorker,
  personalDataOf,
  recordPersonalDataExport,
  retentionOffer,
  updateSettings,
  updateWorker,
  verifyAuditChain,
  workerHistory,
  type PlannerDatabase,
} from '@renderer/db';
import { recordChange } from '@renderer/db/audit';
import { WorkerDirectory } from '@renderer/db/directory/directory-core';
import type { Assignment, Batch, FollowUp, Worker } from '@shared/domain/records';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { addCalendarDays } from '@shared/dates';
import { shownResidentId } from '@shared/privacy/anonymise';
import { makeBatch, makeHealthCheck } from '../../fixtures/batches';
import { makeWorker, makeWorkerInput } from '../../fixtures/factories';
import { freshDatabase, rejection, stored } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T02:00:00.000Z'));
  db = freshDatabase();
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

/**
 * Two resident IDs of one county whose masked forms are the same (452601********123X): the same
 * sequence number and check character, different birth dates. Sequence 997 keeps clear of the
 * factories' numbers.
 */
function idsMaskedAlike(): [string, string] {
  const byEnd = new Map<string, string>();
  for (let day = 0; ; day++) {
    const first17 = `451022${addCalendarDays('1990-01-01', day).replaceAll('-', '')}997`;
    const id = `${first17}${residentIdCheckChar(first17)}`;
    const earlier = byEnd.get(id.slice(-4));
    if (earlier) return [earlier, id];
    byEnd.set(id.slice(-4), id);
  }
}

async function register(name: string, residentId?: string): Promise<Worker> {
  const shape = residentId ? makeWorker({ residentId }) : makeWorker();
  return createWorker(makeWorkerInput({ name, emergencyContactName: `${name}家属` }, shape));
}

function assignment(batch: Batch, worker: Worker): Assignment {
  return {
    id: crypto.randomUUID(),
    createdAt: batch.createdAt,
    updatedAt: batch.createdAt,
    batchId: batch.id,
    workerId: worker.id,
    seats: [],
    boarding: 'boarded',
  };
}

/** Closes a batch with its audit row, now (the fake clock's now). */
async function close(batch: Batch): Promise<void> {
  await db.transaction('rw', [db.batches, db.audit, db.settings, db.installation], async () => {
    const after: Batch = { ...batch, status: 'closed', updatedAt: new Date().toISOString() };
    await db.batches.put(after);
    await recordChange(db, { table: 'batches', recordId: batch.id, action: 'update', before: batch, after });
  });
}

interface Scene {
  ouyang: Worker;
  twin: Worker;
  recent: Worker;
  stillTravelling: Worker;
  unassigned: Worker;
  oldBatchOnly: Worker;
  expired: Batch;
}

/**
 * 2026-03-01: batch `expired` carries 欧阳娜娜, her masked twin and 韦小宝, who also rides a batch
 * still planned; it is closed at once. A batch with no closing row (last changed 2025) carries 蒙
 * 大海. 2027-01-01: batch `recent` carries 黄文光 and is closed. Then the clock goes to 2027-04-15:
 * the first two batches are past 365 days, the last is not.
 */
async function scene(): Promise<Scene> {
  await updateSettings({ operatorName: '黄干事' });
  const [idA, idB] = idsMaskedAlike();
  const ouyang = await register('欧阳娜娜', idA);
  const twin = await register('梁秀英', idB);
  const stillTravelling = await register('韦小宝');
  const unassigned = await register('陆一鸣');
  const oldBatchOnly = await register('蒙大海');
  const expired = makeBatch({ name: '第1批', status: 'arrived' });
  const planned = makeBatch({ name: '第9批', status: 'planned' });
  const untracked = makeBatch({ name: '第0批', status: 'closed', updatedAt: '2025-01-01T00:00:00.000Z' });
  await db.batches.bulkAdd([expired, planned, untracked]);
  await db.assignments.bulkAdd([
    assignment(expired, ouyang),
    assignment(expired, twin),
    assignment(expired, stillTravelling),
    assignment(planned, stillTravelling),
    assignment(untracked, oldBatchOnly),
  ]);
  await close(expired);
  // A roster import that touched the twin: its row lists her record before and after.
  await recordChange(db, {
    table: 'workers',
    recordId: 'import:roster-1',
    action: 'create',
    before: null,
    after: {
      source: '花名册.xlsx',
      created: [stillTravelling.id],
      updated: [{ id: twin.id, before: twin, after: { ...twin, village: '百林村' } }],
    },
  });

  vi.setSystemTime(new Date('2027-01-01T02:00:00.000Z'));
  const recent = await register('黄文光');
  const recentBatch = makeBatch({ name: '第5批', status: 'arrived' });
  await db.batches.add(recentBatch);
  await db.assignments.add(assignment(recentBatch, recent));
  await close(recentBatch);

  vi.setSystemTime(new Date('2027-04-15T02:00:00.000Z'));
  return { ouyang, twin, recent, stillTravelling, unassigned, oldBatchOnly, expired };
}

describe('the retention offer', () => {
  it('counts the people of batches closed longer than the retention period, not those still needed', async () => {
    const s = await scene();
    const offer = await retentionOffer();
    expect(offer.retentionDays).toBe(365);
    expect(offer.people).toBe(3);
    expect(offer.batches.map((batch) => [batch.name, batch.people])).toEqual([
      ['第0批', 1],
      ['第1批', 2],
    ]);
    expect(offer.batches[1]?.closedAt).toBe('2026-03-01T02:00:00.000Z');

    await updateSettings({ retentionDays: 1000 });
    await expect(retentionOffer()).resolves.toMatchObject({ people: 0, batches: [] });
    expect(s.expired.id).toBeTruthy();
  });
});

describe('anonymising the people of closed batches', () => {
  it('needs a backup first', async () => {
    await scene();
    await expect(anonymiseExpiredPeople({ backupName: ' ' })).rejects.toBeInstanceOf(BackupRequiredError);
  });

  it('reduces their data, leaves everyone else alone, and records it without the old values', async () => {
    const s = await scene();
    const untouched = await db.workers.bulkGet([s.recent.id, s.stillTravelling.id, s.unassigned.id]);
    const batchesBefore = await db.batches.toArray();

    const report = await anonymiseExpiredPeople({ backupName: '备份-2027-04-15.p2pbackup' });
    expect(report).toMatchObject({ people: 3, batches: 2 });
    expect(report.redactedAuditRows).toBeGreaterThanOrEqual(4);

    const ouyang = await db.workers.get(s.ouyang.id);
    expect(ouyang).toMatchObject({
      name: '欧阳*',
      phone: `${s.ouyang.phone.slice(0, 3)}****${s.ouyang.phone.slice(-4)}`,
      birthDate: `${s.ouyang.birthDate.slice(0, 4)}-01-01`,
      emergencyContactName: '欧阳*',
      anonymisedAt: '2027-04-15T02:00:00.000Z',
      county: s.ouyang.county,
      village: s.ouyang.village,
    });
    // The twin's masked ID is the same as hers; the unique index holds both.
    const twin = await db.workers.get(s.twin.id);
    expect(shownResidentId(twin?.residentId ?? '')).toBe(shownResidentId(ouyang?.residentId ?? ''));
    expect(twin?.residentId).not.toBe(ouyang?.residentId);
    await expect(db.workers.get(s.oldBatchOnly.id)).resolves.toMatchObject({ name: '蒙*' });

    await expect(db.workers.bulkGet([s.recent.id, s.stillTravelling.id, s.unassigned.id])).resolves.toEqual(untouched);
    await expect(db.batches.toArray()).resolves.toEqual(batchesBefore);

    // The trail says who was anonymised, when, after which backup, and keeps none of the old values.
    const trail = await db.audit.toArray();
    const text = JSON.stringify(trail);
    for (const person of [s.ouyang, s.twin, s.oldBatchOnly]) {
      for (const value of [person.residentId, person.phone, person.name, person.emergencyContactPhone]) {
        expect(text).not.toContain(value);
      }
    }
    expect(text).toContain(s.recent.residentId);
    expect(text).toContain(s.stillTravelling.residentId);
    const history = await workerHistory(s.ouyang.id);
    expect(history.map((row) => row.action)).toEqual(['create', 'anonymise']);
    expect(history[1]?.after).toMatchObject({ backup: '备份-2027-04-15.p2pbackup', batchIds: [s.expired.id] });
    expect(history[0]?.redaction).toBeDefined();
    expect(trail.filter((row) => row.action === 'redact')).toHaveLength(1);

    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
  });

  it('takes them out of search, and keeps their records from being edited back', async () => {
    const s = await scene();
    await anonymiseExpiredPeople({ backupName: 'b.p2pbackup' });
    const directory = new WorkerDirectory();
    directory.apply(await db.workers.toArray());
    const find = (search: string) => directory.page({ search, sort: 'name', descending: false }, 0, 10).rows;
    expect(find('欧阳娜娜')).toEqual([]);
    expect(find('ouyangnana')).toEqual([]);
    expect(find(s.ouyang.residentId)).toEqual([]);
    expect(find('黄文光').map((worker) => worker.id)).toEqual([s.recent.id]);

    const error = await rejection(
      updateWorker(s.ouyang.id, makeWorkerInput({ name: '欧阳娜娜' }, s.ouyang), await stored('workers', s.ouyang.id)),
    );
    expect(error.problems).toEqual([{ field: 'residentId', code: 'worker-anonymised' }]);
    // The same person registering again is a new record: the anonymised one is never revived.
    const again = await createWorker(makeWorkerInput({ name: '欧阳娜娜' }, s.ouyang));
    expect(again.id).not.toBe(s.ouyang.id);
  });

  it('is offered and done once', async () => {
    await scene();
    await anonymiseExpiredPeople({ backupName: 'b.p2pbackup' });
    await expect(retentionOffer()).resolves.toMatchObject({ people: 0 });
    await expect(anonymiseExpiredPeople({ backupName: 'b.p2pbackup' })).resolves.toEqual({
      people: 0,
      batches: 0,
      redactedAuditRows: 0,
    });
  });

  it('keeps to the batches chosen', async () => {
    const s = await scene();
    await expect(anonymiseExpiredPeople({ backupName: 'b', batchIds: [s.expired.id] })).resolves.toMatchObject({
      people: 2,
      batches: 1,
    });
    await expect(db.workers.get(s.oldBatchOnly.id)).resolves.toMatchObject({ name: '蒙大海' });
  });

  it('leaves a chain that still names a redacted row changed afterwards', async () => {
    const s = await scene();
    await anonymiseExpiredPeople({ backupName: 'b' });
    const [created] = await workerHistory(s.ouyang.id);
    if (!created) throw new Error('no row');
    await db.audit.put({ ...created, after: { name: '欧阳娜娜' } });
    await expect(verifyAuditChain()).resolves.toMatchObject({
      intact: false,
      firstBrokenSeq: created.seq,
      problem: 'redaction-changed',
    });
  });
});

describe('a person’s own data', () => {
  it('holds their record, batches, checks, follow-ups and the audit rows about them', async () => {
    const s = await scene();
    const check = makeHealthCheck({ batchId: s.expired.id, workerId: s.twin.id });
    await db.healthChecks.add(check);
    const followUp: FollowUp = {
      id: crypto.randomUUID(),
      createdAt: check.createdAt,
      updatedAt: check.createdAt,
      workerId: s.twin.id,
      batchId: s.expired.id,
      handoverId: crypto.randomUUID(),
      enterpriseId: crypto.randomUUID(),
      handedOverOn: '2026-02-20',
      staffId: null,
      stationId: null,
      nextDue: null,
      lastContactOn: null,
      lastOutcome: null,
    };
    await db.followUps.add(followUp);
    await recordChange(db, { table: 'healthChecks', recordId: check.id, action: 'create', before: null, after: check });

    const data = await personalDataOf(s.twin.id);
    expect(data).toMatchObject({
      format: 'p2p-personal-data/1',
      worker: { id: s.twin.id, name: '梁秀英', residentId: s.twin.residentId },
      assignments: [{ batchId: s.expired.id, batch: { name: '第1批', status: 'closed' } }],
      healthChecks: [check],
      followUps: [followUp],
    });
    expect(data?.audit.map((row) => [row.table, row.action])).toEqual([
      ['workers', 'create'],
      ['healthChecks', 'create'],
    ]);
    expect(data?.imports).toEqual([
      expect.objectContaining({
        source: '花名册.xlsx',
        created: false,
        change: expect.objectContaining({ id: s.twin.id }) as unknown,
      }),
    ]);
    // Nobody else's data: the import row's other worker is not in the file.
    expect(JSON.stringify(data)).not.toContain(s.stillTravelling.id);
    await expect(personalDataOf('nobody')).resolves.toBeNull();

    const row = await recordPersonalDataExport(s.twin.id, '个人数据-梁秀英.json');
    expect(row).toMatchObject({ table: 'workers', recordId: s.twin.id, action: 'export' });
    expect(JSON.stringify(row.after)).not.toContain(s.twin.residentId);
  });
});
