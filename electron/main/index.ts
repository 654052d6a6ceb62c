/**
 * The app's lifecycle, and nothing else: every decision (which URL may load, which file a request
 * maps to, which frame may call the bridge, what a valid request is) lives in the pure modules
 * beside this file, which tests/electron checks without Electron. This file only wires them to
 * Electron's objects.
 *
 * Security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { bridgeEvents, MAX_FILE_BYTES, type BusyWork, type ShellCommand, type ShellLanguage } from '@shared/bridge';
import { APP_ENTRY_URL, APP_RESPONSE_HEADERS, APP_SCHEME, contentTypeFor, resolveAppRequest } from './app-protocol';
import { openWithDialog, saveWithDialog } from './file-dialogs';
import { createBridgeRoutes, type BridgeImplementation } from './ipc-routes';
import { SavedFiles } from './saved-files';
import { BACKUP_FOLDER_NAME, BackupFolder } from './backup-folder';
import { InstallationKey } from './installation-key';
import { clip, consoleSink, createLogger, describeError, everySink, type LogSink } from './logger';
import { LOG_FILE_NAME, logFileSink, type LogFiles } from './log-file';
import { menuTemplate, type MenuCommand, type MenuEntry } from './menu';
import { DEFAULT_SHELL_LANGUAGE, fill, SHELL_TEXTS } from './shell-texts';
import { closeDecision, closeQuestion, closesAfter } from './close-guard';
import { backupPathFromArgv, isBackupPath } from './launch-file';
import { OfferedFiles } from './offered-files';
import { SyncPasswordStore } from './sync-password';
import {
  debouncedSaver,
  MIN_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  stateToSave,
  WINDOW_STATE_FILE,
  writeWindowState,
  type StateFiles,
} from './window-state';
import {
  devServerUrlFor,
  isAllowedNavigation,
  isPermissionGranted,
  type SenderFrame,
  type TrustOptions,
} from './navigation';

/** The log file, once the app is ready and knows its logs folder (electron/main/log-file.ts). */
let fileSink: LogSink = () => undefined;
const log = createLogger(
  'main',
  everySink(consoleSink, (level, line) => fileSink(level, line)),
);

const logFiles: LogFiles = {
  size: (path) => {
    try {
      return statSync(path).size;
    } catch {
      return null;
    }
  },
  append: (path, text) => appendFileSync(path, text, 'utf8'),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  makeFolder: (path) => mkdirSync(path, { recursive: true }),
};

const stateFiles: StateFiles = {
  read: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  write: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.part`;
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  },
};

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
/** The person's language as the renderer last reported it: the menu's and the dialogs' (issue 21). */
let language: ShellLanguage = DEFAULT_SHELL_LANGUAGE;
/** Long work the renderer reported running: closing asks first while any does. */
let busy: readonly BusyWork[] = [];
/** Backup files opened from outside the app, offered to the renderer by id. */
const offeredFiles = new OfferedFiles(MAX_FILE_BYTES);
/** Commands waiting for the page to finish loading (a file double-clicked to start the app). */
const waitingCommands: ShellCommand[] = [];
/** Paths macOS handed over (open-file) before the app was ready. */
const pathsBeforeReady: string[] = [];
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

// Created on first use, after `ready`, as the installation key.
let syncPasswordStore: SyncPasswordStore | null = null;
const syncPassword = (): SyncPasswordStore =>
  (syncPasswordStore ??= new SyncPasswordStore(app.getPath('userData'), safeStorage));

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
  storeSyncPassword: (request) => syncPassword().store(request.password),
  readSyncPassword: () => syncPassword().read(),
  forgetSyncPassword: () => syncPassword().forget(),
  appInfo: () =>
    Promise.resolve({ version: app.getVersion(), dataFolder: app.getPath('userData'), platform: process.platform }),
  setShellLanguage: (request) => {
    if (request.language !== language) {
      language = request.language;
      applyMenu();
    }
    return Promise.resolve(null);
  },
  reportBusy: (request) => {
    busy = request.work;
    return Promise.resolve(null);
  },
  readOfferedBackup: (request) => offeredFiles.read(request.offeredFileId),
};

/** Sends a command to the page, or keeps it until the page has loaded. */
function sendCommand(command: ShellCommand): void {
  const contents = mainWindow?.webContents;
  if (contents === undefined || contents.isLoading()) {
    waitingCommands.push(command);
    return;
  }
  contents.send(bridgeEvents.onCommand.channel, command);
}

/** Opens the restore dialog on a backup file opened from outside the app. */
function openBackupFile(path: string): void {
  const offeredFileId = offeredFiles.offer(path);
  if (offeredFileId === null) return;
  log.info('opening a backup file from outside the app');
  sendCommand({ command: 'restore-file', offeredFileId });
}

function showAbout(): void {
  const text = SHELL_TEXTS[language];
  const options = {
    type: 'info' as const,
    title: text.about.title,
    message: text.appName,
    detail: [
      fill(text.about.version, { version: app.getVersion() }),
      fill(text.about.dataFolder, { folder: app.getPath('userData') }),
    ].join('\n'),
    buttons: [text.about.ok],
  };
  void (mainWindow === null ? dialog.showMessageBox(options) : dialog.showMessageBox(mainWindow, options));
}

function openLogFolder(): void {
  const folder = app.getPath('logs');
  mkdirSync(folder, { recursive: true });
  void shell.openPath(folder).then((error) => {
    if (error !== '') log.warn('could not open the log folder', { error });
  });
}

function runMenuCommand(command: MenuCommand): void {
  if (command === 'about') showAbout();
  else if (command === 'open-log-folder') openLogFolder();
  else sendCommand({ command });
}

/** The pure menu's entries as Electron's, each command's entry with its click handler. */
function electronMenu(entries: readonly MenuEntry[]): MenuItemConstructorOptions[] {
  return entries.map((entry) => {
    const item: MenuItemConstructorOptions = {};
    if (entry.label !== undefined) item.label = entry.label;
    if (entry.role !== undefined) item.role = entry.role;
    if (entry.type !== undefined) item.type = entry.type;
    if (entry.accelerator !== undefined) item.accelerator = entry.accelerator;
    if (entry.submenu !== undefined) item.submenu = electronMenu(entry.submenu);
    const { command } = entry;
    if (command !== undefined) item.click = () => runMenuCommand(command);
    return item;
  });
}

function applyMenu(): void {
  const entries = menuTemplate(language, { platform: process.platform, isDevelopment: devServerUrl !== undefined });
  Menu.setApplicationMenu(Menu.buildFromTemplate(electronMenu(entries)));
}

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

/** How long the window must rest after a move or resize before its place is saved. */
const SAVE_PLACE_AFTER_MS = 500;

function createMainWindow(): BrowserWindow {
  const statePath = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const place = placeWindow(readWindowState(stateFiles, statePath), {
    primary: screen.getPrimaryDisplay().workArea,
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
  });
  const window = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
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
  window.once('ready-to-show', () => {
    if (place.maximized) window.maximize();
    window.show();
  });
  // Without this, a renderer that fails to load leaves an invisible process the user cannot close.
  window.webContents.once('did-fail-load', () => window.show());
  window.webContents.on('did-finish-load', () => {
    for (const command of waitingCommands.splice(0)) window.webContents.send(bridgeEvents.onCommand.channel, command);
  });
  // A page that reloads or crashes runs nothing any more.
  window.webContents.on('did-navigate', () => {
    busy = [];
  });
  window.webContents.on('render-process-gone', () => {
    busy = [];
  });

  const saver = debouncedSaver(
    (state) => {
      const error = writeWindowState(stateFiles, statePath, state);
      if (error !== null) log.warn('could not save the window’s place', { error: describeError(error) });
    },
    SAVE_PLACE_AFTER_MS,
    { set: (run, delay) => setTimeout(run, delay), clear: (handle) => clearTimeout(handle) },
  );
  const current = () => stateToSave(window.getNormalBounds(), window.isMaximized());
  window.on('move', () => saver.schedule(current));
  window.on('resize', () => saver.schedule(current));
  window.on('maximize', () => saver.schedule(current));
  window.on('unmaximize', () => saver.schedule(current));
  let closeConfirmed = false;
  window.on('close', (event) => {
    saver.schedule(current);
    saver.flush();
    if (closeDecision(busy, closeConfirmed) === 'close') return;
    event.preventDefault();
    const question = { type: 'warning' as const, noLink: true, ...closeQuestion(language, busy) };
    void dialog.showMessageBox(window, question).then(({ response }) => {
      if (!closesAfter(response)) return;
      closeConfirmed = true;
      window.close();
    });
  });
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

  fileSink = logFileSink(logFiles, join(app.getPath('logs'), LOG_FILE_NAME));
  // In zh-CN until the page reports the person's language (electron/main/menu.ts).
  applyMenu();

  mainWindow = createMainWindow();
  // A backup file double-clicked to start the app (Windows, Linux) or handed over by macOS.
  const launched = backupPathFromArgv(process.argv);
  if (launched !== null) openBackupFile(launched);
  for (const path of pathsBeforeReady.splice(0)) openBackupFile(path);
}

// Two instances would open the same IndexedDB from two windows: the second one hands over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // The second start's command line may name a backup file the person double-clicked.
  app.on('second-instance', (_event, argv: string[]) => {
    focusMainWindow();
    const path = backupPathFromArgv(argv);
    if (path !== null) openBackupFile(path);
  });
  // macOS opens files through this event, at start (before ready) and while running.
  app.on('open-file', (event, path: string) => {
    event.preventDefault();
    if (!isBackupPath(path)) return;
    if (app.isReady()) {
      // macOS keeps the app running with no window: the file opens one.
      mainWindow ??= createMainWindow();
      focusMainWindow();
      openBackupFile(path);
    } else {
      pathsBeforeReady.push(path);
    }
  });
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
