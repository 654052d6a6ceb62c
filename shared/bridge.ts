/**
 * The contract between the renderer and Electron's main process. Both sides derive from the one
 * map below: the preload exposes exactly `PlannerBridge` as `window.planner`, main registers one
 * handler per entry and validates every request against its schema at run time, and the browser
 * build implements the same interface with downloads and file inputs.
 */
import { z } from 'zod';
import { parseBackupFileName } from './backup/file-name';
import { DATA_KEY_BYTES, DIGEST_BYTES, KEY_PROTECTIONS, WRAPPED_KEY_BYTES } from './backup/keyring';
import { fileNameProblem } from './file-name';
import { SYNC_PASSWORD_MAX } from './sync/connection';

/** Largest file the bridge moves in one message (backups of 100,000 workers stay well below). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/))
    .min(1)
    .max(10),
});

/** A plain file name that names no other folder and reads as what it is (shared/file-name.ts). */
export const fileNameSchema = z.string().superRefine((name, context) => {
  const problem = fileNameProblem(name);
  if (problem !== null) context.addIssue({ code: 'custom', message: `file name refused: ${problem}` });
});

/** Any Uint8Array: bytes built in a worker or read from a file may sit on any kind of ArrayBuffer. */
const anyBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array');

const bytesSchema = anyBytes.refine(
  (bytes) => bytes.byteLength <= MAX_FILE_BYTES,
  `file is larger than ${MAX_FILE_BYTES} bytes`,
);

/**
 * Messages a bridge call rejects with, the same inside Electron and in the browser, so the
 * renderer can tell the user what happened in their language.
 */
export const BRIDGE_ERRORS = { fileTooLarge: 'file-too-large', notAFile: 'not-a-file' } as const;

/**
 * What a save hands back so that the file can be opened afterwards with the system's viewer
 * (to print it, issue 6): an opaque id, never a path. Main keeps the paths it saved this session
 * under these ids and opens nothing else.
 */
export const savedFileIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/**
 * The name of a backup in the app's backups folder: only names the app itself gives
 * (shared/backup/file-name.ts), so no request can name another file, a folder or a path.
 */
/** Exactly `length` bytes: the key calls take digests and keys of one size only. */
const bytesOfLength = (length: number) =>
  anyBytes.refine((bytes) => bytes.byteLength === length, `expected exactly ${length} bytes`);

export const backupFileNameSchema = z
  .string()
  .max(100)
  .refine((name) => parseBackupFileName(name) !== null, 'not the name of a backup file');

/**
 * Where the bridge keeps backups: `data-folder` on disk in the app's data folder (Electron), or
 * `session` in memory until the tab closes (the browser build, which offers each one as a download).
 */
export const backupPlaceSchema = z.enum(['data-folder', 'session']);

const storedBackupSchema = z.object({
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  /** The file's first bytes, up to the end of its header: enough to read its manifest. */
  head: anyBytes,
});

/** The languages the app speaks; main words its menu and dialogs in the one the renderer reports. */
export const SHELL_LANGUAGES = ['zh-CN', 'en'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];

/**
 * Long work during which closing the window would lose something (issue 21): the renderer reports
 * which of these are running, and main asks before it closes.
 */
export const BUSY_WORK = ['import', 'restore', 'print'] as const;
export type BusyWork = (typeof BUSY_WORK)[number];

/**
 * A backup file main was asked to open (double-click on a `.ptpbackup`, issue 21): an opaque id,
 * never a path. Main keeps the paths it offered under these ids and reads nothing else.
 */
export const offeredFileIdSchema = savedFileIdSchema;

export const bridgeContract = {
  saveFile: {
    channel: 'planner:save-file',
    request: z
      .object({
        suggestedName: fileNameSchema,
        filters: z.array(fileFilterSchema).max(10),
        data: bytesSchema,
      })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional(), savedFileId: z.string().optional() }),
  },
  openSavedFile: {
    channel: 'planner:open-saved-file',
    request: z.object({ savedFileId: savedFileIdSchema }).strict(),
    /** `opened: false` when the file is not one saved this session, is gone, or no viewer took it. */
    response: z.object({ opened: z.boolean() }),
  },
  openFile: {
    channel: 'planner:open-file',
    request: z
      .object({
        filters: z.array(fileFilterSchema).max(10),
        maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
      })
      .strict(),
    response: z.object({ fileName: z.string(), data: anyBytes }).nullable(),
  },
  writeBackup: {
    channel: 'planner:write-backup',
    request: z.object({ fileName: backupFileNameSchema, data: bytesSchema }).strict(),
    /** `removed`: backups the rotation deleted after this one was written (shared/backup/rotation.ts). */
    response: z.object({
      fileName: z.string(),
      size: z.number().int().nonnegative(),
      kept: backupPlaceSchema,
      removed: z.array(z.string()),
    }),
  },
  listBackups: {
    channel: 'planner:list-backups',
    request: z.undefined(),
    /** Newest first. `lastBackupAt`: when the newest backup was made, in this place or (browser) an earlier session. */
    response: z.object({
      kept: backupPlaceSchema,
      backups: z.array(storedBackupSchema),
      lastBackupAt: z.string().nullable(),
    }),
  },
  readBackup: {
    channel: 'planner:read-backup',
    request: z.object({ fileName: backupFileNameSchema }).strict(),
    /** Null when there is no such backup (any more). */
    response: z.object({ fileName: z.string(), data: anyBytes }).nullable(),
  },
  deleteBackup: {
    channel: 'planner:delete-backup',
    request: z.object({ fileName: backupFileNameSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  /**
   * This installation's key (issue 16, items 2 and 4; electron/main/installation-key.ts): the key
   * stays in main; the renderer may ask for its id, a signature of a 32-byte digest, and the wrap
   * or unwrap of a 32-byte data key, nothing else.
   */
  installationInfo: {
    channel: 'planner:installation-info',
    request: z.undefined(),
    response: z.object({ installation: z.string(), protection: z.enum(KEY_PROTECTIONS) }),
  },
  signBackupDigest: {
    channel: 'planner:sign-backup-digest',
    request: z.object({ digest: bytesOfLength(DIGEST_BYTES) }).strict(),
    response: z.object({ signature: anyBytes }),
  },
  wrapBackupKey: {
    channel: 'planner:wrap-backup-key',
    request: z.object({ dataKey: bytesOfLength(DATA_KEY_BYTES) }).strict(),
    response: z.object({ wrapped: anyBytes }),
  },
  /** Null when the key was not wrapped by this installation (or was changed). */
  unwrapBackupKey: {
    channel: 'planner:unwrap-backup-key',
    request: z.object({ wrapped: bytesOfLength(WRAPPED_KEY_BYTES) }).strict(),
    response: z.object({ dataKey: anyBytes }).nullable(),
  },
  /**
   * The sync server's password (issue 20, electron/main/sync-password.ts): main keeps it encrypted
   * with the system's store, never in IndexedDB. Storing is refused (`stored: false`) where the
   * system cannot encrypt it; reading answers null when none is kept.
   */
  storeSyncPassword: {
    channel: 'planner:store-sync-password',
    request: z.object({ password: z.string().min(1).max(SYNC_PASSWORD_MAX) }).strict(),
    response: z.object({ stored: z.boolean() }),
  },
  readSyncPassword: {
    channel: 'planner:read-sync-password',
    request: z.undefined(),
    response: z.object({ password: z.string() }).nullable(),
  },
  forgetSyncPassword: {
    channel: 'planner:forget-sync-password',
    request: z.undefined(),
    response: z.null(),
  },
  appInfo: {
    channel: 'planner:app-info',
    request: z.undefined(),
    response: z.object({ version: z.string(), dataFolder: z.string(), platform: z.string() }),
  },
  /** The language the person chose: main words its menu and its dialogs in it (default zh-CN). */
  setShellLanguage: {
    channel: 'planner:set-shell-language',
    request: z.object({ language: z.enum(SHELL_LANGUAGES) }).strict(),
    response: z.null(),
  },
  /** The long work running now (none: an empty list); main asks before closing while any runs. */
  reportBusy: {
    channel: 'planner:report-busy',
    request: z
      .object({
        work: z
          .array(z.enum(BUSY_WORK))
          .max(BUSY_WORK.length)
          .refine((work) => new Set(work).size === work.length, 'work named twice'),
      })
      .strict(),
    response: z.null(),
  },
  /**
   * The bytes of a backup file main offered with a `restore-file` command, by the id it sent; null
   * for any other id, or when the file is gone or too large. No call reads a path the renderer names.
   */
  readOfferedBackup: {
    channel: 'planner:read-offered-backup',
    request: z.object({ offeredFileId: offeredFileIdSchema }).strict(),
    response: z.object({ fileName: z.string(), data: anyBytes }).nullable(),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeRequest<M extends BridgeMethod> = z.infer<BridgeContract[M]['request']>;
export type BridgeResponse<M extends BridgeMethod> = z.infer<BridgeContract[M]['response']>;

export type SaveFileRequest = BridgeRequest<'saveFile'>;
export type SaveFileResult = BridgeResponse<'saveFile'>;
export type OpenFileRequest = BridgeRequest<'openFile'>;
export type OpenFileResult = BridgeResponse<'openFile'>;
export type AppInfo = BridgeResponse<'appInfo'>;
export type OpenSavedFileRequest = BridgeRequest<'openSavedFile'>;
export type OpenSavedFileResult = BridgeResponse<'openSavedFile'>;
export type WriteBackupRequest = BridgeRequest<'writeBackup'>;
export type WriteBackupResult = BridgeResponse<'writeBackup'>;
export type BackupList = BridgeResponse<'listBackups'>;
export type StoredBackupFile = BackupList['backups'][number];
export type BackupFileRequest = BridgeRequest<'readBackup'>;
export type ReadBackupResult = BridgeResponse<'readBackup'>;
export type DeleteBackupResult = BridgeResponse<'deleteBackup'>;

export type ReadOfferedBackupResult = BridgeResponse<'readOfferedBackup'>;
export type ReportBusyRequest = BridgeRequest<'reportBusy'>;

/**
 * What the application menu, or the system, asks of the renderer (issue 21): main sends these one
 * way, on one channel, and the renderer checks each against this closed list before acting on it.
 * `restore-file` carries the id of a backup file the person opened from outside the app.
 */
export const SHELL_COMMANDS = ['back-up', 'restore', 'print', 'restore-file'] as const;
export type ShellCommandName = (typeof SHELL_COMMANDS)[number];

export const shellCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('back-up') }).strict(),
  z.object({ command: z.literal('restore') }).strict(),
  z.object({ command: z.literal('print') }).strict(),
  z.object({ command: z.literal('restore-file'), offeredFileId: offeredFileIdSchema }).strict(),
]);
export type ShellCommand = z.infer<typeof shellCommandSchema>;

/**
 * The messages main sends to the renderer, one way: each is exposed by the preload as a function
 * that takes a listener and returns its unsubscribe, and only that.
 */
export const bridgeEvents = {
  onCommand: { channel: 'planner:command', payload: shellCommandSchema },
} as const;
export type BridgeEvents = typeof bridgeEvents;
export type BridgeEventName = keyof BridgeEvents;
export type BridgeEventPayload<E extends BridgeEventName> = z.infer<BridgeEvents[E]['payload']>;

/** What `window.planner` offers: one async function per contract entry, and one subscription per event. */
export type PlannerBridge = {
  [M in BridgeMethod]: BridgeRequest<M> extends undefined
    ? () => Promise<BridgeResponse<M>>
    : (request: BridgeRequest<M>) => Promise<BridgeResponse<M>>;
} & {
  [E in BridgeEventName]: (listener: (payload: BridgeEventPayload<E>) => void) => () => void;
};
