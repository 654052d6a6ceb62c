/**
 * The subsidies' records in a backup (issue 18 with issue 16): a backup made before the subsidies
 * gives its enterprises no bank account, and a restore refuses a scheme or an agency the app could
 * never have stored (overlapping tiers, a credit code with a wrong check character) or a claim of
 * a status no screen knows, naming the table and the field.
 */
import { describe, expect, it } from 'vitest';
import { checkBackupRecords, upgradeBackupTables } from '@shared/backup';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { makeEnterprise } from '../../fixtures/factories';

const STAMP = { createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' };
const check = (table: string, records: unknown[]) => checkBackupRecords(table, records, 'id', { today: '2026-03-01' });

const scheme = {
  id: 's1',
  name: '一次性交通补助',
  year: 2026,
  kind: 'transport',
  payee: 'worker',
  amountFen: null,
  tiers: [
    { destination: 'outside-province', amountFen: 50_000 },
    { destination: 'in-province', amountFen: 30_000 },
  ],
  conditions: {
    householdTypes: ['registered-poor'],
    minMonths: 3,
    sameEmployer: false,
    keyEnterpriseOnly: false,
    organisedBatch: 'excluded',
    destinations: [],
    startFrom: null,
    startTo: null,
  },
  instalments: [],
  evidence: ['social-insurance'],
  ...STAMP,
};

describe('the subsidies in a backup', () => {
  it('gives the enterprises of a version 5 backup no bank account, and keeps one already there', () => {
    const { bankAccount: _none, ...old } = makeEnterprise();
    const account = { bankName: '中国农业银行', accountNumber: '6228480123456789012', accountName: '鹏达' };
    const current = makeEnterprise({ bankAccount: account });
    const upgraded = upgradeBackupTables(new Map([['enterprises', [old, current]]]), 5, 6);
    expect(upgraded.get('enterprises')).toEqual([{ ...old, bankAccount: null }, current]);
  });

  it('takes the records the app writes and refuses those it could not have written', () => {
    expect(check('subsidySchemes', [scheme])).toBeNull();
    const overlapping = { ...scheme, id: 's2', tiers: [scheme.tiers[0], scheme.tiers[0]] };
    expect(check('subsidySchemes', [scheme, overlapping])).toMatchObject({
      table: 'subsidySchemes',
      position: 2,
      key: 's2',
      code: 'rule',
      rule: 'scheme-tiers-overlap',
    });

    const first17 = '91451000MA5000001';
    const agency = {
      id: 'a1',
      name: '百色市人力资源服务有限公司',
      creditCode: `${first17}${creditCodeCheckChar(first17)}`,
      contactName: '黄经理',
      contactPhone: '0776-2812345',
      bankAccount: null,
      notes: '',
      ...STAMP,
    };
    expect(check('agencies', [agency])).toBeNull();
    const wrongCheck = { ...agency, creditCode: `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}` };
    expect(check('agencies', [wrongCheck])).toMatchObject({ field: 'creditCode', rule: 'credit-code-check-digit' });

    const claim = {
      id: 'c1',
      schemeId: 's1',
      workerId: 'w1',
      year: 2026,
      payee: 'worker',
      payeeId: 'w1',
      amountFen: 50_000,
      instalment: null,
      dueOn: '2026-05-01',
      periodId: null,
      months: 3,
      status: 'paid',
      noticeFrom: '2026-05-02',
      noticeDays: 7,
      submittedOn: '2026-05-10',
      approvedOn: '2026-05-12',
      paidOn: '2026-05-20',
      paidAmountFen: 50_000,
      voucher: '记-0520',
      rejectedOn: null,
      rejectionReason: '',
      ...STAMP,
    };
    expect(check('subsidyClaims', [claim])).toBeNull();
    expect(check('subsidyClaims', [{ ...claim, status: 'lost' }])).toMatchObject({
      field: 'status',
      code: 'unknown-value',
    });
    expect(check('subsidyClaims', [{ ...claim, amountFen: 500.5 }])).toMatchObject({ field: 'amountFen' });
  });
});
