/**
 * The Electron binary cannot run here, so this loads electron/main/index.ts against a stand-in
 * `electron` module and checks the wiring that the pure modules cannot: the scheme registered
 * before ready, the window's webPreferences, the guards on every webContents, one IPC handler per
 * contract channel, and the app:// handler answering with the CSP.
 */
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract } from '@shared/bridge';
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
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
  });
  const windows: { options: Record<string, unknown>; window: ReturnType<typeof makeWindow> }[] = [];
  function makeWindow() {
    return Object.assign(makeEmitter(), {
      webContents: makeEmitter(),
      loadURL: vi.fn(() => Promise.resolve()),
      show: vi.fn(),
      focus: vi.fn(),
      restore: vi.fn(),
      isMinimized: vi.fn(() => false),
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
      dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string, listener: Listener) => ipcHandlers.set(channel, listener)) },
      Menu: { setApplicationMenu: vi.fn() },
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

function preventable(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeAll(async () => {
  // The refusals are logged on purpose; keep them out of the test report.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('@electron/main/index');
  // Let whenReady().then(start) run.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
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
    fake.electron.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
  });

  it('removes the menu bar on Windows and Linux', () => {
    if (process.platform === 'darwin') return;
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
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
      dataFolder: '/fake/userData',
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
