/**
 * The order at start when the schema must be upgraded (issue 21): the backup is kept where the bridge
 * keeps backups before anything opens the database; when keeping it fails, the database stays at
 * its old version, untouched, and the failure comes back to be shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import type { WriteBackupRequest } from '@shared/bridge';
import { setDatabase, PlannerDatabase } from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { SCHEMA_V4 } from '@renderer/db/schema/v4';
import { makeWorker } from '@tests/fixtures/factories';

const writeBackup = vi.hoisted(() => vi.fn<(request: WriteBackupRequest) => Promise<unknown>>());
// Node, not jsdom (whose Blob can not stream the backup's compression): the bridge is a stand-in.
vi.mock('@renderer/platform', () => ({ platform: { writeBackup }, isDesktop: false, desktopKeyring: null }));

const { backUpBeforeUpgrade } = await import('@renderer/app/automatic-backups');

async function storedVersion(name: string): Promise<number | undefined> {
  const info = (await indexedDB.databases()).find((database) => database.name === name);
  return info?.version === undefined ? undefined : info.version / 10;
}

/** A version 4 database with two workers, as the app before the follow-up tables left it. */
async function versionFourDatabase(): Promise<string> {
  const name = `start-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4].forEach((schema, index) => old.version(index + 1).stores(schema));
  await old.table('workers').bulkAdd([makeWorker(), makeWorker()]);
  old.close();
  // The app's database object knows the current version: backupBeforeUpgrade compares with it.
  setDatabase(new PlannerDatabase(`current-${crypto.randomUUID()}`));
  return name;
}

afterEach(() => {
  writeBackup.mockReset();
});

describe('the backup before a schema upgrade, at start', () => {
  it('is kept before the database is opened, while it is still at its old version', async () => {
    const name = await versionFourDatabase();
    const versionsWhenKept: (number | undefined)[] = [];
    writeBackup.mockImplementation(async (request) => {
      versionsWhenKept.push(await storedVersion(name));
      return { fileName: request.fileName, size: request.data.byteLength, kept: 'data-folder', removed: [] };
    });
    const outcome = await backUpBeforeUpgrade(name);
    expect(outcome.kind).toBe('kept');
    expect(outcome.kind === 'kept' && outcome.fileName).toMatch(/-before-upgrade-/);
    expect(versionsWhenKept).toEqual([4]);
  });

  it('comes back as failed, in words, with the database untouched at its old version', async () => {
    const name = await versionFourDatabase();
    writeBackup.mockRejectedValue(new Error('ENOSPC: no space left on device'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(backUpBeforeUpgrade(name)).resolves.toEqual({
      kind: 'failed',
      message: 'ENOSPC: no space left on device',
    });
    expect(await storedVersion(name)).toBe(4);
  });

  it('is not needed for a database at the current version', async () => {
    const current = new PlannerDatabase(`now-${crypto.randomUUID()}`);
    setDatabase(current);
    await current.open();
    await expect(backUpBeforeUpgrade(current.name)).resolves.toEqual({ kind: 'not-needed' });
    expect(writeBackup).not.toHaveBeenCalled();
    current.close();
  });
});
