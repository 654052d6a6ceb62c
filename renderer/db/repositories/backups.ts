/**
 * Backups of the whole database and their restore (issue 7). The file format, its checks and the
 * upgrade of older backups live in shared/backup; this file reads and writes the tables.
 *
 * Tables are read in pages of BACKUP_PAGE_SIZE inside one read transaction (a consistent snapshot:
 * a write from another window waits until the read ends), and a restore replaces every table in one
 * read-write transaction, so a crash, a closed window or a cancel leaves the data as it was before.
 * dexie-export-import was considered and left: its import refuses a backup of another schema version
 * (Dexie issue #1337: the advice is a temporary database), its JSON reader can cut a multi-byte
 * character at a chunk boundary (issue #2105, every Chinese name at risk), and the manifest,
 * checksum and encryption would have to be wrapped around its Blob anyway.
 */
import type { IndexableType, Table } from 'dexie';
import {
  BACKUP_PAGE_SIZE,
  BackupRefusedError,
  UNBACKED_TABLES,
  backupFileName,
  encodeBackupPage,
  openBackup,
  sealBackup,
  type BackupKind,
  type BackupManifest,
  type BackupOrigin,
  type BackupSealing,
} from '@shared/backup';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/records';
import { DATABASE_NAME, database, type PlannerDatabase } from '../database';
import { putAuditAnchor, readAuditAnchor, recordChange } from '../audit';
import { anchorOfTrail } from '@shared/audit/anchor';
import type { AuditEntry } from '@shared/domain/records';
import { now } from '../clock';
import { hasPlatformKeyring, installationKeyring, rawInstallationKeyring } from '../installation-key';

/** The version of the app, written into every backup (the build defines it; tests have none). */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'development';

/** Dexie keeps its version times ten as IndexedDB's version (and may add one to adjust a schema). */
const DEXIE_VERSION_FACTOR = 10;

/** What long backup work is doing. */
export type BackupPhase = 'reading' | 'packing' | 'checking' | 'saving-current' | 'writing';

export interface BackupProgress {
  phase: BackupPhase;
  /** Records done so far in this phase. */
  done: number;
  total: number;
}

/** A backup made, ready to be saved by the caller (through the bridge). */
export interface MadeBackup {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: BackupManifest;
  /** The name to save it under (shared/backup/file-name.ts). */
  fileName: string;
}

export interface MakeBackupOptions {
  kind: BackupKind;
  /**
   * Encrypts a manual backup when given and not empty; never stored. Automatic backups (every kind
   * but `manual`) are encrypted with the installation's key instead (issue 16, item 4).
   */
  passphrase?: string | undefined;
  onProgress?: ((progress: BackupProgress) => void) | undefined;
  /** Aborting stops the backup; nothing is written anywhere. */
  signal?: AbortSignal | undefined;
}

type AnyTable = Table<Record<string, unknown>, unknown>;

/** Every table a backup holds: all but the rebuildable caches. */
function backedUpTables(db: PlannerDatabase): AnyTable[] {
  return db.tables.filter((table) => !UNBACKED_TABLES.has(table.name)) as AnyTable[];
}

function keyPathOf(table: AnyTable): string {
  const { keyPath } = table.schema.primKey;
  if (typeof keyPath !== 'string') throw new Error(`${table.name}: compound primary keys are not backed up`);
  return keyPath;
}

/** A manual backup takes the person's passphrase choice; every automatic one is sealed with the installation key. */
function sealingFor(kind: BackupKind, passphrase: string | undefined) {
  return kind === 'manual' ? { passphrase } : { withInstallationKey: true };
}

async function operatorName(db: PlannerDatabase): Promise<string> {
  const settings = await db.settings.get(DEFAULT_SETTINGS.id);
  return settings?.operatorName ?? '';
}

/**
 * Reads every table (but `caches`) in one read transaction, in pages, and seals them into a backup
 * file with its manifest and checksum, signed with the installation's key (issue 16, item 2); a
 * manual backup is encrypted when a passphrase is given, an automatic one always, with the
 * installation's key (item 4): it holds resident IDs and health data, and opens only here.
 */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const db = database();
  const tables = backedUpTables(db);
  const pages: Uint8Array[] = [];
  const counts: Record<string, number> = {};
  let operator = '';
  let auditChain: BackupManifest['auditChain'];
  await db.transaction('r', [...tables, db.installation], async () => {
    operator = await operatorName(db);
    auditChain = (await readAuditAnchor(db)) ?? undefined;
    const total = (await Promise.all(tables.map((table) => table.count()))).reduce((sum, n) => sum + n, 0);
    let done = 0;
    options.onProgress?.({ phase: 'reading', done, total });
    for (const table of tables) {
      const keyPath = keyPathOf(table);
      counts[table.name] = 0;
      let last: IndexableType | undefined = undefined;
      for (;;) {
        options.signal?.throwIfAborted();
        const page =
          last === undefined
            ? await table.orderBy(':id').limit(BACKUP_PAGE_SIZE).toArray()
            : await table.where(':id').above(last).limit(BACKUP_PAGE_SIZE).toArray();
        if (page.length === 0) break;
        pages.push(encodeBackupPage(table.name, page));
        counts[table.name] = (counts[table.name] ?? 0) + page.length;
        done += page.length;
        last = page.at(-1)?.[keyPath] as IndexableType | undefined;
        options.onProgress?.({ phase: 'reading', done, total });
        if (page.length < BACKUP_PAGE_SIZE) break;
      }
    }
  });
  options.signal?.throwIfAborted();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  options.onProgress?.({ phase: 'packing', done: total, total });
  const createdAt = now();
  const sealed = await sealBackup({
    manifest: {
      appVersion: APP_VERSION,
      schemaVersion: db.verno,
      createdAt,
      operator,
      kind: options.kind,
      ...(auditChain ? { auditChain } : {}),
    },
    counts,
    pages,
    ...sealingFor(options.kind, options.passphrase),
    keyring: installationKeyring(),
  });
  options.signal?.throwIfAborted();
  return { ...sealed, fileName: backupFileName(options.kind, createdAt) };
}

/** One table's records in the database now and in a backup. */
export interface TableComparison {
  table: string;
  now: number;
  inFile: number;
}

/** What a restore of a file would do, shown before anything changes. */
export interface BackupInspection {
  manifest: BackupManifest;
  tables: TableComparison[];
  /** The schema version the backup was made at, when older than the app's (it is upgraded on the way in). */
  upgradedFrom: number | null;
  /** The database's schema version now, the one the backup would be restored at. */
  schemaVersion: number;
  /**
   * Who made it (issue 16, item 2): anything but `this-installation` restores only once the person
   * confirms a warning that names it (`RestoreOptions.confirmOrigin`).
   */
  origin: BackupOrigin;
  /** This installation's id, to tell the person which one they are on. */
  installation: string;
  sealing: BackupSealing;
}

function openOptions(db: PlannerDatabase) {
  const tables = backedUpTables(db);
  return {
    schemaVersion: db.verno,
    keyPaths: Object.fromEntries(tables.map((table) => [table.name, keyPathOf(table)])),
    // The unique indexes (workers' `&residentId`): a repeat would fail the restore's bulkAdd halfway.
    uniqueFields: Object.fromEntries(
      tables.map((table) => [
        table.name,
        table.schema.indexes.flatMap((index) =>
          index.unique && typeof index.keyPath === 'string' ? [index.keyPath] : [],
        ),
      ]),
    ),
  };
}

/**
 * Verifies a backup file completely (checksum, schema version, passphrase, records) and compares
 * its counts with the database's. Throws a BackupRefusedError (shared/backup) for a file that would
 * be refused; changes nothing.
 */
export async function inspectBackup(bytes: Uint8Array, passphrase?: string): Promise<BackupInspection> {
  const db = database();
  const keyring = installationKeyring();
  const opened = await openBackup(bytes, { ...openOptions(db), passphrase, keyring });
  const names = new Set([...backedUpTables(db).map((table) => table.name), ...opened.tables.keys()]);
  const tables = await Promise.all(
    [...names].map(async (table) => ({
      table,
      now: await db.table(table).count(),
      inFile: opened.tables.get(table)?.length ?? 0,
    })),
  );
  return {
    manifest: opened.manifest,
    tables,
    upgradedFrom: opened.upgradedFrom,
    schemaVersion: db.verno,
    origin: opened.origin,
    installation: (await keyring.info()).installation,
    sealing: opened.sealing,
  };
}

export interface RestoreOptions {
  /**
   * Saves the automatic backup of the current data made before anything is replaced (through the
   * bridge). The restore goes on only once it resolves; if it throws, nothing is replaced.
   */
  keepCurrent: (backup: MadeBackup) => Promise<void>;
  /**
   * The person confirmed the warning that the file is not signed by this installation (made
   * elsewhere, unsigned, or changed since it was made). Without it such a file is refused with
   * `origin-unconfirmed` before anything changes; a file signed here needs no confirmation.
   */
  confirmOrigin?: boolean | undefined;
  onProgress?: ((progress: BackupProgress) => void) | undefined;
  /** Aborting at any point leaves the database as it was: the transaction of the restore is aborted. */
  signal?: AbortSignal | undefined;
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Records written, per table. */
  restored: Record<string, number>;
  upgradedFrom: number | null;
  /** The backup of the data as it was before, as handed to `keepCurrent`. */
  previous: { fileName: string; manifest: BackupManifest };
}

/**
 * Replaces the whole database with a backup's records: verifies the file first (a refused file
 * changes nothing), makes a backup of the current data and hands it to `keepCurrent`, then clears
 * every table (`caches` too, so the workers directory rebuilds its snapshot) and writes the
 * records in ONE transaction, with an audit row for the restore. A cancel or a crash before the
 * commit leaves every table as it was.
 */
export async function restoreBackup(
  bytes: Uint8Array,
  passphrase: string | undefined,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const db = database();
  const { signal, onProgress } = options;
  const opened = await openBackup(bytes, {
    ...openOptions(db),
    passphrase,
    keyring: installationKeyring(),
    signal,
    onProgress: (done, total) => onProgress?.({ phase: 'checking', done, total }),
  });
  signal?.throwIfAborted();
  if (opened.origin.status !== 'this-installation' && options.confirmOrigin !== true) {
    throw new BackupRefusedError('origin-unconfirmed', `${opened.origin.status} restored without confirmation`, {
      params: { status: opened.origin.status, installation: opened.origin.installation ?? '' },
      manifest: opened.manifest,
    });
  }
  const previous = await makeBackup({
    kind: 'before-restore',
    signal,
    onProgress: (progress) => onProgress?.({ ...progress, phase: 'saving-current' }),
  });
  await options.keepCurrent(previous);
  signal?.throwIfAborted();

  const restoredBy = await operatorName(db);
  const tables = backedUpTables(db);
  const restored = Object.fromEntries([...opened.tables].map(([table, records]) => [table, records.length]));
  const total = Object.values(restored).reduce((sum, n) => sum + n, 0);
  // Not `auditedWrite`: a restore replaces the audit table itself and writes every table the schema
  // backs up, listed from the schema so that a new table is restored without anyone naming it here;
  // its one row is chained after the restored rows, in the same transaction.
  await db.transaction('rw', [...tables, db.caches, db.installation], async (transaction) => {
    const abort = () => transaction.abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      signal?.throwIfAborted();
      let done = 0;
      onProgress?.({ phase: 'writing', done, total });
      await Promise.all([...tables, db.caches].map((table) => table.clear()));
      // Every page is asked for at once, so IndexedDB never waits for the page between them (as
      // the roster import does); each reports its progress when written, still uncommitted.
      const writes: Promise<unknown>[] = [];
      for (const [name, records] of opened.tables) {
        const table = db.table(name);
        for (let start = 0; start < records.length; start += BACKUP_PAGE_SIZE) {
          const page = records.slice(start, start + BACKUP_PAGE_SIZE);
          writes.push(
            table.bulkAdd(page).then(() => {
              done += page.length;
              if (!signal?.aborted) onProgress?.({ phase: 'writing', done, total });
            }),
          );
        }
      }
      await Promise.all(writes);
      signal?.throwIfAborted();
      // The restored chain's anchor becomes this installation's (issue 16, item 1): the manifest's,
      // or, for a backup made before anchors, the restored trail's as it stands.
      await putAuditAnchor(
        db,
        opened.manifest.auditChain ?? anchorOfTrail((opened.tables.get('audit') ?? []) as AuditEntry[]),
      );
      await recordChange(db, {
        table: '*',
        recordId: 'backup',
        action: 'restore',
        before: previous.manifest.counts,
        after: {
          restored,
          createdAt: opened.manifest.createdAt,
          kind: opened.manifest.kind,
          operator: opened.manifest.operator,
          appVersion: opened.manifest.appVersion,
          schemaVersion: opened.manifest.schemaVersion,
          encrypted: opened.manifest.encrypted,
          origin: opened.origin.status,
          ...(opened.origin.installation !== null && { installation: opened.origin.installation }),
          restoredBy,
          previousBackup: previous.fileName,
        },
      });
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  });
  return {
    manifest: opened.manifest,
    restored,
    upgradedFrom: opened.upgradedFrom,
    previous: { fileName: previous.fileName, manifest: previous.manifest },
  };
}

/** Resolves with a request's result, rejects with its error. */
function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The database as stored, read before Dexie opens (and so upgrades) it: when the stored schema
 * version is older than this app's, its records are read raw, at their old version, and sealed
 * into a `before-upgrade` backup. Null when there is no database yet or it needs no upgrade.
 * Must run before anything opens the database (renderer/main.tsx awaits it before the first render).
 *
 * Dexie upgrades inside the open request's versionchange transaction and offers no hook before
 * it; a backup made inside an `.upgrade()` function could not be saved before that transaction
 * commits (saving is not an IndexedDB request). So the version is peeked with
 * `indexedDB.databases()` (a few milliseconds, once per start) and the old database read on a
 * raw connection opened without a version, which never upgrades anything.
 */
export async function backupBeforeUpgrade(name: string = DATABASE_NAME): Promise<MadeBackup | null> {
  const target = database().verno;
  if (typeof indexedDB.databases !== 'function') return null;
  const stored = (await indexedDB.databases()).find((info) => info.name === name);
  const storedVersion = Math.floor((stored?.version ?? 0) / DEXIE_VERSION_FACTOR);
  if (!stored || storedVersion < 1 || storedVersion >= target) return null;

  const raw = await requested(indexedDB.open(name));
  try {
    const names = [...raw.objectStoreNames].filter((store) => !UNBACKED_TABLES.has(store));
    const transaction = raw.transaction(names, 'readonly');
    const contents = await Promise.all(
      names.map(async (store) => [store, await requested(transaction.objectStore(store).getAll())] as const),
    );
    const settings = contents.find(([store]) => store === 'settings')?.[1] as Settings[] | undefined;
    const pages: Uint8Array[] = [];
    const counts: Record<string, number> = {};
    for (const [store, records] of contents) {
      counts[store] = records.length;
      for (let start = 0; start < records.length; start += BACKUP_PAGE_SIZE) {
        pages.push(encodeBackupPage(store, records.slice(start, start + BACKUP_PAGE_SIZE)));
      }
    }
    const createdAt = now();
    const sealed = await sealBackup({
      manifest: {
        appVersion: APP_VERSION,
        schemaVersion: storedVersion,
        createdAt,
        operator: settings?.find((s) => s.id === DEFAULT_SETTINGS.id)?.operatorName ?? '',
        kind: 'before-upgrade',
      },
      counts,
      pages,
      withInstallationKey: true,
      // The desktop's key is in main; the browser's is in this very database, read raw here.
      keyring: hasPlatformKeyring() ? installationKeyring() : rawInstallationKeyring(raw),
    });
    return { ...sealed, fileName: backupFileName('before-upgrade', createdAt) };
  } finally {
    raw.close();
  }
}

/** True when any backed-up table holds a record: one short read per table, cheap enough at start. */
export async function hasRecordsToBackUp(): Promise<boolean> {
  const db = database();
  for (const table of backedUpTables(db)) {
    if ((await table.limit(1).count()) > 0) return true;
  }
  return false;
}

/** Records in the database, over every backed-up table: zero means there is nothing to back up. */
export async function countBackedUpRecords(): Promise<number> {
  const db = database();
  const counts = await Promise.all(backedUpTables(db).map((table) => table.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}
