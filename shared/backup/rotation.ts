/**
 * Which backups to delete (issue 7: "rotation keeps the last 7 daily and 4 weekly ones;
 * manual ones are kept"; issue 16: the newest 30 manual ones are kept, so the folder has a bound). The buckets work as restic's `--keep-daily 7 --keep-weekly 4`: the
 * newest backup of each of the 7 most recent days that have one, and the newest of each of the 4
 * most recent weeks that have one (a backup may count for both). Days and weeks (Monday to Sunday)
 * are Beijing time, whatever the PC's clock zone says, so a backup never changes day with it.
 *
 * One addition: every automatic backup of the last 24 hours is kept too. The backup made before
 * a restore is how a wrong restore is undone; with days alone, a second restore on the same day
 * would delete the first one's backup, the only copy of the data as it was that morning.
 */
import { millisecondsBetween } from '../dates';
import type { Timestamp } from '../domain/records';
import type { BackupKind } from './format';

/** A backup in the folder, as its file name describes it (file-name.ts). */
export interface StoredBackup {
  fileName: string;
  kind: BackupKind;
  createdAt: Timestamp;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  /**
   * Manual backups kept, the newest ones (issue 16, item 9): without a bound, a folder backed up
   * by hand every day for years fills the disk. The settings card says so, and says which went.
   */
  manual: number;
  /** Automatic backups younger than this are all kept. */
  recentHours: number;
}

export const ROTATION: RotationPolicy = { daily: 7, weekly: 4, manual: 30, recentHours: 24 };

const EPOCH = '1970-01-01T00:00:00.000Z';
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 on Beijing's calendar. */
function beijingDay(at: Timestamp): number {
  return Math.floor((millisecondsBetween(EPOCH, at) + BEIJING_OFFSET_MS) / DAY_MS);
}

/** Weeks (Monday to Sunday) since the one holding 1970-01-01, a Thursday. */
function beijingWeek(at: Timestamp): number {
  return Math.floor((beijingDay(at) + 3) / 7);
}

/** The newest backup of each of the `count` most recent buckets that have one (newest-first input). */
function newestPerBucket(newestFirst: readonly StoredBackup[], bucket: (at: Timestamp) => number, count: number) {
  const kept: StoredBackup[] = [];
  const seen = new Set<number>();
  for (const backup of newestFirst) {
    if (seen.size >= count) break;
    const key = bucket(backup.createdAt);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(backup);
  }
  return kept;
}

/**
 * The file names of the backups that the rotation no longer keeps, as of `now`: automatic ones
 * beyond the days and weeks kept, and manual ones beyond the newest `policy.manual`.
 */
export function backupsToDelete(
  backups: readonly StoredBackup[],
  now: Timestamp,
  policy: RotationPolicy = ROTATION,
): string[] {
  const manual = backups
    .filter((backup) => backup.kind === 'manual')
    .sort((a, b) => millisecondsBetween(a.createdAt, b.createdAt))
    .slice(policy.manual)
    .map((backup) => backup.fileName);
  return [...automaticToDelete(backups, now, policy), ...manual];
}

function automaticToDelete(backups: readonly StoredBackup[], now: Timestamp, policy: RotationPolicy): string[] {
  const automatic = backups
    .filter((backup) => backup.kind !== 'manual')
    .sort((a, b) => millisecondsBetween(a.createdAt, b.createdAt));
  const keep = new Set<string>();
  for (const backup of newestPerBucket(automatic, beijingDay, policy.daily)) keep.add(backup.fileName);
  for (const backup of newestPerBucket(automatic, beijingWeek, policy.weekly)) keep.add(backup.fileName);
  const recentMs = policy.recentHours * 3_600_000;
  for (const backup of automatic) {
    if (millisecondsBetween(backup.createdAt, now) < recentMs) keep.add(backup.fileName);
  }
  return automatic.filter((backup) => !keep.has(backup.fileName)).map((backup) => backup.fileName);
}
