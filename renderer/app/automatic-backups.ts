/**
 * The automatic backups of issue 7 that the app makes by itself:
 * - before a schema upgrade: renderer/main.tsx awaits `backUpBeforeUpgrade` before anything opens
 *   the database (Dexie upgrades as it opens); it costs one `indexedDB.databases()` call when
 *   there is nothing to upgrade; when it fails, the database is not opened (UpgradeBlocked.tsx);
 * - at start, when the last backup is more than a day old and the database held records when the
 *   app started (an empty database has nothing to lose): START_BACKUP_DELAY_MS after start, when
 *   the page is idle, so it never competes with the first screens' reads (IndexedDB serves one
 *   origin's reads in turn, and the workers list reads every worker in its first seconds).
 * The backup made before a restore is the restore dialog's (features/settings/RestoreDialog.tsx).
 *
 * Where the bridge keeps a backup only for this tab (the browser build), the backup is offered as
 * a download by a notification (BackupNotices.tsx), never downloaded unasked.
 */
import { millisecondsBetween } from '@shared/dates';
import type { BackupKind } from '@shared/backup';
import { backupBeforeUpgrade, countBackedUpRecords, hasRecordsToBackUp, makeBackup, type MadeBackup } from '../db';
import { keepBackup } from '../features/settings/backup-actions';
import { logger } from '../logger';
import { platform } from '../platform';

/** How long after start the daily backup waits at least (then for the page to be idle). */
export const START_BACKUP_DELAY_MS = 60_000;
/** The daily backup is made when the last backup is older than this. */
export const START_BACKUP_AGE_MS = 24 * 3_600_000;

/** Something the person should hear about an automatic backup. */
export type AutomaticBackupNotice =
  { kind: 'offer'; fileName: string; backupKind: BackupKind } | { kind: 'failed'; message: string };

type Listener = (notice: AutomaticBackupNotice) => void;
const listeners = new Set<Listener>();
/** Notices from before anything listened (the before-upgrade backup is made before the first render). */
const pending: AutomaticBackupNotice[] = [];

function publish(notice: AutomaticBackupNotice): void {
  if (listeners.size === 0) pending.push(notice);
  for (const listener of listeners) listener(notice);
}

/** Calls `listener` for every notice, the ones waiting first; returns the unsubscribe. */
export function onAutomaticBackup(listener: Listener): () => void {
  listeners.add(listener);
  for (const notice of pending.splice(0)) listener(notice);
  return () => listeners.delete(listener);
}

async function keep(backup: MadeBackup): Promise<void> {
  const written = await keepBackup(backup);
  if (written.kept === 'session')
    publish({ kind: 'offer', fileName: backup.fileName, backupKind: backup.manifest.kind });
}

/** How the backup before an upgrade went: none was needed, it was made and kept, or it failed. */
export type UpgradeBackupOutcome =
  { kind: 'not-needed' } | { kind: 'kept'; fileName: string } | { kind: 'failed'; message: string };

/**
 * Makes and keeps a `before-upgrade` backup when the stored database is at an older schema version.
 * Never throws: a failure comes back as `failed`, and then nothing may open the database, since
 * opening it upgrades it (main.tsx shows the person why, issue 21).
 */
export async function backUpBeforeUpgrade(name?: string): Promise<UpgradeBackupOutcome> {
  try {
    const backup = await backupBeforeUpgrade(name);
    if (!backup) return { kind: 'not-needed' };
    await keep(backup);
    return { kind: 'kept', fileName: backup.fileName };
  } catch (error) {
    logger.error('the backup before the upgrade failed', error);
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Makes the daily backup when the last one is older than a day and there is anything to back up. */
export async function backUpAtStart(): Promise<void> {
  try {
    const { lastBackupAt } = await platform.listBackups();
    const now = new Date().toISOString();
    if (lastBackupAt !== null && millisecondsBetween(lastBackupAt, now) < START_BACKUP_AGE_MS) return;
    if ((await countBackedUpRecords()) === 0) return;
    await keep(await makeBackup({ kind: 'automatic-start' }));
  } catch (error) {
    logger.error('the automatic backup at start failed', error);
    publish({ kind: 'failed', message: String(error) });
  }
}

let scheduled = false;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 10_000 });
  else setTimeout(run, 0);
}

/**
 * Once per page load: when the page is first idle, looks whether the database holds anything; if
 * it does, makes the daily backup (when due) START_BACKUP_DELAY_MS after start, when idle again.
 */
export function scheduleStartBackup(): void {
  if (scheduled) return;
  scheduled = true;
  const started = performance.now();
  whenIdle(() => {
    hasRecordsToBackUp().then(
      (any) => {
        if (!any) return;
        const wait = Math.max(0, START_BACKUP_DELAY_MS - (performance.now() - started));
        setTimeout(() => whenIdle(() => void backUpAtStart()), wait);
      },
      (error: unknown) => logger.warn('could not look for records to back up', error),
    );
  });
}
