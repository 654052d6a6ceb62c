/** Writing a backup file (layout in format.ts). */
import { concatBytes, gzip, sha256, toHex, utf8 } from './codec';
import { encryptBody, newEncryption, newKeyEncryption } from './crypto';
import type { InstallationKeyring } from './keyring';
import {
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  BACKUP_PAGE_SIZE,
  MAX_PAGE_LINE_BYTES,
  type BackupEncryption,
  type BackupHeader,
  type BackupKeyEncryption,
  type BackupManifest,
} from './format';

/** The manifest as the caller knows it; counts and encryption come from the records and the passphrase. */
export type BackupManifestInput = Omit<BackupManifest, 'counts' | 'encrypted'>;

/** AES-GCM appends a 16-byte tag to the ciphertext. */
const GCM_TAG_BYTES = 16;

/**
 * One body line per page of records of one table, as JSON, with its newline; a page longer than
 * MAX_PAGE_LINE_BYTES (records with long texts) is written as several lines of fewer records, so
 * that a reader may refuse any longer line (read.ts).
 */
export function encodeBackupPage(table: string, records: readonly unknown[]): Uint8Array<ArrayBuffer> {
  const line = utf8(`${JSON.stringify({ table, records })}\n`);
  if (line.byteLength <= MAX_PAGE_LINE_BYTES || records.length < 2) return line;
  const half = Math.ceil(records.length / 2);
  return concatBytes([encodeBackupPage(table, records.slice(0, half)), encodeBackupPage(table, records.slice(half))]);
}

export interface SealInput {
  manifest: BackupManifestInput;
  /** Records per table, every table backed up (zero included). */
  counts: Record<string, number>;
  /** The body lines, from encodeBackupPage, in order. */
  pages: readonly Uint8Array[];
  /** Encrypts the body when given and not empty. */
  passphrase?: string | undefined;
  /**
   * The installation's key (issue 16, item 2): names the installation in the header and signs the
   * file. Without one the file is unsigned (tests and fixtures build such files on purpose).
   */
  keyring?: InstallationKeyring | undefined;
  /** Encrypts the body with the installation's key instead of a passphrase (automatic backups, item 4). */
  withInstallationKey?: boolean | undefined;
}

export interface SealedBackup {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: BackupManifest;
}

/** Compresses, optionally encrypts, checksums and (with a keyring) signs the pages into a backup file. */
export async function sealBackup(input: SealInput): Promise<SealedBackup> {
  const { keyring } = input;
  if (input.withInstallationKey && !keyring) throw new Error('encrypting with the installation key needs the keyring');
  if (input.withInstallationKey && input.passphrase) throw new Error('a backup is sealed with one key, not two');
  const compressed = await gzip(input.pages);
  const sealing = input.passphrase
    ? await newEncryption(input.passphrase)
    : input.withInstallationKey && keyring
      ? await newKeyEncryption(keyring)
      : null;
  const encryption: BackupEncryption | BackupKeyEncryption | null = sealing?.encryption ?? null;
  const manifest: BackupManifest = { ...input.manifest, counts: { ...input.counts }, encrypted: encryption !== null };
  const installation = keyring ? (await keyring.info()).installation : undefined;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    manifest,
    ...(installation !== undefined && { installation }),
    body: {
      compression: 'gzip',
      byteLength: compressed.byteLength + (encryption ? GCM_TAG_BYTES : 0),
      unpackedBytes: input.pages.reduce((sum, page) => sum + page.byteLength, 0),
      encryption,
    },
  };
  const headerLine = utf8(JSON.stringify(header));
  const body = sealing ? await encryptBody(sealing.key, sealing.encryption, compressed, headerLine) : compressed;
  if (body.byteLength !== header.body.byteLength) throw new Error('sealed body length differs from the header');
  const newline = utf8('\n');
  const digest = await sha256([headerLine, newline, body]);
  const signature = keyring ? utf8(`hmac-sha256=${toHex(await keyring.sign(digest))}\n`) : new Uint8Array(0);
  const bytes = concatBytes([
    utf8(`${BACKUP_MAGIC}\n`),
    headerLine,
    newline,
    utf8(`sha256=${toHex(digest)}\n`),
    signature,
    body,
  ]);
  return { bytes, manifest };
}

/**
 * A backup of records already in memory: tests, the e2e suite and the benchmark build files with
 * it; the app pages through its tables itself (renderer/db/repositories/backups.ts).
 */
export async function packBackup(
  manifest: BackupManifestInput,
  tables: Readonly<Record<string, readonly unknown[]>>,
  passphrase?: string,
  sealing: Pick<SealInput, 'keyring' | 'withInstallationKey'> = {},
): Promise<SealedBackup> {
  const pages: Uint8Array[] = [];
  const counts: Record<string, number> = {};
  for (const [table, records] of Object.entries(tables)) {
    counts[table] = records.length;
    for (let start = 0; start < records.length; start += BACKUP_PAGE_SIZE) {
      pages.push(encodeBackupPage(table, records.slice(start, start + BACKUP_PAGE_SIZE)));
    }
  }
  return sealBackup({ manifest, counts, pages, passphrase, ...sealing });
}
