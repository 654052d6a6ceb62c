/**
 * Keeping and offering backups through the bridge, for the settings card and for the automatic
 * backups of renderer/app: where a backup goes (the data folder, or this tab's memory in the
 * browser) is the bridge's answer, never a guess about the platform.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { BACKUP_EXTENSION, BackupRefusedError, MAX_RECORD_TEXT, type BackupRefusalReason } from '@shared/backup';
import { BRIDGE_ERRORS, MAX_FILE_BYTES, type WriteBackupResult } from '@shared/bridge';
import { fieldLabel } from '../../components/audit-changes';
import type { MadeBackup } from '../../db';
import { platform } from '../../platform';

/** The file type of backups in the save and open dialogs. */
export function backupFileFilters(t: TFunction): { name: string; extensions: string[] }[] {
  return [{ name: t('backups.fileFilter'), extensions: [BACKUP_EXTENSION] }];
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` whenever a backup is written or deleted in this window; returns the unsubscribe. */
export function onBackupsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the list of backups to read the bridge again. */
export function backupsChanged(): void {
  for (const listener of listeners) listener();
}

/** Writes a backup where the bridge keeps them (and rotates the automatic ones). */
export async function keepBackup(backup: MadeBackup): Promise<WriteBackupResult> {
  const written = await platform.writeBackup({ fileName: backup.fileName, data: backup.bytes });
  backupsChanged();
  return written;
}

/** Offers a backup's bytes as a file: the save dialog inside Electron, a download in the browser. */
export async function saveBackupCopy(fileName: string, data: Uint8Array, t: TFunction): Promise<boolean> {
  const saved = await platform.saveFile({ suggestedName: fileName, filters: backupFileFilters(t), data });
  return saved.saved;
}

/** Picks a backup file to restore; null when the person cancels. Too large a file is refused as such. */
export async function chooseBackupFile(t: TFunction): Promise<{ fileName: string; data: Uint8Array } | null> {
  return platform.openFile({ filters: backupFileFilters(t), maxBytes: MAX_FILE_BYTES });
}

/** A refusal to show: the reason's code and its message's values. */
export interface Refusal {
  reason: BackupRefusalReason | 'too-large';
  params: Record<string, string | number>;
}

/** The refusal an error stands for, or null when it is some other failure. */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof BackupRefusedError) return { reason: error.reason, params: error.params };
  if (error instanceof Error && error.message === BRIDGE_ERRORS.fileTooLarge)
    return { reason: 'too-large', params: {} };
  return null;
}

/** A field of a record as the screens label it; `legs.0.mode` is labelled by its first step and keeps the rest. */
function fieldText(table: string, field: string, t: TFunction, i18n: I18n): string {
  const [first = '', ...rest] = field.split('.');
  const label = first === '' ? t('backups.recordProblem.wholeRecord') : fieldLabel(table, first, { t, i18n });
  return rest.length > 0 ? `${label} (${rest.join('.')})` : label;
}

/** What is wrong with a refused record's field, in words. */
function recordProblemText(params: Record<string, string | number>, t: TFunction): string {
  const problem = params['problem'];
  const rule = params['rule'];
  if (problem === 'rule' && typeof rule === 'string') {
    return t('backups.recordProblem.rule', { rule: t(`problems.${rule}`, { ...params, defaultValue: rule }) });
  }
  return t(`backups.recordProblem.${String(problem)}`, { max: MAX_RECORD_TEXT.toLocaleString() });
}

/** The refusal in the person's language; a table and a field named in it are named as the screens name them. */
export function refusalMessage(refusal: Refusal, t: TFunction, i18n: I18n): string {
  const { params } = refusal;
  const table = params['table'];
  if (typeof table !== 'string') {
    // A refusal about the file as a whole: the message that names a table would show `{{table}}`.
    if (refusal.reason === 'contents-mismatch') return t('backups.refusal.contents-mismatch-file');
    return t(`backups.refusal.${refusal.reason}`, params);
  }
  const named: Record<string, string | number> = {
    ...params,
    table: t(`audit.tables.${table}`, { defaultValue: table }),
  };
  const field = params['field'];
  if (typeof field === 'string') named['field'] = fieldText(table, field, t, i18n);
  if (refusal.reason === 'invalid-record') {
    named['problem'] = recordProblemText(params, t);
    if (params['key'] === '') return t('backups.refusal.invalid-record-no-key', named);
  }
  return t(`backups.refusal.${refusal.reason}`, named);
}

/** Megabytes with two decimals under 10 MB, one above. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? mb.toFixed(2) : mb.toFixed(1);
}

/** Other windows of the app learn of a restore through this channel (their lists hold the old data). */
const RESTORE_CHANNEL = 'planner-backups';

/** This window's mark on its messages: every BroadcastChannel object of the page hears the others, this page's too. */
const THIS_WINDOW = crypto.randomUUID();

/** Tells the app's other windows (tabs, in the browser) that the data was replaced. */
export function announceRestore(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(RESTORE_CHANNEL);
  channel.postMessage({ restored: true, from: THIS_WINDOW });
  channel.close();
}

/** Calls `listener` when another window restored a backup; returns the unsubscribe. */
export function onRestoreElsewhere(listener: Listener): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(RESTORE_CHANNEL);
  channel.onmessage = (event: MessageEvent<{ restored?: boolean; from?: string } | null>) => {
    if (event.data?.restored === true && event.data.from !== THIS_WINDOW) listener();
  };
  return () => channel.close();
}
