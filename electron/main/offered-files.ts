/**
 * Backup files the person opened from outside the app (a double-click on a `.ptpbackup`, issue 21),
 * offered to the renderer by an opaque id: the renderer may read exactly the files main offered,
 * by their ids, and never names a path itself. Pure of Electron.
 */
import { randomUUID } from 'node:crypto';
import nodePath from 'node:path';
import type { ReadOfferedBackupResult } from '@shared/bridge';
import { readFileWithin } from './file-dialogs';
import { isBackupPath } from './launch-file';

/** A session opens a handful of files at most; the oldest ids are forgotten beyond this. */
const MAX_OFFERED = 20;

export class OfferedFiles {
  private readonly paths = new Map<string, string>();

  constructor(private readonly maxBytes: number) {}

  /** Remembers a backup's path and returns the id to send; null for a path that is not a backup's. */
  offer(path: string): string | null {
    if (!isBackupPath(path)) return null;
    const id = randomUUID();
    this.paths.set(id, path);
    if (this.paths.size > MAX_OFFERED) {
      const oldest = this.paths.keys().next();
      if (!oldest.done) this.paths.delete(oldest.value);
    }
    return id;
  }

  /** The offered file's bytes; null for an id main never sent, or a file that is gone or not a plain file. */
  async read(offeredFileId: string): Promise<ReadOfferedBackupResult> {
    const path = this.paths.get(offeredFileId);
    if (path === undefined) return null;
    try {
      return { fileName: nodePath.basename(path), data: await readFileWithin(path, this.maxBytes) };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
  }
}
