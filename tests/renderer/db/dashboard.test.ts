/**
 * The dashboard's source read from the database (issue 19): the figures a user sees on the home
 * page come out of what is stored, soft-deleted rows left out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dashboard } from '@shared/dashboard';
import type { Assignment, SubsidyClaim } from '@shared/domain/records';
import { dashboardChangeSignal, dashboardSource, deleteEnterprise, type PlannerDatabase } from '@renderer/db';
import { makeEnterprise } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';
import { seedHandedOver } from './followup-desk-seed';

const AT = '2026-03-01T00:00:00.000Z';
const NOW = '2026-06-30T04:00:00.000Z';
const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

function assignment(batchId: string, workerId: string, deletedAt: string | null = null): Assignment {
  return {
    id: crypto.randomUUID(),
    batchId,
    workerId,
    seats: [],
    boarding: 'boarded',
    createdAt: AT,
    updatedAt: AT,
    deletedAt,
  };
}

function claim(workerId: string, overrides: Partial<SubsidyClaim>): SubsidyClaim {
  return {
    id: crypto.randomUUID(),
    schemeId: 'scheme',
    workerId,
    year: 2026,
    payee: 'worker',
    payeeId: workerId,
    amountFen: 50_000,
    instalment: null,
    dueOn: '2026-04-01',
    periodId: null,
    months: 3,
    status: 'eligible',
    noticeFrom: null,
    noticeDays: null,
    submittedOn: null,
    approvedOn: null,
    paidOn: null,
    paidAmountFen: null,
    voucher: '',
    rejectedOn: null,
    rejectionReason: '',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

describe('dashboardSource', () => {
  it('gives the people sent, their registered-poor share, the handovers and the subsidies paid', async () => {
    const { batch, workers, followUps } = await seedHandedOver(db, ['2026-03-02', '2026-03-02', '2026-03-02']);
    const [first, second, third] = workers.map((worker) => worker.id) as [string, string, string];
    await db.workers.update(first, { povertyStatus: 'registered-poor' });
    await db.workers.update(second, { povertyStatus: 'none' });
    await db.batches.update(batch.id, { date: '2026-03-01' });
    // The third passenger's seat was taken back: they were not sent, nor is their handover counted.
    await db.assignments.bulkAdd([
      assignment(batch.id, first),
      assignment(batch.id, second),
      assignment(batch.id, third, AT),
    ]);
    await db.followUps.update(followUps[2]?.id ?? '', { deletedAt: AT });
    await db.subsidyClaims.bulkAdd([
      claim(first, { status: 'paid', paidOn: '2026-05-10', paidAmountFen: 50_000 }),
      claim(second, { status: 'eligible', amountFen: 30_000 }),
      claim(second, { status: 'paid', paidOn: '2026-05-11', paidAmountFen: 20_000, deletedAt: AT }),
    ]);

    const source = await dashboardSource(db);
    const { figures } = dashboard(source, YEAR_2026, NOW);

    expect(figures.current.peopleSent).toBe(2);
    expect(figures.current.registeredPoor).toEqual({ count: 1, of: 2, percent: '50.00' });
    expect(figures.current.batchesDeparted).toBe(1);
    expect(figures.current.handedOver).toBe(2);
    expect(figures.current.subsidies).toEqual({ owedFen: 30_000, onNoticeFen: 0, paidFen: 50_000 });
    expect(figures.yearBefore.peopleSent).toBe(0);
  });

  it('reads only the fields the figures need, and the defaults when Settings were never saved', async () => {
    const { workers } = await seedHandedOver(db, ['2026-03-02']);
    const source = await dashboardSource(db);
    const [worker] = source.workers;
    expect(Object.keys(worker ?? {}).sort()).toEqual(
      ['county', 'countyCode', 'deletedAt', 'enterpriseId', 'id', 'povertyStatus', 'township'].sort(),
    );
    expect(worker).not.toHaveProperty('name');
    expect(worker?.id).toBe(workers[0]?.id);
    expect(source.settings.loadFactor).toBeGreaterThan(0);
    expect(source.settings.checkValidityHours).toBeGreaterThan(0);
  });

  it('changes its change signal when a record is written, so that the home page counts again', async () => {
    const enterprise = makeEnterprise();
    await db.enterprises.add(enterprise);
    const before = await dashboardChangeSignal();
    await deleteEnterprise(enterprise.id);
    expect(await dashboardChangeSignal()).not.toBe(before);
    const source = await dashboardSource(db);
    expect(source.enterprises.find((stored) => stored.id === enterprise.id)?.deletedAt).toBeTruthy();
  });
});
