/**
 * HR service agencies and their introductions as the agencies' pages use them (issue 18, item 2):
 * an agency with introductions is not deleted (it says how many), a deleted one comes back unless
 * its code was taken meanwhile, the introductions are listed with the names on both pages, and an
 * introduction recorded is what eligibility reads: the agency becomes the payee of the placement
 * subsidy for that person.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteAgency,
  deleteIntroduction,
  employersOfWorker,
  introductionCounts,
  introductionsByAgency,
  introductionsOfWorker,
  recordIntroduction,
  restoreAgency,
  saveAgency,
  saveScheme,
  subsidyEligibility,
  type PlannerDatabase,
} from '@renderer/db';
import type { EmploymentPeriod, Enterprise, FollowUp, Worker } from '@shared/domain/records';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { createI18n } from '@renderer/i18n';
import { problemMessage } from '@renderer/components/field-problems';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

function creditCode(serial: number): string {
  const first17 = `91451000MA5${String(serial).padStart(6, '0')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

async function agency(name: string, serial: number) {
  return saveAgency(null, {
    name,
    creditCode: creditCode(serial),
    contactName: '黄经理',
    contactPhone: '0776-2812345',
    bankAccount: { bankName: '中国农业银行田东支行', accountNumber: '6228480123456789012', accountName: name },
    notes: '',
  });
}

async function enterprise(overrides: Partial<Enterprise> = {}): Promise<Enterprise> {
  const record = makeEnterprise({ isKeyEnterprise: true, ...overrides });
  await db.enterprises.add(record);
  return record;
}

/** A worker handed over to `at` on `start`, with the period the handover opened. */
async function handedOver(at: Enterprise, start: string, name: string): Promise<Worker> {
  const worker = makeWorker({ name, enterpriseId: at.id, status: 'onboarded' });
  await db.workers.add(worker);
  const stamp = `${start}T02:00:00.000Z`;
  const followUp: FollowUp = {
    id: crypto.randomUUID(),
    workerId: worker.id,
    batchId: crypto.randomUUID(),
    handoverId: crypto.randomUUID(),
    enterpriseId: at.id,
    handedOverOn: start,
    staffId: null,
    stationId: null,
    nextDue: null,
    lastContactOn: null,
    lastOutcome: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.followUps.add(followUp);
  const period: EmploymentPeriod = {
    id: `${followUp.id}:1`,
    followUpId: followUp.id,
    workerId: worker.id,
    enterpriseId: at.id,
    employerName: at.name,
    employerCity: at.city,
    start,
    startSource: 'handover',
    end: null,
    endReason: null,
    endNote: '',
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.employmentPeriods.add(period);
  return worker;
}

describe('deleting an agency', () => {
  it('is refused while it has introductions, saying how many; allowed once they are removed', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const worker = await handedOver(key, '2026-02-01', '黄秀英');
    const by = await agency('百色市右江劳务人力资源服务有限公司', 1);
    const introduction = await recordIntroduction({
      agencyId: by.id,
      workerId: worker.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-20',
      notes: '',
    });

    const refusal = await rejection(deleteAgency(by.id));
    expect(refusal.problems).toEqual([
      { field: 'id', code: 'agency-has-introductions', params: { agency: by.name, count: 1 } },
    ]);
    expect(problemMessage(refusal.problems[0] ?? { field: '', code: '' }, createI18n('zh-CN').t)).toBe(
      '“百色市右江劳务人力资源服务有限公司”登记了 1 条介绍记录，不能删除；请先在机构页删除这些介绍记录',
    );
    expect(problemMessage(refusal.problems[0] ?? { field: '', code: '' }, createI18n('en').t)).toMatch(
      /has 1 introduction recorded and cannot be deleted/,
    );
    expect((await db.agencies.get(by.id))?.deletedAt ?? null).toBeNull();

    await deleteIntroduction(introduction.id);
    await deleteAgency(by.id);
    expect((await db.agencies.get(by.id))?.deletedAt).toBeTruthy();
  });

  it('comes back on undo, unless another agency took its credit code meanwhile', async () => {
    const first = await agency('百色市右江劳务人力资源服务有限公司', 2);
    await deleteAgency(first.id);
    const restored = await restoreAgency(first.id);
    expect(restored.deletedAt ?? null).toBeNull();

    await deleteAgency(first.id);
    await agency('田东县劳务公司', 2);
    const refusal = await rejection(restoreAgency(first.id));
    expect(refusal.problems).toEqual([{ field: 'creditCode', code: 'agency-credit-code-duplicate' }]);
    expect((await db.agencies.get(first.id))?.deletedAt).toBeTruthy();
    expect(
      (await db.audit.where('[table+recordId]').equals(['agencies', first.id]).toArray()).map((row) => row.action),
    ).toEqual(['create', 'delete', 'restore', 'delete']);
  });
});

describe('the introductions of an agency and of a worker', () => {
  it('are listed with the names, newest first on the agency, and counted per agency', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const ordinary = await enterprise({ name: '东莞市华通五金制品有限公司', isKeyEnterprise: false });
    const a = await handedOver(key, '2026-02-01', '黄秀英');
    const b = await handedOver(ordinary, '2026-02-01', '韦丽');
    const by = await agency('百色市右江劳务人力资源服务有限公司', 3);
    const other = await agency('田东县劳务公司', 4);
    await recordIntroduction({
      agencyId: by.id,
      workerId: a.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-10',
      notes: '',
    });
    await recordIntroduction({
      agencyId: by.id,
      workerId: b.id,
      enterpriseId: ordinary.id,
      introducedOn: '2026-01-20',
      notes: '村里推荐',
    });
    const removed = await recordIntroduction({
      agencyId: other.id,
      workerId: a.id,
      enterpriseId: ordinary.id,
      introducedOn: '2026-01-05',
      notes: '',
    });
    await deleteIntroduction(removed.id);

    const rows = await introductionsByAgency(by.id);
    expect(
      rows.map((row) => [row.workerName, row.enterpriseName, row.isKeyEnterprise, row.introduction.notes]),
    ).toEqual([
      ['韦丽', '东莞市华通五金制品有限公司', false, '村里推荐'],
      ['黄秀英', '深圳市鹏达电子科技有限公司', true, ''],
    ]);
    const ofWorker = await introductionsOfWorker(a.id);
    expect(ofWorker.map((row) => [row.agencyName, row.enterpriseName, row.introduction.introducedOn])).toEqual([
      ['百色市右江劳务人力资源服务有限公司', '深圳市鹏达电子科技有限公司', '2026-01-10'],
    ]);
    expect(await introductionCounts()).toEqual(new Map([[by.id, 2]]));
  });
});

describe('an introduction recorded', () => {
  it('makes the agency the payee of the placement subsidy for that person, and only for that enterprise', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const introduced = await handedOver(key, '2026-02-01', '黄秀英');
    const elsewhere = await handedOver(key, '2026-02-01', '韦丽');
    const by = await agency('百色市右江劳务人力资源服务有限公司', 5);
    const placement = await saveScheme(null, {
      name: '2026年人力资源服务机构职业介绍补贴',
      year: 2026,
      kind: 'placement',
      payee: 'agency',
      amountFen: 40_000,
      tiers: [],
      instalments: [],
      evidence: ['labour-contract'],
      conditions: {
        householdTypes: [],
        minMonths: 0,
        sameEmployer: false,
        keyEnterpriseOnly: true,
        organisedBatch: 'any',
        destinations: [],
        startFrom: '2026-01-01',
        startTo: '2026-12-31',
      },
    });
    const payees = async () =>
      new Map((await subsidyEligibility(placement.id, '2026-03-01')).map((row) => [row.name, row.payee?.name ?? null]));
    expect(await payees()).toEqual(
      new Map([
        ['黄秀英', null],
        ['韦丽', null],
      ]),
    );

    await recordIntroduction({
      agencyId: by.id,
      workerId: introduced.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-20',
      notes: '',
    });
    const other = await enterprise({ name: '东莞市华通五金制品有限公司' });
    await recordIntroduction({
      agencyId: by.id,
      workerId: elsewhere.id,
      enterpriseId: other.id,
      introducedOn: '2026-01-20',
      notes: '',
    });
    expect(await payees()).toEqual(
      new Map([
        ['黄秀英', by.name],
        ['韦丽', null],
      ]),
    );
  });
});

describe('the enterprises a worker is employed at', () => {
  it('are those of the live periods of live follow-ups, earliest first: what an introduction should name', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const later = await enterprise({ name: '东莞市华通五金制品有限公司', isKeyEnterprise: false });
    const worker = await handedOver(key, '2026-02-01', '黄秀英');
    const [followUp] = await db.followUps.where('workerId').equals(worker.id).toArray();
    await db.employmentPeriods.add({
      id: `${followUp?.id ?? ''}:2`,
      followUpId: followUp?.id ?? '',
      workerId: worker.id,
      enterpriseId: later.id,
      employerName: later.name,
      employerCity: later.city,
      start: '2026-05-01',
      startSource: 'contact',
      end: null,
      endReason: null,
      endNote: '',
      createdAt: '2026-05-02T02:00:00.000Z',
      updatedAt: '2026-05-02T02:00:00.000Z',
    });
    expect(await employersOfWorker(worker.id)).toEqual([key.id, later.id]);
    await db.followUps.update(followUp?.id ?? '', { deletedAt: '2026-06-01T00:00:00.000Z' });
    expect(await employersOfWorker(worker.id)).toEqual([]);
  });
});
