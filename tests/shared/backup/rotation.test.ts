import { describe, expect, it } from 'vitest';
import {
  ROTATION,
  backupFileName,
  backupsToDelete,
  parseBackupFileName,
  type BackupKind,
  type StoredBackup,
} from '@shared/backup';

/** A backup made at 09:00 Beijing time (01:00 UTC) `daysAgo` days before 2026-03-31. */
function made(daysAgo: number, kind: BackupKind = 'automatic-start', hourUtc = 1): StoredBackup {
  const day = new Date(Date.UTC(2026, 2, 31 - daysAgo, hourUtc, 0, 0)).toISOString();
  return { fileName: backupFileName(kind, day, '0000'), kind, createdAt: day };
}

const NOW = '2026-03-31T02:00:00.000Z';

describe('rotation of automatic backups', () => {
  it('keeps one a day for the last 7 days and one a week for the last 4 weeks, and deletes the rest', () => {
    // One automatic backup every day for 60 days.
    const backups = Array.from({ length: 60 }, (_, i) => made(i));
    const removed = new Set(backupsToDelete(backups, NOW));
    const kept = backups.filter((backup) => !removed.has(backup.fileName)).map((b) => b.createdAt.slice(0, 10));
    // Today (Tuesday 31 March) and the 6 days before, then the newest of each earlier week:
    // Sundays 22 and 15 March (the weeks of 23 and 29 March are covered by the daily ones).
    expect(kept).toEqual([
      '2026-03-31',
      '2026-03-30',
      '2026-03-29',
      '2026-03-28',
      '2026-03-27',
      '2026-03-26',
      '2026-03-25',
      '2026-03-22',
      '2026-03-15',
    ]);
  });

  it('keeps the newest 30 manual backups, however old, and deletes the older ones: the folder has a bound', () => {
    const manual = Array.from({ length: 40 }, (_, i) => made(i * 3, 'manual'));
    expect(ROTATION.manual).toBe(30);
    expect(backupsToDelete(manual.slice(0, 30), NOW)).toEqual([]);
    expect(backupsToDelete([...manual].reverse(), NOW).sort()).toEqual(
      manual
        .slice(30)
        .map((backup) => backup.fileName)
        .sort(),
    );
    // Automatic backups do not count against the manual ones, nor the other way round.
    const mixed = [...manual.slice(0, 30), made(0), made(1)];
    expect(backupsToDelete(mixed, NOW)).toEqual([]);
  });

  it('keeps the newest of several backups on one day', () => {
    const early = made(3, 'automatic-start', 1);
    const late = made(3, 'before-restore', 5);
    expect(backupsToDelete([early, late, made(0)], NOW)).toEqual([early.fileName]);
    const weekOld = [made(20, 'automatic-start', 1), made(20, 'before-upgrade', 5), made(0)];
    expect(backupsToDelete(weekOld, NOW)).toEqual([weekOld[0]?.fileName]);
  });

  it('keeps every automatic backup of the last 24 hours: the one made before a restore undoes that restore', () => {
    const first = { ...made(0, 'before-restore', 0), fileName: 'a' };
    const second = { ...made(0, 'before-restore', 1), fileName: 'b' };
    expect(backupsToDelete([first, second], NOW)).toEqual([]);
    // Two days later the day keeps its newest only.
    expect(backupsToDelete([first, second], '2026-04-02T02:00:00.000Z')).toEqual(['a']);
  });

  it('counts days in Beijing time: 23:30 and 00:30 Beijing are two days, whatever the PC’s zone', () => {
    const beforeMidnight = { ...made(5), fileName: 'x', createdAt: '2026-03-25T15:30:00.000Z' };
    const afterMidnight = { ...made(5), fileName: 'y', createdAt: '2026-03-25T16:30:00.000Z' };
    const otherDays = Array.from({ length: 5 }, (_, i) => made(i));
    expect(backupsToDelete([beforeMidnight, afterMidnight, ...otherDays], NOW)).toEqual([]);
  });
});

describe('backup file names', () => {
  it('say when and why a backup was made, and read back', () => {
    const name = backupFileName('before-upgrade', '2026-02-18T08:30:00.123Z', '3f9a');
    expect(name).toBe('planner-backup-20260218T083000123Z-before-upgrade-3f9a.ptpbackup');
    expect(parseBackupFileName(name)).toEqual({ kind: 'before-upgrade', createdAt: '2026-02-18T08:30:00.123Z' });
  });

  it('get a random suffix, so two backups in one millisecond differ', () => {
    const names = new Set(Array.from({ length: 20 }, () => backupFileName('manual', '2026-02-18T08:30:00.123Z')));
    expect(names.size).toBeGreaterThan(1);
  });

  it('are the only names read back: anything else is not a backup of this app', () => {
    for (const name of [
      'planner-backup-20260218T083000123Z-manual-3f9a.ptpbackup.exe',
      '../planner-backup-20260218T083000123Z-manual-3f9a.ptpbackup',
      'planner-backup-20261340T083000123Z-manual-3f9a.ptpbackup',
      'planner-backup-20260218T253000123Z-manual-3f9a.ptpbackup',
      'planner-backup-20260218T083000123Z-weekly-3f9a.ptpbackup',
      'notes.txt',
    ]) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });
});
