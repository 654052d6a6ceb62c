import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathFromArgv, isBackupPath } from '@electron/main/launch-file';
import { OfferedFiles } from '@electron/main/offered-files';

const EXE = 'C:\\Program Files\\点对点专列规划\\点对点专列规划.exe';
const CHINESE = 'C:\\Users\\张三\\Desktop\\备份 2026-12-08.ptpbackup';

describe('the backup file on the command line', () => {
  it('finds a path with Chinese characters and a space, as Windows passes it', () => {
    expect(backupPathFromArgv([EXE, CHINESE])).toBe(CHINESE);
  });

  it('finds it after the switches Electron and Chromium add in the second instance', () => {
    const argv = [EXE, '--allow-file-access-from-files', '--original-process-start-time=13370', CHINESE];
    expect(backupPathFromArgv(argv)).toBe(CHINESE);
  });

  it('takes the quotes off a quoted path', () => {
    expect(backupPathFromArgv([EXE, `"${CHINESE}"`])).toBe(CHINESE);
  });

  it('puts a path back together that an unquoted command split at its spaces', () => {
    const split = ['C:\\Users\\李 四\\My', 'Backups\\备份', '2026-12-08.PTPBACKUP'];
    expect(backupPathFromArgv([EXE, '--flag', ...split])).toBe(
      'C:\\Users\\李 四\\My Backups\\备份 2026-12-08.PTPBACKUP',
    );
  });

  it('accepts any case of the extension, a network share and a Linux path', () => {
    expect(backupPathFromArgv([EXE, 'D:/备份/Planner.PtpBackup'])).toBe('D:/备份/Planner.PtpBackup');
    expect(backupPathFromArgv([EXE, '\\\\office-nas\\share\\备份.ptpbackup'])).toBe(
      '\\\\office-nas\\share\\备份.ptpbackup',
    );
    expect(backupPathFromArgv(['/opt/planner/planner', '/home/zhang/下载/备份 1.ptpbackup'])).toBe(
      '/home/zhang/下载/备份 1.ptpbackup',
    );
  });

  it('ignores the program, the app folder of a development start, switches, and other files', () => {
    expect(backupPathFromArgv([EXE])).toBeNull();
    expect(backupPathFromArgv(['/usr/bin/electron', '.', '--inspect=5858'])).toBeNull();
    expect(backupPathFromArgv(['C:\\evil.ptpbackup'])).toBeNull();
    expect(backupPathFromArgv([EXE, '--user-data-dir=C:\\x.ptpbackup'])).toBeNull();
    expect(backupPathFromArgv([EXE, 'C:\\Users\\张三\\名单.xlsx'])).toBeNull();
    expect(backupPathFromArgv([EXE, 'C:\\Users\\张三\\备份.ptpbackup.exe'])).toBeNull();
    expect(backupPathFromArgv([EXE, '备份.ptpbackup'])).toBeNull();
    expect(backupPathFromArgv([EXE, 'app://planner/x.ptpbackup'])).toBeNull();
  });

  it('takes the first of several files', () => {
    expect(backupPathFromArgv([EXE, 'C:\\a.ptpbackup', 'C:\\b.ptpbackup'])).toBe('C:\\a.ptpbackup');
  });

  it('accepts only absolute paths of backups for macOS’s open-file', () => {
    expect(isBackupPath('/Users/zhang/Desktop/备份 2026-12-08.ptpbackup')).toBe(true);
    expect(isBackupPath('/Users/zhang/Desktop/备份.pdf')).toBe(false);
    expect(isBackupPath('relative/备份.ptpbackup')).toBe(false);
    expect(isBackupPath('/tmp/a\nb.ptpbackup')).toBe(false);
  });
});

describe('backup files offered to the renderer', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'planner-offered-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads exactly the offered file by its id, and nothing by any other id', async () => {
    const path = join(folder, '备份 2026-12-08.ptpbackup');
    await writeFile(path, 'PTPBACKUP');
    const offered = new OfferedFiles(1024);
    const id = offered.offer(path);
    if (id === null) throw new Error('not offered');
    const read = await offered.read(id);
    expect(read?.fileName).toBe('备份 2026-12-08.ptpbackup');
    expect(new TextDecoder().decode(read?.data)).toBe('PTPBACKUP');
    await expect(offered.read('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });

  it('offers no file that is not a backup’s', () => {
    const offered = new OfferedFiles(1024);
    expect(offered.offer(join(folder, 'passwords.txt'))).toBeNull();
  });

  it('answers null for a file deleted since, and refuses one grown too large', async () => {
    const offered = new OfferedFiles(4);
    const gone = offered.offer(join(folder, 'gone.ptpbackup'));
    await expect(offered.read(gone ?? '')).resolves.toBeNull();
    const large = join(folder, 'large.ptpbackup');
    await writeFile(large, 'more than four bytes');
    await expect(offered.read(offered.offer(large) ?? '')).rejects.toThrow('file-too-large');
  });
});
