/**
 * Reading and verifying a backup file (layout in format.ts). Every check runs before a caller
 * changes anything: `openBackup` returns the records only once the file is whole, unchanged,
 * decrypted, consistent with its manifest and upgraded to the current schema; anything else throws
 * a BackupRefusedError with the reason.
 */
import { UnpackLimitError, gunzipLines, sha256, toHex, utf8 } from './codec';
import { decryptBody, keyFor, keyFromInstallation } from './crypto';
import { sameBytes, type InstallationKeyring } from './keyring';
import {
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  MAX_HEADER_BYTES,
  MAX_PAGE_LINE_BYTES,
  backupHeaderSchema,
  type BackupHeader,
} from './format';
import type { BackupManifest } from './format';
import { checkBackupRecords, type RecordProblem } from './records';
import { BackupRefusedError } from './refusal';
import { beijingCalendarDate } from '../dates';
import { newestUpgradableVersion, upgradeBackupTables, type BackupTables } from './upgrade';

const NEWLINE = 0x0a;
const MAGIC_LINE = utf8(`${BACKUP_MAGIC}\n`);
const CHECKSUM_LINE = /^sha256=([0-9a-f]{64})$/;
/** `sha256=` and 64 hex digits. */
const CHECKSUM_LINE_BYTES = 71;
const SIGNATURE_LINE = /^hmac-sha256=([0-9a-f]{64})$/;
/** `hmac-sha256=` and 64 hex digits. */
const SIGNATURE_LINE_BYTES = 76;

/** The parts of a backup file, found without reading the body. */
interface BackupParts {
  header: BackupHeader;
  /** The header line's exact bytes: the checksum and the encryption cover them. */
  headerLine: Uint8Array;
  /** Hex SHA-256 from the checksum line (absent when only a head of the file was read). */
  checksum: string | null;
  /** Hex HMAC from the signature line, in files whose header names an installation (format 2). */
  signature: string | null;
  /** Where the body starts. */
  bodyOffset: number;
}

function startsWithMagic(bytes: Uint8Array): 'yes' | 'prefix' | 'no' {
  const length = Math.min(bytes.byteLength, MAGIC_LINE.byteLength);
  for (let i = 0; i < length; i++) if (bytes[i] !== MAGIC_LINE[i]) return 'no';
  return bytes.byteLength >= MAGIC_LINE.byteLength ? 'yes' : 'prefix';
}

/** Index of the next newline at or after `from`, looking no further than `limit` bytes. */
function lineEnd(bytes: Uint8Array, from: number, limit: number): number {
  const end = Math.min(bytes.byteLength, from + limit);
  for (let i = from; i < end; i++) if (bytes[i] === NEWLINE) return i;
  return -1;
}

function parseHeader(line: Uint8Array): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line));
  } catch (error) {
    throw new BackupRefusedError('damaged', 'the header is not JSON', { cause: error });
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BACKUP_FORMAT) {
    throw new BackupRefusedError('unsupported-format', `file format ${format}`, {
      params: { fileFormat: format, appFormat: BACKUP_FORMAT },
    });
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupRefusedError('damaged', 'the header does not describe a backup');
  const header = parsed.data;
  if (header.manifest.encrypted !== (header.body.encryption !== null)) {
    throw new BackupRefusedError('damaged', 'the header contradicts itself about encryption');
  }
  return header;
}

/**
 * The header of a file, or of its first bytes: the list of backups reads only a head of each file
 * (MAX_HEADER_BYTES and a little more are enough). Checks the magic line and the header's shape;
 * with `whole`, also that the checksum line is there.
 */
function readParts(bytes: Uint8Array, whole: boolean): BackupParts {
  if (bytes.byteLength === 0) throw new BackupRefusedError('empty', 'the file holds no byte');
  const magic = startsWithMagic(bytes);
  if (magic === 'no') throw new BackupRefusedError('not-a-backup', 'the first line is not the backup marker');
  if (magic === 'prefix') throw new BackupRefusedError('truncated', 'the file ends inside its first line');
  const headerStart = MAGIC_LINE.byteLength;
  const headerEnd = lineEnd(bytes, headerStart, MAX_HEADER_BYTES + 1);
  if (headerEnd < 0) {
    if (bytes.byteLength - headerStart <= MAX_HEADER_BYTES) {
      throw new BackupRefusedError('truncated', 'the file ends inside its header');
    }
    throw new BackupRefusedError('damaged', 'the header is longer than any backup writes');
  }
  const headerLine = bytes.subarray(headerStart, headerEnd);
  const header = parseHeader(headerLine);
  const checksumStart = headerEnd + 1;
  const checksumEnd = lineEnd(bytes, checksumStart, CHECKSUM_LINE_BYTES + 1);
  if (checksumEnd < 0) {
    if (!whole) return { header, headerLine, checksum: null, signature: null, bodyOffset: checksumStart };
    if (bytes.byteLength - checksumStart <= CHECKSUM_LINE_BYTES) {
      throw new BackupRefusedError('truncated', 'the file ends before its checksum', { manifest: header.manifest });
    }
    throw new BackupRefusedError('damaged', 'the checksum line is missing', { manifest: header.manifest });
  }
  const match = CHECKSUM_LINE.exec(new TextDecoder().decode(bytes.subarray(checksumStart, checksumEnd)));
  if (!match?.[1])
    throw new BackupRefusedError('damaged', 'the checksum line is unreadable', { manifest: header.manifest });
  const checksum = match[1];
  if (header.installation === undefined)
    return { header, headerLine, checksum, signature: null, bodyOffset: checksumEnd + 1 };
  // Format 2: a file that names its installation carries the signature on the next line.
  const signatureStart = checksumEnd + 1;
  const signatureEnd = lineEnd(bytes, signatureStart, SIGNATURE_LINE_BYTES + 1);
  if (signatureEnd < 0) {
    if (!whole) return { header, headerLine, checksum, signature: null, bodyOffset: signatureStart };
    if (bytes.byteLength - signatureStart <= SIGNATURE_LINE_BYTES) {
      throw new BackupRefusedError('truncated', 'the file ends before its signature', { manifest: header.manifest });
    }
    throw new BackupRefusedError('damaged', 'the signature line is missing', { manifest: header.manifest });
  }
  const signed = SIGNATURE_LINE.exec(new TextDecoder().decode(bytes.subarray(signatureStart, signatureEnd)));
  if (!signed?.[1])
    throw new BackupRefusedError('damaged', 'the signature line is unreadable', { manifest: header.manifest });
  return { header, headerLine, checksum, signature: signed[1], bodyOffset: signatureEnd + 1 };
}

/**
 * The manifest of a backup from the first bytes of its file (MAX_HEADER_BYTES + 200 are enough),
 * for lists; throws a BackupRefusedError when the head is not a backup's. Verifies nothing else.
 */
export function readBackupManifest(head: Uint8Array): BackupManifest {
  return readParts(head, false).header.manifest;
}

/** How a backup's body is sealed, as a list shows it. */
export type BackupSealing = 'passphrase' | 'installation-key' | null;

/** What a list shows of a backup, from the first bytes of its file (see readBackupManifest). */
export interface BackupHead {
  manifest: BackupManifest;
  /** The installation the file says made it (format 2), unverified: a list checks no signature. */
  installation: string | null;
  sealing: BackupSealing;
}

function sealingOf(header: BackupHeader): BackupSealing {
  const encryption = header.body.encryption;
  if (!encryption) return null;
  return encryption.kdf === 'installation-key' ? 'installation-key' : 'passphrase';
}

/** The manifest, installation and sealing of a backup from the first bytes of its file. */
export function readBackupHead(head: Uint8Array): BackupHead {
  const { header } = readParts(head, false);
  return { manifest: header.manifest, installation: header.installation ?? null, sealing: sealingOf(header) };
}

/** How many bytes of a file `readBackupManifest` needs at most. */
export const BACKUP_HEAD_BYTES =
  MAGIC_LINE.byteLength + MAX_HEADER_BYTES + 1 + CHECKSUM_LINE_BYTES + 1 + SIGNATURE_LINE_BYTES + 1;

export interface VerifiedBackup {
  header: BackupHeader;
  headerLine: Uint8Array;
  body: Uint8Array;
  /** The SHA-256 of the header line, a newline and the body: what the signature covers. */
  digest: Uint8Array;
  /** The signature line's HMAC, when the file has one. */
  signature: string | null;
}

/**
 * Who made a backup, as far as this installation can tell (issue 16, item 2):
 * - `this-installation`: signed with this installation's key, and unchanged since;
 * - `other-installation`: made by the installation named (its signature can not be checked here);
 * - `bad-signature`: it names this installation, but the signature does not fit: the file was
 *   changed after it was made (records rewritten and the checksum recomputed);
 * - `unsigned`: no signature at all (a file from before format 2, or one with the signature
 *   removed); nothing shows whether it was changed after it was made.
 * Only the first restores without a question.
 */
export const BACKUP_ORIGINS = ['this-installation', 'other-installation', 'bad-signature', 'unsigned'] as const;
export type BackupOriginStatus = (typeof BACKUP_ORIGINS)[number];

export interface BackupOrigin {
  status: BackupOriginStatus;
  /** The installation the file names (null when unsigned). */
  installation: string | null;
}

/** Checks a verified file's signature against this installation's key (absent: every signed file is another's). */
export async function backupOrigin(
  verified: Pick<VerifiedBackup, 'header' | 'digest' | 'signature'>,
  keyring: InstallationKeyring | undefined,
): Promise<BackupOrigin> {
  const installation = verified.header.installation ?? null;
  if (installation === null || verified.signature === null) return { status: 'unsigned', installation };
  const own = keyring ? (await keyring.info()).installation : null;
  if (!keyring || own !== installation) return { status: 'other-installation', installation };
  const expected = await keyring.sign(verified.digest);
  const valid = sameBytes(expected, fromHex(verified.signature));
  return { status: valid ? 'this-installation' : 'bad-signature', installation };
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Checks that a whole file is a backup, complete, and unchanged since it was written (its SHA-256),
 * without a passphrase. Throws a BackupRefusedError otherwise.
 */
export async function verifyBackup(bytes: Uint8Array): Promise<VerifiedBackup> {
  const parts = readParts(bytes, true);
  const { header } = parts;
  const manifest = header.manifest;
  const bodyLength = bytes.byteLength - parts.bodyOffset;
  if (bodyLength < header.body.byteLength) {
    throw new BackupRefusedError('truncated', `${bodyLength} of ${header.body.byteLength} body bytes`, { manifest });
  }
  if (bodyLength > header.body.byteLength) {
    throw new BackupRefusedError('damaged', 'bytes follow the end of the body', { manifest });
  }
  const body = bytes.subarray(parts.bodyOffset);
  const digest = await sha256([parts.headerLine, utf8('\n'), body]);
  if (toHex(digest) !== parts.checksum) {
    throw new BackupRefusedError('checksum-mismatch', 'the SHA-256 of the contents differs', { manifest });
  }
  return { header, headerLine: parts.headerLine, body, digest, signature: parts.signature };
}

export interface OpenBackupOptions {
  /** Needed when the body is encrypted with a passphrase. */
  passphrase?: string | undefined;
  /**
   * This installation's key: checks the signature (BackupOrigin) and opens the automatic backups
   * it sealed. Without it, every signed file counts as another installation's.
   */
  keyring?: InstallationKeyring | undefined;
  /** The database's schema version now (Dexie's verno). */
  schemaVersion: number;
  /** The primary key path of every table a backup may fill, at the current schema version. */
  keyPaths: Readonly<Record<string, string>>;
  /** The fields each table's unique indexes hold (workers' `residentId`): two records may not share a value. */
  uniqueFields?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The day a worker's birth date may not pass, on Beijing's calendar; today when absent. */
  today?: string | undefined;
  /** Records read so far, of the manifest's total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Every table of the backup, at the current schema version. */
  tables: BackupTables;
  /** The schema version the backup was made at, when it was older and has been upgraded. */
  upgradedFrom: number | null;
  /** Who made it, and whether the signature holds. */
  origin: BackupOrigin;
  /** How its body was sealed. */
  sealing: BackupSealing;
}

/** Records checked between two turns of the event loop. */
const CHECK_SLICE = 2000;

/** Resolves after the event loop had a turn (a macrotask: rendering and input run in between). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The first pair of records (1-based positions) that share a value of `field`, or null. */
function firstRepeat(records: readonly unknown[], field: string): { first: number; second: number } | null {
  const seen = new Map<unknown, number>();
  for (let index = 0; index < records.length; index++) {
    const value = (records[index] as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const earlier = seen.get(value);
    if (earlier !== undefined) return { first: earlier + 1, second: index + 1 };
    seen.set(value, index);
  }
  return null;
}

/**
 * Every record as the app could have written it, keys and unique fields unrepeated; throws the
 * first problem as a refusal that names the table, the record and the field.
 */
async function checkRecords(tables: BackupTables, options: OpenBackupOptions, manifest: BackupManifest): Promise<void> {
  const today = options.today ?? beijingCalendarDate(new Date().toISOString());
  for (const [table, records] of tables) {
    const keyPath = options.keyPaths[table];
    if (keyPath === undefined) {
      throw new BackupRefusedError('contents-mismatch', `unknown table ${table}`, { params: { table }, manifest });
    }
    records.forEach((record, index) => {
      const key =
        typeof record === 'object' && record !== null && !Array.isArray(record)
          ? (record as Record<string, unknown>)[keyPath]
          : undefined;
      const valid = (typeof key === 'string' && key.length > 0) || (typeof key === 'number' && Number.isFinite(key));
      if (!valid) {
        throw new BackupRefusedError('invalid-record', `${table} #${index + 1} has no key`, {
          params: { table, record: index + 1, key: '', field: keyPath, problem: 'missing' },
          manifest,
        });
      }
    });
    // In slices, each after a turn of the event loop: 100,000 workers take seconds to check, and
    // the window keeps painting its progress meanwhile.
    let problem: RecordProblem | null = null;
    for (let offset = 0; offset < records.length && !problem; offset += CHECK_SLICE) {
      await nextTurn();
      options.signal?.throwIfAborted();
      problem = checkBackupRecords(table, records.slice(offset, offset + CHECK_SLICE), keyPath, { today, offset });
    }
    if (problem) {
      throw new BackupRefusedError(
        'invalid-record',
        `${table} #${problem.position} (${problem.key}): ${problem.field} ${problem.rule ?? problem.code}`,
        {
          params: {
            ...problem.ruleParams,
            table,
            record: problem.position,
            key: problem.key,
            field: problem.field,
            problem: problem.code,
            ...(problem.rule !== undefined && { rule: problem.rule }),
          },
          manifest,
        },
      );
    }
    for (const field of [keyPath, ...(options.uniqueFields?.[table] ?? [])]) {
      const repeat = firstRepeat(records, field);
      if (repeat) {
        throw new BackupRefusedError(
          'duplicate-value',
          `${table}: #${repeat.first} and #${repeat.second} share ${field}`,
          {
            params: { table, field, ...repeat },
            manifest,
          },
        );
      }
    }
  }
}

/**
 * How far the records' JSON compresses at most: 63 MB of the demo's workers gzip to 10 MB (6.5
 * times), the test factories' near-identical workers 14 times; every record carries random ids, so
 * no table of the app repeats itself much more. A body that unpacks beyond this many times its
 * size is not a backup's.
 */
export const MAX_COMPRESSION_RATIO = 40;
/** Small bodies may compress further (an empty table is a few bytes of JSON); this much is always allowed. */
const MIN_UNPACK_BOUND = 4 * 1024 * 1024;

/**
 * The most text a body may unpack to: what its header declares (files written since issue 16),
 * and never more than MAX_COMPRESSION_RATIO times its compressed length, which bounds a file that
 * declares gigabytes or nothing at all.
 */
export function unpackBound(header: BackupHeader, compressedBytes: number): number {
  const byRatio = Math.max(MIN_UNPACK_BOUND, compressedBytes * MAX_COMPRESSION_RATIO);
  return Math.min(header.body.unpackedBytes ?? byRatio, byRatio);
}

/**
 * Verifies, decrypts, unpacks and checks a backup, and upgrades its records to the current
 * schema. Throws a BackupRefusedError for a file that must not be restored, and the signal's
 * reason when aborted; changes nothing either way.
 */
export async function openBackup(bytes: Uint8Array, options: OpenBackupOptions): Promise<OpenedBackup> {
  const verified = await verifyBackup(bytes);
  const { header, headerLine, body } = verified;
  const { manifest } = header;
  const origin = await backupOrigin(verified, options.keyring);
  if (manifest.schemaVersion > options.schemaVersion) {
    throw new BackupRefusedError('newer-schema', `schema ${manifest.schemaVersion} > ${options.schemaVersion}`, {
      params: { fileVersion: manifest.schemaVersion, appVersion: options.schemaVersion },
      manifest,
    });
  }
  if (options.schemaVersion > newestUpgradableVersion()) {
    throw new RangeError(`no backup upgrade path to schema version ${options.schemaVersion}`);
  }
  options.signal?.throwIfAborted();

  let compressed = body;
  const encryption = header.body.encryption;
  if (encryption?.kdf === 'installation-key') {
    // Sealed with an installation's key (an automatic backup): only that installation opens it.
    const installation = header.installation ?? '';
    if (origin.status === 'other-installation' || origin.status === 'unsigned') {
      throw new BackupRefusedError('other-installation', `sealed by installation ${installation}`, {
        params: { installation },
        manifest,
      });
    }
    const key = options.keyring ? await keyFromInstallation(options.keyring, encryption) : null;
    try {
      if (!key) throw new Error('the installation key does not unwrap the data key');
      compressed = await decryptBody(key, encryption, body, headerLine);
    } catch (error) {
      // This installation's key does not open what claims to be its own: rewritten after it was made.
      throw new BackupRefusedError('contents-mismatch', 'the sealed body does not open', { manifest, cause: error });
    }
  } else if (encryption) {
    if (!options.passphrase) throw new BackupRefusedError('passphrase-required', 'the body is encrypted', { manifest });
    const key = await keyFor(options.passphrase, encryption);
    if (!key) throw new BackupRefusedError('wrong-passphrase', 'the passphrase does not open it', { manifest });
    try {
      compressed = await decryptBody(key, encryption, body, headerLine);
    } catch (error) {
      // The passphrase is right and the checksum fits: the file was rewritten with a new checksum.
      throw new BackupRefusedError('contents-mismatch', 'the sealed body does not open', { manifest, cause: error });
    }
  }
  options.signal?.throwIfAborted();

  const total = Object.values(manifest.counts).reduce((sum, count) => sum + count, 0);
  // Every table the manifest names, the empty ones too: a restore clears a table the backup had empty.
  const tables: BackupTables = new Map(Object.keys(manifest.counts).map((table) => [table, []]));
  const limit = unpackBound(header, compressed.byteLength);
  let done = 0;
  try {
    await gunzipLines(
      compressed,
      (line) => {
        options.signal?.throwIfAborted();
        const page = JSON.parse(line) as { table?: unknown; records?: unknown };
        if (typeof page.table !== 'string' || !Array.isArray(page.records)) throw new SyntaxError('not a page');
        const records = tables.get(page.table);
        const declared = manifest.counts[page.table];
        // Stops at the first page beyond what the manifest declares, not after reading them all.
        if (!records || declared === undefined || records.length + page.records.length > declared) {
          throw new BackupRefusedError('contents-mismatch', `${page.table}: more records than the manifest says`, {
            params: { table: page.table },
            manifest,
          });
        }
        for (const record of page.records as unknown[]) records.push(record);
        done += page.records.length;
        options.onProgress?.(done, total);
      },
      limit,
      // Older files, which declare no size, may hold longer lines: their bound is the ratio alone.
      header.body.unpackedBytes === undefined ? Number.POSITIVE_INFINITY : MAX_PAGE_LINE_BYTES,
    );
  } catch (error) {
    options.signal?.throwIfAborted();
    if (error instanceof BackupRefusedError) throw error;
    if (error instanceof UnpackLimitError) {
      throw new BackupRefusedError('expands-too-much', `stopped at ${error.unpacked} bytes, bound ${limit}`, {
        params: { limit: Math.ceil(limit / 1_000_000) },
        manifest,
        cause: error,
      });
    }
    throw new BackupRefusedError('damaged', 'the body cannot be read', { manifest, cause: error });
  }

  for (const [table, records] of tables) {
    if (manifest.counts[table] !== records.length) {
      throw new BackupRefusedError('contents-mismatch', `${table}: ${records.length} records`, {
        params: { table },
        manifest,
      });
    }
  }

  const upgraded = upgradeBackupTables(tables, manifest.schemaVersion, options.schemaVersion);
  await checkRecords(upgraded, options, manifest);
  return {
    manifest,
    tables: upgraded,
    upgradedFrom: manifest.schemaVersion < options.schemaVersion ? manifest.schemaVersion : null,
    origin,
    sealing: sealingOf(header),
  };
}
