/**
 * The main process's log on disk (issue 21: Help > Open the log folder), rotated by size so that it
 * never grows without end: when the file reaches `maxBytes`, `main.log` becomes `main.1.log`, the
 * older ones move up one, and the oldest beyond `keep` is deleted. A plain function over a small
 * file-system interface, so tests run it on a map; main passes node:fs.
 */
import nodePath from 'node:path';
import type { LogSink } from './logger';

/** The file operations the log needs; synchronous, so that lines stay in order. */
export interface LogFiles {
  /** The file's size in bytes, or null when there is no such file. */
  size(path: string): number | null;
  append(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  makeFolder(path: string): void;
}

export interface Rotation {
  /** The current file is rotated once it holds this many bytes. */
  maxBytes: number;
  /** Older files kept beside the current one. */
  keep: number;
}

/** 1 MB a file and three older ones: a few months of an office's warnings, a few megabytes at most. */
export const LOG_ROTATION: Rotation = { maxBytes: 1024 * 1024, keep: 3 };

/** The log file's name in the logs folder. */
export const LOG_FILE_NAME = 'main.log';

/** The name of the `index`-th older file: main.log → main.1.log, main.2.log… */
export function rotatedName(path: string, index: number): string {
  const extension = nodePath.extname(path);
  return `${path.slice(0, path.length - extension.length)}.${index}${extension}`;
}

/**
 * Rotates when the file is full, before `incoming` more bytes are written. Returns whether it did.
 */
export function rotateIfFull(files: LogFiles, path: string, incoming: number, rotation: Rotation): boolean {
  const size = files.size(path);
  if (size === null || size === 0 || size + incoming <= rotation.maxBytes) return false;
  if (rotation.keep <= 0) {
    files.remove(path);
    return true;
  }
  const oldest = rotatedName(path, rotation.keep);
  if (files.size(oldest) !== null) files.remove(oldest);
  for (let index = rotation.keep - 1; index >= 1; index--) {
    const from = rotatedName(path, index);
    if (files.size(from) !== null) files.rename(from, rotatedName(path, index + 1));
  }
  files.rename(path, rotatedName(path, 1));
  return true;
}

/**
 * A sink that appends each line to the file, rotating as it fills. A log that cannot be written (a
 * full disk, a folder taken away) must never stop the app: the failure is dropped, and the next
 * line tries again.
 */
export function logFileSink(files: LogFiles, path: string, rotation: Rotation = LOG_ROTATION): LogSink {
  let folderMade = false;
  return (_level, line) => {
    const text = `${line}\n`;
    try {
      if (!folderMade) {
        files.makeFolder(nodePath.dirname(path));
        folderMade = true;
      }
      rotateIfFull(files, path, Buffer.byteLength(text), rotation);
      files.append(path, text);
    } catch {
      // Nowhere left to report it: the console sink beside this one still has the line.
    }
  };
}
