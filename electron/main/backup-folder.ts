/**
 * The automatic (and manual) backups on disk, in `<userData>/backups` (issue 7). No Electron here:
 * main passes the folder, tests a temporary one.
 *
 * Only files named as the app names backups (shared/backup/file-name.ts) are written, listed, read
 * or deleted, and only directly inside the folder: a name is checked again here (the bridge's schema
 * checked it first), resolved, and compared with the folder, and symbolic links are never followed,
 * so a request can reach nothing else on the disk. Writes go to a temporary file that is renamed
 * into place, so a full disk or a crash never leaves half a backup under a backup's name. After
 * each write the rotation deletes the automatic backups it no longer keeps.
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { BACKUP_HEAD_BYTES, backupsToDelete, parseBackupFileName, type StoredBackup } from '@shared/backup';
import {
  MAX_FILE_BYTES,
  type BackupFileRequest,
  type BackupList,
  type DeleteBackupResult,
  type ReadBackupResult,
  type WriteBackupRequest,
  type WriteBackupResult,
} from '@shared/bridge';
import { exactBytes } from './file-dialogs';

/** The folder's name inside the app's data folder. */
export const BACKUP_FOLDER_NAME = 'backups';

const NEWLINE = 0x0a;

/** Bytes up to the end of the third line (magic, header, checksum): all a list needs of a file. */
function headOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  let lines = 0;
  for (let i = 0; i < bytes.byteLength; i++) {
    if (bytes[i] === NEWLINE && ++lines === 3) return exactBytes(bytes.subarray(0, i + 1));
  }
  return exactBytes(bytes);
}

export class BackupFolder {
  private readonly folder: string;

  constructor(
    folder: string,
    /** The time now, as an ISO string (for the rotation's last 24 hours). */
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.folder = nodePath.resolve(folder);
  }

  /** The full path of a backup's file, or null for a name that is not a backup's or leaves the folder. */
  private pathOf(fileName: string): string | null {
    if (parseBackupFileName(fileName) === null) return null;
    const path = nodePath.resolve(this.folder, fileName);
    return nodePath.dirname(path) === this.folder && nodePath.basename(path) === fileName ? path : null;
  }

  /** True when `path` is a regular file itself (not a link to one, not a folder). */
  private async isPlainFile(path: string): Promise<{ size: number } | null> {
    try {
      const info = await lstat(path);
      return info.isFile() ? { size: info.size } : null;
    } catch {
      return null;
    }
  }

  /** The backups in the folder, described by their names. */
  private async stored(): Promise<StoredBackup[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    return names.flatMap((fileName) => {
      const parsed = parseBackupFileName(fileName);
      return parsed ? [{ fileName, ...parsed }] : [];
    });
  }

  /** Writes a backup into the folder, then lets the rotation delete the automatic ones it no longer keeps. */
  async write(request: WriteBackupRequest): Promise<WriteBackupResult> {
    const path = this.pathOf(request.fileName);
    if (path === null) throw new Error('not the name of a backup file');
    if (request.data.byteLength > MAX_FILE_BYTES) throw new Error('backup is too large');
    await mkdir(this.folder, { recursive: true });
    const temporary = nodePath.join(this.folder, `.planner-${randomUUID()}.part`);
    try {
      await writeFile(temporary, request.data, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const removed: string[] = [];
    for (const fileName of backupsToDelete(await this.stored(), this.now())) {
      if (fileName === request.fileName) continue;
      if (await this.remove(fileName)) removed.push(fileName);
    }
    return { fileName: request.fileName, size: request.data.byteLength, kept: 'data-folder', removed };
  }

  /** Every backup in the folder, newest first, with the head of each file for its manifest. */
  async list(): Promise<BackupList> {
    const stored = (await this.stored()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const backups: BackupList['backups'] = [];
    for (const { fileName } of stored) {
      const path = this.pathOf(fileName);
      const file = path === null ? null : await this.isPlainFile(path);
      if (path === null || file === null) continue;
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.min(BACKUP_HEAD_BYTES, file.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
        backups.push({ fileName, size: file.size, head: headOf(buffer.subarray(0, bytesRead)) });
      } finally {
        await handle.close();
      }
    }
    return { kept: 'data-folder', backups, lastBackupAt: stored[0]?.createdAt ?? null };
  }

  /** The bytes of one backup; null when there is no such file (or it is not a plain file, or too large). */
  async read(request: BackupFileRequest): Promise<ReadBackupResult> {
    const path = this.pathOf(request.fileName);
    const file = path === null ? null : await this.isPlainFile(path);
    if (path === null || file === null || file.size > MAX_FILE_BYTES) return null;
    const data = await readFile(path);
    if (data.byteLength > MAX_FILE_BYTES) return null;
    return { fileName: request.fileName, data: exactBytes(data) };
  }

  /** Deletes one backup; false when there was no such file. */
  async delete(request: BackupFileRequest): Promise<DeleteBackupResult> {
    return { deleted: await this.remove(request.fileName) };
  }

  private async remove(fileName: string): Promise<boolean> {
    const path = this.pathOf(fileName);
    if (path === null || (await this.isPlainFile(path)) === null) return false;
    await rm(path);
    return true;
  }
}
