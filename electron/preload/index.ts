/**
 * Exposes exactly the typed bridge of shared/bridge.ts as `window.planner`: one function per
 * contract method, each bound to its own channel. Neither ipcRenderer nor a generic `invoke` is
 * exposed, so a compromised page can reach nothing but these calls, which main checks again.
 * https://www.electronjs.org/docs/latest/tutorial/security#20-do-not-expose-electron-apis-to-untrusted-web-content
 *
 * Runs sandboxed, where only require('electron') is available: electron.config.ts bundles this file
 * into one CommonJS file, out/preload/index.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  BridgeContract,
  BridgeEventName,
  BridgeEvents,
  BridgeMethod,
  BridgeRequest,
  BridgeResponse,
  PlannerBridge,
  ShellCommand,
  ShellCommandName,
} from '@shared/bridge';

/**
 * The contract's channel names. Written out rather than read from `bridgeContract` so the preload
 * does not bundle zod and the schemas (validation happens in main, the side that can trust it); the
 * type makes a missing method, an extra one, or a name that differs from shared/bridge.ts a
 * compile error, and tests/electron/preload.test.ts compares them with the contract at run time.
 */
const channels: { readonly [M in BridgeMethod]: BridgeContract[M]['channel'] } = {
  saveFile: 'planner:save-file',
  openFile: 'planner:open-file',
  appInfo: 'planner:app-info',
  storeSyncPassword: 'planner:store-sync-password',
  readSyncPassword: 'planner:read-sync-password',
  forgetSyncPassword: 'planner:forget-sync-password',
  openSavedFile: 'planner:open-saved-file',
  writeBackup: 'planner:write-backup',
  listBackups: 'planner:list-backups',
  readBackup: 'planner:read-backup',
  deleteBackup: 'planner:delete-backup',
  installationInfo: 'planner:installation-info',
  signBackupDigest: 'planner:sign-backup-digest',
  wrapBackupKey: 'planner:wrap-backup-key',
  unwrapBackupKey: 'planner:unwrap-backup-key',
  setShellLanguage: 'planner:set-shell-language',
  reportBusy: 'planner:report-busy',
  readOfferedBackup: 'planner:read-offered-backup',
};

/** The channels main sends on, written out for the same reason as `channels`. */
const eventChannels: { readonly [E in BridgeEventName]: BridgeEvents[E]['channel'] } = {
  onCommand: 'planner:command',
};

/** The commands of shared/bridge.ts `SHELL_COMMANDS`, written out; the type keeps the list complete. */
const commandNames: { readonly [C in ShellCommandName]: true } = {
  'back-up': true,
  restore: true,
  print: true,
  'restore-file': true,
};

const OFFERED_FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A first check of what arrives on the command channel; the renderer checks it again with the contract's schema. */
function asCommand(payload: unknown): ShellCommand | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { command, offeredFileId } = payload as { command?: unknown; offeredFileId?: unknown };
  if (typeof command !== 'string' || !Object.hasOwn(commandNames, command)) return null;
  if (command === 'restore-file') {
    return typeof offeredFileId === 'string' && OFFERED_FILE_ID.test(offeredFileId) ? { command, offeredFileId } : null;
  }
  return { command: command as Exclude<ShellCommandName, 'restore-file'> };
}

/**
 * Commands that arrived before the page listened (a backup file double-clicked to start the app is
 * sent as soon as the page has loaded, before React has drawn it): kept, a few at most, for the
 * first listener.
 */
const MAX_WAITING_COMMANDS = 10;
const waitingCommands: ShellCommand[] = [];
const commandListeners = new Set<(command: ShellCommand) => void>();
ipcRenderer.on(eventChannels.onCommand, (_event, payload: unknown) => {
  const command = asCommand(payload);
  if (command === null) return;
  if (commandListeners.size === 0) {
    if (waitingCommands.length < MAX_WAITING_COMMANDS) waitingCommands.push(command);
    return;
  }
  for (const listener of commandListeners) listener(command);
});

/** Subscribes to main's commands; only the command itself reaches the listener, never the IPC event. */
function onCommand(listener: (command: ShellCommand) => void): () => void {
  commandListeners.add(listener);
  for (const command of waitingCommands.splice(0)) listener(command);
  return () => {
    commandListeners.delete(listener);
  };
}

// Electron rejects a failed invoke with "Error invoking remote method '<channel>': Error: <message>".
// Unwrapped here, so `error.message` is the same stable code ('file-too-large') inside Electron as in
// the browser implementation of the bridge.
const ELECTRON_INVOKE_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

function unwrapped(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(ELECTRON_INVOKE_PREFIX, ''));
}

/** Sends on the method's own channel; the response type is the contract's (main builds it). */
function invoke<M extends BridgeMethod>(method: M, ...request: [BridgeRequest<M>] | []): Promise<BridgeResponse<M>> {
  return ipcRenderer.invoke(channels[method], ...request).catch((error: unknown) => {
    throw unwrapped(error);
  });
}

// Each function forwards exactly one argument, so nothing but the request ever reaches main.
const bridge = {
  saveFile: (request) => invoke('saveFile', request),
  openFile: (request) => invoke('openFile', request),
  appInfo: () => invoke('appInfo'),
  storeSyncPassword: (request) => invoke('storeSyncPassword', request),
  readSyncPassword: () => invoke('readSyncPassword'),
  forgetSyncPassword: () => invoke('forgetSyncPassword'),
  openSavedFile: (request) => invoke('openSavedFile', request),
  writeBackup: (request) => invoke('writeBackup', request),
  listBackups: () => invoke('listBackups'),
  readBackup: (request) => invoke('readBackup', request),
  deleteBackup: (request) => invoke('deleteBackup', request),
  installationInfo: () => invoke('installationInfo'),
  signBackupDigest: (request) => invoke('signBackupDigest', request),
  wrapBackupKey: (request) => invoke('wrapBackupKey', request),
  unwrapBackupKey: (request) => invoke('unwrapBackupKey', request),
  setShellLanguage: (request) => invoke('setShellLanguage', request),
  reportBusy: (request) => invoke('reportBusy', request),
  readOfferedBackup: (request) => invoke('readOfferedBackup', request),
  onCommand,
} satisfies PlannerBridge;

contextBridge.exposeInMainWorld('planner', bridge);
