/**
 * The Electron binary cannot run here, so this loads electron/main/index.ts against a stand-in
 * `electron` module and checks the wiring that the pure modules cannot: the scheme registered
 * before ready, the window's webPreferences, the guards on every webContents, one IPC handler per
 * contract channel, and the app:// handler answering with the CSP.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract, bridgeEvents } from '@shared/bridge';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  // Set before main loads, to prove that the packaged app ignores it.
  process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';

  function makeEmitter() {
    const listeners = new Map<string, Listener[]>();
    const emitter = {
      listeners,
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return emitter;
      },
      once(event: string, listener: Listener) {
        return emitter.on(event, listener);
      },
      emit(event: string, ...args: unknown[]) {
        for (const listener of listeners.get(event) ?? []) listener(...args);
      },
    };
    return emitter;
  }

  const calls: string[] = [];
  const app = Object.assign(makeEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    isReady: vi.fn(() => true),
    quit: vi.fn(),
    // Pointed at a temporary folder before main loads: main writes its log and the window's place there.
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
  });
  const windows: { options: Record<string, unknown>; window: ReturnType<typeof makeWindow> }[] = [];
  function makeWindow() {
    return Object.assign(makeEmitter(), {
      webContents: Object.assign(makeEmitter(), {
        isLoading: vi.fn(() => false),
        send: vi.fn<(channel: string, payload: unknown) => void>(),
      }),
      loadURL: vi.fn(() => Promise.resolve()),
      show: vi.fn(),
      focus: vi.fn(),
      restore: vi.fn(),
      close: vi.fn(),
      maximize: vi.fn(),
      isMinimized: vi.fn(() => false),
      isMaximized: vi.fn(() => false),
      getNormalBounds: vi.fn(() => ({ x: 100, y: 50, width: 1300, height: 760 })),
    });
  }
  // Called with `new` by main; returning an object from a constructor function makes that the instance.
  const BrowserWindow = vi.fn(function BrowserWindow(options: Record<string, unknown>) {
    const window = makeWindow();
    windows.push({ options, window });
    return window;
  });
  const permissionRequestHandler: { current?: Listener } = {};
  const permissionCheckHandler: { current?: Listener } = {};
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, Listener>();
  return {
    calls,
    windows,
    protocolHandlers,
    ipcHandlers,
    permissionRequestHandler,
    permissionCheckHandler,
    makeEmitter,
    electron: {
      app,
      BrowserWindow,
      dialog: {
        showSaveDialog: vi.fn(),
        showOpenDialog: vi.fn(),
        showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0 })),
      },
      ipcMain: { handle: vi.fn((channel: string, listener: Listener) => ipcHandlers.set(channel, listener)) },
      // The built menu is the template itself, so the test can read its items and click them.
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
      screen: {
        getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
        getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      },
      shell: { openPath: vi.fn(() => Promise.resolve('')) },
      net: {
        fetch: vi.fn(() =>
          Promise.resolve(new Response('<!doctype html>', { headers: { 'Content-Type': 'application/octet-stream' } })),
        ),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
          protocolHandlers.set(scheme, handler),
        ),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn((handler: Listener) => {
            permissionRequestHandler.current = handler;
          }),
          setPermissionCheckHandler: vi.fn((handler: Listener) => {
            permissionCheckHandler.current = handler;
          }),
        },
      },
    },
  };
});

vi.mock('electron', () => fake.electron);
// Pretend every resolved path is a file, so the handler's fetch can be observed without a build.
vi.mock('node:fs/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof FsPromises>()),
  stat: vi.fn(() => Promise.resolve({ isFile: () => true })),
}));

const mainFolder = join(import.meta.dirname, '../../electron/main');

/** Calls a bridge channel as the app's main frame does. */
function callBridge(channel: string, payload: unknown): Promise<unknown> {
  const mainFrame = { url: 'app://planner/index.html', parent: null, processId: 4, routingId: 1 };
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: mainFrame, sender: { mainFrame } }, payload) as Promise<unknown>;
}

interface BuiltItem {
  label?: string;
  click?: () => void;
  submenu?: BuiltItem[];
}

/** The labels of the menu main set last. */
function topLabels(): (string | undefined)[] {
  const menu = fake.electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as BuiltItem[] | undefined;
  return (menu ?? []).map((item) => item.label);
}

/** Clicks the item of the current menu with this label. */
function clickMenu(label: string): void {
  const menu = (fake.electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] ?? []) as BuiltItem[];
  const items = (entries: BuiltItem[]): BuiltItem[] => entries.flatMap((item) => [item, ...items(item.submenu ?? [])]);
  const found = items(menu).find((item) => item.label === label);
  if (!found?.click) throw new Error(`no menu item ${label}`);
  found.click();
}

function preventable(url: string) {
  return { url, preventDefault: vi.fn() };
}

const folder = mkdtempSync(join(tmpdir(), 'planner-main-'));
const pathOf = (name: string) => join(folder, name);

beforeAll(async () => {
  fake.electron.app.getPath.mockImplementation(pathOf);
  // The refusals are logged on purpose; keep them out of the test report.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  await import('@electron/main/index');
  // Let whenReady().then(start) run.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  delete process.env['ELECTRON_RENDERER_URL'];
  vi.restoreAllMocks();
});

describe('main process wiring', () => {
  it('registers app:// as privileged and sandboxes every renderer before ready', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('whenReady'));
  });

  it('opens one locked-down window on the app origin', () => {
    expect(fake.windows).toHaveLength(1);
    const [{ options, window }] = fake.windows as [(typeof fake.windows)[number]];
    expect(options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      title: '点对点专列规划',
      show: false,
    });
    expect(options['webPreferences']).toEqual({
      preload: join(mainFolder, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    // Packaged: the dev server variable is never consulted.
    expect(window.loadURL).toHaveBeenCalledWith('app://planner/index.html');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('brings the existing window forward when the app is started a second time', () => {
    const [{ window }] = fake.windows as [(typeof fake.windows)[number]];
    window.focus.mockClear();
    fake.electron.app.emit('second-instance', {}, ['C:\\planner.exe']);
    expect(window.focus).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
  });

  it('sets the application menu in Chinese, and again in English once the page says so', async () => {
    expect(topLabels()).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
    await callBridge(bridgeContract.setShellLanguage.channel, { language: 'en' });
    expect(topLabels()).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    await expect(callBridge(bridgeContract.setShellLanguage.channel, { language: 'fr' })).rejects.toThrow(
      'invalid request',
    );
    await callBridge(bridgeContract.setShellLanguage.channel, { language: 'zh-CN' });
  });

  it('sends File > Print and File > Back up to the page as commands', () => {
    const [{ window }] = fake.windows as [(typeof fake.windows)[number]];
    window.webContents.send.mockClear();
    clickMenu('打印…');
    clickMenu('备份…');
    expect(window.webContents.send.mock.calls).toEqual([
      [bridgeEvents.onCommand.channel, { command: 'print' }],
      [bridgeEvents.onCommand.channel, { command: 'back-up' }],
    ]);
  });

  it('shows the version and the data folder in the about box', () => {
    clickMenu('关于点对点专列规划');
    const options = fake.electron.dialog.showMessageBox.mock.calls.at(-1)?.at(-1) as { detail: string };
    expect(options.detail).toContain('0.1.0');
    expect(options.detail).toContain(pathOf('userData'));
  });

  it('opens a backup file double-clicked while the app runs in the restore dialog, readable by its id only', async () => {
    const [{ window }] = fake.windows as [(typeof fake.windows)[number]];
    const backup = join(folder, '备份 2026-12-08.ptpbackup');
    writeFileSync(backup, 'PTPBACKUP');
    window.webContents.send.mockClear();
    window.focus.mockClear();
    fake.electron.app.emit('second-instance', {}, ['C:\\planner.exe', '--allow-file-access-from-files', backup]);
    expect(window.focus).toHaveBeenCalled();
    const [channel, command] = window.webContents.send.mock.calls[0] ?? [];
    expect(channel).toBe(bridgeEvents.onCommand.channel);
    const { offeredFileId } = command as { offeredFileId: string };
    expect(command).toEqual({ command: 'restore-file', offeredFileId });
    expect(offeredFileId).toMatch(/^[0-9a-f-]{36}$/);
    const read = (await callBridge(bridgeContract.readOfferedBackup.channel, { offeredFileId })) as {
      fileName: string;
      data: Uint8Array;
    };
    expect(read.fileName).toBe('备份 2026-12-08.ptpbackup');
    await expect(
      callBridge(bridgeContract.readOfferedBackup.channel, { offeredFileId: '00000000-0000-4000-8000-000000000000' }),
    ).resolves.toBeNull();
    await expect(callBridge(bridgeContract.readOfferedBackup.channel, { path: backup })).rejects.toThrow(
      'invalid request',
    );
  });

  it('asks before closing during an import, in the person’s language, and closes on "close anyway"', async () => {
    const [{ window }] = fake.windows as [(typeof fake.windows)[number]];
    await callBridge(bridgeContract.reportBusy.channel, { work: ['import'] });
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    const closing = { preventDefault: vi.fn() };
    window.emit('close', closing);
    expect(closing.preventDefault).toHaveBeenCalled();
    const question = fake.electron.dialog.showMessageBox.mock.calls.at(-1)?.at(-1) as { buttons: string[] };
    expect(question.buttons).toEqual(['继续工作', '仍然关闭']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.close).toHaveBeenCalled();

    await callBridge(bridgeContract.reportBusy.channel, { work: [] });
    const quiet = { preventDefault: vi.fn() };
    window.emit('close', quiet);
    expect(quiet.preventDefault).not.toHaveBeenCalled();
  });

  it('saves the window’s place when it closes', () => {
    expect(JSON.parse(readFileSync(join(pathOf('userData'), 'window-state.json'), 'utf8'))).toEqual({
      x: 100,
      y: 50,
      width: 1300,
      height: 760,
      maximized: false,
    });
  });

  it('denies every permission but persistent storage and copying, and those only to the app', () => {
    const ask = (permission: string, requestingUrl: string): unknown => {
      const callback = vi.fn();
      fake.permissionRequestHandler.current?.({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0];
    };
    expect(ask('media', 'app://planner/index.html')).toBe(false);
    expect(ask('persistent-storage', 'app://planner/index.html')).toBe(true);
    expect(ask('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(fake.permissionCheckHandler.current?.({}, 'clipboard-read', 'app://planner', {})).toBe(false);
    expect(fake.permissionCheckHandler.current?.({}, 'persistent-storage', 'app://planner', {})).toBe(true);
  });

  it('guards navigation, redirects, new windows and webviews of every webContents', () => {
    const contents = Object.assign(fake.makeEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.electron.app.emit('web-contents-created', {}, contents);

    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const evil = preventable('https://evil.example/');
      contents.emit(event, evil);
      expect(evil.preventDefault, event).toHaveBeenCalled();
      const own = preventable('app://planner/index.html');
      contents.emit(event, own);
      expect(own.preventDefault, event).not.toHaveBeenCalled();
    }

    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'app://planner/index.html' })).toEqual({ action: 'deny' });
  });

  it('handles exactly the contract’s channels', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      Object.values(bridgeContract)
        .map((entry) => entry.channel)
        .sort(),
    );
  });

  it('checks the sending frame of every IPC message', async () => {
    const handler = fake.ipcHandlers.get(bridgeContract.appInfo.channel);
    const mainFrame = { url: 'app://planner/index.html', parent: null, processId: 4, routingId: 1 };
    const subframe = { url: 'app://planner/index.html', parent: mainFrame, processId: 4, routingId: 2 };
    const sender = { mainFrame };

    await expect(handler?.({ senderFrame: mainFrame, sender }, undefined)).resolves.toEqual({
      version: '0.1.0',
      dataFolder: pathOf('userData'),
      platform: process.platform,
    });
    await expect(handler?.({ senderFrame: subframe, sender }, undefined)).rejects.toThrow('sender not allowed');
    await expect(handler?.({ senderFrame: null, sender }, undefined)).rejects.toThrow('sender not allowed');
    const evil = { ...mainFrame, url: 'https://evil.example/' };
    await expect(handler?.({ senderFrame: evil, sender: { mainFrame: evil } }, undefined)).rejects.toThrow(
      'sender not allowed',
    );
    await expect(handler?.({ senderFrame: mainFrame, sender }, { unexpected: true })).rejects.toThrow(
      'planner:app-info: invalid request',
    );
  });

  it('serves app:// files with the CSP and a fixed content type', async () => {
    const handler = fake.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://planner/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response?.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(fake.electron.net.fetch).toHaveBeenCalledWith(
      pathToFileURL(join(mainFolder, '../renderer/index.html')).toString(),
    );
  });

  it('answers 404, with the CSP, for anything the resolver refuses', async () => {
    const handler = fake.protocolHandlers.get('app');
    fake.electron.net.fetch.mockClear();
    const response = await handler?.(new Request('app://planner/..%2f..%2fpackage.json'));
    expect(response?.status).toBe(404);
    expect(response?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(fake.electron.net.fetch).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = fake.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://planner/index.html', { method: 'POST', body: 'x' }));
    expect(response?.status).toBe(405);
  });
});
