/**
 * Backups that prove where they came from (issue 16, items 2 and 4), attacked: a plain backup whose
 * records were changed and whose SHA-256 and byte length were recomputed, a backup made by another
 * installation, an automatic backup read without this installation's key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupRefusedError,
  generateWebCryptoKeys,
  webCryptoKeyring,
  type BackupRefusalReason,
  type InstallationKeyring,
} from '@shared/backup';
import {
  inspectBackup,
  installationInfo,
  makeBackup,
  restoreBackup,
  setInstallationKeyring,
  type PlannerDatabase,
} from '@renderer/db';
import type { Worker } from '@shared/domain/records';
import { forgeBackupRecords, rewriteBackup, splitBackup } from '../../fixtures/backups';
import { freshDatabaseWithOperator, registerWorkers } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
  setInstallationKeyring(null);
});
afterEach(() => setInstallationKeyring(null));

const keepNothing = () => Promise.resolve();

async function refusalOf(promise: Promise<unknown>): Promise<BackupRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BackupRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function anotherInstallation(): Promise<{ keyring: InstallationKeyring; installation: string }> {
  const installation = crypto.randomUUID();
  const keys = await generateWebCryptoKeys();
  return {
    installation,
    keyring: webCryptoKeyring({ installation, protection: 'browser' }, () => Promise.resolve(keys)),
  };
}

/**
 * The registered workers' resident IDs that can be read in the bytes as Latin-1. Only the known IDs
 * are looked for: a hex digest in the header can hold 18 decimal digits in a row by chance.
 */
function residentIdsIn(bytes: Uint8Array, workers: readonly Worker[]): string[] {
  const text = new TextDecoder('latin1').decode(bytes);
  return workers.map((w) => w.residentId).filter((id) => text.includes(id));
}

async function gunzipText(bytes: Uint8Array): Promise<string | null> {
  try {
    return await new Response(
      new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
  } catch {
    return null;
  }
}

describe('a plain backup changed after it was made', () => {
  it('is not restored silently: the records rewritten and the SHA-256 recomputed, the signature no longer fits', async () => {
    const [worker] = await registerWorkers(db, 3);
    if (!worker) throw new Error('no worker');
    const backup = await makeBackup({ kind: 'manual' });
    const forged = await forgeBackupRecords(backup.bytes, (page) => {
      if (page.table !== 'workers') return;
      for (const record of page.records) if (record['id'] === worker.id) record['phone'] = '13900000000';
    });

    const inspection = await inspectBackup(forged);
    expect(inspection.origin).toEqual({ status: 'bad-signature', installation: inspection.installation });

    const refused = await refusalOf(restoreBackup(forged, undefined, { keepCurrent: keepNothing }));
    expect(refused.reason satisfies BackupRefusalReason).toBe('origin-unconfirmed');
    expect(refused.params['status']).toBe('bad-signature');
    await expect(db.workers.get(worker.id)).resolves.toMatchObject({ phone: worker.phone });

    // Confirmed by the person who read the warning, it restores.
    await restoreBackup(forged, undefined, { keepCurrent: keepNothing, confirmOrigin: true });
    await expect(db.workers.get(worker.id)).resolves.toMatchObject({ phone: '13900000000' });
  });

  it('with its signature removed too, it reads as unsigned, and still asks', async () => {
    await registerWorkers(db, 2);
    const backup = await makeBackup({ kind: 'manual' });
    const forged = await forgeBackupRecords(
      backup.bytes,
      (page) => {
        if (page.table === 'workers') for (const record of page.records) record['village'] = '那坡';
      },
      'drop',
    );
    const inspection = await inspectBackup(forged);
    expect(inspection.origin).toEqual({ status: 'unsigned', installation: null });
    expect((await refusalOf(restoreBackup(forged, undefined, { keepCurrent: keepNothing }))).reason).toBe(
      'origin-unconfirmed',
    );
    await expect(db.workers.count()).resolves.toBe(2);
  });

  it('a backup made here and unchanged restores without a question, and says it was made here', async () => {
    await registerWorkers(db, 2);
    const backup = await makeBackup({ kind: 'manual' });
    const inspection = await inspectBackup(backup.bytes);
    const { installation } = await installationInfo();
    expect(inspection.origin).toEqual({ status: 'this-installation', installation });
    expect(splitBackup(backup.bytes).header['installation']).toBe(installation);
    await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    await expect(db.workers.count()).resolves.toBe(2);
  });

  it('a passphrase backup changed after it was made does not open, whatever the checksum says', async () => {
    await registerWorkers(db, 2);
    const backup = await makeBackup({ kind: 'manual', passphrase: '右江 2026' });
    const { body } = splitBackup(backup.bytes);
    const flipped = new Uint8Array(body);
    flipped[10] = (flipped[10] ?? 0) ^ 0xff;
    const forged = await rewriteBackup(backup.bytes, { body: flipped });
    expect((await refusalOf(inspectBackup(forged, '右江 2026'))).reason).toBe('contents-mismatch');
  });
});

describe('a backup from another installation', () => {
  it('is restored only after a warning that names the installation it came from', async () => {
    await registerWorkers(db, 2);
    const other = await anotherInstallation();
    setInstallationKeyring(other.keyring);
    const theirs = await makeBackup({ kind: 'manual' });
    setInstallationKeyring(null);
    await registerWorkers(db, 1);

    const inspection = await inspectBackup(theirs.bytes);
    expect(inspection.origin).toEqual({ status: 'other-installation', installation: other.installation });
    expect(inspection.installation).not.toBe(other.installation);

    const refused = await refusalOf(restoreBackup(theirs.bytes, undefined, { keepCurrent: keepNothing }));
    expect(refused.reason).toBe('origin-unconfirmed');
    expect(refused.params).toMatchObject({ status: 'other-installation', installation: other.installation });
    await expect(db.workers.count()).resolves.toBe(3);
    await restoreBackup(theirs.bytes, undefined, { keepCurrent: keepNothing, confirmOrigin: true });
    await expect(db.workers.count()).resolves.toBe(2);
  });
});

describe('automatic backups', () => {
  it('hold no resident ID in clear, and restore on this installation without a question', async () => {
    const workers = await registerWorkers(db, 40);
    for (const kind of ['automatic-start', 'before-anonymise', 'before-restore'] as const) {
      const backup = await makeBackup({ kind });
      expect(backup.manifest.encrypted).toBe(true);
      expect(splitBackup(backup.bytes).header['body']).toMatchObject({ encryption: { kdf: 'installation-key' } });
      // The IDs are in the database, and nowhere in the file, however it is read.
      expect(residentIdsIn(backup.bytes, workers)).toEqual([]);
      const unpacked = await gunzipText(splitBackup(backup.bytes).body);
      expect(unpacked === null || !workers.some((w) => unpacked.includes(w.residentId))).toBe(true);
    }
    const backup = await makeBackup({ kind: 'automatic-start' });
    await db.workers.clear();
    const inspection = await inspectBackup(backup.bytes);
    expect(inspection.origin.status).toBe('this-installation');
    expect(inspection.sealing).toBe('installation-key');
    await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    await expect(db.workers.count()).resolves.toBe(40);
  });

  it('the backup made before a restore is sealed too, and undoes the restore here', async () => {
    const first = await registerWorkers(db, 5);
    const manual = await makeBackup({ kind: 'manual' });
    const workers = [...first, ...(await registerWorkers(db, 2))];
    const report = await restoreBackup(manual.bytes, undefined, {
      keepCurrent: (previous) => {
        expect(residentIdsIn(previous.bytes, workers)).toEqual([]);
        return Promise.resolve();
      },
    });
    expect(report.previous.manifest).toMatchObject({ kind: 'before-restore', encrypted: true });
  });

  it('cannot be opened on another installation, which is told where it was made', async () => {
    await registerWorkers(db, 3);
    const backup = await makeBackup({ kind: 'automatic-start' });
    const { installation } = await installationInfo();
    const other = await anotherInstallation();
    setInstallationKeyring(other.keyring);
    const refused = await refusalOf(inspectBackup(backup.bytes));
    expect(refused.reason).toBe('other-installation');
    expect(refused.params['installation']).toBe(installation);
    expect(
      (await refusalOf(restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing, confirmOrigin: true })))
        .reason,
    ).toBe('other-installation');
    await expect(db.workers.count()).resolves.toBe(3);
  });

  it('the browser preview keeps one key per installation, unreadable as bytes', async () => {
    const first = await installationInfo();
    const second = await installationInfo();
    expect(second).toEqual(first);
    expect(first.protection).toBe('browser');
    const stored = (await db.installation.get('backup-key')) as unknown as {
      signing: { extractable: boolean };
      wrapping: { extractable: boolean };
    };
    expect(stored.signing.extractable).toBe(false);
    expect(stored.wrapping.extractable).toBe(false);
  });
});
