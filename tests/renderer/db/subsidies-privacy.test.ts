/**
 * The subsidies' records in the privacy rules (issue 7, issue 18): a person's own data holds the
 * claims made for them and the agencies' introductions of them; anonymising them clears the note an
 * agency's introduction holds about them, in the record and in the trail, and keeps the claims, which
 * are public money's records and name nobody but by id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addPassengers,
  anonymiseExpiredPeople,
  createBatch,
  createClaims,
  personalDataOf,
  recordHandover,
  recordIntroduction,
  saveAgency,
  saveRoute,
  saveScheme,
  verifyAuditChain,
  type PlannerDatabase,
} from '@renderer/db';
import { recordChange } from '@renderer/db/audit';
import { beijingTimestamp } from '@shared/dates';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import type { Batch, Worker } from '@shared/domain/records';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-04-01T02:00:00.000Z'));
  db = await freshDatabaseWithOperator('韦小燕');
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const NOTE = '覃小梅的表姐在该厂做组长，经她介绍';

/** 覃小梅 and 农大山, introduced by an agency, handed over on 2 February 2026; a claim for 覃小梅; the batch closed. */
async function scene(): Promise<{ person: Worker; other: Worker; claimId: string }> {
  const route = await saveRoute(null, makeRouteInput());
  const batch = await createBatch(makeBatchInput(route, { date: '2026-02-01' }));
  const factory = makeEnterprise({ name: '深圳市鹏达电子科技有限公司', isKeyEnterprise: true });
  await db.enterprises.add(factory);
  const person = makeWorker({ name: '覃小梅', enterpriseId: factory.id, status: 'assigned' });
  const other = makeWorker({ name: '农大山', enterpriseId: factory.id, status: 'assigned' });
  await db.workers.bulkAdd([person, other]);
  await addPassengers(batch.id, [person.id, other.id]);
  await db.batches.update(batch.id, { status: 'departed' });
  await recordHandover(batch.id, factory.id, {
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: beijingTimestamp('2026-02-02', 18 * 60),
    place: '厂区东门',
    exceptions: [],
    note: '',
  });
  const first17 = '91451000MA5000001';
  const agency = await saveAgency(null, {
    name: '百色市人力资源服务有限公司',
    creditCode: `${first17}${creditCodeCheckChar(first17)}`,
    contactName: '',
    contactPhone: '',
    bankAccount: null,
    notes: '',
  });
  for (const worker of [person, other]) {
    await recordIntroduction({
      agencyId: agency.id,
      workerId: worker.id,
      enterpriseId: factory.id,
      introducedOn: '2026-01-20',
      notes: worker === person ? NOTE : '农大山自己报名',
    });
  }
  const scheme = await saveScheme(null, {
    name: '职业介绍补贴',
    year: 2026,
    kind: 'placement',
    payee: 'agency',
    amountFen: 40_000,
    tiers: [],
    conditions: {
      householdTypes: [],
      minMonths: 1,
      sameEmployer: false,
      keyEnterpriseOnly: true,
      organisedBatch: 'any',
      destinations: [],
      startFrom: null,
      startTo: null,
    },
    instalments: [],
    evidence: [],
  });
  const [claim] = await createClaims(scheme.id, [person.id], '2026-04-01');
  const closing = (await db.batches.get(batch.id)) as Batch;
  const after: Batch = { ...closing, status: 'closed', updatedAt: new Date().toISOString() };
  await db.transaction('rw', [db.batches, db.audit, db.settings, db.installation], async () => {
    await db.batches.put(after);
    await recordChange(db, { table: 'batches', recordId: batch.id, action: 'update', before: closing, after });
  });
  return { person, other, claimId: claim?.id ?? '' };
}

describe('the subsidies in a person’s data and its anonymisation', () => {
  it('gives a person their claims and introductions, and no one else’s', async () => {
    const s = await scene();
    const data = await personalDataOf(s.person.id);
    expect(data?.subsidyClaims.map((claim) => [claim.id, claim.amountFen, claim.status])).toEqual([
      [s.claimId, 40_000, 'eligible'],
    ]);
    expect(data?.introductions.map((introduction) => introduction.notes)).toEqual([NOTE]);
    expect(data?.audit.filter((row) => row.table === 'subsidyClaims')).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('农大山自己报名');
  });

  it('clears the agency’s note about them in the record and the trail, and keeps the claim', async () => {
    const s = await scene();
    const claimBefore = await db.subsidyClaims.get(s.claimId);
    vi.setSystemTime(new Date('2027-04-15T02:00:00.000Z'));
    const report = await anonymiseExpiredPeople({ backupName: '备份-2027-04-15.p2pbackup' });
    expect(report.people).toBe(2);

    const introductions = await db.introductions.where('workerId').equals(s.person.id).toArray();
    expect(introductions.map((introduction) => [introduction.notes, introduction.introducedOn])).toEqual([
      ['', '2026-01-20'],
    ]);
    expect(await db.subsidyClaims.get(s.claimId)).toEqual(claimBefore);
    const everything = JSON.stringify([
      await db.introductions.toArray(),
      (await db.audit.toArray()).map((row) => [row.before, row.after]),
    ]);
    expect(everything).not.toContain('表姐');
    expect(everything).not.toContain('农大山自己报名');
    const anonymised = await db.audit
      .where('[table+recordId]')
      .equals(['introductions', introductions[0]?.id ?? ''])
      .toArray();
    expect(
      anonymised.filter((row) => row.action === 'anonymise').map((row) => (row.after as { fields: string[] }).fields),
    ).toEqual([['notes']]);
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
  });
});
