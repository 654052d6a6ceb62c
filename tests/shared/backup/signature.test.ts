/**
 * The signature and the installation seal of a backup file (issue 16, items 2 and 4), attacked at
 * the format's level: what a reader with this installation's key makes of each forgery.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_HEAD_BYTES,
  BackupRefusedError,
  generateWebCryptoKeys,
  openBackup,
  packBackup,
  readBackupHead,
  webCryptoKeyring,
  type InstallationKeyring,
} from '@shared/backup';
import {
  BACKUP_KEY_PATHS,
  forgeBackupRecords,
  makeManifestInput,
  makeSampleTables,
  rewriteBackup,
  splitBackup,
} from '../../fixtures/backups';

async function keyring(): Promise<InstallationKeyring & { id: string }> {
  const id = crypto.randomUUID();
  const keys = await generateWebCryptoKeys();
  return { id, ...webCryptoKeyring({ installation: id, protection: 'browser' }, () => Promise.resolve(keys)) };
}

const options = { schemaVersion: 3, keyPaths: BACKUP_KEY_PATHS };

describe('the signature of a backup', () => {
  it('a file signed here reads as made here; its head names the installation and how it is sealed', async () => {
    const ours = await keyring();
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), undefined, { keyring: ours });
    const opened = await openBackup(bytes, { ...options, keyring: ours });
    expect(opened.origin).toEqual({ status: 'this-installation', installation: ours.id });
    expect(readBackupHead(bytes.subarray(0, BACKUP_HEAD_BYTES))).toMatchObject({
      installation: ours.id,
      sealing: null,
    });
  });

  it('records changed and the checksum recomputed: the signature no longer fits', async () => {
    const ours = await keyring();
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), undefined, { keyring: ours });
    const forged = await forgeBackupRecords(bytes, (page) => {
      if (page.table === 'workers') for (const worker of page.records) worker['phone'] = '13900000000';
    });
    const opened = await openBackup(forged, { ...options, keyring: ours });
    expect(opened.origin).toEqual({ status: 'bad-signature', installation: ours.id });
  });

  it('a file signed elsewhere and relabelled as ours does not pass as ours', async () => {
    const ours = await keyring();
    const theirs = await keyring();
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), undefined, { keyring: theirs });
    await expect(openBackup(bytes, { ...options, keyring: ours })).resolves.toMatchObject({
      origin: { status: 'other-installation', installation: theirs.id },
    });
    const relabelled = await rewriteBackup(bytes, { header: (header) => (header['installation'] = ours.id) });
    await expect(openBackup(relabelled, { ...options, keyring: ours })).resolves.toMatchObject({
      origin: { status: 'bad-signature' },
    });
  });

  it('a file of format 1 (no installation, no signature line) still opens, as unsigned', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(2));
    const formatOne = await rewriteBackup(bytes, {
      header: (header) => {
        header['format'] = 1;
        delete (header['body'] as Record<string, unknown>)['unpackedBytes'];
      },
    });
    const opened = await openBackup(formatOne, { ...options, keyring: await keyring() });
    expect(opened.origin).toEqual({ status: 'unsigned', installation: null });
    expect(opened.tables.get('workers')).toHaveLength(2);
  });
});

describe('a body sealed with the installation key', () => {
  it('holds no record in clear, opens with that key only, and names where it was made elsewhere', async () => {
    const ours = await keyring();
    const tables = makeSampleTables(5);
    const { bytes, manifest } = await packBackup(makeManifestInput({ kind: 'automatic-start' }), tables, undefined, {
      keyring: ours,
      withInstallationKey: true,
    });
    expect(manifest.encrypted).toBe(true);
    const text = new TextDecoder('latin1').decode(bytes);
    for (const worker of tables['workers'] as { residentId: string }[]) expect(text).not.toContain(worker.residentId);
    expect(readBackupHead(bytes).sealing).toBe('installation-key');

    const opened = await openBackup(bytes, { ...options, keyring: ours });
    expect(opened.tables.get('workers')).toEqual(tables['workers']);

    const error = await openBackup(bytes, { ...options, keyring: await keyring() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect(error).toMatchObject({ reason: 'other-installation', params: { installation: ours.id } });
    // Without any key, the same.
    await expect(openBackup(bytes, options)).rejects.toMatchObject({ reason: 'other-installation' });
  });

  it('a changed header does not open, even with the checksum recomputed', async () => {
    const ours = await keyring();
    const { bytes } = await packBackup(makeManifestInput({ kind: 'automatic-start' }), makeSampleTables(2), undefined, {
      keyring: ours,
      withInstallationKey: true,
    });
    const edited = await rewriteBackup(bytes, {
      header: (header) => ((header['manifest'] as Record<string, unknown>)['operator'] = '别人'),
    });
    expect(splitBackup(edited).header['manifest']).toMatchObject({ operator: '别人' });
    await expect(openBackup(edited, { ...options, keyring: ours })).rejects.toMatchObject({
      reason: 'contents-mismatch',
    });
  });
});
