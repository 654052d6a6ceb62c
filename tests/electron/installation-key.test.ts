import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTALLATION_KEY_FILE, InstallationKey } from '@electron/main/installation-key';
import { validateRequest } from '@electron/main/ipc-validation';
import { openBackup, packBackup } from '@shared/backup';
import { BACKUP_KEY_PATHS, makeManifestInput, makeSampleTables } from '../fixtures/backups';
import { fakeSafeStorage } from './fake-safe-storage';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planner-key-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function keyFile(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(folder, INSTALLATION_KEY_FILE), 'utf8')) as Record<string, unknown>;
}

describe('the installation key in the main process', () => {
  it('is made once, stored through safeStorage, and the same after a restart', async () => {
    const storage = fakeSafeStorage();
    const first = new InstallationKey(folder, storage);
    const info = await first.info();
    expect(info.protection).toBe('system');
    expect(info.installation).toMatch(/^[0-9a-f-]{36}$/);
    const digest = new Uint8Array(32).fill(7);
    const signature = await first.sign(digest);
    expect(signature.byteLength).toBe(32);

    const stored = await keyFile();
    expect(stored).toMatchObject({ protection: 'system', installation: info.installation });
    // What safeStorage was given is the key; what is on disk is only its sealed form.
    const [plainKey] = storage.encrypted;
    expect(plainKey).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(plainKey ?? 'none');

    const restarted = new InstallationKey(folder, storage);
    await expect(restarted.info()).resolves.toEqual(info);
    await expect(restarted.sign(digest)).resolves.toEqual(signature);
    await expect(restarted.sign(new Uint8Array(32))).resolves.not.toEqual(signature);
  });

  it('wraps a data key that only this installation unwraps, and refuses a changed wrap', async () => {
    const ours = new InstallationKey(folder, fakeSafeStorage());
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await ours.wrap(dataKey);
    expect(wrapped.byteLength).toBe(60);
    await expect(ours.unwrap(wrapped)).resolves.toEqual(dataKey);

    const otherFolder = await mkdtemp(join(tmpdir(), 'planner-key-other-'));
    try {
      const theirs = new InstallationKey(otherFolder, fakeSafeStorage());
      await expect(theirs.unwrap(wrapped)).resolves.toBeNull();
      expect((await theirs.info()).installation).not.toBe((await ours.info()).installation);
    } finally {
      await rm(otherFolder, { recursive: true, force: true });
    }
    const changed = new Uint8Array(wrapped);
    changed[20] = (changed[20] ?? 0) ^ 1;
    await expect(ours.unwrap(changed)).resolves.toBeNull();
  });

  it('refuses digests and keys of any other length', async () => {
    const key = new InstallationKey(folder, fakeSafeStorage());
    await expect(key.sign(new Uint8Array(31))).rejects.toThrow(RangeError);
    await expect(key.wrap(new Uint8Array(16))).rejects.toThrow(RangeError);
    await expect(key.unwrap(new Uint8Array(59))).resolves.toBeNull();
  });

  it('says so when the system cannot encrypt it, and encrypts it once the system can', async () => {
    const plain = new InstallationKey(folder, fakeSafeStorage(false));
    const info = await plain.info();
    expect(info.protection).toBe('unprotected');
    expect(await keyFile()).toMatchObject({ protection: 'unprotected' });
    const signature = await plain.sign(new Uint8Array(32));

    const later = new InstallationKey(folder, fakeSafeStorage(true));
    await expect(later.info()).resolves.toEqual({ installation: info.installation, protection: 'system' });
    await expect(later.sign(new Uint8Array(32))).resolves.toEqual(signature);
    expect(await keyFile()).toMatchObject({ protection: 'system' });
  });

  it('does not count Linux’s basic_text store as protection', async () => {
    const key = new InstallationKey(folder, fakeSafeStorage(true, 'basic_text'));
    await expect(key.info()).resolves.toMatchObject({ protection: 'unprotected' });
  });

  it('sets an unreadable key file aside, never deletes it, and makes a new key', async () => {
    const first = await new InstallationKey(folder, fakeSafeStorage()).info();
    const stored = await keyFile();
    await writeFile(join(folder, INSTALLATION_KEY_FILE), JSON.stringify({ ...stored, key: 'AAAA' }));
    const warn = vi.fn();
    const second = await new InstallationKey(folder, fakeSafeStorage(), () => '2026-12-07T11:00:00.000Z', warn).info();
    expect(second.installation).not.toBe(first.installation);
    expect(warn).toHaveBeenCalledOnce();
    expect((await readdir(folder)).some((name) => name.startsWith(`${INSTALLATION_KEY_FILE}.unreadable-`))).toBe(true);
  });

  it('the bridge lets only a 32-byte digest and key, and a 60-byte wrap, through to it', () => {
    expect(validateRequest('signBackupDigest', { digest: new Uint8Array(32) }).ok).toBe(true);
    expect(validateRequest('signBackupDigest', { digest: new Uint8Array(33) }).ok).toBe(false);
    expect(validateRequest('signBackupDigest', { digest: 'x'.repeat(32) }).ok).toBe(false);
    expect(validateRequest('wrapBackupKey', { dataKey: new Uint8Array(32), extra: 1 }).ok).toBe(false);
    expect(validateRequest('unwrapBackupKey', { wrapped: new Uint8Array(60) }).ok).toBe(true);
    expect(validateRequest('unwrapBackupKey', { wrapped: new Uint8Array(61) }).ok).toBe(false);
    expect(validateRequest('installationInfo', undefined).ok).toBe(true);
  });
});

describe('backups signed and sealed by the main process key', () => {
  const options = { schemaVersion: 3, keyPaths: BACKUP_KEY_PATHS };

  it('an automatic backup sealed through the main process opens here and not on another installation', async () => {
    const ours = new InstallationKey(folder, fakeSafeStorage());
    const tables = makeSampleTables(3);
    const backup = await packBackup(makeManifestInput({ kind: 'automatic-start' }), tables, undefined, {
      keyring: ours,
      withInstallationKey: true,
    });
    const opened = await openBackup(backup.bytes, { ...options, keyring: ours });
    expect(opened.origin.status).toBe('this-installation');
    expect(opened.sealing).toBe('installation-key');
    expect(opened.tables.get('workers')).toEqual(tables['workers']);

    const elsewhere = await mkdtemp(join(tmpdir(), 'planner-key-elsewhere-'));
    try {
      const theirs = new InstallationKey(elsewhere, fakeSafeStorage());
      await expect(openBackup(backup.bytes, { ...options, keyring: theirs })).rejects.toMatchObject({
        reason: 'other-installation',
        params: { installation: (await ours.info()).installation },
      });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
