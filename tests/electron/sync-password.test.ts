import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRequest } from '@electron/main/ipc-validation';
import { SYNC_PASSWORD_FILE, SyncPasswordStore } from '@electron/main/sync-password';
import { fakeSafeStorage } from './fake-safe-storage';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planner-sync-password-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the sync server’s password in the main process', () => {
  it('is kept encrypted, read back after a restart, replaced, and forgotten', async () => {
    const storage = fakeSafeStorage();
    await expect(new SyncPasswordStore(folder, storage).store('县局-Secret 1')).resolves.toEqual({ stored: true });
    const onDisk = await readFile(join(folder, SYNC_PASSWORD_FILE), 'utf8');
    expect(onDisk).not.toContain('Secret');
    expect(storage.encrypted).toEqual(['县局-Secret 1']);

    const restarted = new SyncPasswordStore(folder, storage);
    await expect(restarted.read()).resolves.toEqual({ password: '县局-Secret 1' });
    await restarted.store('second');
    await expect(restarted.read()).resolves.toEqual({ password: 'second' });
    await expect(restarted.forget()).resolves.toBeNull();
    await expect(restarted.read()).resolves.toBeNull();
    await expect(restarted.forget()).resolves.toBeNull();
  });

  it('refuses to store where the system cannot encrypt it, and writes nothing', async () => {
    for (const storage of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const store = new SyncPasswordStore(folder, storage);
      await expect(store.store('secret')).resolves.toEqual({ stored: false });
      await expect(readFile(join(folder, SYNC_PASSWORD_FILE))).rejects.toThrow();
      await expect(store.read()).resolves.toBeNull();
    }
  });

  it('reads a file it can no longer decrypt, or a damaged one, as no password', async () => {
    await writeFile(join(folder, SYNC_PASSWORD_FILE), JSON.stringify({ version: 1, password: 'AAAA' }));
    await expect(new SyncPasswordStore(folder, fakeSafeStorage()).read()).resolves.toBeNull();
    await writeFile(join(folder, SYNC_PASSWORD_FILE), '{not json');
    await expect(new SyncPasswordStore(folder, fakeSafeStorage()).read()).resolves.toBeNull();
  });

  it('takes only a password of bounded length through the bridge', () => {
    expect(validateRequest('storeSyncPassword', { password: 'secret' }).ok).toBe(true);
    expect(validateRequest('storeSyncPassword', { password: '' }).ok).toBe(false);
    expect(validateRequest('storeSyncPassword', { password: 'x'.repeat(1001) }).ok).toBe(false);
    expect(validateRequest('storeSyncPassword', { password: 'secret', path: '/etc' }).ok).toBe(false);
    expect(validateRequest('storeSyncPassword', { password: 42 }).ok).toBe(false);
    expect(validateRequest('readSyncPassword', undefined).ok).toBe(true);
    expect(validateRequest('forgetSyncPassword', { all: true }).ok).toBe(false);
    const refused = validateRequest('storeSyncPassword', { password: 'x'.repeat(1001) });
    expect(refused.ok ? '' : refused.error).not.toContain('xxxx');
  });
});
