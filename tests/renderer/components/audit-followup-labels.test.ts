/**
 * The audit page names the follow-up tables of issue 17 and every field of their records in words,
 * in both languages: no record's change shows as "other details" or as a stored field name.
 */
import { describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import { fieldLabel } from '@renderer/components/audit-changes';
import { tableLabel } from '@renderer/features/audit/audit-labels';
import { createI18n } from '@renderer/i18n';

const TABLES = ['arrivals', 'handovers', 'followUps', 'contacts', 'employmentPeriods'] as const;
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'demo', 'revision']);

describe('the follow-up records in the audit trail', () => {
  const demo = makeDemoData({ seed: 3, workers: 1500, today: '2026-12-07' });
  for (const language of ['zh-CN', 'en'] as const) {
    it(`labels each table and each field in ${language}`, () => {
      const i18n = createI18n(language);
      const other = i18n.t('audit.fields.other');
      for (const table of TABLES) {
        expect(tableLabel(table, i18n.t, i18n), table).not.toBe(table);
        const fields = new Set<string>(['supersededById', 'correctionReason', 'correctsId']);
        for (const record of demo[table]) for (const field of Object.keys(record)) fields.add(field);
        for (const field of fields) {
          if (BOOKKEEPING.has(field)) continue;
          const label = fieldLabel(table, field, { t: i18n.t, i18n });
          expect(label, `${table}.${field}`).not.toBe(other);
          expect(label, `${table}.${field}`).not.toBe(field);
        }
      }
    });
  }
});
