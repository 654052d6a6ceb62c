/**
 * Saving and opening files for the bridge. The dialogs come in as plain functions, so this runs
 * (and is tested) without Electron; main passes `dialog.showSaveDialog` / `dialog.showOpenDialog`.
 *
 * The renderer never names a path: it suggests a file name (validated by fileNameSchema), the user
 * picks the folder in a native dialog, and only the base name goes back.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  BRIDGE_ERRORS,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
} from '@shared/bridge';

/**
 * Stable error messages the renderer can match on. Electron wraps a rejected handler's message
 * ("Error invoking remote method 'planner:open-file': Error: file-too-large"); the preload strips
 * that wrapping, so the page sees exactly these strings, as from the browser bridge.
 */
export const FILE_TOO_LARGE = BRIDGE_ERRORS.fileTooLarge;
export const NOT_A_FILE = BRIDGE_ERRORS.notAFile;

export type FileFilter = SaveFileRequest['filters'][number];

export type SaveDialog = (options: {
  defaultPath: string;
  filters: FileFilter[];
}) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

export type OpenDialog = (options: {
  filters: FileFilter[];
  properties: ['openFile'];
}) => Promise<{ canceled: boolean; filePaths: string[] }>;

/**
 * Asks where to save and writes the bytes there. The bytes go to a temporary file beside the
 * target first and are renamed over it, so a full disk or a crash mid-write leaves the previous
 * file (often last week's backup) intact instead of half-overwritten.
 */
export async function saveWithDialog(
  request: SaveFileRequest,
  environment: {
    documentsFolder: string;
    showSaveDialog: SaveDialog;
    /** Keeps the written path for opening it later (SavedFiles.remember); its id goes back to the renderer. */
    remember?: (path: string) => string;
  },
): Promise<SaveFileResult> {
  const choice = await environment.showSaveDialog({
    defaultPath: join(environment.documentsFolder, request.suggestedName),
    filters: request.filters,
  });
  // Some platforms report a cancel as an empty path rather than canceled: true.
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };

  const target = choice.filePath;
  // A fixed-length name: the user may type a name near the 255-character limit in the dialog.
  const temporary = join(dirname(target), `.planner-${randomUUID()}.part`);
  try {
    await writeFile(temporary, request.data, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const result: SaveFileResult = { saved: true, fileName: basename(target) };
  return environment.remember ? { ...result, savedFileId: environment.remember(target) } : result;
}

/**
 * Asks for one file and reads it, refusing files above `maxBytes` before reading them (and again
 * after, in case the file grew in between), so a mistaken pick of a disk image cannot exhaust memory.
 */
export async function openWithDialog(
  request: OpenFileRequest,
  environment: { showOpenDialog: OpenDialog },
): Promise<OpenFileResult> {
  const choice = await environment.showOpenDialog({ filters: request.filters, properties: ['openFile'] });
  const filePath = choice.canceled ? undefined : choice.filePaths[0];
  if (filePath === undefined || filePath === '') return null;

  return { fileName: basename(filePath), data: await readFileWithin(filePath, request.maxBytes) };
}

/**
 * A file's bytes, refusing anything but a regular file (a FIFO or device picked on Linux would block
 * or never end) and files above `maxBytes`, before reading and again after, in case it grew between.
 */
export async function readFileWithin(filePath: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(NOT_A_FILE);
  if (info.size > maxBytes) throw new Error(FILE_TOO_LARGE);
  const contents = await readFile(filePath);
  if (contents.byteLength > maxBytes) throw new Error(FILE_TOO_LARGE);
  return exactBytes(contents);
}

/**
 * The bytes as a plain Uint8Array. A Buffer that owns its whole ArrayBuffer (what readFile returns
 * for any real file) is viewed without copying, so a 256 MB backup is not held twice; a Buffer cut
 * from Node's shared pool is copied, so no neighbouring bytes of that pool can travel with it.
 */
export function exactBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return new Uint8Array(buffer, 0, bytes.byteLength);
  }
  return new Uint8Array(bytes);
}
