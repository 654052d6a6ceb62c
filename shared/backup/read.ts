/**
 * Reading and verifying a backup file (layout in format.ts). Every check runs before a caller
 * changes anything: `openBackup` returns the records only once the file is whole, unchanged,
 * decrypted, consistent with its manifest and upgraded to the current schema; anything else throws
 * a BackupRefusedError with the reason.
 */
import { gunzipLines, sha256, toHex, utf8 } from './codec';
import { decryptBody, keyFor } from './crypto';
import { BACKUP_FORMAT, BACKUP_MAGIC, MAX_HEADER_BYTES, backupHeaderSchema, type BackupHeader } from './format';
import type { BackupManifest } from './format';
import { BackupRefusedError } from './refusal';
import { newestUpgradableVersion, upgradeBackupTables, type BackupTables } from './upgrade';

const NEWLINE = 0x0a;
const MAGIC_LINE = utf8(`${BACKUP_MAGIC}\n`);
const CHECKSUM_LINE = /^sha256=([0-9a-f]{64})$/;
/** `sha256=` and 64 hex digits. */
const CHECKSUM_LINE_BYTES = 71;

/** The parts of a backup file, found without reading the body. */
interface BackupParts {
  header: BackupHeader;
  /** The header line's exact bytes: the checksum and the encryption cover them. */
  headerLine: Uint8Array;
  /** Hex SHA-256 from the checksum line (absent when only a head of the file was read). */
  checksum: string | null;
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
    if (!whole) return { header, headerLine, checksum: null, bodyOffset: checksumStart };
    if (bytes.byteLength - checksumStart <= CHECKSUM_LINE_BYTES) {
      throw new BackupRefusedError('truncated', 'the file ends before its checksum', { manifest: header.manifest });
    }
    throw new BackupRefusedError('damaged', 'the checksum line is missing', { manifest: header.manifest });
  }
  const match = CHECKSUM_LINE.exec(new TextDecoder().decode(bytes.subarray(checksumStart, checksumEnd)));
  if (!match?.[1])
    throw new BackupRefusedError('damaged', 'the checksum line is unreadable', { manifest: header.manifest });
  return { header, headerLine, checksum: match[1], bodyOffset: checksumEnd + 1 };
}

/**
 * The manifest of a backup from the first bytes of its file (MAX_HEADER_BYTES + 200 are enough),
 * for lists; throws a BackupRefusedError when the head is not a backup's. Verifies nothing else.
 */
export function readBackupManifest(head: Uint8Array): BackupManifest {
  return readParts(head, false).header.manifest;
}

/** How many bytes of a file `readBackupManifest` needs at most. */
export const BACKUP_HEAD_BYTES = MAGIC_LINE.byteLength + MAX_HEADER_BYTES + 1 + CHECKSUM_LINE_BYTES + 1;

export interface VerifiedBackup {
  header: BackupHeader;
  headerLine: Uint8Array;
  body: Uint8Array;
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
  const actual = toHex(await sha256([parts.headerLine, utf8('\n'), body]));
  if (actual !== parts.checksum) {
    throw new BackupRefusedError('checksum-mismatch', 'the SHA-256 of the contents differs', { manifest });
  }
  return { header, headerLine: parts.headerLine, body };
}

export interface OpenBackupOptions {
  /** Needed when the body is encrypted. */
  passphrase?: string | undefined;
  /** The database's schema version now (Dexie's verno). */
  schemaVersion: number;
  /** The primary key path of every table a backup may fill, at the current schema version. */
  keyPaths: Readonly<Record<string, string>>;
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
}

function checkRecords(
  tables: BackupTables,
  keyPaths: Readonly<Record<string, string>>,
  manifest: BackupManifest,
): void {
  for (const [table, records] of tables) {
    const keyPath = keyPaths[table];
    if (keyPath === undefined) {
      throw new BackupRefusedError('contents-mismatch', `unknown table ${table}`, { params: { table }, manifest });
    }
    const keys = new Set<unknown>();
    for (const record of records) {
      const key =
        typeof record === 'object' && record !== null && !Array.isArray(record)
          ? (record as Record<string, unknown>)[keyPath]
          : undefined;
      const valid = (typeof key === 'string' && key.length > 0) || (typeof key === 'number' && Number.isFinite(key));
      if (!valid || keys.has(key)) {
        throw new BackupRefusedError('contents-mismatch', `a record of ${table} has no key or a repeated one`, {
          params: { table },
          manifest,
        });
      }
      keys.add(key);
    }
  }
}

/**
 * Verifies, decrypts, unpacks and checks a backup, and upgrades its records to the current
 * schema. Throws a BackupRefusedError for a file that must not be restored, and the signal's
 * reason when aborted; changes nothing either way.
 */
export async function openBackup(bytes: Uint8Array, options: OpenBackupOptions): Promise<OpenedBackup> {
  const { header, headerLine, body } = await verifyBackup(bytes);
  const { manifest } = header;
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
  if (encryption) {
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
  let done = 0;
  try {
    await gunzipLines(compressed, (line) => {
      options.signal?.throwIfAborted();
      const page = JSON.parse(line) as { table?: unknown; records?: unknown };
      if (typeof page.table !== 'string' || !Array.isArray(page.records)) throw new SyntaxError('not a page');
      let records = tables.get(page.table);
      if (!records) tables.set(page.table, (records = []));
      for (const record of page.records as unknown[]) records.push(record);
      done += page.records.length;
      options.onProgress?.(done, total);
    });
  } catch (error) {
    options.signal?.throwIfAborted();
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
  checkRecords(upgraded, options.keyPaths, manifest);
  return {
    manifest,
    tables: upgraded,
    upgradedFrom: manifest.schemaVersion < options.schemaVersion ? manifest.schemaVersion : null,
  };
}
