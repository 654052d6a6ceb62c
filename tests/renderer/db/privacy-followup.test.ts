/**
 * The follow-up records of issue 17 in the privacy rules (issue 7): a person's own data holds their
 * contacts, employment periods and the part of each handover about them; anonymising them clears
 * what a caller wrote about them (in the records and in the audit trail), keeps what the office
 * counts, and leaves everyone else's records as they were.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addPassengers,
  anonymiseExpiredPeople,
  correctContact,
  createBatch,
  logContact,
  personalDataOf,
  recordHandover,
  saveRoute,
  verifyAuditChain,
  type PlannerDatabase,
} from '@renderer/db';
import { recordChange } from '@renderer/db/audit';
import { beijingTimestamp } from '@shared/dates';
import type { ContactInput } from '@shared/followup';
import type { Batch, Enterprise, Worker } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T02:00:00.000Z'));
  db = await freshDatabaseWithOperator('韦小燕');
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

function contact(overrides: Partial<ContactInput>): ContactInput {
  return {
    date: '2026-02-10',
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: 4800,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...overrides,
  };
}

interface Scene {
  batch: Batch;
  factory: Enterprise;
  person: Worker;
  other: Worker;
  absent: Worker;
}

/**
 * A batch that left on 1 February 2026: 覃小梅 and 农大山 handed over to a factory, 黄阿妹 not
 * (ill on the way). 覃小梅 changed to a workshop the office does not know and told of unpaid wages;
 * a call was corrected. The batch is closed on 1 March 2026.
 */
async function scene(): Promise<Scene> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: '2026-02-01' }));
  const factory = makeEnterprise({ name: '深圳市鹏达电子科技有限公司', city: '深圳市' });
  await db.enterprises.add(factory);
  const person = makeWorker({ name: '覃小梅', enterpriseId: factory.id, status: 'assigned' });
  const other = makeWorker({ name: '农大山', enterpriseId: factory.id, status: 'assigned' });
  const absent = makeWorker({ name: '黄阿妹', enterpriseId: factory.id, status: 'assigned' });
  await db.workers.bulkAdd([person, other, absent]);
  await addPassengers(batch.id, [person.id, other.id, absent.id]);
  await db.batches.update(batch.id, { status: 'departed' });
  await recordHandover(batch.id, factory.id, {
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: beijingTimestamp('2026-02-02', 18 * 60),
    place: '厂区东门',
    exceptions: [{ workerId: absent.id, reason: 'other', note: '黄阿妹途中发烧，送百色市人民医院' }],
    note: '',
  });
  const followUpOf = async (worker: Worker) =>
    (await db.followUps.where('workerId').equals(worker.id).first())?.id ?? '';
  const { contact: wrong } = await logContact(
    await followUpOf(person),
    contact({ date: '2026-02-09', difficulties: '丈夫在老家住院', action: '已告知乡镇社工站' }),
  );
  await correctContact(
    wrong.id,
    contact({ date: '2026-02-09', difficulties: '丈夫在老家住院，想请假回去', action: '已告知乡镇社工站' }),
    '覃小梅本人补充了情况',
  );
  await logContact(
    await followUpOf(person),
    contact({
      date: '2026-02-20',
      outcome: 'changed-job',
      employerName: '覃记表哥五金店',
      employerCity: '东莞市',
      leftOn: '2026-02-15',
      startedOn: '2026-02-16',
      leftReason: '车间主任刘某克扣加班费',
      difficulties: '加班费未结清',
      needs: ['rights'],
      action: '已联系劳动监察大队',
    }),
  );
  await logContact(
    await followUpOf(other),
    contact({ date: '2026-02-12', difficulties: '宿舍太吵', action: '已向企业反映' }),
  );
  // Closed on 1 March 2026, with its audit row.
  const closing = await db.batches.get(batch.id);
  if (!closing) throw new Error('no batch');
  const after: Batch = { ...closing, status: 'closed', updatedAt: new Date().toISOString() };
  await db.transaction('rw', [db.batches, db.audit, db.settings, db.installation], async () => {
    await db.batches.put(after);
    await recordChange(db, { table: 'batches', recordId: batch.id, action: 'update', before: closing, after });
  });
  return { batch, factory, person, other, absent };
}

const WRITTEN = [
  '丈夫在老家住院',
  '覃小梅本人补充了情况',
  '覃记表哥五金店',
  '车间主任刘某克扣加班费',
  '加班费未结清',
  '已联系劳动监察大队',
  '送百色市人民医院',
];

describe('a person’s own data, with their follow-up', () => {
  it('holds their contacts (corrected ones too), periods and the part of the handover about them', async () => {
    const s = await scene();
    const data = await personalDataOf(s.person.id);
    expect(data?.contacts.map((c) => [c.date, c.outcome, Boolean(c.deletedAt)]).sort()).toEqual([
      ['2026-02-09', 'in-post', false],
      ['2026-02-09', 'in-post', true],
      ['2026-02-20', 'changed-job', false],
    ]);
    expect(data?.employmentPeriods.map((p) => p.employerName).sort()).toEqual(
      ['深圳市鹏达电子科技有限公司', '覃记表哥五金店'].sort(),
    );
    expect(data?.handovers).toEqual([
      expect.objectContaining({ receiverName: '李主管', handedOver: true, exception: null }),
    ]);
    expect(data?.audit.filter((row) => row.table === 'contacts')).toHaveLength(4);
    // Nobody else's: neither the other passenger nor the one not handed over, nor the note about her.
    const text = JSON.stringify(data);
    expect(text).not.toContain(s.other.id);
    expect(text).not.toContain(s.absent.id);
    expect(text).not.toContain('送百色市人民医院');

    const absent = await personalDataOf(s.absent.id);
    expect(absent?.handovers).toEqual([
      expect.objectContaining({
        handedOver: false,
        exception: expect.objectContaining({ reason: 'other' }) as unknown,
      }),
    ]);
  });
});

describe('anonymising a person who was followed up', () => {
  it('clears what callers wrote about them, in the records and the trail, and keeps the figures', async () => {
    const s = await scene();
    const othersContacts = await db.contacts.where('workerId').equals(s.other.id).toArray();
    vi.setSystemTime(new Date('2027-04-15T02:00:00.000Z'));
    const report = await anonymiseExpiredPeople({ backupName: '备份-2027-04-15.p2pbackup' });
    expect(report.people).toBe(3);

    const contacts = await db.contacts.where('workerId').equals(s.person.id).toArray();
    expect(contacts).toHaveLength(3);
    for (const c of contacts) {
      expect(c).toMatchObject({ difficulties: '', action: '', leftReason: '' });
      if (c.correctionReason !== undefined) expect(c.correctionReason).toBe('');
    }
    const changed = contacts.find((c) => c.outcome === 'changed-job');
    // The figures stay: the outcome, the dates, the city, the income and the kind of help needed.
    expect(changed).toMatchObject({
      employerName: '*',
      employerCity: '东莞市',
      leftOn: '2026-02-15',
      startedOn: '2026-02-16',
      monthlyIncome: 4800,
      needs: ['rights'],
    });
    const periods = await db.employmentPeriods.where('workerId').equals(s.person.id).toArray();
    expect(periods.map((p) => [p.employerName, p.start, p.end, p.endReason, p.endNote]).sort()).toEqual(
      [
        ['深圳市鹏达电子科技有限公司', '2026-02-02', '2026-02-15', 'changed-job', ''],
        ['*', '2026-02-16', null, null, ''],
      ].sort(),
    );
    const handover = await db.handovers.where('batchId').equals(s.batch.id).first();
    expect(handover?.exceptions).toEqual([{ workerId: s.absent.id, reason: 'other', note: '' }]);
    expect(handover?.receiverName).toBe('李主管');

    // Nothing they wrote is left anywhere: not in a record, not in the audit trail.
    const everything = JSON.stringify([
      await db.contacts.toArray(),
      await db.employmentPeriods.toArray(),
      await db.handovers.toArray(),
      // The rows' contents. (A correction's reason is also the `reason` of its audit rows, which the
      // hash chain seals as it is: shared/audit/chain.ts can redact a row's before and after only.)
      (await db.audit.toArray()).map((row) => [row.before, row.after]),
    ]);
    for (const words of WRITTEN) expect(everything).not.toContain(words);
    // Each record reduced has its anonymise row naming the fields and the backup, not the values.
    const rows = (await db.audit.toArray()).filter((row) => row.action === 'anonymise');
    const ids = new Set(contacts.map((c) => c.id));
    expect(rows.filter((row) => row.table === 'contacts' && ids.has(row.recordId))).toHaveLength(3);
    expect(rows.find((row) => row.table === 'handovers')?.after).toMatchObject({
      fields: ['exceptions'],
      backup: '备份-2027-04-15.p2pbackup',
    });
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
    // The other passenger rode the same batch and was anonymised too; their outcome stays.
    expect((await db.contacts.where('workerId').equals(s.other.id).toArray()).map((c) => c.outcome)).toEqual(
      othersContacts.map((c) => c.outcome),
    );
  });
});
