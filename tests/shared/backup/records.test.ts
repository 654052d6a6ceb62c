import { describe, expect, it } from 'vitest';
import { MAX_RECORD_TEXT, checkBackupRecords } from '@shared/backup';
import { makeDemoData } from '@shared/demo';
import { BACKUP_KEY_PATHS } from '../../fixtures/backups';
import { makeEnterprise, makeOpening, makeWorker } from '../../fixtures/factories';

const today = '2026-03-01';
const check = (table: string, records: unknown[]) =>
  checkBackupRecords(table, records, BACKUP_KEY_PATHS[table] ?? 'id', { today });

describe('the records a restore accepts', () => {
  it('takes every record the app writes: the demo data set, table by table', () => {
    const data = makeDemoData({ seed: 5, workers: 400 }) as unknown as Record<string, unknown>;
    let tables = 0;
    for (const [table, records] of Object.entries(data)) {
      if (!(table in BACKUP_KEY_PATHS) || !Array.isArray(records)) continue;
      tables++;
      expect(check(table, records), table).toBeNull();
    }
    expect(tables).toBeGreaterThanOrEqual(5);
  });

  it('takes an anonymised worker, whose ID and name are masked on purpose', () => {
    const worker = makeWorker({
      name: '黄*',
      residentId: 'anon:w1:4526**********0011',
      phone: '138****0000',
      birthDate: '1985-01-01',
      anonymisedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(check('workers', [worker])).toBeNull();
  });

  it('names the table, the record and the field of the first record the app could not have written', () => {
    const good = makeWorker();
    expect(check('workers', [good, { ...makeWorker(), birthDate: 'garbage' }])).toMatchObject({
      table: 'workers',
      position: 2,
      field: 'birthDate',
      code: 'invalid',
    });
    expect(check('workers', [{ ...good, status: 'kidnapped' }])).toMatchObject({
      position: 1,
      key: good.id,
      field: 'status',
      code: 'unknown-value',
    });
    expect(check('workers', [{ ...good, notes: 'x'.repeat(MAX_RECORD_TEXT + 1) }])).toMatchObject({
      field: 'notes',
      code: 'too-long',
    });
    const { phone: _phone, ...noPhone } = good;
    expect(check('workers', [noPhone])).toMatchObject({ field: 'phone', code: 'missing' });
    expect(check('workers', ['a string, not a record'])).toMatchObject({ position: 1, field: '', code: 'invalid' });
  });

  it('runs the rules the app writes with: a resident ID with a wrong check digit, a birth date the ID does not give', () => {
    const good = makeWorker();
    const wrongDigit = `${good.residentId.slice(0, 17)}${good.residentId.endsWith('0') ? '1' : '0'}`;
    expect(check('workers', [{ ...good, residentId: wrongDigit }])).toMatchObject({
      field: 'residentId',
      code: 'rule',
      rule: 'resident-id-check-digit',
    });
    expect(check('workers', [{ ...good, birthDate: '1999-12-31' }])).toMatchObject({
      field: 'birthDate',
      code: 'rule',
    });
    expect(check('enterprises', [makeEnterprise({ creditCode: 'not a code' })])).toMatchObject({
      field: 'creditCode',
      code: 'rule',
    });
    expect(check('openings', [makeOpening({ headcount: 0 })])).toMatchObject({ field: 'headcount', code: 'rule' });
  });
});
