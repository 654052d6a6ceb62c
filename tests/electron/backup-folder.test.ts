import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFolder } from '@electron/main/backup-folder';
import { validateRequest } from '@electron/main/ipc-validation';
import { backupFileName, packBackup, readBackupManifest, type BackupKind } from '@shared/backup';
import { makeManifestInput, makeSampleTables } from '../fixtures/backups';

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'planner-backups-'));
  folder = join(root, 'backups');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const NOW = '2026-03-31T02:00:00.000Z';

function nameOf(kind: BackupKind, daysAgo: number): string {
  return backupFileName(kind, new Date(Date.UTC(2026, 2, 31 - daysAgo, 1)).toISOString(), '00aa');
}

describe('the backups folder', () => {
  it('writes a backup into the folder (made on first use) and lists it, newest first, with its manifest', async () => {
    const backups = new BackupFolder(folder, () => NOW);
    const older = await packBackup(makeManifestInput({ kind: 'automatic-start' }), makeSampleTables(30));
    const newer = await packBackup(makeManifestInput({ kind: 'manual' }), makeSampleTables(3000));
    await backups.write({ fileName: nameOf('automatic-start', 1), data: older.bytes });
    const written = await backups.write({ fileName: nameOf('manual', 0), data: newer.bytes });
    expect(written).toEqual({
      fileName: nameOf('manual', 0),
      size: newer.bytes.byteLength,
      kept: 'data-folder',
      removed: [],
    });
    expect(new Uint8Array(await readFile(join(folder, nameOf('manual', 0))))).toEqual(newer.bytes);

    const list = await backups.list();
    expect(list.kept).toBe('data-folder');
    expect(list.backups.map((b) => b.fileName)).toEqual([nameOf('manual', 0), nameOf('automatic-start', 1)]);
    expect(list.lastBackupAt).toBe('2026-03-31T01:00:00.000Z');
    const [first] = list.backups;
    expect(first?.size).toBe(newer.bytes.byteLength);
    // The head is the header only, not the 3,000 workers.
    expect(first?.head.byteLength).toBeLessThan(2000);
    expect(readBackupManifest(first?.head ?? new Uint8Array())).toEqual(newer.manifest);
  });

  it('lists nothing, and no last backup, before the first one', async () => {
    await expect(new BackupFolder(folder).list()).resolves.toEqual({
      kept: 'data-folder',
      backups: [],
      lastBackupAt: null,
    });
  });

  it('reads a backup back byte for byte, and deletes it', async () => {
    const backups = new BackupFolder(folder, () => NOW);
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(10));
    const fileName = nameOf('manual', 0);
    await backups.write({ fileName, data: bytes });
    const read = await backups.read({ fileName });
    expect(read?.data).toEqual(bytes);
    await expect(backups.delete({ fileName })).resolves.toEqual({ deleted: true });
    await expect(backups.read({ fileName })).resolves.toBeNull();
    await expect(backups.delete({ fileName })).resolves.toEqual({ deleted: false });
  });

  it('rotates after each write: automatic backups beyond 7 daily and 4 weekly go, manual ones stay', async () => {
    const backups = new BackupFolder(folder, () => NOW);
    const data = new Uint8Array([1]);
    for (let day = 40; day >= 1; day--) {
      await backups.write({ fileName: nameOf('automatic-start', day), data });
    }
    await backups.write({ fileName: nameOf('manual', 35), data });
    const written = await backups.write({ fileName: nameOf('automatic-start', 0), data });
    expect(written.removed).toContain(nameOf('automatic-start', 7));
    const left = (await readdir(folder)).sort();
    expect(left).toContain(nameOf('manual', 35));
    expect(left).toContain(nameOf('automatic-start', 0));
    expect(left).toContain(nameOf('automatic-start', 6));
    expect(left).not.toContain(nameOf('automatic-start', 7));
    // 7 daily, 2 more weekly (the weeks of 22 and 15 March), the manual one.
    expect(left).toHaveLength(10);
  });

  it('leaves no partial file when a write fails', async () => {
    const backups = new BackupFolder(folder, () => NOW);
    await mkdir(join(folder, nameOf('manual', 0)), { recursive: true });
    await expect(backups.write({ fileName: nameOf('manual', 0), data: new Uint8Array([1, 2, 3]) })).rejects.toThrow();
    expect((await readdir(folder)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

describe('the backups folder refuses to reach outside itself', () => {
  it.each([
    ['a path that climbs out', '../planner-backup-20260218T083000123Z-manual-3f9a.ptpbackup'],
    ['an absolute path', '/etc/passwd'],
    ['a file that is not a backup', 'notes.txt'],
    ['a backup name in a subfolder', 'sub/planner-backup-20260218T083000123Z-manual-3f9a.ptpbackup'],
    ['a Windows path', '..\\planner-backup-20260218T083000123Z-manual-3f9a.ptpbackup'],
  ])('%s: the bridge refuses the name, and so does the folder', async (_, fileName) => {
    expect(validateRequest('readBackup', { fileName }).ok).toBe(false);
    expect(validateRequest('deleteBackup', { fileName }).ok).toBe(false);
    expect(validateRequest('writeBackup', { fileName, data: new Uint8Array([1]) }).ok).toBe(false);
    const backups = new BackupFolder(folder);
    await expect(backups.read({ fileName })).resolves.toBeNull();
    await expect(backups.delete({ fileName })).resolves.toEqual({ deleted: false });
    await expect(backups.write({ fileName, data: new Uint8Array([1]) })).rejects.toThrow(
      'not the name of a backup file',
    );
  });

  it('never follows a symbolic link named like a backup', async () => {
    const secret = join(root, 'secret.txt');
    await writeFile(secret, 'not yours');
    await mkdir(folder, { recursive: true });
    const fileName = nameOf('manual', 0);
    await symlink(secret, join(folder, fileName));
    const backups = new BackupFolder(folder);
    await expect(backups.read({ fileName })).resolves.toBeNull();
    await expect(backups.delete({ fileName })).resolves.toEqual({ deleted: false });
    expect((await backups.list()).backups).toEqual([]);
    await expect(readFile(secret, 'utf8')).resolves.toBe('not yours');
  });

  it('ignores other files in the folder: it never lists, rotates or deletes them', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'readme.txt'), 'mine');
    const backups = new BackupFolder(folder, () => NOW);
    await backups.write({ fileName: nameOf('automatic-start', 0), data: new Uint8Array([1]) });
    expect((await backups.list()).backups.map((b) => b.fileName)).toEqual([nameOf('automatic-start', 0)]);
    await expect(readFile(join(folder, 'readme.txt'), 'utf8')).resolves.toBe('mine');
  });

  it('refuses a backup larger than the bridge carries', () => {
    const huge = { fileName: nameOf('manual', 0), data: new Uint8Array(1) };
    Object.defineProperty(huge.data, 'byteLength', { value: 300 * 1024 * 1024 });
    expect(validateRequest('writeBackup', huge).ok).toBe(false);
  });
});
