import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup, readSyncBinding, restoreBackup, saveSyncBinding, type PlannerDatabase } from '@renderer/db';
import type { SyncBinding } from '@shared/sync/connection';
import { freshDatabaseWithOperator, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});
afterEach(() => {
  db.close();
});

const binding: SyncBinding = { serverUrl: 'https://sync.example.cn:6984', database: 'county-522601', user: 'office' };

describe('the sync binding of this PC', () => {
  it('is saved trimmed, read back, replaced, and each save is in the audit trail', async () => {
    await expect(readSyncBinding()).resolves.toBeNull();
    await saveSyncBinding({ ...binding, serverUrl: ' https://sync.example.cn:6984 ', user: ' office ' });
    await expect(readSyncBinding()).resolves.toEqual(binding);
    await saveSyncBinding({ ...binding, user: 'medical-team' });
    await expect(readSyncBinding()).resolves.toEqual({ ...binding, user: 'medical-team' });
    const rows = await db.audit.where('[table+recordId]').equals(['installation', 'sync-binding']).toArray();
    expect(rows.map((row) => [row.action, row.operator])).toEqual([
      ['create', '韦小燕'],
      ['update', '韦小燕'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/password/i);
  });

  it('refuses what cannot be tried, by field, and keeps what was saved', async () => {
    await saveSyncBinding(binding);
    const refusals = [
      { serverUrl: 'ftp://sync.example.cn' },
      { serverUrl: `https://x.cn/${'a'.repeat(2000)}` },
      { database: 'County 522601' },
      { user: 'u'.repeat(201) },
    ];
    const fields = [];
    for (const change of refusals) {
      const error = await rejection(saveSyncBinding({ ...binding, ...change }));
      fields.push(error.problems.map((problem) => `${problem.field}:${problem.code}`).join());
    }
    expect(fields).toEqual([
      'serverUrl:url-not-http',
      'serverUrl:url-too-long',
      'database:database-invalid',
      'user:user-too-long',
    ]);
    await expect(readSyncBinding()).resolves.toEqual(binding);
  });

  it('is this PC’s own: a backup does not carry it, and a restore keeps the PC’s binding', async () => {
    await saveSyncBinding(binding);
    const backup = await makeBackup({ kind: 'manual' });
    expect(backup.manifest.counts).not.toHaveProperty('installation');
    await saveSyncBinding({ ...binding, database: 'county-522602' });
    await restoreBackup(backup.bytes, undefined, { keepCurrent: () => Promise.resolve() });
    await expect(readSyncBinding()).resolves.toEqual({ ...binding, database: 'county-522602' });
  });
});
