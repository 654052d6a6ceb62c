/**
 * The subsidies' records on the audit page (issue 18): each table and each field named in words in
 * both languages, a claim's step said with the screens' words, amounts in yuan, never a stored word.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createClaims,
  recordNames,
  saveScheme,
  setEnterpriseSubsidyFields,
  stepClaims,
  type PlannerDatabase,
} from '@renderer/db';
import { changeText, fieldChanges, fieldLabel, type AuditReading } from '@renderer/components/audit-changes';
import { tableLabel } from '@renderer/features/audit/audit-labels';
import { createI18n } from '@renderer/i18n';
import type { AuditEntry, Language } from '@shared/domain/records';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'demo', 'revision']);

/** One claim paid, through the repository, on an enterprise with an account: every table's rows. */
async function paidClaim(): Promise<AuditEntry[]> {
  const enterprise = makeEnterprise({ name: '深圳市鹏达电子科技有限公司' });
  await db.enterprises.add(enterprise);
  await setEnterpriseSubsidyFields(enterprise.id, {
    isKeyEnterprise: true,
    bankAccount: { bankName: '中国农业银行', accountNumber: '6228480123456789012', accountName: '鹏达电子' },
  });
  const worker = makeWorker({ name: '黄秀英', enterpriseId: enterprise.id });
  await db.workers.add(worker);
  const followUpId = crypto.randomUUID();
  const at = '2026-02-01T02:00:00.000Z';
  await db.followUps.add({
    id: followUpId,
    workerId: worker.id,
    batchId: crypto.randomUUID(),
    handoverId: crypto.randomUUID(),
    enterpriseId: enterprise.id,
    handedOverOn: '2026-02-01',
    staffId: null,
    stationId: null,
    nextDue: null,
    lastContactOn: null,
    lastOutcome: null,
    createdAt: at,
    updatedAt: at,
  });
  await db.employmentPeriods.add({
    id: `${followUpId}:1`,
    followUpId,
    workerId: worker.id,
    enterpriseId: enterprise.id,
    employerName: enterprise.name,
    employerCity: enterprise.city,
    start: '2026-02-01',
    startSource: 'handover',
    end: null,
    endReason: null,
    endNote: '',
    createdAt: at,
    updatedAt: at,
  });
  const scheme = await saveScheme(null, {
    name: '一次性交通补助',
    year: 2026,
    kind: 'transport',
    payee: 'worker',
    amountFen: null,
    tiers: [{ destination: 'outside-province', amountFen: 50_050 }],
    conditions: {
      householdTypes: ['registered-poor'],
      minMonths: 0,
      sameEmployer: false,
      keyEnterpriseOnly: false,
      organisedBatch: 'excluded',
      destinations: ['outside-province'],
      startFrom: null,
      startTo: null,
    },
    instalments: [],
    evidence: ['social-insurance'],
  });
  await db.workers.update(worker.id, { povertyStatus: 'registered-poor' });
  await saveScheme(scheme.id, { ...scheme, conditions: { ...scheme.conditions, organisedBatch: 'any' } });
  const [claim] = await createClaims(scheme.id, [worker.id], '2026-03-01');
  const ids = [claim?.id ?? ''];
  await stepClaims(ids, { to: 'on-notice', noticeFrom: '2026-03-01', noticeDays: 7 }, '2026-03-01');
  await stepClaims(ids, { to: 'submitted', on: '2026-03-09' }, '2026-03-09');
  await stepClaims(ids, { to: 'approved', on: '2026-03-10' }, '2026-03-10');
  await stepClaims(ids, { to: 'paid', on: '2026-03-11', amountFen: 50_050, voucher: '记-0311' }, '2026-03-11');
  return db.audit.orderBy('seq').toArray();
}

describe('the subsidy records in the audit trail', () => {
  for (const language of ['zh-CN', 'en'] as const satisfies readonly Language[]) {
    it(`names each table and field, and says each change in words, in ${language}`, async () => {
      const rows = (await paidClaim()).filter((row) => row.table !== 'settings');
      const i18n = createI18n(language);
      const reading: AuditReading = { t: i18n.t, i18n, language, names: await recordNames(rows) };
      const other = i18n.t('audit.fields.other');
      const lines: string[] = [];
      for (const row of rows) {
        expect(tableLabel(row.table, i18n.t, i18n), row.table).not.toBe(row.table);
        for (const change of fieldChanges(row)) {
          if (BOOKKEEPING.has(change.field)) continue;
          const label = fieldLabel(row.table, change.field, reading);
          expect(label, `${row.table}.${change.field}`).not.toBe(other);
          lines.push(changeText(row.table, change, reading));
        }
      }
      const text = lines.join('\n');
      for (const stored of ['on-notice', 'outside-province', 'registered-poor', 'social-insurance']) {
        expect(text).not.toContain(stored);
      }
      // No record id: the payee is named, the period left to the claim's months and due day.
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).toContain('500.50');
      expect(text).toContain('6228480123456789012');
      if (language === 'zh-CN') {
        expect(text).toContain('公示中');
        expect(text).toContain('已发放');
        expect(text).toContain('省外 500.50');
        expect(text).toContain('一次性交通补助');
        expect(text).toContain('领款方 黄秀英');
      } else {
        expect(text).toContain('On public notice');
        expect(text).toContain('Paid');
      }
    });
  }
});
