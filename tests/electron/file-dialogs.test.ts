import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exactBytes,
  FILE_TOO_LARGE,
  NOT_A_FILE,
  openWithDialog,
  saveWithDialog,
  type OpenDialog,
  type SaveDialog,
} from '@electron/main/file-dialogs';
import { bridgeContract, type OpenFileRequest, type SaveFileRequest } from '@shared/bridge';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planner-file-dialogs-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const pdfFilter = { name: 'PDF', extensions: ['pdf'] };

function makeSaveRequest(overrides: Partial<SaveFileRequest> = {}): SaveFileRequest {
  return {
    suggestedName: '专列名单.pdf',
    filters: [pdfFilter],
    data: new TextEncoder().encode('%PDF-1.7 manifest'),
    ...overrides,
  };
}

function makeOpenRequest(overrides: Partial<OpenFileRequest> = {}): OpenFileRequest {
  return { filters: [{ name: 'Roster', extensions: ['csv', 'xlsx'] }], maxBytes: 1024, ...overrides };
}

function saveDialogChoosing(filePath: string | undefined, canceled = false) {
  return vi.fn<SaveDialog>(() => Promise.resolve({ canceled, filePath }));
}

function openDialogChoosing(filePaths: string[], canceled = false) {
  return vi.fn<OpenDialog>(() => Promise.resolve({ canceled, filePaths }));
}

describe('saveWithDialog', () => {
  it('suggests the name in the documents folder with the request’s filters', async () => {
    const showSaveDialog = saveDialogChoosing(undefined, true);
    await saveWithDialog(makeSaveRequest(), { documentsFolder: '/home/user/Documents', showSaveDialog });
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/user/Documents', '专列名单.pdf'),
      filters: [pdfFilter],
    });
  });

  it('writes the bytes where the user chose and returns only the file name', async () => {
    const target = join(folder, 'chosen name.pdf');
    const result = await saveWithDialog(makeSaveRequest(), {
      documentsFolder: folder,
      showSaveDialog: saveDialogChoosing(target),
    });
    expect(result).toEqual({ saved: true, fileName: 'chosen name.pdf' });
    expect(bridgeContract.saveFile.response.parse(result)).toEqual(result);
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 manifest');
    expect(await readdir(folder)).toEqual(['chosen name.pdf']);
  });

  it('replaces an existing file completely', async () => {
    const target = join(folder, 'backup.json');
    await writeFile(target, 'a much longer previous backup that must not leave a tail behind');
    await saveWithDialog(makeSaveRequest({ data: new TextEncoder().encode('{}') }), {
      documentsFolder: folder,
      showSaveDialog: saveDialogChoosing(target),
    });
    expect(await readFile(target, 'utf8')).toBe('{}');
  });

  it.each([
    ['canceled', saveDialogChoosing(undefined, true)],
    ['closed with an empty path', saveDialogChoosing('')],
  ])('saves nothing when the dialog is %s', async (_, showSaveDialog) => {
    await expect(saveWithDialog(makeSaveRequest(), { documentsFolder: folder, showSaveDialog })).resolves.toEqual({
      saved: false,
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves no partial file behind when the write fails', async () => {
    // A folder where the file should go: the bytes get written, but the final rename fails.
    const target = join(folder, 'taken.pdf');
    await mkdir(target);
    await expect(
      saveWithDialog(makeSaveRequest(), { documentsFolder: folder, showSaveDialog: saveDialogChoosing(target) }),
    ).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['taken.pdf']);
  });
});

describe('openWithDialog', () => {
  it('asks for one existing file with the request’s filters', async () => {
    const showOpenDialog = openDialogChoosing([], true);
    await openWithDialog(makeOpenRequest(), { showOpenDialog });
    expect(showOpenDialog).toHaveBeenCalledWith({
      filters: [{ name: 'Roster', extensions: ['csv', 'xlsx'] }],
      properties: ['openFile'],
    });
  });

  it('returns the file name and its bytes', async () => {
    const source = join(folder, '名单.csv');
    await writeFile(source, '姓名,身份证号\n');
    const result = await openWithDialog(makeOpenRequest(), { showOpenDialog: openDialogChoosing([source]) });
    expect(result?.fileName).toBe('名单.csv');
    expect(new TextDecoder().decode(result?.data)).toBe('姓名,身份证号\n');
    expect(bridgeContract.openFile.response.parse(result)).toEqual(result);
    // A plain Uint8Array, not a Node Buffer: the renderer sees the same type in Electron and browser.
    expect(result?.data.constructor).toBe(Uint8Array);
  });

  it.each([
    ['canceled', openDialogChoosing([join('/', 'x.csv')], true)],
    ['closed without a file', openDialogChoosing([])],
  ])('returns null when the dialog is %s', async (_, showOpenDialog) => {
    await expect(openWithDialog(makeOpenRequest(), { showOpenDialog })).resolves.toBeNull();
  });

  it('reads a file of exactly maxBytes', async () => {
    const source = join(folder, 'exact.csv');
    await writeFile(source, new Uint8Array(1024));
    const result = await openWithDialog(makeOpenRequest({ maxBytes: 1024 }), {
      showOpenDialog: openDialogChoosing([source]),
    });
    expect(result?.data.byteLength).toBe(1024);
  });

  it('refuses a file above maxBytes with the stable code file-too-large', async () => {
    const source = join(folder, 'big.csv');
    await writeFile(source, new Uint8Array(1025));
    await expect(
      openWithDialog(makeOpenRequest({ maxBytes: 1024 }), { showOpenDialog: openDialogChoosing([source]) }),
    ).rejects.toThrow(new Error(FILE_TOO_LARGE));
    expect(FILE_TOO_LARGE).toBe('file-too-large');
  });

  it('refuses something that is not a regular file', async () => {
    await expect(openWithDialog(makeOpenRequest(), { showOpenDialog: openDialogChoosing([folder]) })).rejects.toThrow(
      new Error(NOT_A_FILE),
    );
  });

  it('passes on a missing file as an error, not as an empty file', async () => {
    await expect(
      openWithDialog(makeOpenRequest(), { showOpenDialog: openDialogChoosing([join(folder, 'gone.csv')]) }),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('exactBytes', () => {
  it('views a Buffer that owns its memory without copying', () => {
    const owned = Buffer.alloc(64 * 1024, 7);
    const bytes = exactBytes(owned);
    expect(bytes.buffer).toBe(owned.buffer);
    expect(bytes.byteLength).toBe(owned.byteLength);
    expect(bytes.constructor).toBe(Uint8Array);
  });

  it('copies a Buffer cut from the shared pool, so no neighbouring bytes travel with it', () => {
    const pooled = Buffer.from('abc');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const bytes = exactBytes(pooled);
    expect(bytes.buffer).not.toBe(pooled.buffer);
    expect(bytes.buffer.byteLength).toBe(3);
    expect(Array.from(bytes)).toEqual([97, 98, 99]);
  });
});
