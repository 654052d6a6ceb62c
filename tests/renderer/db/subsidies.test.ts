/**
 * The subsidies' records (issue 18) as the repository writes them: schemes refused as checkScheme
 * refuses them, eligibility computed from the stored handovers and employment periods, claims made
 * only for the eligible and never twice per person, scheme and year whoever the payee, steps taken
 * for several claims all or none, and the roster refused while a payee has no bank account.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  claimsOfScheme,
  createBatch,
  createClaims,
  deleteAgency,
  deleteIntroduction,
  deleteScheme,
  recordHandover,
  recordIntroduction,
  paperClaims,
  reportClaims,
  rosterRefusals,
  saveAgency,
  saveRoute,
  saveScheme,
  setEnterpriseSubsidyFields,
  stepClaims,
  subsidyEligibility,
  updateSettings,
  type PlannerDatabase,
  type SchemeInput,
} from '@renderer/db';
import { addCalendarDays, beijingTimestamp, todayCalendarDate } from '@shared/dates';
import type { Enterprise, FollowUp, EmploymentPeriod, SubsidyClaim, Worker } from '@shared/domain/records';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { createI18n } from '@renderer/i18n';
import { subsidyReport } from '@shared/subsidy/report';
import { rosterProblems } from '@shared/subsidy/papers';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const TODAY = '2026-06-15';
const ACCOUNT = {
  bankName: '中国农业银行田东支行',
  accountNumber: '6228480123456789012',
  accountName: '深圳市鹏达电子',
};

function scheme(
  overrides: Partial<SchemeInput> = {},
  conditions: Partial<SchemeInput['conditions']> = {},
): SchemeInput {
  return {
    name: '2026 年吸纳就业补贴',
    year: 2026,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_000,
    tiers: [],
    instalments: [],
    evidence: ['labour-contract'],
    ...overrides,
    conditions: {
      householdTypes: [],
      minMonths: 0,
      sameEmployer: false,
      keyEnterpriseOnly: false,
      organisedBatch: 'any',
      destinations: [],
      startFrom: null,
      startTo: null,
      ...conditions,
    },
  };
}

/**
 * A worker handed over to `enterprise` on `start` (a follow-up with its first period, as the
 * handover stores them), and any later periods at other employers.
 */
async function handedOver(
  enterprise: Enterprise,
  start: string,
  options: { worker?: Partial<Worker>; end?: string | null; later?: { enterprise: Enterprise; start: string }[] } = {},
): Promise<Worker> {
  const worker = makeWorker({ enterpriseId: enterprise.id, status: 'onboarded', ...options.worker });
  await db.workers.add(worker);
  const at = `${start}T02:00:00.000Z`;
  const followUp: FollowUp = {
    id: crypto.randomUUID(),
    workerId: worker.id,
    batchId: crypto.randomUUID(),
    handoverId: crypto.randomUUID(),
    enterpriseId: enterprise.id,
    handedOverOn: start,
    staffId: null,
    stationId: null,
    nextDue: null,
    lastContactOn: null,
    lastOutcome: null,
    createdAt: at,
    updatedAt: at,
  };
  await db.followUps.add(followUp);
  const later = options.later ?? [];
  const spells = [
    { enterprise, start, source: 'handover' as const },
    ...later.map((l) => ({ ...l, source: 'contact' as const })),
  ];
  const periods: EmploymentPeriod[] = spells.map((spell, index) => ({
    id: `${followUp.id}:${index + 1}`,
    followUpId: followUp.id,
    workerId: worker.id,
    enterpriseId: spell.enterprise.id,
    employerName: spell.enterprise.name,
    employerCity: spell.enterprise.city,
    start: spell.start,
    startSource: spell.source,
    end: index + 1 < spells.length ? (spells[index + 1]?.start ?? null) : (options.end ?? null),
    endReason: index + 1 < spells.length ? 'changed-job' : options.end ? 'left' : null,
    endNote: '',
    createdAt: at,
    updatedAt: at,
  }));
  await db.employmentPeriods.bulkAdd(periods);
  return worker;
}

async function enterprise(overrides: Partial<Enterprise> = {}): Promise<Enterprise> {
  const record = makeEnterprise({ isKeyEnterprise: true, bankAccount: ACCOUNT, ...overrides });
  await db.enterprises.add(record);
  return record;
}

function creditCode(serial: number): string {
  const first17 = `91451000MA5${String(serial).padStart(6, '0')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

async function agency(name = '百色市人力资源服务有限公司', serial = 1) {
  return saveAgency(null, {
    name,
    creditCode: creditCode(serial),
    contactName: '黄经理',
    contactPhone: '0776-2812345',
    bankAccount: { ...ACCOUNT, accountName: name },
    notes: '',
  });
}

const zh = createI18n('zh-CN');
const en = createI18n('en');

describe('schemes', () => {
  it('refuses a scheme with overlapping tiers or no amount, with every problem and nothing stored', async () => {
    const overlapping = await rejection(
      saveScheme(
        null,
        scheme({
          kind: 'transport',
          payee: 'worker',
          amountFen: null,
          tiers: [
            { destination: 'outside-province', amountFen: 50_000 },
            { destination: 'outside-province', amountFen: 30_000 },
          ],
        }),
      ),
    );
    expect(overlapping.problems).toEqual([
      { field: 'tiers', code: 'scheme-tiers-overlap', params: { tier: 'outside-province' } },
    ]);
    expect(zh.t('problems.scheme-tiers-overlap', { tier: 'outside-province' })).toBe('务工地点“省外”的金额填了两次');
    const noAmount = await rejection(saveScheme(null, scheme({ amountFen: null, name: ' ' })));
    expect(noAmount.problems.map((p) => p.code).sort()).toEqual(['required', 'scheme-no-amount']);
    const window = await rejection(saveScheme(null, scheme({}, { startFrom: '2026-03-01', startTo: '2026-02-01' })));
    expect(window.problems.map((p) => p.code)).toEqual(['scheme-window-order']);
    expect(await db.subsidySchemes.count()).toBe(0);
    expect(await db.audit.where('table').equals('subsidySchemes').count()).toBe(0);
  });

  it('stores a scheme with its audit row, and refuses to delete it or change its year once claims stand', async () => {
    const stored = await saveScheme(null, scheme({ name: '  2026 年吸纳就业补贴 ' }));
    expect(stored).toMatchObject({ name: '2026 年吸纳就业补贴', year: 2026, revision: 1 });
    const rows = await db.audit.where('[table+recordId]').equals(['subsidySchemes', stored.id]).toArray();
    expect(rows.map((row) => [row.action, row.operator])).toEqual([['create', '韦小燕']]);

    const key = await enterprise();
    const worker = await handedOver(key, '2026-03-01');
    await createClaims(stored.id, [worker.id], TODAY);
    const refusal = await rejection(saveScheme(stored.id, { ...scheme(), year: 2027 }));
    expect(refusal.problems[0]).toMatchObject({ code: 'scheme-has-claims', params: { count: 1 } });
    await rejection(deleteScheme(stored.id));
    expect((await db.subsidySchemes.get(stored.id))?.year).toBe(2026);
    // The amount may change: the claims made keep theirs.
    await saveScheme(stored.id, scheme({ amountFen: 120_000 }));
    expect((await db.subsidyClaims.toArray()).map((claim) => claim.amountFen)).toEqual([100_000]);
  });
});

describe('eligibility from the stored records', () => {
  it('reads the key flag, the months, the household, the destination tier and the batch from the records', async () => {
    const key = await enterprise({ city: '深圳市', district: '宝安区' });
    const ordinary = await enterprise({ isKeyEnterprise: false });
    const inProvince = await enterprise({ city: '南宁市', district: '西乡塘区' });
    const atKey = await handedOver(key, '2026-03-01', { worker: { name: '黄秀英', povertyStatus: 'registered-poor' } });
    await handedOver(ordinary, '2026-03-01', { worker: { name: '农海燕', povertyStatus: 'none' } });
    const recent = await handedOver(key, '2026-05-08', { worker: { name: '韦丽', povertyStatus: 'registered-poor' } });
    await handedOver(inProvince, '2026-01-10', {
      worker: { name: '陆春梅', povertyStatus: 'registered-poor' },
    });
    const neverHandedOver = makeWorker({ name: '没交接' });
    await db.workers.add(neverHandedOver);

    const hiring = await saveScheme(null, scheme({}, { keyEnterpriseOnly: true }));
    const byName = (rows: Awaited<ReturnType<typeof subsidyEligibility>>) =>
      new Map(rows.map((row) => [row.name, row]));
    const hired = byName(await subsidyEligibility(hiring.id, TODAY));
    expect([...hired.keys()].sort()).toEqual(['农海燕', '陆春梅', '韦丽', '黄秀英'].sort());
    expect(hired.get('黄秀英')).toMatchObject({
      eligibility: { state: 'eligible', amountFen: 100_000 },
      payee: { kind: 'enterprise', id: key.id, name: key.name },
    });
    expect(hired.get('农海燕')?.eligibility).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'key-enterprise' } }],
    });
    expect(hired.get('农海燕')?.payee).toBeNull();

    const transport = await saveScheme(
      null,
      scheme(
        {
          name: '一次性交通补助',
          kind: 'transport',
          payee: 'worker',
          amountFen: null,
          tiers: [
            { destination: 'outside-province', amountFen: 50_000 },
            { destination: 'in-province', amountFen: 30_000 },
          ],
        },
        { householdTypes: ['registered-poor'], minMonths: 3 },
      ),
    );
    const moved = byName(await subsidyEligibility(transport.id, TODAY));
    expect(moved.get('黄秀英')?.eligibility).toMatchObject({ state: 'eligible', amountFen: 50_000 });
    expect(moved.get('陆春梅')?.eligibility).toMatchObject({ state: 'eligible', amountFen: 30_000 });
    expect(moved.get('黄秀英')?.payee).toEqual({ kind: 'worker', id: atKey.id, name: '黄秀英' });
    expect(moved.get('韦丽')?.eligibility).toEqual({
      state: 'not-yet',
      from: '2026-08-08',
      reasons: [{ code: 'months', params: { months: 1, required: 3, from: '2026-08-08' } }],
    });
    expect(moved.get('农海燕')?.eligibility).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'household', params: { household: 'none' } }],
    });

    // The handover's own period came with one of the office's batches.
    const noBatch = await saveScheme(null, scheme({ name: '自主外出' }, { organisedBatch: 'excluded' }));
    expect(
      (await subsidyEligibility(noBatch.id, TODAY)).find((row) => row.workerId === recent.id)?.eligibility,
    ).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'batch' } }],
    });
  });

  it('counts a worker handed over by the real handover as come with an organised batch', async () => {
    const today = todayCalendarDate();
    const route = await saveRoute(null, makeRouteInput());
    const batch = await createBatch(makeBatchInput(route, { date: addCalendarDays(today, -40) }));
    const key = await enterprise();
    const worker = makeWorker({ enterpriseId: key.id, status: 'assigned' });
    await db.workers.add(worker);
    await addPassengers(batch.id, [worker.id]);
    await db.batches.update(batch.id, { status: 'departed' });
    await recordHandover(batch.id, key.id, {
      receiverName: '李主管',
      receiverPhone: '0755-12345678',
      handedOverAt: beijingTimestamp(addCalendarDays(today, -39), 10 * 60),
      place: '宝安区工业园',
      exceptions: [],
      note: '',
    });
    const only = await saveScheme(null, scheme({}, { organisedBatch: 'only', keyEnterpriseOnly: true }));
    const [row] = await subsidyEligibility(only.id, today);
    expect(row).toMatchObject({ workerId: worker.id, eligibility: { state: 'eligible' }, payee: { id: key.id } });
    expect(row?.periodId).toBe((await db.employmentPeriods.toArray())[0]?.id);
  });
});

describe('claims', () => {
  it('refuses anyone not eligible with the reason, storing no claim of anyone', async () => {
    const key = await enterprise();
    const ready = await handedOver(key, '2025-12-01', { worker: { name: '黄秀英' } });
    const early = await handedOver(key, '2026-05-20', { worker: { name: '韦丽' } });
    const stay = await saveScheme(
      null,
      scheme({ kind: 'retention', payee: 'worker' }, { minMonths: 6, sameEmployer: true }),
    );
    const refusal = await rejection(createClaims(stay.id, [ready.id, early.id], TODAY));
    expect(refusal.problems).toEqual([
      { field: 'workerIds', code: 'claim-not-yet-eligible', params: { name: '韦丽', from: '2026-11-20' } },
    ]);
    expect(zh.t('problems.claim-not-yet-eligible', refusal.problems[0]?.params)).toBe(
      '韦丽 尚不符合条件，2026-11-20 起符合',
    );
    expect(await db.subsidyClaims.count()).toBe(0);

    const [claim] = await createClaims(stay.id, [ready.id], TODAY);
    expect(claim).toMatchObject({
      workerId: ready.id,
      payee: 'worker',
      payeeId: ready.id,
      amountFen: 100_000,
      instalment: null,
      status: 'eligible',
      dueOn: '2026-06-01',
      year: 2026,
      months: 6,
    });
    expect(claim?.periodId).toBe((await db.employmentPeriods.where('workerId').equals(ready.id).first())?.id);
    const rows = await db.audit
      .where('[table+recordId]')
      .equals(['subsidyClaims', claim?.id ?? ''])
      .toArray();
    expect(rows.map((row) => [row.action, row.operator])).toEqual([['create', '韦小燕']]);
  });

  it('refuses a second claim for the same person, scheme and year at another enterprise, naming the earlier claim', async () => {
    const first = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const second = await enterprise({ name: '东莞市华兴五金制品有限公司' });
    const worker = await handedOver(first, '2026-02-01', { worker: { name: '黄秀英' } });
    const hiring = await saveScheme(null, scheme({}, { keyEnterpriseOnly: true }));
    const [earlier] = await createClaims(hiring.id, [worker.id], '2026-03-01');
    await stepClaims([earlier?.id ?? ''], { to: 'on-notice', noticeFrom: '2026-03-02', noticeDays: 7 }, '2026-03-02');

    // The worker moved to the second enterprise, where they have stayed longest since.
    const period = (await db.employmentPeriods.where('workerId').equals(worker.id).first()) as EmploymentPeriod;
    await db.employmentPeriods.put({ ...period, end: '2026-03-10', endReason: 'changed-job' });
    await db.employmentPeriods.add({
      ...period,
      id: `${period.followUpId}:2`,
      enterpriseId: second.id,
      employerName: second.name,
      start: '2026-03-10',
      startSource: 'contact',
      end: null,
      endReason: null,
    });
    const [row] = await subsidyEligibility(hiring.id, TODAY);
    expect(row?.payee).toMatchObject({ kind: 'enterprise', id: second.id });
    expect(row?.claims.map((claim) => claim.id)).toEqual([earlier?.id]);

    const refusal = await rejection(createClaims(hiring.id, [worker.id], TODAY));
    expect(refusal.problems).toEqual([
      {
        field: 'workerIds',
        code: 'claim-duplicate',
        params: { name: '黄秀英', year: 2026, payee: '深圳市鹏达电子科技有限公司', status: 'on-notice' },
      },
    ]);
    const params = refusal.problems[0]?.params;
    expect(zh.t('problems.claim-duplicate', params)).toBe(
      '黄秀英 在 2026 年已申领过此项补贴（领款方：深圳市鹏达电子科技有限公司，状态：公示中），同一人同一项目每年只能申领一次',
    );
    expect(en.t('problems.claim-duplicate', params)).toContain('status: On public notice');
    expect(await db.subsidyClaims.count()).toBe(1);

    // Once the earlier claim is rejected, the second enterprise may claim.
    await stepClaims([earlier?.id ?? ''], { to: 'rejected', on: '2026-04-01', reason: '未签订劳动合同' }, TODAY);
    const [again] = await createClaims(hiring.id, [worker.id], TODAY);
    expect(again).toMatchObject({ payee: 'enterprise', payeeId: second.id, status: 'eligible' });
  });

  it('claims each instalment once it is owed, pays the agency that introduced the worker, and refuses the third call', async () => {
    const key = await enterprise();
    const placed = await handedOver(key, '2026-01-15', { worker: { name: '黄秀英' } });
    const unintroduced = await handedOver(key, '2026-01-15', { worker: { name: '农海燕' } });
    const by = await agency();
    await recordIntroduction({
      agencyId: by.id,
      workerId: placed.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-10',
      notes: '',
    });
    const placement = await saveScheme(
      null,
      scheme({
        name: '职业介绍补贴',
        kind: 'placement',
        payee: 'agency',
        amountFen: 40_001,
        instalments: [
          { share: 0.5, afterMonths: 1 },
          { share: 0.5, afterMonths: 3 },
        ],
      }),
    );
    const noAgency = await rejection(createClaims(placement.id, [placed.id, unintroduced.id], '2026-03-01'));
    expect(noAgency.problems).toEqual([{ field: 'workerIds', code: 'claim-no-agency', params: { name: '农海燕' } }]);

    const firstHalf = await createClaims(placement.id, [placed.id], '2026-03-01');
    const tooSoon = await rejection(createClaims(placement.id, [placed.id], '2026-04-01'));
    expect(tooSoon.problems).toEqual([
      { field: 'workerIds', code: 'claim-instalment-not-yet', params: { name: '黄秀英', from: '2026-04-15' } },
    ]);
    expect(firstHalf.map((claim) => [claim.instalment, claim.amountFen, claim.dueOn, claim.payeeId])).toEqual([
      [0, 20_000, '2026-02-15', by.id],
    ]);
    const secondHalf = await createClaims(placement.id, [placed.id], '2026-04-20');
    expect(secondHalf.map((claim) => [claim.instalment, claim.amountFen, claim.dueOn])).toEqual([
      [1, 20_001, '2026-04-15'],
    ]);
    const third = await rejection(createClaims(placement.id, [placed.id], '2026-05-01'));
    expect(third.problems[0]).toMatchObject({
      code: 'claim-duplicate',
      params: { payee: by.name, status: 'eligible' },
    });
  });

  it('takes a step for several claims all or none, and records a payment as the exact sum under one voucher', async () => {
    const key = await enterprise();
    const workers = [
      await handedOver(key, '2026-02-01', { worker: { name: '黄秀英' } }),
      await handedOver(key, '2026-02-01', { worker: { name: '韦丽' } }),
    ];
    const hiring = await saveScheme(null, scheme({ amountFen: 100_050 }));
    const claims = await createClaims(
      hiring.id,
      workers.map((worker) => worker.id),
      '2026-03-01',
    );
    const ids = claims.map((claim) => claim.id);
    const [firstId = ''] = ids;
    await stepClaims([firstId], { to: 'on-notice', noticeFrom: '2026-03-02', noticeDays: 7 }, '2026-03-02');

    // One claim is on notice already: putting both on notice is refused and changes neither.
    const mixed = await rejection(stepClaims(ids, { to: 'on-notice', noticeFrom: '2026-03-03', noticeDays: 7 }, TODAY));
    expect(mixed.problems).toEqual([
      {
        field: 'status',
        code: 'claim-step-not-allowed',
        params: { from: 'on-notice', to: 'on-notice', name: '黄秀英' },
      },
    ]);
    expect(zh.t('problems.claim-step-not-allowed', mixed.problems[0]?.params)).toBe(
      '黄秀英 的申领“公示中”，不能改为“公示中”',
    );
    expect((await db.subsidyClaims.bulkGet(ids)).map((claim) => claim?.status)).toEqual(['on-notice', 'eligible']);

    await stepClaims([ids[1] ?? ''], { to: 'on-notice', noticeFrom: '2026-03-02', noticeDays: 7 }, '2026-03-02');
    const early = await rejection(stepClaims(ids, { to: 'submitted', on: '2026-03-08' }, TODAY));
    expect(early.problems).toEqual([
      { field: 'date', code: 'notice-not-over', params: { until: '2026-03-08', name: '黄秀英' } },
    ]);
    await stepClaims(ids, { to: 'submitted', on: '2026-03-09' }, TODAY);
    await stepClaims(ids, { to: 'approved', on: '2026-03-20' }, TODAY);

    const short = await rejection(
      stepClaims(ids, { to: 'paid', on: '2026-04-01', amountFen: 200_000, voucher: '记-0412' }, TODAY),
    );
    expect(short.problems).toEqual([{ field: 'amountFen', code: 'paid-total-differs', params: { owed: '2,001.00' } }]);
    const paid = await stepClaims(
      ids,
      { to: 'paid', on: '2026-04-01', amountFen: 200_100, voucher: ' 记-0412 ' },
      TODAY,
    );
    expect(paid.map((claim) => [claim.status, claim.paidAmountFen, claim.paidOn, claim.voucher])).toEqual([
      ['paid', 100_050, '2026-04-01', '记-0412'],
      ['paid', 100_050, '2026-04-01', '记-0412'],
    ]);
    const stored = (await db.subsidyClaims.get(firstId)) as SubsidyClaim;
    expect(stored).toMatchObject({
      noticeFrom: '2026-03-02',
      noticeDays: 7,
      submittedOn: '2026-03-09',
      approvedOn: '2026-03-20',
      revision: 5,
    });
    const steps = await db.audit.where('[table+recordId]').equals(['subsidyClaims', firstId]).toArray();
    expect(steps.map((row) => (row.after as SubsidyClaim).status)).toEqual([
      'eligible',
      'on-notice',
      'submitted',
      'approved',
      'paid',
    ]);
  });

  it('refuses a claim step while no operator is named: public money names who moved it', async () => {
    const key = await enterprise();
    const worker = await handedOver(key, '2026-02-01');
    const hiring = await saveScheme(null, scheme());
    const [claim] = await createClaims(hiring.id, [worker.id], TODAY);
    await updateSettings({ operatorName: '' });
    const refusal = await rejection(
      stepClaims([claim?.id ?? ''], { to: 'on-notice', noticeFrom: TODAY, noticeDays: 7 }, TODAY),
    );
    expect(refusal.problems[0]?.code).toBe('operator-missing');
    expect((await db.subsidyClaims.get(claim?.id ?? ''))?.status).toBe('eligible');
  });
});

describe('rosters and bank accounts', () => {
  it('refuses the roster while the enterprise has no bank account, and makes it once one is set', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司', bankAccount: null });
    const worker = await handedOver(key, '2026-02-01');
    const hiring = await saveScheme(null, scheme());
    const claims = await createClaims(hiring.id, [worker.id], TODAY);
    const ids = claims.map((claim) => claim.id);
    const refusals = await rosterRefusals(ids);
    expect(refusals).toEqual([
      { field: 'bankAccount', code: 'payee-no-bank-account', params: { payee: '深圳市鹏达电子科技有限公司' } },
    ]);
    expect(zh.t('problems.payee-no-bank-account', refusals[0]?.params)).toContain(
      '“深圳市鹏达电子科技有限公司”没有完整的银行账户',
    );

    const partial = await rejection(
      setEnterpriseSubsidyFields(key.id, {
        isKeyEnterprise: true,
        bankAccount: { bankName: '中国农业银行', accountNumber: '6228 48０1 2345', accountName: '' },
      }),
    );
    expect(partial.problems).toEqual([{ field: 'bankAccount.accountName', code: 'required' }]);
    const updated = await setEnterpriseSubsidyFields(key.id, {
      isKeyEnterprise: true,
      bankAccount: {
        bankName: '中国农业银行',
        accountNumber: '6228 48０1 2345',
        accountName: '深圳市鹏达电子科技有限公司',
      },
    });
    expect(updated.bankAccount?.accountNumber).toBe('622848012345');
    expect(await rosterRefusals(ids)).toEqual([]);
  });

  it('asks no bank account of a worker paid in person', async () => {
    const key = await enterprise({ bankAccount: null });
    const worker = await handedOver(key, '2026-02-01');
    const transport = await saveScheme(null, scheme({ kind: 'transport', payee: 'worker' }));
    const claims = await createClaims(transport.id, [worker.id], TODAY);
    expect(await rosterRefusals(claims.map((claim) => claim.id))).toEqual([]);
  });
});

describe('agencies and introductions', () => {
  it('refuses a credit code whose check character is wrong, naming the right one', async () => {
    const code = creditCode(7);
    const wrong = `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
    const refusal = await rejection(
      saveAgency(null, {
        name: '百色市人力资源服务有限公司',
        creditCode: wrong,
        contactName: '',
        contactPhone: '',
        bankAccount: null,
        notes: '',
      }),
    );
    expect(refusal.problems).toEqual([
      { field: 'creditCode', code: 'credit-code-check-digit', params: { expected: code.slice(17) } },
    ]);
    expect(await db.agencies.count()).toBe(0);
    await agency('百色市人力资源服务有限公司', 7);
    const twice = await rejection(agency('田东县劳务公司', 7));
    expect(twice.problems.map((p) => p.code)).toEqual(['agency-credit-code-duplicate']);
  });

  it('refuses to record the same worker introduced to the same enterprise twice, naming who did', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const worker = await handedOver(key, '2026-02-01', { worker: { name: '黄秀英' } });
    const first = await agency('百色市人力资源服务有限公司', 1);
    const second = await agency('田东县劳务公司', 2);
    await recordIntroduction({
      agencyId: first.id,
      workerId: worker.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-20',
      notes: '',
    });
    const refusal = await rejection(
      recordIntroduction({
        agencyId: second.id,
        workerId: worker.id,
        enterpriseId: key.id,
        introducedOn: '2026-01-21',
        notes: '',
      }),
    );
    expect(refusal.problems[0]).toEqual({
      field: 'workerId',
      code: 'introduction-duplicate',
      params: {
        name: '黄秀英',
        enterprise: '深圳市鹏达电子科技有限公司',
        agency: '百色市人力资源服务有限公司',
        date: '2026-01-20',
      },
    });
    expect(await db.introductions.count()).toBe(1);
  });

  it('keeps an agency and its introduction while a claim pays it, and lets them go once the claim is rejected', async () => {
    const key = await enterprise();
    const worker = await handedOver(key, '2026-02-01', { worker: { name: '黄秀英' } });
    const by = await agency('百色市人力资源服务有限公司', 3);
    const introduction = await recordIntroduction({
      agencyId: by.id,
      workerId: worker.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-20',
      notes: '',
    });
    const placement = await saveScheme(null, scheme({ kind: 'placement', payee: 'agency', amountFen: 40_000 }));
    const [claim] = await createClaims(placement.id, [worker.id], TODAY);
    expect((await rejection(deleteAgency(by.id))).problems[0]).toMatchObject({
      code: 'payee-has-claims',
      params: { payee: '百色市人力资源服务有限公司', count: 1 },
    });
    expect((await rejection(deleteIntroduction(introduction.id))).problems[0]).toMatchObject({
      code: 'introduction-claimed',
      params: { name: '黄秀英' },
    });
    await stepClaims([claim?.id ?? ''], { to: 'rejected', on: TODAY, reason: '介绍记录有误' }, TODAY);
    await deleteIntroduction(introduction.id);
    await deleteAgency(by.id);
    expect((await db.agencies.get(by.id))?.deletedAt).toBeTruthy();
    expect(await db.audit.where('[table+recordId]').equals(['agencies', by.id]).count()).toBe(2);
  });
});

describe('the report', () => {
  it('gives the report every claim with its scheme, payee and township, summed exactly to the fen', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const workers = [
      await handedOver(key, '2026-02-01', { worker: { name: '黄秀英', township: '林逢镇' } }),
      await handedOver(key, '2026-02-01', { worker: { name: '韦丽', township: '林逢镇' } }),
      await handedOver(key, '2026-02-01', { worker: { name: '陆春梅', township: '思林镇' } }),
    ];
    const hiring = await saveScheme(null, scheme({ amountFen: 10 }));
    const claims = await createClaims(
      hiring.id,
      workers.map((worker) => worker.id),
      '2026-03-01',
    );
    const [first = '', second = ''] = claims.map((claim) => claim.id);
    await stepClaims([first, second], { to: 'on-notice', noticeFrom: '2026-03-01', noticeDays: 7 }, '2026-03-01');
    const report = subsidyReport(await reportClaims());
    expect(report.all.onNotice.fen).toBe(20);
    expect([...report.all.onNotice.claimIds].sort()).toEqual([first, second].sort());
    expect(report.all.owed.fen).toBe(10);
    expect(report.byPayee.map((row) => [row.payee, row.payeeName, row.onNotice.fen, row.owed.fen])).toEqual([
      ['enterprise', '深圳市鹏达电子科技有限公司', 20, 10],
    ]);
    expect(report.byTownship.map((row) => [row.township, row.onNotice.fen + row.owed.fen])).toEqual([
      ['林逢镇', 20],
      ['思林镇', 10],
    ]);
  });

  it('gives the papers each claim with its person, period, standard and payee account, ready for a roster', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司', city: '深圳市', district: '宝安区' });
    const worker = await handedOver(key, '2026-02-01', {
      worker: {
        name: '黄秀英',
        county: '田东县',
        township: '平马镇',
        village: '那王村',
        povertyStatus: 'registered-poor',
      },
    });
    const transport = await saveScheme(
      null,
      scheme({
        kind: 'hiring',
        amountFen: null,
        tiers: [
          { destination: 'outside-province', amountFen: 50_000 },
          { destination: 'in-province', amountFen: 30_000 },
        ],
      }),
    );
    const [claim] = await createClaims(transport.id, [worker.id], TODAY);
    const [paper] = await paperClaims([claim?.id ?? '']);
    expect(paper?.scheme).toEqual({ id: transport.id, name: transport.name, kind: 'hiring', year: 2026 });
    expect(paper?.payee).toEqual({
      id: key.id,
      kind: 'enterprise',
      name: '深圳市鹏达电子科技有限公司',
      creditCode: key.creditCode,
      bankName: ACCOUNT.bankName,
      bankAccount: ACCOUNT.accountNumber,
    });
    expect(paper?.row).toMatchObject({
      claimId: claim?.id,
      name: '黄秀英',
      residentId: worker.residentId,
      householdPlace: '田东县平马镇那王村',
      township: '平马镇',
      householdType: 'registered-poor',
      employer: '深圳市鹏达电子科技有限公司',
      workPlace: '深圳市宝安区',
      startDate: '2026-02-01',
      endDate: null,
      months: 4,
      standardFen: 50_000,
      amountFen: 50_000,
    });
    if (!paper) throw new Error('no paper row');
    const header = { county: '田东县', bureau: '田东县人力资源和社会保障局', scheme: paper.scheme, payee: paper.payee };
    expect(rosterProblems(header, [paper.row])).toEqual([]);
  });
});

describe('what the lists show, read in one pass', () => {
  it('gives each eligibility row its township and employer: the period the subsidy rests on, or the latest job', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const other = await enterprise({ name: '东莞市华强五金制品厂', isKeyEnterprise: false });
    await handedOver(key, '2026-02-01', { worker: { name: '黄秀英', township: '林逢镇' } });
    // Handed over lately, then changed to another employer: not yet eligible, shown at the latest one.
    await handedOver(key, '2026-05-20', {
      worker: { name: '韦丽', township: '思林镇' },
      later: [{ enterprise: other, start: '2026-06-01' }],
    });
    const hiring = await saveScheme(null, scheme({}, { minMonths: 3 }));
    const rows = await subsidyEligibility(hiring.id, TODAY);
    const shown = rows.map((row) => [row.name, row.eligibility.state, row.township, row.employer, row.payee?.name]);
    expect(shown).toEqual([
      ['黄秀英', 'eligible', '林逢镇', '深圳市鹏达电子科技有限公司', '深圳市鹏达电子科技有限公司'],
      ['韦丽', 'not-yet', '思林镇', '东莞市华强五金制品厂', undefined],
    ]);
  });

  it('gives each claim its person, township and payee by name, whoever the payee', async () => {
    const key = await enterprise({ name: '深圳市鹏达电子科技有限公司' });
    const worker = await handedOver(key, '2026-02-01', { worker: { name: '黄秀英', township: '林逢镇' } });
    const by = await agency('百色市人力资源服务有限公司', 5);
    await recordIntroduction({
      agencyId: by.id,
      workerId: worker.id,
      enterpriseId: key.id,
      introducedOn: '2026-01-20',
      notes: '',
    });
    const hiring = await saveScheme(null, scheme());
    const placement = await saveScheme(
      null,
      scheme({ name: '2026 年职业介绍补贴', kind: 'placement', payee: 'agency', amountFen: 40_000 }),
    );
    const retention = await saveScheme(
      null,
      scheme({ name: '2026 年稳岗补助', kind: 'retention', payee: 'worker', amountFen: 50_000 }),
    );
    for (const each of [hiring, placement, retention]) await createClaims(each.id, [worker.id], TODAY);
    const shown = async (schemeId: string) =>
      (await claimsOfScheme(schemeId)).map((claim) => [claim.workerName, claim.township, claim.payeeName]);
    expect(await shown(hiring.id)).toEqual([['黄秀英', '林逢镇', '深圳市鹏达电子科技有限公司']]);
    expect(await shown(placement.id)).toEqual([['黄秀英', '林逢镇', '百色市人力资源服务有限公司']]);
    expect(await shown(retention.id)).toEqual([['黄秀英', '林逢镇', '黄秀英']]);
  });
});
