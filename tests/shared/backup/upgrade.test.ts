import { describe, expect, it } from 'vitest';
import { BACKUP_UPGRADES, newestUpgradableVersion, openBackup, packBackup, upgradeBackupTables } from '@shared/backup';
import { BACKUP_KEY_PATHS, makeManifestInput, makeSampleTables, tablesDigest } from '../../fixtures/backups';

describe('upgrading an older backup on the way in', () => {
  it('has one step for every schema version after the first, in order', () => {
    expect(BACKUP_UPGRADES.map((step) => step.to)).toEqual(
      Array.from({ length: newestUpgradableVersion() - 1 }, (_, i) => i + 2),
    );
    for (const step of BACKUP_UPGRADES) expect(step.change.length).toBeGreaterThan(10);
  });

  it('opens a version 1 backup at version 3 with every record as it was (v2 and v3 changed no records)', async () => {
    const tables = makeSampleTables(40);
    const { bytes } = await packBackup(makeManifestInput({ schemaVersion: 1 }), tables);
    const opened = await openBackup(bytes, { schemaVersion: 3, keyPaths: BACKUP_KEY_PATHS });
    expect(opened.upgradedFrom).toBe(1);
    expect(await tablesDigest(opened.tables)).toBe(await tablesDigest(Object.entries(tables)));
  });

  it('drops a `caches` table from a version 2 backup: caches are rebuilt, never restored', () => {
    const tables = new Map<string, unknown[]>([
      ['workers', [{ id: 'a' }]],
      ['caches', [{ id: 'workers-directory' }]],
    ]);
    const upgraded = upgradeBackupTables(tables, 2, 3);
    expect([...upgraded.keys()]).toEqual(['workers']);
  });

  it('refuses to go down, or past the last step it knows', () => {
    expect(() => upgradeBackupTables(new Map(), 3, 2)).toThrow(RangeError);
    expect(() => upgradeBackupTables(new Map(), 1, newestUpgradableVersion() + 1)).toThrow(RangeError);
  });
});
