import { BACKUP_HEAD_BYTES, backupsToDelete, parseBackupFileName } from '@shared/backup';
import { BRIDGE_ERRORS } from '@shared/bridge';
import type {
  BackupFileRequest,
  BackupList,
  DeleteBackupResult,
  ReadBackupResult,
  WriteBackupRequest,
  WriteBackupResult,
  OpenFileRequest,
  OpenFileResult,
  OpenSavedFileRequest,
  OpenSavedFileResult,
  PlannerBridge,
  ReportBusyRequest,
  SaveFileRequest,
  SaveFileResult,
} from '@shared/bridge';

function isOnArrayBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer;
}

/**
 * The last file handed to the browser's downloads, to open it in a tab for printing: the browser
 * cannot open a downloaded file with the system's viewer. One is kept, so the bytes of earlier
 * downloads are not held for the session.
 */
let lastSaved: { id: string; blob: Blob } | null = null;

/** The MIME type of a download, so that a tab shows a PDF with the browser's viewer. */
function mimeTypeOf(fileName: string): string {
  return /\.pdf$/i.test(fileName) ? 'application/pdf' : 'application/octet-stream';
}

function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  // Blob takes bytes on an ArrayBuffer only; without cross-origin isolation nothing else occurs, so no copy is made.
  const bytes = isOnArrayBuffer(request.data) ? request.data : new Uint8Array(request.data);
  const blob = new Blob([bytes], { type: mimeTypeOf(request.suggestedName) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.click();
  // The download has started by the time the click returns; revoke later so slow disks still get the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const id = crypto.randomUUID();
  lastSaved = { id, blob };
  return Promise.resolve({ saved: true, fileName: request.suggestedName, savedFileId: id });
}

/** Opens the last download in a new tab (the browser's PDF viewer prints it); nothing else can be opened. */
function openSavedFile(request: OpenSavedFileRequest): Promise<OpenSavedFileResult> {
  if (lastSaved?.id !== request.savedFileId || lastSaved.blob.type !== 'application/pdf') {
    return Promise.resolve({ opened: false });
  }
  const url = URL.createObjectURL(lastSaved.blob);
  const tab = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ opened: tab !== null });
}

function openFile(request: OpenFileRequest): Promise<OpenFileResult> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (file.size > request.maxBytes) return reject(new Error(BRIDGE_ERRORS.fileTooLarge));
      file
        .arrayBuffer()
        .then((buffer) => resolve({ fileName: file.name, data: new Uint8Array(buffer) }))
        .catch(reject);
    });
    input.click();
  });
}

/**
 * The backups made in this tab, newest last: a browser has no data folder, so they live in memory
 * until the tab closes, and the app offers each as a download (issue 7). The same rotation as on
 * disk keeps a long session from piling them up.
 */
const sessionBackups = new Map<string, Uint8Array>();

/** When the last backup was made in this browser profile, across sessions: the daily one is made once a day. */
const LAST_BACKUP_KEY = 'planner.lastBackupAt';

function rememberedLastBackup(): string | null {
  try {
    return localStorage.getItem(LAST_BACKUP_KEY);
  } catch {
    return null;
  }
}

function writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult> {
  const parsed = parseBackupFileName(request.fileName);
  if (!parsed) return Promise.reject(new Error('not the name of a backup file'));
  sessionBackups.set(request.fileName, request.data);
  try {
    const last = rememberedLastBackup();
    if (last === null || last < parsed.createdAt) localStorage.setItem(LAST_BACKUP_KEY, parsed.createdAt);
  } catch {
    // Storage refused (private mode): the next start backs up again, which is harmless.
  }
  const stored = [...sessionBackups.keys()].flatMap((fileName) => {
    const description = parseBackupFileName(fileName);
    return description ? [{ fileName, ...description }] : [];
  });
  const removed = backupsToDelete(stored, new Date().toISOString()).filter((name) => name !== request.fileName);
  for (const name of removed) sessionBackups.delete(name);
  return Promise.resolve({ fileName: request.fileName, size: request.data.byteLength, kept: 'session', removed });
}

function listBackups(): Promise<BackupList> {
  const backups = [...sessionBackups]
    .reverse()
    .map(([fileName, data]) => ({ fileName, size: data.byteLength, head: data.subarray(0, BACKUP_HEAD_BYTES) }));
  const newest = backups
    .map((backup) => parseBackupFileName(backup.fileName)?.createdAt ?? '')
    .sort()
    .at(-1);
  const remembered = rememberedLastBackup();
  const lastBackupAt =
    [newest, remembered]
      .filter((at): at is string => !!at)
      .sort()
      .at(-1) ?? null;
  return Promise.resolve({ kept: 'session', backups, lastBackupAt });
}

function readBackup(request: BackupFileRequest): Promise<ReadBackupResult> {
  const data = sessionBackups.get(request.fileName);
  return Promise.resolve(data ? { fileName: request.fileName, data } : null);
}

function deleteBackup(request: BackupFileRequest): Promise<DeleteBackupResult> {
  return Promise.resolve({ deleted: sessionBackups.delete(request.fileName) });
}

/**
 * The browser has no main process to keep the installation key: the preview's key lives in the
 * database (renderer/db/installation-key.ts), and these calls of the desktop are never made here.
 */
function noMainProcess(): Promise<never> {
  return Promise.reject(new Error('the browser preview keeps its installation key in the database'));
}

/**
 * The sync server's password in the browser preview: kept in this tab's memory only, for the
 * session (the settings card says so); never in IndexedDB.
 */
let sessionSyncPassword: string | null = null;

function storeSyncPassword(request: { password: string }): Promise<{ stored: boolean }> {
  sessionSyncPassword = request.password;
  return Promise.resolve({ stored: true });
}

/** Asks before the tab closes while long work runs: the browser's own question, in its own words. */
function askBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

/** The browser has no window of its own to guard: while work runs, the tab asks before it closes. */
function reportBusy(request: ReportBusyRequest): Promise<null> {
  if (request.work.length > 0) window.addEventListener('beforeunload', askBeforeUnload);
  else window.removeEventListener('beforeunload', askBeforeUnload);
  return Promise.resolve(null);
}

export const browserBridge: PlannerBridge = {
  saveFile,
  openFile,
  openSavedFile,
  writeBackup,
  listBackups,
  readBackup,
  deleteBackup,
  installationInfo: noMainProcess,
  signBackupDigest: noMainProcess,
  wrapBackupKey: noMainProcess,
  unwrapBackupKey: noMainProcess,
  storeSyncPassword,
  readSyncPassword: () => Promise.resolve(sessionSyncPassword === null ? null : { password: sessionSyncPassword }),
  forgetSyncPassword: () => {
    sessionSyncPassword = null;
    return Promise.resolve(null);
  },
  appInfo: () => Promise.resolve({ version: __APP_VERSION__, dataFolder: '', platform: 'web' }),
  // No menu and no files handed over by the system in a browser: nothing to say, nothing to hear.
  setShellLanguage: () => Promise.resolve(null),
  reportBusy,
  readOfferedBackup: () => Promise.resolve(null),
  onCommand: () => () => undefined,
};
