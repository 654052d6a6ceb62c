/**
 * The backup file of the planner (issue 7): one file that holds every table, readable without the
 * app for someone who has to rescue data by hand, and checkable before anything is changed.
 *
 * Layout (UTF-8):
 * ```
 * POINT-TO-POINT-PLANNER-BACKUP\n    the magic line: anything else is "not a backup"
 * {"format":1,"manifest":{…},"body":{…}}\n    the header: what the file holds, in clear
 * sha256=<64 hex digits>\n    SHA-256 of the header line, a newline, and the body
 * hmac-sha256=<64 hex digits>\n    (format 2, when the header names an installation) the signature
 * <body>    `body.byteLength` bytes: gzip of the records, then AES-GCM when encrypted
 * ```
 * Format 2 (issue 16, items 2 and 4) adds who made the file and how far it can be trusted:
 * - `installation` in the header: the random id of the installation that made it, whose key
 *   (keyring.ts) signs the file: HMAC-SHA-256, with the installation's key, of the 32 bytes whose
 *   hex is on the `sha256=` line. The SHA-256 alone finds damage; anyone can recompute it after
 *   editing records. The signature can only be made with the key, which never leaves the
 *   installation, so a restore knows a file made here and unchanged since from everything else
 *   (made elsewhere, unsigned, or changed after it was made) and says which before going on.
 * - `body.encryption` is either a passphrase's (PBKDF2, as in format 1) or the installation's
 *   (`kdf: 'installation-key'`): a random AES-256 data key encrypts the body, and the key, wrapped
 *   by the installation key, is in the header. Automatic backups are sealed so: they restore on
 *   this installation without a question and open nowhere else. Both use the header line as
 *   AES-GCM's additional data, so an edited header does not open either.
 * Files of format 1 (no installation, no signature line) are still read: they count as unsigned.
 * The body, once decrypted and gunzipped, is one JSON line per page of records:
 * `{"table":"workers","records":[…]}`. Pages keep memory flat and let a restore show progress; a
 * table may span many lines, in primary-key order.
 *
 * Why this and not a zip or dexie-export-import's JSON: the header can be read from the first few
 * kilobytes (the settings page lists backups without reading 10 MB each), gzip is built into every
 * browser and Node (CompressionStream, no dependency: 63 MB of JSON for 100,000 workers becomes
 * 10 MB in about a second), and the checksum covers the exact bytes written, with no
 * canonicalisation to get wrong.
 *
 * The manifest stays in clear when the body is encrypted, so that a list of backups can show their
 * dates and counts: it holds counts, times, versions and the operator's name, never a record.
 */
import { z } from 'zod';
import type { Timestamp } from '../domain/records';
import { auditAnchorSchema, type AuditAnchor } from '../audit/anchor';

/** The first line of every backup file. */
export const BACKUP_MAGIC = 'POINT-TO-POINT-PLANNER-BACKUP';

/** The version of this layout; a file with a higher one was written by a newer app. */
export const BACKUP_FORMAT = 2;

/** The file name extension of backups (without the dot). */
export const BACKUP_EXTENSION = 'ptpbackup';

/** Longest header accepted: a manifest is about 1 kB, and a list reads only the first bytes of each file. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Why a backup was made: the newest 30 manual ones are kept, the others rotate (rotation.ts). A
 * `before-anonymise` backup still holds the personal data that the anonymisation removed (issue 7,
 * privacy): it rotates away like the other automatic ones, so it is not kept beyond four weeks.
 */
export const BACKUP_KINDS = [
  'manual',
  'automatic-start',
  'before-upgrade',
  'before-restore',
  'before-anonymise',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** PBKDF2 rounds for a new encrypted backup: OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
export const PBKDF2_ITERATIONS = 600_000;
/** Rounds a file may ask for: fewer is too weak to trust, more would freeze the app on a crafted file. */
export const PBKDF2_ITERATIONS_RANGE = { min: 100_000, max: 10_000_000 } as const;

/** What a backup says about itself. */
export interface BackupManifest {
  /** Version of the app that wrote it (package.json). */
  appVersion: string;
  /** The database schema version (Dexie's verno) its records were read at. */
  schemaVersion: number;
  createdAt: Timestamp;
  /** The operator named in settings when it was made ('' when none was set). */
  operator: string;
  kind: BackupKind;
  /** Records per table, every table backed up (zero included). */
  counts: Record<string, number>;
  /** True when the body is encrypted with a passphrase. */
  encrypted: boolean;
  /** Where the audit chain it holds began and ended (shared/audit/anchor.ts); absent in older backups. */
  auditChain?: AuditAnchor | undefined;
}

/** How an encrypted body was sealed: everything needed to open it except the passphrase. */
export interface BackupEncryption {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** Base64 of the 16-byte random salt. */
  salt: string;
  cipher: 'AES-GCM-256';
  /** Base64 of the 12-byte random IV. */
  iv: string;
  /**
   * Hex SHA-256 of the second half of the derived bits (the first half is the key): tells a wrong
   * passphrase from a damaged body, and costs a guesser as much as trying to decrypt.
   */
  check: string;
}

/**
 * (format 2) How a body encrypted with the installation's key was sealed: the data key that
 * encrypts it, wrapped by the installation key (keyring.ts), and the IV. Only the installation
 * named in the header can unwrap it. The manifest's `encrypted` is true for these bodies too
 * (a list tells the two apart by `body.encryption.kdf`, read.ts's readBackupHead).
 */
export interface BackupKeyEncryption {
  kdf: 'installation-key';
  cipher: 'AES-GCM-256';
  /** Base64 of the 12-byte random IV of the body. */
  iv: string;
  /** Base64 of the wrapped data key (60 bytes: IV, encrypted key, tag). */
  wrappedKey: string;
}

export interface BackupHeader {
  format: number;
  manifest: BackupManifest;
  /**
   * (format 2) The id of the installation that made and signed the file: a `hmac-sha256=` line
   * follows the checksum. Absent in format 1 files and in files built without a key (tests).
   */
  installation?: string | undefined;
  body: {
    compression: 'gzip';
    /** Length of the body in bytes: a shorter file was cut off. */
    byteLength: number;
    /**
     * Length of the body's text once unpacked, in bytes (issue 16, item 8): the reading stops at
     * the first byte beyond it. Absent in files written before it was (read.ts bounds those by
     * the body's length).
     */
    unpackedBytes?: number | undefined;
    encryption: BackupEncryption | BackupKeyEncryption | null;
  };
}

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The header as this app reads it: anything else in that line is a damaged file. */
export const backupHeaderSchema = z.object({
  format: z.number().int().positive(),
  manifest: z.object({
    appVersion: z.string().max(50),
    schemaVersion: z.number().int().positive(),
    createdAt: timestamp,
    operator: z.string().max(200),
    kind: z.enum(BACKUP_KINDS),
    counts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/), z.number().int().nonnegative()),
    encrypted: z.boolean(),
    auditChain: auditAnchorSchema.optional(),
  }),
  body: z.object({
    compression: z.literal('gzip'),
    byteLength: z.number().int().nonnegative(),
    unpackedBytes: z.number().int().nonnegative().optional(),
    encryption: z
      .discriminatedUnion('kdf', [
        z.object({
          kdf: z.literal('PBKDF2-SHA-256'),
          iterations: z.number().int().min(PBKDF2_ITERATIONS_RANGE.min).max(PBKDF2_ITERATIONS_RANGE.max),
          salt: base64,
          cipher: z.literal('AES-GCM-256'),
          iv: base64,
          check: z.string().regex(/^[0-9a-f]{64}$/),
        }),
        z.object({
          kdf: z.literal('installation-key'),
          cipher: z.literal('AES-GCM-256'),
          iv: base64,
          wrappedKey: base64,
        }),
      ])
      .nullable(),
  }),
  // Format 2: the installation that made and signed the file.
  installation: uuid.optional(),
});

/** One line of the body. */
export interface BackupPage {
  table: string;
  records: unknown[];
}

/** Records per body line: about 3 MB of JSON for workers, a step of progress each. */
export const BACKUP_PAGE_SIZE = 5000;

/**
 * Longest body line the app writes (a page of records with long texts is split to stay under it):
 * a file that declares its unpacked size (issue 16, item 8) is refused at a longer line.
 */
export const MAX_PAGE_LINE_BYTES = 16 * 1024 * 1024;
