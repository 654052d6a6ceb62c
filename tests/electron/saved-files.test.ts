import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveWithDialog, type SaveDialog } from '@electron/main/file-dialogs';
import { createBridgeRoutes } from '@electron/main/ipc-routes';
import { createLogger } from '@electron/main/logger';
import { SavedFiles, type OpenPath } from '@electron/main/saved-files';
import { bridgeContract } from '@shared/bridge';

let folder: string;

/** The backup methods of the bridge, unused by these tests. */
const noBackups = {
  writeBackup: () => Promise.reject(new Error('not in this test')),
  listBackups: () => Promise.resolve({ kept: 'data-folder' as const, backups: [], lastBackupAt: null }),
  readBackup: () => Promise.resolve(null),
  deleteBackup: () => Promise.resolve({ deleted: false }),
  installationInfo: () => Promise.reject(new Error('not in this test')),
  signBackupDigest: () => Promise.reject(new Error('not in this test')),
  wrapBackupKey: () => Promise.reject(new Error('not in this test')),
  unwrapBackupKey: () => Promise.reject(new Error('not in this test')),
  setShellLanguage: () => Promise.resolve(null),
  reportBusy: () => Promise.resolve(null),
  readOfferedBackup: () => Promise.resolve(null),
  storeSyncPassword: () => Promise.reject(new Error('not in this test')),
  readSyncPassword: () => Promise.resolve(null),
  forgetSyncPassword: () => Promise.resolve(null),
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planner-saved-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function viewer(result = '') {
  return vi.fn<OpenPath>(() => Promise.resolve(result));
}

async function savedPdf(name = '田东县 第1批-乘客名单-2026-02-18.pdf'): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, '%PDF-1.7');
  return path;
}

describe('SavedFiles', () => {
  it('opens a PDF saved this session with the system viewer, by the id the save returned', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    const path = await savedPdf();
    const id = files.remember(path);
    await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: true });
    expect(openPath).toHaveBeenCalledWith(path);
  });

  it('gives every saved file its own id, so an older save can still be opened', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    const first = files.remember(await savedPdf('a.pdf'));
    const second = files.remember(await savedPdf('b.pdf'));
    expect(first).not.toBe(second);
    expect(bridgeContract.openSavedFile.request.safeParse({ savedFileId: first }).success).toBe(true);
    await files.open({ savedFileId: first });
    expect(openPath).toHaveBeenCalledWith(join(folder, 'a.pdf'));
  });

  it('opens nothing for an id it never gave out (another session’s, or made up)', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    files.remember(await savedPdf());
    await expect(files.open({ savedFileId: '00000000-0000-4000-8000-000000000000' })).resolves.toEqual({
      opened: false,
    });
    expect(openPath).not.toHaveBeenCalled();
  });

  it.each(['setup.exe', 'run.bat', 'script.js', 'shortcut.lnk', 'report.pdf.exe', 'no-extension'])(
    'never hands %s to the system, even when this session saved it (an extension typed in the dialog)',
    async (name) => {
      const openPath = viewer();
      const files = new SavedFiles(openPath);
      const id = files.remember(await savedPdf(name));
      await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: false });
      expect(openPath).not.toHaveBeenCalled();
    },
  );

  it('accepts the extension in any case, as Windows does', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    const id = files.remember(await savedPdf('名单.PDF'));
    await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: true });
  });

  it('opens nothing when the file was deleted, or replaced by a folder, since it was saved', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    const path = await savedPdf();
    const id = files.remember(path);
    await rm(path);
    await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: false });
    await mkdir(path);
    await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: false });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('says not opened when the system has no viewer for the file', async () => {
    const files = new SavedFiles(viewer('No application is associated with the specified file'));
    const id = files.remember(await savedPdf());
    await expect(files.open({ savedFileId: id })).resolves.toEqual({ opened: false });
  });
});

describe('saving, then opening through the bridge route', () => {
  it('returns an id with the save, and the route opens exactly that file', async () => {
    const openPath = viewer();
    const files = new SavedFiles(openPath);
    const target = join(folder, '名单.pdf');
    const showSaveDialog = vi.fn<SaveDialog>(() => Promise.resolve({ canceled: false, filePath: target }));
    const saved = await saveWithDialog(
      { suggestedName: '名单.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data: new Uint8Array([37, 80]) },
      { documentsFolder: folder, showSaveDialog, remember: (path) => files.remember(path) },
    );
    expect(saved).toMatchObject({ saved: true, fileName: '名单.pdf' });
    expect(saved.savedFileId).toEqual(expect.any(String));

    const routes = createBridgeRoutes(
      {
        saveFile: () => Promise.resolve({ saved: false }),
        openFile: () => Promise.resolve(null),
        appInfo: () => Promise.resolve({ version: '0', dataFolder: '', platform: 'linux' }),
        openSavedFile: (request) => files.open(request),
        ...noBackups,
      },
      { log: createLogger('test', () => undefined) },
    );
    const route = routes.find((candidate) => candidate.method === 'openSavedFile');
    if (!route) throw new Error('no openSavedFile route');
    const frame = { url: 'app://planner/index.html', isMainFrame: true };
    await expect(route.handle(frame, { savedFileId: saved.savedFileId })).resolves.toEqual({ opened: true });
    expect(openPath).toHaveBeenCalledWith(target);
  });

  it.each([
    ['a path', { savedFileId: '/etc/passwd' }],
    ['a file name', { savedFileId: '名单.pdf' }],
    ['an extra key', { savedFileId: '00000000-0000-4000-8000-000000000000', path: '/tmp/x.pdf' }],
    ['nothing', undefined],
  ])('refuses %s before looking for a file', async (_, payload) => {
    const openSavedFile = vi.fn(() => Promise.resolve({ opened: true }));
    const routes = createBridgeRoutes(
      {
        saveFile: () => Promise.resolve({ saved: false }),
        openFile: () => Promise.resolve(null),
        appInfo: () => Promise.resolve({ version: '0', dataFolder: '', platform: 'linux' }),
        openSavedFile,
        ...noBackups,
      },
      { log: createLogger('test', () => undefined) },
    );
    const route = routes.find((candidate) => candidate.method === 'openSavedFile');
    if (!route) throw new Error('no openSavedFile route');
    await expect(route.handle({ url: 'app://planner/index.html', isMainFrame: true }, payload)).rejects.toThrow(
      /^planner:open-saved-file: invalid request/,
    );
    expect(openSavedFile).not.toHaveBeenCalled();
  });
});
