/**
 * The backup an anonymisation is preceded by (issue 7: "always preceded by a backup"): the whole
 * database, made by the backups repository and kept where the app keeps its backups, through the
 * bridge, as the backups card does (the app's data folder on the desktop; this tab's memory in the
 * browser build). Anonymisation runs only once this resolves; if it throws, nothing is anonymised.
 * Its kind, `before-anonymise`, rotates away like the other automatic backups (shared/backup), so
 * the personal data it still holds is not kept for good.
 */
import { makeBackup, type BackupProgress } from '../../db';
import { keepBackup } from '../settings/backup-actions';

/** Makes and keeps a backup of everything; resolves with its file name, which the audit rows record. */
export async function backUpBeforeAnonymising(onProgress?: (progress: BackupProgress) => void): Promise<string> {
  const backup = await makeBackup({ kind: 'before-anonymise', onProgress });
  const written = await keepBackup(backup);
  return written.fileName;
}
