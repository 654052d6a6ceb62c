import type { BackupManifest } from './format';

/**
 * Why a file was refused, as a stable code: the renderer shows `backups.refusal.<code>` in the
 * user's language (renderer/i18n/parts/backups.ts), with `params` filled in.
 * - `empty`: the file holds no byte at all (a failed copy, a placeholder).
 * - `not-a-backup`: the file does not start with the backup's first line (a PDF, a roster, anything).
 * - `unsupported-format`: a backup file layout newer than this app knows.
 * - `truncated`: the file ends before its declared length (a copy cut off, a full USB stick).
 * - `damaged`: the header or the body cannot be read (bytes changed, or an unreadable body).
 * - `checksum-mismatch`: the contents differ from their SHA-256: damaged or changed after it was
 *   made. A checksum is no proof against a person who rewrites it too (issue 16, item 2): the
 *   signature is (read.ts, BackupOrigin), and a file changed with its checksum recomputed is not
 *   refused for that but restored only once the person confirms the warning.
 * - `contents-mismatch`: the checksum fits, but the records disagree with the manifest (counts,
 *   tables, keys): rewritten by something other than this app.
 * - `invalid-record`: a record the app could not have written (a field of the wrong type, an unknown
 *   value, a text too long, a rule of shared/domain broken): `table`, `record` (its position), `key`,
 *   `field` and `problem` name it (shared/backup/records.ts).
 * - `duplicate-value`: two records of a table share a value that must be unique (two workers with
 *   one resident ID, two records with one key): `table`, `field`, `first` and `second` (positions).
 * - `expands-too-much`: the body unpacks to more than its header declares, or to far more than any
 *   backup's records (a "zip bomb"): the reading stopped there, with `limit` in MB.
 * - `newer-schema`: made by a newer app whose database this one cannot hold.
 * - `passphrase-required`: the body is encrypted and no passphrase was given.
 * - `wrong-passphrase`: the passphrase given does not open it.
 * - `other-installation`: an automatic backup sealed with another installation's key
 *   (`installation` names it): it opens only there (issue 16, item 4).
 * - `origin-unconfirmed`: the file is not signed by this installation (made elsewhere, unsigned,
 *   or its signature does not fit) and the restore was asked without the person's confirmation of
 *   that warning (`status`, `installation`).
 */
export const BACKUP_REFUSALS = [
  'empty',
  'not-a-backup',
  'unsupported-format',
  'truncated',
  'damaged',
  'checksum-mismatch',
  'contents-mismatch',
  'invalid-record',
  'duplicate-value',
  'expands-too-much',
  'newer-schema',
  'passphrase-required',
  'wrong-passphrase',
  'other-installation',
  'origin-unconfirmed',
] as const;
export type BackupRefusalReason = (typeof BACKUP_REFUSALS)[number];

/** A backup that will not be read, and why; nothing has been changed when this is thrown. */
export class BackupRefusedError extends Error {
  readonly reason: BackupRefusalReason;
  /** Values for the message: `fileVersion` and `appVersion` for `newer-schema`, `table` for some mismatches. */
  readonly params: Record<string, string | number>;
  /** The manifest, when the header could be read (a passphrase prompt shows what it is asked for). */
  readonly manifest: BackupManifest | null;

  constructor(
    reason: BackupRefusalReason,
    detail: string,
    options: { params?: Record<string, string | number>; manifest?: BackupManifest | null; cause?: unknown } = {},
  ) {
    super(`backup refused (${reason}): ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BackupRefusedError';
    this.reason = reason;
    this.params = options.params ?? {};
    this.manifest = options.manifest ?? null;
  }
}
