/**
 * Names of backup files: when and why each was made, readable by main's folder code (which rotates
 * backups by these names without opening them) and by a person looking at the folder.
 * `planner-backup-20260218T083000123Z-automatic-start-3f9a.ptpbackup`: UTC time to the
 * millisecond, the kind, four random hex digits so that two backups in one millisecond differ.
 */
import { isCalendarDate } from '../dates';
import type { Timestamp } from '../domain/records';
import { BACKUP_EXTENSION, BACKUP_KINDS, type BackupKind } from './format';

const NAME = new RegExp(
  `^planner-backup-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(\\d{3})Z-(${BACKUP_KINDS.join('|')})-([0-9a-f]{4})\\.${BACKUP_EXTENSION}$`,
);

/** The file name of a backup made at `createdAt` (an ISO timestamp in UTC, as Date#toISOString writes). */
export function backupFileName(kind: BackupKind, createdAt: Timestamp, suffix?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(createdAt);
  if (!match) throw new RangeError(`not a UTC timestamp: ${createdAt}`);
  const tail =
    suffix ??
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  if (!/^[0-9a-f]{4}$/.test(tail)) throw new RangeError(`suffix must be four hex digits: ${tail}`);
  const [, year, month, day, hours, minutes, seconds, millis] = match;
  return `planner-backup-${year}${month}${day}T${hours}${minutes}${seconds}${millis}Z-${kind}-${tail}.${BACKUP_EXTENSION}`;
}

/** What a backup's file name says, or null for any other name (which the folder code never touches). */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: Timestamp } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds, millis, kind] = match;
  // 20261340T… matches the pattern but names no day.
  if (
    !isCalendarDate(`${year}-${month}-${day}`) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59
  ) {
    return null;
  }
  return { kind: kind as BackupKind, createdAt: `${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${millis}Z` };
}
