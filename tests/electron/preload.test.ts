import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract, bridgeEvents, type BridgeMethod } from '@shared/bridge';

// The preload only runs inside Electron; here its two Electron objects are stand-ins that record calls.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: {
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() => Promise.resolve('reply')),
    on: vi.fn<(channel: string, listener: (event: unknown, payload: unknown) => void) => void>(),
  },
}));

/** What main sends on a channel, as the preload's ipcRenderer listener receives it. */
function sendFromMain(channel: string, payload: unknown): void {
  for (const [on, listener] of electron.ipcRenderer.on.mock.calls) {
    if (on === channel) listener({ sender: 'the IPC event' }, payload);
  }
}
vi.mock('electron', () => electron);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('@electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('planner');
  exposed = api as Record<string, unknown>;
});

function exposedFunction(method: BridgeMethod | 'onCommand'): (...args: unknown[]) => Promise<unknown> {
  const value = exposed[method];
  if (typeof value !== 'function') throw new Error(`${method} is not exposed as a function`);
  return value as (...args: unknown[]) => Promise<unknown>;
}

describe('the preload bridge', () => {
  it('exposes exactly one function per contract method and per event, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...Object.keys(bridgeContract), ...Object.keys(bridgeEvents)].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke', () => {
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer.invoke);
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('ipcRenderer');
  });

  it.each(['saveFile', 'openFile', 'openSavedFile', 'setShellLanguage', 'reportBusy', 'readOfferedBackup'] as const)(
    '%s sends its one request on the contract’s channel',
    async (method) => {
      electron.ipcRenderer.invoke.mockClear();
      const request = { marker: method };
      await expect(exposedFunction(method)(request, 'extra argument', { channel: 'planner:other' })).resolves.toBe(
        'reply',
      );
      expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[bridgeContract[method].channel, request]]);
    },
  );

  it('appInfo sends no payload, whatever the page passes', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await exposedFunction('appInfo')({ injected: true });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[bridgeContract.appInfo.channel]]);
  });

  it('rejects with the bare error code, as the browser bridge does', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'planner:open-file': Error: file-too-large"),
    );
    await expect(exposedFunction('openFile')({ filters: [], maxBytes: 1 })).rejects.toThrow(
      expect.objectContaining({ message: 'file-too-large' }),
    );
  });

  it('passes other failures on with their message', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered for x'));
    await expect(exposedFunction('appInfo')()).rejects.toThrow(
      expect.objectContaining({ message: 'No handler registered for x' }),
    );
  });
});

describe('commands from main', () => {
  const FILE_ID = '0b5c3f4e-8f7a-4d2b-9c1e-2a3b4c5d6e7f';
  const onCommand = (listener: (command: unknown) => void) =>
    exposedFunction('onCommand')(listener) as unknown as () => void;

  it('listens on the contract’s channel only', () => {
    expect(electron.ipcRenderer.on.mock.calls.map(([channel]) => channel)).toEqual([bridgeEvents.onCommand.channel]);
  });

  it('keeps commands sent before the page listened for its first listener', () => {
    sendFromMain(bridgeEvents.onCommand.channel, { command: 'restore-file', offeredFileId: FILE_ID });
    const heard: unknown[] = [];
    const stop = onCommand((command) => heard.push(command));
    expect(heard).toEqual([{ command: 'restore-file', offeredFileId: FILE_ID }]);
    stop();
  });

  it('hands over the command alone, never the IPC event; after the unsubscribe, the next listener gets it', () => {
    const heard: unknown[] = [];
    const stop = onCommand((command) => heard.push(command));
    sendFromMain(bridgeEvents.onCommand.channel, { command: 'print' });
    stop();
    sendFromMain(bridgeEvents.onCommand.channel, { command: 'back-up' });
    expect(heard).toEqual([{ command: 'print' }]);
    const next: unknown[] = [];
    onCommand((command) => next.push(command))();
    expect(next).toEqual([{ command: 'back-up' }]);
  });

  it.each([
    ['an unknown command', { command: 'open-devtools' }],
    ['a file command without its id', { command: 'restore-file' }],
    ['a file command with a path', { command: 'restore-file', offeredFileId: 'C:\\Windows\\win.ini' }],
    ['nothing', null],
    ['an inherited name', { command: 'toString' }],
  ])('drops %s', (_, payload) => {
    const heard: unknown[] = [];
    const stop = onCommand((command) => heard.push(command));
    sendFromMain(bridgeEvents.onCommand.channel, payload);
    stop();
    expect(heard).toEqual([]);
  });

  it('passes only the command’s own fields', () => {
    const heard: unknown[] = [];
    const stop = onCommand((command) => heard.push(command));
    sendFromMain(bridgeEvents.onCommand.channel, { command: 'restore', path: '/etc/passwd' });
    stop();
    expect(heard).toEqual([{ command: 'restore' }]);
  });
});
