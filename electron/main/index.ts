/**
 * The app's lifecycle, and nothing else: every decision (which URL may load, which file a request
 * maps to, which frame may call the bridge, what a valid request is) lives in the pure modules
 * beside this file, which tests/electron checks without Electron. This file only wires them to
 * Electron's objects.
 *
 * Security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, APP_RESPONSE_HEADERS, APP_SCHEME, contentTypeFor, resolveAppRequest } from './app-protocol';
import { openWithDialog, saveWithDialog } from './file-dialogs';
import { createBridgeRoutes, type BridgeImplementation } from './ipc-routes';
import { SavedFiles } from './saved-files';
import { BACKUP_FOLDER_NAME, BackupFolder } from './backup-folder';
import { InstallationKey } from './installation-key';
import { clip, createLogger, describeError } from './logger';
import {
  devServerUrlFor,
  isAllowedNavigation,
  isPermissionGranted,
  type SenderFrame,
  type TrustOptions,
} from './navigation';

const log = createLogger('main');

// Must run before `ready`. `standard` gives app:// real origins (IndexedDB, relative URLs), `secure`
// makes it a secure context, `supportFetchAPI` and `stream` let the page fetch its own assets.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
// Every renderer sandboxed, including any created by mistake without webPreferences.sandbox.
// https://www.electronjs.org/docs/latest/tutorial/security#4-enable-process-sandboxing
app.enableSandbox();

// Built files sit next to each other in out/: main/, preload/, renderer/.
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const devServerUrl = devServerUrlFor({ isPackaged: app.isPackaged, rendererUrl: process.env['ELECTRON_RENDERER_URL'] });
const trust: TrustOptions = { devServerUrl };

let mainWindow: BrowserWindow | null = null;
const savedFiles = new SavedFiles((path) => shell.openPath(path));
// Created on first use: app.getPath('userData') is only final once the app is ready.
let backupFolder: BackupFolder | null = null;
const backups = (): BackupFolder =>
  (backupFolder ??= new BackupFolder(join(app.getPath('userData'), BACKUP_FOLDER_NAME)));

// Created on first use, after `ready`: safeStorage works only then.
let installationKeyStore: InstallationKey | null = null;
const installationKey = (): InstallationKey =>
  (installationKeyStore ??= new InstallationKey(app.getPath('userData'), safeStorage, undefined, (message, details) =>
    log.warn(message, details),
  ));

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function serveAppRequest(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...APP_RESPONSE_HEADERS, Allow: 'GET, HEAD' } });
  }
  const resolved = resolveAppRequest(request.url, rendererRoot);
  if (resolved.kind === 'refused') {
    log.warn('refused app:// request', { url: request.url, reason: resolved.reason });
    return notFound();
  }
  try {
    // A folder whose name has a dot would otherwise come back as a file:// directory listing.
    if (!(await stat(resolved.path)).isFile()) return notFound();
    const file = await net.fetch(pathToFileURL(resolved.path).toString());
    if (!file.ok) return notFound();
    const headers = new Headers(APP_RESPONSE_HEADERS);
    const contentType = contentTypeFor(resolved.path) ?? file.headers.get('Content-Type');
    if (contentType !== null) headers.set('Content-Type', contentType);
    return new Response(file.body, { status: file.status, headers });
  } catch {
    return notFound();
  }
}

/** What the sender check needs from an IPC event, or null when the frame is already gone. */
function senderOf(event: IpcMainInvokeEvent): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    if (frame === null) return null;
    const top = event.sender.mainFrame;
    // Compared by ids rather than object identity, which is an implementation detail of Electron.
    const isMainFrame = frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId;
    return { url: frame.url, isMainFrame };
  } catch {
    // Reading a frame that navigated away or was destroyed throws.
    return null;
  }
}

const implementation: BridgeImplementation = {
  saveFile: (request) =>
    saveWithDialog(request, {
      documentsFolder: app.getPath('documents'),
      showSaveDialog: (options) =>
        mainWindow === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(mainWindow, options),
      remember: (path) => savedFiles.remember(path),
    }),
  openSavedFile: (request) => savedFiles.open(request),
  openFile: (request) =>
    openWithDialog(request, {
      showOpenDialog: (options) =>
        mainWindow === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(mainWindow, options),
    }),
  writeBackup: (request) => backups().write(request),
  listBackups: () => backups().list(),
  readBackup: (request) => backups().read(request),
  deleteBackup: (request) => backups().delete(request),
  installationInfo: () => installationKey().info(),
  signBackupDigest: async (request) => ({ signature: await installationKey().sign(request.digest) }),
  wrapBackupKey: async (request) => ({ wrapped: await installationKey().wrap(request.dataKey) }),
  unwrapBackupKey: async (request) => {
    const dataKey = await installationKey().unwrap(request.wrapped);
    return dataKey === null ? null : { dataKey };
  },
  appInfo: () =>
    Promise.resolve({ version: app.getVersion(), dataFolder: app.getPath('userData'), platform: process.platform }),
};

function registerBridge(): void {
  for (const route of createBridgeRoutes(implementation, { ...trust, log })) {
    ipcMain.handle(route.channel, (event, payload: unknown) => route.handle(senderOf(event), payload));
  }
}

/** Navigation and window guards for every webContents, including any this file does not create. */
function guardWebContents(contents: WebContents): void {
  // https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('refused a <webview>');
  });
  // https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
  const guardNavigation = (event: { url: string; preventDefault: () => void }): void => {
    if (isAllowedNavigation(event.url, trust)) return;
    event.preventDefault();
    log.warn('refused navigation', { url: clip(event.url) });
  };
  contents.on('will-navigate', guardNavigation);
  // will-navigate covers the top frame only; subframes navigate through will-frame-navigate.
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  // https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('refused a new window', { url: clip(url) });
    return { action: 'deny' };
  });
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: '点对点专列规划',
    show: false,
    webPreferences: {
      preload: preloadPath,
      // https://www.electronjs.org/docs/latest/tutorial/security#3-enable-context-isolation
      contextIsolation: true,
      // https://www.electronjs.org/docs/latest/tutorial/security#4-enable-process-sandboxing
      sandbox: true,
      // https://www.electronjs.org/docs/latest/tutorial/security#2-do-not-enable-nodejs-integration-for-remote-content
      nodeIntegration: false,
      // https://www.electronjs.org/docs/latest/tutorial/security#6-do-not-disable-websecurity
      webSecurity: true,
      // https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
      webviewTag: false,
      // It would underline every Chinese name and ID number, and on Linux and Windows it can fetch
      // Hunspell dictionaries from Google's CDN: the app works offline.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Without this, a renderer that fails to load leaves an invisible process the user cannot close.
  window.webContents.once('did-fail-load', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    log.error('could not load the renderer', { error: describeError(error) });
  });
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function start(): void {
  // The app needs no camera, notifications or location: only what isPermissionGranted lists, for its own pages.
  // https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, trust)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trust),
  );

  protocol.handle(APP_SCHEME, serveAppRequest);
  registerBridge();

  // Windows and Linux get no menu bar (shortcuts for copy and paste work without one); macOS keeps
  // its default menu, where Edit > Copy/Paste are what make those shortcuts work. The dev build keeps
  // the menu for reload and the developer tools.
  if (process.platform !== 'darwin' && devServerUrl === undefined) Menu.setApplicationMenu(null);

  mainWindow = createMainWindow();
}

// Two instances would open the same IndexedDB from two windows: the second one hands over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) mainWindow = createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('could not start', { error: describeError(error) });
      app.quit();
    });
}
